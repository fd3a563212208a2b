"""The day and the competition of each result, from the words around it, where the extraction left them empty.

A hook for the knowledge base (`models.storage.knowledge`), which groups results into events: the day comes
from a weekday or date written in the result's sentence ("Zaterdag won …" in an article of Sunday 18 February:
Saturday the 17th; a result is never after its article), the competition from a competition named in the
sentence, else in the title or lead ("Olympic Games" for "Olympische Spelen", "Jeux olympiques", …: the
lexicons' canonical names, so articles in any language agree). Results the extraction dated or placed keep their
values.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from models.records import Result
from nlp.extraction.schedule import WEEKDAY_NUMBER
from nlp.pipeline.doc_words import doc_text
from nlp.pipeline.sports_patterns import COMPETITION, DATE, WEEKDAY

LEAD_SENTENCES = 3  # the title and the lead's first sentences name the article's competition


def past_date(when: str, published: dt.date | None) -> dt.date | None:
    """The day a result written with `when` happened: an ISO date, a day of a month ("--02-17") in the year
    of publication, or the last such weekday on or before the publication date. None for days ahead ("+1")."""
    if when[:1].isdigit():
        try:
            return dt.date.fromisoformat(when)
        except ValueError:
            return None
    if published is None or when.startswith("+"):
        return None
    if when.startswith("--"):
        month, day = map(int, when[2:].split("-"))
        try:
            candidate = dt.date(published.year, month, day)
            return candidate if candidate <= published else dt.date(published.year - 1, month, day)
        except ValueError:
            return None
    if when not in WEEKDAY_NUMBER:
        return None
    return published - dt.timedelta(days=(published.weekday() - WEEKDAY_NUMBER[when]) % 7)


def _sentence_spans(text: str, sentences: list[Span]) -> dict[str, Span]:
    spans: dict[str, Span] = {}
    for sentence in sentences:
        spans.setdefault(text[sentence.start_char : sentence.end_char].strip(), sentence)
    return spans


def _lead_day(text: str, sentences: list[Span], days: list[Span], lead_end: int, athlete: str) -> Span | None:
    """A day named in a lead sentence that names the athlete too ("Sven Kramer heeft zaterdag … gewonnen"), for
    a result whose own sentence (often the title) names none."""
    surname = athlete.split()[-1] if athlete.split() else ""
    for day in days:
        if day.start >= lead_end:
            break
        sentence = next((s for s in sentences if s.start <= day.start < s.end), None)
        if surname and sentence is not None and surname in text[sentence.start_char : sentence.end_char]:
            return day
    return None


def fill_event_context(doc: Doc, results: list[Result], published: dt.date | None) -> None:
    """Set `date` and `competition` of the results that have none, from their sentence and the lead."""
    if not results:
        return
    sports = list(doc.spans.get("sports", []))
    competitions = [s for s in sports if s.label_ == COMPETITION]
    days = [s for s in sports if s.label_ in (WEEKDAY, DATE)]
    sentences = list(doc.sents)
    text = doc_text(doc)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end if sentences else 0
    main = next((c._.value for c in competitions if c.start < lead_end), None)
    by_text = _sentence_spans(text, sentences)
    for result in results:
        sentence = by_text.get(result.evidence.strip()) if result.evidence else None
        inside = [] if sentence is None else [s for s in sports if sentence.start <= s.start < sentence.end]
        if result.competition is None:
            named = next((s._.value for s in inside if s.label_ == COMPETITION), None)
            result.competition = named or main
        if result.date is None and days:
            day = next((s for s in inside if s.label_ in (WEEKDAY, DATE)), None) or _lead_day(
                text, sentences, days, lead_end, result.athlete
            )
            if day is not None:
                result.date = past_date(day._.value, published)
