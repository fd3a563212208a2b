"""The NER's lexical vectors: word frequency in six languages and name flags, from one shipped table."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.strings import get_string_id

from nlp.pipeline.lexical_vectors import (
    FACTORY,
    FREQUENCY_LANGUAGES,
    VERSION_1,
    WIDTHS,
    LexicalVectors,
    shared_lexical_vectors,
)
from nlp.pipeline.loader import get_pipeline
from nlp.resources.build_surnames import surnames
from nlp.training.conllu import Sentence

GIVEN_NAME, PLACE_NAME, SURNAME = len(FREQUENCY_LANGUAGES), len(FREQUENCY_LANGUAGES) + 1, len(FREQUENCY_LANGUAGES) + 2


def row(word: str) -> numpy.ndarray:
    vectors = shared_lexical_vectors()
    assert word in vectors, f"{word!r} has no row"
    return vectors[word]


def frequency(word: str, language: str) -> float:
    return float(row(word)[FREQUENCY_LANGUAGES.index(language)]) * 8


def test_a_capitalised_common_word_reads_the_same_row_as_its_lower_case_form() -> None:
    assert numpy.array_equal(row("Misschien"), row("misschien"))


def test_a_word_is_frequent_in_its_own_language_and_rare_in_the_others() -> None:
    assert frequency("misschien", "nl") > 4 > frequency("misschien", "it")
    assert frequency("vielleicht", "de") > 4 > frequency("vielleicht", "es")


def test_given_names_and_cities_carry_their_flags() -> None:
    assert row("Sven")[GIVEN_NAME] == 1.0 and row("Sven")[PLACE_NAME] == 0.0
    assert row("Amsterdam")[PLACE_NAME] == 1.0


def test_surnames_carry_their_flag_and_common_words_do_not() -> None:
    assert row("Kramer")[SURNAME] == 1.0 and row("Kramer")[GIVEN_NAME] == 0.0
    assert row("Misschien")[SURNAME] == 0.0


def test_german_sharp_s_reads_the_row_wordfreq_spells_with_ss() -> None:
    assert numpy.array_equal(row("Fußball"), row("fussball"))
    assert frequency("groß", "de") > 4


def test_a_surname_is_listed_when_it_closed_person_names_twice_and_is_mostly_a_name() -> None:
    def sentence(text: str, tags: str) -> Sentence:
        return Sentence(words=tuple(text.split()), tags=tuple(tags.split()))

    sentences = [
        sentence("Anna Vondeling won", "B-PER I-PER O"),
        sentence("Vondeling won again", "B-PER O O"),
        sentence("Piet Paris sang", "B-PER I-PER O"),
        sentence("Jan Paris ran", "B-PER I-PER O"),
        sentence("Paris is big", "B-LOC O O"),
        sentence("Paris is old", "B-LOC O O"),
        sentence("In Paris we met", "O B-LOC O O"),
        sentence("Kees Eenmaal spoke", "B-PER I-PER O"),
    ]
    assert surnames(sentences) == ["Vondeling"]


def test_version_1_pipelines_read_the_same_rows_without_the_surname_flag() -> None:
    old = shared_lexical_vectors(VERSION_1)
    assert old.shape[1] == WIDTHS[VERSION_1] == shared_lexical_vectors().shape[1] - 1
    assert numpy.shares_memory(old.data, shared_lexical_vectors().data)
    assert (old["Kramer"] == row("Kramer")[:-1]).all()
    nlp = spacy.blank("nl", config={"nlp": {"vectors": {"@vectors": VERSION_1}}})
    assert pickle.loads(pickle.dumps(nlp)).vocab.vectors is old


def test_an_unknown_version_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="palmares.lexical_vectors.v9"):
        shared_lexical_vectors("palmares.lexical_vectors.v9")


def test_an_unknown_surname_has_no_row_and_reads_as_zeros() -> None:
    assert "Brognolini" not in shared_lexical_vectors()
    keys = numpy.array([get_string_id("Brognolini"), get_string_id("Misschien")], dtype="uint64")
    batch = shared_lexical_vectors().get_batch(keys)
    assert not batch[0].any() and numpy.array_equal(batch[1], row("Misschien"))


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


@pytest.mark.parametrize("language", ["nl", "de"])
def test_the_extraction_pipeline_gives_the_shipped_ner_the_lexical_vectors_it_was_trained_with(language: str) -> None:
    vectors = get_pipeline(language).vocab.vectors
    assert isinstance(vectors, LexicalVectors)
    assert vectors is shared_lexical_vectors(vectors.factory)
    named = spacy.util.load_config(Path(__file__).parents[1] / "nlp" / "resources" / "ner" / language / "config.cfg")
    assert vectors.factory == named["nlp"]["vectors"]["@vectors"]
