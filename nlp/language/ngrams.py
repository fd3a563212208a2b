"""Character n-grams exactly as langdetect's profiles count them, extracted without its per-character loop.

langdetect pads each word with one space and counts every 1-, 2- and 3-gram of " word " except the bare
space. Its character normalisation (`NGram.normalize`) is applied through a precomputed translation table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_URL = re.compile(r"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}")
_MAIL = re.compile(r"[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")  # word characters that are neither digits nor underscore: letters
_NON_LATIN = re.compile(r"[^\u0000-\u02ff\u1e00-\u1eff]")
_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ\u0391-\u03a9\u0400-\u042f]{2}")
_WORD = re.compile(r"'n\b|[^\W\d_]+(?:-[^\W\d_]+)*'?")


@lru_cache(maxsize=1)
def _normalisation_table() -> dict[int, str]:
    """langdetect's per-character normalisation for the Basic Multilingual Plane, as a `str.translate` table."""
    from langdetect.utils.ngram import NGram

    table: dict[int, str] = {}
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        normalised = NGram.normalize(char)
        if normalised != char:
            table[code] = normalised
    return table


def clean_text(text: str) -> str:
    """langdetect's cleaning: no URLs or e-mail addresses; Latin letters dropped from mostly non-Latin text."""
    text = unicodedata.normalize("NFC", text)
    text = _MAIL.sub(" ", _URL.sub(" ", text))
    if len(_LATIN.findall(text)) * 2 < len(_NON_LATIN.findall(text)):
        text = _LATIN.sub(" ", text)
    return text


def words(text: str) -> list[str]:
    """Normalised words of a cleaned text.

    langdetect skips words with two capitals in a row (acronyms); in a text written mostly in capitals
    (a headline) those words are lower-cased instead, so the text keeps its signal.
    """
    normalised = text.translate(_normalisation_table()).split()
    kept = [word for word in normalised if not _CAPITALS.search(word)]
    if len(kept) * 2 >= len(normalised):
        return kept
    return [word.lower() if _CAPITALS.search(word) else word for word in normalised]


def word_ngrams(word: str) -> list[str]:
    """The langdetect n-grams (n = 1..3) of one normalised word: all of " word " but the bare spaces."""
    padded = f" {word} "
    grams = list(word)
    grams.extend(padded[i : i + 2] for i in range(len(padded) - 1))
    grams.extend(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def text_words(text: str) -> list[str]:
    """The normalised words langdetect would read in a raw text."""
    return words(clean_text(text))


def char_ngrams(text: str) -> list[str]:
    """All langdetect n-grams of a text."""
    return [gram for word in text_words(text) for gram in word_ngrams(word)]


def lexical_tokens(text: str) -> list[str]:
    """Lower-cased words for the function-word lexicons; an elided article keeps its apostrophe ("l'", "dell'")."""
    return _WORD.findall(text.lower().replace("’", "'"))


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))
