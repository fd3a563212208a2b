"""What one training run of a language's NER produced: the figures its model card is written from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.training.evaluate import NerScores

DEFAULT_SEED = 0


@dataclass(frozen=True)
class TrainingRun:
    language: str
    steps: int
    output: Path
    minutes: float
    train_sentences: int
    evaluations: list[tuple[str, NerScores]]
    note: str = ""
    other_languages: tuple[str, ...] = ()
    other_sentences: int = 0
    comparison: str = ""  # a measured comparison with another pipeline, kept in meta.json by hand
    architecture: str = ""
    seed: int = DEFAULT_SEED
    lexical_vectors: str = ""
    list_sentences: int = 0
    list_share: float | None = None  # None: trained before list sentences existed
