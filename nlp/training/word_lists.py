"""The common words the NER repair step keeps (`nlp/pipeline/ner_repair.py`), built when a pipeline is trained.

Common words are words of the language that are not names: seen outside entities in the training text,
or frequent in the language's general usage (wordfreq: news, Wikipedia, subtitles, books, web). A word
that was ever part of a person's name in the training text ("Bakker"), or is in the project's given-name or
surname list, is not kept. wordfreq is needed
for training only (the `train` extra).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from nlp.pipeline.lexicon import resource_word_list

# How often a word must be seen outside entities (lower-case, or capitalised inside a sentence) to count
# as a common word of the training text.
MIN_COMMON_COUNT = 2
# Zipf frequency (log10 of uses per billion words) from which a word counts as common usage: about
# 15,000 words per language.
MIN_ZIPF_FREQUENCY = 3.5
PERSON_TAG_SUFFIX = "-PER"

Sentences = Iterable[tuple[Iterable[str], Iterable[str]]]


def person_words(sentences: Sentences) -> set[str]:
    """Lower-cased words that were part of a person's name somewhere in (words, IOB2 tags) sentences."""
    return {
        word.lower()
        for words, tags in sentences
        for word, tag in zip(words, tags, strict=True)
        if tag.endswith(PERSON_TAG_SUFFIX)
    }


def training_common_words(sentences: Sentences) -> set[str]:
    """Lower-cased words seen at least MIN_COMMON_COUNT times outside entities (lower-case, or capitalised
    after the first word; a sentence's first word says nothing)."""
    outside: Counter[str] = Counter()
    for words, tags in sentences:
        for position, (word, tag) in enumerate(zip(words, tags, strict=True)):
            if tag == "O" and word.isalpha() and (word[:1].islower() or position > 0):
                outside[word.lower()] += 1
    return {word for word, count in outside.items() if count >= MIN_COMMON_COUNT}


def frequent_words(language: str) -> set[str]:
    import wordfreq

    words: set[str] = set()
    for word in wordfreq.iter_wordlist(language):
        if wordfreq.zipf_frequency(word, language) < MIN_ZIPF_FREQUENCY:
            break
        if word.isalpha():
            words.add(word)
    return words


def shared_name_words() -> set[str]:
    """The project's given names and surnames (from all six languages' training text), lower-cased."""
    return {name.lower() for file in ("given_names.txt", "surnames.txt") for name in resource_word_list(file)}


def common_words(language: str, sentences: Sequence[tuple[Sequence[str], Sequence[str]]]) -> set[str]:
    """Common words of the language that are no names: never part of a person's name in the language's
    training text, nor a given name or surname of the shared lists ("Aznar" is frequent in Spanish news)."""
    common = training_common_words(sentences) | frequent_words(language)
    return common - person_words(sentences) - shared_name_words()
