"""Estimate the result model on news it has not seen: k-fold cross-validation over the annotated passages,
folds grouped by news site (`tools/cv_folds.py` beside the corpus, the folds everyone uses), the model
refitted on the other folds for each; the held-out predictions are scored by the corpus's own scorer."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from nlp.decisions.athletes import decide_athletes
from nlp.decisions.linear_model import LinearModel
from nlp.decisions.results import decide
from nlp.extraction.athletes import extract_athletes
from nlp.extraction.attribution import Attribution
from nlp.extraction.medals import extract_medal_tallies
from nlp.pipeline.lexicon import load_lexicon
from nlp.training.results_corpus import Passage, scorer
from nlp.training.train_results import fit, fit_athletes, fit_events, fit_standings


def site_folds(corpus_dirs: list[Path]) -> dict[str, int]:
    path = corpus_dirs[0].resolve().parents[2] / "tools" / "cv_folds.py"
    spec = importlib.util.spec_from_file_location("cv_folds", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise FileNotFoundError(f"the fold tool is not at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.folds([str(d) for d in corpus_dirs])


def predict(
    passage: Passage,
    model: LinearModel | None,
    athlete_model: LinearModel | None = None,
    standings: LinearModel | None = None,
    events: LinearModel | None = None,
) -> dict[str, Any]:
    """The passage's athletes and results in the scorer's format, decided as `nlp.extraction.facts.extract_facts`
    decides them (`model` None: the extraction rules alone)."""
    lexicon = load_lexicon(passage.language)
    attribution = Attribution(passage.doc, lexicon)
    athletes = extract_athletes(passage.doc, attribution)
    results = passage.rules
    if model is not None:
        results = decide(
            passage.doc, lexicon, attribution, passage.candidates, passage.context, model, standings, events
        )
    if athlete_model is not None:
        medallists = {name for tally in extract_medal_tallies(passage.doc, lexicon) for name in tally.athletes}
        kept = decide_athletes(passage.doc, passage.language, passage.context, athlete_model, medallists, results)
        athletes = [a for a in athletes if a.name in kept]
        results = [r for r in results if r.athlete in kept]
    return {
        "id": passage.id,
        "language": passage.language,
        "athletes": [a.to_dict() for a in athletes],
        "results": [r.to_dict() for r in results],
    }


def crossvalidate(
    passages: list[Passage],
    folds: dict[str, int],
    with_athletes: bool = True,
    with_standings: bool = True,
    with_events: bool = True,
) -> dict[str, dict[str, Any]]:
    """Held-out predictions of every passage, each from the models fitted without its fold."""
    predictions: dict[str, dict[str, Any]] = {}
    for fold in sorted(set(folds.values())):
        training = [p for p in passages if folds.get(p.id) != fold]
        model = fit(training)
        athlete_model = fit_athletes(training) if with_athletes else None
        standings = fit_standings(training) if with_standings else None
        events = fit_events(training) if with_events else None
        for passage in passages:
            if folds.get(passage.id) == fold:
                predictions[passage.id] = predict(passage, model, athlete_model, standings, events)
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
