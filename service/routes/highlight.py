"""Split an article body into paragraphs of plain and entity segments for the article page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Segment:
    text: str
    label: str | None = None  # entity type (ATHLETE, PERSON, TEAM, PLACE, ...) or None for plain text
    href: str | None = None


def highlight(body: str, entities: list[dict[str, Any]], links: dict[str, str]) -> list[list[Segment]]:
    """Paragraphs (split on blank lines, as the engine joined them) of segments; `links` maps an entity's
    text to a URL (athlete pages)."""
    spans = sorted(
        (
            (e["start"], e["end"], e["label"], e["text"])
            for e in entities
            if 0 <= e.get("start", -1) < e.get("end", -1) <= len(body)
        ),
        key=lambda s: (s[0], -s[1]),
    )
    paragraphs: list[list[Segment]] = []
    position = 0
    for paragraph in body.split("\n\n"):
        start, end = position, position + len(paragraph)
        position = end + 2
        segments: list[Segment] = []
        cursor = start
        for s, e, label, text in spans:
            if s < cursor or s >= end:
                continue
            e = min(e, end)
            if s > cursor:
                segments.append(Segment(body[cursor:s]))
            segments.append(Segment(body[s:e], label, links.get(text) or links.get(body[s:e])))
            cursor = e
        if cursor < end:
            segments.append(Segment(body[cursor:end]))
        paragraphs.append(segments)
    return paragraphs
