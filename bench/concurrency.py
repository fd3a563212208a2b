"""Benchmark (not a test): many writers at once against `palmares serve --workers 2`, on SQLite and PostgreSQL.

1,000 distinct invented articles whose athletes are new to the store and shared between articles are posted by
8 client threads; then 50 articles are each posted twice at the same moment. Prints, per store: answers by
status, articles lost (a 201 whose article is not stored) and doubled (stored more than once), athletes stored
twice under one name, 5xx answers, and whether every racing pair got one 201 and one 200.

    .venv/bin/python bench/concurrency.py [--stores sqlite postgresql] [--articles 1000] [--clients 8]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.articles import TEMPLATES, invented_article  # noqa: E402
from tests.service_helpers import AUTH, RunningServer  # noqa: E402

POSTGRES_ADMIN = "postgresql://127.0.0.1:5432/postgres"


def distinct_articles(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    languages = list(TEMPLATES)
    return [f"{invented_article(rng, languages[i % len(languages)])}\n\n#{seed}-{i}" for i in range(count)]


@contextmanager
def store_env(kind: str):
    """Settings for the server: its SQLite file, or a PostgreSQL database made for this run (dropped after)."""
    if kind == "sqlite":
        yield {}
        return
    import psycopg

    name = f"palmares_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {"PALMARES_DATABASE_URL": f"postgresql://127.0.0.1:5432/{name}"}
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def all_pages(client: httpx.Client, path: str) -> list[dict]:
    found, offset = [], 0
    while page := client.get(path, params={"limit": 500, "offset": offset}).raise_for_status().json():
        found += page
        offset += len(page)
    return found


def run(kind: str, articles: int, clients: int, workers: int) -> None:
    texts = distinct_articles(articles, seed=1)
    racing = distinct_articles(50, seed=2)
    with store_env(kind) as env, tempfile.TemporaryDirectory() as data:
        with RunningServer(Path(data), "--workers", str(workers), "--log-level", "warning", env=env) as server:
            limits = httpx.Limits(max_connections=2 * clients, max_keepalive_connections=2 * clients)
            with httpx.Client(base_url=server.base, headers=AUTH, timeout=600, limits=limits) as client:
                started = time.perf_counter()
                with ThreadPoolExecutor(clients) as pool:
                    statuses = list(pool.map(lambda t: client.post("/articles", json={"text": t}).status_code, texts))
                elapsed = time.perf_counter() - started
                pairs = [race_pair(client, text) for text in racing]
                stored = all_pages(client, "/articles")
                athletes = all_pages(client, "/athletes")
    counts = Counter(statuses)
    stored_texts = len(stored) - len(racing)
    doubled_athletes = sum(n - 1 for n in Counter(a["name"] for a in athletes).values() if n > 1)
    fair = sum(1 for pair in pairs if sorted(pair) == [200, 201])
    print(
        f"{kind}: {articles} articles, {clients} clients, {workers} workers in {elapsed:.0f} s "
        f"({articles / elapsed:.1f}/s); answers {dict(sorted(counts.items()))}; "
        f"lost {max(counts[201] - stored_texts, 0)}, doubled {max(stored_texts - articles, 0)}, "
        f"5xx {sum(n for s, n in counts.items() if s >= 500)}; {len(athletes)} athletes, "
        f"{doubled_athletes} stored twice under one name; racing pairs with one 201 and one 200: "
        f"{fair}/{len(pairs)} (others: {[p for p in pairs if sorted(p) != [200, 201]][:5]})",
        flush=True,
    )


def race_pair(client: httpx.Client, text: str) -> list[int]:
    start = threading.Barrier(2)
    statuses: list[int] = []

    def post() -> None:
        start.wait()
        statuses.append(client.post("/articles", json={"text": text}).status_code)

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    for kind in args.stores:
        run(kind, args.articles, args.clients, args.workers)


if __name__ == "__main__":
    main()
