"""Palmarès' language detector: langdetect's n-gram profiles, scored exactly, with priors and word evidence.

Per language (all 55 langdetect profiles), the score of a text is
    NGRAM_WEIGHT * sum of log(alpha/10000 + P(n-gram | language)) over all its n-grams (langdetect's model)
  + LEXICON_WEIGHT * how many of its words the language's function-word lexicon lists (languages without a
    lexicon count as many as the best one: no lexicon is no evidence against them)
  + SUPPORTED_PRIOR for the nine languages Palmarès reads news in (the priority set)
  + HINT_PRIOR for the caller's hint, and for a block of a document DOCUMENT_WEIGHT * log P(document language).
The confidence is the softmax of these scores, so the other languages act as the second stage: Afrikaans text is
reported as af, and a supported language that only narrowly beats a neighbour gets a low confidence.
NGRAM_WEIGHT, LEXICON_WEIGHT and SUPPORTED_PRIOR come from `python -m nlp.language.fit` (WikiNEuRal validation
sentences: accuracy first, then log-loss, which calibrates the confidence); the others are set by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from nlp.language.lexicon import Lexicon, function_words
from nlp.language.ngrams import letter_count, text_words
from nlp.language.profiles import NgramTable, ngram_table
from nlp.language_data import data_languages

UNDETERMINED = "und"
SUPPORTED = ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")
MIN_LETTERS = 3  # fewer letters than this is no signal at all

NGRAM_WEIGHT = 0.15
LEXICON_WEIGHT = 4.0
SUPPORTED_PRIOR = 4.0
ALPHABET_PENALTY = 2.0  # per letter the profile never saw: set on invented other-language snippets
HINT_PRIOR = 1.5  # odds x4.5: decides near-ties only
UNLISTED_SHARE = 1.0
DOCUMENT_WEIGHT = 1.0
DOCUMENT_FLOOR = 1e-2  # about 1 block in 100 is in another language than its document (quotes, names)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str  # ISO 639-1 code, or "und"
    confidence: float


@dataclass(frozen=True)
class Evidence:
    """Additive evidence of one text: n-gram and lexicon scores per language (sums of blocks = the document)."""

    ngrams: np.ndarray
    lexicon: np.ndarray
    alphabet: np.ndarray  # distinct letters unknown to each language's profile
    letters: int
    features: int

    def __add__(self, other: Evidence) -> Evidence:
        return Evidence(
            self.ngrams + other.ngrams,
            self.lexicon + other.lexicon,
            np.maximum(self.alphabet, other.alphabet),
            self.letters + other.letters,
            self.features + other.features,
        )

    @property
    def has_signal(self) -> bool:
        return self.letters >= MIN_LETTERS and self.features > 0


class Detector:
    """Loaded once per process (`detector()`); stateless and deterministic."""

    def __init__(self, table: NgramTable, lexicon: Lexicon) -> None:
        self.table = table
        self.lexicon = lexicon
        self.codes = tuple(language.split("-")[0] for language in table.languages)
        self._columns = {code: column for column, code in enumerate(self.codes)}
        self._prior = np.zeros(len(self.codes))
        # the extraction's languages are favoured too: a language added with its data files needs no code change
        favoured = [code for code in dict.fromkeys([*SUPPORTED, *data_languages("lexicons")]) if code in self._columns]
        self._prior[[self._columns[code] for code in favoured]] = SUPPORTED_PRIOR
        self._no_lexicon = np.array([code not in lexicon.languages for code in self.codes])

    def evidence(self, text: str) -> Evidence:
        words = text_words(text)
        ngrams, features = self.table.score(words)
        return Evidence(
            ngrams, self.lexicon.hits(text), self.table.alphabet_misses(words), letter_count(text), features
        )

    def probabilities(
        self, evidence: Evidence, hint: str | None = None, context: np.ndarray | None = None
    ) -> np.ndarray:
        # a language without a lexicon is not penalised for it: it counts as many hits as the best language
        lexicon = np.where(self._no_lexicon, UNLISTED_SHARE * evidence.lexicon.max(), evidence.lexicon)
        scores = (
            NGRAM_WEIGHT * evidence.ngrams
            + LEXICON_WEIGHT * lexicon
            - ALPHABET_PENALTY * evidence.alphabet
            + self._prior
        )
        if hint in self._columns:
            scores[self._columns[hint]] += HINT_PRIOR
        if context is not None:
            scores += DOCUMENT_WEIGHT * np.log(np.maximum(context, DOCUMENT_FLOOR))
        scores -= scores.max()
        weights = np.exp(scores)
        return weights / weights.sum()

    def guess(self, probabilities: np.ndarray) -> LanguageGuess:
        best = int(np.argmax(probabilities))
        return LanguageGuess(self.codes[best], round(float(probabilities[best]), 4))

    def detect(self, text: str, hint: str | None = None) -> LanguageGuess:
        evidence = self.evidence(text)
        if not evidence.has_signal:
            return LanguageGuess(UNDETERMINED, 0.0)
        return self.guess(self.probabilities(evidence, hint))

    def detect_document(self, blocks: list[str], hint: str | None = None) -> tuple[LanguageGuess, list[LanguageGuess]]:
        evidences = [self.evidence(block) for block in blocks]
        total = sum(evidences, start=self._empty())
        if not total.has_signal:
            return LanguageGuess(UNDETERMINED, 0.0), [LanguageGuess(UNDETERMINED, 0.0) for _ in blocks]
        document = self.probabilities(total, hint)
        guesses = [
            self.guess(self.probabilities(evidence, hint, context=document))
            if evidence.has_signal
            else LanguageGuess(UNDETERMINED, 0.0)
            for evidence in evidences
        ]
        return self.guess(document), guesses

    def _empty(self) -> Evidence:
        zeros = np.zeros(len(self.codes))
        return Evidence(zeros, zeros, zeros, 0, 0)


@lru_cache(maxsize=1)
def detector() -> Detector:
    table = ngram_table()
    return Detector(table, Lexicon(function_words(), tuple(language.split("-")[0] for language in table.languages)))


def known_languages() -> tuple[str, ...]:
    """Every code the detector can answer (besides `und`): langdetect's 55 profiles, zh-cn / zh-tw as zh."""
    return tuple(sorted(set(detector().codes)))


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return text


def _check_hint(hint: str | None) -> str | None:
    if hint is None:
        return None
    hint = hint.strip().lower()
    return hint or None


def detect_language(text: str, hint: str | None = None) -> LanguageGuess:
    """Language of one text; `und` (confidence 0) when it has too little signal. `hint` breaks near-ties."""
    return detector().detect(_check_text(text), _check_hint(hint))


def detect_document(blocks: list[str], hint: str | None = None) -> tuple[LanguageGuess, list[LanguageGuess]]:
    """Language of the whole document and of each block; short blocks lean on the document's language,
    a block with clear evidence of another language (a quote) keeps its own."""
    return detector().detect_document([_check_text(block) for block in blocks], _check_hint(hint))
