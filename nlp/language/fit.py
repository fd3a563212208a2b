"""How the detector's weights were chosen: a grid search on WikiNEuRal *validation* sentences.

    .venv/bin/python -m nlp.language.fit ../shared/data/ner/wikineural

For de, en, es, fr, it and nl (the languages with a `val.conllu`) it takes 300 detokenised sentences of 8-60 tokens and
300 four-token snippets, and ranks (NGRAM_WEIGHT, LEXICON_WEIGHT, SUPPORTED_PRIOR, ALPHABET_PENALTY) by accuracy, then
by mean log-loss (the calibration of the confidence). Never point it at the test splits: the evaluation files of
`bench/langid.py` were drawn from them. Development tool only; the product does not need the data.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from pathlib import Path

import numpy as np

from nlp.language import detector as settings
from nlp.language.detector import detector

LANGUAGES = ("de", "en", "es", "fr", "it", "nl")
_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[]) ")
_ELISION = re.compile(r"\b([lLdDjJmMnNsScC]|dell|all|nell|dall|sull|un)' ")


def read_conllu(path: Path) -> list[list[str]]:
    sentences: list[list[str]] = []
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append(tokens)
            tokens = []
        elif not line.startswith("#"):
            tokens.append(line.split("\t")[1])
    if tokens:
        sentences.append(tokens)
    return sentences


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return _ELISION.sub(r"\1'", _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text)))


def samples(folder: Path, per_kind: int = 300) -> list[tuple[str, str, str]]:
    """(language, "sentence" | "short", text) from each language's val.conllu."""
    rng = random.Random(0)
    items: list[tuple[str, str, str]] = []
    for language in LANGUAGES:
        if "test" in str(folder).lower():
            raise ValueError("fit on validation data only")
        sentences = read_conllu(folder / language / "val.conllu")
        rng.shuffle(sentences)
        long = [detokenise(s) for s in sentences if 8 <= len(s) <= 60][:per_kind]
        short = [detokenise(s[:4]) for s in sentences[len(sentences) // 2 :] if len(s) >= 4][:per_kind]
        items += [(language, "sentence", text) for text in long] + [(language, "short", text) for text in short]
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="grid search of the detector weights on WikiNEuRal val.conllu")
    parser.add_argument("wikineural", type=Path, help="folder with <lang>/val.conllu")
    args = parser.parse_args(argv)
    try:
        items = samples(args.wikineural)
    except (OSError, ValueError) as exc:
        print(f"cannot read validation data: {exc}", file=sys.stderr)
        return 2
    model = detector()
    evidences = [model.evidence(text) for _, _, text in items]
    ngrams = np.array([e.ngrams for e in evidences])
    lexicon = np.array([e.lexicon for e in evidences])
    lexicon[:, model._no_lexicon] = settings.UNLISTED_SHARE * lexicon.max(axis=1, keepdims=True)
    prior = (model._prior > 0).astype(float)
    alphabet = np.array([e.alphabet for e in evidences])
    gold = np.array([model.codes.index(language) for language, _, _ in items])
    short = np.array([kind == "short" for _, kind, _ in items])
    rows = []
    grid = itertools.product((0.1, 0.15, 0.2), (2.0, 3.0, 4.0, 6.0), (2.0, 4.0), (0.0, 1.0, 2.0, 3.0, 4.0))
    for a, b, c, d in grid:
        scores = a * ngrams + b * lexicon + c * prior - d * alphabet
        correct = scores.argmax(axis=1) == gold
        scores -= scores.max(axis=1, keepdims=True)
        log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(len(gold)), gold].mean()
        rows.append(
            (
                correct[~short].mean() + correct[short].mean(),
                -loss,
                a,
                b,
                c,
                d,
                correct[~short].mean(),
                correct[short].mean(),
                loss,
            )
        )
    print("ngram lexicon prior alphabet | sentences short log-loss")
    for row in sorted(rows, reverse=True)[:10]:
        print(f"{row[2]:5} {row[3]:7} {row[4]:5} {row[5]:8} | {row[6]:.4f} {row[7]:.4f} {row[8]:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
