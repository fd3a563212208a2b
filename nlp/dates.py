"""The dates Palmarès reads: publication dates and calendar days between 1800 and 2199.

Modern sport fits; a date near year 1 or 9999 ("0001-01-01" posted by a client) would overflow the date arithmetic
that follows (the last Sunday before publication, a calendar's day after, a season's window), so such a date is
refused where it enters, with this range in the message."""

from __future__ import annotations

import datetime as dt
import re

from nlp.errors import InputError

EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2199, 12, 31)
RANGE_TEXT = f"between {EARLIEST.year} and {LATEST.year}"


def year_in_range(year: int) -> bool:
    return EARLIEST.year <= year <= LATEST.year


def check_in_range(day: dt.date, what: str) -> dt.date:
    """`day` itself, or ValueError naming `what` and the range."""
    if not year_in_range(day.year):
        raise ValueError(f"{what} {day.isoformat()} is not {RANGE_TEXT}")
    return day


def parse_published(value: str | None) -> tuple[str | None, dt.date | None]:
    """("2018-02", None) or ("2018-02-14", date) of a year `nlp.dates` reads; raises InputError on anything else."""
    if value in (None, ""):
        return None, None
    value = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = map(int, value.split("-"))
        if 1 <= month <= 12 and year_in_range(year):
            return value, None
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
        if day is not None and year_in_range(day.year):
            return value, day
    raise InputError(f"published must be YYYY-MM or YYYY-MM-DD {RANGE_TEXT}, not {value!r}")
