"""Storing extraction results: articles (idempotent on content hash), athletes, facts, races and links."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from models.headline import headline
from models.records import Athlete, CalendarEntry, ExtractionResult
from models.storage.athletes import KnownAthletes, resolve_athlete
from models.storage.knowledge import (
    ArticleContext,
    attach_claim,
    claim_values,
    event_for,
    plan_events,
    prune,
    prune_athletes,
)
from models.storage.lengths import fitted
from models.storage.names import fold, slugify, split_name
from models.storage.tables import (
    ArticleRow,
    AthleteRow,
    EventRow,
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
    stored = added if added is not None else find_article_id(session, _field(article, "text"))
    assert stored is not None  # add_extraction returns None only when the content is already stored
    return stored


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
    fill_extraction(session, row, result, _field(article, "published"))
    return row.id


def forget_extraction(session: Session, row: ArticleRow) -> None:
    """Remove everything an article's extraction added (its results leave the merged results they supported;
    events, competitions and athletes nothing supports any more go too); the article row stays."""
    claims = session.execute(
        select(ResultRow.fact_id, ResultRow.event_id, ResultRow.athlete_id).where(ResultRow.article_id == row.id)
    ).all()
    athlete_ids = {a for (a,) in session.execute(select(MentionRow.athlete_id).where(MentionRow.article_id == row.id))}
    athlete_ids |= {c.athlete_id for c in claims if c.athlete_id is not None}
    for table in (ResultRow, QuoteRow, FixtureRow, LinkRow, MentionRow):
        session.execute(delete(table).where(table.article_id == row.id))
    session.expire(row, ["results", "quotes", "fixtures", "links", "mentions"])
    prune(session, [c.fact_id for c in claims if c.fact_id], [c.event_id for c in claims if c.event_id])
    session.execute(delete(EventRow).where(EventRow.article_id == row.id))
    prune_athletes(session, athlete_ids)


def replace_extraction(session: Session, row: ArticleRow, result: ExtractionResult) -> None:
    """Swap a stored article's extraction for a new one (re-processing with a newer pipeline)."""
    forget_extraction(session, row)
    row.language, row.pipeline_version = result.language, result.pipeline_version
    fill_extraction(session, row, result, result.published or row.published)


def delete_article(session: Session, row: ArticleRow) -> None:
    """Delete an article with its results; merged results, events and athletes it alone supported go too."""
    forget_extraction(session, row)
    session.delete(row)
    session.flush()


def fill_extraction(session: Session, row: ArticleRow, result: ExtractionResult, published: str | None) -> None:
    row.title = result.title
    row.body = "\n\n".join(b.text for b in result.blocks if b.kind == "paragraph")
    row.headline = headline(result.title, row.body)
    row.published = result.published or published
    row.published_date = published_date(row.published)
    row.result_json = result.to_dict()
    mentioned_names = [n for a in result.athletes for n in [a.name, *a.aliases]] + [r.athlete for r in result.results]
    with session.no_autoflush:  # read before the first write (SQLite's write lock is taken there)
        known = KnownAthletes(session, mentioned_names)
    session.flush()
    for entry in result.calendar:
        upsert_race(session, entry)
    context = ArticleContext(row)
    for link in result.calendar_links:
        race = _find_race(session, link.race, row.published_date)
        if race is not None:
            stored = LinkRow(
                article_id=row.id, race_id=race.id, stage=link.stage, score=link.score, reasons=list(link.reasons)
            )
            session.add(stored)
            context.links.append((stored, race))
    context.links.sort(key=lambda pair: -pair[0].score)
    mentioned: set[int] = set()  # the article's rows were just deleted or never existed
    names = _store_athletes(session, row, result, mentioned, known)
    for res in result.results:  # every athlete first: the results below are then filed without a query each
        if _lookup(names, res.athlete) is None and fold(res.athlete) not in names:
            athlete = resolve_athlete(session, Athlete(name=res.athlete), mentioned, article_id=row.id, known=known)
            names[fold(res.athlete)] = athlete
            if athlete is not None:
                _mention(session, row, athlete, res.athlete, mentioned)
    for res, planned in zip(result.results, plan_events(result.results, context), strict=True):
        athlete = _lookup(names, res.athlete)
        event = event_for(session, planned, context)
        claim = ResultRow(
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
            discipline=res.discipline,
            stage=res.stage,
            round=res.round,
            standings=res.standings,
            gender=res.gender,
            date=res.date,
            confidence=res.confidence,
        )
        attach_claim(session, claim, event, athlete, context)  # files it under its event and merged result
    # rows nothing refers to, many in a long article: one INSERT per table rather than one per row
    quotes = [
        fitted(
            QuoteRow,
            {
                "article_id": row.id,
                "athlete_id": speaker.id if (speaker := _lookup(names, quote.speaker)) else None,
                "speaker": quote.speaker,
                "text": quote.text,
                "language": quote.language,
            },
        )
        for quote in result.quotes
    ]
    fixtures = [
        fitted(
            FixtureRow,
            {
                "article_id": row.id,
                "when": fixture.when,
                "date": fixture.date,
                "event": fixture.event,
                "athletes": list(fixture.athletes),
                "athlete_ids": [a.id for name in fixture.athletes if (a := _lookup(names, name)) is not None],
                "evidence": fixture.evidence,
            },
        )
        for fixture in result.schedule
    ]
    session.flush()  # the merged results have their ids
    claims = [claim_values(claim, fact) for claim, fact in context.claims]
    for table, rows in ((ResultRow, claims), (QuoteRow, quotes), (FixtureRow, fixtures)):
        if rows:
            session.execute(insert(table).execution_options(render_nulls=True), rows)
    session.expire(row, ["results", "quotes", "fixtures"])
    session.flush()


def _store_athletes(
    session: Session, row: ArticleRow, result: ExtractionResult, mentioned: set[int], known: KnownAthletes
) -> dict[str, AthleteRow | None]:
    """The article's athletes, full names first: a lone surname is then read in the context they give."""
    names: dict[str, AthleteRow | None] = {}
    ordered = sorted(result.athletes, key=lambda a: not split_name(a.name).has_full_given)
    for athlete in ordered:
        stored = _lookup(names, athlete.name) if not split_name(athlete.name).has_full_given else None
        stored = stored or resolve_athlete(session, athlete, mentioned, article_id=row.id, known=known)
        for name in [athlete.name, *athlete.aliases]:
            names.setdefault(fold(name), stored)
        if stored is not None:
            _mention(session, row, stored, athlete.name, mentioned)
    return names


def _mention(session: Session, row: ArticleRow, athlete: AthleteRow, name: str, mentioned: set[int]) -> None:
    if athlete.id not in mentioned:
        mentioned.add(athlete.id)
        session.add(MentionRow(article_id=row.id, athlete_id=athlete.id, name=name))


def _lookup(names: dict[str, AthleteRow | None], name: str | None) -> AthleteRow | None:
    """The article's athlete for a name as written, also by surname alone when only one athlete fits."""
    if not name:
        return None
    if (found := names.get(fold(name))) is not None:
        return found
    key = split_name(name).key
    fits = {a.id: a for folded, a in names.items() if a is not None and split_name(folded).key == key}
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
