"""The deterministic WikiNEuRal split used for training and held-out evaluation.

Both WikiNEuRal files of a language are used: all of `val.conllu` plus the first 70 % of `test.conllu`
train the model; the next 10 % of `test.conllu` is the development set spaCy uses to pick the best
checkpoint; the last 20 % of `test.conllu` is held out and only measured. The cuts are contiguous
(sentences of one Wikipedia article stay on one side). CoNLL files are never part of any split.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.training.conllu import Sentence, read_sentences

TRAIN_SHARE_OF_TEST = 0.7
DEV_SHARE_OF_TEST = 0.1


@dataclass(frozen=True)
class Splits:
    train: list[Sentence]
    dev: list[Sentence]
    heldout: list[Sentence]


def wikineural_dir(data_dir: Path, language: str) -> Path:
    folder = data_dir / "wikineural" / language
    if not (folder / "val.conllu").is_file() or not (folder / "test.conllu").is_file():
        raise FileNotFoundError(f"no WikiNEuRal data for {language!r}: expected val.conllu and test.conllu in {folder}")
    return folder


def wikineural_splits(data_dir: Path, language: str) -> Splits:
    folder = wikineural_dir(data_dir, language)
    validation = read_sentences(folder / "val.conllu")
    test = read_sentences(folder / "test.conllu")
    train_end = int(len(test) * TRAIN_SHARE_OF_TEST)
    dev_end = int(len(test) * (TRAIN_SHARE_OF_TEST + DEV_SHARE_OF_TEST))
    return Splits(train=validation + test[:train_end], dev=test[train_end:dev_end], heldout=test[dev_end:])


def conll_test_path(data_dir: Path, language: str) -> Path | None:
    """The CoNLL-2002/2003 test file of a language, if there is one (evaluation only)."""
    path = data_dir / "conll" / language / "test.conllu"
    return path if path.is_file() else None
