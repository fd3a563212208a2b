"""Words that lost their accents on the way ("Mueller", "Muller", "Mller") still read as the word they were."""

from __future__ import annotations

from nlp.pipeline.lexical_vectors import shared_lexical_vectors
from nlp.pipeline.spelling_variants import folded, non_ascii_dropped, spelling_variants, transliterated
from nlp.training.augment import without_accents


def test_a_german_word_has_its_folded_spelled_out_and_stripped_forms() -> None:
    assert folded("Müller") == "Muller"
    assert transliterated("Müller") == "Mueller"
    assert transliterated("Großer") == "Grosser"
    assert non_ascii_dropped("Müller") == "Mller"


def test_a_spanish_name_loses_its_accents_once() -> None:
    assert list(spelling_variants("Pérez")) == ["Perez", "Prez"]


def test_an_ascii_word_has_no_variants() -> None:
    assert list(spelling_variants("Kramer")) == []


def test_accent_less_forms_read_the_row_of_their_word() -> None:
    vectors = shared_lexical_vectors()
    for word, respelled in [
        ("Bürgermeister", "Buergermeister"),
        ("Bürgermeister", "Brgermeister"),
        ("Bürgermeister", "Burgermeister"),
    ]:
        assert respelled in vectors
        assert (vectors[respelled] == vectors[word]).all()


def test_a_variant_never_takes_the_row_of_a_word_of_its_own() -> None:
    # "despues" is in the word lists itself (written without its accent), so it keeps its own, rarer row.
    vectors = shared_lexical_vectors()
    assert "despues" in vectors
    assert not (vectors["despues"] == vectors["después"]).all()


def test_augmentation_respells_a_sentence_but_keeps_words_that_would_vanish() -> None:
    assert without_accents(["Günther", "wint", "in", "Zürich", "€"], non_ascii_dropped) == [
        "Gnther",
        "wint",
        "in",
        "Zrich",
        "€",
    ]
    assert without_accents(["Günther", "wint"], transliterated) == ["Guenther", "wint"]
