"""SQLAlchemy 2 tables of the store (separate from the API schemas and the domain records)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    external_id: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    raw_text: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")  # "\n\n".join(paragraphs): entity offsets point here
    language: Mapped[str] = mapped_column(String(16), index=True)
    language_hint: Mapped[str | None] = mapped_column(String(16))
    published: Mapped[str | None] = mapped_column(String(10))  # as given: YYYY-MM or YYYY-MM-DD
    published_date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # first day for YYYY-MM
    source_url: Mapped[str | None] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(40))
    result_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

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


class ResultRow(Base):
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

    article: Mapped[ArticleRow] = relationship(back_populates="results")
    athlete: Mapped[AthleteRow | None] = relationship()


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
