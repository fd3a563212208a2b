"""Typed domain records produced by the extraction engine and stored by the service.

Plain dataclasses: no I/O, no framework. `to_dict()` gives the JSON contract read by
`score_extraction.py` (times and gaps are seconds as numbers).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: JSON-ready dict of a record (dates as ISO strings)."""

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(self)


@dataclass(slots=True)
class Athlete(Record):
    name: str
    aliases: list[str] = field(default_factory=list)
    team: str | None = None
    nationality: str | None = None
    sport: str | None = None


@dataclass(slots=True)
class Result(Record):
    athlete: str
    event: str | None = None
    rank: int | None = None
    time: float | None = None  # seconds
    gap: float | None = None  # seconds behind `gap_to` (or the winner)
    gap_to: str | None = None
    medal: str | None = None  # gold | silver | bronze
    competition: str | None = None
    evidence: str = ""  # the sentence that supports the result
    # The event the result belongs to, in parts (filled by the extraction when the text says so):
    discipline: str | None = None  # distance or discipline, normalised: "500 m", "giant slalom", "sprint"
    stage: int | None = None  # stage or round number of a multi-day race
    round: str | None = None  # qualifying | heat | quarterfinal | semifinal | final
    standings: str | None = None  # a classification, not a race: general | points | mountains | youth | overall
    gender: str | None = None  # men | women
    date: dt.date | None = None  # the day of the event, when the article tells it
    confidence: float | None = None  # the result model's probability for the least certain of the facts


@dataclass(slots=True)
class MedalTally(Record):
    team: str | None
    medal: str
    count: int
    athletes: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass(slots=True)
class Quote(Record):
    speaker: str | None
    text: str
    language: str | None = None


@dataclass(slots=True)
class Fixture(Record):
    """An upcoming event mentioned in an article ("Woensdag rijdt Kramer de ploegenachtervolging")."""

    when: str  # the words used: weekday name (English, lower case) or ISO date
    date: dt.date | None = None  # resolved when the publication date is known
    event: str | None = None
    athletes: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass(slots=True)
class Stage(Record):
    number: int
    total: int
    start: str
    finish: str
    distance_km: float | None = None
    date: dt.date | None = None
    flags: list[str] = field(default_factory=list)  # e.g. "number-exceeds-total"


@dataclass(slots=True)
class CalendarEntry(Record):
    race: str
    country: str | None = None
    category: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    stages: list[Stage] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    source_line: int | None = None


@dataclass(slots=True)
class CalendarError(Record):
    line: int
    text: str
    message: str


@dataclass(slots=True)
class Calendar(Record):
    entries: list[CalendarEntry] = field(default_factory=list)
    errors: list[CalendarError] = field(default_factory=list)


@dataclass(slots=True)
class Link(Record):
    """An article linked to a calendar race (and stage, when one is identified)."""

    race: str
    stage: int | None = None
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Entity(Record):
    text: str
    label: str
    start: int  # character offsets in the article body
    end: int


@dataclass(slots=True)
class Block(Record):
    kind: str  # calendar | title | paragraph | boilerplate
    text: str
    language: str = "und"
    language_confidence: float = 0.0


@dataclass(slots=True)
class Article(Record):
    title: str | None
    paragraphs: list[str]
    language: str = "und"
    language_confidence: float = 0.0
    published: dt.date | None = None
    source_url: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class ExtractionResult(Record):
    id: str | None
    language: str
    language_confidence: float
    title: str | None
    published: str | None = None
    athletes: list[Athlete] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    medal_tallies: list[MedalTally] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    schedule: list[Fixture] = field(default_factory=list)
    calendar: list[CalendarEntry] = field(default_factory=list)
    calendar_errors: list[CalendarError] = field(default_factory=list)
    calendar_links: list[Link] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    summary: str = ""
    pipeline_version: str = ""
