"""Train one language's NER from WikiNEuRal, evaluate it and write the pipeline plus its model card."""

from __future__ import annotations

import random
import shutil
import time
from importlib import resources
from pathlib import Path
from typing import cast

import spacy
import srsly
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from thinc.api import Config, use_ops

import nlp.training.augment  # noqa: F401  (registers the augmenter named in ner.cfg)
from nlp.pipeline.lexical_vectors import FACTORY as LEXICAL_VECTORS
from nlp.pipeline.lexical_vectors import VERSION_1, WIDTHS, lexical_vectors_named
from nlp.pipeline.ner_repair import FACTORY as REPAIR
from nlp.pipeline.ner_repair import NerRepair
from nlp.training.conllu import Sentence, read_sentences, to_docbin
from nlp.training.evaluate import DOCUMENT_START, NerScores, evaluate
from nlp.training.model_card import describe_architecture, write_model_card
from nlp.training.name_lists import list_sentences
from nlp.training.run import DEFAULT_SEED, TrainingRun
from nlp.training.splits import conll_test_path, wikineural_splits
from nlp.training.word_lists import common_words

DEFAULT_STEPS = 12000
# Names and sentence shapes carry across languages: training on all six WikiNEuRal languages, the own one
# counted twice, transfers better to news than the own language alone (CoNLL validation PER F1 of the
# pipeline with its repair step: nl 0.736 -> 0.753, es 0.744 -> 0.784, de 0.627 -> 0.679, en 0.814 -> 0.827).
OWN_LANGUAGE_WEIGHT = 2
# The lexical-vector version each language's model is trained with, chosen on CoNLL validation PER F1 of the
# NER alone: the surname flag (v2) helped de and es over three seeds, and cost nl and en (nlp/training/ner.cfg).
# fr and it keep v1: they have no news set to decide on, and the WikiNEuRal dev split favours the flag in every
# language, nl and en included, so it cannot decide.
LEXICAL_VECTORS_BY_LANGUAGE = {"de": LEXICAL_VECTORS, "es": LEXICAL_VECTORS}
# Synthetic list sentences (line-ups, enumerations, result lists; nlp/training/name_lists.py), as a share of
# each language's training sentences, per trained language; chosen on CoNLL validation PER F1 of the NER alone
# (ner.cfg has the figures). Languages not named train without them.
LIST_SHARE = 0.05
LIST_SHARE_BY_LANGUAGE = {"de": LIST_SHARE, "es": LIST_SHARE}
TRAINING_META = "palmares_training"


def config_path() -> Path:
    return Path(str(resources.files("nlp.training").joinpath("ner.cfg")))


def default_output(language: str) -> Path:
    return Path(str(resources.files("nlp.resources"))) / "ner" / language


def default_lexical_vectors(language: str) -> str:
    return LEXICAL_VECTORS_BY_LANGUAGE.get(language, VERSION_1)


def default_list_share(language: str) -> float:
    return LIST_SHARE_BY_LANGUAGE.get(language, 0.0)


def default_data_dir() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner"


def check_language(language: str) -> None:
    try:
        spacy.blank(language)
    except (ImportError, KeyError) as exc:
        raise ValueError(f"spaCy has no tokenizer defaults for language {language!r}") from exc


# Fixed order in which the languages' sentences are concatenated before the seeded shuffle, so that a run's
# corpus, and so its model, is reproducible.
LANGUAGE_ORDER = ("nl", "en", "fr", "es", "de", "it")


def wikineural_languages(data_dir: Path) -> list[str]:
    """Languages with WikiNEuRal data in data_dir, in LANGUAGE_ORDER (others after, sorted)."""
    folder = data_dir / "wikineural"
    found = {p.name for p in folder.iterdir() if (p / "val.conllu").is_file() and (p / "test.conllu").is_file()}
    return [name for name in LANGUAGE_ORDER if name in found] + sorted(found - set(LANGUAGE_ORDER))


def prepare_corpora(
    language: str, data_dir: Path, work_dir: Path, multilingual: bool, seed: int = DEFAULT_SEED, list_share: float = 0.0
) -> tuple[Path, Path, dict]:
    """Write train.spacy and dev.spacy (one Doc per sentence) into work_dir; return the training facts.

    Multilingual: the other languages' training splits join the language's own, which counts
    OWN_LANGUAGE_WEIGHT times, shuffled with the run's seed; the dev split (checkpoint selection) is the
    language's own only. Each language's split adds `list_share` times its size in synthetic list sentences
    (name_lists.py), built from its own names."""
    splits = wikineural_splits(data_dir, language)
    own_lists = _lists(language, splits.train, seed, list_share)
    lists = len(own_lists)
    others: list[str] = []
    other_sentences = 0
    if not multilingual:
        train = list(splits.train) + own_lists
    else:
        train = []
        for name in wikineural_languages(data_dir):
            if name == language:
                train += list(splits.train) * OWN_LANGUAGE_WEIGHT + own_lists
                continue
            other_train = wikineural_splits(data_dir, name).train
            other_lists = _lists(name, other_train, seed, list_share)
            others.append(name)
            other_sentences += len(other_train)
            lists += len(other_lists)
            train += other_train + other_lists
        random.Random(seed).shuffle(train)
    vocab = spacy.blank(language).vocab
    work_dir.mkdir(parents=True, exist_ok=True)
    train_path, dev_path = work_dir / "train.spacy", work_dir / "dev.spacy"
    to_docbin(vocab, train).to_disk(train_path)
    to_docbin(vocab, splits.dev).to_disk(dev_path)
    facts = {
        "train_sentences": len(splits.train),
        "other_languages": others,
        "other_sentences": other_sentences,
        "list_share": list_share,
        "list_sentences": lists,
    }
    return train_path, dev_path, facts


def _lists(language: str, sentences: list[Sentence], seed: int, share: float) -> list[Sentence]:
    return list_sentences(language, sentences, int(len(sentences) * share), seed)


def train_ner(
    language: str,
    steps: int = DEFAULT_STEPS,
    output: Path | None = None,
    data_dir: Path | None = None,
    work_dir: Path | None = None,
    eval_frequency: int = 1000,
    multilingual: bool = True,
    seed: int = DEFAULT_SEED,
    lexical_vectors: str | None = None,
    list_share: float | None = None,
) -> TrainingRun:
    """lexical_vectors: the table version the tok2vec reads (default LEXICAL_VECTORS_BY_LANGUAGE, else v1);
    list_share: synthetic list sentences per training sentence (default LIST_SHARE_BY_LANGUAGE, else none)."""
    check_language(language)
    lexical_vectors = lexical_vectors or default_lexical_vectors(language)
    if lexical_vectors not in WIDTHS:
        raise ValueError(f"unknown lexical vectors {lexical_vectors!r}; known: {', '.join(WIDTHS)}")
    list_share = default_list_share(language) if list_share is None else list_share
    if not 0.0 <= list_share <= 1.0:
        raise ValueError(f"list share must be between 0 and 1, got {list_share}")
    data_dir = data_dir or default_data_dir()
    output = output or default_output(language)
    work_dir = work_dir or Path("/tmp") / "palmares-train-ner" / language
    started = time.monotonic()
    train_path, dev_path, facts = prepare_corpora(language, data_dir, work_dir, multilingual, seed, list_share)
    facts["seed"] = seed
    overrides = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "nlp.lang": language,
        "nlp.vectors": {"@vectors": lexical_vectors},
        "system.seed": seed,
        "training.max_steps": steps,
        "training.eval_frequency": min(eval_frequency, max(steps, 1)),
    }
    with use_ops("numpy", use_blis=False):  # numpy's BLAS: about twice BLIS's speed here (nlp/pipeline/matrix_ops.py)
        spacy_train(config_path(), work_dir / "model", overrides=overrides, use_gpu=-1)
    return publish(language, work_dir / "model" / "model-best", output, data_dir, steps, started, facts)


def publish(
    language: str,
    checkpoint: Path,
    output: Path,
    data_dir: Path,
    steps: int,
    started: float,
    facts: dict,
    note: str = "",
) -> TrainingRun:
    """Copy the best checkpoint to `output`, add the name-evidence repair, evaluate it and write its model card."""
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(checkpoint, output)
    minutes = (time.monotonic() - started) / 60
    training = {"steps": steps, "minutes": round(minutes, 1), **facts, "note": note}
    return rebuild_repair(language, output, data_dir, training)


def rebuild_repair(language: str, model: Path, data_dir: Path, training: dict | None = None) -> TrainingRun:
    """(Re)build the `palmares_ner_repair` step of a trained pipeline and its word lists (word_lists.py),
    evaluate the pipeline with and without it, and rewrite the model card. `training` (steps, minutes,
    train_sentences, note) is kept in meta.json; without it the facts already there are kept."""
    nlp = spacy.load(model)
    if REPAIR in nlp.pipe_names:
        nlp.remove_pipe(REPAIR)
    splits = wikineural_splits(data_dir, language)
    sentences = [(sentence.words, sentence.tags) for sentence in splits.train]
    words = common_words(language, sentences)
    repair = cast(NerRepair, nlp.add_pipe(REPAIR, after="ner"))
    repair.set_common_words(words)
    if training is not None:
        nlp.meta[TRAINING_META] = training
    training = nlp.meta.get(TRAINING_META)
    if training is None:
        raise ValueError(f"{model} has no {TRAINING_META} facts in meta.json: train it with `palmares train-ner`")
    nlp.to_disk(model)
    prune_strings(nlp, model)
    forget_scratch_paths(model)
    run = TrainingRun(
        language,
        training["steps"],
        model,
        training["minutes"],
        training["train_sentences"],
        evaluate_model(nlp, language, data_dir),
        training.get("note", ""),
        tuple(training.get("other_languages", ())),
        training.get("other_sentences", 0),
        training.get("comparison", ""),
        describe_architecture(nlp.config),
        training.get("seed", DEFAULT_SEED),
        lexical_vectors_named(nlp.config) or "",
        training.get("list_sentences", 0),
        training.get("list_share"),
    )
    write_model_card(run, len(words))
    return run


def forget_scratch_paths(model: Path) -> None:
    """The saved config names the run's scratch corpora (train.spacy, dev.spacy), which mean nothing elsewhere."""
    config = Config().from_disk(model / "config.cfg", interpolate=False)
    config["paths"]["train"] = config["paths"]["dev"] = None
    config.to_disk(model / "config.cfg")


def prune_strings(nlp: Language, model: Path) -> None:
    """Keep only the labels in the saved string store. The training corpus leaves every word it saw there
    (several MB, more with six languages), but the features are hashed, so running needs none of them."""
    srsly.write_json(model / "vocab" / "strings.json", sorted(cast(EntityRecognizer, nlp.get_pipe("ner")).labels))


def evaluate_model(nlp: Language, language: str, data_dir: Path) -> list[tuple[str, NerScores]]:
    """Scores of the statistical NER alone and of the whole pipeline (NER + repair) on WikiNEuRal held-out
    sentences and the CoNLL test set: sentence by sentence, and by document where the file marks documents."""
    sets = [("WikiNEuRal held-out (last 20 % of test.conllu)", wikineural_splits(data_dir, language).heldout, False)]
    conll_path = conll_test_path(data_dir, language)
    if conll_path:
        conll = read_sentences(conll_path)
        sets.append((f"CoNLL test ({language}, news), each sentence alone", conll, False))
        if any(sentence.words[0] == DOCUMENT_START for sentence in conll):
            sets.append((f"CoNLL test ({language}, news), each document as one Doc", conll, True))
    evaluations: list[tuple[str, NerScores]] = []
    for title, sentences, by_document in sets:
        with nlp.select_pipes(disable=[REPAIR]):
            evaluations.append((f"{title}: NER alone", evaluate(nlp, sentences, by_document=by_document)))
        evaluations.append((f"{title}: NER + name-evidence repair", evaluate(nlp, sentences, by_document=by_document)))
    return evaluations
