"""The athlete model at work: which of the people the tagging found are athletes of the article."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from models.records import Result
from nlp.decisions.athlete_features import entities, entity_features
from nlp.decisions.linear_model import LinearModel
from nlp.decisions.result_features import DocContext
from nlp.decisions.results import model_folder


@cache
def _load(path: str) -> LinearModel:
    return LinearModel.load(Path(path))


def athlete_model() -> LinearModel | None:
    """The shipped athlete model beside the result model (none when the result model is switched off)."""
    folder = model_folder()
    path = folder / "athletes.json" if folder else None
    return _load(str(path)) if path and path.is_file() else None


# A person the result model is sure has a result (a kept result of at least this confidence) is an athlete from a
# lower probability: both models' evidence counts. Chosen on the held-out folds (docs/results-model.md).
SURE_RESULT = 0.6
ATHLETE_WITH_SURE_RESULT = 0.4


def decide_athletes(
    doc: Doc,
    language: str,
    context: DocContext,
    model: LinearModel,
    medallists: set[str] | frozenset[str] = frozenset(),
    results: list[Result] | None = None,
) -> set[str]:
    """The names (canonical, as the persons spans give them) the model keeps as athletes; the people a medal tally
    lists ("gold (Kramer, Nuis, Test)") stay whatever the model says; the people `results` give a sure result need
    less (`ATHLETE_WITH_SURE_RESULT`)."""
    sure = {r.athlete for r in results or [] if (r.confidence or 0.0) >= SURE_RESULT}
    return {
        entity.name
        for entity in entities(context.athletes)
        if entity.name in medallists
        or model.probability(entity_features(entity, doc, language, context))
        >= (min(model.threshold, ATHLETE_WITH_SURE_RESULT) if entity.name in sure else model.threshold)
    }
