"""The result model at work: candidates from the text and the rules, their features, the model's probabilities,
and the consistent results decoded from them."""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from models.records import Result
from nlp.decisions.cues import WIN_CLASSES, cue_tagger
from nlp.decisions.decode import Scored, decode
from nlp.decisions.linear_model import LinearModel
from nlp.decisions.result_candidates import (
    Candidate,
    athlete_mentions,
    generate,
    sentence_numbers,
    value_mentions,
)
from nlp.decisions.result_features import DocContext, best_pair, features
from nlp.extraction.attribution import Attribution
from nlp.extraction.results import event_mentions, event_near, main_event, rejected_mentions
from nlp.pipeline.lexicon import Lexicon

MODEL_SETTING = "PALMARES_RESULT_MODEL"  # a model file, or "none" for the extraction rules alone


def shipped_model_path() -> Path:
    return Path(str(resources.files("nlp.resources"))) / "results_model" / "model.json"


@cache
def _load(path: str) -> LinearModel:
    return LinearModel.load(Path(path))


def model_setting() -> str:
    return os.environ.get(MODEL_SETTING, "").strip()


def model_folder() -> Path | None:
    """The folder of the result model in use (its athlete model lies beside it); None with the setting "none"."""
    setting = model_setting()
    if setting.lower() == "none":
        return None
    return Path(setting).parent if setting else shipped_model_path().parent


def result_model() -> LinearModel | None:
    """The model named by PALMARES_RESULT_MODEL, else the shipped one; None when there is none (rules alone)."""
    setting = model_setting()
    if setting.lower() == "none":
        return None
    path = Path(setting) if setting else shipped_model_path()
    return _load(str(path)) if setting or path.is_file() else None


def candidates_of(
    doc: Doc, lexicon: Lexicon, attribution: Attribution, rules: list[Result]
) -> tuple[list[Candidate], DocContext]:
    cues = cue_tagger(lexicon.language, doc.lang_, doc.vocab)(doc)
    sentence_of = sentence_numbers(doc)
    athletes = athlete_mentions(doc, sentence_of)
    values = value_mentions(doc, sentence_of, cues, WIN_CLASSES, athletes)
    rejected = rejected_mentions(doc, attribution, lexicon)  # a feature, not a veto: it costs recall on the corpus
    context = DocContext.of(doc, cues, sentence_of, athletes, values, attribution.clause_breaks, rejected, rules)
    return generate(doc, athletes, values, rules), context


def decide_results(
    doc: Doc, lexicon: Lexicon, attribution: Attribution, rules: list[Result], model: LinearModel
) -> list[Result]:
    candidates, context = candidates_of(doc, lexicon, attribution, rules)
    return decide(doc, lexicon, attribution, candidates, context, model)


def decide(
    doc: Doc,
    lexicon: Lexicon,
    attribution: Attribution,
    candidates: list[Candidate],
    context: DocContext,
    model: LinearModel,
) -> list[Result]:
    """The results the model keeps among the candidates, decoded into a consistent reading."""
    events = event_mentions(attribution.sports)
    default_event = main_event(events, attribution, lexicon)
    scored = []
    for candidate in candidates:
        probability = model.probability(features(candidate, context))
        if probability < model.threshold:
            continue
        event, position = _event_and_position(doc, candidate, context, events, attribution, default_event)
        evidence = candidate.rule.evidence if candidate.rule else attribution.sentence_text(position)
        scored.append(Scored(candidate, probability, event, evidence, position))
    return decode(scored, model.threshold)


def _event_and_position(
    doc: Doc, candidate: Candidate, context: DocContext, events, attribution: Attribution, default_event: str | None
) -> tuple[str | None, int]:
    """The event of a candidate: the rules' when they state it, else the event named nearest its value."""
    pair = best_pair(candidate, context)
    named = [s.athlete.start for s in candidate.supports if s.athlete]
    named = named or [a.start for a in context.athletes if a.name == candidate.athlete]
    position = pair[1].start if pair else min(named, default=0)
    if candidate.rule is not None:
        return candidate.rule.event, position
    return event_near(events, doc[position : position + 1], attribution, default_event), position
