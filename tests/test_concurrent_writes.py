"""Two processes writing to one store at once (as `palmares serve --workers 2` does), on SQLite and PostgreSQL:
nothing lost, nothing stored twice, one 'created' per article, and both start on a fresh store."""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import func, select

from models.records import Athlete, ExtractionResult, Result
from tests.store_urls import STORE_KINDS, fresh_store_url

ARTICLES = 24
SHARED_ATHLETES = ["Ilse Varenkamp", "Ruud Lommerse", "Maren Tjepkema", "Jesper Oldehove"]


def invented_result(index: int) -> ExtractionResult:
    """Every article names two of the same few athletes, new to the store: the processes race to create them."""
    names = [SHARED_ATHLETES[index % 4], SHARED_ATHLETES[(index + 1) % 4]]
    return ExtractionResult(
        id=None,
        language="nl",
        language_confidence=0.99,
        title=f"Wedstrijd {index}",
        published="2026-03-01",
        athletes=[Athlete(name=name, team="Team Zuidwind") for name in names],
        results=[Result(athlete=name, rank=rank) for rank, name in enumerate(names, start=1)],
    )


def article_text(index: int) -> str:
    return f"Wedstrijd {index}\n\n{SHARED_ATHLETES[index % 4]} wint voor {SHARED_ATHLETES[(index + 1) % 4]}."


def store_all(url: str, order: list[int], start, outcomes) -> None:
    """One writer process: store every article of `order` through the service's write path."""
    from models.storage import open_store
    from service.deps import Services
    from service.settings import Settings

    services = Services(settings=Settings(), sessions=open_store(url), engine=None)
    start.wait()
    for index in order:
        try:
            article_id, created = services.store(_Article(article_text(index)), invented_result(index))
        except Exception as exc:  # reported to the test, which fails on it
            outcomes.put((index, "error", f"{type(exc).__name__}: {exc}"))
            continue
        outcomes.put((index, article_id, created))


class _Article:
    def __init__(self, text: str) -> None:
        self.text, self.id, self.published, self.language, self.source_url = text, None, "2026-03-01", None, None


def race(url: str) -> list[tuple]:
    context = multiprocessing.get_context("spawn")
    start, outcomes = context.Barrier(2), context.Queue()
    forward, backward = list(range(ARTICLES)), list(reversed(range(ARTICLES)))
    writers = [context.Process(target=store_all, args=(url, order, start, outcomes)) for order in (forward, backward)]
    for writer in writers:
        writer.start()
    found = [outcomes.get(timeout=120) for _ in range(2 * ARTICLES)]
    for writer in writers:
        writer.join(timeout=30)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("kind", STORE_KINDS)
def test_two_processes_storing_the_same_articles_lose_nothing_and_double_nothing(tmp_path, kind):
    from models.storage import open_store
    from models.storage.tables import ArticleRow, AthleteRow, ResultRow

    with fresh_store_url(kind, tmp_path) as url:
        open_store(url).kw["bind"].dispose()  # both writers find the schema (their own start is tested below)
        outcomes = race(url)
        assert [o for o in outcomes if o[1] == "error"] == []
        created = sorted(index for index, _, was_created in outcomes if was_created)
        assert created == list(range(ARTICLES)), "each article is created exactly once: one 201, one 200"
        ids: dict[int, int] = {}
        for index, article_id, _ in outcomes:
            assert ids.setdefault(index, article_id) == article_id, "both writers get the same stored article"
        sessions = open_store(url)
        with sessions() as session:
            assert session.scalar(select(func.count()).select_from(ArticleRow)) == ARTICLES
            assert sorted(session.scalars(select(AthleteRow.name))) == sorted(SHARED_ATHLETES)
            assert session.scalar(select(func.count()).select_from(ResultRow)) == 2 * ARTICLES
        sessions.kw["bind"].dispose()


def open_fresh_store(url: str, start, outcomes) -> None:
    from models.storage import open_store

    start.wait()
    try:
        open_store(url).kw["bind"].dispose()
        outcomes.put("up")
    except Exception as exc:
        outcomes.put(f"{type(exc).__name__}: {exc}")


@pytest.mark.slow
@pytest.mark.parametrize("kind", STORE_KINDS)
def test_two_servers_starting_on_a_fresh_store_both_come_up(tmp_path, kind):
    context = multiprocessing.get_context("spawn")
    with fresh_store_url(kind, tmp_path) as url:
        start, outcomes = context.Barrier(3), context.Queue()
        starters = [context.Process(target=open_fresh_store, args=(url, start, outcomes)) for _ in range(3)]
        for starter in starters:
            starter.start()
        assert [outcomes.get(timeout=120) for _ in starters] == ["up", "up", "up"]
        for starter in starters:
            starter.join(timeout=30)
