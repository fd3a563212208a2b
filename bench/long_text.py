"""Benchmark (not a test): extraction time against text length, and a short request beside a long one.

1. The engine in this process: seconds per 10,000 characters for invented texts of 10k, 100k and 1M characters
   (linear time keeps the figures close: the largest within 2x of the smallest).
2. The real `palmares serve` (fresh SQLite store): one client posts a 1,000,000-character text while another
   posts short articles one after the other; prints the short posts' latencies while the long one runs.

    .venv/bin/python bench/long_text.py [--sizes 10000 100000 1000000] [--skip-engine] [--skip-server]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.articles import invented_article  # noqa: E402
from tests.service_helpers import AUTH, RunningServer  # noqa: E402


def long_text(characters: int, language: str = "en", seed: int = 0) -> str:
    """Invented articles one after the other, cut to `characters`."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < characters:
        parts.append(invented_article(rng, language))
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)[:characters]


def engine_figures(sizes: list[int]) -> None:
    from nlp.engine import Engine

    engine = Engine()
    engine.extract(long_text(2000), language="en")  # load the pipeline
    per_10k = []
    for size in sizes:
        text = long_text(size, seed=size)
        start = time.perf_counter()
        engine.extract(text, language="en")
        seconds = time.perf_counter() - start
        per_10k.append(seconds / size * 10_000)
        print(f"engine: {size:>9,} characters  {seconds:7.2f} s  {per_10k[-1]:.3f} s per 10k characters", flush=True)
    print(f"engine: largest / smallest seconds per 10k characters = {max(per_10k) / min(per_10k):.2f}")


def server_figures(long_size: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, RunningServer(Path(tmp) / "data") as server:
        client = httpx.Client(base_url=server.base, headers=AUTH, timeout=600)
        big = long_text(long_size, seed=1)
        outcome: dict[str, object] = {}

        def post_long() -> None:
            start = time.perf_counter()
            response = client.post("/articles", content=big.encode(), headers={"Content-Type": "text/plain"})
            outcome.update(status=response.status_code, seconds=time.perf_counter() - start)

        rng = random.Random(7)
        thread = threading.Thread(target=post_long)
        thread.start()
        time.sleep(1.0)  # the long one is being extracted
        latencies: list[float] = []
        while thread.is_alive() and len(latencies) < 5000:
            start = time.perf_counter()
            response = client.post("/articles", json={"text": invented_article(rng, "en"), "language": "en"})
            latencies.append(time.perf_counter() - start)
            assert response.status_code in (200, 201), response.text
        thread.join()
        latencies.sort()
        print(
            f"server: {long_size:,}-character POST -> {outcome['status']} in {outcome['seconds']:.1f} s; "
            f"{len(latencies)} short POSTs meanwhile: median {latencies[len(latencies) // 2]:.2f} s, "
            f"max {latencies[-1]:.2f} s, over 2 s: {sum(1 for t in latencies if t > 2)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--long", type=int, default=1_000_000, help="characters of the long POST")
    parser.add_argument("--skip-engine", action="store_true")
    parser.add_argument("--skip-server", action="store_true")
    args = parser.parse_args()
    if not args.skip_engine:
        engine_figures(args.sizes)
    if not args.skip_server:
        server_figures(args.long)


if __name__ == "__main__":
    main()
