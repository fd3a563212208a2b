"""Profiles of calendar races: what identifies a race name across languages.

"Okolo Slovenska / Tour de Slovaquie" gives two names, each with a race type (tour) and an identity
(the place group country:SK); "GP Rik Van Looy" gives type "grand prix" and identity words rik, looy;
"La Choralis Fourmies Féminine" has no type word, identity choralis, fourmies, and is a women's race.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.records import CalendarEntry, Stage
from nlp.linking.places import place_group_of_word, place_names
from nlp.linking.text import fold, tokenize, vocabulary

_MIN_PARTIAL_PLACE_WORD = 6


@dataclass(slots=True)
class RaceName:
    text: str
    type_class: str | None
    type_words: list[str]  # literal folded type words ("vuelta", "okolo")
    identity: list[str]  # keys: "country:ES", "region:flanders", "word:choralis"


@dataclass(slots=True)
class PlaceName:
    words: tuple[str, ...]  # folded
    partial_words: tuple[str, ...]  # distinctive words that name the place alone ("navacerrada")


@dataclass(slots=True)
class StageProfile:
    stage: Stage
    start: list[PlaceName]
    finish: list[PlaceName]


@dataclass(slots=True)
class RaceProfile:
    entry: CalendarEntry
    names: list[RaceName]
    women: bool
    stages: list[StageProfile] = field(default_factory=list)


def _race_name(text: str) -> RaceName | None:
    vocab = vocabulary()
    tokens = tokenize(text)
    names = place_names()
    identity: list[str] = []
    type_words: list[str] = []
    type_class: str | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        multi = next(
            (
                names[key]
                for size in (3, 2)
                if len(key := tuple(t.norm for t in tokens[i : i + size])) == size and key in names
            ),
            None,
        )
        if multi:
            identity.append(multi)
            i += len(key)
            continue
        if token.type_class:
            type_class = type_class or token.type_class
            type_words.append(token.norm)
        elif token.norm in vocab.stopwords or token.norm in vocab.descriptors or token.norm.isdigit():
            pass
        elif group := place_group_of_word(token.norm):
            identity.append(group)
        else:
            identity.append(f"word:{token.norm}")
        i += 1
    if not identity:
        return None
    return RaceName(text=text, type_class=type_class, type_words=type_words, identity=list(dict.fromkeys(identity)))


def _place_names(place: str) -> list[PlaceName]:
    vocab = vocabulary()
    result = []
    for part in re.split(r"\s*[.,;/]\s+|\s+[-–]\s+", place):
        words = tuple(re.findall(r"\w+", fold(part)))
        while words and words[0] in vocab.stopwords:
            words = words[1:]
        if not words:
            continue
        partial = (
            tuple(
                w
                for w in words
                if len(w) >= _MIN_PARTIAL_PLACE_WORD and w not in vocab.place_generic and w not in vocab.stopwords
            )
            if len(words) > 1
            else ()
        )
        result.append(PlaceName(words=words, partial_words=partial))
    return result


def race_profile(entry: CalendarEntry) -> RaceProfile:
    vocab = vocabulary()
    names = [n for part in re.split(r"\s+/\s+|\s+\|\s+", entry.race) if (n := _race_name(part))]
    marker_words = {t.norm for t in tokenize(f"{entry.race} {entry.category or ''}")}
    profile = RaceProfile(entry=entry, names=names, women=bool(marker_words & vocab.women_markers))
    for stage in entry.stages:
        profile.stages.append(
            StageProfile(stage=stage, start=_place_names(stage.start), finish=_place_names(stage.finish))
        )
    return profile
