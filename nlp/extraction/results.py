"""Results (rank, time, gap, medal per athlete and event) from the sports mentions of a document."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from models.records import Result
from nlp.extraction.attribution import Attribution
from nlp.pipeline.components import LIST_JOINERS
from nlp.pipeline.lexicon import Lexicon
from nlp.pipeline.sports_patterns import (DATE, DISCIPLINE, DISTANCE, GAP, LEAD, MEDAL, RANK, TIME, WEEKDAY,
                                          inline_list_items)

MEDAL_RANK = {"gold": 1, "silver": 2, "bronze": 3}
TEAM_EVENTS = frozenset({"relay", "team pursuit", "team sprint", "team time trial"})
# the prepositions that the lexicons list among rank verbs ("als tweede", "finished in 5th", "au 3e rang")
RANK_PREPOSITIONS = frozenset({"als", "op", "in", "as", "en", "à la", "au", "como", "auf", "al"})
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


def _in_sentence_with_event(events: list[Span], span: Span, attribution: Attribution, wanted: frozenset[str]) -> bool:
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    return any(e._.value in wanted for e in events if sentence.start <= e.start < sentence.end)


def main_event(events: list[Span], attribution: Attribution, lexicon: Lexicon) -> str | None:
    """The event the article is about: the first one named (title first, then body), leaving out events
    named only as upcoming ("Samedi, X disputera le contre-la-montre")."""
    future = lexicon.set("future_markers") | lexicon.set("fixture_verbs")
    for event in events:
        sentence = attribution.sentences[attribution.sentence_index(event.start)]
        days = [s for s in attribution.sports if s.label_ in {WEEKDAY, DATE} and sentence.start <= s.start < sentence.end]
        if not (days and _mentions_any(attribution.lowers[sentence.start:sentence.end], future)):
            return event._.value
    return None


def _mentions_any(lowers: list[str], phrases: frozenset[str]) -> bool:
    padded = f" {_phrase(lowers)} "
    return any(f" {p} " in padded for p in phrases)


def event_near(events: list[Span], span: Span, attribution: Attribution, default: str | None) -> str | None:
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    in_sentence = [e for e in events if sentence.start <= e.start < sentence.end]
    if not in_sentence:
        return default
    return min(in_sentence, key=lambda e: abs(e.start - span.start))._.value


def _athlete_after(span: Span, attribution: Attribution, words: frozenset[str]) -> str | None:
    """The athlete named right after one of `words` within a few tokens of the span."""
    for athlete in attribution.athletes_in(span.end, span.end + 6):
        between_lowers = attribution.lowers[span.end:athlete.start]
        between_texts = attribution.texts[span.end:athlete.start]
        if any(w in words for w in between_lowers) and not any(t in {".", ";"} for t in between_texts):
            return athlete.kb_id_
    return None


def _athlete_right_after(span: Span, attribution: Attribution) -> str | None:
    """"precede di 6”8 Susan Test": the athlete named straight after the margin."""
    following = attribution.athletes_in(span.end, span.end + 2)
    return following[0].kb_id_ if following else None


def _gap_reference(doc: Doc, span: Span, attribution: Attribution, lexicon: Lexicon) -> tuple[str | None, bool]:
    """"op 0,52 seconde van winnaar X" / "12 seconds behind X": X is the reference, not the owner.
    Returns (reference athlete, whether the text calls them the winner)."""
    winner_nouns = lexicon.set("winner_nouns")
    reference_words = lexicon.set("gap_reference_words") | winner_nouns
    for athlete in attribution.athletes_in(span.end, span.end + 6):
        between = attribution.lowers[span.end:athlete.start]
        if any(w in reference_words for w in between) and not any(attribution.is_punct[span.end:athlete.start]):
            return athlete.kb_id_, any(w in winner_nouns for w in between)
    return None, False


def _phrase(words: list[str]) -> str:
    """Tokens as the lexicons write them: "s'" + "impose" is "s'impose", "se" + "impuso" is "se impuso"."""
    return " ".join(words).replace("' ", "'").replace("’ ", "’")


def _win_verb_after(doc: Doc, attribution: Attribution, athlete: Span, win_verbs: frozenset[str],
                    already: frozenset[str] = frozenset()) -> Span | None:
    """The win verb (one or more words) right after a name, past a bracketed team or nation and a
    relative pronoun with its auxiliary: "Kaden Groves (Alpecin) se ha impuesto", "Quinn won",
    "Lorentzen (NOR), who had won". Not an earlier win: "Morin, qui a déjà gagné deux étapes"."""
    texts, lowers = attribution.texts, attribution.lowers
    i = athlete.end
    if i < len(doc) and texts[i] == "(":
        close = next((j for j in range(i, min(len(doc), i + 8)) if texts[j] == ")"), None)
        i = close + 1 if close is not None else i
    for start in range(i, min(len(doc), i + 5)):
        if texts[start] in {".", ";", ":", "!", "?"} or attribution.athletes_in(start, start + 1):
            break  # "In the Santiago Stadium, Ana Muestra won": the verb is the next name's
        if lowers[start] in already:
            return None
        for length in (3, 2, 1):
            if start + length <= len(doc) and _phrase(lowers[start:start + length]) in win_verbs:
                return doc[start:start + length]
    return None


def _win_verb_before(attribution: Attribution, athlete: Span, start: int, inverted_verbs: frozenset[str]) -> bool:
    """"Das Rennen gewann der Norweger X", "Op het WK won de Noorse X", "Ganó el francés X": the verb
    comes first (verb-second and verb-subject order); `start` is where the name's descriptor begins.
    Only verbs that cannot mean anything but winning count ("haalde X in" is overtaking)."""
    lowers = attribution.lowers
    clause_start = attribution.clause(athlete.start).start
    for length in (3, 2, 1):
        verb_start = start - length
        if verb_start >= clause_start and _phrase(lowers[verb_start:start]) in inverted_verbs:
            return not attribution.athletes_in(clause_start, verb_start)
    return False


def _counted_object(lexicon: Lexicon, lowers: list[str]) -> bool:
    """"won two stages", "a gagné deux étapes": a count of wins, not today's win."""
    return any((n := lexicon.number_value(w)) is not None and 2 <= n < 100 and not w.isdigit() for w in lowers[:2])


def _awarded_before(attribution: Attribution, end: int, phrase: str, lexicon: Lexicon) -> bool:
    """"went to X" / "ging naar X", also with words between verb and preposition ("Der Titel ging in
    1:44,44 an X"); not when what went is a silver or bronze medal or a place ("the silver went to X"),
    while an ordinal alone is no place ("De vierde etappe is gewonnen door X")."""
    lowers = attribution.lowers
    words = phrase.split()
    clause = attribution.clause(end - 1) if end else None
    if clause is None:
        return False
    if _ends_with_phrase(lowers, end, phrase):
        verb_start = end - len(words)
    elif len(words) >= 2 and lowers[end - 1] == words[-1]:
        head = words[:-1]
        verb_start = next((j for j in range(end - 1 - len(head), max(clause.start, end - 10) - 1, -1)
                           if lowers[j:j + len(head)] == head), None)
        if verb_start is None or any(attribution.is_punct[verb_start:end]):
            return False
    else:
        return False
    subject = lowers[clause.start:verb_start]
    medals = lexicon["medals"]
    if any(medals.get(w, medals.get(w.capitalize())) in {"silver", "bronze"} for w in subject):
        return False
    return not any(w in lexicon.set("place_nouns") for w in subject)  # "third place went to X"


def _before_descriptor(attribution: Attribution, start: int, determiners: frozenset[str]) -> int:
    """Where "won by" would end before a name that follows a determiner and one lower-case descriptor:
    "won by the Hungarian X", "ganada por la húngara X", "gewonnen door de Noor X"."""
    lowers = attribution.lowers
    if start >= 2 and lowers[start - 2] in determiners and attribution.texts[start - 1].isalpha() \
            and lowers[start - 1] not in determiners:
        return start - 2
    if start >= 1 and lowers[start - 1] in determiners:
        return start - 1
    return start


def _words_right_before(attribution: Attribution, start: int, count: int) -> list[str]:
    """Up to `count` words before `start`, none from before a punctuation mark ("… on the winner. X")."""
    words: list[str] = []
    for i in range(start - 1, max(-1, start - count - 1), -1):
        if attribution.is_punct[i]:
            break
        words.insert(0, attribution.lowers[i])
    return words


def _ends_with_phrase(lowers: list[str], end: int, phrase: str) -> bool:
    words = phrase.split()
    return end >= len(words) and lowers[end - len(words):end] == words


def _winners(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """Athletes called the winner ("winnaar X", "X won ...")."""
    winner_nouns = lexicon.set("winner_nouns")
    win_verbs = lexicon.set("win_verbs")
    medal_words = lexicon.set("medals")
    won_by = [w.lower() for w in lexicon.words("win_by")]
    determiners = lexicon.set("determiners")
    not_a_win = lexicon.set("medal_nouns") | lexicon.set("place_nouns")
    inverted_verbs = lexicon.set("inverted_win_verbs")
    already = lexicon.set("already_words")
    found = []
    lowers = attribution.lowers
    for athlete in attribution.athletes:
        before = _words_right_before(attribution, athlete.start, 2)
        won_by_end = _before_descriptor(attribution, athlete.start, determiners)
        if any(_awarded_before(attribution, won_by_end, phrase, lexicon) for phrase in won_by):
            found.append((athlete, athlete.kb_id_))  # "gewonnen door X", "won by X", "the title went to X"
            continue
        if any(w in winner_nouns for w in before) or _win_verb_before(attribution, athlete, won_by_end, inverted_verbs):
            found.append((athlete, athlete.kb_id_))
            continue
        verb = _win_verb_after(doc, attribution, athlete, win_verbs, already)
        if verb is not None:
            clause = attribution.clause(verb.start)
            near = lowers[max(clause.start, verb.start - 3):min(clause.end, verb.end + 8)]
            medal = next((w for w in near if w in medal_words), None)
            won_object = lowers[verb.end:min(clause.end, verb.end + 8)]
            if medal is None and any(w in not_a_win for w in won_object):
                continue  # "claimed the team's third medal", "took second place": not a win
            if _counted_object(lexicon, won_object):
                continue  # "who has won two stages": a count of earlier wins
            if medal is None or lexicon["medals"].get(medal, lexicon["medals"].get(medal.capitalize())) == "gold":
                found.append((athlete, athlete.kb_id_))
    return found


def _victors(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """"Vlhova shared a giant slalom victory", "X boekte zijn eerste zege": the clause subject won
    (unless the victory is negated, hypothetical or counted: "13th career win")."""
    nouns = lexicon.set("victory_nouns")
    negations = [n.lower() for n in lexicon.words("negations")]
    found = []
    for index in (i for i, lower in enumerate(attribution.lowers) if lower in nouns):
        token = doc[index]
        clause = attribution.clause(token.i)
        lead_in = doc[max(clause.start, token.i - 4):token.i]
        if any(t.like_num or lexicon.ordinal_value(t.text) for t in lead_in):
            continue  # "his fifth World Cup win", "13th career win": a count, not today's result
        if any(f" {n} " in f" {' '.join(attribution.lowers[max(0, token.i - 6):token.i])} " for n in negations):
            continue
        subjects = attribution.athletes_in(clause.start, token.i)
        if subjects:
            for subject in _coordinated_before(doc, attribution, subjects[0]) + [subjects[0]]:
                found.append((subject, subject.kb_id_))
    return found


def _gerund_winners(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """"X set the ball rolling by winning the 1500m", "X a fait la différence en remportant le sprint":
    the last athlete named before the gerund in its sentence won (not a count: "by winning two stages")."""
    gerunds = frozenset(g.lower() for g in lexicon.words("win_gerunds"))
    first_words = {re.split(r"(?<=['’]) *| ", g)[0] for g in gerunds}  # "en s'imposant" starts a token "en"
    lowers = attribution.lowers
    found = []
    for i in (i for i, lower in enumerate(lowers) if lower in first_words):
        end = next((i + n for n in (1, 2, 3) if _phrase(lowers[i:i + n]) in gerunds), None)
        if end is None or _counted_object(lexicon, lowers[end:end + 2]):
            continue
        sentence = attribution.sentences[attribution.sentence_index(i)]
        before = attribution.athletes_in(sentence.start, i)
        if before:
            found.append((before[-1], before[-1].kb_id_))
    return found


def _respective_owners(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> dict[int, str]:
    """"A and B finished second and third respectively": each rank of the sentence (by its start) paired in
    order with the athletes joined by "and" before the first rank."""
    words = lexicon.set("respectively_words")
    owners: dict[int, str] = {}
    for sentence in attribution.sentences:
        if not any(w in words for w in attribution.lowers[sentence.start:sentence.end]):
            continue
        ranks = [s for s in attribution.sports if s.label_ == RANK and sentence.start <= s.start < sentence.end]
        before = attribution.athletes_in(sentence.start, ranks[0].start) if ranks else []
        if len(ranks) < 2 or not before:
            continue
        group = _coordinated_before(doc, attribution, before[-1]) + [before[-1]]
        if len(group) >= len(ranks):
            owners.update({rank.start: athlete.kb_id_ for rank, athlete in zip(ranks, group[-len(ranks):])})
    return owners


def _inline_list_owners(doc: Doc, attribution: Attribution) -> dict[int, str]:
    """"1. Jan Test 34,56 2. Kees Proef 34,78 3. …": each item's rank (by its start) belongs to the first
    athlete of its item, whatever the sentence splitter made of the numbers."""
    owners: dict[int, str] = {}
    items = {start: end for start, end, _ in inline_list_items(doc.text)}
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


def _coordinated_before(doc: Doc, attribution: Attribution, athlete: Span) -> list[Span]:
    """The athletes joined to this one by "and" or commas just before it: "A, B and C shared the win"."""
    joined: list[Span] = []
    current = athlete
    while current.start >= 2 and doc[current.start - 1].lower_ in LIST_JOINERS | {","}:
        previous = next((a for a in attribution.athletes if a.end == current.start - 1), None)
        if previous is None:
            break
        joined.insert(0, previous)
        current = previous
    return joined


def _race_leaders(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """"Pogacar conserve le maillot jaune", "Roglic verdedigde zijn leiderstrui": first overall."""
    jerseys = [" ".join(j.lower().split()) for j in lexicon.words("leader_jerseys")]
    negations = [n.lower() for n in lexicon.words("negations")]
    found = []
    for sentence in attribution.sentences:
        lowered = " ".join(attribution.lowers[sentence.start:sentence.end])
        for jersey in jerseys:
            position = lowered.find(jersey)
            if position < 0:
                continue
            i = sentence.start + len(lowered[:position].split())
            clause = attribution.clause(i)
            around = " ".join(attribution.lowers[max(clause.start, i - 5):i])
            if any(f" {n} " in f" {around} " for n in negations):
                continue
            holders = attribution.athletes_in(clause.start, i) or attribution.athletes_in(sentence.start, i)
            if holders:
                found.append((holders[0], holders[0].kb_id_))
            break
    return found


def _opens_name_list(doc: Doc, span: Span) -> bool:
    """"goud (Kramer, Nuis)": a medal tally, reported by nlp.extraction.medals, not a result."""
    return span.label_ == MEDAL and span.end < len(doc) and doc[span.end].text == "("


def _is_intermediate(doc: Doc, span: Span, attribution: Attribution, markers: list[str]) -> bool:
    """"third at the last turn", "líder tras la primera manga", "fifth in the heats": a position on the
    way or in another round, not the result."""
    if span.label_ != RANK:
        return False
    clause = attribution.clause(span.start)
    around = " ".join(attribution.lowers[max(clause.start, span.start - 4):min(clause.end, span.end + 8)])
    return any(f" {m} " in f" {around} " for m in markers)


def _is_counted_medal(doc: Doc, span: Span, lexicon: Lexicon) -> bool:
    """"who has won six World Championship gold medals", "drie gouden medailles": a career count."""
    if span.label_ != MEDAL:
        return False
    counts = [lexicon.number_value(t.text) for t in doc[max(0, span.start - 3):span.start]]
    return any(c is not None and 2 <= c < 1000 for c in counts)


def _is_negated(attribution: Attribution, span: Span, negations: list[str]) -> bool:
    """"geen medaille", "missed out on gold", "zilver zou hebben gepakt": no medal was won."""
    if span.label_ != MEDAL:
        return False
    around = " ".join(attribution.lowers[max(0, span.start - 5):span.end + 3])
    return any(f" {n} " in f" {around} " for n in negations)


def _is_title(attribution: Attribution, span: Span, roles: frozenset[str]) -> bool:
    """"the Olympic bronze medalist", "Friday's silver medalist": a medal that describes, not a result."""
    following = attribution.lowers[span.end:span.end + 2]
    return span.label_ == MEDAL and any(w in roles or w.startswith(("medalis", "medallis")) for w in following)


def _is_distance_to_a_medal(sports: list[Span], span: Span) -> bool:
    """"zat 0,09 van het brons", "à 9 centièmes du bronze": a margin to a medal place; neither the
    margin (not a gap to the winner) nor the medal (not won) is a result."""
    if span.label_ == GAP:
        return any(m.label_ == MEDAL and span.end < m.start <= span.end + 5 for m in sports)
    if span.label_ == MEDAL:
        return any(g.label_ == GAP and span.start - 5 <= g.end < span.start for g in sports)
    return False


def _elided_subject(attribution: Attribution, span: Span, clause_start: int, exclude: frozenset[str]) -> str | None:
    """"X had been the fastest qualifier but finished seventh as Y won": a rank after its verb, in a clause
    without a subject of its own, belongs to the last athlete named earlier in the sentence."""
    sentence = attribution.sentences[attribution.sentence_index(span.start)]
    earlier = attribution.athletes_in(sentence.start, clause_start, exclude)
    return earlier[-1].kb_id_ if earlier else None


def extract_results(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[Result]:
    builder = ResultBuilder()
    events = event_mentions(attribution.sports)
    default_event = main_event(events, attribution, lexicon)
    receivers = lexicon.set("medal_receivers")
    roles = lexicon.set("athlete_roles")
    negations = [n.lower() for n in lexicon.words("negations")]
    lead_references = lexicon.set("lead_reference_words")
    intermediate = [" ".join(m.lower().split()) for m in lexicon.words("intermediate_markers")]
    rank_verbs = lexicon.set("rank_verbs") - RANK_PREPOSITIONS
    fixed_owners = _respective_owners(doc, attribution, lexicon) | _inline_list_owners(doc, attribution)
    lowers = attribution.lowers
    for span in attribution.sports:
        if span.label_ == LEAD:
            trailing = _athlete_after(span, attribution, lead_references) or _athlete_right_after(span, attribution)
            if trailing:  # "5 segundos de ventaja sobre Enric Mas": Mas is 5 s behind
                sentence = attribution.sentence_text(span.start)
                builder.add(trailing, "gap", span._.value, event_near(events, span, attribution, default_event), sentence)
            continue
        if (span.label_ not in FIELD_OF or _opens_name_list(doc, span) or _is_title(attribution, span, roles)
                or _is_negated(attribution, span, negations) or _is_distance_to_a_medal(attribution.sports, span)
                or _is_intermediate(doc, span, attribution, intermediate) or _is_counted_medal(doc, span, lexicon)):
            continue
        gap_to, gap_to_won = _gap_reference(doc, span, attribution, lexicon) if span.label_ == GAP else (None, False)
        exclude = frozenset({gap_to}) if gap_to else frozenset()
        prefer_following = span.label_ == MEDAL and any(w in receivers for w in lowers[span.end:span.end + 3])
        athlete = fixed_owners.get(span.start) if span.label_ == RANK else None
        clause_start = attribution.clause(span.start).start
        if (athlete is None and span.label_ == RANK and span.end < len(doc)
                and not attribution.athletes_in(clause_start, span.start)):
            if (any(w in rank_verbs for w in lowers[clause_start:span.start])
                    and not attribution.has_anaphor(clause_start, span.start)):  # "…, hij finishte als negende"
                athlete = _elided_subject(attribution, span, clause_start, exclude)
            else:
                prefer_following = True  # "Tweede werd Ted-Jan Bloemen", "1. Ariarne Test (AUS) 1:53.50"
        athlete = athlete or attribution.owner(span, exclude=exclude, prefer_following=prefer_following)
        if athlete is None:
            continue
        event = event_near(events, span, attribution, default_event)
        if event in TEAM_EVENTS and _in_sentence_with_event(events, span, attribution, TEAM_EVENTS):
            continue  # relays and team pursuits are team results, not an athlete's
        sentence = attribution.sentence_text(span.start)
        builder.add(athlete, FIELD_OF[span.label_], span._.value, event, sentence, gap_to)
        if gap_to_won:
            builder.add(gap_to, "rank", 1, event, sentence)
    for athlete_span, athlete in (_winners(doc, attribution, lexicon) + _victors(doc, attribution, lexicon)
                                 + _gerund_winners(doc, attribution, lexicon)):
        sentence = attribution.sentence_text(athlete_span.start)
        builder.add(athlete, "rank", 1, event_near(events, athlete_span, attribution, default_event), sentence)
    for athlete_span, athlete in _race_leaders(doc, attribution, lexicon):
        sentence = attribution.sentence_text(athlete_span.start)
        builder.add(athlete, "rank", 1, "general classification", sentence)
    return builder.finish()
