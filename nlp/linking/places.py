"""Country and region names in many languages, so "Slowakei", "Eslováquia" and "Slovensku" all mean SK.

Country names come from Babel's territory names; regions and a few cities from `regions.json`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from babel import Locale

from nlp.linking.text import fold

NAME_LANGUAGES = (
    "en",
    "fr",
    "es",
    "de",
    "it",
    "nl",
    "pt",
    "sk",
    "cs",
    "pl",
    "ca",
    "sl",
    "hr",
    "da",
    "sv",
    "nb",
    "fi",
    "hu",
    "ro",
    "eu",
)
_MIN_STEM = 6
_INFLECTION_SLACK = 2


@lru_cache(maxsize=1)
def place_names() -> dict[tuple[str, ...], str]:
    """Folded token sequence -> group ("country:SK", "region:flanders")."""
    names: dict[tuple[str, ...], str] = {}
    for language in NAME_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if re.fullmatch(r"[A-Z]{2}", code):
                names.setdefault(tuple(re.findall(r"\w+", fold(name))), f"country:{code}")
    data = json.loads(resources.files("nlp.linking").joinpath("regions.json").read_text(encoding="utf-8"))
    for group, variants in data["groups"].items():
        for variant in variants:
            names[tuple(fold(variant).split())] = f"region:{group}"
    return names


@lru_cache(maxsize=1)
def _single_word_stems() -> dict[str, list[tuple[str, str]]]:
    stems: dict[str, list[tuple[str, str]]] = {}
    for key, group in place_names().items():
        if len(key) == 1 and len(key[0]) >= _MIN_STEM:
            stems.setdefault(key[0][:5], []).append((key[0], group))
    return stems


def _common_prefix(a: str, b: str) -> int:
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common


def stem_match(a: str, b: str) -> bool:
    """Same word up to an inflected ending ("slovensko"/"slovenska"/"slovensku", "kosice"/"kosiciach")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    common = _common_prefix(a, b)
    return common >= max(5, min(len(a), len(b)) - _INFLECTION_SLACK) and common >= max(len(a), len(b)) - 4


@lru_cache(maxsize=20000)
def place_group_of_word(word: str, inflected: bool = True) -> str | None:
    """Group of a single folded word; with `inflected`, also inflected endings of long names ("Slovensku").
    Articles in languages without case endings look up exact names only ("Francesca" is no France)."""
    group = place_names().get((word,))
    if group or not inflected or len(word) < _MIN_STEM:
        return group
    scored = sorted(
        (
            (_common_prefix(name, word), candidate)
            for name, candidate in _single_word_stems().get(word[:5], [])
            if stem_match(name, word)
        ),
        reverse=True,
    )
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1] != scored[0][1]):
        return None  # no candidate, or two places fit equally well
    return scored[0][1]
