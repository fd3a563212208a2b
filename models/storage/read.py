"""Queries the service and the CLI read the store with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement, Select, Text, and_, cast, func, literal, or_, select
from sqlalchemy.orm import Session, contains_eager, joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from models.events import discipline_query, parse_stage, parse_standings
from models.records import CalendarEntry, Stage
from models.storage.knowledge import medal_counts
from models.storage.names import fold, split_name
from models.storage.tables import (
    ArticleRow,
    AthleteRow,
    CompetitionRow,
    EventRow,
    FactRow,
    FixtureRow,
    LinkRow,
    MentionRow,
    QuoteRow,
    RaceRow,
    ResultRow,
)

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of a list, with the size of the whole list."""

    items: list[T]
    total: int
    limit: int
    offset: int

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _count(session: Session, query: Select) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def _page(session: Session, query: Select, limit: int, offset: int) -> Page:
    items = session.scalars(query.limit(limit).offset(offset)).unique().all()
    return Page(list(items), _count(session, query), limit, offset)


def _names_condition(folded: str):
    """search_text (" | "-separated folded names) holds exactly this name."""
    return (literal(" | ") + AthleteRow.search_text + literal(" | ")).contains(f" | {folded} | ", autoescape=True)


def find_athletes(session: Session, text: str) -> list[AthleteRow]:
    """The athletes a user means by a slug (also one merged into another athlete), a full name, an alias or a
    surname; accent- and case-insensitive. A surname two athletes share gives both."""
    text = text.strip()
    if not text:
        return []
    row = session.scalar(select(AthleteRow).where(AthleteRow.slug == text))
    if row is not None:
        return [row]
    merged = session.scalars(
        select(AthleteRow).where(cast(AthleteRow.merged_slugs, Text).contains(f'"{text}"', autoescape=True))
    ).all()
    if merged:
        return list(merged)
    folded = fold(text)
    if not folded:
        return []
    named = session.scalars(select(AthleteRow).where(_names_condition(folded)).order_by(AthleteRow.id)).all()
    if named:
        return list(named)
    parts = split_name(text)
    if parts.given:
        return []
    return list(
        session.scalars(select(AthleteRow).where(AthleteRow.surname_key == parts.key).order_by(AthleteRow.id)).all()
    )


def find_athlete(session: Session, slug_or_name: str) -> AthleteRow | None:
    """The one athlete a slug, name, alias or surname names; None when none or several."""
    found = find_athletes(session, slug_or_name)
    return found[0] if len(found) == 1 else None


def athlete_by_slug(session: Session, slug: str) -> AthleteRow | None:
    """By slug, or by the slug of an athlete merged into this one."""
    row = session.scalar(select(AthleteRow).where(AthleteRow.slug == slug))
    if row is None:
        found = find_athletes(session, slug)
        row = found[0] if len(found) == 1 and slug in (found[0].merged_slugs or []) else None
    return row


def list_articles(
    session: Session,
    *,
    athlete: str | None = None,
    language: str | None = None,
    since: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[ArticleRow]:
    query = select(ArticleRow).order_by(ArticleRow.id.desc())
    if athlete:
        ids = [a.id for a in find_athletes(session, athlete)]
        mentioned = select(MentionRow.article_id).where(MentionRow.athlete_id.in_(ids))
        claimed = select(ResultRow.article_id).where(func.lower(ResultRow.athlete_name) == athlete.strip().lower())
        query = query.where(or_(ArticleRow.id.in_(mentioned), ArticleRow.id.in_(claimed)))
    if language:
        query = query.where(ArticleRow.language == language.lower())
    if since:
        query = query.where(ArticleRow.published_date >= since)
    return _page(session, query, limit, offset)


def search_athletes(session: Session, q: str | None, *, limit: int = 50, offset: int = 0) -> Page[AthleteRow]:
    """Athletes whose name or alias contains `q` (any accent form, any case), or whose surname is spelt like it."""
    query = select(AthleteRow).order_by(AthleteRow.folded_name, AthleteRow.id)
    if q and fold(q):
        query = query.where(
            or_(
                AthleteRow.search_text.contains(fold(q), autoescape=True),
                AthleteRow.surname_key == split_name(q).key,
                AthleteRow.slug == q.strip(),
            )
        )
    return _page(session, query, limit, offset)


@dataclass
class CompetitionGroup:
    competition: CompetitionRow | None
    results: list[FactRow]


@dataclass
class Season:
    year: int | None
    competitions: list[CompetitionGroup]


# A profile shows an athlete's newest results, quotes and articles, so that it costs the same to read however
# long the career: all of them are in the paged lists (`search_results`, `list_articles` by athlete).
PROFILE_RESULTS = 100
PROFILE_ITEMS = 50  # quotes and articles; upcoming fixtures are read from these newest articles


@dataclass
class AthleteProfile:
    athlete: AthleteRow
    results: list[FactRow] = field(default_factory=list)  # the newest merged results, newest event first
    quotes: list[QuoteRow] = field(default_factory=list)  # the newest, in the order they were stored
    fixtures: list[FixtureRow] = field(default_factory=list)
    races: list[RaceRow] = field(default_factory=list)
    articles: list[ArticleRow] = field(default_factory=list)  # the newest first
    medals: dict[str, int] = field(default_factory=dict)  # one per distinct event: gold, silver, bronze
    results_total: int = 0
    quotes_total: int = 0
    articles_total: int = 0

    @property
    def seasons(self) -> list[Season]:
        """The palmarès: results grouped by season (the event's year), then by competition."""
        seasons: dict[int | None, dict[int | None, CompetitionGroup]] = {}
        for fact in self.results:
            event = fact.event
            year = event.date.year if event.date else (event.competition.year if event.competition else None)
            groups = seasons.setdefault(year, {})
            group = groups.setdefault(event.competition_id, CompetitionGroup(event.competition, []))
            group.results.append(fact)
        ordered = sorted(seasons.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0)))
        return [Season(year, list(groups.values())) for year, groups in ordered]


SOURCES_SHOWN = 20  # the articles listed with a merged result (its `support` counts them all)


def _facts_query() -> Select:
    """Merged results with their event (read in the same query) and competition; `with_sources` adds the articles.
    Their athletes are read by the caller: many by `selectinload(FactRow.athlete)`, one ahead of the results (the
    session then knows it)."""
    return select(FactRow).join(FactRow.event).options(contains_eager(FactRow.event).selectinload(EventRow.competition))


def with_sources(session: Session, facts: Sequence[FactRow], shown: int | None = None) -> None:
    """Give each merged result its first `shown` claims (with their articles) as `claims`, read in one query: a
    result a thousand articles report costs what one reported by twenty does. For reading only."""
    if not facts:
        return
    order = func.row_number().over(partition_by=ResultRow.fact_id, order_by=ResultRow.id).label("n")
    ranked = select(ResultRow.id, order).where(ResultRow.fact_id.in_([f.id for f in facts])).subquery()
    claims = session.scalars(
        select(ResultRow)
        .join(ranked, ranked.c.id == ResultRow.id)
        .where(ranked.c.n <= (shown or SOURCES_SHOWN))
        .options(joinedload(ResultRow.article, innerjoin=True))
        .order_by(ResultRow.id)
    ).all()
    by_fact: dict[int, list[ResultRow]] = {f.id: [] for f in facts}
    for claim in claims:
        if claim.fact_id is not None:
            by_fact[claim.fact_id].append(claim)
    for fact in facts:
        set_committed_value(fact, "claims", by_fact[fact.id])


# Newest event first, events without a date last: the order of the index on events.date read backwards (SQLite
# keeps NULLs last when descending, PostgreSQL is told to), so that SQL reads the newest events without sorting.
NEWEST_EVENT_FIRST = (EventRow.date.desc().nulls_last(), EventRow.id.desc())


def _by_date(query: Select) -> Select:
    return query.order_by(*NEWEST_EVENT_FIRST, FactRow.rank.is_(None), FactRow.rank, FactRow.id)


def _newest_events(conditions: Sequence[ColumnElement[bool]], count: int) -> Select:
    """Ids of the `count` newest events that meet `conditions` and have a merged result. A page of `count` results
    (after the offset) lies within them, so the sort is of their results, not of every result in the store."""
    has_results = select(FactRow.id).where(FactRow.event_id == EventRow.id).exists()
    return select(EventRow.id).where(has_results, *conditions).order_by(*NEWEST_EVENT_FIRST).limit(count)


def _unique_fixtures(fixtures: Sequence[FixtureRow]) -> list[FixtureRow]:
    """One line per announced event, in date order, even when several articles announce it."""
    seen: dict[tuple, FixtureRow] = {}
    for fixture in fixtures:
        seen.setdefault((fixture.date or fixture.when, fold(fixture.event or "")), fixture)
    return sorted(seen.values(), key=lambda f: (f.date is None, f.date or dt.date.max, f.id))


def _announcing(session: Session, athlete_id: int, article_ids: list[int], today: dt.date) -> list[FixtureRow]:
    """The fixtures these articles announce for this athlete, today or later or undated: the announced athletes
    are a JSON list, so the articles' fixtures are filtered here, reading only their ids and athletes."""
    upcoming = select(FixtureRow.id, FixtureRow.athlete_ids).where(
        FixtureRow.article_id.in_(article_ids), or_(FixtureRow.date.is_(None), FixtureRow.date >= today)
    )
    ids = [fixture_id for fixture_id, athlete_ids in session.execute(upcoming) if athlete_id in (athlete_ids or [])]
    if not ids:
        return []
    return list(
        session.scalars(
            select(FixtureRow)
            .where(FixtureRow.id.in_(ids))
            .options(joinedload(FixtureRow.article, innerjoin=True))
            .order_by(FixtureRow.date, FixtureRow.id)
        ).all()
    )


def athlete_profile(
    session: Session, slug: str, *, today: dt.date | None = None, sources: bool = True
) -> AthleteProfile | None:
    """The athlete with their newest `PROFILE_RESULTS` results and `PROFILE_ITEMS` quotes and articles, the
    fixtures those articles announce, the races their articles link, and how many there are in all.
    `sources=False` leaves out each result's articles (`with_sources`), for a reader that shows none."""
    athlete = athlete_by_slug(session, slug)
    if athlete is None:
        return None
    today = today or dt.date.today()
    article_ids = select(MentionRow.article_id).where(MentionRow.athlete_id == athlete.id)
    facts = _by_date(_facts_query().where(FactRow.athlete_id == athlete.id)).limit(PROFILE_RESULTS)
    results = session.scalars(facts).unique().all()
    if sources:
        with_sources(session, results)
    quotes = session.scalars(
        select(QuoteRow)
        .where(QuoteRow.athlete_id == athlete.id)
        .options(joinedload(QuoteRow.article, innerjoin=True))
        .order_by(QuoteRow.id.desc())
        .limit(PROFILE_ITEMS)
    ).all()[::-1]
    articles = session.scalars(
        select(ArticleRow).where(ArticleRow.id.in_(article_ids)).order_by(ArticleRow.id.desc()).limit(PROFILE_ITEMS)
    ).all()
    fixtures = _announcing(session, athlete.id, [a.id for a in articles], today)
    race_ids = select(LinkRow.race_id).where(LinkRow.article_id.in_(article_ids))
    races = session.scalars(select(RaceRow).where(RaceRow.id.in_(race_ids)).order_by(RaceRow.start_date)).all()

    totals = session.execute(
        select(
            *(
                select(func.count()).select_from(query.subquery()).scalar_subquery()
                for query in (
                    select(FactRow.id).where(FactRow.athlete_id == athlete.id),
                    select(QuoteRow.id).where(QuoteRow.athlete_id == athlete.id),
                    article_ids,
                )
            )
        )
    ).one()
    return AthleteProfile(
        athlete,
        list(results),
        list(quotes),
        _unique_fixtures(fixtures),
        list(races),
        list(articles),
        medal_counts(session, athlete.id),
        results_total=totals[0],
        quotes_total=totals[1],
        articles_total=totals[2],
    )


def _event_condition(session: Session, text: str):
    """Events a user means by "500", "500m", "500 meter" (not 5000 m), "team pursuit", "stage 4", "GC"."""
    stage, standings = parse_stage(text), parse_standings(text)
    if stage is not None or standings:
        conditions = []
        if stage is not None:
            conditions.append(EventRow.stage == stage)
        if standings:
            conditions.append(EventRow.standings == standings)
        return and_(*conditions)
    query = discipline_query(text)
    disciplines = [d for d in session.scalars(select(EventRow.discipline).distinct()) if query.matches(d)]
    return EventRow.discipline.in_(disciplines)


def search_results(
    session: Session,
    *,
    athlete: str | None = None,
    event: str | None = None,
    competition: str | None = None,
    since: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[FactRow]:
    """Merged results (one per athlete and event, citing the articles that report it), newest event first."""
    on_facts: list[ColumnElement[bool]] = []
    if athlete:
        ids = [a.id for a in find_athletes(session, athlete)]
        on_facts.append(
            FactRow.athlete_id.in_(ids)
            if ids
            else FactRow.athlete_folded.contains(fold(athlete) or athlete.lower(), autoescape=True)
        )
    on_events = _event_conditions(session, event=event, competition=competition, since=since)
    counted = select(FactRow.id).where(*on_facts)
    if on_events:
        counted = counted.join(EventRow, EventRow.id == FactRow.event_id).where(*on_events)
    total = _count(session, counted)
    query = _facts_query().options(selectinload(FactRow.athlete)).where(*on_facts, *on_events)
    if not athlete:  # an athlete's results are few, read by their index; all the others are bounded by event
        query = query.where(FactRow.event_id.in_(_newest_events(on_events, offset + limit)))
    items = list(session.scalars(_by_date(query).limit(limit).offset(offset)).unique().all())
    with_sources(session, items)
    return Page(items, total, limit, offset)


def _event_conditions(
    session: Session, *, event: str | None, competition: str | None, since: dt.date | None
) -> list[ColumnElement[bool]]:
    """The conditions on `EventRow` that the `event`, `competition` and `since` filters ask for."""
    conditions = []
    if event:
        conditions.append(_event_condition(session, event))
    if competition:
        named = select(CompetitionRow.id).where(
            or_(
                CompetitionRow.folded_name.contains(fold(competition), autoescape=True),
                CompetitionRow.slug == competition.strip(),
            )
        )
        conditions.append(EventRow.competition_id.in_(named))
    if since:
        conditions.append(EventRow.date >= since)
    return conditions


def list_events(
    session: Session,
    *,
    athlete: str | None = None,
    event: str | None = None,
    competition: str | None = None,
    since: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[EventRow]:
    """Events, newest first, with their competition and merged results."""
    query = select(EventRow).options(
        selectinload(EventRow.competition),
        selectinload(EventRow.facts).selectinload(FactRow.claims).selectinload(ResultRow.article),
        selectinload(EventRow.facts).selectinload(FactRow.athlete),
    )
    if athlete:
        ids = [a.id for a in find_athletes(session, athlete)]
        query = query.where(EventRow.id.in_(select(FactRow.event_id).where(FactRow.athlete_id.in_(ids))))
    query = query.where(*_event_conditions(session, event=event, competition=competition, since=since))
    query = query.order_by(*NEWEST_EVENT_FIRST)
    return _page(session, query, limit, offset)


def get_event(session: Session, event_id: int) -> EventRow | None:
    return session.scalar(
        select(EventRow)
        .where(EventRow.id == event_id)
        .options(
            selectinload(EventRow.competition),
            selectinload(EventRow.facts).selectinload(FactRow.claims).selectinload(ResultRow.article),
            selectinload(EventRow.facts).selectinload(FactRow.athlete),
        )
    )


def article_claims(session: Session, article_id: int) -> list[ResultRow]:
    """An article's results as it reports them, with their event (date, competition) and merged result."""
    return list(
        session.scalars(
            select(ResultRow)
            .where(ResultRow.article_id == article_id)
            .options(
                selectinload(ResultRow.event_row).selectinload(EventRow.competition),
                selectinload(ResultRow.athlete),
                selectinload(ResultRow.fact),
            )
            .order_by(ResultRow.id)
        ).all()
    )


def list_races(
    session: Session, *, start: dt.date | None = None, end: dt.date | None = None, category: str | None = None
) -> Sequence[RaceRow]:
    """Races overlapping [start, end]; races without dates are listed only when no range is asked."""
    query = select(RaceRow).options(selectinload(RaceRow.stages)).order_by(RaceRow.start_date, RaceRow.name)
    if start:
        query = query.where(func.coalesce(RaceRow.end_date, RaceRow.start_date) >= start)
    if end:
        query = query.where(RaceRow.start_date <= end)
    if category:
        query = query.where(func.lower(RaceRow.category) == category.lower())
    return session.scalars(query).all()


def race_categories(session: Session) -> list[str]:
    return [c for c in session.scalars(select(RaceRow.category).distinct().order_by(RaceRow.category)) if c]


def get_race(session: Session, slug: str) -> RaceRow | None:
    return session.scalar(select(RaceRow).where(RaceRow.slug == slug).options(selectinload(RaceRow.stages)))


def race_articles(session: Session, race: RaceRow) -> list[tuple[LinkRow, ArticleRow]]:
    rows = session.execute(
        select(LinkRow, ArticleRow)
        .join(ArticleRow, ArticleRow.id == LinkRow.article_id)
        .where(LinkRow.race_id == race.id)
        .order_by(ArticleRow.id.desc())
    ).all()
    return [(link, article) for link, article in rows]


def race_athletes(session: Session, race: RaceRow) -> Sequence[AthleteRow]:
    article_ids = select(LinkRow.article_id).where(LinkRow.race_id == race.id)
    athlete_ids = select(MentionRow.athlete_id).where(MentionRow.article_id.in_(article_ids))
    return session.scalars(
        select(AthleteRow).where(AthleteRow.id.in_(athlete_ids)).order_by(AthleteRow.folded_name)
    ).all()


def article_athletes(session: Session, article_id: int) -> list[tuple[MentionRow, AthleteRow]]:
    rows = session.execute(
        select(MentionRow, AthleteRow)
        .join(AthleteRow, AthleteRow.id == MentionRow.athlete_id)
        .where(MentionRow.article_id == article_id)
        .order_by(MentionRow.id)
    ).all()
    return [(m, a) for m, a in rows]


def article_links(session: Session, article_id: int) -> list[tuple[LinkRow, RaceRow]]:
    rows = session.execute(
        select(LinkRow, RaceRow)
        .join(RaceRow, RaceRow.id == LinkRow.race_id)
        .where(LinkRow.article_id == article_id)
        .order_by(LinkRow.score.desc())
    ).all()
    return [(link, race) for link, race in rows]


def race_to_entry(race: RaceRow) -> CalendarEntry:
    return CalendarEntry(
        race=race.name,
        country=race.country,
        category=race.category,
        start_date=race.start_date,
        end_date=race.end_date,
        flags=list(race.flags or []),
        stages=[
            Stage(
                number=s.number,
                total=s.total,
                start=s.start,
                finish=s.finish,
                distance_km=s.distance_km,
                date=s.date,
                flags=list(s.flags or []),
            )
            for s in race.stages
        ],
    )


def calendar_entries(session: Session) -> list[CalendarEntry]:
    return [race_to_entry(r) for r in list_races(session)]


@dataclass
class KnownNames:
    athletes: list[str]
    teams: list[str]
    races: list[str]


def known_names(session: Session) -> KnownNames:
    """Names the store knows, to feed the extraction gazetteer."""
    athletes: list[str] = []
    teams: set[str] = set()
    for row in session.scalars(select(AthleteRow)):
        athletes += [row.name, *[a for a in row.aliases if len(a.split()) > 1]]
        if row.team:
            teams.add(row.team)
    races = list(session.scalars(select(RaceRow.name).distinct()))
    return KnownNames(list(dict.fromkeys(athletes)), sorted(teams), races)


def articles_needing(session: Session, pipeline_version: str | None) -> Sequence[int]:
    """Ids of stored articles, all of them or only those extracted by another pipeline version."""
    query = select(ArticleRow.id).order_by(ArticleRow.id)
    if pipeline_version:
        query = query.where(or_(ArticleRow.pipeline_version != pipeline_version))
    return session.scalars(query).all()
