"""Quotes in every quotation style, with their speaker."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from models.records import Quote
from nlp.extraction.attribution import Attribution
from nlp.pipeline.lexicon import Lexicon

# opening mark -> closing marks; ,,…'' is the Dutch typewriter style
_QUOTE = re.compile(
    r"“(?P<a>[^“”]{2,}?)[”“]"
    r"|„(?P<b>[^„“”]{2,}?)[“”]"
    r"|«\s?(?P<c>[^«»]{2,}?)\s?»"
    r"|,,(?P<d>[^\n]{2,}?)(?:''|”|“)"
    r"|(?<![\w])\"(?P<e>[^\"\n]{2,}?)\"(?![\w])"
    r"|(?<![\w])‘(?P<f>[^‘’\n]{12,}?)’(?![\w])",
)
_MIN_WORDS = 3


def find_quotes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, quoted text) of each quotation with at least a few words."""
    quotes = []
    for m in _QUOTE.finditer(text):
        body = next(g for g in m.groups() if g is not None).strip().rstrip(",")
        if len(body.split()) >= _MIN_WORDS:
            quotes.append((m.start(), m.end(), body))
    return quotes


def extract_quotes(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[Quote]:
    speech = lexicon.set("speech_verbs")
    persons = list(doc.spans.get("persons", []))
    quotes: list[Quote] = []
    previous_speaker: str | None = None
    previous_end = -1
    text = attribution.text
    found = find_quotes(text)
    outside = [p for p in persons if not any(s <= p.start_char < e for s, e, _ in found)]
    for start, end, body in found:
        paragraph_start = text.rfind("\n\n", 0, start) + 1
        paragraph_end = text.find("\n\n", end)
        paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
        speaker = _speaker_after(text, end, outside, speech) or _speaker_before(text, start, outside, paragraph_start)
        if speaker is None and previous_speaker and text.rfind("\n\n", previous_end, start) == -1:
            speaker = previous_speaker  # the same paragraph goes on quoting the same person
        if speaker is None:
            nearby = [p for p in outside if paragraph_start <= p.start_char < paragraph_end]
            if nearby:
                speaker = min(nearby, key=lambda p: abs(p.start_char - start)).kb_id_
        if speaker is None:
            token = doc.char_span(start, end, alignment_mode="expand")
            if token is not None:
                speaker = attribution.subject_before(attribution.sentence_index(token.start) + 1)
        quotes.append(Quote(speaker=speaker, text=body))
        previous_speaker, previous_end = speaker or previous_speaker, end
    return quotes


def _speaker_after(text: str, end: int, persons: list[Span], speech: frozenset[str]) -> str | None:
    """“…”, vertelt Smeekens / "…," Mulder said."""
    following = text[end : end + 80]
    sentence_end = re.search(r"[.!?]\s|\n", following)
    window = following[: sentence_end.start() + 1] if sentence_end else following
    lowered = window.lower()
    if not any(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", lowered) for v in speech):
        return None
    for person in persons:
        if end <= person.start_char <= end + len(window):
            return person.kb_id_
    return None


def _speaker_before(text: str, start: int, persons: list[Span], paragraph_start: int) -> str | None:
    """X: “…” / X zei: "…"."""
    preceding = text[max(paragraph_start, start - 60) : start]
    if not re.search(r":\s*$", preceding):
        return None
    candidates = [p for p in persons if start - 60 <= p.start_char < start]
    return candidates[-1].kb_id_ if candidates else None
