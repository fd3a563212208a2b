"""Which calendar race (and stage) an article is about.

Evidence, each normalised case- and accent-insensitively:
- the race's name: its distinctive words (generic words such as "Tour", "Grand Prix", "de" do not count),
  a known alias in any language ("Vuelta" for "La Vuelta Ciclista a España"), or the race's country named
  in any language (Babel: "Slowakei" for the "sk" race "Tour de Slovaquie");
- the stages' start and finish places;
- dates: the publication date or a year near the race.
Precision over recall: without name evidence, or without race vocabulary in the text, there is no link.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from models.records import CalendarEntry, Link, Stage

LINK_THRESHOLD = 0.5


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("ß", "ss").replace("ø", "o").replace("ł", "l")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return json.loads(resources.files("nlp.linking").joinpath("vocabulary.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def country_names(code: str) -> frozenset[str]:
    """The country's name in the languages Babel knows best for news."""
    from babel import Locale

    names = set()
    for language in ("en", "fr", "de", "es", "it", "nl", "pt", "sk", "pl", "cs", "ca"):
        try:
            name = Locale.parse(language).territories.get(code.upper())
        except (ValueError, LookupError):
            continue
        if name:
            names.add(fold(name))
    return frozenset(names)


def contains(haystack: str, phrase: str) -> bool:
    """Whole-word containment on folded text."""
    return bool(phrase) and f" {phrase} " in f" {haystack} "


@dataclass(slots=True)
class Candidate:
    entry: CalendarEntry
    name_score: float
    places: dict[int, float]
    reasons: list[str]


def _name_evidence(entry: CalendarEntry, text: str) -> tuple[float, list[str]]:
    vocab = vocabulary()
    generic = set(vocab["generic_words"])
    countries = country_names(entry.country) if entry.country else frozenset()
    best, reasons = 0.0, []
    for variant in [v.strip() for v in entry.race.split("/")]:
        folded = fold(variant)
        for key, aliases in vocab["race_aliases"].items():
            if set(key.split()) <= set(folded.split()) or folded in aliases:
                hit = next((a for a in aliases if contains(text, a)), None)
                if hit:
                    return 1.0, [f"alias '{hit}'"]
        words = [w for w in folded.split() if w not in generic and len(w) > 1]
        if not words:
            continue
        found = []
        for word in words:
            if contains(text, word):
                found.append(word)
            elif word in countries and any(contains(text, c) for c in countries):
                found.append(word)
        score = len(found) / len(words)
        if score > best:
            best, reasons = score, [f"name words {found} of {words}"]
    return best, reasons


def _place_parts(place: str) -> list[str]:
    return [fold(p) for p in re.split(r"\.\s+|\s+/\s+", place) if len(fold(p)) > 2]


def _place_evidence(entry: CalendarEntry, text: str) -> dict[int, float]:
    found: dict[int, float] = {}
    for index, stage in enumerate(entry.stages):
        # every named part counts: "Bola del Mundo. Puerto de Navacerrada" both named beats "Madrid" alone
        score = 2.0 * sum(contains(text, p) for p in _place_parts(stage.finish))
        if stage.start != stage.finish:
            score += sum(contains(text, p) for p in _place_parts(stage.start))
        if score:
            found[index] = score
    return found


def _date_evidence(entry: CalendarEntry, text: str, published: dt.date | None) -> tuple[float, list[str]]:
    if entry.start_date is None:
        return 0.0, []
    end = entry.end_date or entry.start_date
    if published and entry.start_date - dt.timedelta(days=45) <= published <= end + dt.timedelta(days=3):
        return 1.0, [f"published {published.isoformat()} near the race"]
    if str(entry.start_date.year) in text.split():
        return 0.5, [f"year {entry.start_date.year} named"]
    return 0.0, []


def _best_stage(entry: CalendarEntry, places: dict[int, float], published: dt.date | None) -> Stage | None:
    if not places:
        return None
    top = max(places.values())
    best = [entry.stages[i] for i, score in places.items() if score == top]
    if len(best) > 1 and published:
        dated = [s for s in best if s.date == published]
        best = dated or best
    return best[0] if len(best) == 1 else None


def link_article(text: str, *, title: str | None, language: str, published: dt.date | None,
                 calendar: list[CalendarEntry]) -> list[Link]:
    """Calendar races the article is about, best first; empty when none is convincing."""
    folded = fold(f"{title or ''} {text}")
    race_words = vocabulary()["race_words"]
    if not any(contains(folded, fold(w)) for w in race_words):
        return []
    links = []
    for entry in calendar:
        name_score, reasons = _name_evidence(entry, folded)
        places = _place_evidence(entry, folded)
        place_score = min(1.0, max(places.values(), default=0.0) / 3.0) if places else 0.0
        if name_score < 0.5 and not (len(places) >= 2 or place_score >= 1.0):
            continue
        date_score, date_reasons = _date_evidence(entry, folded, published)
        score = 0.6 * name_score + 0.3 * place_score + 0.1 * date_score
        if score < LINK_THRESHOLD * 0.6 + (0 if name_score >= 0.5 else 0.2):
            continue
        stage = _best_stage(entry, places, published)
        if places:
            reasons.append(f"places of stages {sorted(entry.stages[i].number for i in places)}")
        links.append(Link(race=entry.race, stage=stage.number if stage else None, score=round(score, 3),
                          reasons=reasons + date_reasons))
    return sorted(links, key=lambda link: -link.score)
