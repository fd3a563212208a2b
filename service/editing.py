"""Changes to what is stored, beyond posting: re-extraction, a new publication date, deletion, athlete edits, and
linking stored articles to a newly stored calendar. Each write runs under the process's write lock, retried while
SQLite reports the database locked."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from models.records import CalendarEntry
from models.records_json import extraction_from_dict
from models.storage import replace_extraction
from models.storage.edits import merge_athletes, split_athlete
from models.storage.names import fold
from models.storage.read import athlete_by_slug
from models.storage.tables import ArticleRow, LinkRow, RaceRow
from models.storage.write import delete_article, published_date
from service.services import Services, retry_locked

EDITION_WINDOW = dt.timedelta(days=400)  # articles further from a race's dates cannot be about it


class NotFound(LookupError):
    """No such article or athlete (the message names it)."""


def _write(services: Services, action):
    def run():
        with services.write_lock, services.sessions() as session:
            outcome = action(session)
            session.commit()
            return outcome

    return retry_locked(run)


def reextract(services: Services, article_id: int, published: str | None = None) -> None:
    """Extract a stored article again with the current pipeline (and the calendar as stored now); with
    `published`, under that publication date."""
    with services.sessions() as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        text, hint, source = row.raw_text, row.language_hint, row.source_url
        published = published or row.published
    result = services.extract(text, published=published, language=hint, source_url=source)

    def write(session) -> None:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        replace_extraction(session, row, result)

    _write(services, write)
    services.learn_names(result)


def change_published(services: Services, article_id: int, published: str) -> str | None:
    """The stored text posted again with another publication date: the date changes (and what depends on it,
    re-extracted). Returns the message saying so, or None when the date is the same."""
    with services.sessions() as session:
        before = session.get_one(ArticleRow, article_id).published
    if before == published:
        return None
    reextract(services, article_id, published)
    was = f"from {before}" if before else "from none"
    return f"this text was already stored (article {article_id}): its published date changed {was} to {published}"


def delete(services: Services, article_id: int) -> None:
    def write(session) -> None:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        delete_article(session, row)

    _write(services, write)


def merge(services: Services, slug: str, into: str) -> str:
    """Merge athlete `slug` into athlete `into`; returns the slug of the merged profile."""

    def write(session) -> str:
        source, target = athlete_by_slug(session, slug), athlete_by_slug(session, into)
        if source is None or target is None:
            raise NotFound(f"no athlete with slug {slug if source is None else into!r}")
        return merge_athletes(session, source, target).slug

    return _write(services, write)


def split(services: Services, slug: str, names: list[str]) -> str:
    """Split `names` off athlete `slug` into a new athlete; returns the new athlete's slug."""

    def write(session) -> str:
        row = athlete_by_slug(session, slug)
        if row is None:
            raise NotFound(f"no athlete with slug {slug!r}")
        return split_athlete(session, row, names).slug

    return _write(services, write)


def link_stored_articles(services: Services, entries: list[CalendarEntry]) -> int:
    """Link the stored articles to races of a calendar just stored; returns how many articles gained a link.

    An article that gains one is filed again from its stored extraction, so its results take the race as their
    competition and the calendar's stage dates."""
    from nlp.linking import link_article

    starts = [e.start_date for e in entries if e.start_date is not None]
    ends = [e.end_date or e.start_date for e in entries if e.start_date is not None]
    with services.sessions() as session:
        query = select(ArticleRow.id, ArticleRow.title, ArticleRow.body, ArticleRow.language, ArticleRow.published)
        if starts and len(starts) == len(entries):
            low = min(starts) - EDITION_WINDOW
            high = max(d for d in ends if d is not None) + EDITION_WINDOW
            query = query.where(or_(ArticleRow.published_date.is_(None), ArticleRow.published_date.between(low, high)))
        articles = session.execute(query.order_by(ArticleRow.id)).all()
    gained: dict[int, list] = {}
    for article_id, title, body, language, published in articles:
        text = (f"{title}\n\n" if title else "") + (body or "")
        day = published_date(published) if published and len(published) >= 10 else None
        links = link_article(text, title=title, language=language, published=day, calendar=entries)
        if links:
            gained[article_id] = links
    if not gained:
        return 0

    def write(session) -> int:
        changed = 0
        for article_id, links in gained.items():
            row = session.get(ArticleRow, article_id)
            if row is None:
                continue
            known = set(
                session.scalars(
                    select(RaceRow.folded_name)
                    .join(LinkRow, LinkRow.race_id == RaceRow.id)
                    .where(LinkRow.article_id == article_id)
                )
            )
            new = [link for link in links if fold(link.race) not in known]
            if not new:
                continue
            result = extraction_from_dict(row.result_json or {})
            result.calendar_links = sorted([*result.calendar_links, *new], key=lambda link: -link.score)
            replace_extraction(session, row, result)
            changed += 1
        return changed

    return _write(services, write)
