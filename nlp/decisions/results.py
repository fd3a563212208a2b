"""The result model at work: candidates from the text and the rules, their features, the model's probabilities,
and the consistent results decoded from them."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from models.records import Result
from nlp.decisions.cues import WIN_CLASSES, cue_tagger
from nlp.decisions.decode import Scored, decode
from nlp.decisions.event_features import (
    EventLayout,
    EventOption,
    ResultPlace,
    event_choice_base_features,
    event_choice_features,
    option_kind,
    result_position,
    standings_features,
)
from nlp.decisions.linear_model import LinearModel
from nlp.decisions.result_candidates import (
    Candidate,
    athlete_mentions,
    generate,
    sentence_numbers,
    value_mentions,
)
from nlp.decisions.result_features import DocContext, base_features
from nlp.extraction.attribution import Attribution
from nlp.extraction.results import event_mentions, event_near, main_event, rejected_mentions
from nlp.pipeline.lexicon import Lexicon
from nlp.pipeline.sports_patterns import TIME

STANDINGS_EVENT = "general classification"  # the event the rules give a race's overall leader
TALLY_REASON = "name_list"  # `rejected_mentions`' reason for a medal that opens a list of names
ChoiceFeatures = Callable[[EventOption, ResultPlace, EventLayout, DocContext], set[str]]
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


def standings_model() -> LinearModel | None:
    """The shipped standings model beside the result model (none when the result model is switched off)."""
    return _beside_result_model("standings.json")


def event_model() -> LinearModel | None:
    """The shipped event model beside the result model (none when the result model is switched off)."""
    return _beside_result_model("events.json")


def _beside_result_model(name: str) -> LinearModel | None:
    folder = model_folder()
    path = folder / name if folder else None
    return _load(str(path)) if path and path.is_file() else None


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
    rejected = rejected_mentions(doc, attribution, lexicon)  # a feature, not a veto: a veto cost recall on the corpus,
    # except a medal opening a list of names ("goud (Kramer, Nuis)"): a tally, which the medal tallies report
    values = [
        v
        for v in value_mentions(doc, sentence_of, cues, WIN_CLASSES, athletes, lexicon)
        if rejected.get(v.start) != TALLY_REASON
    ]
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
    standings: LinearModel | None = None,
    event_chooser: LinearModel | None = None,
) -> list[Result]:
    """The results the model keeps among the candidates, decoded into a consistent reading; with an event model,
    each result takes the named event the model prefers (an athlete's facts of one sentence share one:
    `shared_events`); with a standings model, each kept result is placed in a standings or a race."""
    events = CandidateEvents(doc, attribution, lexicon, context, event_chooser)
    kept = []
    for candidate in candidates:
        probability = model.probability_conjoined(base_features(candidate, context), candidate.field)
        if probability >= model.threshold:
            event, nearest, position = events.of(candidate)
            kept.append(Kept(candidate, probability, event, nearest, position, context.sentence_of[position]))
    shared = shared_events(kept)
    in_standings = standings_decisions(kept, shared, context, standings) if standings is not None else []
    scored = []
    for index, item in enumerate(kept):
        candidate, event = item.candidate, shared.get((item.candidate.athlete, item.sentence), item.event)
        if standings is not None:
            event = events.placed(event, in_standings[index])
        evidence = candidate.rule.evidence if candidate.rule else attribution.sentence_text(item.position)
        scored.append(Scored(candidate, item.probability, event, evidence, item.position))
    return decode(scored, model.threshold, context.tie_sentences)


@dataclass(slots=True)
class Kept:
    """A candidate the result model keeps, with the event chosen for it and where the text states it."""

    candidate: Candidate
    probability: float
    event: str | None
    nearest: str | None  # the rules' event (`CandidateEvents.nearest`)
    position: int
    sentence: int


def shared_events(kept: list[Kept]) -> dict[tuple[str, int], str | None]:
    """One event for an athlete's facts of one sentence ("She was fifth in 1:55.02": the place and the time of one
    race), the event chosen for the most probable of them; only where each field appears once (two places of the
    athlete in one sentence are two events: "won the 500 m and was second in the 1000 m")."""
    best: dict[tuple[str, int], Kept] = {}
    fields: dict[tuple[str, int], list[str]] = {}
    for item in kept:
        key = (item.candidate.athlete, item.sentence)
        fields.setdefault(key, []).append(item.candidate.field)
        if key not in best or item.probability > best[key].probability:
            best[key] = item
    return {key: item.event for key, item in best.items() if len(set(fields[key])) == len(fields[key])}


def standings_decisions(
    kept: list[Kept], shared: dict[tuple[str, int], str | None], context: DocContext, standings: LinearModel
) -> list[bool]:
    """Whether each kept result is in a standings; an athlete's facts of one sentence that share an event
    (`shared_events`) share the decision too, from their mean probability ("ninth overall, 4:02 down": both in
    the standings, or neither)."""
    probabilities = [standings.probability(standings_features(k.candidate, context, k.nearest)) for k in kept]
    groups: dict[tuple[str, int], list[float]] = {}
    for item, probability in zip(kept, probabilities, strict=True):
        key = (item.candidate.athlete, item.sentence)
        if key in shared:
            groups.setdefault(key, []).append(probability)
    decisions = []
    for item, probability in zip(kept, probabilities, strict=True):
        group = groups.get((item.candidate.athlete, item.sentence), [probability])
        decisions.append(sum(group) / len(group) >= 0.5)
    return decisions


class CandidateEvents:
    """The event of a candidate: with an event model, the named event it prefers; else the rules' event when they
    state the fact, else the event named nearest its value."""

    def __init__(
        self,
        doc: Doc,
        attribution: Attribution,
        lexicon: Lexicon,
        context: DocContext,
        chooser: LinearModel | None = None,
    ) -> None:
        self.doc, self.attribution, self.context, self.chooser = doc, attribution, context, chooser
        self.mentions = event_mentions(attribution.sports)
        self.default = main_event(self.mentions, attribution, lexicon)
        options = [EventOption(m.start, m.end, m._.value) for m in self.mentions if m._.value]
        self.layout = EventLayout.of(options, self.default, context)

    def nearest(self, candidate: Candidate) -> tuple[str | None, int]:
        """The rules' event: the one they state, else the event named nearest the candidate's value."""
        position = result_position(candidate, self.context)
        if candidate.rule is not None:
            return candidate.rule.event, position
        return event_near(self.mentions, self.doc[position : position + 1], self.attribution, self.default), position

    def of(self, candidate: Candidate) -> tuple[str | None, str | None, int]:
        """The candidate's event, the rules' event (`nearest`) and the token where the text states it."""
        nearest, position = self.nearest(candidate)
        if self.chooser is None or not self.layout.options:
            return nearest, nearest, position
        if len(self.layout.value_counts) == 1:  # one event named, however often: nothing to choose
            return self.layout.options[0].value, nearest, position
        chooser = self.chooser
        options = self.choices(candidate, position, event_choice_base_features)
        best = max(
            options,
            key=lambda pair: (
                chooser.probability_conjoined(pair[1], option_kind(pair[0].value)),
                -abs(pair[0].start - position),
            ),
        )
        return best[0].value, nearest, position

    def choices(
        self, candidate: Candidate, position: int, describe: ChoiceFeatures = event_choice_features
    ) -> list[tuple[EventOption, set[str]]]:
        """Each event named in the text, where it is named nearest the result, with the event model's features for
        this candidate (`describe`: all of them, as the model is trained, or the base ones, as it scores them)."""
        result = ResultPlace(
            position,
            candidate.field,
            candidate.rule.event if candidate.rule else None,
            self.layout.around(position, self.context),
            float(candidate.value) if candidate.field == "time" else self._time_near(position),
        )
        options = self.layout.nearest_each(position, self.context)
        return [(option, describe(option, result, self.layout, self.context)) for option in options]

    def _time_near(self, position: int) -> float | None:
        """The time printed in the result's sentence nearest to it: the event choice tests it against each
        distance for a place or a gap too ("13th in 1'47''60" was no 50 m race)."""
        sentence = self.context.sentence_of[position]
        times = [
            v
            for v in self.context.values
            if v.kind == TIME and v.sentence == sentence and isinstance(v.value, (int, float)) and v.value > 0
        ]
        return float(min(times, key=lambda v: abs(v.start - position)).value) if times else None

    def placed(self, event: str | None, in_standings: bool) -> str | None:
        """The event as the standings model places the result: a race's event becomes the general classification,
        a classification's result in a race takes the article's race (none when that is a classification too)."""
        if in_standings:
            return event if event == STANDINGS_EVENT else STANDINGS_EVENT
        if event == STANDINGS_EVENT:
            return self.default if self.default != STANDINGS_EVENT else None
        return event
