"""Long texts are tagged in bounded pieces: memory and time per piece stay the same whatever the length.

An article is short (a few thousand characters) and is one piece; a 1,000,000-character upload is a few dozen,
each cut at a paragraph break where there is one, else at a line break, a sentence end or a space.
"""

from __future__ import annotations

import re

PIECE_CHARS = 20_000  # far above any real article, far below spaCy's max_length
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…]\s"), re.compile(r"\s"))


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset in `text`, piece) pairs that cover `text` in order, each at most `limit` characters."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece text[start:end]: after the last of the best kind of break in its second half."""
    for pattern in _CUTS:
        ends = [match.end() for match in pattern.finditer(text, start + (end - start) // 2, end)]
        if ends:
            return ends[-1]
    return end
