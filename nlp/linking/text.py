"""Accent- and case-insensitive tokens of an article or a calendar name, with multilingual race vocabulary."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from models.folding import fold

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    type_phrases: dict[tuple[str, ...], str]  # folded token sequence -> race type class
    compound_suffixes: tuple[str, ...]
    descriptors: frozenset[str]
    women_markers: frozenset[str]
    women_cues: frozenset[str]
    men_cues: frozenset[str]
    stopwords: frozenset[str]
    place_generic: frozenset[str]
    cycling_exact: frozenset[str]
    cycling_contains: tuple[str, ...]
    stage_words: frozenset[str]
    final_words: frozenset[str]
    short_names: frozenset[str]  # race words that alone name one famous race ("Vuelta")
    final_stage_words: frozenset[str]  # one word for "final stage" ("slotrit")
    stage_compound_endings: tuple[str, ...]  # a compound ending so is a stage word ("bergetappe")
    date_joiners: frozenset[str]  # words between a day, its month and year ("14 de septiembre")


def _fold_all(words: list[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = json.loads(resources.files("nlp.linking").joinpath("vocabulary.json").read_text(encoding="utf-8"))
    phrases: dict[tuple[str, ...], str] = {}
    for cls, words in data["synonyms"].items():
        for phrase in [cls, *words]:
            phrases[tuple(fold(phrase).split())] = cls
    return Vocabulary(
        type_phrases=phrases,
        compound_suffixes=tuple(fold(s) for s in data["compound_suffixes"]),
        descriptors=_fold_all(data["descriptors"]),
        women_markers=_fold_all(data["women_markers"]),
        women_cues=_fold_all(data["women_cues"]),
        men_cues=_fold_all(data["men_cues"]),
        stopwords=_fold_all(data["stopwords"]),
        place_generic=_fold_all(data["place_generic"]),
        cycling_exact=_fold_all(data["cycling_cues_exact"]),
        cycling_contains=tuple(fold(w) for w in data["cycling_cues_contains"]),
        stage_words=_fold_all(data["stage_words"]),
        final_words=_fold_all(data["final_words"]),
        short_names=_fold_all(data["short_names"]),
        final_stage_words=_fold_all(data["final_stage_words"]),
        stage_compound_endings=tuple(fold(w) for w in data["stage_compound_endings"]),
        date_joiners=_fold_all(data["date_joiners"]),
    )


@dataclass(slots=True)
class Token:
    text: str  # as written (capitalisation is evidence of a name)
    norm: str  # folded
    start: int  # character offset
    type_class: str | None = None  # tour | grand prix | championship, when part of a race-type phrase

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Word tokens; German/Dutch compounds ending in a race word ("Slowakeirundfahrt") are split."""
    vocab = vocabulary()
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        word = match.group()
        norm = fold(word)
        for suffix in vocab.compound_suffixes:
            if norm.endswith(suffix) and len(norm) >= len(suffix) + 4:
                cut = len(norm) - len(suffix)
                tokens.append(Token(word[:cut], norm[:cut], match.start()))
                tokens.append(Token(word[cut:], suffix, match.start() + cut))
                break
        else:
            tokens.append(Token(word, norm, match.start()))
    _mark_type_phrases(tokens, vocab)
    return tokens


def _mark_type_phrases(tokens: list[Token], vocab: Vocabulary) -> None:
    longest = max(len(p) for p in vocab.type_phrases)
    i = 0
    while i < len(tokens):
        for size in range(longest, 0, -1):
            key = tuple(t.norm for t in tokens[i : i + size])
            cls = vocab.type_phrases.get(key) if len(key) == size else None
            if cls:
                for token in tokens[i : i + size]:
                    token.type_class = cls
                i += size
                break
        else:
            i += 1
