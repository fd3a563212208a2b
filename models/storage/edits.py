"""Athlete identity fixed by hand: merge two profiles into one, or split names off into a profile of their own.

Both are remembered: a merged athlete's slug still leads to the profile it joined (`merged_slugs`), and names split
off are never merged back by later articles (`excluded_names` on both sides).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Athlete
from models.storage.athletes import merge_names, new_athlete, search_text
from models.storage.knowledge import athlete_key, refresh_fact
from models.storage.names import fold, richer_name
from models.storage.tables import AthleteRow, FactRow, FixtureRow, MentionRow, QuoteRow, ResultRow


class EditError(ValueError):
    """The edit cannot be made (the message says why, for the user)."""


def _move_claims(session: Session, claims: list[ResultRow], target: AthleteRow) -> None:
    """Give results to another athlete: each leaves its merged result for the target's one in the same event."""
    emptied: set[int] = set()
    key = athlete_key(target, target.name)
    for claim in claims:
        claim.athlete_id = target.id
        if claim.fact_id is None or claim.event_id is None:
            continue
        fact = session.scalar(select(FactRow).where(FactRow.event_id == claim.event_id, FactRow.athlete_key == key))
        if fact is None:
            fact = FactRow(
                event_id=claim.event_id,
                athlete_id=target.id,
                athlete_key=key,
                athlete_name=target.name,
                athlete_folded=target.folded_name,
                conflicts=[],
            )
            session.add(fact)
            session.flush()
        emptied.add(claim.fact_id)
        claim.fact_id = fact.id
        session.flush()
        refresh_fact(session, fact)
    for fact_id in emptied:
        old = session.get(FactRow, fact_id)
        if old is not None:
            refresh_fact(session, old)
    session.flush()


def _move_mentions(session: Session, mentions: list[MentionRow], target: AthleteRow) -> None:
    for mention in mentions:
        already = session.scalar(
            select(MentionRow.id).where(MentionRow.article_id == mention.article_id, MentionRow.athlete_id == target.id)
        )
        if already is None:
            mention.athlete_id = target.id
        else:
            session.delete(mention)
    session.flush()


def merge_athletes(session: Session, source: AthleteRow, target: AthleteRow) -> AthleteRow:
    """`source` becomes part of `target`: its names, articles, results, quotes and fixtures; its slug leads there."""
    if source.id == target.id:
        raise EditError("an athlete cannot be merged into itself")
    merge_names(target, Athlete(name=source.name, aliases=list(source.aliases)))
    target.team = target.team or source.team
    target.sport = target.sport or source.sport
    target.nationality = target.nationality or source.nationality
    target.merged_slugs = list(dict.fromkeys([*(target.merged_slugs or []), source.slug, *(source.merged_slugs or [])]))
    merged_names = {fold(n) for n in [target.name, *target.aliases]}
    excluded = [
        n for n in [*(target.excluded_names or []), *(source.excluded_names or [])] if fold(n) not in merged_names
    ]
    target.excluded_names = list(dict.fromkeys(excluded))
    target.edited = True
    session.flush()
    _move_mentions(session, list(session.scalars(select(MentionRow).where(MentionRow.athlete_id == source.id))), target)
    _move_claims(session, list(session.scalars(select(ResultRow).where(ResultRow.athlete_id == source.id))), target)
    for quote in session.scalars(select(QuoteRow).where(QuoteRow.athlete_id == source.id)):
        quote.athlete_id = target.id
    for fixture in session.scalars(select(FixtureRow)):
        if source.id in (fixture.athlete_ids or []):
            fixture.athlete_ids = list(dict.fromkeys(target.id if i == source.id else i for i in fixture.athlete_ids))
    session.flush()
    session.delete(source)
    session.flush()
    return target


def split_athlete(session: Session, row: AthleteRow, names: list[str]) -> AthleteRow:
    """Names of `row` that belong to someone else become a new athlete, with the articles, results and quotes that
    wrote them; later articles never merge the two again."""
    own = {fold(n): n for n in [row.name, *row.aliases]}
    wanted = {fold(n) for n in names if n and n.strip()}
    if not wanted:
        raise EditError("name the names to split off")
    unknown = sorted(n for n in names if fold(n) not in own)
    if unknown:
        raise EditError(f"{row.name} is not written {', '.join(unknown)}; known names: {', '.join(own.values())}")
    staying = [n for key, n in own.items() if key not in wanted]
    if not staying:
        raise EditError("splitting off every name would leave nobody: keep at least one name")
    leaving = [n for key, n in own.items() if key in wanted]
    best = leaving[0]
    for name in leaving[1:]:
        best = richer_name(best, name)
    other = new_athlete(session, Athlete(name=best, aliases=[n for n in leaving if n != best]))
    canonical = staying[0]
    for name in staying[1:]:
        canonical = richer_name(canonical, name)
    row.name, row.folded_name = canonical, fold(canonical)
    row.aliases = [n for n in staying if n != canonical]
    row.search_text = search_text(row)
    row.excluded_names = list(dict.fromkeys([*(row.excluded_names or []), *leaving]))
    other.excluded_names = list(dict.fromkeys([*(other.excluded_names or []), *staying]))
    row.edited = other.edited = True
    session.flush()
    mentions = session.scalars(select(MentionRow).where(MentionRow.athlete_id == row.id)).all()
    _move_mentions(session, [m for m in mentions if fold(m.name) in wanted], other)
    claims = session.scalars(select(ResultRow).where(ResultRow.athlete_id == row.id)).all()
    _move_claims(session, [c for c in claims if fold(c.athlete_name) in wanted], other)
    for quote in session.scalars(select(QuoteRow).where(QuoteRow.athlete_id == row.id)):
        if quote.speaker and fold(quote.speaker) in wanted:
            quote.athlete_id = other.id
    for fixture in session.scalars(select(FixtureRow)):
        if row.id in (fixture.athlete_ids or []) and any(fold(n) in wanted for n in fixture.athletes or []):
            fixture.athlete_ids = [other.id if i == row.id else i for i in fixture.athlete_ids]
    session.flush()
    return other
