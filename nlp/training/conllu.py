"""Read token-per-line NER files (`index<TAB>token<TAB>IOB2-tag`) and turn them into spaCy Docs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin, Token
from spacy.vocab import Vocab

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")


class ConlluError(ValueError):
    """A line of a token-per-line file that cannot be read."""


@dataclass(frozen=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]


def read_sentences(path: Path) -> list[Sentence]:
    """Sentences of one file; invalid IOB2 (an I- tag opening a span) is repaired to B-."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    sentences.append(Sentence(tuple(words), tuple(repair_iob(tags))))
                    words, tags = [], []
                continue
            fields = line.split("\t")
            if len(fields) < 3:
                raise ConlluError(f"{path}:{number}: expected 'index<TAB>token<TAB>tag', got {line!r}")
            if not fields[1].strip():
                continue  # an empty token (one in CoNLL-2003 German test) cannot be a spaCy token
            words.append(fields[1])
            tags.append(fields[2].strip() or "O")
    if words:
        sentences.append(Sentence(tuple(words), tuple(repair_iob(tags))))
    return sentences


def repair_iob(tags: Iterable[str]) -> list[str]:
    repaired: list[str] = []
    previous = "O"
    for tag in tags:
        if tag != "O" and not tag.startswith(("B-", "I-")):
            tag = "O"
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append(tag)
        previous = tag
    return repaired


def sentence_doc(vocab: Vocab, sentence: Sentence, with_entities: bool = True) -> Doc:
    """One Doc per sentence: news text is tagged sentence by sentence, so training docs are too."""
    spaces = [True] * (len(sentence.words) - 1) + [False]
    entities = list(sentence.tags) if with_entities else None
    return Doc(vocab, words=list(sentence.words), spaces=spaces, ents=entities)


def iob_tag(token: Token) -> str:
    """The token's entity tag as in the token-per-line files ("B-PER", "I-PER", "O")."""
    return token.ent_iob_ + "-" + token.ent_type_ if token.ent_type_ else "O"


def to_docbin(vocab: Vocab, sentences: Iterable[Sentence]) -> DocBin:
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for sentence in sentences:
        docbin.add(sentence_doc(vocab, sentence))
    return docbin


def entity_spans(sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of each gold span."""
    start: int | None = None
    label = ""
    for index, tag in enumerate([*sentence.tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            yield start, index, label
            start = None
        if tag.startswith("B-"):
            start, label = index, tag[2:]
