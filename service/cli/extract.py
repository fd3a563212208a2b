"""`palmares extract`: one page in, its summary or extraction result out."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app


class OutputFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


def read_source(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.is_file():
        raise typer.BadParameter(f"no such file: {source}", param_hint="FILE")
    return path.read_bytes()


def load_calendar_file(path: Path | None):
    if path is None:
        return None
    from nlp.calendar import load_calendar

    if not path.is_file():
        raise typer.BadParameter(f"no such file: {path}", param_hint="--calendar")
    calendar = load_calendar(path.read_bytes())
    for error in calendar.errors:
        typer.echo(f"calendar {path}: line {error.line}: {error.message}: {error.text!r}", err=True)
    return calendar


@app.command("extract")
def extract_command(
    source: Annotated[
        str, typer.Argument(metavar="FILE|-", help="Page to read (text, HTML or pasted page); - reads stdin.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Summary format, or json for the full extraction result.")
    ] = OutputFormat.text,
    lang_out: Annotated[
        str | None,
        typer.Option("--lang-out", help="Summary language: nl, en, fr, es, de or it (default: the article's)."),
    ] = None,
    calendar: Annotated[
        Path | None, typer.Option("--calendar", help="Calendar to link against (seed format or .ics).")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date, YYYY-MM or YYYY-MM-DD (resolves weekdays).")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="Language hint, used when detection is unsure.")
    ] = None,
) -> None:
    """Extract athletes, results, quotes, fixtures and calendar links from one page."""
    from nlp.engine import get_engine, render_summary
    from nlp.errors import InputError
    from nlp.pipeline.lexicon import LexiconError
    from nlp.summaries import UnsupportedLanguage, check_language

    if lang_out is not None:
        try:
            lang_out = check_language(lang_out)
        except UnsupportedLanguage as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
    data = read_source(source)
    try:
        result = get_engine().extract(
            data,
            id=None if source == "-" else Path(source).name,
            published=published,
            language=language,
            calendar=load_calendar_file(calendar),
        )
    except (InputError, LexiconError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    if output_format is OutputFormat.json:
        if lang_out:
            result.summary = render_summary(result, lang_out, "text")
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_summary(result, lang_out or result.language, output_format.value), nl=False)
