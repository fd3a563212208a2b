"""A store made by the previous version (schema 0001) upgrades on open without losing an article, and its
knowledge is rebuilt by the current rules (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select

from models.records import Athlete, Result
from models.storage import content_hash, create_db_engine, open_store
from models.storage.db import MIGRATIONS
from models.storage.tables import ArticleRow, AthleteRow, EventRow, FactRow, MetaRow
from tests.storage_helpers import make_result, profile_of

ARTICLES = [
    (
        "Visser wint de 500 meter",
        make_result(
            athletes=[Athlete("Mirte Visser")],
            results=[Result(athlete="Mirte Visser", event="500 m", competition="World Cup", rank=1, medal="gold")],
            published="2026-02-14",
        ),
    ),
    (
        "Visser wins the 500m",
        make_result(
            athletes=[Athlete("Mirte Visser"), Athlete("Caruso")],
            results=[
                Result(athlete="Mirte Visser", event="500 m", competition="World Cup", rank=1, time=37.5),
                Result(athlete="Caruso", event="500 m", competition="World Cup", rank=9),
            ],
            language="en",
            published="2026-02-14",
        ),
    ),
    ("Caruso again", make_result(athletes=[Athlete("Caruso")], published="2026-02-20")),
]


def _upgrade(url: str, revision: str) -> None:
    engine = create_db_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _store_as_version_0001(url: str) -> None:
    """What the previous version wrote: articles with their result JSON, one athlete per name as it came (a
    lone surname made a profile per article: caruso, caruso-2), results without events."""
    _upgrade(url, "0001")
    articles = sa.table(
        "articles",
        *(sa.column(c) for c in ("id", "content_hash", "title", "raw_text", "body", "language", "published")),
        sa.column("published_date", sa.Date),
        *(sa.column(c) for c in ("pipeline_version",)),
        sa.column("result_json", sa.JSON),
    )
    athletes = sa.table(
        "athletes",
        *(sa.column(c) for c in ("id", "slug", "name", "folded_name", "surname_key", "search_text")),
        sa.column("aliases", sa.JSON),
    )
    mentions = sa.table("article_athletes", *(sa.column(c) for c in ("id", "article_id", "athlete_id", "name")))
    results = sa.table(
        "results",
        *(sa.column(c) for c in ("id", "article_id", "athlete_id", "athlete_name", "event", "rank", "evidence")),
    )
    engine = create_db_engine(url)
    with engine.begin() as connection:
        for number, (text, result) in enumerate(ARTICLES, start=1):
            connection.execute(
                articles.insert().values(
                    id=number,
                    content_hash=content_hash(text),
                    title=result.title,
                    raw_text=text,
                    body="A paragraph.",
                    language=result.language,
                    published=result.published,
                    published_date=dt.date.fromisoformat(result.published or ""),
                    pipeline_version="0.0.9",
                    result_json=result.to_dict(),
                )
            )
        for number, (slug, name) in enumerate(
            [("mirte-visser", "Mirte Visser"), ("caruso", "Caruso"), ("caruso-2", "Caruso")], start=1
        ):
            connection.execute(
                athletes.insert().values(
                    id=number,
                    slug=slug,
                    name=name,
                    folded_name=name.lower(),
                    surname_key=name.split()[-1].lower(),
                    search_text=name.lower(),
                    aliases=[],
                )
            )
        for number, (article_id, athlete_id, name) in enumerate(
            [(1, 1, "Mirte Visser"), (2, 1, "Mirte Visser"), (2, 2, "Caruso"), (3, 3, "Caruso")], start=1
        ):
            connection.execute(
                mentions.insert().values(id=number, article_id=article_id, athlete_id=athlete_id, name=name)
            )
        connection.execute(
            results.insert().values(
                id=1, article_id=1, athlete_id=1, athlete_name="Mirte Visser", event="500 m", rank=1, evidence=""
            )
        )
    engine.dispose()


def test_upgrading_a_store_of_the_previous_version_keeps_every_article(database_url):
    _store_as_version_0001(database_url)
    store = open_store(database_url)  # upgrades to the newest schema and rebuilds the knowledge
    try:
        with store() as session:
            articles = session.scalars(select(ArticleRow).order_by(ArticleRow.id)).all()
            assert [(a.id, a.raw_text) for a in articles] == [(n, text) for n, (text, _) in enumerate(ARTICLES, 1)]
            assert [a.headline for a in articles] == ["Report", "Report", "Report"]
            assert [a.slug for a in session.scalars(select(AthleteRow))] == ["mirte-visser"]  # no profile per surname
            assert session.scalar(select(func.count()).select_from(EventRow)) == 1
            visser = session.scalars(select(FactRow).where(FactRow.athlete_name == "Mirte Visser")).one()
            assert (visser.support, visser.time, visser.medal) == (2, 37.5, "gold")
            assert profile_of(session, "mirte-visser").medals["gold"] == 1
            assert session.get(MetaRow, "knowledge_version") is not None
    finally:
        store.kw["bind"].dispose()
    again = open_store(database_url)  # opening again changes nothing
    with again() as session:
        assert session.scalar(select(func.count()).select_from(FactRow)) == 2
    again.kw["bind"].dispose()
