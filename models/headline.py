"""A headline for an article that has none: the opening words of its lead (never "Article 5")."""

from __future__ import annotations

import re

MAX_WORDS = 14
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’']?\s+(?=[\"“«‘']?[^\W\d_])")


def headline(title: str | None, body: str, max_words: int = MAX_WORDS) -> str:
    """The title when there is one, else the lead's first sentence, cut to `max_words` words with "…"."""
    if title and title.strip():
        return " ".join(title.split())
    lead = next((p for p in body.split("\n\n") if p.strip()), "")
    sentence = _SENTENCE_END.split(" ".join(lead.split()), maxsplit=1)[0]
    words = sentence.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:–-") + "…"
    return sentence.rstrip(".")
