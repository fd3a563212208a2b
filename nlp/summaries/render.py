"""Build a language-neutral summary view of a result, then render it with a Jinja2 template."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, select_autoescape

from models.records import ExtractionResult, Result
from nlp.pipeline.lexicon import load_lexicon

SUMMARY_FORMATS = ("text", "markdown", "html")
SUMMARY_LANGUAGES = tuple(
    sorted(
        p.name[:-5] for p in resources.files("nlp.summaries").joinpath("phrases").iterdir() if p.name.endswith(".json")
    )
)
_TEMPLATE = {"text": "summary.txt.j2", "markdown": "summary.md.j2", "html": "summary.html.j2"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@cache
def phrases(language: str) -> dict[str, str]:
    name = f"{language}.json" if language in SUMMARY_LANGUAGES else "en.json"
    return json.loads(resources.files("nlp.summaries").joinpath("phrases", name).read_text(encoding="utf-8"))


def _escape_html_in_markdown(value: Any) -> Any:
    """Markdown passes HTML through: a quote holding `<img onerror=…>` must reach the reader as text."""
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


@lru_cache(maxsize=2)
def _environment(markdown: bool = False) -> Environment:
    return Environment(
        loader=PackageLoader("nlp.summaries", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        finalize=_escape_html_in_markdown if markdown else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


class Formatter:
    """Locale-aware numbers, ordinals, times, event and weekday names."""

    def __init__(self, language: str) -> None:
        self.language = language if language in SUMMARY_LANGUAGES else "en"
        self.phrases = phrases(self.language)

    def seconds(self, value: float) -> str:
        if value < 60:
            pattern = "0" if float(value).is_integer() else "0.00#"
            return format_decimal(value, format=pattern, locale=self.language)
        minutes, secs = divmod(value, 60)
        if minutes < 60:
            return f"{int(minutes)}:{format_decimal(secs, format='00.00', locale=self.language)}"
        hours, minutes = divmod(int(minutes), 60)
        return f"{hours}:{minutes:02d}:{format_decimal(secs, format='00', locale=self.language)}"

    def ordinal(self, n: int) -> str:
        key = f"ordinal_{n % 100}" if f"ordinal_{n % 100}" in self.phrases else f"ordinal_{n % 10}"
        return self.phrases.get(key, self.phrases["ordinal"]).format(n=n)

    def event(self, event: str | None) -> str | None:
        if not event:
            return None
        if event.startswith("stage "):
            return self.phrases["stage"].format(n=event.split()[1])
        if event.endswith((" m", " km")):
            number, unit = event.rsplit(" ", 1)
            return f"{format_decimal(float(number), locale=self.language)} {unit}"
        return load_lexicon(self.language)["discipline_names"].get(event, event)

    def weekday(self, when: str, date: str | dt.date | None) -> str:
        if date:
            day = dt.date.fromisoformat(date) if isinstance(date, str) else date
            return format_date(day, format="full", locale=self.language)
        if when in _WEEKDAYS:
            return get_day_names("wide", locale=self.language)[_WEEKDAYS.index(when)]
        if when.startswith("--"):  # a day of a month, year unknown
            month, day = map(int, when[2:].split("-"))
            return format_date(dt.date(2000, month, day), format="d MMMM", locale=self.language)
        return when

    def medal(self, medal: str) -> str:
        return self.phrases.get(f"medal_{medal}", medal)


def _result_sentence(result: Result, fmt: Formatter) -> str:
    p = fmt.phrases
    event = fmt.event(result.event)
    won = result.rank == 1 and result.medal in (None, "gold") and result.gap is None
    if won and event:
        parts = [p["won_event"].format(athlete=result.athlete, event=event)]
        event = None
    elif won:
        parts = [p["won"].format(athlete=result.athlete)]
    elif result.rank is not None:
        parts = [p["finished"].format(athlete=result.athlete, rank=fmt.ordinal(result.rank))]
    elif result.medal:
        parts = [p["took_medal"].format(athlete=result.athlete, medal=fmt.medal(result.medal))]
    else:
        parts = [result.athlete]
    if event:
        parts.append(p["in_event"].format(event=event))
    if result.time is not None:
        parts.append(p["in_time"].format(time=fmt.seconds(result.time)))
    if result.gap is not None:
        gap = fmt.seconds(result.gap)
        key = "behind_winner" if result.gap_to else "behind_plain"
        parts[-1] += ","
        parts.append(p[key].format(gap=gap, reference=result.gap_to or ""))
    if result.medal and result.rank is not None:
        parts.append(f"({fmt.medal(result.medal)})")
    return " ".join(parts) + "."


def summary_view(result: ExtractionResult, language: str) -> dict[str, Any]:
    fmt = Formatter(language)
    results = sorted(result.results, key=lambda r: (r.rank is None, r.rank or 0))
    medals: dict[str, list[str]] = {}
    for tally in result.medal_tallies:
        medals.setdefault(fmt.medal(tally.medal), []).extend(a for a in tally.athletes)
    for r in result.results:
        if r.medal and r.athlete not in medals.get(fmt.medal(r.medal), []):
            medals.setdefault(fmt.medal(r.medal), []).append(r.athlete)
    key_quote = next((q for q in result.quotes if q.speaker), None)
    return {
        "p": fmt.phrases,
        "title": result.title,
        "results": [_result_sentence(r, fmt) for r in results],
        "medals": medals,
        "fixtures": [
            {"when": fmt.weekday(f.when, f.date), "event": fmt.event(f.event), "athletes": f.athletes}
            for f in result.schedule
        ],
        "quote": key_quote,
        "links": [
            {"race": link.race, "stage": fmt.phrases["stage"].format(n=link.stage) if link.stage else None}
            for link in result.calendar_links
        ],
    }


def render_summary(result: ExtractionResult, language: str | None = None, fmt: str = "text") -> str:
    if fmt not in _TEMPLATE:
        raise ValueError(f"unknown summary format {fmt!r}; choose one of {', '.join(SUMMARY_FORMATS)}")
    view = summary_view(result, language or result.language)
    return _environment(markdown=fmt == "markdown").get_template(_TEMPLATE[fmt]).render(**view).strip() + "\n"
