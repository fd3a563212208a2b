"""What a worker process loads once at start-up and shares between requests: settings, store, engine.

Storing retries a write that lost a race to another process (SQLite's lock, a row committed first); the engine
(`service.extraction`) warms up on one sentence per language (the `sample_sentence` of each lexicon) so that no
request waits for a pipeline to load.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from models.records import Calendar, ExtractionResult
from models.storage import add_extraction, find_article_id
from models.storage.read import calendar_entries, known_names
from service.settings import Settings

log = logging.getLogger("palmares.service")
T = TypeVar("T")


@dataclass
class Services:
    """What a worker process loads once at start-up (lifespan) and shares between requests."""

    settings: Settings
    sessions: sessionmaker[Session]
    # service.extraction.ExtractionPool (worker processes, a time budget per request) or InProcessEngine
    engine: Any
    # held by edits that rewrite stored knowledge (service/editing.py) and by jobs that read the engine directly
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    engine_lock: threading.Lock = field(default_factory=threading.Lock)
    ready: bool = False

    def feed_known_names(self) -> None:
        with self.sessions() as session:
            names = known_names(session)
        self.feed(names.athletes, names.teams, names.races)

    def feed(self, athletes: list[str], teams: list[str], races: list[str]) -> None:
        """Names for the engine's gazetteer (it keeps the most recent `known_names_limit` of each kind; a name fed
        again counts as recent)."""
        if athletes or teams or races:
            self.engine.add_known(athletes, teams, races)

    def calendar(self) -> Calendar | None:
        with self.sessions() as session:
            calendar = Calendar(entries=calendar_entries(session))
        return calendar if calendar.entries else None

    def extract(self, text: str | bytes, **options: Any) -> ExtractionResult:
        return self.engine.extract(text, calendar=self.calendar(), **options)

    def store(self, article: Any, result: ExtractionResult) -> tuple[int, bool]:
        """Store an extraction; (article id, False) when the same content was already stored.

        Each attempt is one transaction. When another process commits a conflicting row first (the same
        article, or a new athlete or race it also created), the attempt is rolled back and made again: the
        other's rows are then found and reused, so nothing is lost and nothing stored twice."""

        def write() -> tuple[int, bool]:
            with self.sessions() as session:  # the database orders writers (SQLite waits up to busy_timeout)
                article_id = add_extraction(session, article, result)
                if article_id is None:
                    stored = find_article_id(session, article.text)
                    assert stored is not None  # None from add_extraction: the content is already stored
                    return stored, False
                session.commit()
                return article_id, True

        return retry_conflicts(write)

    def learn_names(self, result: ExtractionResult) -> None:
        """Feed one article's athletes and teams to the gazetteer for the articles that follow."""
        athletes = [a.name for a in result.athletes if len(a.name.split()) > 1]
        teams = [a.team for a in result.athletes if a.team]
        self.feed(athletes, teams, [])

    def warm_up(self) -> None:
        """Load every language's pipeline now rather than on the first request in that language."""
        try:
            self.engine.start()
        except Exception:  # readiness reports it; a bad warm-up must not stop the server
            log.exception("the extraction engine did not start")
            return
        self.ready = True


def retry_conflicts(action: Callable[[], T], attempts: int = 12) -> T:
    """Run a write transaction again when it lost a race: SQLite's database lock held by another process, or a
    unique row (article, athlete, race) another process committed first."""
    for attempt in range(attempts):
        try:
            return action()
        except (OperationalError, IntegrityError) as exc:
            locked = isinstance(exc, OperationalError) and "locked" in str(exc).lower()
            if not (locked or isinstance(exc, IntegrityError)) or attempt == attempts - 1:
                raise
            time.sleep(random.uniform(0.02, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")


retry_locked = retry_conflicts  # the name the editing and calendar routes use
