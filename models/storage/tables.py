"""SQLAlchemy 2 tables of the store (separate from the API schemas and the domain records)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    external_id: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    headline: Mapped[str] = mapped_column(Text, default="")  # the title, or the lead's opening words when untitled
    # the article's content is read only when used (one query for the three), not with every list of articles
    raw_text: Mapped[str] = mapped_column(Text, deferred=True, deferred_group="content")
    body: Mapped[str] = mapped_column(  # "\n\n".join(paragraphs): entity offsets point here
        Text, default="", deferred=True, deferred_group="content"
    )
    language: Mapped[str] = mapped_column(String(16), index=True)
    language_hint: Mapped[str | None] = mapped_column(String(16))
    published: Mapped[str | None] = mapped_column(String(10))  # as given: YYYY-MM or YYYY-MM-DD
    published_date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # first day for YYYY-MM
    source_url: Mapped[str | None] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(40))
    result_json: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True, deferred_group="content")
    # read by nothing the service shows: deferred, so that lists of articles skip parsing it
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now(), deferred=True)

    results: Mapped[list[ResultRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="ResultRow.id"
    )
    quotes: Mapped[list[QuoteRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="QuoteRow.id"
    )
    fixtures: Mapped[list[FixtureRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="FixtureRow.id"
    )
    links: Mapped[list[LinkRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="LinkRow.id"
    )
    mentions: Mapped[list[MentionRow]] = relationship(back_populates="article", cascade="all, delete-orphan")


class AthleteRow(Base):
    __tablename__ = "athletes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(300))
    folded_name: Mapped[str] = mapped_column(String(300), index=True)
    surname_key: Mapped[str] = mapped_column(String(120), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded name and aliases, " | "-separated
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    team: Mapped[str | None] = mapped_column(String(300))
    sport: Mapped[str | None] = mapped_column(String(120))
    nationality: Mapped[str | None] = mapped_column(String(120))
    # Edits by hand: names split off to another athlete are never merged back; slugs merged in still lead here.
    excluded_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    merged_slugs: Mapped[list[str]] = mapped_column(JSON, default=list)
    edited: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class MentionRow(Base):
    """An athlete named in an article (the name as the article wrote it)."""

    __tablename__ = "article_athletes"
    __table_args__ = (UniqueConstraint("article_id", "athlete_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))

    article: Mapped[ArticleRow] = relationship(back_populates="mentions")
    athlete: Mapped[AthleteRow] = relationship()


class CompetitionRow(Base):
    """A competition in one year: "Olympic Games" 2018, "Vuelta a España" 2023 (linked to its calendar race)."""

    __tablename__ = "competitions"
    __table_args__ = (UniqueConstraint("folded_name", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(240), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(300))
    folded_name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str | None] = mapped_column(String(40))  # games | championship | cup | stage race | one-day race
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    race_id: Mapped[int | None] = mapped_column(ForeignKey("races.id", ondelete="SET NULL"), index=True)

    race: Mapped[RaceRow | None] = relationship()


class EventRow(Base):
    """One race or classification: a competition's 500 m, stage 4, general classification after stage 4, ..."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_identity", "discipline", "stage", "standings"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int | None] = mapped_column(ForeignKey("competitions.id", ondelete="SET NULL"), index=True)
    name: Mapped[str | None] = mapped_column(String(300))  # "500 m", "stage 4", "general"
    discipline: Mapped[str | None] = mapped_column(String(120))  # normalised: "500 m", "team pursuit"
    stage: Mapped[int | None] = mapped_column(Integer)
    round: Mapped[str | None] = mapped_column(String(20))
    standings: Mapped[str | None] = mapped_column(String(20))
    gender: Mapped[str | None] = mapped_column(String(10))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_source: Mapped[str | None] = mapped_column(String(20))  # article | stage | published | month
    # Events nothing identifies (no competition, discipline, stage or standings) stay their article's own.
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)

    competition: Mapped[CompetitionRow | None] = relationship()
    facts: Mapped[list[FactRow]] = relationship(back_populates="event", order_by="FactRow.id")


class FactRow(Base):
    """One athlete's result in one event, merged from every article that reports it (see `ResultRow`).

    Each field holds the value most articles support; `conflicts` lists every field where articles disagree,
    with each value and its support, the most supported first."""

    __tablename__ = "event_results"
    __table_args__ = (UniqueConstraint("event_id", "athlete_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    athlete_id: Mapped[int | None] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), index=True)
    athlete_key: Mapped[str] = mapped_column(String(320))  # "id:12", or "name:caruso" for a name with no profile
    athlete_name: Mapped[str] = mapped_column(String(300))
    athlete_folded: Mapped[str] = mapped_column(String(300), index=True)
    rank: Mapped[int | None] = mapped_column(Integer)
    time: Mapped[float | None] = mapped_column(Float)
    gap: Mapped[float | None] = mapped_column(Float)
    gap_to: Mapped[str | None] = mapped_column(String(300))
    medal: Mapped[str | None] = mapped_column(String(20), index=True)
    support: Mapped[int] = mapped_column(Integer, default=1)  # articles reporting it
    conflicts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    event: Mapped[EventRow] = relationship(back_populates="facts")
    athlete: Mapped[AthleteRow | None] = relationship()
    claims: Mapped[list[ResultRow]] = relationship(back_populates="fact", order_by="ResultRow.id")

    @property
    def display_name(self) -> str:
        """The athlete's name as the profile shows it (one name however the articles wrote it)."""
        return self.athlete.name if self.athlete is not None else self.athlete_name


class ResultRow(Base):
    """A result as one article reports it (the sentence is its evidence): the provenance of a `FactRow`."""

    __tablename__ = "results"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    athlete_id: Mapped[int | None] = mapped_column(ForeignKey("athletes.id", ondelete="SET NULL"), index=True)
    athlete_name: Mapped[str] = mapped_column(String(300))
    event: Mapped[str | None] = mapped_column(String(300))
    rank: Mapped[int | None] = mapped_column(Integer)
    time: Mapped[float | None] = mapped_column(Float)
    gap: Mapped[float | None] = mapped_column(Float)
    gap_to: Mapped[str | None] = mapped_column(String(300))
    medal: Mapped[str | None] = mapped_column(String(20))
    competition: Mapped[str | None] = mapped_column(String(300))
    evidence: Mapped[str] = mapped_column(Text, default="")
    discipline: Mapped[str | None] = mapped_column(String(120))
    stage: Mapped[int | None] = mapped_column(Integer)
    round: Mapped[str | None] = mapped_column(String(20))
    standings: Mapped[str | None] = mapped_column(String(20))
    gender: Mapped[str | None] = mapped_column(String(10))
    date: Mapped[dt.date | None] = mapped_column(Date)
    confidence: Mapped[float | None] = mapped_column(Float)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("event_results.id", ondelete="SET NULL"), index=True)

    article: Mapped[ArticleRow] = relationship(back_populates="results")
    athlete: Mapped[AthleteRow | None] = relationship()
    event_row: Mapped[EventRow | None] = relationship()
    fact: Mapped[FactRow | None] = relationship(back_populates="claims")


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    athlete_id: Mapped[int | None] = mapped_column(ForeignKey("athletes.id", ondelete="SET NULL"), index=True)
    speaker: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))

    article: Mapped[ArticleRow] = relationship(back_populates="quotes")


class FixtureRow(Base):
    __tablename__ = "fixtures"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    when: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    event: Mapped[str | None] = mapped_column(String(300))
    athletes: Mapped[list[str]] = mapped_column(JSON, default=list)
    athlete_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    evidence: Mapped[str] = mapped_column(Text, default="")

    article: Mapped[ArticleRow] = relationship(back_populates="fixtures")


class RaceRow(Base):
    __tablename__ = "races"
    __table_args__ = (UniqueConstraint("folded_name", "start_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(240), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(300))
    folded_name: Mapped[str] = mapped_column(String(300), index=True)
    country: Mapped[str | None] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(120), index=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)

    stages: Mapped[list[StageRow]] = relationship(
        back_populates="race", cascade="all, delete-orphan", order_by="StageRow.number"
    )


class StageRow(Base):
    __tablename__ = "stages"
    __table_args__ = (UniqueConstraint("race_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    race_id: Mapped[int] = mapped_column(ForeignKey("races.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(300))
    finish: Mapped[str] = mapped_column(String(300))
    distance_km: Mapped[float | None] = mapped_column(Float)
    date: Mapped[dt.date | None] = mapped_column(Date)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)

    race: Mapped[RaceRow] = relationship(back_populates="stages")


class LinkRow(Base):
    """An article linked to a calendar race (and stage)."""

    __tablename__ = "links"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    race_id: Mapped[int] = mapped_column(ForeignKey("races.id", ondelete="CASCADE"), index=True)
    stage: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)

    article: Mapped[ArticleRow] = relationship(back_populates="links")
    race: Mapped[RaceRow] = relationship()


class JobRow(Base):
    """A background batch job (stored so any worker process can report on it)."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # queued | running | done | failed
    total: Mapped[int] = mapped_column(Integer, default=0)
    processed: Mapped[int] = mapped_column(Integer, default=0)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    article_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class MetaRow(Base):
    """Facts about the store itself, such as which version of the knowledge-base rules built it."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
