"""Rebuild what the store derives from its articles (athletes, events, merged results) when the rules change.

`migrate` calls `catch_up` after the schema upgrade: a store built by an older version of the knowledge-base
rules is rebuilt from the extraction results its articles keep; nothing of the articles themselves changes.
Athletes edited by hand (merged or split) keep their rows, names and exclusions.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.records_json import extraction_from_dict
from models.storage.tables import (
    ArticleRow,
    AthleteRow,
    CompetitionRow,
    EventRow,
    FactRow,
    FixtureRow,
    LinkRow,
    MentionRow,
    MetaRow,
    QuoteRow,
    ResultRow,
)
from models.storage.write import fill_extraction

KNOWLEDGE_VERSION = "1"  # raise it when a change of the rules must rebuild stored knowledge
VERSION_KEY = "knowledge_version"


def rebuild_knowledge(session: Session) -> int:
    """Derive everything again from the stored articles, oldest first; returns how many were read."""
    for table in (ResultRow, FactRow, EventRow, CompetitionRow, QuoteRow, FixtureRow, LinkRow, MentionRow):
        session.execute(delete(table))
    session.execute(delete(AthleteRow).where(AthleteRow.edited.is_(False)))
    session.flush()
    count = 0
    for article_id in session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)).all():
        row = session.get_one(ArticleRow, article_id)
        try:
            result = extraction_from_dict(row.result_json or {})
        except TypeError:  # a result too old or damaged to read: the article stays, without derived facts
            continue
        fill_extraction(session, row, result, row.published)
        session.expire_all()
        count += 1
    return count


def catch_up(session: Session) -> int:
    """Rebuild when the store was built by other rules (or before there were any); returns articles read."""
    stored = session.get(MetaRow, VERSION_KEY)
    if stored is not None and stored.value == KNOWLEDGE_VERSION:
        return 0
    has_articles = session.scalar(select(ArticleRow.id).limit(1)) is not None
    count = rebuild_knowledge(session) if has_articles else 0
    if stored is None:
        session.add(MetaRow(key=VERSION_KEY, value=KNOWLEDGE_VERSION))
    else:
        stored.value = KNOWLEDGE_VERSION
    session.flush()
    return count
