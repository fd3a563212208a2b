"""Benchmark (not a test): POST /articles throughput and latency against the real `palmares serve`.

Starts the server in a subprocess on a free port (fresh SQLite store), sends distinct invented ~400-word
articles from this process with N concurrent client threads, then runs the raw engine over the same texts
in this process. Prints requests/s, p50/p99 latency, raw articles/s and the ratio.

    .venv/bin/python bench/service.py [--requests 120] [--concurrency 4] [--workers 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.service_helpers import AUTH, RunningServer  # noqa: E402

GIVEN = ["Lotte", "Pieter", "Anna", "Joris", "Mila", "Daan", "Sanne", "Bram", "Femke", "Ruben", "Noor", "Thijs"]
FAMILY = [
    "Vermeulen",
    "Kuipers",
    "Hoekstra",
    "Dijkman",
    "Brouwer",
    "Verhoef",
    "Molenaar",
    "Zandstra",
    "Postma",
    "Wijnberg",
    "Terpstra",
    "Haverkamp",
    "Rietveld",
    "Bosschaart",
]
TEAMS = ["Team Zuidwind", "Team Noorderlicht", "Team Polderkracht", "Team IJsvogel"]
EVENTS = ["500 meter", "1000 meter", "1500 meter", "5000 meter"]
PLACES = ["Heerenveen", "Thialf", "Inzell", "Hamar", "Calgary"]


def invented_article(index: int) -> str:
    """A distinct ~400-word Dutch skating report (invented names; no real text)."""
    rng = random.Random(index)
    people = rng.sample([f"{g} {f}" for g in GIVEN for f in FAMILY], 6)
    winner, second, third, fourth, coach, next_up = people
    team, event, place = rng.choice(TEAMS), rng.choice(EVENTS), rng.choice(PLACES)
    base = f"{rng.uniform(34.0, 38.0):.2f}".replace(".", ",")
    gaps = [f"{g:.2f}".replace(".", ",") for g in sorted(rng.uniform(0.05, 1.5) for _ in range(3))]
    surname = winner.split()[-1]
    paragraphs = [
        f"{surname} wint de {event} in {place} (verslag {index})",
        f"{winner} heeft de {event} in {place} gewonnen. De schaatser van {team} finishte in {base}, "
        f"op {gaps[0]} seconde gevolgd door {second}. {third} werd derde op {gaps[1]} seconde van "
        f"winnaar {winner}. {fourth} eindigde op de vierde plaats, op {gaps[2]} seconde.",
        f"“Dit is een mooie dag”, vertelt {surname} na afloop. “Ik kwam hier om te winnen en dat is gelukt. "
        f"De start ging goed, de binnenbocht ook, en in de laatste ronde had ik nog genoeg over.” Volgens "
        f"{surname} was de voorbereiding niet vlekkeloos verlopen. “Vorige week viel ik nog tijdens een "
        f"training, maar daar heb ik vandaag niets van gemerkt.”",
        f"Coach {coach} was tevreden over de rit van zijn pupil. “We hebben de hele zomer gewerkt aan de "
        f"opening, en dat zag je vandaag terug. Het ijs in {place} was snel, de omstandigheden waren goed en "
        f"de ploeg heeft het werk gedaan.” Hij wil nog niet vooruitkijken naar de volgende wedstrijden. “We "
        f"nemen het rit voor rit, zo doen we dat al jaren.”",
        f"{second} baalde van zijn tweede plaats. “Ik zat er dichtbij, maar het was niet genoeg. In de "
        f"laatste bocht verloor ik te veel snelheid.” {third} was juist blij met het brons: “Hier had ik "
        f"vooraf voor getekend.” Ook {fourth} kon leven met de uitslag, al had hij op een medaille gehoopt.",
        f"Woensdag rijdt {next_up} de ploegenachtervolging met {team}. Vrijdag staat de {rng.choice(EVENTS)} "
        f"op het programma, waarna {surname} op zaterdag nog in actie komt op de massastart. Het toernooi in "
        f"{place} duurt tot en met zondag; de ploeg van {team} hoopt dan nog minstens twee medailles te halen.",
        f"Tot nu toe veroverde {team} dit seizoen al {rng.randint(2, 9)} keer goud en {rng.randint(1, 5)} keer "
        f"zilver. De ploegleiding is tevreden over de breedte van de selectie en over de manier waarop de "
        f"jonge rijders zich ontwikkelen. “Ze leren snel en ze durven,” zegt {coach}, “en dat is precies wat je "
        f"nodig hebt in een lang seizoen met veel wedstrijden achter elkaar.”",
        f"Voor {surname} is het de eerste zege van het seizoen op de {event}. Vorig jaar reed {surname} in "
        f"{place} nog naar een vijfde plaats, toen nog in dienst van een andere ploeg. Sinds de overstap naar "
        f"{team} gaat het de goede kant op, al weet de schaatser dat het seizoen nog lang is. “Een zege is "
        f"mooi, maar in maart wordt er afgerekend. Dan moet ik er staan, niet nu.”",
    ]
    return "\n\n".join(paragraphs) + "\n"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_service(texts: list[str], concurrency: int, workers: int) -> tuple[float, list[float], int]:
    with (
        tempfile.TemporaryDirectory() as data_dir,
        RunningServer(Path(data_dir), "--workers", str(workers), "--log-level", "warning") as server,
    ):
        with httpx.Client(base_url=server.base, headers=AUTH, timeout=120) as warm:
            for text in [invented_article(-1 - i) for i in range(3)]:
                warm.post("/articles", json={"text": text}).raise_for_status()

        def post(text: str) -> tuple[float, int]:
            start = time.perf_counter()
            status = client.post("/articles", json={"text": text}).status_code
            return time.perf_counter() - start, status

        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        with httpx.Client(base_url=server.base, headers=AUTH, timeout=120, limits=limits) as client:
            started = time.perf_counter()
            with ThreadPoolExecutor(concurrency) as pool:
                outcomes = list(pool.map(post, texts))
            elapsed = time.perf_counter() - started
    errors = sum(1 for _, status in outcomes if status != 201)
    return elapsed, [latency for latency, _ in outcomes], errors


def bench_engine(texts: list[str]) -> float:
    from nlp.engine import get_engine

    engine = get_engine()
    for text in [invented_article(-1 - i) for i in range(3)]:
        engine.extract(text)
    started = time.perf_counter()
    for text in texts:
        engine.extract(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=120)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    texts = [invented_article(i) for i in range(args.requests)]
    words = statistics.mean(len(t.split()) for t in texts)
    elapsed, latencies, errors = bench_service(texts, args.concurrency, args.workers)
    raw = bench_engine(texts)
    service_rate, raw_rate = len(texts) / elapsed, len(texts) / raw
    print(f"articles: {len(texts)} distinct, {words:.0f} words on average")
    print(
        f"POST /articles: {service_rate:.1f} requests/s with {args.concurrency} concurrent clients, "
        f"{args.workers} worker(s); p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms; non-201: {errors}"
    )
    print(
        f"raw engine (Engine.extract, one thread): {raw_rate:.1f} articles/s ({raw / len(texts) * 1000:.0f} ms/article)"
    )
    print(f"service / raw engine throughput: {service_rate / raw_rate:.2f}")


if __name__ == "__main__":
    main()
