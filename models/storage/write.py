"""Storing extraction results: articles (idempotent on content hash), athletes, facts, races and links."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.records import Athlete, CalendarEntry, ExtractionResult
from models.storage.athletes import resolve_athlete
from models.storage.names import fold, slugify, split_name
from models.storage.tables import (
    ArticleRow,
    AthleteRow,
    FixtureRow,
    LinkRow,
    MentionRow,
    QuoteRow,
    RaceRow,
    ResultRow,
    StageRow,
)


def content_hash(text: str | bytes) -> str:
    """sha256 of the article as posted (str is hashed as UTF-8)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def _field(article: Any, name: str) -> Any:
    if isinstance(article, Mapping):
        return article.get(name)
    return getattr(article, name, None)


def published_date(published: str | None) -> dt.date | None:
    """First day of the month for 'YYYY-MM', the date for 'YYYY-MM-DD', else None."""
    if not published:
        return None
    try:
        if len(published) == 7:
            return dt.date.fromisoformat(published + "-01")
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_article_id(session: Session, text: str | bytes) -> int | None:
    return session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash(text)))


def store_extraction(session: Session, article: Any, result: ExtractionResult) -> int:
    """Store one extracted article and everything derived from it; returns the article id.

    `article` is an `nlp.engine.ArticleInput` or anything with the same fields (attributes or a mapping):
    text (required), id, published, language, source_url. Idempotent: an article whose content hash is
    already stored is left as it is and its id returned. Flushes; the caller commits.
    """
    added = add_extraction(session, article, result)
    return added if added is not None else find_article_id(session, _field(article, "text"))


def add_extraction(session: Session, article: Any, result: ExtractionResult) -> int | None:
    """Like `store_extraction`, but None when the content hash is already stored: the caller learns whether this
    call created the article (another process may have stored it a moment ago)."""
    text = _field(article, "text")
    if text is None:
        raise ValueError("article has no text")
    if find_article_id(session, text) is not None:
        return None
    raw = text.decode("utf-8", errors="replace") if isinstance(text, bytes) else text
    row = ArticleRow(
        content_hash=content_hash(text),
        raw_text=raw,
        external_id=_field(article, "id"),
        language_hint=_field(article, "language"),
        source_url=_field(article, "source_url"),
        language=result.language,
        pipeline_version=result.pipeline_version,
        result_json={},
    )
    session.add(row)
    _fill(session, row, result, _field(article, "published"))
    return row.id


def replace_extraction(session: Session, row: ArticleRow, result: ExtractionResult) -> None:
    """Swap a stored article's extraction for a new one (re-processing with a newer pipeline)."""
    for table in (ResultRow, QuoteRow, FixtureRow, LinkRow, MentionRow):
        session.execute(delete(table).where(table.article_id == row.id))
    session.expire(row, ["results", "quotes", "fixtures", "links", "mentions"])
    row.language, row.pipeline_version = result.language, result.pipeline_version
    _fill(session, row, result, row.published)


def _fill(session: Session, row: ArticleRow, result: ExtractionResult, published: str | None) -> None:
    row.title = result.title
    row.body = "\n\n".join(b.text for b in result.blocks if b.kind == "paragraph")
    row.published = result.published or published
    row.published_date = published_date(row.published)
    row.result_json = result.to_dict()
    session.flush()
    for entry in result.calendar:
        upsert_race(session, entry)
    mentioned: set[int] = set()  # the article's rows were just deleted or never existed
    names = _store_athletes(session, row, result, mentioned)
    for res in result.results:
        athlete = _lookup(names, res.athlete) or resolve_athlete(session, Athlete(name=res.athlete))
        if athlete is not None and fold(res.athlete) not in names:
            names[fold(res.athlete)] = athlete
            _mention(session, row, athlete, res.athlete, mentioned)
        session.add(
            ResultRow(
                article_id=row.id,
                athlete_id=athlete.id if athlete else None,
                athlete_name=res.athlete,
                event=res.event,
                rank=res.rank,
                time=res.time,
                gap=res.gap,
                gap_to=res.gap_to,
                medal=res.medal,
                competition=res.competition,
                evidence=res.evidence,
            )
        )
    for quote in result.quotes:
        speaker = _lookup(names, quote.speaker) if quote.speaker else None
        session.add(
            QuoteRow(
                article_id=row.id,
                athlete_id=speaker.id if speaker else None,
                speaker=quote.speaker,
                text=quote.text,
                language=quote.language,
            )
        )
    for fixture in result.schedule:
        ids = [a.id for name in fixture.athletes if (a := _lookup(names, name)) is not None]
        session.add(
            FixtureRow(
                article_id=row.id,
                when=fixture.when,
                date=fixture.date,
                event=fixture.event,
                athletes=list(fixture.athletes),
                athlete_ids=ids,
                evidence=fixture.evidence,
            )
        )
    for link in result.calendar_links:
        race = _find_race(session, link.race, row.published_date)
        if race is not None:
            session.add(
                LinkRow(
                    article_id=row.id, race_id=race.id, stage=link.stage, score=link.score, reasons=list(link.reasons)
                )
            )
    session.flush()


def _store_athletes(
    session: Session, row: ArticleRow, result: ExtractionResult, mentioned: set[int]
) -> dict[str, AthleteRow]:
    names: dict[str, AthleteRow] = {}
    for athlete in result.athletes:
        stored = resolve_athlete(session, athlete)
        if stored is None:
            continue
        for name in [athlete.name, *athlete.aliases]:
            names.setdefault(fold(name), stored)
        _mention(session, row, stored, athlete.name, mentioned)
    return names


def _mention(session: Session, row: ArticleRow, athlete: AthleteRow, name: str, mentioned: set[int]) -> None:
    if athlete.id not in mentioned:
        mentioned.add(athlete.id)
        session.add(MentionRow(article_id=row.id, athlete_id=athlete.id, name=name))


def _lookup(names: dict[str, AthleteRow], name: str | None) -> AthleteRow | None:
    """The article's athlete for a name as written, also by surname alone when only one athlete fits."""
    if not name:
        return None
    if (found := names.get(fold(name))) is not None:
        return found
    key = split_name(name).key
    fits = {a.id: a for folded, a in names.items() if split_name(folded).key == key}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _race_slug(session: Session, entry: CalendarEntry) -> str:
    base = slugify(entry.race) + (f"-{entry.start_date.year}" if entry.start_date else "")
    slug, n = base, 1
    while session.scalar(select(RaceRow.id).where(RaceRow.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def upsert_race(session: Session, entry: CalendarEntry) -> RaceRow:
    """Insert a calendar entry, or update the stored race with the same name and start date."""
    race = session.scalar(
        select(RaceRow).where(RaceRow.folded_name == fold(entry.race), RaceRow.start_date == entry.start_date)
    )
    if race is None:
        race = RaceRow(
            slug=_race_slug(session, entry), name=entry.race, folded_name=fold(entry.race), start_date=entry.start_date
        )
        session.add(race)
    race.country, race.category = entry.country or race.country, entry.category or race.category
    race.end_date, race.flags = entry.end_date or race.end_date, list(entry.flags)
    if entry.stages:
        race.stages.clear()
        session.flush()
        race.stages.extend(
            StageRow(
                number=s.number,
                total=s.total,
                start=s.start,
                finish=s.finish,
                distance_km=s.distance_km,
                date=s.date,
                flags=list(s.flags),
            )
            for s in entry.stages
        )
    session.flush()
    return race


def _find_race(session: Session, name: str, published: dt.date | None) -> RaceRow | None:
    races = session.scalars(select(RaceRow).where(RaceRow.folded_name == fold(name))).all()
    if not races:
        return None
    anchor = published or dt.date.today()
    return min(races, key=lambda r: abs(((r.start_date or anchor) - anchor).days))
