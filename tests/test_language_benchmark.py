"""Accuracy of the detector on the shared evaluation files (skipped without ../shared). Speed is not asserted here."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from nlp.language import detect_language


def read(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row[0], row[1]) for row in rows[1:]]


@pytest.mark.parametrize(("name", "target"), [("sentences.tsv", 0.995), ("short.tsv", 0.95)])
def test_accuracy_on_the_shared_evaluation_files(shared_dir: Path, name: str, target: float) -> None:
    path = shared_dir / "data" / "langid" / name
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    rows = read(path)
    correct = sum(detect_language(text).language == language for language, text in rows)
    assert correct / len(rows) >= target


def test_all_nine_languages_are_recognised_in_the_evaluation_file(shared_dir: Path) -> None:
    path = shared_dir / "data" / "langid" / "sentences.tsv"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    rows = read(path)
    per_language: dict[str, list[bool]] = {}
    for language, text in rows:
        per_language.setdefault(language, []).append(detect_language(text).language == language)
    assert sorted(per_language) == ["de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"]
    assert all(sum(hits) / len(hits) >= 0.98 for hits in per_language.values())
