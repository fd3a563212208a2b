"""Benchmark (not a test): a long soak of `palmares serve` with mixed traffic, watching memory and latency.

N client threads send reads (the JSON routes and the pages, on stored articles, athletes and races) and, one
request in `--write-every`, a new invented article (athletes from a fixed set of invented names) with a
paragraph of words the server has never seen. The server's memory
is the resident size of its process and all its children (the extraction workers), sampled every 10 s.
Prints per minute: requests, errors, RSS; at the end: RSS growth after warm-up (of the server process and of
all), p50/p99 of the GET routes, and p50/p99/max per route.

    .venv/bin/python bench/soak.py [--minutes 30] [--clients 4] [--warm-up 3] [--write-every 25]
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx2 as httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.articles import TEMPLATES, invented_article  # noqa: E402
from tests.service_helpers import AUTH, CALENDAR, RunningServer  # noqa: E402


def new_words_article(rng: random.Random) -> str:
    """An invented article (its athletes from a fixed set of invented names, as a season's news names the same
    athletes again and again) plus a paragraph of made-up words: the new vocabulary a long run meets."""
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 11))) for _ in range(80)]
    base = invented_article(rng, rng.choice(list(TEMPLATES)))
    return f"{base}\n\n{' '.join(words)}."


def resident_bytes(pid: int) -> tuple[int, int]:
    """Resident bytes of the server process with all its children, and of the server process alone."""
    root = psutil.Process(pid)
    total = 0
    for process in [root, *root.children(recursive=True)]:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total, root.memory_info().rss


class Traffic:
    def __init__(self, base: str, seed: int, write_every: int) -> None:
        self.client = httpx.Client(base_url=base, headers=AUTH, timeout=120)
        self.rng = random.Random(seed)
        self.write_every = write_every
        self.ids: list[int] = []
        self.slugs: list[str] = []
        self.races: list[str] = []

    def refresh(self) -> None:
        self.ids = [a["id"] for a in self.client.get("/articles", params={"limit": 200}).json()]
        self.slugs = [a["slug"] for a in self.client.get("/athletes", params={"limit": 200}).json()]
        self.races = [r["slug"] for r in self.client.get("/calendar").json()]

    def next_request(self, count: int) -> tuple[str, str, str, dict | None]:
        """(method, route as a pattern, path, JSON body)."""
        if count % self.write_every == 0:
            return "POST", "/articles", "/articles", {"text": new_words_article(self.rng)}
        choice = self.rng.choice
        routes = [
            ("/articles?limit=20", "/articles?limit=20"),
            ("/articles/{id}", f"/articles/{choice(self.ids)}"),
            ("/athletes?q=", f"/athletes?q={choice(self.slugs).split('-')[-1]}"),
            ("/athletes/{slug}", f"/athletes/{choice(self.slugs)}"),
            ("/athletes/{slug}/summary", f"/athletes/{choice(self.slugs)}/summary?lang=nl"),
            ("/results?limit=50", "/results?limit=50"),
            ("/calendar", "/calendar"),
            ("/calendar/{slug}", f"/calendar/{choice(self.races)}"),
            ("/", "/"),
            ("/view/articles/{id}", f"/view/articles/{choice(self.ids)}"),
            ("/view/athletes/{slug}", f"/view/athletes/{choice(self.slugs)}"),
            ("/view/calendar", "/view/calendar"),
            ("/view/results?athlete=", "/view/results?athlete=" + choice(self.slugs).split("-")[-1]),
        ]
        route, path = choice(routes)
        return "GET", route, path, None


def percentile(values: list[float], fraction: float) -> float:
    """`values` sorted."""
    return values[int(fraction * (len(values) - 1))]


def soak(minutes: float, clients: int, warm_up: float, write_every: int) -> None:
    with tempfile.TemporaryDirectory() as data, RunningServer(Path(data), "--log-level", "warning") as server:
        seeding = Traffic(server.base, seed=0, write_every=1)
        seeding.client.post("/calendar", content=CALENDAR.encode(), headers={"Content-Type": "text/plain"})
        for _ in range(30):
            seeding.client.post("/articles", json={"text": new_words_article(seeding.rng)}).raise_for_status()
        seeding.refresh()
        stop = time.monotonic() + minutes * 60
        latencies: dict[str, list[float]] = defaultdict(list)
        by_route: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        counts = [0] * clients
        lock = threading.Lock()

        def client_loop(number: int) -> None:
            traffic = Traffic(server.base, seed=number + 1, write_every=write_every)
            traffic.ids, traffic.slugs, traffic.races = seeding.ids, seeding.slugs, seeding.races
            count = 0
            while time.monotonic() < stop:
                count += 1
                method, route, path, body = traffic.next_request(count)
                started = time.perf_counter()
                response = traffic.client.request(method, path, json=body)
                elapsed = time.perf_counter() - started
                with lock:
                    counts[number] += 1
                    latencies[method].append(elapsed)
                    by_route[f"{method} {route}"].append(elapsed)
                    if response.status_code >= 400:
                        errors.append(f"{method} {path} -> {response.status_code}")

        threads = [threading.Thread(target=client_loop, args=(n,), daemon=True) for n in range(clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        samples: list[tuple[float, int, int]] = []  # (seconds, all, server process)
        while any(thread.is_alive() for thread in threads):
            time.sleep(10)
            assert server.process is not None
            samples.append((time.monotonic() - started, *resident_bytes(server.process.pid)))
            if len(samples) % 6 == 0:
                print(
                    f"{samples[-1][0] / 60:5.1f} min: {sum(counts):,} requests, {len(errors)} errors, "
                    f"RSS {samples[-1][1] >> 20} MB (server process {samples[-1][2] >> 20} MB)",
                    flush=True,
                )
        replaced = server.log.read_text().count("replacing an extraction worker")
    after_warm_up = [(rss, server_rss) for at, rss, server_rss in samples if at >= warm_up * 60]
    (baseline, server_baseline), (final, server_final) = after_warm_up[0], after_warm_up[-1]
    gets = sorted(latencies["GET"])
    posts = sorted(latencies["POST"])
    print(
        f"soak: {minutes:g} min, {clients} clients, {sum(counts):,} requests ({len(posts):,} POSTs of new text), "
        f"{len(errors)} errors {errors[:5]}; extraction workers replaced: {replaced}"
    )
    print(
        f"RSS after {warm_up:g} min warm-up {baseline >> 20} MB -> end {final >> 20} MB "
        f"(growth {100 * (final - baseline) / baseline:+.1f} %, peak {max(r for r, _ in after_warm_up) >> 20} MB); "
        f"server process {server_baseline >> 20} MB -> {server_final >> 20} MB "
        f"({100 * (server_final - server_baseline) / server_baseline:+.1f} %)"
    )
    print(
        f"GET p50 {1000 * percentile(gets, 0.5):.0f} ms, p99 {1000 * percentile(gets, 0.99):.0f} ms; "
        f"POST p50 {1000 * percentile(posts, 0.5):.0f} ms, p99 {1000 * percentile(posts, 0.99):.0f} ms"
    )
    for route, values in sorted(by_route.items(), key=lambda item: -percentile(sorted(item[1]), 0.99)):
        values.sort()
        print(
            f"  {route:32} {len(values):>7,}  p50 {1000 * percentile(values, 0.5):5.0f} ms  "
            f"p99 {1000 * percentile(values, 0.99):5.0f} ms  max {1000 * values[-1]:5.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--warm-up", type=float, default=3, help="minutes before the RSS baseline is taken")
    parser.add_argument("--write-every", type=int, default=25, help="one POST of new text per this many requests")
    args = parser.parse_args()
    soak(args.minutes, args.clients, args.warm_up, args.write_every)


if __name__ == "__main__":
    main()
