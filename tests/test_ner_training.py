"""NER training: conversion of token-per-line files, augmentation, config, shipped models, CLI errors."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
import spacy
from spacy.pipeline import EntityRecognizer, EntityRuler
from spacy.tokens import DocBin
from thinc.api import Config
from typer.testing import CliRunner

from nlp.pipeline.lexical_vectors import FACTORY, VERSION_1, LexicalVectors, lexical_vectors_named
from nlp.training.augment import drop_given_names
from nlp.training.conllu import ConlluError, read_sentences, sentence_doc, to_docbin
from nlp.training.evaluate import evaluate
from nlp.training.model_card import describe_architecture
from nlp.training.splits import wikineural_splits
from nlp.training.train import (
    config_path,
    default_lexical_vectors,
    default_list_share,
    default_output,
    prepare_corpora,
    train_ner,
)
from service.cli import app

INVENTED = """0\tMarit\tB-PER
1\tVeldhuis\tI-PER
2\twon\tO
3\tin\tO
4\tHamar\tB-LOC
5\t.\tO

0\tZe\tO
1\treed\tO
2\tvoor\tO
3\tTeam\tI-ORG
4\tIJsvogel\tI-ORG
5\t.\tO
"""


def write_data(root: Path, language: str = "nl", copies: int = 10) -> Path:
    folder = root / "wikineural" / language
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("val.conllu", "test.conllu"):
        (folder / name).write_text((INVENTED + "\n") * copies, encoding="utf-8")
    return root


def test_reads_sentences_and_repairs_spans_opened_by_i_tags(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(INVENTED, encoding="utf-8")
    first, second = read_sentences(path)
    assert first.words == ("Marit", "Veldhuis", "won", "in", "Hamar", ".")
    assert first.tags == ("B-PER", "I-PER", "O", "O", "B-LOC", "O")
    assert second.tags[3:5] == ("B-ORG", "I-ORG")


def test_docbin_keeps_one_doc_per_sentence_with_its_entities(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(INVENTED, encoding="utf-8")
    vocab = spacy.blank("nl").vocab
    docs = list(to_docbin(vocab, read_sentences(path)).get_docs(vocab))
    assert len(docs) == 2
    assert [(ent.text, ent.label_) for ent in docs[0].ents] == [("Marit Veldhuis", "PER"), ("Hamar", "LOC")]
    assert [(ent.text, ent.label_) for ent in docs[1].ents] == [("Team IJsvogel", "ORG")]


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.conllu"
    path.write_text("0\tMarit\tB-PER\njust-a-word\n", encoding="utf-8")
    with pytest.raises(ConlluError, match="bad.conllu:2"):
        read_sentences(path)


def test_empty_tokens_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.conllu"
    path.write_text("0\tu.\tO\n1\t\tO\n2\t.\tO\n", encoding="utf-8")
    assert read_sentences(path)[0].words == ("u.", ".")


def test_unlabelled_doc_for_prediction_has_no_entities(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(INVENTED, encoding="utf-8")
    doc = sentence_doc(spacy.blank("nl").vocab, read_sentences(path)[0], with_entities=False)
    assert doc.text == "Marit Veldhuis won in Hamar ." and not doc.ents


def test_surname_only_augmentation_keeps_the_surname_as_a_person() -> None:
    words, tags = drop_given_names(
        ["Zei", "Jan", "van", "der", "Berg", "en", "Anna", "Kramer"],
        ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER"],
        chance=1.0,
        roll=lambda: 0.0,
    )
    assert words == ["Zei", "Van", "der", "Berg", "en", "Kramer"]
    assert tags == ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER"]


def test_augmentation_leaves_names_alone_when_the_dice_say_so() -> None:
    words = ["Anna", "Kramer", "won"]
    tags = ["B-PER", "I-PER", "O"]
    assert drop_given_names(words, tags, chance=0.4, roll=lambda: 0.9) == (words, tags)


def test_training_config_builds_a_tok2vec_and_ner_pipeline() -> None:
    config = spacy.util.load_config(config_path())
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert config["components"]["tok2vec"]["model"]["embed"]["attrs"] == ["NORM", "PREFIX", "SUFFIX", "SHAPE"]


def shipped_languages() -> list[str]:
    return [
        language
        for language in ("nl", "en", "es", "de", "fr", "it")
        if (default_output(language) / "meta.json").is_file()
    ]


@pytest.mark.parametrize(
    ("language", "sentence", "person"),
    [
        ("nl", "Gisteren won de schaatsster Marit Veldhuis de 1500 meter in Hamar.", "Marit Veldhuis"),
        ("en", "On Sunday the skater Emily Hartwell won the 1500 metres in Calgary.", "Emily Hartwell"),
        ("es", "El domingo la ciclista Lucía Barrientos ganó la etapa en Murcia.", "Lucía Barrientos"),
        ("de", "Am Sonntag gewann die Schwimmerin Anna Brunnhuber das Finale in Berlin.", "Anna Brunnhuber"),
        ("fr", "Dimanche, la skieuse Camille Roussel a gagné le slalom à Tignes.", "Camille Roussel"),
        ("it", "Domenica la pattinatrice Giulia Ferrandi ha vinto i 1500 metri a Baselga.", "Giulia Ferrandi"),
    ],
)
def test_shipped_model_finds_a_person(language: str, sentence: str, person: str) -> None:
    if language not in shipped_languages():
        pytest.skip(f"no NER model shipped for {language}")
    nlp = spacy.load(default_output(language))
    assert nlp.pipe_names == ["tok2vec", "ner", "palmares_ner_repair"]
    assert set(cast(EntityRecognizer, nlp.get_pipe("ner")).labels) == {"PER", "ORG", "LOC", "MISC"}
    assert (person, "PER") in [(ent.text, ent.label_) for ent in nlp(sentence).ents]


def test_shipped_german_model_finds_the_surnames_of_a_line_up() -> None:
    nlp = spacy.load(default_output("de"))
    doc = nlp("Eintracht Wiesbach: Brandhorst - Liebig, Saathoff, Kühnel - Wendrich (72. Oberdorfer), Teichmann.")
    persons = {ent.text for ent in doc.ents if ent.label_ == "PER"}
    assert {"Brandhorst", "Liebig", "Saathoff", "Kühnel", "Wendrich", "Oberdorfer"} <= persons
    assert "Eintracht Wiesbach" not in persons


def test_shipped_german_model_does_not_take_a_sentence_opening_for_a_person() -> None:
    nlp = spacy.load(default_output("de"))
    doc = nlp("In Wiesbach gewann Brandhorst. Dies war sein dritter Sieg. Außerdem fuhr Liebig auf Rang zwei.")
    persons = {ent.text for ent in doc.ents if ent.label_ == "PER"}
    assert "Liebig" in persons
    assert not persons & {"Dies", "Außerdem", "Dies war", "Außerdem fuhr"}


def test_shipped_models_have_a_model_card_with_the_licence() -> None:
    for language in shipped_languages():
        card = (default_output(language) / "MODEL_CARD.md").read_text(encoding="utf-8")
        assert "CC BY-NC-SA 4.0" in card and "PER" in card


def test_each_shipped_model_reads_the_lexical_vectors_train_ner_would_give_it() -> None:
    assert default_lexical_vectors("de") == FACTORY and default_lexical_vectors("nl") == VERSION_1
    for language in shipped_languages():
        config = Config().from_disk(default_output(language) / "config.cfg", interpolate=False)
        assert lexical_vectors_named(config) == default_lexical_vectors(language), language
        card = (default_output(language) / "MODEL_CARD.md").read_text(encoding="utf-8")
        assert f"--lexical-vectors {default_lexical_vectors(language)}" in card, language


def test_each_shipped_model_was_trained_with_the_list_share_train_ner_would_give_it() -> None:
    assert default_list_share("de") > 0 and default_list_share("nl") == 0.0
    for language in shipped_languages():
        training = spacy.load(default_output(language)).meta["palmares_training"]
        # Models trained before list sentences existed record no share: they had none.
        assert training.get("list_share", 0.0) == default_list_share(language), language
        if training.get("list_share"):
            card = (default_output(language) / "MODEL_CARD.md").read_text(encoding="utf-8")
            assert f"--list-share {default_list_share(language):g}" in card, language
            assert training["list_sentences"] > 0


def test_a_list_share_outside_zero_to_one_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="list share"):
        train_ner("nl", list_share=1.5, data_dir=tmp_path, work_dir=tmp_path / "work")
    assert not (tmp_path / "work").exists()


def test_an_unknown_lexical_vectors_version_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="palmares.lexical_vectors.v7"):
        train_ner("nl", lexical_vectors="palmares.lexical_vectors.v7", data_dir=tmp_path, work_dir=tmp_path / "work")
    assert not (tmp_path / "work").exists()


def test_model_card_describes_the_network_from_the_pipelines_own_config() -> None:
    config = Config().from_disk(config_path())
    config["components"]["tok2vec"]["model"]["encode"]["window_size"] = 1
    described = describe_architecture(config)
    assert "4-layer CNN, width 96, window 1 word each side" in described
    assert "NORM, PREFIX, SUFFIX, SHAPE" in described
    assert "given-name, city and surname flags" in described
    config["nlp"]["vectors"]["@vectors"] = "palmares.lexical_vectors.v1"
    assert "given-name and city flags" in describe_architecture(config)


@pytest.mark.slow
def test_two_step_training_run_writes_a_loadable_pipeline_and_card(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    run = train_ner("nl", steps=2, output=tmp_path / "model", data_dir=data, work_dir=tmp_path / "work")
    nlp = spacy.load(run.output)
    assert nlp.pipe_names == ["tok2vec", "ner", "palmares_ner_repair"]
    card = (run.output / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "CC BY-NC-SA 4.0" in card and "NER + name-evidence repair" in card
    assert "No CoNLL test set exists" in card
    assert nlp.meta["palmares_training"]["steps"] == 2
    # The lexical vectors are named in the config, not copied into the folder.
    assert isinstance(nlp.vocab.vectors, LexicalVectors)
    assert not (run.output / "vocab" / "vectors").exists()
    assert "train = null" in (run.output / "config.cfg").read_text(encoding="utf-8")


@pytest.mark.slow
def test_repair_only_rebuilds_the_repair_step_and_keeps_the_training_facts(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    train_ner("nl", steps=2, output=tmp_path / "model", data_dir=data, work_dir=tmp_path / "work")
    result = CliRunner().invoke(
        app, ["train-ner", "nl", "--repair-only", "--output", str(tmp_path / "model"), "--data", str(data)]
    )
    assert result.exit_code == 0, result.output
    assert "NER alone" in result.output and "NER + name-evidence repair" in result.output
    assert spacy.load(tmp_path / "model").meta["palmares_training"]["steps"] == 2


@pytest.mark.slow
def test_the_seed_of_a_run_is_recorded_so_that_the_card_reproduces_it(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    result = CliRunner().invoke(
        app,
        [
            "train-ner",
            "nl",
            "--steps",
            "2",
            "--seed",
            "3",
            "--output",
            str(tmp_path / "model"),
            "--data",
            str(data),
            "--work-dir",
            str(tmp_path / "work"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert spacy.load(tmp_path / "model").meta["palmares_training"]["seed"] == 3
    card = (tmp_path / "model" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "palmares train-ner nl --steps 2 --seed 3" in card and "seed 3," in card


def test_repair_only_without_a_trained_pipeline_says_so(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    result = CliRunner().invoke(
        app, ["train-ner", "nl", "--repair-only", "--output", str(tmp_path / "missing"), "--data", str(data)]
    )
    assert result.exit_code == 2
    assert "train-ner:" in result.output


def test_documents_are_scored_sentence_by_sentence_whether_or_not_they_form_one_doc(tmp_path: Path) -> None:
    path = tmp_path / "docs.conllu"
    path.write_text("0\t-DOCSTART-\tO\n\n" + INVENTED + "\n0\t-DOCSTART-\tO\n\n" + INVENTED, encoding="utf-8")
    nlp = spacy.blank("nl")
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler"))
    ruler.add_patterns([{"label": "PER", "pattern": "Marit Veldhuis"}, {"label": "LOC", "pattern": "Hamar"}])
    sentences = read_sentences(path)
    for by_document in (False, True):
        scores = evaluate(nlp, sentences, by_document=by_document)
        assert scores.words == 24  # the -DOCSTART- lines are not words of the text
        assert scores.per_type["PER"].f1 == 1.0 and scores.per_type["LOC"].f1 == 1.0
        assert scores.per_type["ORG"].false_negatives == 2


def test_multilingual_corpora_count_the_own_language_twice_and_select_on_it_alone(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data", "nl", copies=10)
    write_data(tmp_path / "data", "en", copies=5)
    train_path, dev_path, facts = prepare_corpora("nl", data, tmp_path / "work", multilingual=True)
    vocab = spacy.blank("nl").vocab
    assert facts == {
        "train_sentences": 34,
        "other_languages": ["en"],
        "other_sentences": 17,
        "list_share": 0.0,
        "list_sentences": 0,
    }
    assert len(list(DocBin().from_disk(train_path).get_docs(vocab))) == 2 * 34 + 17
    assert len(list(DocBin().from_disk(dev_path).get_docs(vocab))) == len(wikineural_splits(data, "nl").dev)
    _, _, alone = prepare_corpora("nl", data, tmp_path / "alone", multilingual=False)
    assert alone["other_languages"] == []


def test_cli_rejects_a_language_without_data(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train-ner", "nl", "--data", str(tmp_path), "--output", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "no WikiNEuRal data for 'nl'" in result.output


def test_cli_rejects_an_unknown_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train-ner", "qq", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "no tokenizer defaults" in result.output
