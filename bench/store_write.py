"""Benchmark (not a test): how long storing a very long article holds the store's write lock.

SQLite has one writer at a time: while one article is being written, every other write waits. Extracts one
invented text of `--characters` characters once, then stores its result `--times` times in a fresh SQLite store
(the first time every athlete is new, then they are found) and prints, for each, the seconds from the first
write statement to the commit (the time the write lock is held), the whole store call, and the number of
statements.

    .venv/bin/python bench/store_write.py [--characters 1000000] [--times 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.long_text import long_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--characters", type=int, default=1_000_000)
    parser.add_argument("--times", type=int, default=3)
    args = parser.parse_args()

    from models.storage import add_extraction, open_store, sqlite_url
    from nlp.engine import Engine

    text = long_text(args.characters, seed=1)
    started = time.perf_counter()
    result = Engine().extract(text, language="en")
    print(
        f"extracted {len(text):,} characters in {time.perf_counter() - started:.1f} s: {len(result.athletes)} "
        f"athletes, {len(result.results)} results, {len(result.quotes)} quotes, {len(result.schedule)} fixtures"
    )
    with tempfile.TemporaryDirectory() as data:
        sessions = open_store(sqlite_url(Path(data) / "palmares.sqlite"))
        first_write: list[float] = []
        statements = [0]

        @event.listens_for(sessions.kw["bind"], "before_cursor_execute")
        def _count(_conn, _cursor, statement: str, *_args) -> None:
            statements[0] += 1
            if not first_write and not statement.lstrip().upper().startswith("SELECT"):
                first_write.append(time.perf_counter())

        for number in range(args.times):
            first_write.clear()
            statements[0] = 0
            started = time.perf_counter()
            with sessions() as session:
                add_extraction(session, {"text": f"{text}\n\n{number}"}, result)
                session.commit()
            ended = time.perf_counter()
            print(
                f"store {number + 1}: write lock held {ended - first_write[0]:.2f} s of {ended - started:.2f} s, "
                f"{statements[0]:,} statements"
            )


if __name__ == "__main__":
    main()
