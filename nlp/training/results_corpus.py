"""The annotated passages of `shared/data/corpus` as training examples for the result model: each passage's
tagged Doc, its candidates with their features, and each candidate's label from the gold.

Gold matching is the scorer's own (`tools/score_extraction.py` beside the corpus): a name matches as the scorer
matches it, times within 0.011 s. Candidates that match a fact of scope "other" (history told in passing) are
left out of training: the scorer neither rewards nor penalises them.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.tokens import Doc

from models.records import Result
from nlp.decisions.athlete_features import entities, entity_features
from nlp.decisions.event_features import standings_features
from nlp.decisions.result_candidates import Candidate
from nlp.decisions.result_features import DocContext, features
from nlp.decisions.results import CandidateEvents, candidates_of
from nlp.engine import ArticleInput, Engine
from nlp.extraction.attribution import Attribution
from nlp.extraction.results import extract_results
from nlp.pipeline.lexicon import load_lexicon

POSITIVE, NEGATIVE, NEUTRAL = "positive", "negative", "neutral"


@dataclass(slots=True)
class Passage:
    id: str
    language: str
    source_url: str | None
    gold: dict[str, Any]
    doc: Doc
    candidates: list[Candidate]
    context: DocContext
    features: list[set[str]]
    labels: list[str]
    rules: list[Result]
    entity_names: list[str]  # the people the tagging found, with their features and whether the gold holds them
    entity_features: list[set[str]]
    entity_labels: list[str]
    standings: list[tuple[set[str], bool]]  # candidates the gold holds: standings features, in a standings or not
    event_choices: list[list[tuple[set[str], bool]]]  # per candidate the gold holds, each event named: features, agree


@cache
def scorer(corpus_dir: Path) -> ModuleType:
    """`tools/score_extraction.py` of the shared folder that holds the corpus (data/corpus/<split>)."""
    path = corpus_dir.resolve().parents[2] / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise FileNotFoundError(f"the scorer is not at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_passages(corpus_dirs: list[Path]) -> list[dict[str, Any]]:
    """Result passages (those with gold athletes), in file-name order."""
    passages = []
    for folder in corpus_dirs:
        for path in sorted(Path(folder).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if "athletes" in data.get("gold", {}):
                data["_dir"] = Path(folder)
                passages.append(data)
    return passages


def gold_facts(data: dict[str, Any], score: ModuleType) -> tuple[list[list[str]], list[tuple]]:
    """The gold athletes' names and their facts (athlete index, field, value, scope)."""
    names = [[a["name"], *a.get("aliases", [])] for a in data["gold"]["athletes"]]
    facts = []
    for result in data["gold"].get("results", []):
        index = next((i for i, n in enumerate(names) if score.names_match(result["athlete"], n)), None)
        for field_name in ("rank", "time", "gap", "medal"):
            value = result.get(field_name)
            if value in (None, ""):
                continue
            if field_name == "rank":
                value = int(value)
            elif field_name in ("time", "gap"):
                value = score.seconds(value)
            else:
                value = score.norm(value)
            facts.append((index, field_name, value, result.get("scope", "main"), result.get("event")))
    return names, facts


def label(candidate: Candidate, names: list[list[str]], facts: list[tuple], score: ModuleType) -> str:
    index = next((i for i, n in enumerate(names) if score.names_match(candidate.athlete, n)), None)
    if index is None:
        return NEGATIVE
    found = NEGATIVE
    for fact_index, field_name, value, scope, _ in facts:
        if fact_index != index or field_name != candidate.field or value is None:
            continue
        same = abs(value - candidate.value) <= 0.011 if field_name in ("time", "gap") else value == candidate.value
        if same:
            if scope == "main":
                return POSITIVE
            found = NEUTRAL
    return found


def gold_events(candidate: Candidate, names: list[list[str]], facts: list[tuple], score: ModuleType) -> list[str]:
    """The events of the gold facts (scope main) that the candidate states."""
    index = next((i for i, n in enumerate(names) if score.names_match(candidate.athlete, n)), None)
    events = []
    for fact_index, field_name, value, scope, event in facts:
        if index is None or fact_index != index or field_name != candidate.field or value is None or scope != "main":
            continue
        same = abs(value - candidate.value) <= 0.011 if field_name in ("time", "gap") else value == candidate.value
        if same:
            events.append(event or "")
    return events


def standings_rows(
    candidates: list[Candidate], context: DocContext, events: CandidateEvents, gold: list[list[str]], score: ModuleType
) -> list[tuple[set[str], bool]]:
    """The standings model's examples: each candidate the gold holds, and whether its gold event is a standings."""
    return [
        (standings_features(c, context, events.nearest(c)[0]), any(score.event_signature(e)[1] for e in gold_of))
        for c, gold_of in zip(candidates, gold, strict=True)
        if gold_of
    ]


def event_choice_rows(
    candidates: list[Candidate], events: CandidateEvents, gold: list[list[str]], score: ModuleType
) -> list[list[tuple[set[str], bool]]]:
    """The event model's examples: for each candidate the gold holds, each event the text names and whether it
    agrees with the gold event (the scorer's `events_agree`); only candidates where the choice matters (some
    named events agree and some do not)."""
    groups = []
    for candidate, gold_of in zip(candidates, gold, strict=True):
        if not gold_of:
            continue
        choices = events.choices(candidate, events.nearest(candidate)[1])
        labelled = [(f, any(score.events_agree(o.value, g) for g in gold_of)) for o, f in choices]
        if len({agree for _, agree in labelled}) == 2:
            groups.append(labelled)
    return groups


def tag_passages(corpus_dirs: list[Path], engine: Engine | None = None) -> list[Passage]:
    """Run the pipeline over every result passage and describe its candidates."""
    engine = engine or Engine()
    passages = []
    for data in read_passages(corpus_dirs):
        score = scorer(data["_dir"])
        language, doc = engine.tag(ArticleInput(data["text"], data["id"], data.get("published")))
        lexicon = load_lexicon(language)
        attribution = Attribution(doc, lexicon)
        rules = extract_results(doc, attribution, lexicon)
        candidates, context = candidates_of(doc, lexicon, attribution, rules)
        names, facts = gold_facts(data, score)
        people = entities(context.athletes)
        events = CandidateEvents(doc, attribution, lexicon, context)
        gold = [gold_events(c, names, facts, score) for c in candidates]
        passages.append(
            Passage(
                id=data["id"],
                language=language,
                source_url=data.get("source_url"),
                gold=data["gold"],
                doc=doc,
                candidates=candidates,
                context=context,
                features=[features(c, context) for c in candidates],
                labels=[label(c, names, facts, score) for c in candidates],
                rules=rules,
                entity_names=[e.name for e in people],
                entity_features=[entity_features(e, doc, language, context) for e in people],
                standings=standings_rows(candidates, context, events, gold, score),
                event_choices=event_choice_rows(candidates, events, gold, score),
                entity_labels=[
                    POSITIVE if any(score.names_match(e.name, n) for n in names) else NEGATIVE for e in people
                ],
            )
        )
    return passages
