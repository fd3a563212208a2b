"""Synthetic list sentences (line-ups, enumerations, result lists) built from a training split's names."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from nlp.training.conllu import Sentence, entity_spans
from nlp.training.name_lists import list_sentences, name_pools
from nlp.training.train import LIST_SHARE, prepare_corpora

GIVEN = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Frits", "Greet", "Hein", "Ilse", "Joost"]
SURNAME_PARTS = ["Veld", "Kram", "Wester", "Hoog", "Brink"]
SURNAME_ENDS = ["huis", "sma", "dijk", "man", "stra"]
PLACES = [
    f"{start}{end}"
    for start in ("Ooster", "Wester", "Noord", "Zuid", "Hoog")
    for end in ("wold", "veen", "dam", "horn", "brug")
]


def invented_sentences() -> list[Sentence]:
    """25 sentences "<Given> <Surname> reed voor <Team> in <Place> ." with distinct names."""
    sentences = []
    for index in range(25):
        given = GIVEN[index % len(GIVEN)]
        surname = SURNAME_PARTS[index // 5] + SURNAME_ENDS[index % 5]
        team = f"Team {surname}bank"
        words = (given, surname, "reed", "voor", *team.split(), "in", PLACES[index], ".")
        tags = ("B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O")
        sentences.append(Sentence(words, tags))
    return sentences


def test_pools_take_surnames_from_full_names_but_not_given_names_or_capitals() -> None:
    sentences = invented_sentences() + [
        Sentence(("Koning", "Willem", "VIII", "sprak"), ("B-PER", "I-PER", "I-PER", "O"))
    ]
    pools = name_pools(sentences)
    assert "Veldhuis" in pools.surnames and "Anna Veldhuis" in pools.full_names
    assert "Anna" not in pools.surnames
    assert "VIII" not in pools.surnames
    assert "Team Veldhuisbank" in pools.organisations and "Oosterwold" in pools.places


def test_every_list_sentence_labels_exactly_the_names_it_was_built_from() -> None:
    sentences = invented_sentences()
    pools = name_pools(sentences)
    people = set(pools.surnames) | set(pools.full_names)
    made = list_sentences("nl", sentences, count=60, seed=0)
    assert len(made) == 60
    for sentence in made:
        assert len(sentence.words) == len(sentence.tags)
        for start, end, label in entity_spans(sentence):
            name = " ".join(sentence.words[start:end])
            places = set(pools.places) | {place.upper() for place in pools.places}  # datelines write them in capitals
            expected = {"PER": people, "ORG": set(pools.organisations), "LOC": places}[label]
            assert name in expected


def test_lists_have_line_ups_enumerations_with_the_languages_conjunction_and_result_lists() -> None:
    made = list_sentences("nl", invented_sentences(), count=60, seed=0)
    texts = [" ".join(sentence.words) for sentence in made]
    assert any(" - " in text for text in texts)
    assert any(" en " in text for text in texts)
    assert any(" 1 . " in f" {text}" for text in texts)
    assert any(sum(label == "LOC" for _, _, label in entity_spans(sentence)) >= 4 for sentence in made)


def test_each_list_stands_between_sentences_of_the_training_text_as_in_an_article() -> None:
    sentences = invented_sentences()
    for made in list_sentences("nl", sentences, count=30, seed=2):
        text = " ".join(made.words)
        assert text.endswith(" .") and text.count(" reed voor ") in (1, 2)


def test_some_lists_open_with_a_dateline_in_the_languages_words() -> None:
    dutch = [" ".join(sentence.words) for sentence in list_sentences("nl", invented_sentences(), count=60, seed=0)]
    months = (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    )
    assert any(month in text.split() for text in dutch for month in months)


def test_lists_follow_the_languages_tokenisation() -> None:
    german = list_sentences("de", invented_sentences(), count=80, seed=1)
    assert any(word.endswith(".") and word[:-1].isdigit() for sentence in german for word in sentence.words)
    assert any(" und " in " ".join(sentence.words) for sentence in german)


def test_the_same_seed_makes_the_same_lists() -> None:
    sentences = invented_sentences()
    assert list_sentences("nl", sentences, 30, seed=4) == list_sentences("nl", sentences, 30, seed=4)
    assert list_sentences("nl", sentences, 30, seed=4) != list_sentences("nl", sentences, 30, seed=5)


def test_too_few_names_make_no_lists() -> None:
    assert list_sentences("nl", invented_sentences()[:5], count=10, seed=0) == []


def test_training_corpora_add_each_languages_lists_and_count_them(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "wikineural" / "nl"
    folder.mkdir(parents=True)
    text = "\n".join(
        "".join(
            f"{index}\t{word}\t{tag}\n"
            for index, (word, tag) in enumerate(zip(sentence.words, sentence.tags, strict=True))
        )
        for sentence in invented_sentences() * 2
    )
    for name in ("val.conllu", "test.conllu"):
        (folder / name).write_text(text, encoding="utf-8")
    train_path, _, facts = prepare_corpora(
        "nl", tmp_path / "data", tmp_path / "work", multilingual=True, list_share=LIST_SHARE
    )
    expected_lists = int(facts["train_sentences"] * LIST_SHARE)
    assert facts["list_sentences"] == expected_lists > 0
    docs = list(DocBin().from_disk(train_path).get_docs(spacy.blank("nl").vocab))
    assert len(docs) == 2 * facts["train_sentences"] + expected_lists
