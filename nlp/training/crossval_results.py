"""Estimate the result model on news it has not seen: k-fold cross-validation over the annotated passages,
folds grouped by news site (`tools/cv_folds.py` beside the corpus, the folds everyone uses), the model
refitted on the other folds for each; the held-out predictions are scored by the corpus's own scorer."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from nlp.decisions.linear_model import LinearModel
from nlp.decisions.results import decide_results
from nlp.extraction.athletes import extract_athletes
from nlp.extraction.attribution import Attribution
from nlp.pipeline.lexicon import load_lexicon
from nlp.training.results_corpus import Passage, scorer
from nlp.training.train_results import REGULARISATION, THRESHOLD, fit


def site_folds(corpus_dirs: list[Path]) -> dict[str, int]:
    path = corpus_dirs[0].resolve().parents[2] / "tools" / "cv_folds.py"
    spec = importlib.util.spec_from_file_location("cv_folds", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise FileNotFoundError(f"the fold tool is not at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.folds([str(d) for d in corpus_dirs])


def predict(passage: Passage, model: LinearModel | None) -> dict[str, Any]:
    """The passage's athletes and results in the scorer's format (`model` None: the extraction rules alone)."""
    lexicon = load_lexicon(passage.language)
    attribution = Attribution(passage.doc, lexicon)
    results = (
        passage.rules if model is None else decide_results(passage.doc, lexicon, attribution, passage.rules, model)
    )
    return {
        "id": passage.id,
        "language": passage.language,
        "athletes": [a.to_dict() for a in extract_athletes(passage.doc, attribution)],
        "results": [r.to_dict() for r in results],
    }


def crossvalidate(
    passages: list[Passage], folds: dict[str, int], regularisation: float = REGULARISATION, threshold: float = THRESHOLD
) -> dict[str, dict[str, Any]]:
    """Held-out predictions of every passage, each from the model fitted without its fold."""
    predictions: dict[str, dict[str, Any]] = {}
    for fold in sorted(set(folds.values())):
        training = [p for p in passages if folds.get(p.id) != fold]
        model = fit(training, regularisation, threshold)
        for passage in passages:
            if folds.get(passage.id) == fold:
                predictions[passage.id] = predict(passage, model)
    return predictions


def score(corpus_dirs: list[Path], predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The scorer's report (per language and "all") of the predicted passages."""
    module = scorer(corpus_dirs[0])
    documents: dict[str, Any] = {}
    for folder in corpus_dirs:
        documents.update({k: v for k, v in module.load_corpus(folder).items() if k in predictions})
    return module.score(documents, predictions)


def figures(report: dict[str, Any]) -> dict[str, dict[str, float]]:
    """F1 of athletes, results and results with their event, per language."""
    return {
        language: {
            "athletes": r["athletes"]["f1"],
            "athletes_precision": r["athletes"]["precision"],
            "results": r["results"]["f1"],
            "results_precision": r["results"]["precision"],
            "results_recall": r["results"]["recall"],
            "results_event": r["results_event"]["f1"],
        }
        for language, r in report.items()
    }
