"""Synthetic list sentences for NER training: line-ups, enumerations and result lists of names.

Sports news prints many names with almost no sentence around them: a team's line-up
("Brandhorst - Liebig - Saathoff (72. Kühnel), Wendrich ..."), a list of scorers or riders ("A, B, C and D"), a result
table ("1. Sven Kramer (Jumbo) 6:04,12, 2. ..."). Wikipedia sentences have hardly any, so a model trained on
them misses most surnames in such lists: on CoNLL-2003 German validation, 208 of the 514 persons the NER
missed stood in lists of lone surnames.

These sentences are built from the names of a language's own training split (never from evaluation data),
in that language's tokenisation. Lists of places and organisations use the same shapes, so that the shape alone
does not make a word a person, and some lists open with a dateline ("BONN, 4. August: ..."), so that a number
before a capitalised word is not always a minute or a rank: the first trial without datelines tagged
"4. August" as a person 80 times in CoNLL-2003 German validation.

Each list is followed by a training sentence of the same language, and sometimes preceded by one, as in an
article: Wikipedia docs are single sentences, so without this the lists would be the only place where a word
follows a full stop, and the model would learn "full stop, capitalised word: a person" ("… Kramer. Dies ist …").
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import spacy
from babel.core import UnknownLocaleError
from babel.dates import format_skeleton
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from nlp.pipeline.lexicon import available_languages, load_lexicon
from nlp.training.conllu import Sentence, entity_spans, iob_tag

LINE_UP_SHAPES = ((1, 4, 4, 2), (1, 4, 3, 3), (1, 3, 5, 2), (1, 4, 2, 4), (1, 3, 4, 3))
DATELINE_CHANCE = 0.3
SENTENCE_BEFORE_CHANCE = 0.3


Piece = tuple[str, str]  # (text, label or "" for plain text)


@dataclass(frozen=True)
class NamePools:
    surnames: tuple[str, ...]
    full_names: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]

    def is_enough(self) -> bool:
        return all(len(pool) >= 20 for pool in (self.surnames, self.full_names, self.organisations, self.places))


def name_pools(sentences: Iterable[Sentence]) -> NamePools:
    """The distinct names of each kind in `sentences`, in order of first appearance (so runs are reproducible).

    A surname is the last word of a person's name, unless that word also opens names (a given name), is a
    place, or is written in capitals ("VIII")."""
    surnames: dict[str, None] = {}
    given_names: set[str] = set()
    full_names: dict[str, None] = {}
    organisations: dict[str, None] = {}
    places: dict[str, None] = {}
    for sentence in sentences:
        for start, end, label in entity_spans(sentence):
            words = sentence.words[start:end]
            if not all(_is_name_word(word) for word in words):
                continue
            if label == "PER":
                if words[-1][:1].isupper() and not words[-1].isupper():
                    surnames[words[-1]] = None
                if 2 <= len(words) <= 3:
                    full_names[" ".join(words)] = None
                    given_names.add(words[0])
            elif label == "ORG" and len(words) <= 3:
                organisations[" ".join(words)] = None
            elif label == "LOC" and len(words) <= 2:
                places[" ".join(words)] = None
    surnames = {name: None for name in surnames if name not in given_names and name not in places}
    return NamePools(tuple(surnames), tuple(full_names), tuple(organisations), tuple(places))


def _is_name_word(word: str) -> bool:
    return word.replace("-", "").replace("'", "").isalpha()


def list_sentences(language: str, sentences: list[Sentence], count: int, seed: int) -> list[Sentence]:
    """`count` synthetic list sentences built from the names in `sentences` (none if it has too few names), each
    within one or two of `sentences`."""
    pools = name_pools(sentences)
    if count <= 0 or not pools.is_enough():
        return []
    rng = random.Random(seed)
    tokenizer = spacy.blank(language).tokenizer
    # the word joining the last two items of a list: the first of the language's list joiners
    conjunction = load_lexicon(language).words("list_joiners")[0] if language in available_languages() else ","
    makers: tuple[Maker, ...] = (_line_up, _line_up, _enumeration, _enumeration, _result_list)
    made: list[Sentence] = []
    while len(made) < count:
        pieces = rng.choice(makers)(pools, rng, conjunction)
        if rng.random() < DATELINE_CHANCE:
            pieces = _dateline(pools, rng, language) + pieces
        listed = _tokenised(tokenizer, pieces)
        if listed is None:
            continue
        before = [rng.choice(sentences)] if rng.random() < SENTENCE_BEFORE_CHANCE else []
        made.append(_joined([*before, listed, rng.choice(sentences)]))
    return made


# A maker turns the pools into the pieces of one list; each takes the language's conjunction, used or not.
Maker = Callable[[NamePools, random.Random, str], list[Piece]]


def _joined(sentences: list[Sentence]) -> Sentence:
    return Sentence(
        tuple(word for sentence in sentences for word in sentence.words),
        tuple(tag for sentence in sentences for tag in sentence.tags),
    )


def _line_up(pools: NamePools, rng: random.Random, conjunction: str) -> list[Piece]:
    pieces: list[Piece] = []
    if rng.random() < 0.5:
        pieces += [(rng.choice(pools.organisations), "ORG"), (": ", "")]
    minute_style = rng.choice(("{}. ", "{}' "))
    for line_number, size in enumerate(rng.choice(LINE_UP_SHAPES)):
        if line_number:
            pieces.append((" - ", ""))
        for position in range(size):
            if position:
                pieces.append((", ", ""))
            pieces.append((rng.choice(pools.surnames), "PER"))
            if rng.random() < 0.12:
                minute = str(rng.randint(46, 89))
                pieces += [(" (" + minute_style.format(minute), ""), (rng.choice(pools.surnames), "PER"), (")", "")]
    return pieces + [(".", "")]


def _enumeration(pools: NamePools, rng: random.Random, conjunction: str) -> list[Piece]:
    kind = rng.random()
    if kind < 0.35:
        pool, label = pools.surnames, "PER"
    elif kind < 0.6:
        pool, label = pools.full_names, "PER"
    elif kind < 0.8:
        pool, label = pools.places, "LOC"
    else:
        pool, label = pools.organisations, "ORG"
    items = [rng.choice(pool) for _ in range(rng.randint(3, 7))]
    pieces: list[Piece] = []
    for index, item in enumerate(items):
        if index:
            last = index == len(items) - 1
            pieces.append((f" {conjunction} " if last and rng.random() < 0.7 else ", ", ""))
        pieces.append((item, label))
    return pieces + [(rng.choice((".", "", ":")), "")]


def _result_list(pools: NamePools, rng: random.Random, conjunction: str) -> list[Piece]:
    pieces: list[Piece] = []
    for rank in range(1, rng.randint(3, 8)):
        if rank > 1:
            pieces.append((", ", ""))
        name_pool = pools.full_names if rng.random() < 0.6 else pools.surnames
        pieces += [(f"{rank}. ", ""), (rng.choice(name_pool), "PER")]
        if rng.random() < 0.6:
            team, label = (pools.organisations, "ORG") if rng.random() < 0.6 else (pools.places, "LOC")
            pieces += [(" (", ""), (rng.choice(team), label), (")", "")]
        pieces.append((" " + _a_time(rng, rank), ""))
    return pieces + [(".", "")]


def _dateline(pools: NamePools, rng: random.Random, language: str) -> list[Piece]:
    """ "<Place>, <day and month in the language's words>: " (the place in capitals half the time)."""
    place = rng.choice(pools.places)
    day = datetime.date(2001, 1, 1) + datetime.timedelta(days=rng.randrange(365))
    try:
        date = format_skeleton("MMMMd", day, locale=language)
    except (UnknownLocaleError, ValueError):
        date = f"{day.day}.{day.month}."
    return [
        (place.upper() if rng.random() < 0.5 else place, "LOC"),
        (", ", ""),
        (date, ""),
        (rng.choice((": ", " - ")), ""),
    ]


def _a_time(rng: random.Random, rank: int) -> str:
    if rank > 1 and rng.random() < 0.5:
        return f"+{rng.randint(0, 59)}.{rng.randint(0, 99):02d}"
    return f"{rng.randint(1, 59)}:{rng.randint(0, 59):02d},{rng.randint(0, 99):02d}"


def _tokenised(tokenizer: Tokenizer, pieces: list[Piece]) -> Sentence | None:
    """The pieces as one sentence in the language's tokenisation; None if a name does not align with tokens."""
    text = ""
    spans: list[tuple[int, int, str]] = []
    for piece, label in pieces:
        if label:
            spans.append((len(text), len(text) + len(piece), label))
        text += piece
    doc: Doc = tokenizer(text)
    entities = [doc.char_span(start, end, label=label) for start, end, label in spans]
    found = [entity for entity in entities if entity is not None]
    if len(found) < len(entities):
        return None
    doc.ents = found
    tokens = [token for token in doc if not token.is_space]
    return Sentence(tuple(token.text for token in tokens), tuple(iob_tag(token) for token in tokens))
