"""The per-Doc word lists that rules read instead of building Token objects."""

import spacy
from spacy.tokens import Doc

from nlp.pipeline.doc_words import doc_text, doc_words


def test_words_match_the_tokens_of_the_doc() -> None:
    doc = spacy.blank("nl")("Jutta Leerdam (NED) won, in 1:13,44!")
    words = doc_words(doc)
    assert words.texts == [t.text for t in doc]
    assert words.lowers == [t.lower_ for t in doc]
    assert words.space_after == [bool(t.whitespace_) for t in doc]
    assert words.is_punct == [t.is_punct for t in doc]


def test_words_are_read_once_per_doc_and_the_doc_still_serialises() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Kramer skated the 5000 m.")
    assert doc_words(doc).texts is doc_words(doc).texts
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_words(restored).texts == [t.text for t in doc]


def test_words_of_another_doc_are_not_reused() -> None:
    nlp = spacy.blank("en")
    doc = nlp("One two three")
    doc.user_data["palmares_words"] = [["Stale"], ["stale"], [False], [False]]
    assert doc_words(doc).texts == ["One", "two", "three"]


def test_the_text_is_joined_once_per_doc_and_the_doc_still_serialises() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Kramer skated\nthe 5000 m.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_text(restored) == "Kramer skated\nthe 5000 m."


def test_the_text_of_another_doc_is_not_reused() -> None:
    doc = spacy.blank("en")("One two three")
    doc.user_data["palmares_text"] = [1, "Stale"]
    assert doc_text(doc) == "One two three"
