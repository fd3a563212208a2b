"""The words of a Doc as plain lists, read once per Doc and shared by the components and extractors.

Indexing a Doc builds a Token object on every access; rules that look at neighbouring words many
times per word read these lists instead. Only what the tokenizer fixed is kept (no sentence starts or
entities, which later components change).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_KEY = "palmares_words"
_TEXT_KEY = "palmares_text"


@dataclass(frozen=True, slots=True)
class DocWords:
    texts: list[str]
    lowers: list[str]
    space_after: list[bool]
    is_punct: list[bool]

    def __len__(self) -> int:
        return len(self.texts)


def doc_words(doc: Doc) -> DocWords:
    cached = doc.user_data.get(_KEY)  # plain lists, so a Doc still serialises (Doc.to_bytes, nlp.pipe(n_process=2))
    if isinstance(cached, (list, tuple)) and len(cached) == 4 and len(cached[0]) == len(doc):
        return DocWords(*cached)
    texts, lowers, space_after, is_punct = [], [], [], []
    for token in doc:
        texts.append(token.text)
        lowers.append(token.lower_)
        space_after.append(bool(token.whitespace_))
        is_punct.append(token.is_punct)
    doc.user_data[_KEY] = [texts, lowers, space_after, is_punct]
    return DocWords(texts, lowers, space_after, is_punct)


def doc_text(doc: Doc) -> str:
    """`doc.text`, which spaCy joins from the tokens at every read, joined once per Doc."""
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, (list, tuple)) and len(cached) == 2 and cached[0] == len(doc):
        return cached[1]
    text = doc.text
    doc.user_data[_TEXT_KEY] = [len(doc), text]
    return text
