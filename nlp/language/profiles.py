"""langdetect's bundled n-gram profiles as one log-probability table, built once per process.

langdetect multiplies, for each sampled n-gram, every language's probability by `alpha / 10000 + P(ngram | lang)`.
The table stores `log(alpha / 10000 + P(ngram | lang))` for every n-gram of every profile, so scoring a text is one
row lookup and one sum per n-gram: the same model, evaluated on all n-grams instead of a random sample.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from nlp.language.ngrams import word_ngrams

ALPHA = 0.5  # langdetect's default smoothing
BASE_FREQ = 10_000
WORD_CACHE_SIZE = 30_000  # words whose scores are kept (about 0.5 kB each); then the cache starts afresh


@dataclass(frozen=True)
class NgramTable:
    languages: tuple[str, ...]  # ISO 639-1 codes (langdetect's zh-cn / zh-tw kept as is)
    index: dict[str, int]  # n-gram -> row
    log_probs: np.ndarray  # rows: n-grams, columns: languages (float32)

    missing_letters: dict[str, np.ndarray]  # letter -> 1.0 for the languages whose profile lacks it

    _words: dict[str, tuple[np.ndarray, int]] = field(default_factory=dict, repr=False, compare=False)

    def rows(self, grams: list[str]) -> list[int]:
        index = self.index
        return [index[gram] for gram in grams if gram in index]

    def _learn(self, words: list[str]) -> dict[str, tuple[np.ndarray, int]]:
        """Summed log-probabilities and n-gram count of each word, in one numpy call, memoised.
        A word's entry is a pure function of the word, so the memo never changes an answer."""
        if len(self._words) + len(words) > WORD_CACHE_SIZE:
            self._words.clear()
        learned: dict[str, tuple[np.ndarray, int]] = {}
        zeros = np.zeros(len(self.languages), dtype=self.log_probs.dtype)
        starts: list[int] = []
        rows: list[int] = []
        counted: list[str] = []
        for word in words:
            word_rows = self.rows(word_ngrams(word))
            if word_rows:
                starts.append(len(rows))
                rows.extend(word_rows)
                counted.append(word)
            else:
                learned[word] = (zeros, 0)
        if rows:
            sums = np.add.reduceat(self.log_probs.take(rows, axis=0), starts, axis=0)
            ends = starts[1:] + [len(rows)]
            for word, vector, start, end in zip(counted, sums, starts, ends, strict=True):
                learned[word] = (vector, end - start)
        self._words.update(learned)
        return learned

    def score(self, words: list[str]) -> tuple[np.ndarray, int]:
        """Sum of log-probabilities per language over the words' n-grams (relative to an n-gram unseen in every
        language), and the number of n-grams that have a profile entry."""
        if not words:
            return np.zeros(len(self.languages)), 0
        known = {word: entry for word in words if (entry := self._words.get(word)) is not None}
        missing = [word for word in dict.fromkeys(words) if word not in known]
        if missing:
            known.update(self._learn(missing))
        scores = [known[word] for word in words]
        total = np.asarray(np.sum([vector for vector, _ in scores], axis=0, dtype=np.float64))
        return total, sum(count for _, count in scores)

    def alphabet_misses(self, words: list[str]) -> np.ndarray:
        """Per language, how many distinct letters of the words its profile has never seen (pruned as too rare):
        an ø or ł says more than its one n-gram weighs in the sum."""
        total = np.zeros(len(self.languages))
        for letter in set("".join(words)):
            misses = self.missing_letters.get(letter)
            if misses is not None:
                total += misses
        return total


def profiles_directory() -> Path:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return Path(PROFILES_DIRECTORY)


@lru_cache(maxsize=1)
def ngram_table() -> NgramTable:
    profiles = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(profiles_directory().iterdir())]
    languages = tuple(profile["name"] for profile in profiles)
    index: dict[str, int] = {}
    for profile in profiles:
        for gram in profile["freq"]:
            if 1 <= len(gram) <= 3:
                index.setdefault(gram, len(index))
    probs = np.zeros((len(index), len(languages)), dtype=np.float64)
    for column, profile in enumerate(profiles):
        n_words = profile["n_words"]
        for gram, count in profile["freq"].items():
            if 1 <= len(gram) <= 3:
                probs[index[gram], column] = count / n_words[len(gram) - 1]
    floor = ALPHA / BASE_FREQ
    log_probs = (np.log(probs + floor) - np.log(floor)).astype(np.float32)
    missing_letters = {
        gram: (probs[row] == 0).astype(np.float64) for gram, row in index.items() if len(gram) == 1 and gram.isalpha()
    }
    return NgramTable(languages=languages, index=index, log_probs=log_probs, missing_letters=missing_letters)
