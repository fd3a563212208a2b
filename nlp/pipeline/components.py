"""Custom spaCy components, registered with `@Language.factory` and assembled by `nlp.pipeline.loader`.

- `palmares_line_breaks`: a line break always starts a new sentence.
- `palmares_sports_entities`: times, gaps, ranks, medals, distances, disciplines, competitions,
  weekdays and teams from the language's lexicon -> `doc.spans["sports"]` (value in `span._.value`).
- `palmares_gazetteer`: known athletes and teams from the store -> `doc.spans["gazetteer"]`.
- `palmares_persons`: person mentions from the statistical NER (if any), name rules and the gazetteer,
  resolved within the document to canonical full names -> `doc.spans["persons"]`
  (`span.kb_id_` = canonical name, label ATHLETE or PERSON for non-athletes such as coaches).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable

import numpy
from spacy.attrs import IDX, LIKE_NUM, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.pipeline.doc_words import doc_text, doc_words
from nlp.pipeline.lexicon import (
    every_language_words,
    list_joiners,
    load_lexicon,
    nationality_words,
    resource_word_list,
)
from nlp.pipeline.persons import (
    Candidate,
    fold,
    given_names,
    has_nation_code_after,
    initials_match,
    is_common_word,
    is_role,
    name_key,
    name_sequences,
    non_person_names,
    preceded_by,
    role_in_apposition,
    surname_tokens,
)
from nlp.pipeline.sports_patterns import (
    COMPETITION,
    DISCIPLINE,
    DISTANCE,
    GAP,
    LEAD,
    MEDAL,
    RANK,
    TEAM,
    TIME,
    WEEKDAY,
    SportsPatterns,
)
from nlp.recent_names import KNOWN_NAMES_LIMIT, RecentNames

if not Span.has_extension("value"):
    Span.set_extension("value", default=None)

PERSON_LABELS = frozenset({"PER", "PERSON"})
KNOWN_SURNAMES = "known_athletes_by_surname"
NOT_PERSON_SPORTS = frozenset({TEAM, COMPETITION, DISCIPLINE, DISTANCE, WEEKDAY, MEDAL})
RESULT_LABELS = frozenset({TIME, GAP, RANK, MEDAL, LEAD})


@Language.component("palmares_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, list items ("2. Name (NAT) 1:53.92") and captions stand alone;
    the number of a list item ("2.") does not end one. Reads the Doc's arrays, and makes a Token only where it
    changes one (a Token per word costs more than the rest)."""
    if len(doc) < 2:
        return doc
    starts = doc.to_array(IDX).tolist()
    after_break = {bisect_right(starts, match.start()) for match in re.finditer("\n", doc_text(doc))}
    for i in sorted(k for k in after_break if 1 <= k < len(doc)):
        doc[i].is_sent_start = True
    orths, numbers = doc.to_array(ORTH).tolist(), doc.to_array(LIKE_NUM).tolist()
    item_marks = {doc.vocab.strings.add("."), doc.vocab.strings.add(")")}
    for i in range(2, len(doc)):
        if orths[i - 1] in item_marks and numbers[i - 2] and i not in after_break and doc[i - 2].is_sent_start:
            doc[i].is_sent_start = False
    return doc


class SportsEntities:
    def __init__(self, nlp: Language, name: str, language: str | None) -> None:
        self.patterns = SportsPatterns(load_lexicon(language or nlp.lang))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for mention in self.patterns.find(doc_text(doc)):
            span = doc.char_span(mention.start, mention.end, label=mention.label, alignment_mode="expand")
            if span is not None:
                span._.value = mention.value
                spans.append(span)
        doc.spans["sports"] = filter_spans(spans)
        return doc


@Language.factory("palmares_sports_entities", default_config={"language": None})
def make_sports_entities(nlp: Language, name: str, language: str | None) -> SportsEntities:
    return SportsEntities(nlp, name, language)


class Gazetteer:
    """Names the store already knows: matched case-insensitively in every document, each span carrying
    the stored spelling as `kb_id_`. The known athlete names are also offered to `palmares_persons`
    (via `doc.user_data`) to resolve surname-only mentions. At most `limit` names of each label: past it the
    name added longest ago goes (a name added again is the newest)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Known athletes by their folded last word: a surname-only mention looks its candidates up here
        # instead of scanning every stored name.
        self.athletes_by_surname: dict[str, list[str]] = {}
        self.limit = KNOWN_NAMES_LIMIT
        self.names = {label: RecentNames(self.limit) for label in ("ATHLETE", "TEAM", "COMPETITION")}

    @property
    def known(self) -> bool:
        return any(len(names) for names in self.names.values())

    def add_names(self, athletes: Iterable[str] = (), teams: Iterable[str] = (), races: Iterable[str] = ()) -> None:
        for label, names in (("ATHLETE", athletes), ("TEAM", teams), ("COMPETITION", races)):
            kept = self.names[label]
            kept.limit = self.limit
            for known_name in names:
                if not known_name:
                    continue
                if known_name not in kept:
                    self.matcher.add(f"{label}::{known_name}", [self.nlp.make_doc(known_name)])
                    if label == "ATHLETE":
                        self.athletes_by_surname.setdefault(_surname(known_name), []).append(known_name)
                for dropped in kept.add([known_name]):
                    self._forget(label, dropped)

    def _forget(self, label: str, known_name: str) -> None:
        self.matcher.remove(f"{label}::{known_name}")
        if label == "ATHLETE":
            surname = _surname(known_name)
            same = self.athletes_by_surname.get(surname, [])
            if known_name in same:
                same.remove(known_name)
            if not same:
                self.athletes_by_surname.pop(surname, None)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc) if self.known else []:
            label, known_name = self.nlp.vocab.strings[match_id].split("::", 1)
            spans.append(Span(doc, start, end, label=label, kb_id=known_name))
        doc.spans["gazetteer"] = filter_spans(spans)
        doc.user_data[KNOWN_SURNAMES] = self.athletes_by_surname
        return doc


def _surname(name: str) -> str:
    return fold(name.split()[-1])


@Language.factory("palmares_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


class Persons:
    def __init__(self, nlp: Language, name: str, language: str | None) -> None:
        self.lexicon = load_lexicon(language or nlp.lang)
        self.particles = self.lexicon.set("name_particles")
        self.athlete_roles = self.lexicon.set("athlete_roles")
        self.nationalities = nationality_words(self.lexicon.language)
        self.other_roles = self.lexicon.set("non_athlete_roles")
        self.determiners = self.lexicon.set("determiners")
        self.medal_words = self.lexicon.set("medals")
        self.result_verbs = frozenset(  # one-word verbs that report a result (not "was", "als", "took")
            w
            for w in self.lexicon.set("win_verbs") | self.lexicon.set("rank_verbs")
            if " " not in w and w not in self.lexicon.set("not_result_verbs")
        )
        self.venue_words = self.lexicon.set("venue_words")
        self.venue_words_after = self.lexicon.set("venue_words_after")
        self.list_joiners = list_joiners()
        self.place_cue_endings = tuple(f" {cue}" for cue in self.lexicon.set("place_cues"))  # " … arrivo a"
        self.given = given_names()
        self.places = resource_word_list("place_names.txt")
        self.descriptor_endings = tuple(every_language_words("descriptor_endings"))

    # -- candidates -------------------------------------------------------------------------------
    def _candidates(self, doc: Doc) -> list[Candidate]:
        # Doc.ents and span groups build new Span objects on every read: read each once.
        sports, known, ents = list(doc.spans.get("sports", [])), list(doc.spans.get("gazetteer", [])), doc.ents
        blocked = {i for s in sports if s.label_ in NOT_PERSON_SPORTS for i in range(s.start, s.end)}
        blocked |= {i for g in known if g.label_ != "ATHLETE" for i in range(g.start, g.end)}
        ner_persons = [e for e in ents if e.label_ in PERSON_LABELS]
        ner_person_starts = [e.start for e in ner_persons]  # Doc.ents come sorted: bisect rather than scan
        ner_person_words = {i for e in ner_persons for i in range(e.start, e.end)}
        ner_other = [e for e in ents if e.label_ not in PERSON_LABELS]
        gazetteer = [s for s in known if s.label_ == "ATHLETE"]
        gazetteer_bounds = {(g.start, g.end) for g in gazetteer}
        results = [s for s in sports if s.label_ in RESULT_LABELS]
        result_starts = sorted(s.start for s in results)
        # Candidates come from the name rules (clean boundaries: no "De Fransman van Cofidis"); the
        # statistical NER only votes on them, so its boundary and sentence-start mistakes cannot leak in.
        ner_person_ends = {e.end for e in ner_persons}
        spans = [
            self._trim_particle_tail(self._trim_common_lead(span, ner_person_starts), ner_person_ends)
            for span in name_sequences(doc, self.lexicon)
        ]
        spans += [g for g in gazetteer if not any(s.start <= g.start < s.end for s in spans)]
        never = non_person_names(self.lexicon.language)
        # Token positions by word, read from one ORTH array (a Token object per word costs more).
        sentence_of = numpy.cumsum(doc.to_array(SENT_START) == 1).tolist()  # each token's sentence number
        positions: dict[int, list[int]] = defaultdict(list)
        for index, orth in enumerate(doc.to_array(ORTH).tolist()):
            positions[orth].append(index)
        candidates = []
        for span in spans:
            if name_key(span.text) in never:
                continue
            bounds = (span.start, span.end)
            if not blocked.isdisjoint(range(*bounds)) and bounds not in gazetteer_bounds:
                before = self._name_before_blocked(span, blocked, ner_person_words)
                if before is None:
                    continue
                span, bounds = before, (before.start, before.end)
            candidate = Candidate(span)
            tokens = candidate.tokens
            inner_person = _first_start_within(ner_person_starts, span.start - 1, span.end)
            if span.start in ner_person_words or inner_person is not None:
                candidate.evidence.add("ner")
            if any(o.start <= span.start and span.end <= o.end for o in ner_other):
                candidate.evidence.add("ner-not-person")
            first = tokens[0]
            if len(tokens) >= 2 and (first in self.given or any(p in self.given for p in first.split("-"))):
                candidate.evidence.add("given-name")
            if has_nation_code_after(span, never):
                candidate.evidence.add("nation-code")
            if (
                (preceded_by(span, self.athlete_roles, window=2) and not self._common_word_opening(span, tokens))
                or self._after_nationality(span, tokens, "ner" in candidate.evidence)
                or self._after_country_possessive(span, never)
            ):
                candidate.evidence.add("athlete-role")
            if self._named_with_other_role(span):
                candidate.evidence.add("other-role")
            if bounds in gazetteer_bounds:
                candidate.evidence.add("gazetteer")
            if self._in_medal_list(span):
                candidate.evidence.add("medal-list")
            if self._names_a_place(span):
                candidate.evidence.add("venue")
            nearby_results = result_starts[
                bisect_left(result_starts, span.start - 8) : bisect_right(result_starts, span.start + 8)
            ]
            if len(tokens) >= 2 and any(
                sentence_of[start] == sentence_of[span.start] for start in nearby_results
            ):  # a list item's line is its own sentence
                candidate.evidence.add("result-context")
            if self._listed_surname_with_result(span, results):
                candidate.evidence.add("result-context")
            if "ner" in candidate.evidence and self._lone_subject_of_result_verb(span):
                candidate.evidence.add("result-context")  # the NER's person, and the verb of a result
            if len(tokens) >= 2 and self._surname_repeated(doc, span, tokens[-1], positions):
                candidate.evidence.add("surname-repeated")
            candidates.append(candidate)
        return candidates

    def _name_before_blocked(self, span: Span, blocked: set[int], ner_person_words: set[int]) -> Span | None:
        """ "Luca Test della Red Bull Racing": the name rules ran a name into a team across a particle; where the
        NER's person covers the words before the team, they are the name (particles cut off)."""
        end = next(i for i in range(span.start, span.end) if i in blocked)
        while end > span.start and (span.doc[end - 1].is_lower or not span.doc[end - 1].is_alpha):
            end -= 1
        if end - span.start < 2 or not all(i in ner_person_words for i in range(span.start, end)):
            return None
        return span.doc[span.start : end]

    def _named_with_other_role(self, span: Span) -> bool:
        """ "Coach Mark Hale", "der leitende Techniktrainer der Herren, Uwe Brandl", "Karl Weber, the race
        director,"; not "the coach said that Anna Test won" (a role a few words back counts only before a comma)."""
        after_comma = span.start > 0 and span.doc[span.start - 1].text == ","
        return preceded_by(span, self.other_roles, window=3 if after_comma else 1) or role_in_apposition(
            span, self.other_roles, self.determiners
        )

    def _after_nationality(self, span: Span, tokens: list[str], ner_person: bool) -> bool:
        """ "la suiza Lara X", "der Norweger Klæbo"; a lone word only when the NER also calls it a person and it is
        not a common word (not "die norwegische Hauptstadt", "den Deutschen Meisterschaften")."""
        lone = len(tokens) == 1
        return preceded_by(span, self.nationalities, window=1) and not (
            lone and (not ner_person or is_common_word(tokens[0].lower(), self.lexicon.language))
        )

    def _common_word_opening(self, span: Span, tokens: list[str]) -> bool:
        """ "… the winner. More text follows", "… Weltmeisterin. Mehr Text folgt": a name-like sequence opening its
        sentence with a common word takes no role from the sentence before."""
        return bool(span.doc[span.start].is_sent_start) and is_common_word(tokens[0].lower(), self.lexicon.language)

    def _trim_common_lead(self, span: Span, ner_person_starts: list[int]) -> Span:
        """ "Yesterday Oscar Quimby": where the NER's person starts inside the sequence, after common words
        only (no given name among them), the person starts there."""
        inner = _first_start_within(ner_person_starts, span.start, span.end)
        if inner is None:
            return span
        words = doc_words(span.doc)
        lead = words.lowers[span.start : inner]
        language = self.lexicon.language
        never = non_person_names(language)
        if all(
            (
                is_common_word(word, language)
                or word in self.nationalities
                or name_key(word) in never
                or is_role(word, self.athlete_roles)
                or word.endswith(self.descriptor_endings)
                or text in self.places  # "Lahti Pekka Ranta": a city before the NER's person
            )
            and word.title() not in self.given
            for word, text in zip(lead, words.texts[span.start : inner], strict=True)
        ):
            return span.doc[inner : span.end]
        return span

    def _trim_particle_tail(self, span: Span, ner_person_ends: set[int]) -> Span:
        """ "Mattia Test della Campana Imballaggi", "Brenda Test del Estado": where the NER's person ends right before
        a lower-case particle inside the sequence, what follows is the athlete's team or home, not their name."""
        doc = span.doc
        for end in range(span.start + 2, span.end - 1):
            if end in ner_person_ends and doc[end].text.islower() and doc[end].lower_ in self.particles:
                return doc[span.start : end]
        return span

    def _lone_subject_of_result_verb(self, span: Span) -> bool:
        """ "Visser won dit seizoen al zijn races": a lone name opening its sentence, right before a verb that
        reports a result ("In Assen won X" does not open its sentence with the name)."""
        words = doc_words(span.doc)
        return (
            len(span) == 1
            and bool(span.doc[span.start].is_sent_start)
            and span.end < len(words.lowers)
            and words.lowers[span.end] in self.result_verbs
        )

    def _names_a_place(self, span: Span) -> bool:
        """ "Alto de Vivero", "lo stadio Giuseppe Meazza", "the Giovanni Agnelli course", "con arrivo a
        Linguaglossa": a climb, venue or stage town, whatever its words."""
        lowers = doc_words(span.doc).lowers
        following = lowers[span.end] if span.end < len(lowers) else ""
        previous = lowers[span.start - 1] if span.start else ""
        return (
            lowers[span.start] in self.venue_words
            or following in self.venue_words_after
            or previous in self.venue_words
            or f" {' '.join(lowers[max(0, span.start - 3) : span.start])}".endswith(self.place_cue_endings)
        )

    def _listed_surname_with_result(self, span: Span, results: list[Span]) -> bool:
        """ "..., Pozzovivo a 59\" e Kruijswijk a 1'15\"": a lone surname in an enumeration, with its gap."""
        if len(span) != 1 or span.start == 0 or self.lexicon.data["nouns_capitalised"]:
            return False
        listed = span.doc[span.start - 1].text == "," or span.doc[span.start - 1].lower_ in self.list_joiners
        return listed and any(r.label_ in {TIME, GAP} and 0 <= r.start - span.end <= 2 for r in results)

    @staticmethod
    def _after_country_possessive(span: Span, never: frozenset[str]) -> bool:
        """ "Canada's Valerie Maltais": a country's person in a sports report is its athlete."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text not in {"'s", "’s"}:
            return False
        return any(
            name_key(doc[i : span.start - 1].text) in never for i in range(max(0, span.start - 4), span.start - 1)
        )

    def _listed_with(self, people: list[Candidate], candidates: list[Candidate], doc: Doc) -> list[Candidate]:
        """ "Mit Arnd Peiffer, Benedikt Doll und Lucas Fratzscher": names enumerated with a person are people."""
        by_start = {c.span.start: c for c in candidates}
        by_end = {c.span.end: c for c in candidates}
        joiners = self.list_joiners | {","}
        found: list[Candidate] = []

        def joined(one: Candidate, other: Candidate) -> bool:
            gap = doc[min(one.span.end, other.span.end) : max(one.span.start, other.span.start)]
            return len(gap) == 1 and gap[0].lower_ in joiners

        frontier = [c for c in people if len(c.tokens) >= 2]
        while frontier:
            current = frontier.pop()
            neighbours = [by_start.get(current.span.end + 1), by_end.get(current.span.start - 1)]
            for other in neighbours:
                if (
                    other is None
                    or other in people
                    or other in found
                    or len(other.tokens) < 2
                    or "venue" in other.evidence
                ):
                    continue
                if not joined(current, other):
                    continue
                # The NER's place or organisation stands, unless the list already names two people around it.
                vouched = any(
                    n is not None and n is not other and (n in people or n in found) and joined(current, n)
                    for n in neighbours
                )
                if "ner-not-person" in other.evidence and not vouched:
                    continue
                other.evidence.add("listed-with-person")
                found.append(other)
                frontier.append(other)
        return found

    @staticmethod
    def _surname_repeated(doc: Doc, span: Span, surname: str, positions: dict[int, list[int]]) -> bool:
        """ "Jorrit Bergsma ... Bergsma": the surname alone again elsewhere (not right after the given name)."""
        return any(
            not (span.start <= i < span.end)
            and (i == 0 or not doc[i - 1].text[:1].isupper() or doc[i - 1].is_sent_start)
            for i in positions.get(doc.vocab.strings[surname], ())
        )

    def _in_medal_list(self, span: Span) -> bool:
        """ "goud (Kramer, Nuis, Achtereekte)": names listed in brackets after a medal word."""
        words = doc_words(span.doc)
        i = span.start - 1
        while i >= 0 and words.texts[i] not in {"(", ")", "."}:
            i -= 1
        return i >= 1 and words.texts[i] == "(" and words.lowers[i - 1] in self.medal_words

    @staticmethod
    def _is_person(candidate: Candidate) -> bool:
        evidence = candidate.evidence
        strong = evidence & {
            "ner",
            "given-name",
            "nation-code",
            "gazetteer",
            "medal-list",
            "athlete-role",
            "result-context",
            "surname-repeated",
        }
        if "ner-not-person" in evidence and not (strong - {"ner"}):
            return False  # only the NER's word for it, and the NER saw an organisation or place
        if "venue" in evidence and not evidence & {"gazetteer", "athlete-role", "nation-code", "medal-list"}:
            return False  # a place's name, even one made of a person's ("the Giovanni Agnelli course")
        if len(candidate.tokens) == 1 and strong == {"ner"}:
            return False  # a lone capitalised word needs more than the NER's word for it ("Assen", "Aanvaard")
        return bool(strong)

    # -- document-level resolution -----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        candidates = self._candidates(doc)
        people = [c for c in candidates if self._is_person(c)]
        people += self._listed_with(people, candidates, doc)
        # a lone surname known to be a person vouches for the full name it was introduced with
        lone = {fold(c.tokens[0]) for c in people if len(c.tokens) == 1}
        people += [
            c
            for c in candidates
            if c not in people
            and len(c.tokens) >= 2
            and fold(c.tokens[-1]) in lone
            and "ner-not-person" not in c.evidence
        ]
        full_names: dict[str, list[str]] = {}
        token_sets: set[frozenset[str]] = set()
        for c in people:
            tokens = c.tokens
            token_set = frozenset(fold(t) for t in tokens)
            if (
                len(tokens) >= 2
                and not any(t.endswith(".") and len(t) == 2 for t in tokens)
                and (tokens[0].lower() not in self.particles)
                and (  # "Van der Poel" is a surname, not a full name
                    " ".join(tokens) in full_names or token_set not in token_sets
                )
            ):
                full_names.setdefault(" ".join(tokens), tokens)  # "Zhang Wei" after "Wei Zhang" is an alias
                token_sets.add(token_set)
        known = {g.start: g.kb_id_ for g in doc.spans.get("gazetteer", []) if g.label_ == "ATHLETE"}
        lone_people = {fold(c.tokens[0]): c.tokens[0] for c in people if len(c.tokens) == 1}
        canonical_of = self._canonical_resolver(full_names, doc.user_data.get(KNOWN_SURNAMES, {}), lone_people)
        resolved: list[Span] = []
        roles: dict[str, set[str]] = defaultdict(set)
        mentions = people + [c for c in candidates if c not in people and canonical_of(c.tokens)]
        for c in mentions:
            canonical = known.get(c.span.start) or canonical_of(c.tokens) or " ".join(c.tokens)
            roles[canonical] |= c.evidence
            resolved.append(Span(doc, c.span.start, c.span.end, kb_id=canonical))
        labelled = []
        for span in filter_spans(resolved):
            evidence = roles[span.kb_id_]
            label = "PERSON" if "other-role" in evidence else "ATHLETE"
            labelled.append(Span(doc, span.start, span.end, label=label, kb_id=span.kb_id_))
        doc.spans["persons"] = labelled
        return doc

    def _canonical_resolver(
        self, full_names: dict[str, list[str]], known_by_surname: dict[str, list[str]], lone_people: dict[str, str]
    ):
        by_surname: dict[str, set[str]] = defaultdict(set)
        by_given: dict[str, set[str]] = defaultdict(set)
        by_token_set: dict[frozenset[str], set[str]] = defaultdict(set)
        for name, tokens in full_names.items():
            by_surname[fold(" ".join(surname_tokens(tokens, self.particles)))].add(name)
            by_surname[fold(tokens[-1])].add(name)
            by_given[fold(tokens[0])].add(name)
            by_token_set[frozenset(fold(t) for t in tokens)].add(name)
        # a full name contained in a longer one ("Havard Lorentzen" in "Havard Holmefjord Lorentzen") is that person
        folded_names = {name: fold(name) for name in full_names}  # fold once per name, not once per pair
        ends = {name: (fold(name.split()[0]), fold(name.split()[-1])) for name in full_names}
        longer_of = {
            n: next(
                (
                    m
                    for m in full_names
                    if m != n
                    and folded_names[m].startswith(ends[n][0])
                    and folded_names[m].endswith(ends[n][1])
                    and len(m) > len(n)
                ),
                None,
            )
            for n in full_names
        }

        def canonical(tokens: list[str]) -> str | None:
            key = " ".join(tokens)
            if key in full_names:
                return longer_of.get(key) or key
            same_set = by_token_set.get(frozenset(fold(t) for t in tokens), set())
            if len(same_set) == 1:
                return next(iter(same_set))
            for name, full in full_names.items():
                if initials_match(tokens, full):
                    return longer_of.get(name) or name
            folded = fold(" ".join(tokens))
            for table in (by_surname, by_given):
                names = {longer_of.get(n) or n for n in table.get(folded, set())}
                if len(names) == 1:
                    return next(iter(names))
            stored = known_by_surname.get(folded, []) if len(tokens) == 1 else []
            if len(stored) == 1:
                return stored[0]  # "Smeekens" -> the one stored "Jan Smeekens"
            return lone_people.get(folded) if len(tokens) == 1 else None  # "Molano" named again

        return canonical


def _first_start_within(starts: list[int], after: int, before: int) -> int | None:
    """The first of the sorted `starts` with after < start < before, if any."""
    index = bisect_right(starts, after)
    return starts[index] if index < len(starts) and starts[index] < before else None


@Language.factory("palmares_persons", default_config={"language": None})
def make_persons(nlp: Language, name: str, language: str | None) -> Persons:
    return Persons(nlp, name, language)
