"""Pydantic schemas of the JSON API (the storage tables are separate: models/storage/tables.py)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.records import ExtractionResult

PUBLISHED_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"


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
    published: str | None = Field(None, pattern=PUBLISHED_PATTERN, description="YYYY-MM or YYYY-MM-DD.")
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
    language: str
    published: str | None
    source_url: str | None
    pipeline_version: str
    url: str
    page_url: str


class ArticleOut(ArticleSummaryOut):
    content_hash: str
    created: bool = Field(description="False when the same content was already stored (nothing duplicated).")
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


class ResultOut(BaseModel):
    athlete: str
    athlete_slug: str | None
    event: str | None
    rank: int | None
    time: float | None
    gap: float | None
    gap_to: str | None
    medal: str | None
    competition: str | None
    evidence: str
    article_id: int
    article_url: str
    published: str | None


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


class AthleteProfileOut(AthleteOut):
    medals: MedalsOut
    results: list[ResultOut]
    quotes: list[QuoteOut]
    upcoming_fixtures: list[FixtureOut]
    calendar: list[RaceOut]
    articles: list[ArticleSummaryOut]


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
