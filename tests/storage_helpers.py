"""Helpers of the storage tests: extraction results made by hand, stored and counted."""

from __future__ import annotations

from sqlalchemy import func, select

from models.records import Block, ExtractionResult
from models.storage import store_extraction
from models.storage.read import AthleteProfile, athlete_profile
from models.storage.tables import AthleteRow


def make_result(
    *,
    athletes=(),
    results=(),
    quotes=(),
    schedule=(),
    calendar=(),
    links=(),
    title="Report",
    paragraphs=("A paragraph.",),
    language="nl",
    published=None,
) -> ExtractionResult:
    return ExtractionResult(
        id=None,
        language=language,
        language_confidence=0.99,
        title=title,
        published=published,
        athletes=list(athletes),
        results=list(results),
        quotes=list(quotes),
        schedule=list(schedule),
        calendar=list(calendar),
        calendar_links=list(links),
        blocks=[Block(kind="title", text=title)] + [Block(kind="paragraph", text=p) for p in paragraphs],
        summary="summary",
        pipeline_version="test-1",
    )


def store_one(factory, text_, result, **fields) -> int:
    with factory() as session:
        article_id = store_extraction(session, {"text": text_, **fields}, result)
        session.commit()
        return article_id


def count(factory, table) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(table))


def athletes(factory) -> list[AthleteRow]:
    with factory() as session:
        return list(session.scalars(select(AthleteRow).order_by(AthleteRow.id)))


def profile_of(session, slug: str) -> AthleteProfile:
    """The profile of a stored athlete (the test fails when there is none)."""
    profile = athlete_profile(session, slug)
    assert profile is not None, f"no athlete {slug!r}"
    return profile
