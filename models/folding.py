"""Case- and accent-insensitive forms of names and words, shared by extraction, linking and storage."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Folded forms kept by each cache below. Every new word of every text passes through `fold`, and a long-running
# process should stay the size it warmed up to: the 388 corpus passages (six languages) hold 13,032 distinct
# words; with 65,536 an extraction worker fed the soak's texts of new words grew by 15 MB from its 500th text to
# its 3,000th (the cache filling), with 16,384 by 6 MB, as fast.
FOLD_CACHE_SIZE = 16384

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


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Lower case without accents: "Håvard" -> "havard", "Großer" -> "grosser", "Košice" -> "kosice"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=FOLD_CACHE_SIZE)
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


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def spelling_key(word: str) -> str:
    """One key for the spellings of a name ("Müller", "Mueller", "Muller"; "Dijkstra", "Dykstra"; "Jewgeni",
    "Yevgeny"): folded, transliteration variants unified, doubled letters single. For comparing, never shown."""
    key = name_key(word)
    for old, new in _SPELLING_RULES:
        key = key.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", key)
