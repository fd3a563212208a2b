"""What a worker process loads once at start-up and shares between requests: settings, store, engine.

Storing retries while SQLite reports the database locked; warming up extracts one sentence per language (the
`sample_sentence` of each lexicon) so that no request waits for a pipeline to load.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from models.records import Calendar, ExtractionResult
from models.storage import find_article_id, store_extraction
from models.storage.read import calendar_entries, known_names
from service.settings import Settings

T = TypeVar("T")


@dataclass
class Services:
    """What a worker process loads once at start-up (lifespan) and shares between requests."""

    settings: Settings
    sessions: sessionmaker[Session]
    engine: Any  # nlp.engine.Engine, or a test double with the same methods
    # spaCy pipelines and the gazetteer are not safe to mutate while another thread runs them; extraction is
    # CPU-bound anyway, so one extraction at a time per process loses nothing (use more workers to scale).
    engine_lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    ready: bool = False
    fed: set[tuple[str, str]] = field(default_factory=set)  # (kind, name) already in the engine's gazetteer

    def feed_known_names(self) -> None:
        with self.sessions() as session:
            names = known_names(session)
        self.feed(names.athletes, names.teams, names.races)

    def feed(self, athletes: list[str], teams: list[str], races: list[str]) -> None:
        new = [
            [n for n in group if (kind, n) not in self.fed]
            for kind, group in (("athlete", athletes), ("team", teams), ("race", races))
        ]
        if not any(new):
            return
        with self.engine_lock:
            self.engine.add_known(*new)
        for kind, group in zip(("athlete", "team", "race"), new, strict=True):
            self.fed.update((kind, n) for n in group)

    def extract(self, text: str | bytes, **options: Any) -> ExtractionResult:
        with self.sessions() as session:
            calendar = Calendar(entries=calendar_entries(session))
        with self.engine_lock:
            return self.engine.extract(text, calendar=calendar if calendar.entries else None, **options)

    def store(self, article: Any, result: ExtractionResult) -> tuple[int, bool]:
        """Store an extraction; (article id, False) when the same content was already stored."""

        def write() -> tuple[int, bool]:
            with self.write_lock, self.sessions() as session:
                existing = find_article_id(session, article.text)
                if existing is not None:
                    return existing, False
                try:
                    article_id = store_extraction(session, article, result)
                    session.commit()
                    return article_id, True
                except IntegrityError:  # another process stored the same content meanwhile
                    session.rollback()
                    stored = find_article_id(session, article.text)
                    if stored is None:
                        raise  # the conflict was not on the content
                    return stored, False

        return retry_locked(write)

    def learn_names(self, result: ExtractionResult) -> None:
        """Feed one article's athletes and teams to the gazetteer for the articles that follow."""
        athletes = [a.name for a in result.athletes if len(a.name.split()) > 1]
        teams = [a.team for a in result.athletes if a.team]
        self.feed(athletes, teams, [])

    def warm_up(self) -> None:
        """Load every language's pipeline now rather than on the first request in that language."""
        from nlp.pipeline.lexicon import available_languages, load_lexicon

        with self.engine_lock:
            try:
                for language in available_languages():
                    text = load_lexicon(language).data["sample_sentence"]
                    self.engine.extract(f"{text}\n\n{text}", language=language)
            except Exception:  # readiness reports it; a bad warm-up text must not stop the server
                return
        self.ready = True


def retry_locked(action: Callable[[], T], attempts: int = 5) -> T:
    """Run a write, retrying when SQLite reports the database locked by another process."""
    for attempt in range(attempts):
        try:
            return action()
        except OperationalError as exc:
            if "locked" not in str(exc).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable: the last attempt returns or raises")
