"""Benchmark (not a test): the soak's GET routes, one at a time, on a store the size a 30-minute soak leaves.

The first run builds the store in `--store` (a directory kept between runs): `palmares serve` on it, the soak's
calendar, then `--articles` of the soak's invented articles with new words, posted by two clients (about 5
minutes). Each run then copies the store, opens it in this process (no extraction workers, no HTTP) and asks
each route `--times` times, printing p50, p90 and max per route. Pass `--code DIR` to time another checkout's
code on the same store (e.g. a worktree of the previous commit), so that a change is compared on one store.

    .venv/bin/python bench/read_routes.py [--store palmares-bench-store] [--articles 6500] [--times 40] [--code DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORE_FILE = "palmares.sqlite"


def build_store(store: Path, articles: int) -> None:
    import httpx2 as httpx

    from bench.soak import new_words_article
    from tests.service_helpers import AUTH, CALENDAR, RunningServer

    started = time.monotonic()
    with RunningServer(store, "--log-level", "warning") as server:
        client = httpx.Client(base_url=server.base, headers=AUTH, timeout=120)
        client.post("/calendar", content=CALENDAR.encode(), headers={"Content-Type": "text/plain"})
        rng = random.Random(0)
        texts = [new_words_article(rng) for _ in range(articles)]
        with ThreadPoolExecutor(2) as pool:
            statuses = list(pool.map(lambda text: client.post("/articles", json={"text": text}).status_code, texts))
    print(f"built {store}: {statuses.count(201):,} articles stored in {time.monotonic() - started:.0f} s")


class NoExtraction:
    """Stands in for the extraction workers: these routes only read."""

    def add_known(self, *_args, **_kwargs) -> None:
        pass

    def close(self) -> None:
        pass


def time_routes(store: Path, times: int) -> None:
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings
    from tests.service_helpers import AUTH, KEY

    with tempfile.TemporaryDirectory() as data:
        shutil.copy(store / STORE_FILE, Path(data) / STORE_FILE)
        app = create_app(Settings(data_dir=Path(data), api_keys=KEY), engine=NoExtraction(), warm_up=False)
        with TestClient(app, headers=AUTH) as client:
            ids = [a["id"] for a in client.get("/articles", params={"limit": 200}).json()]
            slugs = [a["slug"] for a in client.get("/athletes", params={"limit": 200}).json()]
            races = [r["slug"] for r in client.get("/calendar").json()]
            rng = random.Random(1)
            routes: dict[str, Callable[[], str]] = {  # as bench/soak.py asks them
                "/articles?limit=20": lambda: "/articles?limit=20",
                "/articles/{id}": lambda: f"/articles/{rng.choice(ids)}",
                "/athletes?q=": lambda: f"/athletes?q={rng.choice(slugs).split('-')[-1]}",
                "/athletes/{slug}": lambda: f"/athletes/{rng.choice(slugs)}",
                "/athletes/{slug}/summary": lambda: f"/athletes/{rng.choice(slugs)}/summary?lang=nl",
                "/results?limit=50": lambda: "/results?limit=50",
                "/calendar": lambda: "/calendar",
                "/calendar/{slug}": lambda: f"/calendar/{rng.choice(races)}",
                "/": lambda: "/",
                "/view/articles/{id}": lambda: f"/view/articles/{rng.choice(ids)}",
                "/view/athletes/{slug}": lambda: f"/view/athletes/{rng.choice(slugs)}",
                "/view/calendar": lambda: "/view/calendar",
                "/view/results?athlete=": lambda: "/view/results?athlete=" + rng.choice(slugs).split("-")[-1],
            }
            for route, path in routes.items():
                for _ in range(3):
                    client.get(path())
                seconds = []
                for _ in range(times):
                    started = time.perf_counter()
                    response = client.get(path())
                    seconds.append(time.perf_counter() - started)
                    response.raise_for_status()
                seconds.sort()
                print(
                    f"  {route:28} p50 {1000 * statistics.median(seconds):6.1f} ms  "
                    f"p90 {1000 * seconds[int(0.9 * (len(seconds) - 1))]:6.1f} ms  max {1000 * seconds[-1]:6.1f} ms"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("palmares-bench-store"))
    parser.add_argument("--articles", type=int, default=6500, help="about what a 30-minute soak posts")
    parser.add_argument("--times", type=int, default=40)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose code is timed")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    if not (args.store / STORE_FILE).exists():
        build_store(args.store, args.articles)
    print(f"routes of {args.code.resolve()} on {args.store} ({args.times} requests each, one at a time):")
    time_routes(args.store, args.times)


if __name__ == "__main__":
    main()
