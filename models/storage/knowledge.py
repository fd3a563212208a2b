"""The knowledge base: competitions, events and merged results, built from what each article reports.

Every result an article reports is kept as a claim (`ResultRow`: the article and its sentence). Claims about the
same athlete in the same event are one merged result (`FactRow`) whose values are the ones most articles support;
where articles disagree, every value is kept with its support in `FactRow.conflicts`. The same event reported by
several articles, in any language, is one `EventRow`: same discipline (normalised: "500 m"), stage and standings,
no contradiction in competition, round or gender, and a date close enough (equal when both articles state the day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session

from models.events import EventParts, competition_kind, competition_name_and_year, event_parts
from models.records import Result
from models.storage.lengths import fitted
from models.storage.names import fold, slugify
from models.storage.tables import (
    ArticleRow,
    AthleteRow,
    CompetitionRow,
    EventRow,
    FactRow,
    LinkRow,
    MentionRow,
    RaceRow,
    ResultRow,
)

FACT_FIELDS = ("rank", "time", "gap", "gap_to", "medal")
PRECISE_DATES = ("article", "stage")  # the day the article or the calendar states
DAYS_APART = {"published": 2, "month": 31}  # how far an event dated by its article's publication may move


@dataclass
class ArticleContext:
    """What one article tells about the events of its results: publication date, linked calendar races."""

    article: ArticleRow
    links: list[tuple[LinkRow, RaceRow]] = field(default_factory=list)
    events: dict[tuple[Any, ...], EventRow] = field(default_factory=dict)
    new_events: set[int] = field(default_factory=set)  # created for this article: no other article's facts yet
    facts: dict[tuple[int, str], FactRow] = field(default_factory=dict)  # merged results this article started
    # the article's results with their merged result, written together once the merged results have ids
    claims: list[tuple[ResultRow, FactRow]] = field(default_factory=list)
    _claims_of: dict[tuple[int, str], list[ResultRow]] = field(default_factory=dict)

    @property
    def published(self) -> tuple[dt.date | None, str | None]:
        if self.article.published_date is None:
            return None, None
        precise = self.article.published and len(self.article.published) >= 10
        return self.article.published_date, "published" if precise else "month"

    @property
    def race(self) -> tuple[LinkRow, RaceRow] | None:
        return self.links[0] if self.links else None


def _stage_date(race: RaceRow, number: int | None) -> dt.date | None:
    if number is None:
        return None
    return next((s.date for s in race.stages if s.number == number and s.date), None)


def _competition(session: Session, name: str, year: int | None, race: RaceRow | None) -> CompetitionRow:
    folded = fold(name)
    row = session.scalar(
        select(CompetitionRow).where(
            CompetitionRow.folded_name == folded,
            CompetitionRow.year.is_(None) if year is None else CompetitionRow.year == year,
        )
    )
    if row is None:
        base = slugify(name) + (f"-{year}" if year else "")
        slug, n = base, 1
        while session.scalar(select(CompetitionRow.id).where(CompetitionRow.slug == slug)) is not None:
            n += 1
            slug = f"{base}-{n}"
        row = CompetitionRow(slug=slug, name=name, folded_name=folded, year=year)
        session.add(row)
    if race is not None and row.race_id is None:
        row.race_id = race.id
    if row.kind is None:
        row.kind = _race_kind(race) or competition_kind(name)
    session.flush()
    return row


def _race_kind(race: RaceRow | None) -> str | None:
    if race is None or not race.stages:
        return None
    return "stage race" if max(s.total for s in race.stages) > 1 else "one-day race"


@dataclass(frozen=True, slots=True)
class _EventFacts:
    parts: EventParts
    competition: tuple[str, int | None, RaceRow | None] | None  # name, year, calendar race
    date: dt.date | None
    date_source: str | None

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.parts, self.competition[:2] if self.competition else None)

    @property
    def identified(self) -> bool:
        p = self.parts
        return bool(self.competition or p.discipline or p.stage is not None or p.standings)


def _event_facts(result: Result, ctx: ArticleContext) -> _EventFacts:
    parts = event_parts(result)
    linked = ctx.race
    race = linked[1] if linked else None
    name: str | None
    if race is not None:  # the calendar race the article is linked to names the competition best
        name, year = race.name, race.start_date.year if race.start_date else None
    else:
        name, year = competition_name_and_year(result.competition)
    stage = linked[0].stage if linked else None
    if race is not None and stage and not (parts.discipline or parts.standings) and parts.stage is None:
        if _race_kind(race) == "stage race":
            parts = EventParts(None, stage, parts.round, None, parts.gender)
    date, source = (result.date, "article") if result.date else (None, None)
    if date is None and race is not None:
        date = _stage_date(race, parts.stage)
        source = "stage" if date else None
    if date is None:
        date, source = ctx.published
    if name is not None and year is None and date is not None:
        year = date.year
    return _EventFacts(parts, (name, year, race) if name else None, date, source)


def _dates_agree(a: EventRow, facts: _EventFacts) -> bool:
    if a.date is None or facts.date is None:
        return False
    if a.date_source in PRECISE_DATES and facts.date_source in PRECISE_DATES:
        return a.date == facts.date
    allowed = max(DAYS_APART.get(a.date_source or "", 0), DAYS_APART.get(facts.date_source or "", 0))
    return abs((a.date - facts.date).days) <= allowed


def _compatible(event: EventRow, facts: _EventFacts, competition: CompetitionRow | None) -> bool:
    p = facts.parts
    if event.round and p.round and event.round != p.round:
        return False
    if event.gender and p.gender and event.gender != p.gender:
        return False
    if event.competition_id and competition and event.competition_id != competition.id:
        return False
    same_competition = competition is not None and event.competition_id == competition.id
    return _dates_agree(event, facts) or (same_competition and (event.date is None or facts.date is None))


def _column_is(column, value):
    return column.is_(None) if value is None else column == value


def find_event(session: Session, facts: _EventFacts, competition: CompetitionRow | None) -> EventRow | None:
    p = facts.parts
    near = []  # only events that could agree: of the same competition, or dated close to this one
    if competition is not None:
        near.append(EventRow.competition_id == competition.id)
    if facts.date is not None:
        window = dt.timedelta(days=max(DAYS_APART.values()))
        near.append(EventRow.date.between(facts.date - window, facts.date + window))
    if not near:
        return None
    candidates = session.scalars(
        select(EventRow)
        .where(
            _column_is(EventRow.discipline, p.discipline),
            _column_is(EventRow.stage, p.stage),
            _column_is(EventRow.standings, p.standings),
            EventRow.article_id.is_(None),
            or_(*near),
        )
        .order_by(EventRow.id)
    ).all()
    fitting = [e for e in candidates if _compatible(e, facts, competition)]
    if not fitting:
        return None

    def closeness(event: EventRow) -> tuple[int, int, int]:
        days = abs((event.date - facts.date).days) if event.date and facts.date else 999
        return (int(competition is None or event.competition_id != competition.id), days, event.id)

    return min(fitting, key=closeness)


def _enrich(event: EventRow, facts: _EventFacts, competition: CompetitionRow | None) -> None:
    p = facts.parts
    event.competition_id = event.competition_id or (competition.id if competition else None)
    event.round = event.round or p.round
    event.gender = event.gender or p.gender
    better_date = facts.date is not None and (
        event.date is None or (facts.date_source in PRECISE_DATES and event.date_source not in PRECISE_DATES)
    )
    if better_date:
        event.date, event.date_source = facts.date, facts.date_source


def plan_events(results: list[Result], ctx: ArticleContext) -> list[_EventFacts]:
    """The event facts of an article's results; results of one event share the best-known day (one sentence
    says "on Saturday", the next only who came second)."""
    planned = [_event_facts(result, ctx) for result in results]
    best: dict[tuple[Any, ...], _EventFacts] = {}
    for facts in planned:
        key = facts.key
        known = best.get(key)
        if facts.date is not None and (
            known is None
            or known.date is None
            or (facts.date_source in PRECISE_DATES and known.date_source not in PRECISE_DATES)
        ):
            best[key] = facts
    return [
        _EventFacts(f.parts, f.competition, best[f.key].date, best[f.key].date_source) if f.key in best else f
        for f in planned
    ]


def event_for(session: Session, facts: _EventFacts, ctx: ArticleContext) -> EventRow:
    """The event of a result (see `plan_events`): found among the stored events, or new."""
    if facts.key in ctx.events:
        return ctx.events[facts.key]
    competition = _competition(session, *facts.competition) if facts.competition else None
    event = find_event(session, facts, competition) if facts.identified else None
    if event is None:
        p = facts.parts
        event = EventRow(
            competition_id=competition.id if competition else None,
            name=p.label,
            discipline=p.discipline,
            stage=p.stage,
            round=p.round,
            standings=p.standings,
            gender=p.gender,
            date=facts.date,
            date_source=facts.date_source,
            article_id=None if facts.identified else ctx.article.id,
        )
        session.add(event)
        session.flush()
        ctx.new_events.add(event.id)
    else:
        _enrich(event, facts, competition)
    ctx.events[facts.key] = event
    return event


def athlete_key(athlete: AthleteRow | None, name: str) -> str:
    return f"id:{athlete.id}" if athlete is not None else f"name:{fold(name)}"[:320]


def attach_claim(
    session: Session, claim: ResultRow, event: EventRow, athlete: AthleteRow | None, ctx: ArticleContext | None = None
) -> FactRow:
    """File an article's result under its event and athlete, and merge it with what other articles say.

    Without `ctx` the claim is added to the session with its event and merged result. With it (an article being
    stored) the claim stays out of the session and joins `ctx.claims`: the caller writes them all in one INSERT
    (`claim_values`) once the merged results are flushed, rather than one INSERT per result."""
    key = athlete_key(athlete, claim.athlete_name)
    ours = ctx.facts.get((event.id, key)) if ctx is not None else None
    fact = ours
    if fact is None and (ctx is None or event.id not in ctx.new_events):
        fact = session.scalar(select(FactRow).where(FactRow.event_id == event.id, FactRow.athlete_key == key))
    pending: list[ResultRow] = []
    if ctx is not None:
        claim.event_id = event.id
        pending = ctx._claims_of.setdefault((event.id, key), [])
        pending.append(claim)
    else:
        claim.event_row = event
    if fact is None:
        fact = FactRow(
            event_id=event.id,
            athlete_id=athlete.id if athlete else None,
            athlete_key=key,
            athlete_name=athlete.name if athlete else claim.athlete_name,
            athlete_folded=fold(athlete.name if athlete else claim.athlete_name),
            conflicts=[],
        )
        session.add(fact)
        _merge_values(fact, [claim])
        if ctx is not None:
            ctx.facts[(event.id, key)] = fact
    elif ours is not None:
        _merge_values(fact, pending)  # begun by this article: its claims are all pending
    else:
        refresh_fact(session, fact, pending)
    if ctx is not None:
        ctx.claims.append((claim, fact))
    else:
        claim.fact = fact
        session.add(claim)
    return fact


def claim_values(claim: ResultRow, fact: FactRow) -> dict[str, Any]:
    """The columns of a pending claim (`attach_claim` with a context) for a bulk INSERT, its merged result flushed."""
    values = {column.key: getattr(claim, column.key) for column in ResultRow.__table__.columns if column.key != "id"}
    values["fact_id"] = fact.id
    values["evidence"] = values["evidence"] or ""
    return fitted(ResultRow, values)


def _value_key(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, str):
        return fold(value)
    return value


def _merge_values(fact: FactRow, claims: list[ResultRow]) -> None:
    conflicts = []
    for name in FACT_FIELDS:
        support: dict[Any, tuple[Any, set[int], int]] = {}  # key -> (value, articles, first claim id)
        for claim in claims:
            value = getattr(claim, name)
            if value is None:
                continue
            order = claim.id if claim.id is not None else 2**62  # a claim not yet written is the newest
            shown, articles, first = support.get(_value_key(value), (value, set(), order))
            articles.add(claim.article_id)
            support[_value_key(value)] = (shown, articles, first)
        ranked = sorted(support.values(), key=lambda v: (-len(v[1]), v[2]))
        setattr(fact, name, ranked[0][0] if ranked else None)
        if len(ranked) > 1:
            values = [{"value": v, "support": len(a), "articles": sorted(a)} for v, a, _ in ranked]
            conflicts.append({"field": name, "values": values})
    fact.conflicts = conflicts
    fact.support = len({c.article_id for c in claims}) or 1


def refresh_fact(session: Session, fact: FactRow, pending: Iterable[ResultRow] = ()) -> bool:
    """Recompute a merged result from its claims (the stored ones and `pending`, not yet written); False (and the
    fact deleted) when none is left."""
    stored = session.scalars(select(ResultRow).where(ResultRow.fact_id == fact.id).order_by(ResultRow.id)).all()
    claims = [*stored, *pending]
    if not claims:
        session.delete(fact)
        return False
    _merge_values(fact, list(claims))
    if fact.athlete_id is None:
        names = [c.athlete_name for c in claims]
        fact.athlete_name = max(dict.fromkeys(names), key=names.count)
    return True


def article_context(session: Session, article: ArticleRow) -> ArticleContext:
    links = session.execute(
        select(LinkRow, RaceRow)
        .join(RaceRow, RaceRow.id == LinkRow.race_id)
        .where(LinkRow.article_id == article.id)
        .order_by(LinkRow.score.desc(), LinkRow.id)
    ).all()
    return ArticleContext(article, [(link, race) for link, race in links])


def prune(session: Session, fact_ids: Iterable[int], event_ids: Iterable[int]) -> None:
    """After claims went away: refresh their merged results, drop events and competitions nothing supports."""
    for fact_id in set(fact_ids):
        fact = session.get(FactRow, fact_id)
        if fact is not None:
            refresh_fact(session, fact)
    session.flush()
    unsupported = [
        event_id
        for event_id in set(event_ids)
        if not session.scalar(select(exists().where(ResultRow.event_id == event_id)))
    ]
    if unsupported:
        session.execute(delete(FactRow).where(FactRow.event_id.in_(unsupported)))
        session.execute(delete(EventRow).where(EventRow.id.in_(unsupported)))
    session.execute(delete(CompetitionRow).where(~exists().where(EventRow.competition_id == CompetitionRow.id)))
    session.flush()


def prune_athletes(session: Session, athlete_ids: Iterable[int]) -> None:
    """Athletes left without any article (their only articles deleted) go, unless edited by hand."""
    for athlete_id in set(athlete_ids):
        mentioned = session.scalar(select(exists().where(MentionRow.athlete_id == athlete_id)))
        claimed = session.scalar(select(exists().where(ResultRow.athlete_id == athlete_id)))
        athlete = session.get(AthleteRow, athlete_id)
        if athlete is not None and not mentioned and not claimed and not athlete.edited:
            session.delete(athlete)
    session.flush()
