"""The NER pipelines' name-evidence repair: person boundaries, common words, surnames repeated in a document."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.pipeline.ner_repair import NerRepair, common_words


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("nl")


def repaired(blank: Language, text: str, ents: list[tuple[str, str]], common: set[str] = frozenset()) -> list[tuple[str, str]]:
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


def test_common_words_come_from_words_outside_entities_and_never_inside_person_names() -> None:
    sentences = [
        (["De", "bakker", "zag", "Piet", "Bakker"], ["O", "O", "O", "B-PER", "I-PER"]),
        (["De", "bakker", "en", "de", "Molen"], ["O", "O", "O", "O", "O"]),
        (["Zeventien", "kinderen", "en", "zeventien", "Molen"], ["O", "O", "O", "O", "O"]),
    ]
    # "bakker" was part of a person's name once; "Zeventien" and "De" opening a sentence say nothing;
    # "zag", "kinderen", "de" and "zeventien" were seen once only.
    assert common_words(sentences) == {"en", "molen"}


def test_the_common_words_are_saved_with_the_pipeline(tmp_path: Path, blank: Language) -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("palmares_ner_repair").set_common_words({"zeventien"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe("palmares_ner_repair").common_words == frozenset({"zeventien"})


def test_a_doc_without_entities_passes_unchanged(blank: Language) -> None:
    doc = Doc(blank.vocab, words=["Niets", "te", "melden"])
    assert list(NerRepair(blank, "palmares_ner_repair")(doc).ents) == []
