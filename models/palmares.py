"""An athlete's palmarès as the summaries tell it: results grouped by season and competition, medals counted
once per event, upcoming fixtures, quotes with their article. Built by the service from the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.records import Fixture, Record, Result


@dataclass(slots=True)
class PalmaresCompetition(Record):
    name: str | None  # None: results of no known competition
    results: list[Result] = field(default_factory=list)  # `Result.date` is the event's day


@dataclass(slots=True)
class PalmaresSeason(Record):
    year: int | None
    competitions: list[PalmaresCompetition] = field(default_factory=list)


@dataclass(slots=True)
class PalmaresQuote(Record):
    text: str
    article: str  # the headline of the article that quotes it
    date: dt.date | None = None


@dataclass(slots=True)
class Palmares(Record):
    athlete: str
    team: str | None = None
    nationality: str | None = None
    medals: dict[str, int] = field(default_factory=dict)  # gold, silver, bronze: one per distinct event
    seasons: list[PalmaresSeason] = field(default_factory=list)
    fixtures: list[Fixture] = field(default_factory=list)
    quotes: list[PalmaresQuote] = field(default_factory=list)
