"""Parse the calendar widget format into `Calendar` records, reporting (not dropping) bad lines."""

from __future__ import annotations

import datetime as dt
import re

from models.records import Calendar, CalendarEntry, CalendarError, Stage
from nlp.calendar.lines import DATE_RANGE, classify, month_numbers
from nlp.dates import RANGE_TEXT, year_in_range

MAX_ERRORS = 100
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_CENTURY = 2000


class _DateError(ValueError):
    pass


def _parse_one_date(text: str, default_year: int | None) -> dt.date:
    match = re.fullmatch(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?(?:\s+('\d{2}|\d{4}))?", text.strip())
    if not match:
        raise _DateError(f"unreadable date {text!r}")
    day, month_name, year_text = match.groups()
    month = month_numbers().get(month_name.lower())
    if month is None:
        raise _DateError(f"unknown month {month_name!r}")
    if year_text is None:
        if default_year is None:
            raise _DateError(f"date {text!r} has no year")
        year = default_year
    else:
        year = _CENTURY + int(year_text[1:]) if year_text.startswith("'") else int(year_text)
    if not year_in_range(year):
        raise _DateError(f"date {text!r} is not {RANGE_TEXT}")
    try:
        return dt.date(year, month, int(day))
    except ValueError as exc:
        raise _DateError(f"impossible date {text!r}") from exc


def parse_date_range(text: str) -> tuple[dt.date, dt.date]:
    """ "23 Aug '25 - 14 Sep '25" -> (2025-08-23, 2025-09-14); a single date gives (d, d).
    A first date without a year takes the last date's year (the year before if its month is later)."""
    match = DATE_RANGE.fullmatch(text.strip())
    if not match:
        raise _DateError(f"unreadable dates {text!r}")
    if match.group("last") is None:
        first = _parse_one_date(match.group("first"), None)
        return first, first
    last = _parse_one_date(match.group("last"), None)
    first = _parse_one_date(match.group("first"), last.year)
    if first > last and not re.search(r"'\d{2}|\d{4}", match.group("first")):
        first = first.replace(year=first.year - 1)
    if first > last:
        raise _DateError(f"range ends before it starts: {text!r}")
    return first, last


def _stage(match: re.Match[str]) -> Stage:
    number, total = int(match.group("number")), int(match.group("total"))
    km = match.group("km")
    stage = Stage(
        number=number,
        total=total,
        start=match.group("start").strip(),
        finish=match.group("finish").strip(),
        distance_km=float(km.replace(",", ".")) if km else None,
    )
    if number > total:
        stage.flags.append("number-exceeds-total")
    if number == 0:
        stage.flags.append("number-zero")
    return stage


def infer_stage_dates(entry: CalendarEntry) -> None:
    """Date stages only when unambiguous: a one-day race, or as many days as stages (one stage a day)."""
    if entry.start_date is None or entry.end_date is None:
        return
    days = (entry.end_date - entry.start_date).days + 1
    for stage in entry.stages:
        if stage.date is not None or stage.flags:
            continue
        if days == 1:
            stage.date = entry.start_date
        elif days == stage.total and 1 <= stage.number <= stage.total:
            stage.date = entry.start_date + dt.timedelta(days=stage.number - 1)


def _finish_entry(entry: CalendarEntry | None) -> None:
    if entry is None:
        return
    numbers = [s.number for s in entry.stages]
    for stage in entry.stages:
        if numbers.count(stage.number) > 1 and "duplicate-number" not in stage.flags:
            stage.flags.append("duplicate-number")
    totals = {s.total for s in entry.stages}
    if len(totals) > 1 and "inconsistent-totals" not in entry.flags:
        entry.flags.append("inconsistent-totals")
    if entry.start_date is None:
        entry.flags.append("no-dates")
    infer_stage_dates(entry)


def parse_calendar(text: str, *, first_line: int = 1) -> Calendar:
    """Parse calendar text line by line. Every non-blank line that is not a header, category/date or
    stage line becomes a `CalendarError` (line number from `first_line`), and parsing goes on."""
    calendar = Calendar()
    if not isinstance(text, str):
        calendar.errors.append(CalendarError(line=0, text="", message="calendar text must be a string"))
        return calendar
    if not text.strip():
        calendar.errors.append(CalendarError(line=0, text="", message="empty calendar: no lines to import"))
        return calendar
    entry: CalendarEntry | None = None
    dropped = 0

    def error(number: int, line: str, message: str) -> None:
        nonlocal dropped
        if len(calendar.errors) < MAX_ERRORS:
            calendar.errors.append(CalendarError(line=number, text=line[:200], message=message))
        else:
            dropped += 1

    for number, line in enumerate(text.splitlines(), start=first_line):
        kind = classify(line)
        stripped = line.strip()
        if kind.kind == "blank":
            continue
        if _BINARY.search(line):
            error(number, stripped, "not text (control or binary characters)")
        elif kind.kind == "header" and kind.match:
            _finish_entry(entry)
            entry = CalendarEntry(
                race=kind.match.group("race"), country=kind.match.group("country").upper(), source_line=number
            )
            calendar.entries.append(entry)
        elif kind.kind == "category" and kind.match:
            if entry is None or entry.start_date is not None or entry.stages:
                error(number, stripped, "category/date line without a race header above it")
                continue
            entry.category = kind.match.group("category").strip() or None
            try:
                entry.start_date, entry.end_date = parse_date_range(kind.match.group("dates"))
            except _DateError as exc:
                error(number, stripped, str(exc))
        elif kind.kind == "stage" and kind.match:
            if entry is None:
                error(number, stripped, "stage line without a race header above it")
                continue
            entry.stages.append(_stage(kind.match))
        elif re.match(r"^\d{1,3}\s*/\s*\d{1,3}\s", stripped):
            error(number, stripped, "malformed stage line: expected 'n/total Start › Finish 123km'")
        else:
            error(
                number,
                stripped,
                "not a calendar line: expected 'cc Race name', 'Category 1 Jan '25' or 'n/total Start › Finish 123km'",
            )
    _finish_entry(entry)
    if dropped:
        calendar.errors.append(CalendarError(line=0, text="", message=f"{dropped} more malformed lines not listed"))
    return calendar
