"""Recognise the line types of the calendar widget format and find calendar blocks in a page.

Format (one race):
    es La Vuelta Ciclista a España                       <- header: country code + race name
    WorldTeam Men 23 Aug '25 - 14 Sep '25                <- category + date or date range
    21/21 Robledo de Chavela › Bola del Mundo 164km      <- stage: number/total start › finish distance
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.dates import get_month_names

_YEAR = r"(?:'\d{2}|\d{4})"
_DAY_MONTH = r"\d{1,2}\.?\s+[^\W\d_]{3,9}\.?"
_DATE = rf"{_DAY_MONTH}(?:\s+{_YEAR})?"
DATE_RANGE = re.compile(rf"(?P<first>{_DATE})(?:\s*[-–—]\s*(?P<last>{_DATE}))?")
HEADER = re.compile(r"^(?P<country>[a-z]{2})\s+(?P<race>[^\W_].*?)\s*$")
CATEGORY = re.compile(rf"^(?P<category>.*?)\s*(?P<dates>{DATE_RANGE.pattern})\s*$")
STAGE = re.compile(
    r"^(?P<number>\d{1,3})\s*/\s*(?P<total>\d{1,3})\s+(?P<start>\S.*?)\s*[›>»→]\s*(?P<finish>\S.*?)"
    r"(?:\s+(?P<km>\d{1,4}(?:[.,]\d+)?)\s*km)?\s*$",
    re.IGNORECASE,
)
STAGE_LIKE = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}\s")
_MAX_SANDWICHED_WORDS = 12
_MAX_CATEGORY_WORDS = 4
MAX_LINE_CHARS = 300  # widget lines are short; long lines are prose (and never slow the regexes)


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """English month names and abbreviations (the widget's language), lower case -> month number."""
    months: dict[str, int] = {"sept": 9}
    for width in ("abbreviated", "wide"):
        for number, name in get_month_names(width, locale="en").items():
            months[name.lower()] = number
    return months


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(
        code.lower() for code in Locale("en").territories if isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)
    )


def _has_month(date_text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", date_text.lower())
    return any(w in month_numbers() for w in words)


def _is_category_line(match: re.Match[str]) -> bool:
    """A short capitalised label (or none) followed by a dated range whose last date has a year:
    keeps prose ending in a date ("the race starts on 14 September") out."""
    label_words = match.group("category").split()
    dates = match.group("dates")
    return (
        len(label_words) <= _MAX_CATEGORY_WORDS
        and all(w[0].isupper() or w[0].isdigit() for w in label_words)
        and _has_month(dates)
        and re.search(rf"{_YEAR}\s*$", dates) is not None
    )


@dataclass(slots=True)
class LineKind:
    kind: str  # header | category | stage | blank | other
    match: re.Match[str] | None = None


def classify(line: str) -> LineKind:
    text = line.strip()
    if not text:
        return LineKind("blank")
    if len(text) > MAX_LINE_CHARS:
        return LineKind("other")
    if STAGE_LIKE.match(text):
        stage = STAGE.match(text)
        return LineKind("stage", stage) if stage else LineKind("other")
    category = CATEGORY.match(text)
    if category and _is_category_line(category):
        return LineKind("category", category)
    header = HEADER.match(text)
    if header and header.group("country") in country_codes():
        return LineKind("header", header)
    return LineKind("other")


def looks_like_calendar_line(line: str) -> bool:
    """True for a race header, a category/date line or a stage line (judged on the line alone).

    A header alone ("nl Nederland wint") is ambiguous: `find_calendar_spans` accepts it only when a
    category/date or stage line follows.
    """
    return classify(line).kind in {"header", "category", "stage"}


def find_calendar_spans(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) ranges of calendar blocks: runs of calendar lines, where a header counts only when
    a category/date or stage line follows, and a short malformed line counts when calendar lines
    surround it (so the parser can report it instead of it leaking into the article)."""
    kinds = [classify(line).kind for line in lines]
    solid = [False] * len(lines)
    for i, kind in enumerate(kinds):
        if kind in {"category", "stage"}:
            solid[i] = True
        elif kind == "header" and i + 1 < len(lines) and kinds[i + 1] in {"category", "stage"}:
            solid[i] = True
    for i, kind in enumerate(kinds):
        if solid[i] or kind == "blank" or len(lines[i].split()) > _MAX_SANDWICHED_WORDS:
            continue
        if 0 < i < len(lines) - 1 and solid[i - 1] and (solid[i + 1] or kinds[i + 1] == "other"):
            # a broken line between calendar lines (possibly followed by another broken one)
            j = i + 1
            while (
                j < len(lines)
                and kinds[j] == "other"
                and not solid[j]
                and len(lines[j].split()) <= _MAX_SANDWICHED_WORDS
            ):
                j += 1
            if j < len(lines) and solid[j]:
                for k in range(i, j):
                    solid[k] = True
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if solid[i]:
            j = i
            while j < len(lines) and solid[j]:
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans
