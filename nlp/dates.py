"""The dates Palmarès reads: publication dates and calendar days between 1800 and 2199.

Modern sport fits; a date near year 1 or 9999 ("0001-01-01" posted by a client) would overflow the date arithmetic
that follows (the last Sunday before publication, a calendar's day after, a season's window), so such a date is
refused where it enters, with this range in the message."""

from __future__ import annotations

import datetime as dt

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
