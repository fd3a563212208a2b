"""Results (rank, time, gap, medal per athlete and event) from the sports mentions of a document."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from models.records import Result
from nlp.extraction.attribution import Attribution
from nlp.extraction.placings import (
    beaten_by_margin,
    completing_the_podium,
    placed_ahead,
    placed_behind_winner,
    same_time_as_winner,
)
from nlp.extraction.schedule import contains_phrase
from nlp.extraction.winners import coordinated_before, race_leaders, winners
from nlp.pipeline.lexicon import Lexicon, every_language_words
from nlp.pipeline.result_lists import inline_list_items
from nlp.pipeline.sports_patterns import DATE, DISCIPLINE, DISTANCE, GAP, LEAD, MEDAL, RANK, SAME_TIME, TIME, WEEKDAY

MEDAL_RANK = {"gold": 1, "silver": 2, "bronze": 3}
TEAM_EVENTS = frozenset({"relay", "team pursuit", "team sprint", "team time trial"})
FIELD_OF = {RANK: "rank", TIME: "time", GAP: "gap", MEDAL: "medal"}


class ResultBuilder:
    """Collects facts per athlete; a fact that contradicts a filled field starts a new result."""

    def __init__(self) -> None:
        self.results: list[Result] = []

    def add(self, athlete: str, field: str, value, event: str | None, evidence: str, gap_to: str | None = None) -> None:
        for result in reversed(self.results):
            if result.athlete == athlete and result.event == event:
                current = getattr(result, field)
                if current is None:
                    setattr(result, field, value)
                    if gap_to:
                        result.gap_to = gap_to
                    return
                if current == value:
                    return
                break
        result = Result(athlete=athlete, event=event, evidence=evidence)
        setattr(result, field, value)
        result.gap_to = gap_to
        self.results.append(result)

    def finish(self) -> list[Result]:
        for result in self.results:
            if result.rank is None and result.medal in MEDAL_RANK:
                result.rank = MEDAL_RANK[result.medal]
        return self.results


def event_mentions(sports: list[Span]) -> list[Span]:
    """The event mentions (distances, disciplines) among a document's sports mentions, in text order."""
    return [s for s in sports if s.label_ in {DISTANCE, DISCIPLINE}]


def _team_event_sentence(events: list[Span], span: Span, attribution: Attribution) -> bool:
    """The sentence is about a relay or team pursuit: it names one, and every other event it names stands right
    next to one ("de gemengde aflossing (2.000 meter)", "the 4x100m relay")."""
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    in_sentence = [e for e in events if sentence.start <= e.start < sentence.end]
    teams = [e for e in in_sentence if e._.value in TEAM_EVENTS]
    return bool(teams) and all(e in teams or any(abs(e.start - t.start) <= 4 for t in teams) for e in in_sentence)


def main_event(events: list[Span], attribution: Attribution, lexicon: Lexicon) -> str | None:
    """The event the article is about: the first one named (title first, then body), leaving out events
    named only as upcoming ("Samedi, X disputera le contre-la-montre")."""
    future = lexicon.words("fixture_verbs") + lexicon.words("future_markers")  # as extract_schedule reads them
    for event in events:
        sentence = attribution.sentences[attribution.sentence_index(event.start)]
        days = [
            s for s in attribution.sports if s.label_ in {WEEKDAY, DATE} and sentence.start <= s.start < sentence.end
        ]
        if not (days and contains_phrase(attribution.sentence_text(event.start), future)):
            return event._.value
    return None


def event_near(events: list[Span], span: Span, attribution: Attribution, default: str | None) -> str | None:
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    in_sentence = [e for e in events if sentence.start <= e.start < sentence.end]
    if not in_sentence:
        return default
    return min(in_sentence, key=lambda e: abs(e.start - span.start))._.value


def _athlete_after(span: Span, attribution: Attribution, words: frozenset[str]) -> str | None:
    """The athlete named right after one of `words` within a few tokens of the span."""
    for athlete in attribution.athletes_in(span.end, span.end + 6):
        between_lowers = attribution.lowers[span.end : athlete.start]
        between_texts = attribution.texts[span.end : athlete.start]
        if any(w in words for w in between_lowers) and not any(t in {".", ";"} for t in between_texts):
            return athlete.kb_id_
    return None


def _athlete_right_after(span: Span, attribution: Attribution) -> str | None:
    """ "precede di 6”8 Susan Test": the athlete named straight after the margin."""
    following = attribution.athletes_in(span.end, span.end + 2)
    return following[0].kb_id_ if following else None


def _gap_reference(doc: Doc, span: Span, attribution: Attribution, lexicon: Lexicon) -> tuple[str | None, bool]:
    """ "op 0,52 seconde van winnaar X" / "12 seconds behind X" / "a 1,2 segundos de la ganadora, X": X is the
    reference, not the owner. Returns (reference athlete, whether the text calls them the winner)."""
    winner_nouns = lexicon.set("winner_nouns")
    reference_words = lexicon.set("gap_reference_words") | winner_nouns
    for athlete in attribution.athletes_in(span.end, span.end + 9):
        between = attribution.lowers[span.end : athlete.start]
        punctuation = [
            w for w, punct in zip(between, attribution.is_punct[span.end : athlete.start], strict=True) if punct
        ]
        comma = len(between) - 1 - between[::-1].index(",") if "," in between else -1
        # "de la ganadora, X", "de la gagnante, l'Américaine X": the winner, then who she is
        apposition = (
            punctuation == [","]
            and comma >= 1
            and between[comma - 1] in winner_nouns
            and all(w in attribution.describing for w in between[comma + 1 :])
        )
        if any(w in reference_words for w in between) and (not punctuation or apposition):
            return athlete.kb_id_, any(w in winner_nouns for w in between)
    return None, False


MEDAL_PLACES = {"gold": 1, "silver": 2, "bronze": 3}


def _lead_over_runner_up(builder: ResultBuilder, span: Span, attribution: Attribution, event: str | None) -> None:
    """ "Verstappen finished 22.9 seconds clear": a winner's lead that names no one is the gap of the one runner-up
    of that event."""
    owner = attribution.owner(span)
    ranks = {(r.athlete, r.rank) for r in builder.results if r.event == event and r.rank in (1, 2)}
    runners_up = {athlete for athlete, rank in ranks if rank == 2}
    if owner is not None and (owner, 1) in ranks and len(runners_up) == 1:
        builder.add(runners_up.pop(), "gap", span._.value, event, attribution.sentence_text(span.start))


def _respective_owners(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> dict[int, str]:
    """ "A and B finished second and third respectively": each rank of the sentence (by its start) paired in
    order with the athletes joined by "and" before the first rank."""
    words = lexicon.set("respectively_words")
    owners: dict[int, str] = {}
    if words.isdisjoint(attribution.lowers):
        return owners
    for sentence in attribution.sentences:
        if not any(w in words for w in attribution.lowers[sentence.start : sentence.end]):
            continue
        ranks = [s for s in attribution.sports if s.label_ == RANK and sentence.start <= s.start < sentence.end]
        before = attribution.athletes_in(sentence.start, ranks[0].start) if ranks else []
        if len(ranks) < 2 or not before:
            continue
        group = coordinated_before(doc, attribution, before[-1]) + [before[-1]]
        if len(group) < len(ranks):
            continue
        owners.update({rank.start: athlete.kb_id_ for rank, athlete in zip(ranks, group[-len(ranks) :], strict=True)})
        for label in (GAP, TIME):  # "… second and third respectively, at 8" and 15"": the margins in the same order
            margins = [s for s in attribution.sports if s.label_ == label and ranks[0].end <= s.start < sentence.end]
            if len(margins) == len(ranks):
                owners.update(
                    {m.start: athlete.kb_id_ for m, athlete in zip(margins, group[-len(ranks) :], strict=True)}
                )
    return owners


def _disqualified(attribution: Attribution, lexicon: Lexicon) -> set[tuple[int, str]]:
    """(sentence index, athlete) for "X was disqualified after finishing second": the place does not stand.
    The athlete is the last one named before the word in its sentence."""
    words = lexicon.set("disqualification_words")
    found = set()
    for i in (i for i, lower in enumerate(attribution.lowers) if lower in words):
        index = attribution.sentence_index(i)
        named = attribution.athletes_in(attribution.sentences[index].start, i)
        if named:
            found.add((index, named[-1].kb_id_))
    return found


def _inline_list_owners(doc: Doc, attribution: Attribution) -> dict[int, str]:
    """ "1. Jan Test 34,56 2. Kees Proef 34,78 3. …": each item's rank (by its start) belongs to the first
    athlete of its item, whatever the sentence splitter made of the numbers."""
    owners: dict[int, str] = {}
    items = {start: end for start, end, _ in inline_list_items(attribution.text)}
    if not items:
        return owners
    for span in attribution.sports:
        end = items.get(span.start_char) if span.label_ == RANK else None
        if end is None:
            continue
        athlete = next((a for a in attribution.athletes if span.end_char <= a.start_char < end), None)
        if athlete is not None:
            owners[span.start] = athlete.kb_id_
    return owners


def _opens_name_list(doc: Doc, span: Span) -> bool:
    """ "goud (Kramer, Nuis)": a medal tally, reported by nlp.extraction.medals, not a result (not "l'argent
    (52"31)": a time in brackets)."""
    return (
        span.label_ == MEDAL
        and span.end + 1 < len(doc)
        and doc[span.end].text == "("
        and doc[span.end + 1].text[:1].isupper()
    )


def _is_intermediate(doc: Doc, span: Span, attribution: Attribution, markers: list[str]) -> bool:
    """ "third at the last turn", "líder tras la primera manga", "fifth in the heats": a position on the
    way or in another round, not the result."""
    if span.label_ != RANK:
        return False
    clause = attribution.clause(span.start)
    around = " ".join(attribution.lowers[max(clause.start, span.start - 6) : min(clause.end, span.end + 8)])
    return any(f" {m} " in f" {around} " for m in markers)


def _is_counted_medal(doc: Doc, span: Span, lexicon: Lexicon) -> bool:
    """ "who has won six World Championship gold medals", "drie gouden medailles": a career count (not "800m gold":
    a distance)."""
    if span.label_ != MEDAL:
        return False
    start = max(0, span.start - 3)
    distances = {
        k for d in doc.spans.get("sports", []) if d.label_ == DISTANCE and d.end > start for k in range(d.start, d.end)
    }
    counts = [lexicon.number_value(t.text) for t in doc[start : span.start] if t.i not in distances]
    return any(c is not None and 2 <= c < 1000 for c in counts)


def _is_negated(attribution: Attribution, span: Span, negations: list[str]) -> bool:
    """ "geen medaille", "missed out on gold", "zilver zou hebben gepakt": no medal was won."""
    if span.label_ != MEDAL:
        return False
    around = " ".join(attribution.lowers[max(0, span.start - 5) : span.end + 3])
    return any(f" {n} " in f" {around} " for n in negations)


def _is_title(attribution: Attribution, span: Span, roles: frozenset[str], medal_nouns: frozenset[str]) -> bool:
    """ "the Olympic bronze medalist", "Friday's silver medal winner": a medal that describes, not a result
    (not "pakte goud voor wereldkampioen X": the role must follow the medal, or its medal noun, directly)."""
    following = attribution.lowers[span.end : span.end + 2]
    if following and following[0] in medal_nouns:
        following = following[1:]
    medallists = tuple(every_language_words("medallist_prefixes"))  # "medalist", "medallista"
    return span.label_ == MEDAL and any(w in roles or w.startswith(medallists) for w in following[:1])


def _is_distance_to_a_medal(
    attribution: Attribution, span: Span, medal_nouns: frozenset[str], negations: frozenset[str]
) -> bool:
    """ "zat 0,09 van het brons", "à 9 centièmes du bronze", "0.05 seconds off the podium", "missed the podium by
    0.05 seconds": a margin to a medal place; neither the margin (not a gap to the winner) nor the medal (not won)
    is a result."""
    sports = attribution.sports
    lowers = attribution.lowers
    if span.label_ == GAP:
        podium_after = any(w in medal_nouns for w in lowers[span.end : span.end + 3])
        podium_missed = any(w in medal_nouns for w in lowers[max(0, span.start - 4) : span.start]) and any(
            w in negations for w in lowers[max(0, span.start - 6) : span.start]
        )
        medal_after = any(m.label_ == MEDAL and _margin_to(attribution, span, m) for m in sports)
        return podium_after or podium_missed or medal_after
    if span.label_ == MEDAL:
        return any(g.label_ == GAP and _margin_to(attribution, g, span) for g in sports)
    return False


def _margin_to(attribution: Attribution, gap: Span, medal: Span) -> bool:
    """The gap measures the distance to the medal named just after it ("0,09 van het brons"), not "(+0,44), Bronze"
    or "three seconds behind in silver"."""
    return (
        gap.end < medal.start <= gap.end + 5
        and not any(attribution.is_punct[gap.end : medal.start])
        and not attribution.distance_to_words.isdisjoint(
            attribution.lowers[max(gap.end, medal.start - 2) : medal.start]
        )
    )


def _elided_subject(attribution: Attribution, span: Span, clause_start: int, exclude: frozenset[str]) -> str | None:
    """ "X had been the fastest qualifier but finished seventh as Y won": a rank after its verb, in a clause
    without a subject of its own, belongs to the last athlete named earlier in the sentence."""
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    earlier = attribution.athletes_in(sentence.start, clause_start, exclude)
    return earlier[-1].kb_id_ if earlier else None


def rejected_mentions(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> dict[int, str]:
    """The rank, time, gap and medal mentions that state no result, by their first token, with the reason: a medal
    opening a list of names, a title, a negated medal, a margin to a medal, a position on the way, a career count."""
    roles = lexicon.set("athlete_roles")
    medal_nouns = lexicon.set("medal_nouns")
    negations = [n.lower() for n in lexicon.words("negations")]
    negation_words = lexicon.set("negations")
    intermediate = [" ".join(m.lower().split()) for m in lexicon.words("intermediate_markers")]
    checks = (
        ("name_list", lambda span: _opens_name_list(doc, span)),
        ("title", lambda span: _is_title(attribution, span, roles, medal_nouns)),
        ("negated", lambda span: _is_negated(attribution, span, negations)),
        ("margin_to_medal", lambda span: _is_distance_to_a_medal(attribution, span, medal_nouns, negation_words)),
        ("on_the_way", lambda span: _is_intermediate(doc, span, attribution, intermediate)),
        ("career_count", lambda span: _is_counted_medal(doc, span, lexicon)),
    )
    rejected: dict[int, str] = {}
    for span in attribution.sports:
        if span.label_ in FIELD_OF:
            reason = next((name for name, check in checks if check(span)), None)
            if reason:
                rejected[span.start] = reason
    return rejected


def extract_results(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[Result]:
    builder = ResultBuilder()
    events = event_mentions(attribution.sports)
    default_event = main_event(events, attribution, lexicon)
    receivers = lexicon.set("medal_receivers")
    lead_references = lexicon.set("lead_reference_words")
    rank_verbs = lexicon.set("rank_verbs") - lexicon.set("rank_prepositions")
    behind_words = lexicon.set("behind_words")
    placed_marks = tuple(w.lower() for w in lexicon.words("placed_ordinal_marks"))
    beaten_markers = [m.lower().split() for m in lexicon.words("beaten_markers")]
    beat_phrases = [m.lower().split() for m in lexicon.words("beat_phrases")]
    podium_phrases = {" ".join(p.lower().split()) for p, place in lexicon["rank_phrases"].items() if place == 3}
    margin_words = lexicon.set("margin_words")
    past_markers = lexicon.set("past_markers")
    runners_up_of: set[int] = set()  # winner mentions whose "ahead of A and B" was read
    unnamed_leads: list[Span] = []

    def add_runners_up(anchor: Span, event: str | None, sentence: str, anchor_place: int = 1) -> None:
        """The athletes a winner (or the runner-up: "l'argent, devant X") finished ahead of take the next places."""
        if anchor.start not in runners_up_of:
            runners_up_of.add(anchor.start)
            runners_up = placed_behind_winner(anchor, attribution, beaten_markers, beat_phrases, past_markers)
            for place, runner_up in enumerate(runners_up[: 3 - anchor_place], start=anchor_place + 1):
                builder.add(runner_up, "rank", place, event, sentence)

    rejected = rejected_mentions(doc, attribution, lexicon)
    fixed_owners = _respective_owners(doc, attribution, lexicon) | _inline_list_owners(doc, attribution)
    disqualified = _disqualified(attribution, lexicon)
    lowers = attribution.lowers
    last_gap: float | None = None  # for "s.t." / "m.t." in a results list: the gap of the item before
    for span in attribution.sports:
        value = span._.value
        if span.label_ == GAP and value == SAME_TIME:
            if last_gap is None:
                continue
            value = last_gap
        if span.label_ in {TIME, GAP}:
            last_gap = 0.0 if span.label_ == TIME else value
        if span.label_ == LEAD:
            # "preceduto di 5 secondi X e di 12 Y": the athlete straight after the margin first
            trailing = _athlete_right_after(span, attribution) or _athlete_after(span, attribution, lead_references)
            if trailing:  # "5 segundos de ventaja sobre Enric Mas": Mas is 5 s behind
                sentence = attribution.sentence_text(span.start)
                builder.add(
                    trailing, "gap", span._.value, event_near(events, span, attribution, default_event), sentence
                )
            else:
                unnamed_leads.append(span)  # "X finished 22.9 seconds clear": the runner-up's gap, once known
            continue
        if span.label_ not in FIELD_OF or span.start in rejected:
            continue
        beaten = beaten_by_margin(span, attribution, beat_phrases, margin_words) if span.label_ == GAP else None
        if beaten:
            sentence = attribution.sentence_text(span.start)
            builder.add(beaten, "gap", value, event_near(events, span, attribution, default_event), sentence)
            continue
        gap_to, gap_to_won = _gap_reference(doc, span, attribution, lexicon) if span.label_ == GAP else (None, False)
        exclude = frozenset({gap_to}) if gap_to else frozenset()
        athlete = fixed_owners.get(span.start) if span.label_ in (RANK, GAP, TIME) else None
        clause_start = attribution.clause(span.start).start
        # "het goud ging naar X", "gold for X"; not "Kees Proef pakte goud voor X" (gold ahead of X)
        prefer_following = (
            span.label_ == MEDAL
            and any(w in receivers for w in lowers[span.end : span.end + 3])
            and not attribution.athletes_in(clause_start, span.start)
        )
        if span.label_ == RANK and any(mark in span.text.lower() for mark in placed_marks):
            described = attribution.athletes_in(span.end, span.end + 4)  # "edged fourth-placed X": the place is X's,
            athlete = athlete or (described[0].kb_id_ if described else None)  # beaten or not
            prefer_following = True
        if (
            athlete is None
            and span.label_ == RANK
            and span.end < len(doc)
            and not attribution.athletes_in(clause_start, span.start)
        ):
            if any(w in rank_verbs for w in lowers[clause_start : span.start]) and not attribution.has_anaphor(
                clause_start, span.start
            ):  # "…, hij finishte als negende"
                athlete = _elided_subject(attribution, span, clause_start, exclude)
            else:
                prefer_following = True  # "Tweede werd Ted-Jan Bloemen", "1. Ariarne Test (AUS) 1:53.50"
        athlete = athlete or attribution.owner(span, exclude=exclude, prefer_following=prefer_following)
        if athlete is None or (attribution.sentence_index(span.start), athlete) in disqualified:
            continue
        event = event_near(events, span, attribution, default_event)
        if _team_event_sentence(events, span, attribution):
            continue  # relays and team pursuits are team results, not an athlete's
        sentence = attribution.sentence_text(span.start)
        builder.add(athlete, FIELD_OF[span.label_], value, event, sentence, gap_to)
        place = value if span.label_ == RANK else MEDAL_PLACES.get(value) if span.label_ == MEDAL else None
        if place is not None:  # "vierde, achter A, B en C", "naar het zilver, 2,3 seconden achter X"
            for ahead_place, ahead in enumerate(placed_ahead(span, place, attribution, behind_words), start=1):
                builder.add(ahead, "rank", ahead_place, event, sentence)
        if span.label_ == RANK and value == 3 and span.text.lower() in podium_phrases:
            for listed_place, listed in enumerate(completing_the_podium(span, attribution), start=2):
                builder.add(listed, "rank", listed_place, event, sentence)
        if (span.label_, value) in {(RANK, 1), (MEDAL, "gold")}:
            add_runners_up(span, event, sentence)
        elif (span.label_, value) in {(RANK, 2), (MEDAL, "silver")}:
            add_runners_up(span, event, sentence, anchor_place=2)
        if gap_to and gap_to_won:
            builder.add(gap_to, "rank", 1, event, sentence)
    for athlete_span, athlete in winners(doc, attribution, lexicon):
        if (attribution.sentence_index(athlete_span.start), athlete) in disqualified:
            continue
        sentence = attribution.sentence_text(athlete_span.start)
        event = event_near(events, athlete_span, attribution, default_event)
        builder.add(athlete, "rank", 1, event, sentence)
        add_runners_up(athlete_span, event, sentence)
    winners_so_far = {r.athlete for r in builder.results if r.rank == 1}
    for athlete, i in same_time_as_winner(attribution, lexicon, winners_so_far):
        builder.add(
            athlete,
            "gap",
            0.0,
            event_near(events, doc[i : i + 1], attribution, default_event),
            attribution.sentence_text(i),
        )
    for span in unnamed_leads:
        _lead_over_runner_up(builder, span, attribution, event_near(events, span, attribution, default_event))
    for athlete_span, athlete in race_leaders(doc, attribution, lexicon):
        sentence = attribution.sentence_text(athlete_span.start)
        builder.add(athlete, "rank", 1, "general classification", sentence)
    return builder.finish()
