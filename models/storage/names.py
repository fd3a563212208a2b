"""Athlete names: accent folding, slugs, and whether two mentions can be the same person."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from models.folding import name_key, spelling_key

SURNAME_PARTICLES = frozenset(
    {
        "van",
        "der",
        "den",
        "de",
        "ter",
        "ten",
        "te",
        "von",
        "zu",
        "di",
        "da",
        "del",
        "della",
        "dos",
        "das",
        "du",
        "le",
        "la",
        "het",
        "mc",
        "al",
        "el",
        "st",
    }
)


# Letters left of an elided particle ("van 't Wout", "in 's Gravenzande"): particles only after another particle,
# so an initial ("J. T. Smith") stays a given name.
ELIDED_PARTICLES = frozenset({"t", "s"})

fold = name_key  # lower case, accents and punctuation removed: 'Håvard  Lorentzen' -> 'havard lorentzen'


SLUG_LENGTH = 120  # the slug columns hold 200; the number a duplicate gets ("-2") must still fit


def slugify(text: str) -> str:
    return "-".join(fold(text).replace("_", " ").split())[:SLUG_LENGTH].strip("-") or "x"


@dataclass(frozen=True, slots=True)
class NameParts:
    given: tuple[str, ...]  # folded given names; a single letter is an initial
    surname: str  # folded surname with its particles ("van der poel")

    @property
    def key(self) -> str:
        """The last word of the surname, spelling variants unified: what candidate lookups use."""
        return spelling_key(self.surname.split()[-1]) if self.surname else ""

    @property
    def has_full_given(self) -> bool:
        return any(len(g) > 1 for g in self.given)


@lru_cache(maxsize=65536)
def split_name(name: str) -> NameParts:
    words = fold(name).split()
    if not words:
        return NameParts((), "")
    cut = len(words) - 1
    while cut > 0 and (
        words[cut - 1] in SURNAME_PARTICLES
        or (words[cut - 1] in ELIDED_PARTICLES and cut > 1 and words[cut - 2] in SURNAME_PARTICLES)
    ):
        cut -= 1
    return NameParts(tuple(words[:cut]), " ".join(words[cut:]))


def name_match(a: NameParts, b: NameParts) -> str | None:
    """'full' when both give the same first name, 'partial' when one gives only a surname or an initial that
    fits, None when they cannot be the same person (different surnames, different first names)."""
    if not a.key or a.key != b.key:
        return None
    if not a.given or not b.given:
        return "partial"
    first_a, first_b = a.given[0], b.given[0]
    if len(first_a) > 1 and len(first_b) > 1:
        return "full" if spelling_key(first_a) == spelling_key(first_b) else None
    return "partial" if first_a[0] == first_b[0] else None


def richer_name(current: str, candidate: str) -> str:
    """The more complete of two names of one person ('Jan Smeekens' over 'J. Smeekens' over 'Smeekens')."""

    def weight(name: str) -> tuple[int, int]:
        parts = split_name(name)
        return (int(parts.has_full_given), len(parts.given))

    return candidate if weight(candidate) > weight(current) else current
