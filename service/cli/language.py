"""`palmares detect-language`: one text per line on stdin, `lang<TAB>confidence` per line on stdout, in order."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated, TextIO

import typer

from service.cli.app import app


def stream_languages(lines: Iterable[str], out: TextIO, hint: str | None = None) -> int:
    """Writes one answer per input line as soon as it is read (streaming); returns the number of lines."""
    from nlp.language import detect_language  # no spaCy: the detector needs langdetect's profiles only

    count = 0
    for line in lines:
        guess = detect_language(line.rstrip("\r\n"), hint=hint)
        out.write(f"{guess.language}\t{guess.confidence:.4f}\n")
        out.flush()
        count += 1
    return count


@app.command("detect-language")
def detect_language_command(
    hint: Annotated[str | None, typer.Option(help="language to prefer when a line is ambiguous (ISO 639-1)")] = None,
) -> None:
    """Language of each line read on stdin: prints `lang<TAB>confidence` per line (`und` for too little text)."""
    if hint is not None:
        from nlp.language import known_languages

        hint = hint.strip().lower()
        if hint not in known_languages():
            raise typer.BadParameter(
                f"unknown language code {hint!r} (use ISO 639-1, e.g. de, en, nl)", param_hint="--hint"
            )
    stdin = sys.stdin
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(encoding="utf-8", errors="replace")
    stream_languages(stdin, sys.stdout, hint=hint)
