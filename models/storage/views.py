"""Plain read-only rows of what the busiest read routes show: an athlete's profile and the lists of merged results.

Their queries select columns, not ORM entities: building the ~200 entities of a profile (each with its identity
map entry and attribute state) cost more CPU than running its SQL. The attribute names are those of the tables
(`models.storage.tables`), so a reader written for one reads the other; nothing here is written back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ArticleRef:
    """What a list shows of an article."""

    id: int
    title: str | None
    headline: str
    language: str
    published: str | None
    published_date: dt.date | None
    source_url: str | None
    pipeline_version: str


@dataclass(slots=True)
class AthleteRef:
    slug: str
    name: str


@dataclass(slots=True)
class RaceRef:
    slug: str


@dataclass(slots=True)
class CompetitionView:
    id: int
    slug: str
    name: str
    kind: str | None
    year: int | None
    race: RaceRef | None


@dataclass(slots=True)
class EventView:
    id: int
    name: str | None
    discipline: str | None
    stage: int | None
    round: str | None
    standings: str | None
    gender: str | None
    date: dt.date | None
    competition_id: int | None
    competition: CompetitionView | None


@dataclass(slots=True)
class ClaimView:
    """A merged result as one article reports it: the article and the sentence that says it."""

    id: int
    article_id: int
    evidence: str
    article: ArticleRef


@dataclass(slots=True)
class FactView:
    """One athlete's merged result in one event (`FactRow`), with its event and the first articles reporting it."""

    id: int
    event: EventView
    athlete: AthleteRef | None
    athlete_name: str
    rank: int | None
    time: float | None
    gap: float | None
    gap_to: str | None
    medal: str | None
    support: int
    conflicts: list[dict[str, Any]]
    claims: list[ClaimView] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        """The athlete's name as the profile shows it (one name however the articles wrote it)."""
        return self.athlete.name if self.athlete is not None else self.athlete_name


@dataclass(slots=True)
class QuoteView:
    id: int
    article_id: int
    speaker: str | None
    text: str
    language: str | None
    article: ArticleRef


@dataclass(slots=True)
class FixtureView:
    id: int
    article_id: int
    when: str
    date: dt.date | None
    event: str | None
    athletes: list[str]
    evidence: str
    article: ArticleRef
