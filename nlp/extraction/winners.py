"""Who won: "winnaar X", "X won", "Das Rennen gewann X", "the title went to X", "X shared the victory",
"en s'imposant", and who leads the race ("conserve le maillot jaune")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlp.extraction.attribution import Attribution
from nlp.pipeline.lexicon import Lexicon
from nlp.pipeline.persons import name_key, non_person_names
from nlp.pipeline.sports_patterns import COMPETITION, DISCIPLINE, DISTANCE

EVENT_LABELS = frozenset({DISCIPLINE, DISTANCE, COMPETITION})


def phrase(words: list[str]) -> str:
    """Tokens as the lexicons write them: "s'" + "impose" is "s'impose", "se" + "impuso" is "se impuso"."""
    return " ".join(words).replace("' ", "'").replace("’ ", "’")


def _win_verb_after(
    doc: Doc,
    attribution: Attribution,
    athlete: Span,
    win_verbs: frozenset[str],
    already: frozenset[str] = frozenset(),
    auxiliaries: frozenset[str] = frozenset(),
) -> Span | None:
    """The win verb (one or more words) right after a name, past a bracketed team or nation and a
    relative pronoun with its auxiliary: "Kees Proef (Movistar) se ha impuesto", "Quinn won",
    "Lorentzen (NOR), who had won". Not an earlier win: "Morin, qui a déjà gagné deux étapes".
    After an auxiliary of the perfect, the participle may close the clause: "X heeft zondag de 10.000 meter
    gewonnen", "X hat am Sonntag in Oslo den Sprint gewonnen"."""
    texts, lowers = attribution.texts, attribution.lowers
    i = athlete.end
    if i < len(doc) and texts[i] == "(":
        close = next((j for j in range(i, min(len(doc), i + 8)) if texts[j] == ")"), None)
        i = close + 1 if close is not None else i
    reach = 5
    if i < len(doc) and lowers[i] in auxiliaries:
        reach = max(reach, min(attribution.clause(i).end, i + 12) - i)
    for start in range(i, min(len(doc), i + reach)):
        if texts[start] in {".", ";", ":", "!", "?"} or start in attribution.athlete_starts:
            break  # "In the Santiago Stadium, Ana Muestra won": the verb is the next name's
        if lowers[start] in already:
            return None
        for length in (3, 2, 1):
            if start + length <= len(doc) and phrase(lowers[start : start + length]) in win_verbs:
                return doc[start : start + length]
    return None


def _win_verb_before(attribution: Attribution, athlete: Span, start: int, inverted_verbs: frozenset[str]) -> bool:
    """ "Das Rennen gewann der Norweger X", "Op het WK won de Noorse X", "Ganó el francés X": the verb
    comes first (verb-second and verb-subject order); `start` is where the name's descriptor begins.
    Only verbs that cannot mean anything but winning count ("haalde X in" is overtaking)."""
    lowers = attribution.lowers
    clause_start = attribution.clause(athlete.start).start
    for length in (3, 2, 1):
        verb_start = start - length
        if verb_start >= clause_start and phrase(lowers[verb_start:start]) in inverted_verbs:
            return not attribution.athletes_in(clause_start, verb_start)
    return False


def _counted_object(lexicon: Lexicon, lowers: list[str]) -> bool:
    """ "won two stages", "a gagné deux étapes": a count of wins, not today's win."""
    return any((n := lexicon.number_value(w)) is not None and 2 <= n < 100 and not w.isdigit() for w in lowers[:2])


def _awarded_before(attribution: Attribution, end: int, wording: str, lexicon: Lexicon) -> bool:
    """ "went to X" / "ging naar X", also with words between verb and preposition ("Der Titel ging in
    1:44,44 an X"); not when what went is a silver or bronze medal or a place ("the silver went to X"),
    while an ordinal alone is no place ("De vierde etappe is gewonnen door X")."""
    lowers = attribution.lowers
    words = wording.split()
    if not end or lowers[end - 1] != words[-1]:
        return False
    clause = attribution.clause(end - 1)
    if _ends_with_phrase(lowers, end, wording):
        verb_start: int | None = end - len(words)
    elif len(words) >= 2:
        head = words[:-1]
        verb_start = next(
            (
                j
                for j in range(end - 1 - len(head), max(clause.start, end - 10) - 1, -1)
                if lowers[j : j + len(head)] == head
            ),
            None,
        )
        if verb_start is None or any(attribution.is_punct[verb_start:end]):
            return False
    else:
        return False
    subject = lowers[clause.start : verb_start]
    medals = lexicon["medals"]
    if any(medals.get(w, medals.get(w.capitalize())) in {"silver", "bronze"} for w in subject):
        return False
    return not any(w in lexicon.set("place_nouns") for w in subject)  # "third place went to X"


def _before_descriptor(attribution: Attribution, start: int, determiners: frozenset[str]) -> int:
    """Where "won by" would end before a name that follows a determiner and one lower-case descriptor:
    "won by the Hungarian X", "ganada por la húngara X", "gewonnen door de Noor X"."""
    lowers = attribution.lowers
    if (
        start >= 2
        and lowers[start - 2] in determiners
        and attribution.texts[start - 1].isalpha()
        and lowers[start - 1] not in determiners
    ):
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


def _ends_with_phrase(lowers: list[str], end: int, wording: str) -> bool:
    words = wording.split()
    return end >= len(words) and lowers[end - len(words) : end] == words


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
    auxiliaries = lexicon.set("perfect_auxiliaries")
    negations = _negation_words(lexicon)
    ambiguous = lexicon.set("ambiguous_win_verbs")
    won_things = medal_words | lexicon.set("victory_nouns") | lexicon.set("win_objects")
    found = []
    lowers = attribution.lowers
    for athlete in attribution.athletes:
        before = _words_right_before(attribution, athlete.start, 2)
        won_by_end = _before_descriptor(attribution, athlete.start, determiners)
        if any(_awarded_before(attribution, won_by_end, wording, lexicon) for wording in won_by):
            found.append((athlete, athlete.kb_id_))  # "gewonnen door X", "won by X", "the title went to X"
            continue
        if (
            any(w in winner_nouns for w in before)
            or _win_verb_before(attribution, athlete, won_by_end, inverted_verbs)
            or _winner_in_apposition(attribution, athlete, lexicon)
        ):
            found.append((athlete, athlete.kb_id_))
            continue
        verb = _win_verb_after(doc, attribution, athlete, win_verbs, already, auxiliaries)
        if verb is not None and any(w in negations for w in lowers[athlete.end : verb.start]):
            continue  # "X heeft nog nooit een race gewonnen", "X did not win"
        if verb is not None:
            clause = attribution.clause(verb.start)
            near = lowers[max(clause.start, verb.start - 3) : min(clause.end, verb.end + 8)]
            # a medal word, alone or ending a compound ("Olympia-Bronze", "WK-zilver")
            medal = next((w.rsplit("-", 1)[-1] for w in near if w.rsplit("-", 1)[-1] in medal_words), None)
            won_object = lowers[verb.end : min(clause.end, verb.end + 8)]
            if medal is None and any(w in not_a_win for w in won_object):
                continue  # "claimed the team's third medal", "took second place": not a win
            if _counted_object(lexicon, won_object):
                continue  # "who has won two stages": a count of earlier wins
            if phrase(lowers[verb.start : verb.end]) in ambiguous and not _names_a_win(
                attribution, lexicon, won_things, verb.end, min(clause.end, verb.end + 8)
            ):
                continue  # "took the lead", "pakte de leiding": the verb wins only with what is won
            if medal is None or lexicon["medals"].get(medal, lexicon["medals"].get(medal.capitalize())) == "gold":
                found.append((athlete, athlete.kb_id_))
    return found


def _winner_in_apposition(attribution: Attribution, athlete: Span, lexicon: Lexicon) -> bool:
    """ "Luca Test, vincitore della tappa", "Pete Moss, the winner": the winner named, then called so (not
    "X, winner of the race last year")."""
    words = attribution.lowers[athlete.end : athlete.end + 3]
    if words[:1] != [","]:
        return False
    rest = words[1:]
    if rest and rest[0] in lexicon.set("determiners"):
        rest = rest[1:]
    if not rest or rest[0] not in lexicon.set("winner_nouns"):
        return False
    apposition_end = next(
        (i for i in range(athlete.end + 1, min(len(attribution.lowers), athlete.end + 12)) if attribution.is_punct[i]),
        athlete.end + 12,
    )
    return lexicon.set("past_markers").isdisjoint(attribution.lowers[athlete.end + 1 : apposition_end])


def _negation_words(lexicon: Lexicon) -> frozenset[str]:
    """Words before a win verb that take the win away: "did not win", "heeft nog nooit … gewonnen", "necesita … para
    ganar"."""
    return lexicon.set("negations") | lexicon.set("never_words")


def _names_a_win(attribution: Attribution, lexicon: Lexicon, won_things: frozenset[str], start: int, end: int) -> bool:
    """Words start:end name something won (`won_things`: a medal, a victory or title, a race), or an event."""
    if lexicon.set("lead_nouns") & set(attribution.lowers[start : start + 3]):
        return False  # "took the lead in the 1500m": a lead on the way
    return (
        not won_things.isdisjoint(attribution.lowers[start:end])
        or any(s.label_ in EVENT_LABELS and start <= s.start < end for s in attribution.sports)
        or _names_a_race(attribution, lexicon, start, end)
    )


def _names_a_race(attribution: Attribution, lexicon: Lexicon, start: int, end: int) -> bool:
    """ "si è aggiudicato la Liegi-Bastogne-Liegi", "conquista la Sanremo": a determiner and a capitalised name that
    is no athlete, country or team, right after the verb: a race the lexicon does not know."""
    texts = attribution.texts
    name = start + 1
    return (
        name < end
        and attribution.lowers[start] in attribution.determiners
        and texts[name][:1].isupper()
        and not any(a.start <= name < a.end for a in attribution.athletes)
        and name_key(texts[name]) not in non_person_names(lexicon.language)
    )


def _victors(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """ "Vlhova shared a giant slalom victory", "X boekte zijn eerste zege": the clause subject won
    (unless the victory is negated, hypothetical or counted: "13th career win")."""
    nouns = lexicon.set("victory_nouns")
    negations = [n.lower() for n in lexicon.words("negations")]
    found = []
    for index in (i for i, lower in enumerate(attribution.lowers) if lower in nouns):
        token = doc[index]
        clause = attribution.clause(token.i)
        lead_in = doc[max(clause.start, token.i - 4) : token.i]
        if any(t.like_num or lexicon.ordinal_value(t.text) for t in lead_in):
            continue  # "his fifth World Cup win", "13th career win": a count, not today's result
        if any(f" {n} " in f" {' '.join(attribution.lowers[max(0, token.i - 6) : token.i])} " for n in negations):
            continue
        subjects = attribution.athletes_in(clause.start, token.i)
        if subjects:
            for subject in coordinated_before(doc, attribution, subjects[0]) + [subjects[0]]:
                found.append((subject, subject.kb_id_))
        elif (receiver := _victory_receiver(attribution, token.i, lexicon)) is not None:
            found.append((receiver, receiver.kb_id_))
    return found


def _victory_receiver(attribution: Attribution, noun: int, lexicon: Lexicon) -> Span | None:
    """ "Victoire pour le Danois X", "Sieg für X", "victory for X": the athlete the victory went to, named within a
    few words after a receiving preposition (`victory_receivers`) with only determiners and roles between."""
    receivers = lexicon.set("victory_receivers")
    lowers = attribution.lowers
    sentence_end = attribution.sentences[attribution.sentence_index(noun)].end
    at = next((i for i in range(noun + 1, min(noun + 3, sentence_end)) if lowers[i] in receivers), None)
    if at is None:
        return None
    following = attribution.athletes_in(at + 1, min(at + 5, sentence_end))
    if following and all(w in attribution.describing for w in lowers[at + 1 : following[0].start]):
        return following[0]
    return None


def _gerund_winners(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """ "X set the ball rolling by winning the 1500m", "X a fait la différence en remportant le sprint", "paró el
    crono en 3:28,32 para ganar": the last athlete named before the gerund or purpose infinitive in its sentence won
    (not a count: "by winning two stages"; not a win wanted: "necesita … para ganar")."""
    gerunds = frozenset(g.lower() for g in lexicon.words("win_gerunds"))
    first_words = {re.split(r"(?<=['’]) *| ", g)[0] for g in gerunds}  # "en s'imposant" starts a token "en"
    negations = _negation_words(lexicon)
    lowers = attribution.lowers
    found = []
    for i in (i for i, lower in enumerate(lowers) if lower in first_words):
        end = next((i + n for n in (1, 2, 3) if phrase(lowers[i : i + n]) in gerunds), None)
        if end is None or _counted_object(lexicon, lowers[end : end + 2]):
            continue
        sentence = attribution.sentences[attribution.sentence_index(i)]
        if any(w in negations for w in lowers[max(sentence.start, i - 6) : i]):
            continue  # "necesita un buen resultado para ganar", "sans parvenir à …": a win wanted, not won
        before = [
            a
            for a in attribution.athletes_in(sentence.start, i)
            if a.kb_id_ not in attribution.beaten_in(attribution.clause(a.start))
        ]  # not "edged Y … to win"
        if before:
            found.append((before[-1], before[-1].kb_id_))
    return found


def coordinated_before(doc: Doc, attribution: Attribution, athlete: Span) -> list[Span]:
    """The athletes joined to this one by "and" or commas just before it: "A, B and C shared the win"."""
    joined: list[Span] = []
    current = athlete
    while current.start >= 2 and doc[current.start - 1].lower_ in attribution.list_joiners | {","}:
        previous = next((a for a in attribution.athletes if a.end == current.start - 1), None)
        if previous is None:
            break
        joined.insert(0, previous)
        current = previous
    return joined


def race_leaders(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """ "Pogacar conserve le maillot jaune", "Roglic verdedigde zijn leiderstrui": first overall."""
    jerseys = [" ".join(j.lower().split()) for j in lexicon.words("leader_jerseys")]
    negations = [n.lower() for n in lexicon.words("negations")]
    found = []
    for sentence in attribution.sentences:
        lowered = " ".join(attribution.lowers[sentence.start : sentence.end])
        for jersey in jerseys:
            position = lowered.find(jersey)
            if position < 0:
                continue
            i = sentence.start + len(lowered[:position].split())
            clause = attribution.clause(i)
            around = " ".join(attribution.lowers[max(clause.start, i - 5) : i])
            if any(f" {n} " in f" {around} " for n in negations):
                continue
            end = i + len(jersey.split())
            named_after = attribution.athletes_in(end, min(end + 1, sentence.end))  # "dem Gesamtführenden X": X leads
            holders = (
                named_after or attribution.athletes_in(clause.start, i) or attribution.athletes_in(sentence.start, i)
            )
            if holders:
                found.append((holders[0], holders[0].kb_id_))
            break
    return found


def winners(doc: Doc, attribution: Attribution, lexicon: Lexicon) -> list[tuple[Span, str]]:
    """Every athlete the text says won, with the mention that says so."""
    return (
        _winners(doc, attribution, lexicon)
        + _victors(doc, attribution, lexicon)
        + _gerund_winners(doc, attribution, lexicon)
    )
