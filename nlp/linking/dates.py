"""Dates written in an article ("14 de septiembre", "September 14", "14. September 2025"), read with
Babel's month names for the article's language, and edition years."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel.core import UnknownLocaleError
from babel.dates import get_month_names

from nlp.linking.text import Token, fold, vocabulary

_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e|er|eme|o|a|ro|de|te|ste|ten)?$")


@lru_cache(maxsize=64)
def month_names(language: str) -> dict[str, int]:
    """Folded month names (wide and abbreviated, format and stand-alone) for the language and English."""
    months: dict[str, int] = {}
    for locale in dict.fromkeys([language, "en"]):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                try:
                    names = get_month_names(width, context=context, locale=locale)
                except (UnknownLocaleError, ValueError):
                    continue
                for number, name in names.items():
                    key = fold(name).strip(".")
                    if len(key) >= 3:
                        months.setdefault(key, number)
    return months


def _day(token: Token) -> int | None:
    match = _DAY.match(token.norm)
    if match and 1 <= int(match.group(1)) <= 31:
        return int(match.group(1))
    return None


def _year_after(tokens: list[Token], i: int) -> int | None:
    for token in tokens[i : i + 2]:
        if re.fullmatch(r"(19|20)\d{2}", token.norm):
            return int(token.norm)
        if token.norm not in vocabulary().date_joiners:
            return None
    return None


@dataclass(frozen=True, slots=True)
class DayMention:
    day: int
    month: int
    year: int | None  # None when the text gives no year

    def resolve(self, default_year: int) -> dt.date | None:
        try:
            return dt.date(self.year or default_year, self.month, self.day)
        except ValueError:
            return None


def find_dates(tokens: list[Token], language: str) -> list[DayMention]:
    months = month_names(language)
    found: list[DayMention] = []
    for i, token in enumerate(tokens):
        month = months.get(token.norm)
        if month is None:
            continue
        day = None
        # "14 September", "14. September", "14 de septiembre"
        back = i - 1
        if back >= 0 and tokens[back].norm in vocabulary().date_joiners:
            back -= 1
        if back >= 0:
            day = _day(tokens[back])
        after = i + 1
        if day is None and after < len(tokens):  # "September 14"
            day = _day(tokens[after])
            after += 1 if day is not None else 0
        if day is None:
            continue
        mention = DayMention(day, month, _year_after(tokens, after))
        if mention.resolve(2000) is not None:  # 2000 is a leap year: 29 February stays possible
            found.append(mention)
    return found


def find_years(tokens: list[Token]) -> set[int]:
    return {int(t.norm) for t in tokens if re.fullmatch(r"(19[5-9]|20[0-4])\d", t.norm)}
