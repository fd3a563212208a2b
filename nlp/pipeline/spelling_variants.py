"""The forms a word takes when its accents are lost on the way: text passed through an ASCII-only system
("Muller"), written the German way without umlauts ("Mueller"), or with every non-ASCII letter dropped by a
broken encoding conversion ("Mller"; the CoNLL-2003 German files read like that)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def folded(word: str) -> str:
    """Accents removed: "Pérez" -> "Perez", "Müller" -> "Muller"."""
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


def transliterated(word: str) -> str:
    """German umlauts and ß spelled out: "Müller" -> "Mueller", "Großer" -> "Grosser"."""
    return word.translate(GERMAN_TRANSLITERATION)


def non_ascii_dropped(word: str) -> str:
    """Every non-ASCII letter gone: "Müller" -> "Mller"."""
    return "".join(char for char in word if char.isascii())


VARIANTS = (folded, transliterated, non_ascii_dropped)


def with_sharp_s(word: str) -> str:
    """wordfreq case-folds German ß to "ss" ("fussball"); the text writes "Fußball". Used to give the ß
    spelling the row of its folded word, so a word that is no German word ("Klaße") only gains a key."""
    return word.replace("ss", "ß")


def spelling_variants(word: str) -> Iterator[str]:
    """The distinct accent-less forms of a word that has non-ASCII letters (none for an ASCII word)."""
    if word.isascii():
        return
    seen = {word}
    for variant in VARIANTS:
        form = variant(word)
        if form and form not in seen:
            seen.add(form)
            yield form
