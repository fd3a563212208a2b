"""Case- and accent-insensitive forms of names and words, shared by extraction, linking and storage."""

from __future__ import annotations

import re
import unicodedata

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


def fold(text: str) -> str:
    """Lower case without accents: "Håvard" -> "havard", "Großer" -> "grosser", "Košice" -> "kosice"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(text: str) -> str:
    """Folded, punctuation and hyphens as spaces, spaces collapsed: "Lotto-Soudal" == "lotto soudal"."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())
