"""Who a mention belongs to: the athlete of its clause, of its sentence, or the one a pronoun refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from nlp.pipeline.doc_words import doc_text, doc_words
from nlp.pipeline.lexicon import Lexicon, every_language_words, list_joiners, nationality_words

CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end


class Attribution:
    """Resolves the athlete a token position in `doc` is about."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.athletes = [s for s in doc.spans.get("persons", []) if s.label_ == "ATHLETE"]
        self.athlete_starts = frozenset(a.start for a in self.athletes)
        self.pronouns = lexicon.set("subject_pronouns")
        self.roles = lexicon.set("athlete_roles")
        self.relatives = lexicon.set("relative_pronouns")
        self.possessives = lexicon.set("possessive_pronouns")
        self.determiners = lexicon.set("determiners")
        # words that may stand between list items or before a name: "en de Italiaan", "et la Kényane"
        self.describing = self.determiners | self.roles | nationality_words(lexicon.language)
        self.nouns_capitalised = lexicon.data["nouns_capitalised"]
        # "ahead of X", the verbs that beat X ("outsprinted X to take gold") and "behind X" ("tweede plaats achter
        # X"): X is a reference, and owns nothing in that clause
        markers = lexicon.words("beaten_markers") + lexicon.words("beat_phrases") + lexicon.words("behind_words")
        alternation = "|".join(re.escape(m.lower()) for m in sorted(markers, key=len, reverse=True)) or r"(?!x)x"
        self._beaten_marker = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
        self._beaten_by_clause: dict[int, frozenset[str]] = {}
        self.clause_openers = lexicon.set("clause_openers")
        # read in every language: a name or quote in another language keeps its own "and"
        self.conjunctions = every_language_words("conjunctions")
        self.list_joiners = list_joiners()
        # words that put a margin's distance to what follows: "van het brons", "du bronze", "off bronze"
        self.distance_to_words = lexicon.set("distance_to_words")
        self.sports: list[Span] = list(doc.spans.get("sports", []))  # a SpanGroup builds its Spans per read
        self.text = doc_text(doc)
        words = doc_words(doc)
        self.texts, self.lowers, self.is_punct = words.texts, words.lowers, words.is_punct
        self._breaks = [
            text in CLAUSE_BREAKS
            or lower in self.conjunctions
            or lower in self.clause_openers
            or "\n" in text  # a line break ends a clause (lists)
            for text, lower in zip(self.texts, self.lowers, strict=True)
        ]
        self.sentences = _sentences(doc)
        self._sentence_of = {}
        for index, sentence in enumerate(self.sentences):
            for i in range(sentence.start, sentence.end):
                self._sentence_of[i] = index

    @property
    def clause_breaks(self) -> list[bool]:
        """Whether each token ends the clause before it (punctuation, conjunctions, clause openers, line breaks)."""
        return self._breaks

    def sentence_index(self, i: int) -> int:
        return self._sentence_of.get(i, 0)

    def sentence_holding(self, i: int) -> int | None:
        """The index of the sentence holding token `i`, None when it is in none (whitespace between them)."""
        return self._sentence_of.get(i)

    def sentence_text(self, i: int) -> str:
        """The sentence of token `i`, stripped (sliced from the text: Span.text joins its tokens)."""
        sentence = self.sentences[self.sentence_index(i)]
        return self.text[sentence.start_char : sentence.end_char].strip()

    def clause(self, i: int) -> Clause:
        sentence = self.sentences[self.sentence_index(i)]
        start, end = sentence.start, sentence.end
        for j in range(i - 1, sentence.start - 1, -1):
            if self._breaks[j]:
                start = j + 1
                break
        for j in range(i + 1, sentence.end):
            if self._breaks[j]:
                end = j
                break
        return Clause(start, end)

    def athletes_in(self, start: int, end: int, exclude: frozenset[str] = frozenset()) -> list[Span]:
        return [a for a in self.athletes if start <= a.start < end and a.kb_id_ not in exclude]

    def has_pronoun(self, start: int, end: int) -> bool:
        return self._anaphor(start, end) == "pronoun"

    def has_anaphor(self, start: int, end: int) -> bool:
        return self._anaphor(start, end) is not None

    def _anaphor(self, start: int, end: int) -> str | None:
        """ "pronoun" (hij, she: the subject so far) or "description" (de Noor, the skater: the last named)."""
        words = self.lowers[start:end]
        if any(w in self.pronouns for w in words):
            return "pronoun"
        if any(w in self.roles and start + k + 1 not in self.athlete_starts for k, w in enumerate(words)):
            return "description"  # (not "l'Espagnol Carlos X": a description that introduces the name after it)
        if (
            self.nouns_capitalised
            and end - start >= 2
            and self.lowers[start] in self.determiners
            and self.texts[start + 1][:1].isupper()
        ):
            return "description"  # German: "Der Berliner schlug an"
        return None

    def subject_before(self, sentence_index: int, last: bool = False) -> str | None:
        """The first (or last) athlete named in the closest earlier sentence that names one; a sentence that
        names none but describes one ("De Fransman werd tweede. Hij won …") passes on the athlete it describes."""
        for index in range(sentence_index - 1, -1, -1):
            sentence = self.sentences[index]
            named = self.athletes_in(sentence.start, sentence.end)
            if named:
                return named[-1 if last else 0].kb_id_
            if self._anaphor(sentence.start, sentence.end) == "description":
                return self.subject_before(index, last=True)
        return None

    def beaten_in(self, clause: Clause) -> frozenset[str]:
        """Athletes marked as beaten in the clause ("holte vor Michael X Gold", "ahead of Y"): not owners."""
        beaten = self._beaten_by_clause.get(clause.start)
        if beaten is None:
            beaten = self._beaten_by_clause[clause.start] = frozenset(
                athlete.kb_id_
                for athlete in self.athletes_in(clause.start, clause.end)
                if self._beaten_marker.search(
                    " ".join(self.lowers[max(clause.start, athlete.start - 4) : athlete.start])
                )
            )
        return beaten

    def owner(
        self,
        span: Span,
        exclude: frozenset[str] = frozenset(),
        prefer_following: bool = False,
        reach_later: bool = True,
    ) -> str | None:
        clause = self.clause(span.start)
        exclude = exclude | self.beaten_in(clause)
        sentence = self.sentences[self.sentence_index(span.start)]
        if any(w in self.possessives for w in self.lowers[max(sentence.start, span.start - 4) : span.start]):
            named = self.athletes_in(sentence.start, span.start, exclude)
            if named:
                return named[0].kb_id_  # "with his time of 2:12.624": the sentence's subject
        in_clause = self.athletes_in(clause.start, clause.end, exclude)
        if in_clause:
            following = [a for a in in_clause if a.start >= span.end]
            preceding = [a for a in in_clause if a.end <= span.start]
            if prefer_following and following:
                return following[0].kb_id_
            if preceding:
                return preceding[-1].kb_id_
            return following[0].kb_id_ if following else in_clause[0].kb_id_
        earlier = self.athletes_in(sentence.start, span.start, exclude)
        opener = self.lowers[clause.start - 1] if clause.start > sentence.start else None
        relative = self.lowers[clause.start] in self.relatives or opener in self.relatives
        if earlier and relative:
            return earlier[-1].kb_id_  # "X, die het goud pakte": the name the relative clause follows
        if earlier:
            if self.has_anaphor(clause.start, span.start):
                return earlier[0].kb_id_  # "X ..., hij finishte als negende": the sentence subject
            return earlier[-1].kb_id_  # (also "…, 0.73 behind the Swede": a description after the span is no subject)
        anaphor = self._anaphor(sentence.start, sentence.end)
        if anaphor:
            subject = self.subject_before(self.sentence_index(span.start), last=anaphor == "description")
            if subject and subject not in exclude:
                return subject
        later = self.athletes_in(span.end, sentence.end, exclude) if reach_later else []
        return later[0].kb_id_ if later else None


def _sentences(doc: Doc) -> list[Span]:
    """The sentences, from the sentence-start array (Doc.sents builds a Token per word to find them)."""
    if not len(doc):
        return []
    flags = doc.to_array(SENT_START).tolist()
    starts = [0] + [i for i in range(1, len(doc)) if flags[i] == 1]
    return [doc[start:end] for start, end in zip(starts, starts[1:] + [len(doc)], strict=True)]
