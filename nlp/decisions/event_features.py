"""Features of a result's setting, in one place: is it a place in standings (a general classification, a World Cup
ranking, the leader's jersey) or in a race? Read from the sentence that states the result and the event the
extraction names for it; no word of any language in code."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from nlp.decisions.result_candidates import Candidate
from nlp.decisions.result_features import DocContext, best_pair, bucket

WINDOW = 4


def result_position(candidate: Candidate, context: DocContext) -> int:
    pair = best_pair(candidate, context)
    if pair is not None:
        return pair[1].start
    named = [s.athlete.start for s in candidate.supports if s.athlete]
    named = named or [a.start for a in context.athletes if a.name == candidate.athlete]
    return min(named, default=0)


def standings_features(candidate: Candidate, context: DocContext, event: str | None) -> set[str]:
    position = result_position(candidate, context)
    sentence = context.sentence_of[position] if context.sentence_of else 0
    start = context.sentence_starts[sentence] if context.sentence_starts else 0
    end = context.sentence_starts[sentence + 1] if sentence + 1 < len(context.sentence_starts) else len(context.lowers)
    f = {f"field={candidate.field}", f"value={min(int(candidate.value), 4) if candidate.field == 'rank' else 'x'}"}
    for i in range(start, end):
        f.add(f"s:{context.lowers[i]}")
        for cue in context.cues[i]:
            f.add(f"s_cue={cue}")
    for i in range(max(start, position - WINDOW), min(end, position + WINDOW + 1)):
        f.add(f"near:{context.lowers[i]}")
    for word in (event or "").lower().split():
        f.add(f"event:{word}")
    if not event:
        f.add("no_event")
    return f


@dataclass(frozen=True, slots=True)
class EventOption:
    """An event named in the text (a distance, a discipline, a stage, a standings): one choice for a result."""

    start: int
    end: int
    value: str


@dataclass(slots=True)
class EventLayout:
    """Where a Doc's event options stand: computed once per Doc, read by `event_choice_features`."""

    options: list[EventOption]
    line_of: list[int]  # line number of each token
    line_lengths: dict[int, int]  # words per line
    value_counts: dict[str, int]  # how often each event value is named
    main: str | None  # the article's main event (the rules' choice)

    @classmethod
    def of(cls, doc: Doc, options: list[EventOption], main: str | None) -> EventLayout:
        line_of, line = [], 0
        lengths: dict[int, int] = {}
        for token in doc:
            line_of.append(line)
            if not token.is_space and not token.is_punct:
                lengths[line] = lengths.get(line, 0) + 1
            line += token.text_with_ws.count("\n")
        counts: dict[str, int] = {}
        for option in options:
            counts[option.value] = counts.get(option.value, 0) + 1
        return cls(options, line_of, lengths, counts, main)


def _option_kind(value: str) -> str:
    words = value.split()
    if len(words) == 2 and words[1] in ("m", "km"):
        number = float(words[0]) if words[0].replace(".", "", 1).isdigit() else 0.0
        if words[1] == "km":
            return "km_long" if number >= 40 else "km"
        return "m"
    if len(words) == 2 and words[1].isdigit():
        return "numbered"  # "stage 4"
    return "named"


def event_choice_features(
    position: int,
    option: EventOption,
    layout: EventLayout,
    context: DocContext,
    field_name: str,
    rule_event: str | None,
) -> set[str]:
    """What the event model reads of one (result, named event) pair: where the event stands from the result (before
    or after, words, sentences, lines, other events between, a heading line of its own), what kind of event it is
    and whether the rules chose it."""
    before = option.end <= position
    distance = position - option.end if before else option.start - position
    sentences = abs(context.sentence_of[position] - context.sentence_of[option.start])
    lines = abs(layout.line_of[position] - layout.line_of[option.start])
    kind = _option_kind(option.value)
    f = {
        f"kind={kind}",
        f"dir={'before' if before else 'after'}",
        f"words={bucket(max(distance, 0), (2, 5, 10, 20, 40, 80, 160))}",
        f"sentences={min(sentences, 4)}",
        f"lines={min(lines, 4)}",
        f"field={field_name}",
        f"named={min(layout.value_counts[option.value], 4)}",
    }
    lo, hi = (option.end, position) if before else (position, option.start)
    others = {o.value for o in layout.options if lo <= o.start < hi and o.value != option.value}
    f.add(f"others_between={min(len(others), 3)}")
    same_before = [o for o in layout.options if o.end <= position]
    same_after = [o for o in layout.options if o.start >= position]
    if same_before and same_before[-1].value == option.value:
        f.add("nearest_before")
    if same_after and same_after[0].value == option.value:
        f.add("nearest_after")
    line_length = layout.line_lengths.get(layout.line_of[option.start], 0)
    f.add(f"line_words={bucket(line_length, (3, 6, 10, 20))}")
    if line_length <= 10 and before:
        headings = [o for o in same_before if layout.line_lengths.get(layout.line_of[o.start], 0) <= 10]
        if headings and headings[-1].value == option.value:
            f.add("last_heading_before")
    if context.sentence_of[option.start] == 0:
        f.add("in_first_sentence")
    if option.value == layout.main:
        f.add("main_event")
    if rule_event is None:
        f.add("rule_no_event")
    elif rule_event == option.value:
        f.add("rule_event")
    for offset in (1, 2):
        i = option.start - offset
        if i >= 0:
            f.add(f"o-{offset}={context.lowers[i]}")
            for cue in context.cues[i]:
                f.add(f"o_before_cue={cue}")
    return f | {f"{kind}&{x}" for x in list(f) if not x.startswith("kind=")}
