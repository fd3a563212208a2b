"""Athletes across articles and languages: the stored person a mention refers to, a new profile, or none.

- A full name joins a stored athlete whose names agree with it (surname and first given name the same after
  folding accents and spelling variants; "Håvard Holmefjord Lorentzen" is "Havard Lorentzen") unless sport,
  nationality or a split by hand contradicts it. Two first names never merge (Johannes and Tarjei Bø).
- An initial ("J. Smeekens") joins the one athlete it fits; with several it makes no profile.
- A lone surname joins a known athlete only when that is unambiguous: the only athlete with that surname (and
  nothing contradicts), or the only one the article's context agrees with (same team, sport or nationality, or
  mentioned in other articles together with this article's athletes). Otherwise it stays a name in its article
  and makes no profile.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from models.records import Athlete
from models.storage.knowledge import athlete_key, refresh_fact
from models.storage.names import NameParts, fold, name_match, richer_name, slugify, split_name
from models.storage.tables import AthleteRow, FactRow, MentionRow, QuoteRow, ResultRow

FULL_MATCH = 10
IN_CHUNK = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's bound-parameter limits


class KnownAthletes:
    """The stored athletes an article's names may refer to, read in a few queries before its first write, and the
    athletes it creates as it goes: a long article resolving hundreds of names then runs no query per name, so its
    write transaction (which holds SQLite's one write lock) stays short."""

    def __init__(self, session: Session, names: Iterable[str]) -> None:
        unique = set(names)
        parts = [split_name(n) for n in unique]
        # Slugs before candidates: an athlete another process commits in between is then a candidate (found),
        # or its slug is unknown here and the insert of the same slug fails and is retried (service.services);
        # the other way round it would be missed and stored again under "-2".
        self.slugs_read = {slugify(n) for n in unique}
        self.taken_slugs: set[str] = set()  # of `slugs_read`, and the article's new athletes
        for chunk in _chunks(self.slugs_read):
            self.taken_slugs.update(session.scalars(select(AthleteRow.slug).where(AthleteRow.slug.in_(chunk))))
        self._loaded = {p.key for p in parts if p.key}
        self._by_key: dict[str, list[AthleteRow]] = {key: [] for key in self._loaded}
        for chunk in _chunks(self._loaded):
            same_surname = select(AthleteRow).where(AthleteRow.surname_key.in_(chunk)).order_by(AthleteRow.id)
            for row in session.scalars(same_surname):
                self._by_key[row.surname_key].append(row)
        self._orphans: set[str] = set()
        for chunk in _chunks({p.surname for p in parts if p.surname}):
            query = select(FactRow.athlete_folded).where(
                FactRow.athlete_id.is_(None), FactRow.athlete_folded.in_(chunk)
            )
            self._orphans.update(session.scalars(query.distinct()))
        # True while the article has filed no result: orphaned results are then exactly the ones read above
        self.orphans_exact = True

    def candidates(self, session: Session, key: str) -> list[AthleteRow]:
        if key not in self._loaded:  # a name the article did not announce: read its key once
            self._loaded.add(key)
            self._by_key[key] = list(session.scalars(select(AthleteRow).where(AthleteRow.surname_key == key)))
        return self._by_key[key]

    def may_have_orphans(self, surname: str) -> bool:
        return not self.orphans_exact or surname in self._orphans

    def added(self, row: AthleteRow) -> None:
        if row.surname_key in self._loaded:  # else a later query of its key finds it (it is flushed)
            self._by_key[row.surname_key].append(row)
        self.taken_slugs.add(row.slug)


def _chunks(values: Collection[str]) -> Iterable[list[str]]:
    ordered = sorted(values)
    for start in range(0, len(ordered), IN_CHUNK):
        yield ordered[start : start + IN_CHUNK]


def _same(a: str | None, b: str | None) -> bool | None:
    """True/False when both are known, None when either is missing."""
    if not a or not b:
        return None
    return fold(a) == fold(b)


def _score(athlete: Athlete, parts: NameParts, row: AthleteRow) -> int:
    """0 when the mention cannot be this athlete; FULL_MATCH and more for an agreeing first name; 1 and more when
    only a surname or an initial fits; plus one per agreeing team, sport and nationality."""
    if fold(athlete.name) in {fold(n) for n in row.excluded_names or []}:
        return 0
    agreements = [
        _same(athlete.team, row.team),
        _same(athlete.sport, row.sport),
        _same(athlete.nationality, row.nationality),
    ]
    if agreements[1] is False or agreements[2] is False:
        return 0
    names = [row.name, *(row.aliases or [])]
    matches = {name_match(parts, split_name(n)) for n in names}
    context = sum(1 for a in agreements if a)
    if "full" in matches or (parts.given and fold(athlete.name) in {fold(n) for n in names}):
        return FULL_MATCH + context
    if None in matches:
        return 0  # a first name or initial that contradicts one already known
    if "partial" in matches:
        return 1 + context
    return 0


def _unique_slug(session: Session, name: str, known: KnownAthletes | None = None) -> str:
    base = slugify(name)
    if known is not None and base in known.slugs_read and base not in known.taken_slugs:
        return base
    slug, n = base, 1
    while session.scalar(select(AthleteRow.id).where(AthleteRow.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def search_text(row: AthleteRow) -> str:
    return " | ".join(dict.fromkeys(fold(n) for n in [row.name, *row.aliases]))


def merge_names(row: AthleteRow, athlete: Athlete) -> None:
    """Add what a mention tells (names, team, sport, nationality) to the stored athlete."""
    excluded = {fold(n) for n in row.excluded_names or []}
    names = [n for n in [athlete.name, *athlete.aliases] if n and fold(n) not in excluded]
    known = {fold(n) for n in [row.name, *row.aliases]}
    aliases = list(row.aliases)
    for name in names:
        if fold(name) not in known:
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


def co_mentions(
    session: Session, candidates: Collection[int], context: Collection[int], *, exclude_article: int | None = None
) -> dict[int, int]:
    """How many articles mention each candidate together with one of the `context` athletes."""
    if not candidates or not context:
        return {}
    ours, theirs = aliased(MentionRow), aliased(MentionRow)
    query = (
        select(theirs.athlete_id, func.count(func.distinct(theirs.article_id)))
        .join(ours, ours.article_id == theirs.article_id)
        .where(theirs.athlete_id.in_(list(candidates)), ours.athlete_id.in_(list(context)))
        .group_by(theirs.athlete_id)
    )
    if exclude_article is not None:
        query = query.where(theirs.article_id != exclude_article)
    return {athlete_id: count for athlete_id, count in session.execute(query)}


def _single(rows: list[AthleteRow], weights: dict[int, int]) -> AthleteRow | None:
    """The one row with the highest positive weight, when no other row shares it."""
    best = max((weights.get(r.id, 0) for r in rows), default=0)
    winners = [r for r in rows if weights.get(r.id, 0) == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def find_athlete_for(
    session: Session,
    athlete: Athlete,
    context: Collection[int] = (),
    *,
    article_id: int | None = None,
    known: KnownAthletes | None = None,
) -> AthleteRow | None | Literal[False]:
    """The stored athlete the mention refers to; None when it is nobody known yet (a new profile may be made);
    False when it must make no profile (a lone surname or an initial that is ambiguous or unknown)."""
    parts = split_name(athlete.name)
    if not parts.key:
        return False
    if known is not None:
        candidates = known.candidates(session, parts.key)
    else:
        candidates = list(session.scalars(select(AthleteRow).where(AthleteRow.surname_key == parts.key)))
    scored = {row.id: s for row in candidates if (s := _score(athlete, parts, row))}
    fitting = [row for row in candidates if row.id in scored]
    if parts.has_full_given:
        if not fitting:
            return None
        best = max(scored.values())
        top = [row for row in fitting if scored[row.id] == best]
        if len(top) > 1:
            chosen = _single(top, co_mentions(session, [r.id for r in top], context, exclude_article=article_id))
            return chosen or min(top, key=lambda r: r.id)
        return top[0]
    # a lone surname or an initial: only when unambiguous
    if len(fitting) == 1 and (len(candidates) == 1 or scored[fitting[0].id] > 1):
        return fitting[0]
    if fitting:
        overlap = co_mentions(session, [r.id for r in fitting], context, exclude_article=article_id)
        chosen = _single(fitting, {r.id: overlap[r.id] * 10 + scored[r.id] for r in fitting if r.id in overlap})
        chosen = chosen or _single(fitting, {r.id: scored[r.id] - 1 for r in fitting})  # the one context agrees with
        return chosen if chosen is not None else False
    return None if parts.given else False


def new_athlete(session: Session, athlete: Athlete, known: KnownAthletes | None = None) -> AthleteRow:
    row = AthleteRow(
        slug=_unique_slug(session, athlete.name, known),
        name=athlete.name,
        folded_name=fold(athlete.name),
        surname_key=split_name(athlete.name).key,
        aliases=[],
        team=athlete.team,
        sport=athlete.sport,
        nationality=athlete.nationality,
        excluded_names=[],
        merged_slugs=[],
    )
    merge_names(row, athlete)
    session.add(row)
    session.flush()
    if known is not None:
        known.added(row)
    parts = split_name(athlete.name)
    if parts.has_full_given and (known is None or known.may_have_orphans(parts.surname)):
        adopt_orphans(session, row)
    return row


def adopt_orphans(session: Session, row: AthleteRow) -> None:
    """Results stored under a lone surname that made no profile become the new athlete's, when nobody else has
    that surname: an article naming "Kramer" before any article named "Sven Kramer"."""
    surname = split_name(row.name).surname
    orphans = session.scalars(
        select(FactRow).where(FactRow.athlete_id.is_(None), FactRow.athlete_folded == surname)
    ).all()
    if not orphans or session.scalar(select(func.count()).where(AthleteRow.surname_key == row.surname_key)) != 1:
        return
    parts = split_name(row.name)
    key = athlete_key(row, row.name)
    for orphan in orphans:
        if not _score(Athlete(name=orphan.athlete_name), split_name(orphan.athlete_name), row) or not parts.key:
            continue
        claims = session.scalars(select(ResultRow).where(ResultRow.fact_id == orphan.id)).all()
        target = session.scalar(select(FactRow).where(FactRow.event_id == orphan.event_id, FactRow.athlete_key == key))
        if target is None:
            orphan.athlete_id, orphan.athlete_key, orphan.athlete_name = row.id, key, row.name
            orphan.athlete_folded, target = row.folded_name, orphan
        for claim in claims:
            claim.athlete_id, claim.fact_id = row.id, target.id
            if not session.scalar(
                select(func.count()).where(MentionRow.article_id == claim.article_id, MentionRow.athlete_id == row.id)
            ):
                session.add(MentionRow(article_id=claim.article_id, athlete_id=row.id, name=claim.athlete_name))
                session.flush()
            for quote in session.scalars(
                select(QuoteRow).where(QuoteRow.article_id == claim.article_id, QuoteRow.athlete_id.is_(None))
            ):
                if quote.speaker and fold(quote.speaker) == surname:
                    quote.athlete_id = row.id
        session.flush()
        if target is not orphan:
            session.delete(orphan)
            session.flush()
        refresh_fact(session, target)
    session.flush()


def resolve_athlete(
    session: Session,
    athlete: Athlete,
    context: Collection[int] = (),
    *,
    article_id: int | None = None,
    known: KnownAthletes | None = None,
) -> AthleteRow | None:
    """The stored athlete `athlete` refers to (updated with what this mention adds), a new one, or None when the
    mention makes no profile. `context`: ids of the athletes already resolved in the same article; `known`: the
    article's candidates read beforehand."""
    found = find_athlete_for(session, athlete, context, article_id=article_id, known=known)
    if found is False:
        return None
    if found is None:
        return new_athlete(session, athlete, known)
    merge_names(found, athlete)
    return found
