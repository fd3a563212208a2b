"""The NER pipelines' name-evidence repair and its word lists: person boundaries, common words, city names,
surnames repeated in a document."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.pipeline.ner_repair import NerRepair
from nlp.resources.build_place_names import city_names, is_latin
from nlp.training.word_lists import common_words


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("nl")


def repaired(
    blank: Language, text: str, ents: list[tuple[str, str]], common: frozenset[str] | set[str] = frozenset()
) -> list[tuple[str, str]]:
    """Run the repair on `text` whose statistical NER found `ents` (each (words, label), at the first
    occurrence of the words after the previous entity)."""
    doc = blank.make_doc(text)
    spans: list[Span] = []
    for words, label in ents:
        count = len(words.split())
        after = spans[-1].end if spans else 0
        start = next(i for i in range(after, len(doc)) if doc[i : i + count].text == words)
        spans.append(Span(doc, start, start + count, label=label))
    doc.ents = spans
    repair = NerRepair(blank, "palmares_ner_repair")
    repair.set_common_words(common)
    return [(ent.text, ent.label_) for ent in repair(doc).ents]


def test_a_role_word_before_a_given_name_leaves_the_person(blank: Language) -> None:
    found = repaired(blank, "Teamleider Herman Wolters is tevreden.", [("Teamleider Herman Wolters", "PER")])
    assert found == [("Herman Wolters", "PER")]


def test_a_place_span_ending_in_a_given_name_and_surname_is_a_person(blank: Language) -> None:
    found = repaired(blank, "De Peruaan Alejandro Quispe won.", [("Peruaan Alejandro Quispe", "LOC")])
    assert found == [("Alejandro Quispe", "PER")]


def test_a_given_name_just_before_a_person_joins_the_name(blank: Language) -> None:
    found = repaired(blank, "Marit Dijkstra reed naar brons.", [("Dijkstra", "PER")])
    assert found == [("Marit Dijkstra", "PER")]


def test_a_two_word_name_that_opens_with_a_given_name_is_left_alone(blank: Language) -> None:
    found = repaired(blank, "Sven Bakker Jansen won.", [("Sven Bakker Jansen", "PER")])
    assert found == [("Sven Bakker Jansen", "PER")]


def test_a_one_word_person_that_is_a_common_word_is_dropped(blank: Language) -> None:
    found = repaired(blank, "Zeventien kinderen werden ziek.", [("Zeventien", "PER")], common={"zeventien"})
    assert found == []


def test_a_headline_of_common_words_is_not_a_person(blank: Language) -> None:
    found = repaired(blank, "CLUBES MULTA voor wangedrag.", [("CLUBES MULTA", "PER")], common={"clubes", "multa"})
    assert found == []


@pytest.mark.parametrize("text", ["6-4", "m.73", "van"])
def test_a_person_must_open_with_a_capital_letter_and_have_letters(blank: Language, text: str) -> None:
    assert repaired(blank, f"Uitslag {text} zondag.", [(text, "PER")]) == []


def test_a_common_word_inside_a_longer_name_stays(blank: Language) -> None:
    found = repaired(blank, "Anna Visser won.", [("Anna Visser", "PER")], common={"visser"})
    assert found == [("Anna Visser", "PER")]


def test_a_surname_introduced_in_a_full_name_is_a_person_everywhere_in_the_doc(blank: Language) -> None:
    text = "Sven Wolters won de 5000 meter. Later zei Wolters dat Kramer en Wolters trainen in Heerenveen."
    found = repaired(blank, text, [("Sven Wolters", "PER"), ("Kramer", "PER"), ("Wolters", "LOC")])
    assert found.count(("Wolters", "PER")) == 2 and ("Wolters", "LOC") not in found
    assert ("Kramer", "PER") in found


def test_a_surname_inside_a_longer_team_name_is_not_taken_out(blank: Language) -> None:
    text = "Sven Wolters reed voor Team Wolters Bouw."
    found = repaired(blank, text, [("Sven Wolters", "PER"), ("Team Wolters Bouw", "ORG")])
    assert found == [("Sven Wolters", "PER"), ("Team Wolters Bouw", "ORG")]


def test_common_words_are_frequent_or_repeated_outside_entities_and_never_part_of_a_person_name() -> None:
    sentences = [
        (["De", "bakker", "zag", "Piet", "Bakker"], ["O", "O", "O", "B-PER", "I-PER"]),
        (["De", "bakker", "en", "de", "Molen"], ["O", "O", "O", "O", "O"]),
        (["Zeventien", "kinderen", "en", "zeventien", "Molen"], ["O", "O", "O", "O", "O"]),
    ]
    # "bakker" was part of a person's name once; "Zeventien" and "De" opening a sentence say nothing;
    # "zag", "kinderen" and "zeventien" were seen once only in the text, but are frequent Dutch words.
    words = common_words("nl", sentences)
    assert {"en", "molen", "zag", "kinderen", "zeventien", "de"} <= words
    assert "bakker" not in words and "piet" not in words


def test_a_frequent_word_that_is_a_listed_surname_is_no_common_word() -> None:
    # "Aznar" is frequent in Spanish news; a one-word "Aznar" must not be dropped as a common word even where
    # the Spanish training text never named him (the surname list comes from all six languages).
    words = common_words("es", [(["El", "gobierno", "y", "el", "gobierno"], ["O", "O", "O", "O", "O"])])
    assert "gobierno" in words and "aznar" not in words


def test_a_person_named_like_a_city_is_a_place(blank: Language) -> None:
    found = repaired(blank, "In Badajoz regende het.", [("Badajoz", "PER")])
    assert found == [("Badajoz", "LOC")]


@pytest.mark.slow
def test_place_names_are_big_cities_in_latin_script_that_never_named_a_person() -> None:
    names = city_names(people={"george", "washington"})
    assert {"Rotterdam", "Badajoz", "Sevilla", "Dortmund"} <= names
    assert "Washington" not in names
    assert all(is_latin(name) for name in names)
    assert "Москва" not in names


def test_the_common_words_are_saved_with_the_pipeline(tmp_path: Path, blank: Language) -> None:
    nlp = spacy.blank("nl")
    repair = cast(NerRepair, nlp.add_pipe("palmares_ner_repair"))
    repair.set_common_words({"zeventien"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = cast(NerRepair, spacy.load(tmp_path / "pipeline").get_pipe("palmares_ner_repair"))
    assert loaded.common_words == frozenset({"zeventien"})


def test_a_doc_without_entities_passes_unchanged(blank: Language) -> None:
    doc = Doc(blank.vocab, words=["Niets", "te", "melden"])
    assert list(NerRepair(blank, "palmares_ner_repair")(doc).ents) == []
