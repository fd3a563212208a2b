"""From scored candidates to consistent results: the most probable reading that keeps

- one value per athlete, field and event (an athlete has one rank and one time in a race), unless a second value is
  probable enough (the text may not tell apart two events of the athlete);
- one owner per value mention (a time printed once belongs to one athlete; a gap of 0, "same time", to several, and
  so does a value stated in a sentence that tells a tie: "A and B tied for second");
- a winner without a gap, a medal with its place (bronze and rank 3): among all results of the athlete in the
  event, the more probable stays; a medal without a stated place gives its place (as the annotated corpus reads
  "bronze": third).
"""

from __future__ import annotations

from dataclasses import dataclass

from models.records import Result
from nlp.decisions.result_candidates import MEDAL_PLACES, Candidate

# a second value for the same athlete, field and event is kept from this probability on: an athlete's results in
# two events the text does not tell apart ("third on the floor, first in the all-around"); chosen by cross-validation
SECOND_VALUE_PROBABILITY = 0.5


@dataclass(slots=True)
class Scored:
    candidate: Candidate
    probability: float
    event: str | None
    evidence: str = ""
    position: int = 0  # token where the text states it: results are listed in text order


def _value_group(field_name: str) -> str:
    return "seconds" if field_name in ("time", "gap") else field_name


def decode(scored: list[Scored], threshold: float, tie_sentences: frozenset[int] = frozenset()) -> list[Result]:
    """`tie_sentences`: sentences whose values may have several owners (`DocContext.tie_sentences`)."""
    taken: set[tuple] = set()
    used_mentions: set[tuple[int, str]] = set()
    results: dict[tuple[str, str | None, int], Result] = {}
    first_position: dict[tuple[str, str | None, int], int] = {}
    for item in sorted(scored, key=lambda s: -s.probability):
        if item.probability < threshold:
            break
        candidate = item.candidate
        slot = (candidate.athlete, candidate.field, item.event)
        copy = 0
        if slot in taken:
            held = (results.get((candidate.athlete, item.event, c)) for c in (0, 1))
            if item.probability < SECOND_VALUE_PROBABILITY or any(
                r is not None and getattr(r, candidate.field) == candidate.value for r in held
            ):
                continue  # not probable enough for a second result, or the value is held already (a medal's place)
            copy = 1  # a second result of the athlete in the event
        group = _value_group(candidate.field)
        mentions = [(s.value.start, group) for s in candidate.supports if s.source == "mention" and s.value]
        free = [m for m in mentions if m not in used_mentions]
        shared_value = (candidate.field == "gap" and candidate.value == 0) or any(
            s.value.sentence in tie_sentences for s in candidate.supports if s.source == "mention" and s.value
        )
        if mentions and not free and candidate.rule is None and not shared_value:
            continue
        key = (candidate.athlete, item.event, copy)
        result = results.get(key)
        if copy and result is not None and getattr(result, candidate.field) is not None:
            continue
        # across both results of the athlete in a named event; in an unnamed one, two results are two events
        same_event = {k: r for k, r in results.items() if k[:2] == key[:2] and (k[1] is not None or k[2] == copy)}
        partner = _place_partner(same_event, candidate.field, candidate.value)
        if partner is not None:  # "took silver and bronze": the bronze joins the result placed third
            key, result = partner, same_event[partner]
        elif any(_contradicts(r, candidate.field, candidate.value) for r in same_event.values()):
            continue
        taken.add(slot)
        if free:
            used_mentions.add(free[0])
        if result is None:
            result = results[key] = Result(athlete=candidate.athlete, event=item.event, evidence=item.evidence)
        setattr(result, candidate.field, candidate.value)
        if candidate.field == "medal" and result.rank is None and candidate.value in MEDAL_PLACES:
            result.rank = MEDAL_PLACES[candidate.value]  # a medal is a place: bronze is third
            taken.add((candidate.athlete, "rank", item.event))
        if candidate.field == "gap" and candidate.rule is not None and candidate.rule.gap_to:
            result.gap_to = candidate.rule.gap_to  # "0.52 behind the winner X"
        first_position[key] = min(first_position.get(key, item.position), item.position)
        result.confidence = round(min(result.confidence or 1.0, item.probability), 3)
    return [results[key] for key in sorted(results, key=lambda k: first_position[k])]


def _place_partner(same_event: dict[tuple, Result], field_name: str, value) -> tuple | None:
    """The key of the athlete's result in the event that a medal or a rank completes: a result at the medal's place
    without a medal, or a result with the medal of this place without a rank."""
    if field_name == "medal" and value in MEDAL_PLACES:
        return next((k for k, r in same_event.items() if r.rank == MEDAL_PLACES[value] and r.medal is None), None)
    if field_name == "rank":
        return next(
            (k for k, r in same_event.items() if r.rank is None and MEDAL_PLACES.get(r.medal or "") == value), None
        )
    return None


def _contradicts(result: Result, field_name: str, value) -> bool:
    """A winner has no gap (a gap of 0, "same time", excepted); a medal and a rank in one event agree."""
    if field_name == "gap" and value and result.rank == 1:
        return True
    if field_name == "rank" and value == 1 and bool(result.gap):
        return True
    if field_name == "rank" and result.medal in MEDAL_PLACES:
        return MEDAL_PLACES[result.medal] != value
    if field_name == "medal" and value in MEDAL_PLACES and result.rank is not None:
        return MEDAL_PLACES[value] != result.rank
    return False
