"""News-style augmentation of Wikipedia training sentences.

Wikipedia introduces people by their full name; news mostly repeats the surname alone ("zei Kramer").
The augmenter drops given names from some person spans, and adds a little upper-case and title-case
noise (headlines), so the model learns person contexts rather than "two capitalised words". It can also
spell sentences without accents, as text passed through an ASCII-only system arrives
(`nlp/pipeline/spelling_variants.py`); `ner.cfg` keeps that off (measured there, not adopted).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from nlp.pipeline.spelling_variants import VARIANTS
from nlp.training.conllu import iob_tag

Augmenter = Callable[[Language, Example], Iterator[Example]]


@registry.augmenters("palmares.news_style.v1")
def create_news_style_augmenter(
    surname_only: float, uppercase: float, titlecase: float, accents_lost: float = 0.0
) -> Augmenter:
    """surname_only: chance that a multi-word person span loses its given name(s);
    uppercase / titlecase: chance that a whole sentence is upper-cased / title-cased;
    accents_lost: chance that a sentence is spelled without accents, in one of the VARIANTS ways."""

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        words = [token.text for token in example.reference]
        tags = [iob_tag(token) for token in example.reference]
        words, tags = drop_given_names(words, tags, surname_only, random.random)
        roll = random.random()
        if roll < uppercase:
            words = [word.upper() for word in words]
        elif roll < uppercase + titlecase:
            words = [word[:1].upper() + word[1:] for word in words]
        if accents_lost and random.random() < accents_lost:
            words = without_accents(words, random.choice(VARIANTS))
        spaces = [True] * (len(words) - 1) + [False]
        predicted = Doc(nlp.vocab, words=words, spaces=spaces)
        reference = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags)
        yield Example(predicted, reference)

    return augment


def without_accents(words: list[str], variant: Callable[[str], str]) -> list[str]:
    """Each word respelled by `variant`; a word that would vanish ("€" with its non-ASCII dropped) stays."""
    return [variant(word) or word for word in words]


def drop_given_names(
    words: list[str], tags: list[str], chance: float, roll: Callable[[], float]
) -> tuple[list[str], list[str]]:
    """Keep only the surname of some PER spans: from the first lower-case particle ("van der Berg",
    capitalised as a stand-alone name is) or else the last word."""
    out_words: list[str] = []
    out_tags: list[str] = []
    index = 0
    while index < len(words):
        if tags[index] != "B-PER":
            out_words.append(words[index])
            out_tags.append(tags[index])
            index += 1
            continue
        end = index + 1
        while end < len(words) and tags[end] == "I-PER":
            end += 1
        span = words[index:end]
        if len(span) >= 2 and roll() < chance:
            particle = next((i for i in range(1, len(span)) if span[i][:1].islower()), None)
            span = span[particle:] if particle is not None else span[-1:]
            span = [span[0][:1].upper() + span[0][1:], *span[1:]]
        out_words.extend(span)
        out_tags.extend(["B-PER"] + ["I-PER"] * (len(span) - 1))
        index = end
    return out_words, out_tags
