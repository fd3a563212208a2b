"""The athlete model at work: which of the people the tagging found are athletes of the article."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Doc

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


def decide_athletes(
    doc: Doc,
    language: str,
    context: DocContext,
    model: LinearModel,
    medallists: set[str] | frozenset[str] = frozenset(),
) -> set[str]:
    """The names (canonical, as the persons spans give them) the model keeps as athletes; the people a medal tally
    lists ("gold (Kramer, Nuis, Test)") stay whatever the model says."""
    return {
        entity.name
        for entity in entities(context.athletes)
        if entity.name in medallists
        or model.probability(entity_features(entity, doc, language, context)) >= model.threshold
    }
