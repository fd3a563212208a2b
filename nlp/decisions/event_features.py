"""Features of a result's setting, in one place: is it a place in standings (a general classification, a World Cup
ranking, the leader's jersey) or in a race? Read from the sentence that states the result and the event the
extraction names for it; no word of any language in code."""

from __future__ import annotations

from nlp.decisions.result_candidates import Candidate
from nlp.decisions.result_features import DocContext, best_pair

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
