"""The NER's lexical vectors: word frequency in six languages and name flags, from one shipped table."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy
import spacy
from spacy.strings import get_string_id

from nlp.pipeline.lexical_vectors import FACTORY, FREQUENCY_LANGUAGES, LexicalVectors, shared_lexical_vectors
from nlp.pipeline.loader import get_pipeline

GIVEN_NAME, PLACE_NAME = len(FREQUENCY_LANGUAGES), len(FREQUENCY_LANGUAGES) + 1


def row(word: str) -> numpy.ndarray | None:
    vectors = shared_lexical_vectors()
    return vectors[word] if word in vectors else None


def frequency(word: str, language: str) -> float:
    found = row(word)
    assert found is not None
    return float(found[FREQUENCY_LANGUAGES.index(language)]) * 8


def test_a_capitalised_common_word_reads_the_same_row_as_its_lower_case_form() -> None:
    assert row("Misschien") is not None
    assert (row("Misschien") == row("misschien")).all()


def test_a_word_is_frequent_in_its_own_language_and_rare_in_the_others() -> None:
    assert frequency("misschien", "nl") > 4 > frequency("misschien", "it")
    assert frequency("vielleicht", "de") > 4 > frequency("vielleicht", "es")


def test_given_names_and_cities_carry_their_flags() -> None:
    assert row("Sven")[GIVEN_NAME] == 1.0 and row("Sven")[PLACE_NAME] == 0.0
    assert row("Amsterdam")[PLACE_NAME] == 1.0


def test_an_unknown_surname_has_no_row_and_reads_as_zeros() -> None:
    assert row("Brognolini") is None
    keys = numpy.array([get_string_id("Brognolini"), get_string_id("Misschien")], dtype="uint64")
    batch = shared_lexical_vectors().get_batch(keys)
    assert not batch[0].any() and (batch[1] == row("Misschien")).all()


def test_a_pipeline_saves_no_copy_of_the_table_and_finds_it_again_when_loaded(tmp_path: Path) -> None:
    nlp = spacy.blank("nl", config={"nlp": {"vectors": {"@vectors": FACTORY}}})
    assert isinstance(nlp.vocab.vectors, LexicalVectors)
    nlp.to_disk(tmp_path / "pipeline")
    assert not (tmp_path / "pipeline" / "vocab" / "vectors").exists()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.vocab.vectors is shared_lexical_vectors()
    assert loaded.vocab.has_vector("Misschien")


def test_a_pickled_pipeline_finds_the_table_again() -> None:
    nlp = spacy.blank("nl", config={"nlp": {"vectors": {"@vectors": FACTORY}}})
    assert pickle.loads(pickle.dumps(nlp)).vocab.vectors is shared_lexical_vectors()


def test_the_extraction_pipeline_gives_the_shipped_ner_its_lexical_vectors() -> None:
    assert get_pipeline("nl").vocab.vectors is shared_lexical_vectors()
