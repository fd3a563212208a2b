"""Where a run stands, committed after each chunk: resumes after a kill with nothing lost or doubled.

An SQLite file beside the output holds the run's fingerprint, how many input items are done (the
inputs are read in a deterministic order, so done items are a prefix), how long the output file was
at that moment, the counters, and the content hashes seen (for duplicate detection). The output is
appended first, then the checkpoint commits in one transaction; on resume the output is cut back to
the committed length, which drops a chunk written after the last commit.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MAX_REASONS = 50


def reason_kind(reason: str) -> str:
    """Groups failures for the summary: "line 12 is not valid JSON" and "line 40 ..." are one kind."""
    reason = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason)
    return re.sub(r"\d[\d,.]*", "N", reason)[:200]


class CheckpointMismatch(Exception):
    """The checkpoint belongs to a run with other inputs or options."""


@dataclass(slots=True)
class Counters:
    processed: int = 0
    duplicates: int = 0
    failed: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def fail(self, reason: str) -> None:
        self.failed += 1
        kind = reason_kind(reason)
        if kind not in self.reasons and len(self.reasons) >= MAX_REASONS:
            kind = "other reasons"
        self.reasons[kind] = self.reasons.get(kind, 0) + 1

    def to_json(self) -> str:
        return json.dumps(
            {"processed": self.processed, "duplicates": self.duplicates, "failed": self.failed, "reasons": self.reasons}
        )

    @classmethod
    def from_json(cls, text: str) -> Counters:
        return cls(**json.loads(text))


@dataclass(slots=True)
class State:
    position: int = 0  # input items done (processed, failed or skipped as duplicates)
    output_bytes: int = 0
    counters: Counters = field(default_factory=Counters)


class Checkpoint:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS seen (hash BLOB PRIMARY KEY, id TEXT) WITHOUT ROWID")
        if "id" not in {row[1] for row in self._db.execute("PRAGMA table_info(seen)")}:
            self._db.execute("ALTER TABLE seen ADD COLUMN id TEXT")  # a checkpoint of an earlier version

    @classmethod
    def open(cls, path: Path, fingerprint: str, restart: bool = False) -> tuple[Checkpoint, State | None]:
        """The checkpoint and the state to resume from (None for a fresh run)."""
        if restart:
            remove(path)
        checkpoint = cls(path)
        stored = checkpoint._get("fingerprint")
        if stored is None:
            checkpoint._set_many({"fingerprint": fingerprint})
            return checkpoint, None
        if stored != fingerprint:
            checkpoint.close()
            raise CheckpointMismatch(
                f"{path} belongs to a run with other inputs or options; run with --restart to start over"
            )
        state = State(
            position=int(checkpoint._get("position") or 0),
            output_bytes=int(checkpoint._get("output_bytes") or 0),
            counters=Counters.from_json(checkpoint._get("counters") or Counters().to_json()),
        )
        return checkpoint, state

    def seen(self, digest: bytes) -> str | None:
        """The id of the item that first had this content ("" when an earlier version did not keep it), or None."""
        row = self._db.execute("SELECT id FROM seen WHERE hash = ?", (digest,)).fetchone()
        return None if row is None else (row[0] or "")

    def commit(self, state: State, new_hashes: Iterable[tuple[bytes, str]]) -> None:
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR IGNORE INTO seen (hash, id) VALUES (?, ?)", new_hashes)
        self._db.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [
                ("position", str(state.position)),
                ("output_bytes", str(state.output_bytes)),
                ("counters", state.counters.to_json()),
            ],
        )
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def _get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_many(self, values: dict[str, str]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", values.items())


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
