"""Upcoming fixtures: "Woensdag rijdt Sven Kramer de ploegenachtervolging"."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from spacy.tokens import Doc, Span

from models.records import Fixture
from nlp.extraction.attribution import Attribution
from nlp.pipeline.lexicon import Lexicon
from nlp.pipeline.sports_patterns import DATE, DISCIPLINE, DISTANCE, WEEKDAY

WEEKDAY_NUMBER = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}


def resolve_weekday(when: str, published: dt.date | None) -> dt.date | None:
    """The date meant: a written date ("2025-09-14", or "--09-14" in the publication year), or the first
    such weekday after the publication date ("+1" means the next day)."""
    try:
        if when[:1].isdigit():
            return dt.date.fromisoformat(when)
        if when.startswith("--"):
            if published is None:
                return None
            month, day = map(int, when[2:].split("-"))
            candidate = dt.date(published.year, month, day)
            return candidate if candidate >= published else dt.date(published.year + 1, month, day)
    except ValueError:
        return None  # "29 February" of a year without it
    if published is None:
        return None
    if when.startswith("+"):
        return published + dt.timedelta(days=int(when[1:]))
    days_ahead = (WEEKDAY_NUMBER[when] - published.weekday()) % 7
    return published + dt.timedelta(days=days_ahead or 7)


def contains_phrase(text: str, phrases: list[str]) -> bool:
    padded = f" {' '.join(text.lower().split())} "
    return any(f" {p.lower()} " in padded for p in phrases)


def extract_schedule(doc: Doc, attribution: Attribution, lexicon: Lexicon, published: dt.date | None) -> list[Fixture]:
    fixture_words = lexicon.words("fixture_verbs") + lexicon.words("future_markers")
    also_words = lexicon.set("also_words")
    sports = attribution.sports
    fixtures: list[Fixture] = []
    previous_sentence_had_fixture = False
    days_in: dict[int, list[Span]] = defaultdict(list)  # sentence index -> its days, read in one pass
    for span in sports:
        if span.label_ in {WEEKDAY, DATE} and (index := attribution.sentence_holding(span.start)) is not None:
            days_in[index].append(span)
    for sentence_number, sentence in enumerate(attribution.sentences):
        days = days_in.get(sentence_number, [])
        if not days:
            named = attribution.athletes_in(sentence.start, sentence.end)
            if (
                previous_sentence_had_fixture
                and named
                and any(w in also_words for w in attribution.lowers[sentence.start : sentence.end])
                and contains_phrase(attribution.sentence_text(sentence.start), fixture_words)
            ):
                for athlete in named:
                    if athlete.kb_id_ not in fixtures[-1].athletes:
                        fixtures[-1].athletes.append(athlete.kb_id_)
                continue
            previous_sentence_had_fixture = False
            continue
        previous_sentence_had_fixture = False
        bounds = [sentence.start] + [attribution.clause(d.start).start for d in days[1:]] + [sentence.end]
        for day, start, end in zip(days, bounds, bounds[1:], strict=False):
            region = doc[start:end]
            if not contains_phrase(attribution.text[region.start_char : region.end_char], fixture_words):
                continue
            events = [s for s in sports if s.label_ in {DISCIPLINE, DISTANCE} and start <= s.start < end]
            athletes: list[str] = []
            for athlete in attribution.athletes_in(start, end):
                if athlete.kb_id_ not in athletes:
                    athletes.append(athlete.kb_id_)
            if not athletes and attribution.has_pronoun(start, end):  # "She will race again on Sunday"
                subject = attribution.subject_before(attribution.sentence_index(start))
                athletes = [subject] if subject else []
            if not events and not athletes:
                continue
            date = resolve_weekday(day._.value, published)
            if date is not None and published is not None and date < published:
                continue  # a date before publication is a past race, not a fixture
            fixtures.append(
                Fixture(
                    when=day._.value,
                    date=date,
                    event=events[0]._.value if events else None,
                    athletes=athletes,
                    evidence=attribution.sentence_text(sentence.start),
                )
            )
            previous_sentence_had_fixture = True
    return fixtures
