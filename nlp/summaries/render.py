"""Build a language-neutral summary view of a result, then render it with a Jinja2 template."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache, lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, select_autoescape

from models.palmares import Palmares
from models.records import ExtractionResult, Fixture, MedalTally, Result
from nlp.language_data import data_languages, language_file
from nlp.pipeline.lexicon import FALLBACK_LANGUAGE, load_lexicon

SUMMARY_FORMATS = ("text", "markdown", "html")
SUMMARY_LANGUAGES = tuple(data_languages("phrases"))  # as found at start-up; a language without phrases: English
_TEMPLATE = {"text": "summary.txt.j2", "markdown": "summary.md.j2", "html": "summary.html.j2"}
_PALMARES_TEMPLATE = {"text": "palmares.txt.j2", "markdown": "palmares.md.j2", "html": "palmares.html.j2"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MEDAL_ORDER = ("gold", "silver", "bronze")
STANDINGS = ("general", "points", "mountains", "youth", "teams", "overall")


class UnsupportedLanguage(ValueError):
    """A summary was asked in a language without phrases; the message lists the supported ones."""


def check_language(language: str) -> str:
    """The language, when summaries can be written in it; UnsupportedLanguage naming the supported ones."""
    code = (language or "").strip().lower()
    if code not in SUMMARY_LANGUAGES:
        raise UnsupportedLanguage(
            f"unsupported summary language {language[:20]!r}: choose one of {', '.join(SUMMARY_LANGUAGES)}"
        )
    return code


@cache
def phrases(language: str) -> dict[str, str]:
    path = language_file("phrases", language) or language_file("phrases", FALLBACK_LANGUAGE)
    assert path is not None, "the package ships the English phrases"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def babel_locale(language: str) -> str:
    """The CLDR locale that formats dates and numbers: the language's own, English where CLDR has none."""
    try:
        Locale.parse(language)
        return language
    except (ValueError, UnknownLocaleError):
        return FALLBACK_LANGUAGE


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
        self.language = language if language_file("phrases", language) else FALLBACK_LANGUAGE
        self.phrases = phrases(self.language)
        self.locale = babel_locale(self.language)

    def seconds(self, value: float) -> str:
        if value < 60:
            pattern = "0" if float(value).is_integer() else "0.00#"
            return format_decimal(value, format=pattern, locale=self.locale)
        minutes, secs = divmod(value, 60)
        if minutes < 60:
            return f"{int(minutes)}:{format_decimal(secs, format='00.00', locale=self.locale)}"
        hours, minutes = divmod(int(minutes), 60)
        return f"{hours}:{minutes:02d}:{format_decimal(secs, format='00', locale=self.locale)}"

    def ordinal(self, n: int) -> str:
        key = f"ordinal_{n % 100}" if f"ordinal_{n % 100}" in self.phrases else f"ordinal_{n % 10}"
        return self.phrases.get(key, self.phrases["ordinal"]).format(n=n)

    def event(self, event: str | None) -> str | None:
        if not event:
            return None
        if event in STANDINGS:
            return self.phrases[f"standings_{event}"]
        if event.startswith("stage "):
            return self.phrases["stage"].format(n=event.split()[1])
        if event.endswith((" m", " km")):
            number, unit = event.rsplit(" ", 1)
            return f"{format_decimal(float(number), locale=self.locale)} {unit}"
        return load_lexicon(self.language)["discipline_names"].get(event, event)

    def weekday(self, when: str, date: str | dt.date | None) -> str:
        if date:
            day = dt.date.fromisoformat(date) if isinstance(date, str) else date
            return format_date(day, format="full", locale=self.locale)
        if when in _WEEKDAYS:
            return get_day_names("wide", locale=self.locale)[_WEEKDAYS.index(when)]
        if when.startswith("--"):  # a day of a month, year unknown
            month, day_of_month = map(int, when[2:].split("-"))
            return format_date(dt.date(2000, month, day_of_month), format="d MMMM", locale=self.locale)
        return when

    def medal(self, medal: str) -> str:
        return self.phrases.get(f"medal_{medal}", medal)

    def day(self, day: dt.date) -> str:
        return format_date(day, format="long", locale=self.language)

    def medal_counts(self, counts: dict[str, int]) -> str:
        """ "one gold medal and 2 silver medals": gold, silver, bronze, those above zero."""
        parts = [
            self.phrases[f"tally_{medal}_one" if counts[medal] == 1 else f"tally_{medal}"].format(count=counts[medal])
            for medal in MEDAL_ORDER
            if counts.get(medal)
        ]
        if len(parts) > 1:
            return f"{', '.join(parts[:-1])} {self.phrases['and']} {parts[-1]}"
        return parts[0] if parts else ""


def _stage_number(result: Result) -> int | None:
    """The stage a result is of, when its event is that stage (not a classification after it)."""
    if result.standings:
        return None
    if result.stage is not None:
        return result.stage
    match = re.fullmatch(r"stage (\d+)", result.event or "")
    return int(match.group(1)) if match else None


def _result_sentence(result: Result, fmt: Formatter) -> str:
    p = fmt.phrases
    event = fmt.event(result.event)
    won = result.rank == 1 and result.medal in (None, "gold") and result.gap is None
    stage = _stage_number(result)
    if won and result.standings and event:
        parts = [p["leads"].format(athlete=result.athlete, event=event)]
        event = None
    elif won and stage is not None and "won_stage" in p:
        parts = [p["won_stage"].format(athlete=result.athlete, n=stage)]
        event = None
    elif won and event:
        parts = [p["won_event"].format(athlete=result.athlete, event=event)]
        event = None
    elif won:
        parts = [p["won"].format(athlete=result.athlete)]
    elif result.rank is not None:
        parts = [p["finished"].format(athlete=result.athlete, rank=fmt.ordinal(result.rank))]
    elif result.medal:
        parts = [p["took_medal"].format(athlete=result.athlete, medal=fmt.medal(result.medal))]
    else:
        parts = [p["competed"].format(athlete=result.athlete)]  # every line says what the athlete did
    if event and stage is not None and "in_stage" in p:
        parts.append(p["in_stage"].format(n=stage))
    elif event:
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


def _medal_winners(results: list[Result], fmt: Formatter) -> dict[str, list[str]]:
    """Medals won in this article's events, gold first; a team's season tally is told apart (`_tallies`)."""
    winners: dict[str, list[str]] = {}
    for medal in MEDAL_ORDER:
        names = list(dict.fromkeys(r.athlete for r in results if r.medal == medal))
        if names:
            winners[fmt.medal(medal)] = names
    return winners


def _tallies(tallies: list[MedalTally], fmt: Formatter) -> list[str]:
    """ "The team has won 2 gold medals (A, B) and one bronze medal (C) so far.": one sentence per team (or per
    sentence of the article, when it names no team), the medallists it names in brackets."""
    grouped: dict[str, dict[str, MedalTally]] = {}
    for tally in tallies:
        if tally.medal in MEDAL_ORDER and tally.count:
            key = tally.team or tally.evidence or ", ".join(tally.athletes)
            grouped.setdefault(key, {}).setdefault(tally.medal, tally)
    lines = []
    for by_medal in grouped.values():
        counts = {medal: tally.count for medal, tally in by_medal.items()}
        parts = []
        for medal in MEDAL_ORDER:
            if medal in by_medal:
                part = fmt.medal_counts({medal: counts[medal]})
                names = by_medal[medal].athletes
                parts.append(f"{part} ({', '.join(names)})" if names else part)
        joined = f"{', '.join(parts[:-1])} {fmt.phrases['and']} {parts[-1]}" if len(parts) > 1 else parts[0]
        team = next((t.team for t in by_medal.values() if t.team), None) or fmt.phrases["team_subject"]
        lines.append(fmt.phrases["tally"].format(team=team, counts=joined))
    return lines


def _fixtures(schedule: list[Fixture], fmt: Formatter) -> list[dict[str, Any]]:
    ordered = sorted(schedule, key=lambda f: (f.date is None, f.date or dt.date.max))
    return [{"when": fmt.weekday(f.when, f.date), "event": fmt.event(f.event), "athletes": f.athletes} for f in ordered]


def summary_view(result: ExtractionResult, language: str) -> dict[str, Any]:
    fmt = Formatter(language)
    results = sorted(result.results, key=lambda r: (r.rank is None, r.rank or 0))
    key_quote = next((q for q in result.quotes if q.speaker), None)
    return {
        "p": fmt.phrases,
        "title": result.title,
        "results": [_result_sentence(r, fmt) for r in results],
        "medals": _medal_winners(result.results, fmt),
        "tallies": _tallies(result.medal_tallies, fmt),
        "fixtures": _fixtures(result.schedule, fmt),
        "quote": key_quote,
        "links": [
            {"race": link.race, "stage": fmt.phrases["stage"].format(n=link.stage) if link.stage else None}
            for link in result.calendar_links
        ],
    }


def palmares_view(palmares: Palmares, language: str) -> dict[str, Any]:
    fmt = Formatter(language)
    p = fmt.phrases
    counts = {m: palmares.medals.get(m, 0) for m in MEDAL_ORDER}
    medals = (
        p["won_medals"].format(athlete=palmares.athlete, counts=fmt.medal_counts(counts))
        if any(counts.values())
        else p["no_medals"].format(athlete=palmares.athlete)
    )
    seasons = []
    for season in palmares.seasons:
        groups = []
        for group in season.competitions:
            lines = []
            for result in group.results:
                sentence = _result_sentence(result, fmt)
                lines.append(f"{fmt.day(result.date)}: {sentence}" if result.date else sentence)
            groups.append({"name": group.name or p["other_results"], "lines": lines})
        seasons.append({"year": season.year, "competitions": groups})
    return {
        "p": p,
        "title": palmares.athlete,
        "medals": medals,
        "seasons": seasons,
        "fixtures": _fixtures(palmares.fixtures, fmt),
        "quotes": palmares.quotes,
    }


def render_palmares(palmares: Palmares, language: str, fmt: str = "text") -> str:
    """An athlete's palmarès in `language` (see `check_language`), fmt text|markdown|html."""
    if fmt not in _PALMARES_TEMPLATE:
        raise ValueError(f"unknown summary format {fmt!r}; choose one of {', '.join(SUMMARY_FORMATS)}")
    view = palmares_view(palmares, language)
    return _environment().get_template(_PALMARES_TEMPLATE[fmt]).render(**view).strip() + "\n"


def render_summary(result: ExtractionResult, language: str | None = None, fmt: str = "text") -> str:
    if fmt not in _TEMPLATE:
        raise ValueError(f"unknown summary format {fmt!r}; choose one of {', '.join(SUMMARY_FORMATS)}")
    view = summary_view(result, language or result.language)
    return _environment(markdown=fmt == "markdown").get_template(_TEMPLATE[fmt]).render(**view).strip() + "\n"
