"""Per-type precision, recall and F1 of a spaCy pipeline on gold token-per-line sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from nlp.training.conllu import LABELS, Sentence, entity_spans, sentence_doc

# Labels of other pipelines (e.g. official spaCy models) that mean one of ours; others are ignored.
LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "MISC": "MISC",
}


@dataclass
class TypeScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class NerScores:
    per_type: dict[str, TypeScore] = field(default_factory=lambda: {label: TypeScore() for label in LABELS})
    words: int = 0

    @property
    def overall(self) -> TypeScore:
        total = TypeScore()
        for score in self.per_type.values():
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
        return total


DOCUMENT_START = "-DOCSTART-"


def evaluate(
    nlp: Language, sentences: Iterable[Sentence], labels: Iterable[str] = LABELS, by_document: bool = False
) -> NerScores:
    """Exact-span scores per type. Only `labels` are scored (a model without MISC is not charged for it).

    By default each sentence is its own Doc. With `by_document`, the sentences between two -DOCSTART-
    lines (CoNLL-2003) form one Doc, as an article does in the product, so document evidence can act;
    spans are still scored sentence by sentence."""
    scored = set(labels)
    scores = NerScores(per_type={label: TypeScore() for label in scored})
    sentences = list(sentences)
    predictions = _predictions(nlp, sentences, by_document)
    for sentence, predicted_spans in zip(_real_sentences(sentences), predictions, strict=True):
        scores.words += len(sentence.words)
        gold = Counter(span for span in entity_spans(sentence) if span[2] in scored)
        predicted = Counter(span for span in predicted_spans if span[2] in scored)
        for start, end, label in gold | predicted:
            hits = min(gold[(start, end, label)], predicted[(start, end, label)])
            scores.per_type[label].true_positives += hits
            scores.per_type[label].false_positives += predicted[(start, end, label)] - hits
            scores.per_type[label].false_negatives += gold[(start, end, label)] - hits
    return scores


def _real_sentences(sentences: list[Sentence]) -> list[Sentence]:
    return [sentence for sentence in sentences if sentence.words[0] != DOCUMENT_START]


def _spans(doc: Doc, offset: int = 0) -> list[tuple[int, int, str]]:
    return [
        (ent.start - offset, ent.end - offset, LABEL_MAP[ent.label_]) for ent in doc.ents if ent.label_ in LABEL_MAP
    ]


def _predictions(nlp: Language, sentences: list[Sentence], by_document: bool) -> Iterable[list[tuple[int, int, str]]]:
    """Predicted (start, end, label) spans of each real sentence, in sentence-local token offsets."""
    if not by_document:
        docs = (sentence_doc(nlp.vocab, sentence, with_entities=False) for sentence in _real_sentences(sentences))
        for doc in nlp.pipe(docs, batch_size=256):
            yield _spans(doc)
        return
    for document in _documents(sentences):
        doc = nlp(Doc.from_docs([sentence_doc(nlp.vocab, sentence, with_entities=False) for sentence in document]))
        start = 0
        for sentence in document:
            end = start + len(sentence.words)
            yield [(s, e, label) for s, e, label in _spans(doc, start) if 0 <= s < end - start]
            start = end


def _documents(sentences: list[Sentence]) -> Iterable[list[Sentence]]:
    document: list[Sentence] = []
    for sentence in sentences:
        if sentence.words[0] == DOCUMENT_START:
            if document:
                yield document
            document = []
        else:
            document.append(sentence)
    if document:
        yield document


def format_table(title: str, scores: NerScores) -> str:
    rows = [f"{title}  ({scores.words} words)", "| type | P | R | F1 |", "|---|---|---|---|"]
    for label in [*LABELS, "all"]:
        if label != "all" and label not in scores.per_type:
            continue
        score = scores.overall if label == "all" else scores.per_type[label]
        rows.append(f"| {label} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |")
    return "\n".join(rows)
