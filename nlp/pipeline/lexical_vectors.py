"""The static vectors of the project's NER pipelines, read from one shipped table (`lexical_vectors.tsv.gz`,
built by `nlp/resources/build_lexical_vectors.py`).

A trained pipeline names them in its config (`[nlp] vectors = {"@vectors":"palmares.lexical_vectors.v2"}`)
instead of carrying a copy: one table serves six languages, and each pipeline folder stays a few MB.
Version 1 is the same table without its last column, the surname flag, for pipelines trained before it.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

import numpy
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.util import registry
from spacy.vectors import BaseVectors
from spacy.vocab import Vocab

from nlp.pipeline.lexicon import resource_word_list
from nlp.pipeline.spelling_variants import spelling_variants, with_sharp_s

FACTORY = "palmares.lexical_vectors.v2"
VERSION_1 = "palmares.lexical_vectors.v1"
TABLE = "lexical_vectors.tsv.gz"
FREQUENCY_LANGUAGES = ("nl", "en", "fr", "es", "de", "it")
# The flags after the frequencies, per version: v1 is the table without the surname flag, its last column.
FLAGS = {VERSION_1: ("given-name", "city"), FACTORY: ("given-name", "city", "surname")}
WIDTHS = {version: len(FREQUENCY_LANGUAGES) + len(flags) for version, flags in FLAGS.items()}
# Zipf frequencies run from 0 to about 8; scaled to the 0-1 range of the flags.
ZIPF_SCALE = 8.0


def given_names_of_flag() -> frozenset[str]:
    """The names the given-name flag marks: the WikiNEuRal list the shipped models were trained with and, read at
    inference since it raised CoNLL validation F1 of every type in nl, es, de and en (`nlp/training/ner.cfg`), the
    hand-written list of athletes' given names."""
    return resource_word_list("given_names.txt") | resource_word_list("given_names_common.txt")


def read_table() -> tuple[tuple[str, ...], numpy.ndarray]:
    """Words (lower case) and their rows: Zipf frequency per FREQUENCY_LANGUAGES / ZIPF_SCALE, then 1.0/0.0
    for given name (`given_names_of_flag`), for place name (the table's last column) and for surname
    (`surnames.txt`)."""
    raw = resources.files("nlp.resources").joinpath(TABLE).read_bytes()
    words: list[str] = []
    numbers: list[str] = []
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, values = line.split("\t", 1)
        words.append(word)
        numbers.append(values)
    # One C-level parse of every number: float() per cell would take a second at each start.
    table = numpy.fromstring(" ".join(numbers).replace("\t", " "), dtype="float64", sep=" ")
    table = table.reshape(len(words), len(FREQUENCY_LANGUAGES) + 1)
    given_names = {table_spelling(name) for name in given_names_of_flag() if " " not in name}
    surnames = {table_spelling(name) for name in resource_word_list("surnames.txt")}
    extra_names = sorted((given_names | surnames).difference(words))
    given, place, surname = len(FREQUENCY_LANGUAGES), len(FREQUENCY_LANGUAGES) + 1, len(FREQUENCY_LANGUAGES) + 2
    rows = numpy.zeros((len(words) + len(extra_names), surname + 1), dtype="float32")
    rows[: len(words), :given] = table[:, :given] / ZIPF_SCALE
    rows[: len(words), place] = table[:, -1]
    words += extra_names
    rows[:, given] = [word in given_names for word in words]
    rows[:, surname] = [word in surnames for word in words]
    return tuple(words), rows


def table_spelling(word: str) -> str:
    """A word as wordfreq spells it: lower case, ß as "ss" ("Groß" -> "gross", the row "groß" reads)."""
    return word.lower().replace("ß", "ss")


def key_index(words: Iterable[str]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Sorted string hashes of every form a table word may take in text, and the row each reads.

    Accent-less spellings ("Muller") and German ß spellings ("Fußball" for wordfreq's "fussball") read the row
    of their word, unless they are words of their own."""
    words = list(words)
    first_row: dict[int, int] = {}
    for row, word in enumerate(words):
        for form in case_forms(word):
            first_row.setdefault(get_string_id(form), row)
    for row, word in enumerate(words):
        spellings = list(spelling_variants(word)) + ([with_sharp_s(word)] if "ss" in word else [])
        for spelling in spellings:
            for form in case_forms(spelling):
                first_row.setdefault(get_string_id(form), row)
    keys = numpy.fromiter(first_row.keys(), dtype="uint64", count=len(first_row))
    rows = numpy.fromiter(first_row.values(), dtype="int64", count=len(first_row))
    order = numpy.argsort(keys)
    return keys[order], rows[order]


def case_forms(word: str) -> Iterable[str]:
    """The models were trained with keys that are token texts (a vectors table keeps another key attribute
    on disk only in floret mode): each word in lower case and capitalised."""
    yield word
    yield word[:1].upper() + word[1:]


class LexicalVectors(BaseVectors):
    """The table as spaCy static vectors, read-only and kept out of saved pipelines.

    spaCy's own `Vectors` keeps a Python dict entry per key (about 90 MB for 279,000 keys; the table now has
    about 352,000 with the accent-less and ß spellings); here the keys are one sorted array, looked up with numpy
    (about 10 MB). A key that is not in the table reads as
    zeros, as in `Vectors`."""

    name = "palmares_lexical"
    mode = "default"
    attr = ORTH

    def __init__(self, keys: numpy.ndarray, rows: numpy.ndarray, data: numpy.ndarray, factory: str = FACTORY) -> None:
        """keys: sorted string hashes; rows: the row of `data` each key reads (`key_index`)."""
        super().__init__()
        self._keys, self._rows, self.data, self.factory = keys, rows, data, factory

    def narrowed(self, factory: str) -> LexicalVectors:
        """The same keys with the first WIDTHS[factory] columns of each row (a view, no copy)."""
        return LexicalVectors(self._keys, self._rows, self.data[:, : WIDTHS[factory]], factory)

    @property
    def strings(self) -> tuple[str, ...]:
        # Vocab copies a vectors table's strings into its own, and then hands it its string store; the keys
        # here are hashes, and one table serves every pipeline, so it takes no strings either way.
        return ()

    @strings.setter
    def strings(self, value: object) -> None:
        pass

    def rows(self, keys: numpy.ndarray) -> numpy.ndarray:
        """Row of each key, -1 where the table has none."""
        keys = numpy.asarray(keys, dtype="uint64")
        found = numpy.minimum(numpy.searchsorted(self._keys, keys), len(self._keys) - 1)
        return numpy.where(self._keys[found] == keys, self._rows[found], -1)

    def get_batch(self, keys: numpy.ndarray) -> numpy.ndarray:
        rows = self.rows(keys)
        vectors = self.data[rows]
        vectors[rows < 0] = 0
        return vectors

    def _row(self, key: int | str) -> int:
        return int(self.rows(numpy.array([get_string_id(key)], dtype="uint64"))[0])

    def __contains__(self, key: int | str) -> bool:
        return self._row(key) >= 0

    def __getitem__(self, key: int | str) -> numpy.ndarray:
        row = self._row(key)
        if row < 0:
            raise KeyError(key)
        return self.data[row]

    @property
    def shape(self) -> tuple[int, int]:
        return self.data.shape

    def __len__(self) -> int:
        return self.data.shape[0]

    @property
    def vectors_length(self) -> int:
        return self.data.shape[1]

    @property
    def size(self) -> int:
        return self.data.size

    @property
    def n_keys(self) -> int:
        return len(self._keys)

    def is_full(self) -> bool:
        return True

    def add(self, key: int | str, *, vector: numpy.ndarray | None = None) -> int:
        raise TypeError("the lexical vectors are read from nlp/resources/lexical_vectors.tsv.gz; rebuild that table")

    def __reduce__(self) -> tuple[Callable[[str], LexicalVectors], tuple[str]]:
        # A pickled pipeline (nlp.pipe with n_process > 1) finds the table again in the other process.
        return shared_lexical_vectors, (self.factory,)


def shared_lexical_vectors(factory: str = FACTORY) -> LexicalVectors:
    """One instance per version and process, shared by every pipeline; the versions share one index."""
    if factory not in WIDTHS:
        raise ValueError(f"unknown lexical vectors {factory!r}; known: {', '.join(WIDTHS)}")
    return _shared_lexical_vectors(factory)


@cache
def _shared_lexical_vectors(factory: str) -> LexicalVectors:
    if factory != FACTORY:
        return _shared_lexical_vectors(FACTORY).narrowed(factory)
    words, data = read_table()
    return LexicalVectors(*key_index(words), data)


def zipf_frequency(word: str, language: str) -> float:
    """How common a word is in a language (wordfreq's Zipf scale: 0 unknown, about 5 for "yesterday", 7 for
    "the"); 0.0 for a language the table does not cover."""
    if language not in FREQUENCY_LANGUAGES:
        return 0.0
    vectors = shared_lexical_vectors()
    row = vectors._row(word)
    return float(vectors.data[row, FREQUENCY_LANGUAGES.index(language)]) * ZIPF_SCALE if row >= 0 else 0.0


@registry.vectors(VERSION_1)
def create_lexical_vectors_v1() -> Callable[[Vocab], BaseVectors]:
    return lambda vocab: shared_lexical_vectors(VERSION_1)


@registry.vectors(FACTORY)
def create_lexical_vectors() -> Callable[[Vocab], BaseVectors]:
    return lambda vocab: shared_lexical_vectors(FACTORY)


def lexical_vectors_named(config: dict[str, Any]) -> str | None:
    """The lexical-vector version a pipeline config names, if it names one."""
    name = config.get("nlp", {}).get("vectors", {}).get("@vectors")
    return name if name in WIDTHS else None


def uses_lexical_vectors(config: dict[str, Any]) -> bool:
    return lexical_vectors_named(config) is not None
