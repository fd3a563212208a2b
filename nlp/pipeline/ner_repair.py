"""`palmares_ner_repair`: mends the statistical NER's person spans with name evidence (runs right after `ner`).

Wikipedia-trained NER transfers poorly to news in three ways this component corrects:
- boundaries: a role word before a given name is not part of the name ("Manager Herman Wijnants"), a
  given name alone before a person starts that person ("An" + "Bruyninckx"), and an ORG/LOC/MISC span
  that ends in a given name and capitalised words is that person ("Peruaan Alejandro Toledo");
- common words: a "person" made only of common words of the language (frequent in the language or seen in
  the training text outside entities, never inside a person name) is dropped ("Hanteert u ...",
  "Zeventien kinderen"), and so is a "person" that does not open with a capital letter or has a word
  without letters ("6-4"); a "person" that is the name of a city is a place ("Badajoz");
- document evidence: a surname introduced inside a full person name makes its lone mentions in the same
  Doc persons too ("Kramer" after "Sven Kramer"), whatever label the model gave them.

The common words are built when the pipeline is trained (`nlp/training/word_lists.py`, called by
`palmares train-ner`) and saved with the pipeline; the given names and city names are the project's
shared lists in `nlp/resources/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy
import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.pipeline.lexicon import resource_word_list
from nlp.pipeline.persons import given_names

FACTORY = "palmares_ner_repair"
COMMON_WORDS_FILE = "common_words.json"
PERSON = "PER"
PLACE = "LOC"


class NerRepair:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.common_words: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        names = given_names()
        spans = [self._mend_boundaries(doc, span, names) for span in doc.ents]
        spans = [span for span in spans if not self._is_common_word(span) and not self._is_not_a_name(span)]
        spans = [self._place_for_person(span) for span in spans]
        doc.ents = filter_spans(spans + self._repeated_surnames(doc, spans))
        return doc

    def set_common_words(self, words: Iterable[str]) -> None:
        self.common_words = frozenset(words)

    @staticmethod
    def _mend_boundaries(doc: Doc, span: Span, names: frozenset[str]) -> Span:
        start, end, label = span.start, span.end, span.label_
        if doc[start].text not in names:
            for inner in range(start + 1, end - 1):
                if doc[inner].text in names and all(is_capitalised(doc[after].text) for after in range(inner + 1, end)):
                    start, label = inner, PERSON
                    break
        if label == PERSON:
            while start > 0 and doc[start - 1].text in names and doc[start - 1].ent_iob_ == "O":
                start -= 1
        if (start, label) == (span.start, span.label_):
            return span
        return Span(doc, start, end, label=label)

    @staticmethod
    def _is_not_a_name(span: Span) -> bool:
        """A person's name opens with a capital letter and has letters in every word ("6-4", "m.73" are not names)."""
        return span.label_ == PERSON and (
            not span[0].text[:1].isupper() or not all(any(c.isalpha() for c in token.text) for token in span)
        )

    def _place_for_person(self, span: Span) -> Span:
        # Cities of 50,000+ people, built by nlp/resources/build_place_names.py.
        if span.label_ == PERSON and span.text in resource_word_list("place_names.txt"):
            return Span(span.doc, span.start, span.end, label=PLACE)
        return span

    def _is_common_word(self, span: Span) -> bool:
        return span.label_ == PERSON and all(token.text.lower() in self.common_words for token in span)

    @staticmethod
    def _repeated_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
        surnames = {
            span[-1].text
            for span in spans
            if span.label_ == PERSON and len(span) >= 2 and is_capitalised(span[-1].text)
        }
        if not surnames:
            return []
        # Token texts compared as hashes in one array pass: creating a Token per word costs more than the rest.
        keys = [doc.vocab.strings.add(surname) for surname in surnames]
        positions = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), keys))
        covering: dict[int, Span] = {index: span for span in spans for index in range(span.start, span.end)}
        repeated: list[Span] = []
        for index in positions.tolist():
            owner = covering.get(index)
            if owner is None or (len(owner) == 1 and owner.label_ != PERSON):
                if owner is not None:
                    spans.remove(owner)
                repeated.append(Span(doc, index, index + 1, label=PERSON))
        return repeated

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / COMMON_WORDS_FILE, sorted(self.common_words))

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> NerRepair:
        words_file = Path(path) / COMMON_WORDS_FILE
        if words_file.is_file():
            self.set_common_words(srsly.read_json(words_file))
        return self


@Language.factory(FACTORY)
def make_ner_repair(nlp: Language, name: str) -> NerRepair:
    return NerRepair(nlp, name)


def is_capitalised(text: str) -> bool:
    return text[:1].isupper() and text.replace("-", "").replace(".", "").isalpha()
