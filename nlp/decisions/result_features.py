"""Features of a candidate result fact, in one place: what the result model reads.

Features are named strings with value 1 (a sparse binary vector): the field and kind of the value, where the
athlete stands from the value (before/after, words, other athletes between), the lexicon cue classes around
both, the words around the value, the sentence's shape (a list line, the title), and whether the extraction
rules state the fact. Word features are lower-cased tokens; no language is named in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from models.records import Result
from nlp.decisions.result_candidates import AthleteMention, Candidate, Support, ValueMention
from nlp.pipeline.doc_words import doc_words
from nlp.pipeline.sports_patterns import DISCIPLINE

WINDOW = 3  # words read on each side of a mention
SHAPE_LENGTH = 12  # characters of a value's written form read as its shape
NEXT_VALUE_WINDOW = 6  # tokens from a win word to a value that follows it in its clause


@dataclass(slots=True)
class DocContext:
    """What the features read of one Doc, computed once per Doc."""

    lowers: list[str]
    texts: list[str]
    cues: list[frozenset[str]]
    sentence_of: list[int]
    sentence_starts: list[int]
    athletes: list[AthleteMention]
    values: list[ValueMention]
    first_athlete: str | None
    mentions_per_athlete: dict[str, int]
    title_end: int  # first token after the title (0 when there is none)
    clause_of: list[int]  # clause number of each token (clauses end at commas, brackets, conjunctions)
    rejected: dict[int, str]  # value mentions the rules read as no result (by first token), with the reason
    rule_owners: dict[tuple[str, object], set[str]]  # (field, value) -> the athletes the rules give it to
    ner_of: dict[int, str]  # the statistical NER's label of each token it tagged
    line_of: list[int]  # line number of each token
    line_words: dict[int, int]  # words (not punctuation or space) per line
    headings: dict[int, range]  # line -> the tokens of its heading line (see `heading_before`)
    athletes_in: dict[int, list[AthleteMention]]  # sentence -> the athletes named in it, in text order
    disciplines_in: dict[int, set[str]]  # sentence -> the disciplines named in it ("relay", "sprint")
    tie_sentences: frozenset[int]  # sentences that tell a tie ("A and B tied for second", "ex aequo")

    @classmethod
    def of(
        cls,
        doc: Doc,
        cues: list[frozenset[str]],
        sentence_of: list[int],
        athletes: list[AthleteMention],
        values: list[ValueMention],
        clause_breaks: list[bool],
        rejected: dict[int, str],
        rules: list[Result],
        title_end: int = 0,
    ) -> DocContext:
        words = doc_words(doc)
        line_of, line_words = _lines(doc)
        starts = [i for i, s in enumerate(sentence_of) if i == 0 or s != sentence_of[i - 1]]
        counts: dict[str, int] = {}
        for a in athletes:
            counts[a.name] = counts.get(a.name, 0) + 1
        return cls(
            lowers=words.lowers,
            texts=words.texts,
            ner_of={i: e.label_ for e in doc.ents for i in range(e.start, e.end)},
            cues=cues,
            sentence_of=sentence_of,
            sentence_starts=starts,
            athletes=athletes,
            values=values,
            first_athlete=athletes[0].name if athletes else None,
            mentions_per_athlete=counts,
            title_end=title_end,
            clause_of=_clause_numbers(clause_breaks, sentence_of),
            rejected=rejected,
            rule_owners=_rule_owners(rules),
            line_of=line_of,
            line_words=line_words,
            headings=_headings(line_of, line_words, {line_of[a.start] for a in athletes}),
            athletes_in=_by_sentence(athletes),
            disciplines_in=_disciplines(doc, sentence_of),
            tie_sentences=frozenset(sentence_of[i] for i, classes in enumerate(cues) if "tie_words" in classes),
        )

    def last_named_before(self, sentence: int) -> AthleteMention | None:
        """The last athlete named in a sentence before this one."""
        earlier = [s for s in self.athletes_in if s < sentence]
        return self.athletes_in[max(earlier)][-1] if earlier else None

    def sentence_tokens(self, sentence: int) -> range:
        """The token offsets of the sentence numbered `sentence`."""
        if not self.sentence_starts:
            return range(0)
        end = self.sentence_starts[sentence + 1] if sentence + 1 < len(self.sentence_starts) else len(self.lowers)
        return range(self.sentence_starts[sentence], end)

    def heading_before(self, position: int) -> range:
        """The tokens of the nearest short line above the token's line that names no athlete ("Classifica
        generale", "Men's 1500 m"): the heading of the list or paragraph it stands in; empty when there is none."""
        return self.headings.get(self.line_of[position], range(0))


HEADING_WORDS = 8  # a heading is a line of at most this many words
HEADING_REACH = 40  # lines a heading governs below it


def _disciplines(doc: Doc, sentence_of: list[int]) -> dict[int, set[str]]:
    """Sentence -> the disciplines the sports patterns name in it."""
    named: dict[int, set[str]] = {}
    for span in doc.spans.get("sports", []):
        if span.label_ == DISCIPLINE and span._.value:
            named.setdefault(sentence_of[span.start], set()).add(span._.value)
    return named


def _by_sentence(athletes: list[AthleteMention]) -> dict[int, list[AthleteMention]]:
    found: dict[int, list[AthleteMention]] = {}
    for athlete in athletes:
        found.setdefault(athlete.sentence, []).append(athlete)
    return found


def _headings(line_of: list[int], line_words: dict[int, int], athlete_lines: set[int]) -> dict[int, range]:
    spans: dict[int, range] = {}
    start = 0
    for i in range(1, len(line_of) + 1):
        if i == len(line_of) or line_of[i] != line_of[start]:
            spans[line_of[start]] = range(start, i)
            start = i
    headings: dict[int, range] = {}
    current: int | None = None
    for line in sorted(spans):
        if current is not None and line - current <= HEADING_REACH:
            headings[line] = spans[current]
        if 0 < line_words.get(line, 0) <= HEADING_WORDS and line not in athlete_lines:
            current = line
    return headings


def _lines(doc: Doc) -> tuple[list[int], dict[int, int]]:
    line_of, line = [], 0
    words: dict[int, int] = {}
    for token in doc:
        line_of.append(line)
        if not token.is_space and not token.is_punct:
            words[line] = words.get(line, 0) + 1
        line += token.text_with_ws.count("\n")
    return line_of, words


def _rule_owners(rules: list[Result]) -> dict[tuple[str, object], set[str]]:
    owners: dict[tuple[str, object], set[str]] = {}
    for result in rules:
        for field_name in ("rank", "time", "gap", "medal"):
            value = getattr(result, field_name)
            if value is not None:
                key = (field_name, round(float(value), 2) if field_name in ("time", "gap") else value)
                owners.setdefault(key, set()).add(result.athlete)
    return owners


def _clause_numbers(breaks: list[bool], sentence_of: list[int]) -> list[int]:
    numbers, current = [], 0
    for i, is_break in enumerate(breaks):
        if i and (is_break or sentence_of[i] != sentence_of[i - 1]):
            current += 1
        numbers.append(current)
    return numbers


def _kind_group(kind: str) -> str:
    return (
        "seconds"
        if kind in ("TIME", "GAP", "LEAD")
        else "place"
        if kind in ("RANK", "NUMBER", "WIN", "MEDAL")
        else kind
    )


def bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _value_bucket(field: str, value) -> str:
    if field == "rank":
        return str(value) if value <= 3 else bucket(value, (10, 30))
    if field == "medal":
        return str(value)
    seconds = float(value)
    if seconds == 0:
        return "zero"
    return bucket(int(seconds), (9, 59, 599, 3599, 36000))


def best_pair(candidate: Candidate, context: DocContext) -> tuple[AthleteMention, ValueMention] | None:
    """The supporting pair with the athlete nearest the value (same sentence before the previous one)."""
    pairs = [(s.athlete, s.value) for s in candidate.supports if s.source == "mention" and s.athlete and s.value]
    if not pairs:
        return None

    def distance(pair: tuple[AthleteMention, ValueMention]) -> tuple[int, int]:
        athlete, value = pair
        gap = value.start - athlete.end if athlete.end <= value.start else athlete.start - value.end
        return (value.sentence != athlete.sentence, abs(gap))

    return min(pairs, key=distance)


def pair_features(athlete: AthleteMention, value: ValueMention, context: DocContext, f: set[str]) -> None:
    lowers, cues = context.lowers, context.cues
    before = athlete.end <= value.start
    left, right = (athlete.end, value.start) if before else (value.end, athlete.start)
    between = range(left, right) if left <= right else range(0)
    distance = len(between)
    f.add(f"kind={value.kind}")
    reason = context.rejected.get(value.start)
    if reason:
        f.add("rule_rejects")
        f.add(f"rule_rejects={reason}")
    f.add("athlete_before" if before else "athlete_after")
    f.add(f"sentences_back={value.sentence - athlete.sentence}")
    if value.sentence != athlete.sentence:
        back_reference_features(athlete, value, context, f)
    f.add(f"distance{bucket(distance, (0, 1, 2, 3, 5, 8, 12, 20))}")
    f.add(f"dir_distance={'b' if before else 'a'}{bucket(distance, (0, 1, 2, 4, 8))}")
    others_between = {a.name for a in context.athletes if left <= a.start < right and a.name != athlete.name}
    f.add(f"others_between={min(len(others_between), 3)}")
    if context.clause_of[athlete.start] == context.clause_of[value.start]:
        f.add("same_clause")
    group = _kind_group(value.kind)
    same_kind_between = [v for v in context.values if left <= v.start < right and _kind_group(v.kind) == group]
    f.add(f"same_kind_between={min(len(same_kind_between), 2)}")
    # the athlete stands nearer another value of the same kind: "A (1:46.52) ahead of B (1:46.77)"
    own_distance = distance
    for other in context.values:
        if other is value or _kind_group(other.kind) != group or other.sentence != value.sentence:
            continue
        d = other.start - athlete.end if athlete.end <= other.start else athlete.start - other.end
        if 0 <= d < own_distance:
            f.add("athlete_nearer_other_value")
            break
    # how many athletes stand nearer the value than this one
    nearer = {
        a.name
        for a in context.athletes
        if a.sentence == value.sentence
        and a.name != athlete.name
        and 0 <= (value.start - a.end if a.end <= value.start else a.start - value.end) < own_distance
    }
    f.add(f"athletes_nearer={min(len(nearer), 3)}")
    sentence_athletes = context.athletes_in.get(value.sentence, [])
    preceding = [a for a in sentence_athletes if a.end <= value.start]
    following = [a for a in sentence_athletes if a.start >= value.end]
    if preceding and preceding[-1].name == athlete.name:
        f.add("nearest_preceding")
    if following and following[0].name == athlete.name:
        f.add("nearest_following")
    if sentence_athletes and sentence_athletes[0].name == athlete.name:
        f.add("first_in_sentence")
    f.add(f"athletes_in_sentence={bucket(len({a.name for a in sentence_athletes}), (1, 2, 3, 5))}")
    same_kind = [v for v in context.values if v.sentence == value.sentence and v.kind == value.kind]
    f.add(f"same_kind_in_sentence={bucket(len(same_kind), (1, 2, 4))}")
    between_texts = [context.texts[i] for i in between]
    for mark in ("(", ")", ",", ":", ";", "-", "–", "|", "/"):
        if mark in between_texts:
            f.add(f"between_punct={mark}")
    if "\n" in "".join(between_texts) or any("\n" in context.texts[i] for i in between):
        f.add("between_newline")
    if distance <= 8:
        for i in between:
            f.add(f"between_word={lowers[i]}")
    for i in between:
        for cue in cues[i]:
            f.add(f"between_cue={cue}")
    for offset in range(1, WINDOW + 1):
        i = value.start - offset
        if i >= 0 and context.sentence_of[i] == value.sentence:
            f.add(f"v-{offset}={lowers[i]}")
            for cue in cues[i]:
                f.add(f"v_before_cue={cue}")
        j = value.end - 1 + offset
        if j < len(lowers) and context.sentence_of[j] == value.sentence:
            f.add(f"v+{offset}={lowers[j]}")
            for cue in cues[j]:
                f.add(f"v_after_cue={cue}")
        k = athlete.start - offset
        if k >= 0 and context.sentence_of[k] == athlete.sentence:
            f.add(f"a-{offset}={lowers[k]}")
            for cue in cues[k]:
                f.add(f"a_before_cue={cue}")
        m = athlete.end - 1 + offset
        if m < len(lowers) and context.sentence_of[m] == athlete.sentence:
            f.add(f"a+{offset}={lowers[m]}")
    if value.sentence in context.tie_sentences:
        f.add("tie_in_sentence")  # "A and B tied for second": the value may be the athlete's though another owns it
    if value.kind == "WIN":
        next_value = _next_value_in_clause(value, context)
        if next_value is not None:
            f.add(f"win_followed_by={next_value.kind}")
    value_text = "".join(context.texts[value.start : value.end])
    f.add(f"value_text_has_plus={'+' in value_text}")
    f.add(f"shape={value_shape(value_text)}")
    sentence_start = context.sentence_starts[value.sentence]
    if sentence_start < len(lowers) and lowers[sentence_start].isdigit():
        f.add("sentence_opens_with_number")
    f.add(f"sentence_index={bucket(value.sentence, (0, 1, 3, 6, 12))}")
    if value.start < context.title_end:
        f.add("in_title")


def _next_value_in_clause(value: ValueMention, context: DocContext) -> ValueMention | None:
    """The value printed right after `value` in its clause: a win word before a place ("wurde Zweite", "became
    second") tells the place, not a win, where the same word before a title ("wurde Weltmeisterin") wins."""
    clause = context.clause_of[value.start]
    return next(
        (
            other
            for other in context.values
            if 0 <= other.start - value.end <= NEXT_VALUE_WINDOW and context.clause_of[other.start] == clause
        ),
        None,
    )


def value_shape(text: str) -> str:
    """The value's written form, digits as "d" and letters as "a", runs shortened to 3: "1:46,52" -> "d:dd,dd",
    "14,533" -> "dd,ddd" (a score written like a time), "+54″" -> "+dd″"."""
    shape = re.sub(r"[^\W\d_]", "a", text[:SHAPE_LENGTH])
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{3,}", r"\1\1\1", shape)


def back_reference_features(athlete: AthleteMention, value: ValueMention, context: DocContext, f: set[str]) -> None:
    """A value whose sentence refers back to an athlete named before ("Der 33-Jährige belegte den 13. Platz",
    "She finished fourth"): is the athlete the last one named, the subject of the sentence before, and how does the
    value's sentence open."""
    if value.sentence in context.athletes_in:
        f.add("value_sentence_names_another")
    last = context.last_named_before(value.sentence)
    if last is not None and last.name == athlete.name:
        f.add("b:last_named")
        if {a.name for a in context.athletes_in[last.sentence]} == {athlete.name}:
            f.add("b:only_one_in_sentence_before")
    if context.athletes_in[athlete.sentence][0].name == athlete.name:
        f.add("b:first_of_its_sentence")
    opening = context.sentence_tokens(value.sentence)
    for i in opening[:3]:
        for cue in context.cues[i]:
            f.add(f"b:opening_cue={cue}")
    if opening:
        f.add(f"b:opens={context.lowers[opening.start]}")


def order_features(support: Support, context: DocContext, f: set[str], prefix: str = "o:") -> None:
    """The athlete's place among its sentence's athletes and the words and cues around the run of names; `prefix`
    tells an "order" support (counted from 1) from a "behind" one (counted from 2)."""
    athlete = support.athlete
    assert athlete is not None
    f.add(f"{prefix}place={min(support.place, 5)}")
    f.add(f"{prefix}based={support.base > 1}")
    named = context.athletes_in.get(athlete.sentence, [])
    distinct = list(dict.fromkeys(a.name for a in named))
    f.add(f"{prefix}athletes={bucket(len(distinct), (2, 3, 4, 6))}")
    sentence = context.sentence_tokens(athlete.sentence)
    for i in sentence:
        for cue in context.cues[i]:
            f.add(f"{prefix}sentence_cue={cue}")
    earlier = [a for a in named if a.end <= athlete.start and a.name != athlete.name]
    if earlier:
        previous = earlier[-1]
        between = range(previous.end, athlete.start)
        for i in between:
            for cue in context.cues[i]:
                f.add(f"{prefix}between_cue={cue}")
        if len(between) <= 6:
            for i in between:
                f.add(f"{prefix}between_word={context.lowers[i]}")
        f.add(f"{prefix}between_len={bucket(len(between), (1, 2, 4, 8))}")
        # cues anywhere between the sentence's first athlete and this one: "A devant B et C" places C behind A too
        for i in range(named[0].end, previous.start):
            for cue in context.cues[i]:
                f.add(f"{prefix}chain_cue={cue}")
    for offset in (1, 2):
        k = athlete.start - offset
        if k >= sentence.start:
            f.add(f"{prefix}a-{offset}={context.lowers[k]}")
    if named:  # the words that open the run of names: "ahead of", "behind him", "devant"
        for i in range(max(sentence.start, named[0].start - 4), named[0].start):
            for cue in context.cues[i]:
                f.add(f"{prefix}opening_cue={cue}")
    if any(v.sentence == athlete.sentence and v.kind in ("RANK", "NUMBER") for v in context.values):
        f.add(f"{prefix}sentence_has_rank")
    if any(v.sentence == athlete.sentence and v.kind == "WIN" for v in context.values):
        f.add(f"{prefix}sentence_has_win")


def parallel_features(support: Support, context: DocContext, f: set[str], prefix: str = "p:") -> None:
    athlete, value = support.athlete, support.value
    assert athlete is not None and value is not None
    f.add(f"{prefix}kind={value.kind}")
    f.add(f"{prefix}names_first={athlete.end <= value.start}")
    f.add(f"{prefix}place={min(support.place, 3)}")
    count = sum(1 for v in context.values if v.sentence == value.sentence and v.kind == value.kind)
    f.add(f"{prefix}pairs={min(count, 4)}")
    sentence = context.sentence_tokens(value.sentence)
    for i in sentence:
        f.add(f"{prefix}word={context.lowers[i]}")
        for cue in context.cues[i]:
            f.add(f"{prefix}cue={cue}")


def line_features(support: Support, context: DocContext, f: set[str]) -> None:
    athlete = support.athlete
    assert athlete is not None
    f.add(f"l:place={min(support.place, 5)}")
    line_values = {v.kind for v in context.values if v.sentence == athlete.sentence}
    for kind in line_values:
        f.add(f"l:line_has={kind}")


def entity_features(support: Support, context: DocContext, f: set[str]) -> None:
    assert support.athlete is not None
    name = support.athlete.name
    mentions = [a for a in context.athletes if a.name == name]
    f.add(f"e:mentions={bucket(len(mentions), (1, 2, 3, 5))}")
    if name == context.first_athlete:
        f.add("e:first_athlete")
    for a in mentions:
        if a.start < context.title_end:
            f.add("e:in_title")
        if a.sentence == 0:
            f.add("e:first_sentence")
        for offset in (1, 2):
            k, m = a.start - offset, a.end - 1 + offset
            if k >= 0 and context.sentence_of[k] == a.sentence:
                f.add(f"e:a-{offset}={context.lowers[k]}")
            if m < len(context.lowers) and context.sentence_of[m] == a.sentence:
                f.add(f"e:a+{offset}={context.lowers[m]}")
        for k in range(max(0, a.start - 6), min(len(context.lowers), a.end + 6)):
            if context.sentence_of[k] == a.sentence:
                for cue in context.cues[k]:
                    f.add(f"e:near_cue={cue}")
    kinds = {v.kind for a in mentions for v in context.values if v.sentence == a.sentence}
    for kind in kinds:
        f.add(f"e:sentence_has={kind}")


SIMILAR = 0.25  # values within this share of each other are of one magnitude
SHARE_EDGES = (0.05, 0.3, 0.8)  # buckets of a duration's share of the article's longest


def magnitude_features(seconds: float, context: DocContext, f: set[str]) -> None:
    """How a time or gap compares with the article's other durations: the finishers' times of one race are of one
    magnitude, the gaps much smaller than the times ("second at 8:12:40, third at 8:14:05" are times)."""
    durations = [
        float(v.value)
        for v in context.values
        if v.kind in ("TIME", "GAP", "LEAD") and isinstance(v.value, (int, float)) and v.value > 0
    ]
    if not durations or seconds <= 0:
        return
    similar = sum(1 for d in durations if abs(d - seconds) <= SIMILAR * seconds) - 1
    f.add(f"similar_durations={bucket(max(similar, 0), (0, 1, 3))}")
    f.add(f"share_of_longest={_share_bucket(seconds / max(durations))}")
    f.add(f"longer_durations={bucket(sum(1 for d in durations if d > seconds * (1 + SIMILAR)), (0, 2))}")


def _share_bucket(share: float) -> str:
    return next((f"<={edge}" for edge in SHARE_EDGES if share <= edge), f">{SHARE_EDGES[-1]}")


def features(candidate: Candidate, context: DocContext) -> set[str]:
    """What the model is trained on: the candidate's features and their conjunctions with its field (the same
    cue means different things for a rank and a gap), named "<field>&<feature>"."""
    f = base_features(candidate, context)
    return f | {conjoined(candidate.field, x) for x in f if not x.startswith(UNCONJOINED)}


UNCONJOINED = ("field=", "value=")  # features that already name the field


def conjoined(prefix: str, feature: str) -> str:
    """A feature crossed with a field or an event kind: the name `LinearModel.probability_conjoined` reads."""
    return f"{prefix}&{feature}"


def base_features(candidate: Candidate, context: DocContext) -> set[str]:
    """The candidate's features without their conjunctions with its field; a model scores them with
    `LinearModel.probability_conjoined(base, candidate.field)` as it scores `features`."""
    f: set[str] = {
        f"field={candidate.field}",
        f"value={candidate.field}:{_value_bucket(candidate.field, candidate.value)}",
    }
    sources = {s.source for s in candidate.supports}
    for source in sources:
        f.add(f"source={source}")
    f.add("sources=" + "+".join(sorted(sources)))
    pair = best_pair(candidate, context)
    if pair is not None:
        pair_features(*pair, context, f)
        mentions = candidate.of("mention")
        f.add(f"pairs={bucket(len(mentions), (1, 2, 4))}")
        for kind in {s.value.kind for s in mentions if s.value}:
            f.add(f"any_kind={kind}")
    orders = candidate.of("order")
    if orders:
        order_features(min(orders, key=lambda s: s.place), context, f)
    behind = candidate.of("behind")
    if behind:
        order_features(min(behind, key=lambda s: s.place), context, f, prefix="behind:")
    parallels = candidate.of("parallel")
    if parallels:
        parallel_features(parallels[0], context, f)
    runs = candidate.of("run")
    if runs:
        parallel_features(runs[0], context, f, prefix="run:")
    lines = candidate.of("line")
    if lines:
        line_features(lines[0], context, f)
    entities = candidate.of("entity")
    if entities:
        entity_features(entities[0], context, f)
    if candidate.rule is not None:
        f.add("rule_states")
    elif candidate.athlete not in context.rule_owners.get((candidate.field, candidate.value), {candidate.athlete}):
        f.add("rule_gives_to_other")
    if candidate.athlete == context.first_athlete:
        f.add("first_athlete_of_doc")
    f.add(f"athlete_mentions={bucket(context.mentions_per_athlete.get(candidate.athlete, 0), (1, 2, 4))}")
    f.add(f"athlete_words={min(len(candidate.athlete.split()), 4)}")
    if candidate.field in ("time", "gap"):
        magnitude_features(float(candidate.value), context, f)
    sentences = {s.athlete.sentence for s in candidate.supports if s.athlete and s.source != "entity"}
    sentences |= {s.value.sentence for s in candidate.supports if s.value}
    for sentence in sentences:  # a relay's or a team's result is no athlete's result
        for discipline in context.disciplines_in.get(sentence, ()):
            f.add(f"sentence_discipline={discipline}")
    return f
