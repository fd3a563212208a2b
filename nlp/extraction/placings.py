"""Places and margins a sentence implies for the athletes it names: "fourth behind A, B and C", "won ahead of A
and B", "A and B completed the podium", "in the same time as the winner", "beating A by 0.35 seconds"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from nlp.extraction.attribution import Attribution
from nlp.pipeline.lexicon import Lexicon
from nlp.pipeline.sports_patterns import GAP


def _listed_from(attribution: Attribution, start: int, end: int) -> list[str]:
    """The athletes of an enumeration opening within four words of `start` ("A, B en de Italiaan C"), in order."""
    listed: list[Span] = []
    for athlete in attribution.athletes_in(start, end):
        between = _outside_brackets(attribution.lowers[listed[-1].end if listed else start : athlete.start])
        if len(between) > (5 if listed else 4) or any(w in {".", ";", ":"} for w in between):
            break
        if listed and not ("," in between or any(w in attribution.list_joiners for w in between)):
            break
        if listed and any(w in attribution.conjunctions and w not in attribution.list_joiners for w in between):
            break  # "ahead of A, while B crashed": a new clause, not the list going on
        listed.append(athlete)
    return list(dict.fromkeys(a.kb_id_ for a in listed))


def _outside_brackets(words: list[str]) -> list[str]:
    """The words not inside a bracketed aside: "A (+8,2 Sekunden) und B" lists A and B."""
    kept: list[str] = []
    depth = 0
    for word in words:
        if word == "(":
            depth += 1
        elif word == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(word)
    return kept


def _phrase_at(lowers: list[str], i: int, phrases: list[list[str]]) -> list[str] | None:
    """The phrase (as lower-case words) that starts at word `i`, if any."""
    return next((p for p in phrases if lowers[i : i + len(p)] == p), None)


def placed_ahead(span: Span, place: int, attribution: Attribution, behind_words: frozenset[str]) -> list[str]:
    """ "X werd vierde, achter A, B en de Italiaan C": when exactly `place` - 1 athletes are
    listed behind the rank's owner, they are first, second, third… in that order; any other count says nothing."""
    if not 2 <= place <= 6:
        return []
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    window = range(span.end, min(span.end + 8, sentence.end))
    behind = next((i for i in window if attribution.lowers[i] in behind_words), None)
    names = _listed_from(attribution, behind + 1, sentence.end) if behind is not None else []
    return names if len(names) == place - 1 else []


def placed_behind_winner(
    anchor: Span,
    attribution: Attribution,
    markers: list[list[str]],
    beat_phrases: Sequence[list[str]] = (),
    past_markers: frozenset[str] = frozenset(),
) -> list[str]:
    """ "X holte sich vor Weltmeister Y Gold", "won ahead of A and B": the athletes listed after
    "ahead of" in the winner's sentence are second, third (at most three of them). So are those the next sentence
    lists after its subject, when that subject refers back to the winner: "Le Français a devancé l'Allemand A et
    le Norvégien B" (a beat phrase or marker within its first words, no one named before it, no `past_markers`)."""
    sentence = attribution.sentences[attribution.sentence_index(anchor.start)]
    in_winners_sentence = _listed_after_marker(attribution, anchor.end, anchor.end + 12, sentence.end, markers)
    index = attribution.sentence_index(anchor.start) + 1
    if in_winners_sentence is not None or index >= len(attribution.sentences):
        return in_winners_sentence or []
    following = attribution.sentences[index]
    if not attribution.has_anaphor(following.start, min(following.start + 2, following.end)):
        return []  # the subject opens the sentence: "Ze versloeg", "Le Français a devancé" (not "Last year she beat")
    if not past_markers.isdisjoint(attribution.lowers[following.start : following.end]):
        return []  # "She beat A last year": another race
    return (
        _listed_after_marker(
            attribution,
            following.start,
            following.start + 8,
            following.end,
            [*markers, *beat_phrases],
            named_first_stops=True,
        )
        or []
    )


def _listed_after_marker(
    attribution: Attribution,
    start: int,
    search_end: int,
    sentence_end: int,
    markers: list[list[str]],
    named_first_stops: bool = False,
) -> list[str] | None:
    """The athletes (at most three) listed after the first marker found from `start` to `search_end`; None if no
    marker stands there, [] if (`named_first_stops`) an athlete is named before it."""
    for i in range(start, min(search_end, sentence_end)):
        if named_first_stops and i in attribution.athlete_starts:
            return []
        marker = _phrase_at(attribution.lowers, i, markers)
        if marker is not None:
            return _listed_from(attribution, i + len(marker), sentence_end)[:3]
    return None


def same_time_as_winner(attribution: Attribution, lexicon: Lexicon, winners_so_far: set[str]) -> list[tuple[str, int]]:
    """ "A (40e), B et C ont fini avec le même temps que le vainqueur", "in the same time as the winner": the athletes
    listed at the opening of the sentence finished 0 seconds behind, when the one they matched is the winner.
    Returns (athlete, token index of the phrase)."""
    phrases = [p.lower().split() for p in lexicon.words("same_time_as")]
    winner_nouns = lexicon.set("winner_nouns")
    lowers = attribution.lowers
    openers = {p[0] for p in phrases}
    found: list[tuple[str, int]] = []
    if openers.isdisjoint(lowers):
        return found
    for sentence in attribution.sentences:
        for i in range(sentence.start, sentence.end):
            if lowers[i] not in openers:
                continue
            phrase = _phrase_at(lowers, i, phrases)
            if phrase is None:
                continue
            after = i + len(phrase)
            matched = attribution.athletes_in(after, min(after + 3, sentence.end))
            matched_a_winner = bool(matched) and matched[0].kb_id_ in winners_so_far
            if winner_nouns.isdisjoint(lowers[after : after + 2]) and not matched_a_winner:
                break
            listed = _listed_from(attribution, sentence.start, i)
            found += [(athlete, i) for athlete in listed if athlete not in winners_so_far]
            break
    return found


def beaten_by_margin(
    span: Span, attribution: Attribution, beat_phrases: list[list[str]], margins: frozenset[str]
) -> str | None:
    """ "beating Norway's A by 0.35 seconds", "versloeg A met 0,35 seconde", "a devancé A de 35 centièmes": the
    margin (`span`, a gap) is the beaten athlete's, not the winner's. The athlete stands right before the margin
    word, and a beat phrase stands at most three words before the athlete (room for "the Norwegian") or before a run
    of athletes beaten by margins ("précède A de 5 secondes et B de 12 secondes")."""
    lowers = attribution.lowers
    if span.start < 2 or lowers[span.start - 1] not in margins:
        return None
    sentence_start = attribution.sentences[attribution.sentence_index(span.start)].start
    beaten = [a for a in attribution.athletes_in(sentence_start, span.start) if a.end == span.start - 1]
    if not beaten:
        return None
    athlete = beaten[-1]
    # "précède A de 5 secondes et B de 12 secondes": the beat phrase may stand before a run of beaten athletes
    in_run = {k for a in attribution.athletes_in(sentence_start, athlete.start) for k in range(a.start, a.end)}
    in_run |= {
        k
        for g in attribution.sports
        if g.label_ == GAP and sentence_start <= g.start < athlete.start
        for k in range(g.start, g.end)
    }
    for i in range(athlete.start - 1, max(sentence_start, athlete.start - 16) - 1, -1):
        phrase = _phrase_at(lowers, i, beat_phrases)
        if phrase is not None:
            if athlete.start - (i + len(phrase)) <= 3:
                return athlete.kb_id_  # "beating Norway's A by"
            run_words = (
                k in in_run
                or lowers[k] in attribution.describing
                or lowers[k] in margins
                or lowers[k] in attribution.list_joiners
                or lowers[k] == ","
                for k in range(i + len(phrase), athlete.start)
            )
            return athlete.kb_id_ if all(run_words) else None
    return None


def completing_the_podium(span: Span, attribution: Attribution) -> list[str]:
    """ "l'Éthiopienne A (30'01"72) et la Kényane B complètent le podium": the two athletes joined by "and" right
    before a phrase of third place are second and third, in that order."""
    lowers = attribution.lowers
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    named = attribution.athletes_in(sentence.start, span.start)
    if len(named) < 2 or _outside_brackets(lowers[named[-1].end : span.start]):
        return []
    between = _outside_brackets(lowers[named[-2].end : named[-1].start])
    if not 1 <= len(between) <= 4 or between[0] not in attribution.list_joiners:
        return []
    return [named[-2].kb_id_, named[-1].kb_id_]
