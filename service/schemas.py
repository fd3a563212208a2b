"""Pydantic schemas of the JSON API (the storage tables are separate: models/storage/tables.py)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.records import ExtractionResult
from nlp.dates import RANGE_TEXT, parse_published
from nlp.errors import InputError

PUBLISHED_FORM = f"published must be YYYY-MM or YYYY-MM-DD {RANGE_TEXT} (for example 2018-02 or 2018-02-14)"


def check_published(value: str | None) -> str | None:
    """A real month or day written YYYY-MM or YYYY-MM-DD (`nlp.dates.parse_published`); ValueError saying so in
    words, with an example, otherwise."""
    try:
        return parse_published(value)[0]
    except InputError:
        raise ValueError(f"{PUBLISHED_FORM}, not {str(value)[:40]!r}") from None


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="Where: 'body', 'query' or 'path', then the field.")
    msg: str
    type: str


class ErrorOut(BaseModel):
    detail: str = Field(description="What is wrong with the request.")
    errors: list[FieldError] | None = Field(None, description="For an invalid request, each invalid field.")


SOURCE_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s\x00]+$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"


def check_source_url(value: str | None) -> str | None:
    """Only http(s) addresses: a `javascript:` or `data:` link must never reach a page."""
    if value is None or value == "":
        return None
    if not re.fullmatch(SOURCE_URL_PATTERN, value):
        raise ValueError("source_url must be an http:// or https:// address")
    return value


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The page: plain text, HTML, or a pasted page like the seed.")
    published: str | None = Field(None, max_length=40, description="YYYY-MM or YYYY-MM-DD.")
    source_url: str | None = Field(
        None,
        max_length=2000,
        description="Where the page came from: http(s) only.",
        json_schema_extra={"pattern": SOURCE_URL_PATTERN},  # checked by check_source_url, with a clear message
    )
    language: str | None = Field(
        None, min_length=2, max_length=16, pattern=LANGUAGE_PATTERN, description="Language hint (nl, en, …)."
    )

    _source_url = field_validator("source_url")(check_source_url)

    @field_validator("text", "source_url", "language")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("holds a NUL character (\\u0000): send text")
        return value

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        return check_published(value)


class AthleteRef(BaseModel):
    name: str = Field(description="The name as the article wrote it.")
    athlete: str = Field(description="The stored athlete's canonical name.")
    slug: str
    url: str


class RaceRef(BaseModel):
    race: str
    slug: str
    stage: int | None = None
    score: float
    reasons: list[str]
    url: str


class ArticleSummaryOut(BaseModel):
    id: int
    title: str | None
    headline: str = Field(description="The title, or the opening words of the lead when the article has none.")
    language: str
    published: str | None
    source_url: str | None
    pipeline_version: str
    url: str
    page_url: str


class ArticleOut(ArticleSummaryOut):
    content_hash: str
    created: bool = Field(description="False when the same content was already stored (nothing duplicated).")
    published_updated: bool = Field(
        False, description="True when the same content was posted again with another `published`: the date changed."
    )
    message: str | None = Field(None, description="What happened, in words, when it is not plain storing.")
    athletes: list[AthleteRef]
    calendar_links: list[RaceRef]
    result: ExtractionResult


class AthleteOut(BaseModel):
    slug: str
    name: str
    aliases: list[str]
    team: str | None
    sport: str | None
    nationality: str | None
    url: str
    page_url: str


class SourceOut(BaseModel):
    """An article supporting a result, with the sentence that says it."""

    article_id: int
    article_url: str
    page_url: str
    headline: str
    language: str
    published: str | None
    evidence: str


class ConflictValueOut(BaseModel):
    value: int | float | str
    support: int = Field(description="How many articles give this value.")
    articles: list[int]


class ConflictOut(BaseModel):
    field: str
    values: list[ConflictValueOut] = Field(description="Every value articles give, the most supported first.")


class CompetitionOut(BaseModel):
    slug: str
    name: str
    kind: str | None
    year: int | None
    race_slug: str | None = Field(description="The linked calendar race, when there is one.")


class ResultOut(BaseModel):
    """One athlete's result in one event, merged from every article that reports it."""

    id: int
    athlete: str
    athlete_slug: str | None
    event: str | None
    event_id: int
    discipline: str | None
    stage: int | None
    round: str | None
    standings: str | None
    gender: str | None
    date: dt.date | None
    rank: int | None
    time: float | None
    gap: float | None
    gap_to: str | None
    medal: str | None
    competition: str | None
    competition_slug: str | None
    evidence: str = Field(description="The sentence of the first supporting article.")
    article_id: int = Field(description="The first supporting article.")
    article_url: str
    published: str | None
    support: int = Field(description="How many articles report this result.")
    sources: list[SourceOut] = Field(description="The first 20 articles that report it (`support` counts them all).")
    conflicts: list[ConflictOut] = Field(description="Fields on which the articles disagree, with every value.")


class QuoteOut(BaseModel):
    speaker: str | None
    text: str
    language: str | None
    article_id: int
    article_url: str


class FixtureOut(BaseModel):
    when: str
    date: dt.date | None
    event: str | None
    athletes: list[str]
    article_id: int
    article_url: str


class StageOut(BaseModel):
    number: int
    total: int
    start: str
    finish: str
    distance_km: float | None
    date: dt.date | None
    flags: list[str]


class RaceOut(BaseModel):
    slug: str
    name: str
    country: str | None
    category: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    flags: list[str]
    stages: list[StageOut]
    url: str
    page_url: str


class MedalsOut(BaseModel):
    gold: int = 0
    silver: int = 0
    bronze: int = 0


class PalmaresCompetitionOut(BaseModel):
    competition: CompetitionOut | None
    results: list[ResultOut]


class SeasonOut(BaseModel):
    year: int | None
    competitions: list[PalmaresCompetitionOut]


class AthleteProfileOut(AthleteOut):
    medals: MedalsOut = Field(description="Medals won, one per distinct event however many articles report it.")
    results: list[ResultOut] = Field(
        description="The newest 100 merged results, newest event first; all of them: GET /results?athlete=SLUG."
    )
    results_total: int = Field(description="How many merged results the athlete has in all.")
    palmares: list[SeasonOut] = Field(description="Those results grouped by season, then by competition.")
    quotes: list[QuoteOut] = Field(description="The newest 50 quotes.")
    quotes_total: int
    upcoming_fixtures: list[FixtureOut] = Field(description="Announced in the newest 50 articles.")
    calendar: list[RaceOut]
    articles: list[ArticleSummaryOut] = Field(
        description="The newest 50 articles naming the athlete; all of them: GET /articles?athlete=SLUG."
    )
    articles_total: int


class EventOut(BaseModel):
    id: int
    name: str | None
    discipline: str | None
    stage: int | None
    round: str | None
    standings: str | None
    gender: str | None
    date: dt.date | None
    date_source: str | None = Field(description="article | stage | published | month: where the date comes from.")
    competition: CompetitionOut | None
    results: list[ResultOut]
    url: str


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: str = Field(min_length=1, max_length=300, description="Slug of the athlete this one joins.")


class SplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    names: list[str] = Field(min_length=1, max_length=50, description="Names of this athlete that are someone else.")


class DeletedOut(BaseModel):
    id: int
    deleted: Literal[True] = True
    detail: str


class RaceArticleOut(ArticleSummaryOut):
    stage: int | None
    score: float
    reasons: list[str]


class RaceDetailOut(RaceOut):
    articles: list[RaceArticleOut]
    athletes: list[AthleteOut]


class CalendarLineError(BaseModel):
    line: int
    text: str
    message: str


class CalendarUploadOut(BaseModel):
    stored: int = Field(description="Races inserted or updated.")
    races: list[RaceOut]
    errors: list[CalendarLineError] = Field(description="Lines that could not be read (the rest is stored).")
    linked_articles: int = Field(0, description="Stored articles newly linked to these races.")


class JobError(BaseModel):
    line: int
    message: str


class JobOut(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    total: int
    processed: int
    stored: int
    duplicates: int
    failed: int
    errors: list[JobError]
    article_ids: list[int]
    url: str


class HealthOut(BaseModel):
    status: Literal["ok"]


class ReadyOut(BaseModel):
    status: Literal["ready", "not ready"]
    pipelines: bool
    store: bool
