"""Benchmark (not a test): extraction time per article as the store's known names grow.

The service feeds every stored athlete and team to the engine (the gazetteer, and surname-only mentions
resolved to a stored full name), so a store of many articles must not make each extraction slower.

    OMP_NUM_THREADS=1 .venv/bin/python bench/known_names.py [--known 0 10000 100000] [--articles 100]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.articles import invented_articles  # noqa: E402
from nlp.engine import Engine  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ber", "ton", "sa", "vek", "ri", "dun", "el", "mar", "zo", "pen", "gul", "ast"]


def invented_names(count: int) -> list[str]:
    """Distinct invented "Given Surname" pairs (no real people)."""
    names = []
    for index in range(count):
        digits = [SYLLABLES[(index // len(SYLLABLES) ** k) % len(SYLLABLES)] for k in range(5)]
        names.append(f"{''.join(digits[:2]).title()} {''.join(digits[2:]).title()}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--known", type=int, nargs="+", default=[0, 10000, 100000])
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args(argv)
    texts = [text for _, text in invented_articles(args.articles)]
    print(f"{'known athletes':>15} {'ms/article':>11} {'feeding (s)':>12}")
    for known in args.known:
        engine = Engine()
        started = time.perf_counter()
        engine.add_known(athletes=invented_names(known))
        for text in texts[:6]:
            engine.extract(text)  # loads the pipelines and feeds them the names
        feeding = time.perf_counter() - started
        started = time.perf_counter()
        for index, text in enumerate(texts):
            engine.extract(text)
            engine.add_known(athletes=[f"Newly Added{index}"])  # the service learns names after each article
        per_article = (time.perf_counter() - started) / len(texts) * 1000
        print(f"{known:>15,} {per_article:>11.1f} {feeding:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
