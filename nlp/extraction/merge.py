"""The facts of a long text tagged in pieces, put back together as the facts of one article."""

from __future__ import annotations

from dataclasses import fields

from models.records import Athlete
from nlp.extraction.facts import Facts


def merge_facts(parts: list[Facts]) -> Facts:
    """Lists joined in text order; an athlete named in several pieces is one athlete with all their names."""
    if len(parts) == 1:
        return parts[0]
    joined = {f.name: [item for part in parts for item in getattr(part, f.name)] for f in fields(Facts)}
    joined["athletes"] = merge_athletes(joined["athletes"])
    return Facts(**joined)


def merge_athletes(athletes: list[Athlete]) -> list[Athlete]:
    merged: dict[str, Athlete] = {}
    for athlete in athletes:
        kept = merged.setdefault(athlete.name, Athlete(name=athlete.name))
        kept.aliases += [alias for alias in athlete.aliases if alias not in kept.aliases]
        kept.team = kept.team or athlete.team
        kept.nationality = kept.nationality or athlete.nationality
        kept.sport = kept.sport or athlete.sport
    return list(merged.values())
