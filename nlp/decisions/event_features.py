"""Features of a result's setting, in one place: is it a place in standings (a general classification, a World Cup
ranking, the leader's jersey) or in a race? Read from the sentence that states the result and the event the
extraction names for it; no word of any language in code."""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from nlp.decisions.result_candidates import Candidate
from nlp.decisions.result_features import DocContext, best_pair, bucket, conjoined

WINDOW = 4
HEADING_LINE_WORDS = 10  # an event named on a line of at most this many words heads what follows
HEADING_SCAN = 50  # named events looked back through for the last heading
STANDINGS_CUES = frozenset({"standings_words", "leader_jerseys"})  # cue classes (lexicon keys) that name standings
STANDINGS_SCAN = 4  # sentences looked back through for the last one that names standings
MIN_SPEEDS = 2  # times over a named distance an article's speed is read from


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
    tokens = context.sentence_tokens(sentence)
    f = {f"field={candidate.field}", f"value={min(int(candidate.value), 4) if candidate.field == 'rank' else 'x'}"}
    if candidate.field in ("time", "gap"):  # minutes behind read as a standings more often than seconds
        f.add(f"seconds={candidate.field}:{bucket(int(float(candidate.value)), (0, 9, 59, 599, 3599))}")
    for i in tokens:
        f.add(f"s:{context.lowers[i]}")
        for cue in context.cues[i]:
            f.add(f"s_cue={cue}")
    for i in range(max(tokens.start, position - WINDOW), min(tokens.stop, position + WINDOW + 1)):
        f.add(f"near:{context.lowers[i]}")
    if sentence > 0:  # "In the overall standings ... . Behind him, A is second."
        for i in context.sentence_tokens(sentence - 1):
            for cue in context.cues[i]:
                f.add(f"previous_cue={cue}")
    back = _sentences_since_standings_cue(context, position)
    f.add(f"standings_cue_back={'none' if back is None else min(back, STANDINGS_SCAN)}")
    for word in (event or "").lower().split():
        f.add(f"event:{word}")
    for i in context.heading_before(position):
        f.add(f"heading:{context.lowers[i]}")
        for cue in context.cues[i]:
            f.add(f"heading_cue={cue}")
    if not event:
        f.add("no_event")
    return f


def _sentences_since_standings_cue(context: DocContext, position: int) -> int | None:
    """How many sentences back the text last named standings (0: the result's own sentence, up to its token)."""
    sentence = context.sentence_of[position]
    for i in range(position, -1, -1):
        back = sentence - context.sentence_of[i]
        if back > STANDINGS_SCAN:
            return None
        if context.cues[i] & STANDINGS_CUES:
            return back
    return None


@dataclass(frozen=True, slots=True)
class EventOption:
    """An event named in the text (a distance, a discipline, a stage, a standings): one choice for a result."""

    start: int
    end: int
    value: str


@dataclass(slots=True)
class EventLayout:
    """The event options of a Doc and how often each is named: computed once per Doc."""

    options: list[EventOption]  # in text order
    starts: list[int]
    value_counts: dict[str, int]  # how often each event value is named
    main: str | None  # the article's main event (the rules' choice)
    speed: float | None = None  # metres per second of the article's times over the distance named beside them

    @classmethod
    def of(cls, options: list[EventOption], main: str | None, context: DocContext | None = None) -> EventLayout:
        options = sorted(options, key=lambda o: o.start)
        counts: dict[str, int] = {}
        for option in options:
            counts[option.value] = counts.get(option.value, 0) + 1
        speed = article_speed(options, context) if context is not None else None
        return cls(options, [o.start for o in options], counts, main, speed)

    def around(self, position: int, context: DocContext) -> tuple[str | None, str | None, str | None]:
        """The events named nearest before and after the token, and the last one named on a heading-like line
        (a short line) before it."""
        k = bisect_left(self.starts, position)
        before = [o for o in self.options[max(0, k - 3) : k] if o.end <= position]
        after = self.options[k] if k < len(self.options) else None
        heading = next(
            (
                o.value
                for o in reversed(self.options[max(0, k - HEADING_SCAN) : k])
                if o.end <= position and _on_heading_line(o, context)
            ),
            None,
        )
        return (before[-1].value if before else None), (after.value if after else None), heading

    def nearest_each(self, position: int, context: DocContext) -> list[EventOption]:
        """Each event where the text names it last before the token, first after it and on the last heading line
        above it: a far mention of an event ("… silver in the 100 m" paragraphs on) must not outscore the near one
        of another by the words around it."""
        kept: dict[tuple[str, str], EventOption] = {}
        for option in self.options:
            if option.end <= position:
                kept[(option.value, "before")] = option
                if _on_heading_line(option, context):
                    kept[(option.value, "heading")] = option
            else:
                kept.setdefault((option.value, "after"), option)
        return sorted(set(kept.values()), key=lambda o: o.start)

    def values_between(self, lo: int, hi: int) -> set[str]:
        return {o.value for o in self.options[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]}


def article_speed(options: list[EventOption], context: DocContext) -> float | None:
    """The median speed of the times the article prints over the distance named nearest each in its sentence: one
    sport's results share an order of magnitude (swimmers about 2 m/s, skaters 13), so a time far off it over a
    distance belongs to another one ("1'47''60" is a 200 m swim, not a 50 m one, in an article of 23 s 50 m swims)."""
    speeds = []
    for value in context.values:
        if value.kind != "TIME" or not isinstance(value.value, (int, float)) or value.value <= 0:
            continue
        beside = [
            (abs(o.start - value.start), metres)
            for o in options
            if (metres := _metres(o.value)) and context.sentence_of[o.start] == value.sentence
        ]
        if beside:
            speeds.append(min(beside)[1] / float(value.value))
    if len(speeds) < MIN_SPEEDS:
        return None
    return sorted(speeds)[len(speeds) // 2]


def _on_heading_line(option: EventOption, context: DocContext) -> bool:
    return context.line_words.get(context.line_of[option.start], 0) <= HEADING_LINE_WORDS


def _metres(value: str) -> float | None:
    words = value.split()
    if len(words) != 2 or words[1] not in ("m", "km"):
        return None
    try:
        number = float(words[0])
    except ValueError:
        return None
    return number * 1000 if words[1] == "km" else number


def option_kind(value: str) -> str:
    metres = _metres(value)
    if metres is not None:
        return "m" if value.endswith(" m") else "km_long" if metres >= 40_000 else "km"
    words = value.split()
    if len(words) == 2 and words[1].isdigit():
        return "numbered"  # "stage 4"
    return "named"


@dataclass(frozen=True, slots=True)
class ResultPlace:
    """What the event choice reads of the result itself, the same for every event named."""

    position: int  # the token where the text states the result
    field_name: str
    rule_event: str | None  # the event the rules give it
    around: tuple[str | None, str | None, str | None]  # `EventLayout.around` the position
    seconds: float | None = None  # a time: its seconds; a place or a gap: the time printed nearest in its sentence


def event_choice_features(
    option: EventOption, result: ResultPlace, layout: EventLayout, context: DocContext
) -> set[str]:
    """What the event model is trained on: `event_choice_base_features` and their conjunctions with the event's
    kind, named "<kind>&<feature>" (a distance before the result means another thing than a stage before it)."""
    f = event_choice_base_features(option, result, layout, context)
    kind = option_kind(option.value)
    return f | {conjoined(kind, x) for x in f if not x.startswith("kind=")}


def event_choice_base_features(
    option: EventOption, result: ResultPlace, layout: EventLayout, context: DocContext
) -> set[str]:
    """What the event model reads of one (result, named event) pair: where the event stands from the result (before
    or after, words, sentences, lines, other events between, a heading line of its own), what kind of event it is
    and whether the rules chose it; a model scores them with `LinearModel.probability_conjoined(base, kind)` as it
    scores `event_choice_features`."""
    position, field_name, rule_event, seconds = result.position, result.field_name, result.rule_event, result.seconds
    before = option.end <= position
    distance = position - option.end if before else option.start - position
    sentences = abs(context.sentence_of[position] - context.sentence_of[option.start])
    lines = abs(context.line_of[position] - context.line_of[option.start])
    kind = option_kind(option.value)
    f = {
        f"kind={kind}",
        f"dir={'before' if before else 'after'}",
        f"words={bucket(max(distance, 0), (2, 5, 10, 20, 40, 80, 160))}",
        f"sentences={min(sentences, 4)}",
        f"lines={min(lines, 4)}",
        f"field={field_name}",
        f"named={min(layout.value_counts[option.value], 4)}",
    }
    metres = _metres(option.value)
    if seconds and metres:  # a time over a distance: 23 s fits a 50 m swim, not a 200 m one
        f.add(f"speed={bucket(int(metres / seconds * 2), (2, 3, 5, 10, 16, 22, 30))}")
        if layout.speed:
            off = abs(math.log2(metres / seconds / layout.speed))
            f.add(f"speed_off_article={next((str(e) for e in (0.5, 1, 2) if off <= e), 'far')}")
    lo, hi = (option.end, position) if before else (position, option.start)
    others = layout.values_between(lo, hi) - {option.value}
    f.add(f"others_between={min(len(others), 3)}")
    nearest_before, nearest_after, last_heading = result.around
    if nearest_before == option.value:
        f.add("nearest_before")
    if nearest_after == option.value:
        f.add("nearest_after")
    line_length = context.line_words.get(context.line_of[option.start], 0)
    f.add(f"line_words={bucket(line_length, (3, 6, 10, 20))}")
    if line_length <= HEADING_LINE_WORDS and before and last_heading == option.value:
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
    return f
