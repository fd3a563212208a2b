"""Baseline detector: langdetect, seeded, all profiles. (Issue 3 replaces the internals, not the API.)"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

UNDETERMINED = "und"
_MIN_LETTERS = 12


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str  # ISO 639-1 code, or "und"
    confidence: float


@lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def detect_language(text: str, hint: str | None = None) -> LanguageGuess:
    letters = len(re.findall(r"[^\W\d_]", text))
    if letters < _MIN_LETTERS:
        return LanguageGuess(hint or UNDETERMINED, 0.0)
    detector = _factory().create()
    detector.append(text)
    try:
        candidates = detector.get_probabilities()
    except Exception:  # langdetect raises LangDetectException on featureless text
        return LanguageGuess(hint or UNDETERMINED, 0.0)
    best = candidates[0]
    lang = best.lang.split("-")[0]
    if hint and best.prob < 0.9 and any(c.lang == hint for c in candidates):
        return LanguageGuess(hint, round(best.prob, 4))
    return LanguageGuess(lang, round(best.prob, 4))


def detect_document(blocks: list[str], hint: str | None = None) -> tuple[LanguageGuess, list[LanguageGuess]]:
    """Language of the whole document and of each block (short blocks lean on the document)."""
    document = detect_language("\n".join(blocks), hint)
    doc_hint = document.language if document.language != UNDETERMINED else hint
    return document, [detect_language(b, doc_hint) for b in blocks]
