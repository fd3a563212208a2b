"""Athletes accumulate across articles: find the stored person a mention refers to, or create one.

"Smeekens", "J. Smeekens" and "Jan Smeekens" are one person when team or sport agree; the same full name
is one person unless the sports differ; two people sharing only a surname are never merged blindly.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Athlete
from models.storage.names import fold, name_match, richer_name, slugify, split_name
from models.storage.tables import AthleteRow


def _same(a: str | None, b: str | None) -> bool | None:
    """True/False when both are known, None when either is missing."""
    if not a or not b:
        return None
    return fold(a) == fold(b)


def _score(athlete: Athlete, row: AthleteRow) -> int:
    parts = split_name(athlete.name)
    known = [split_name(name) for name in [row.name, *row.aliases]]
    matches = {name_match(parts, other) for other in known if other.key == parts.key}
    if None in matches:  # a first name or initial that contradicts one already known
        return 0
    team, sport = _same(athlete.team, row.team), _same(athlete.sport, row.sport)
    if sport is False:
        return 0
    context = int(bool(team)) + int(bool(sport))
    if "full" in matches:
        return 10 + context
    if "partial" in matches and context:
        return 1 + context
    return 0


def _unique_slug(session: Session, name: str) -> str:
    base = slugify(name)
    slug, n = base, 1
    while session.scalar(select(AthleteRow.id).where(AthleteRow.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def search_text(row: AthleteRow) -> str:
    return " | ".join(dict.fromkeys(fold(n) for n in [row.name, *row.aliases]))


def _merge(row: AthleteRow, athlete: Athlete) -> None:
    names = [athlete.name, *athlete.aliases]
    known = {fold(n) for n in [row.name, *row.aliases]}
    aliases = list(row.aliases)
    for name in names:
        if name and fold(name) not in known:
            aliases.append(name)
            known.add(fold(name))
    best = row.name
    for name in names:
        best = richer_name(best, name)
    if best != row.name:
        aliases = [a for a in aliases if fold(a) != fold(best)] + [row.name]
        row.name, row.folded_name = best, fold(best)
    row.aliases = aliases
    row.team = row.team or athlete.team
    row.sport = row.sport or athlete.sport
    row.nationality = row.nationality or athlete.nationality
    row.search_text = search_text(row)


def resolve_athlete(session: Session, athlete: Athlete) -> AthleteRow | None:
    """The stored athlete `athlete` refers to (updated with what this mention adds), or a new one."""
    parts = split_name(athlete.name)
    if not parts.key:
        return None
    candidates = session.scalars(select(AthleteRow).where(AthleteRow.surname_key == parts.key)).all()
    scored = sorted(((s, row) for row in candidates if (s := _score(athlete, row))), key=lambda p: -p[0])
    ambiguous = len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][0] < 10
    if scored and not ambiguous:
        row = scored[0][1]
        _merge(row, athlete)
        return row
    row = AthleteRow(
        slug=_unique_slug(session, athlete.name),
        name=athlete.name,
        folded_name=fold(athlete.name),
        surname_key=parts.key,
        aliases=[],
        team=athlete.team,
        sport=athlete.sport,
        nationality=athlete.nationality,
    )
    _merge(row, athlete)
    session.add(row)
    session.flush()
    return row
