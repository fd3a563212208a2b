"""Candidate result facts of a tagged Doc: (athlete, field, value) and what in the text supports each.

The generators are deliberately generous; the result model decides which candidates the article states.
Supports of a candidate:
- "mention": a value mention (rank, time, gap, lead or medal of `doc.spans["sports"]`, a word that states a win
  (a verb that wins only with what is won, "took", "pakt", only before a win object: "took the stage"; a phrase
  that tells who won, "went to", not after a place or medal: "Second place went to X"),
  or a bare number right before a name: "7 | Jan Test", "2 Kees Proef (NED)") with an athlete named in its
  sentence or in one of the two sentences before;
- "order": the athlete's place among the athletes of its sentence ("X won ahead of A and B"), counted from 1 or
  from the explicit rank of the sentence's first athlete;
- "behind": the same place counted from 2, for a sentence whose winner is not among its names ("Le Norvégien a
  devancé A et B", "X won. Behind him came A and B");
- "run": a run of athletes and the run of values of one kind right after or before it, paired in order, where the
  sentence names more ("A and B were seventh and eighth, C tenth"; a longer run's last athletes own the values
  after it: "Behind X were A and B, who finished 21st and 26th");
- "line": the athlete's place in a run of list lines that name one athlete each;
- "parallel": a run of athletes and a run of as many values of one kind in one sentence, paired in order
  ("A and B finished 21st and 26th", "19th and 21st respectively A and B");
- "entity": any athlete of the article may be its winner (rank 1);
- "rule": the extraction rules state the fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from spacy.tokens import Doc, Span

from models.records import Result
from nlp.pipeline.lexicon import Lexicon
from nlp.pipeline.sports_patterns import GAP, LEAD, MEDAL, RANK, SAME_TIME, TIME

MEDAL_PLACES = {"gold": 1, "silver": 2, "bronze": 3}
WIN = "WIN"  # a word that states a win ("won", "victory"): rank 1
NUMBER = "NUMBER"  # a bare number right before a name, as list items and tables write ranks
RESULT_FIELDS = ("rank", "time", "gap", "medal")
SENTENCES_BACK = 2  # an athlete named up to this many sentences before a value may own it ("Hij werd tweede")
MAX_ORDER = 8  # places counted among a sentence's athletes or a run of list lines
WIN_OBJECT_REACH = 4  # words after a verb that wins only with what is won ("took the stage") to find the object
LIST_MARKS = frozenset({".", ")", "|", "-", "–", "—", ":", "•", "*"})


@dataclass(frozen=True, slots=True)
class ValueMention:
    start: int  # token offsets
    end: int
    kind: str  # RANK, TIME, GAP, LEAD, MEDAL, WIN or NUMBER
    value: int | float | str
    sentence: int


@dataclass(frozen=True, slots=True)
class AthleteMention:
    start: int
    end: int
    name: str  # canonical name (kb_id of the persons span)
    label: str  # ATHLETE or PERSON
    sentence: int


@dataclass(frozen=True, slots=True)
class Support:
    source: str  # mention | order | behind | line | parallel | run | entity | rule
    athlete: AthleteMention | None = None
    value: ValueMention | None = None
    place: int = 0  # for order and line: the athlete's place among the athletes counted
    base: int = 1  # for order: the rank the count starts from


@dataclass(slots=True)
class Candidate:
    athlete: str
    field: str  # rank | time | gap | medal
    value: int | float | str
    supports: list[Support] = dataclass_field(default_factory=list)
    rule: Result | None = None  # the rules' result that states this fact

    @property
    def key(self) -> tuple[str, str, int | float | str]:
        return self.athlete, self.field, self.value

    def of(self, source: str) -> list[Support]:
        return [s for s in self.supports if s.source == source]


def value_fields(mention: ValueMention) -> list[tuple[str, int | float | str]]:
    """The facts a value mention may state: a number of seconds is a time or a gap; a medal is also a place."""
    if mention.kind in (RANK, NUMBER):
        return [("rank", int(mention.value))]
    if mention.kind in (TIME, GAP, LEAD):
        if mention.value == SAME_TIME:
            return [("gap", 0.0)]
        if not isinstance(mention.value, (int, float)):
            return []
        seconds = round(float(mention.value), 2)
        return [("time", seconds), ("gap", seconds)]
    if mention.kind == MEDAL:
        return (
            [("medal", mention.value), ("rank", MEDAL_PLACES[mention.value])] if mention.value in MEDAL_PLACES else []
        )
    if mention.kind == WIN:
        return [("rank", 1)]
    return []


def sentence_numbers(doc: Doc) -> list[int]:
    numbers, current = [], -1
    for i, flag in enumerate(doc.to_array("SENT_START").tolist()):
        if i == 0 or flag == 1:
            current += 1
        numbers.append(current)
    return numbers


def athlete_mentions(doc: Doc, sentence_of: list[int]) -> list[AthleteMention]:
    return [
        AthleteMention(s.start, s.end, s.kb_id_, s.label_, sentence_of[s.start])
        for s in doc.spans.get("persons", [])
        if s.kb_id_
    ]


def value_mentions(
    doc: Doc,
    sentence_of: list[int],
    cues: list[frozenset[str]],
    win_classes: frozenset[str],
    athletes: list[AthleteMention],
    lexicon: Lexicon | None = None,
) -> list[ValueMention]:
    sports: list[Span] = list(doc.spans.get("sports", []))
    found = [
        ValueMention(s.start, s.end, s.label_, s._.value, sentence_of[s.start])
        for s in sports
        if s.label_ in (RANK, TIME, GAP, LEAD, MEDAL) and s._.value is not None
    ]
    covered = {i for s in sports for i in range(s.start, s.end)}
    i = 0
    while i < len(cues):
        if cues[i] & win_classes and i not in covered and not _medal_or_place_taken(cues, i):
            end = i + 1
            while end < len(cues) and cues[end] & win_classes and end not in covered:
                end += 1
            if not _place_or_medal_went(cues, i, sports):
                found.append(ValueMention(i, end, WIN, 1, sentence_of[i]))
            i = end
        else:
            i += 1
    found += _numbers_before_names(doc, sentence_of, athletes, covered, lexicon)
    return sorted(found, key=lambda m: m.start)


def _place_or_medal_went(cues: list[frozenset[str]], i: int, sports: list[Span]) -> bool:
    """ "Second place went to X", "Het brons ging naar X", "La plata fue para X": a phrase that tells who won
    ("went to", "ging naar") right after a place or a medal gives that place or medal, not a win; the place or
    medal mention proposes the fact."""
    return "win_by" in cues[i] and any(s.label_ in (RANK, MEDAL) and 0 <= i - s.end <= 1 for s in sports)


def _medal_or_place_taken(cues: list[frozenset[str]], i: int) -> bool:
    """A verb that wins only with what is won ("pakt", "took", "décroche") and no win object after it: "Bakker pakt
    zilver", "took third" state a medal or a place, not a win; "took the stage" does."""
    if "ambiguous_win_verbs" not in cues[i]:
        return False
    return not any("win_objects" in cues[k] for k in range(i + 1, min(len(cues), i + 1 + WIN_OBJECT_REACH)))


def _numbers_before_names(
    doc: Doc,
    sentence_of: list[int],
    athletes: list[AthleteMention],
    covered: set[int],
    lexicon: Lexicon | None = None,
) -> list[ValueMention]:
    """ "9 Simon Test (SUI)", "| 7 | Jan Test |", "2. Kees Proef", "3º Juan Test": a whole number of at most three
    digits, or a numeric ordinal of the language, right before a name, past one list mark."""
    found = []
    for athlete in athletes:
        i = athlete.start - 1
        if i >= 0 and doc[i].text in LIST_MARKS:
            i -= 1
        if i < 0 or i in covered:
            continue
        text = doc[i].text
        if text.isdigit() and len(text) <= 3 and 0 < int(text) <= 300:
            found.append(ValueMention(i, i + 1, NUMBER, int(text), sentence_of[i]))
        elif lexicon is not None and text[:1].isdigit() and (value := lexicon.ordinal_value(text)):
            found.append(ValueMention(i, i + 1, NUMBER, value, sentence_of[i]))
    return found


class _Candidates:
    def __init__(self) -> None:
        self.by_key: dict[tuple, Candidate] = {}

    def add(self, athlete: str, field_name: str, value, support: Support) -> None:
        key = (athlete, field_name, value)
        candidate = self.by_key.get(key)
        if candidate is None:
            candidate = self.by_key[key] = Candidate(*key)
        candidate.supports.append(support)


def generate(
    doc: Doc, athletes: list[AthleteMention], values: list[ValueMention], rules: list[Result]
) -> list[Candidate]:
    """Every (athlete, field, value) that the text or the rules propose."""
    by_sentence: dict[int, list[AthleteMention]] = {}
    for athlete in athletes:
        by_sentence.setdefault(athlete.sentence, []).append(athlete)
    found = _Candidates()
    for value in values:
        for back in range(SENTENCES_BACK + 1):
            for athlete in by_sentence.get(value.sentence - back, []):
                for field_name, field_value in value_fields(value):
                    found.add(athlete.name, field_name, field_value, Support("mention", athlete, value))
    explicit_rank = {(v.sentence, v.start): v for v in values if v.kind in (RANK, NUMBER)}
    for sentence, named in by_sentence.items():
        _order(found, _distinct(named), explicit_rank, sentence)
    _parallel(found, by_sentence, values)
    _runs(found, by_sentence, values)
    for run in _list_runs(doc, by_sentence):
        for place, athlete in enumerate(run[:MAX_ORDER], start=1):
            found.add(athlete.name, "rank", place, Support("line", athlete, place=place))
    for athlete in _distinct(athletes):
        found.add(athlete.name, "rank", 1, Support("entity", athlete))
    candidates = found.by_key
    for result in rules:
        for field_name in RESULT_FIELDS:
            field_value = getattr(result, field_name)
            if field_value is None:
                continue
            if field_name in ("time", "gap"):
                field_value = round(float(field_value), 2)
            found.add(result.athlete, field_name, field_value, Support("rule"))
            candidates[(result.athlete, field_name, field_value)].rule = result
    return list(candidates.values())


def _parallel(found: _Candidates, by_sentence: dict[int, list[AthleteMention]], values: list[ValueMention]) -> None:
    """Pairs the i-th athlete with the i-th value where a sentence names its athletes all before or all after as
    many values of one kind (two or more)."""
    by_kind: dict[tuple[int, str], list[ValueMention]] = {}
    for value in values:
        if value.kind in (RANK, TIME, GAP, MEDAL):
            by_kind.setdefault((value.sentence, value.kind), []).append(value)
    for (sentence, _), same_kind in by_kind.items():
        named = _distinct(by_sentence.get(sentence, []))
        if len(named) < 2 or len(named) != len(same_kind):
            continue
        names_first = named[-1].end <= same_kind[0].start
        values_first = same_kind[-1].end <= named[0].start
        if not (names_first or values_first):
            continue
        for place, (athlete, value) in enumerate(zip(named, same_kind, strict=True), start=1):
            for field_name, field_value in value_fields(value):
                found.add(athlete.name, field_name, field_value, Support("parallel", athlete, value, place=place))


RUN_GAP = 8  # tokens at most between two athletes of a run, or between a run of athletes and its run of values
VALUE_RUN_GAP = 3  # tokens at most between two values of a run ("21st and 26th", "9e, 11e et 13es")


def _runs(found: _Candidates, by_sentence: dict[int, list[AthleteMention]], values: list[ValueMention]) -> None:
    """Pairs a run of athletes with the run of as many values of one kind right after or before it, in order, where
    the sentence names more: "A and B were seventh and eighth, C tenth"; "Behind X were A and B, who finished 21st
    and 26th" (the run's last athletes)."""
    for sentence, named in by_sentence.items():
        in_sentence = [v for v in values if v.sentence == sentence and v.kind in (RANK, TIME, GAP, MEDAL)]
        athlete_runs = _chains(_distinct(named), RUN_GAP, in_sentence)
        value_runs = [
            run
            for kind in {v.kind for v in in_sentence}
            for run in _chains([v for v in in_sentence if v.kind == kind], VALUE_RUN_GAP, named)
        ]
        for athletes in athlete_runs:
            for run in value_runs:
                if len(run) < 2 or len(run) > len(athletes):
                    continue
                if 0 <= run[0].start - athletes[-1].end <= RUN_GAP:
                    paired = athletes[-len(run) :]  # the run's last athletes own the values after it
                elif 0 <= athletes[0].start - run[-1].end <= RUN_GAP and len(run) == len(athletes):
                    paired = athletes
                else:
                    continue
                for place, (athlete, value) in enumerate(zip(paired, run, strict=True), start=1):
                    for field_name, field_value in value_fields(value):
                        found.add(athlete.name, field_name, field_value, Support("run", athlete, value, place=place))


def _chains(mentions: list, gap: int, breakers: list) -> list[list]:
    """Maximal runs of mentions (in text order) at most `gap` tokens apart with none of `breakers` between."""
    runs: list[list] = []
    for mention in mentions:
        if runs:
            last = runs[-1][-1]
            broken = any(last.end <= b.start < mention.start for b in breakers)
            if mention.start - last.end <= gap and not broken:
                runs[-1].append(mention)
                continue
        runs.append([mention])
    return [run for run in runs if len(run) >= 2]


def _distinct(named: list[AthleteMention]) -> list[AthleteMention]:
    """The first mention of each athlete, in text order."""
    seen: dict[str, AthleteMention] = {}
    for athlete in named:
        seen.setdefault(athlete.name, athlete)
    return list(seen.values())


def _order(found: _Candidates, named: list[AthleteMention], explicit_rank: dict, sentence: int) -> None:
    if len(named) < 2:
        return
    first = named[0]
    base_rank = next(
        (v.value for (s, start), v in explicit_rank.items() if s == sentence and first.end <= start <= first.end + 6),
        None,
    )
    for place, athlete in enumerate(named[:MAX_ORDER], start=1):
        found.add(athlete.name, "rank", place, Support("order", athlete, place=place, base=1))
        found.add(athlete.name, "rank", place + 1, Support("behind", athlete, place=place, base=2))
        if base_rank and base_rank > 1:
            found.add(
                athlete.name, "rank", base_rank + place - 1, Support("order", athlete, place=place, base=int(base_rank))
            )


def _list_runs(doc: Doc, by_sentence: dict[int, list[AthleteMention]]) -> list[list[AthleteMention]]:
    """Runs of consecutive one-line sentences that each name one athlete near their start: a list of finishers."""
    runs: list[list[AthleteMention]] = []
    current: list[AthleteMention] = []
    previous_sentence = None
    for sentence in sorted(by_sentence):
        named = _distinct(by_sentence[sentence])
        first = named[0]
        line_start = doc[first.start].sent.start
        is_item = len(named) == 1 and first.start - line_start <= 3
        if is_item and previous_sentence is not None and sentence == previous_sentence + 1 and current:
            current.append(first)
        else:
            if len(current) >= 3:
                runs.append(current)
            current = [first] if is_item else []
        previous_sentence = sentence
    if len(current) >= 3:
        runs.append(current)
    return runs
