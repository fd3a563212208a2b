"""Results into the database through the storage API (idempotent on content hash, so a chunk stored
again after a kill between the store commit and the checkpoint commit is not stored twice)."""

from __future__ import annotations

from typing import Any


class StoreSink:
    def __init__(self, url: str) -> None:
        from models.storage import open_store

        self._sessions = open_store(url)

    def write(self, lines: list[str], stored: list[tuple[Any, Any]] | None = None) -> None:
        if not stored:
            return
        from models.storage import store_extraction

        with self._sessions() as session:
            for article, result in stored:
                store_extraction(session, article, result)
            session.commit()

    def close(self) -> None:
        pass
