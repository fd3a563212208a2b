"""`palmares_crew_names`: a crew of two written as one hyphenated pair ("Martin Test-Velent Test", rowing and
canoe reports) is two people. The Spanish, German, Italian and Dutch tokenizers keep "Test-Velent" one word, so no
name rule could end the first name at the hyphen; this component splits such a word into surname, hyphen and given
name (as the English and French tokenizers already do) where a given name opens the pair and a capitalised word
follows it. `nlp.pipeline.persons.name_sequences` then ends the first name at the hyphen."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.pipeline.doc_words import doc_text
from nlp.pipeline.persons import given_names

# "Martin Test-Velent Test": a given name, then one word of two capitalised halves joined by a hyphen, then a
# capitalised word; the halves are letters only
_CREW = re.compile(r"(?<!\S)(\w+) ([^\W\d_]+)-([^\W\d_]+) (?=[^\W\d_])")


class CrewNames:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # joined once per Doc, for the components after this one too
        if "-" not in text:
            return doc
        given = given_names()
        splits: list[tuple[Token, str, str]] = []
        for m in _CREW.finditer(text):
            first, surname, next_given = m.group(1), m.group(2), m.group(3)
            follower = text[m.end() : m.end() + 1]
            if not (first in given and surname[:1].isupper() and next_given[:1].isupper() and follower.isupper()):
                continue
            span = doc.char_span(m.start(2), m.end(3))
            if span is not None and len(span) == 1:
                splits.append((span[0], surname, next_given))
        if splits:
            with doc.retokenize() as retokenizer:
                for token, surname, next_given in splits:
                    heads: list[Token | tuple[Token, int]] = [(token, 0), (token, 1), (token, 2)]
                    retokenizer.split(token, [surname, "-", next_given], heads=heads)
        return doc


@Language.factory("palmares_crew_names")
def make_crew_names(nlp: Language, name: str) -> CrewNames:
    return CrewNames()
