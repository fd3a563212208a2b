"""Case- and accent-insensitive forms of names and words, shared by extraction, linking and storage."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into base letter + accent.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
        "ð": "d",
        "’": "'",
    }
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents: "Håvard" -> "havard", "Großer" -> "grosser", "Košice" -> "kosice"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Folded, punctuation and hyphens as spaces, spaces collapsed: "Lotto-Soudal" == "lotto soudal"."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


# Spelling variants of one name across languages and transliterations, letter rules only (longest first).
_SPELLING_RULES = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("ue", "u"),
    ("oe", "o"),
    ("ae", "a"),
    ("ij", "i"),
    ("y", "i"),
    ("w", "v"),
)


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One key for the spellings of a name ("Müller", "Mueller", "Muller"; "Dijkstra", "Dykstra"; "Jewgeni",
    "Yevgeny"): folded, transliteration variants unified, doubled letters single. For comparing, never shown."""
    key = name_key(word)
    for old, new in _SPELLING_RULES:
        key = key.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", key)
