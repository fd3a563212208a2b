"""Train one language's NER from WikiNEuRal, evaluate it and write the pipeline plus its model card."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train

import nlp.training.augment  # noqa: F401  (registers the augmenter named in ner.cfg)
from nlp.training.conllu import read_sentences, to_docbin
from nlp.training.evaluate import NerScores, evaluate
from nlp.training.model_card import write_model_card
from nlp.training.splits import conll_test_path, wikineural_splits

DEFAULT_STEPS = 5000
SEED = 0


@dataclass(frozen=True)
class TrainingRun:
    language: str
    steps: int
    output: Path
    minutes: float
    train_sentences: int
    heldout: NerScores
    conll: NerScores | None
    note: str = ""


def config_path() -> Path:
    return Path(str(resources.files("nlp.training").joinpath("ner.cfg")))


def default_output(language: str) -> Path:
    return Path(str(resources.files("nlp.resources"))) / "ner" / language


def default_data_dir() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner"


def check_language(language: str) -> None:
    try:
        spacy.blank(language)
    except (ImportError, KeyError) as exc:
        raise ValueError(f"spaCy has no tokenizer defaults for language {language!r}") from exc


def prepare_corpora(language: str, data_dir: Path, work_dir: Path) -> tuple[Path, Path, int]:
    """Write train.spacy and dev.spacy (one Doc per sentence) into work_dir."""
    splits = wikineural_splits(data_dir, language)
    vocab = spacy.blank(language).vocab
    work_dir.mkdir(parents=True, exist_ok=True)
    train_path, dev_path = work_dir / "train.spacy", work_dir / "dev.spacy"
    to_docbin(vocab, splits.train).to_disk(train_path)
    to_docbin(vocab, splits.dev).to_disk(dev_path)
    return train_path, dev_path, len(splits.train)


def train_ner(
    language: str,
    steps: int = DEFAULT_STEPS,
    output: Path | None = None,
    data_dir: Path | None = None,
    work_dir: Path | None = None,
    eval_frequency: int = 1000,
) -> TrainingRun:
    check_language(language)
    data_dir = data_dir or default_data_dir()
    output = output or default_output(language)
    work_dir = work_dir or Path("/tmp") / "palmares-train-ner" / language
    started = time.monotonic()
    train_path, dev_path, train_sentences = prepare_corpora(language, data_dir, work_dir)
    overrides = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "nlp.lang": language,
        "system.seed": SEED,
        "training.max_steps": steps,
        "training.eval_frequency": min(eval_frequency, max(steps, 1)),
    }
    spacy_train(config_path(), work_dir / "model", overrides=overrides, use_gpu=-1)
    return publish(language, work_dir / "model" / "model-best", output, data_dir, steps, started, train_sentences)


def publish(
    language: str,
    checkpoint: Path,
    output: Path,
    data_dir: Path,
    steps: int,
    started: float,
    train_sentences: int,
    note: str = "",
) -> TrainingRun:
    """Copy the best checkpoint to `output`, evaluate it and write its model card."""
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(checkpoint, output)
    heldout, conll = evaluate_model(output, language, data_dir)
    minutes = (time.monotonic() - started) / 60
    run = TrainingRun(language, steps, output, minutes, train_sentences, heldout, conll, note)
    write_model_card(run)
    return run


def evaluate_model(model: Path, language: str, data_dir: Path) -> tuple[NerScores, NerScores | None]:
    nlp = spacy.load(model)
    heldout = evaluate(nlp, wikineural_splits(data_dir, language).heldout)
    conll_path = conll_test_path(data_dir, language)
    conll = evaluate(nlp, read_sentences(conll_path)) if conll_path else None
    return heldout, conll
