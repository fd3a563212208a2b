"""Function-word lexicons (`function_words.json`, written for this project): word-level evidence for short texts.

Character n-grams cannot tell "de" (Dutch article) from "de" (Spanish preposition) or a Danish from a Norwegian
word, but a handful of frequent words can. Each lexicon word adds the same bonus to every language that lists it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import numpy as np

from nlp.language.ngrams import lexical_tokens


class Lexicon:
    def __init__(self, words_by_language: dict[str, list[str]], languages: tuple[str, ...]) -> None:
        unknown = set(words_by_language) - set(languages)
        if unknown:
            raise ValueError(f"lexicons for languages without an n-gram profile: {sorted(unknown)}")
        columns = {language: column for column, language in enumerate(languages)}
        vectors: dict[str, np.ndarray] = {}
        for language, words in words_by_language.items():
            for word in words:
                vector = vectors.setdefault(word, np.zeros(len(languages), dtype=np.float64))
                vector[columns[language]] = 1.0
        self._vectors = vectors
        self._size = len(languages)
        self.languages = frozenset(words_by_language)

    def hits(self, text: str) -> np.ndarray:
        """Per language, how many words of `text` its lexicon lists."""
        total = np.zeros(self._size, dtype=np.float64)
        for token in lexical_tokens(text):
            vector = self._vectors.get(token)
            if vector is not None:
                total += vector
        return total


@lru_cache(maxsize=1)
def function_words() -> dict[str, list[str]]:
    source = resources.files("nlp.language").joinpath("function_words.json")
    return json.loads(source.read_text(encoding="utf-8"))
