"""Queries the service and the CLI read the store with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Row,
    Select,
    Text,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session, selectinload

from models.events import discipline_query, parse_stage, parse_standings
from models.records import CalendarEntry, Stage
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
from models.storage.views import (
    ArticleRef,
    AthleteRef,
    ClaimView,
    CompetitionView,
    EventView,
    FactView,
    FixtureView,
    QuoteView,
    RaceRef,
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
    return _find(session, text, AthleteRow)


def find_athlete_ids(session: Session, text: str) -> list[int]:
    """The ids of `find_athletes`, for a filter: read without their rows."""
    return _find(session, text, AthleteRow.id)


def _find(session: Session, text: str, wanted: Any) -> list[Any]:
    """`find_athletes`, reading `wanted`: the rows, or a column of them."""
    text = text.strip()
    if not text:
        return []
    row = session.scalar(select(wanted).where(AthleteRow.slug == text))
    if row is not None:
        return [row]
    merged = session.scalars(
        select(wanted).where(cast(AthleteRow.merged_slugs, Text).contains(f'"{text}"', autoescape=True))
    ).all()
    if merged:
        return list(merged)
    folded = fold(text)
    if not folded:
        return []
    named = session.scalars(select(wanted).where(_names_condition(folded)).order_by(AthleteRow.id)).all()
    if named:
        return list(named)
    parts = split_name(text)
    if parts.given:
        return []
    return list(session.scalars(select(wanted).where(AthleteRow.surname_key == parts.key).order_by(AthleteRow.id)))


def find_athlete(session: Session, slug_or_name: str) -> AthleteRow | None:
    """The one athlete a slug, name, alias or surname names; None when none or several."""
    found = find_athletes(session, slug_or_name)
    return found[0] if len(found) == 1 else None


# Built once, the slug bound at each call, like the statements of a profile (below).
ATHLETE_BY_SLUG = select(AthleteRow).where(AthleteRow.slug == bindparam("slug"))


def athlete_by_slug(session: Session, slug: str) -> AthleteRow | None:
    """By slug, or by the slug of an athlete merged into this one."""
    row = session.scalar(ATHLETE_BY_SLUG, {"slug": slug})
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
        ids = find_athlete_ids(session, athlete)
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
    competition: CompetitionView | None
    results: list[FactView]


@dataclass
class Season:
    year: int | None
    competitions: list[CompetitionGroup]


# A profile shows an athlete's newest results, quotes and articles, so that it costs the same to read however
# long the career: all of them are in the paged lists (`search_results`, `list_articles` by athlete).
PROFILE_RESULTS = 100
PROFILE_ITEMS = 50  # quotes and articles; upcoming fixtures are read from these newest articles
MEDALS = ("gold", "silver", "bronze")


@dataclass
class AthleteProfile:
    athlete: AthleteRow
    results: list[FactView] = field(default_factory=list)  # the newest merged results, newest event first
    quotes: list[QuoteView] = field(default_factory=list)  # the newest, in the order they were stored
    fixtures: list[FixtureView] = field(default_factory=list)
    races: list[RaceRow] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)  # the newest first
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

# The statements of the busiest reads (an athlete's profile, pages of results) are built once, with their values
# left as named parameters (`bindparam`) bound at each call: building a statement and its cache key took more of
# the server's CPU, under its GIL, than SQLite took to run it (SQLite runs without the GIL).

# The columns of an `ArticleRef`, in its order.
ARTICLE_COLUMNS = (
    ArticleRow.id,
    ArticleRow.title,
    ArticleRow.headline,
    ArticleRow.language,
    ArticleRow.published,
    ArticleRow.published_date,
    ArticleRow.source_url,
    ArticleRow.pipeline_version,
)
# Newest event first, events without a date last: the order of the index on events.date read backwards (SQLite
# keeps NULLs last when descending, PostgreSQL is told to), so that SQL reads the newest events without sorting.
NEWEST_EVENT_FIRST = (EventRow.date.desc().nulls_last(), EventRow.id.desc())


def _facts_query() -> Select:
    """Merged results as columns: with their event, its competition (and the competition's calendar race) and
    the athlete, all read in one query (`_fact_view` makes each row a `FactView`; `with_sources` adds claims)."""
    return (
        select(
            FactRow.id,
            FactRow.athlete_name,
            FactRow.rank,
            FactRow.time,
            FactRow.gap,
            FactRow.gap_to,
            FactRow.medal,
            FactRow.support,
            FactRow.conflicts,
            EventRow.id,
            EventRow.name,
            EventRow.discipline,
            EventRow.stage,
            EventRow.round,
            EventRow.standings,
            EventRow.gender,
            EventRow.date,
            CompetitionRow.id,
            CompetitionRow.slug,
            CompetitionRow.name,
            CompetitionRow.kind,
            CompetitionRow.year,
            RaceRow.slug,
            AthleteRow.slug,
            AthleteRow.name,
        )
        .select_from(FactRow)
        .join(EventRow, EventRow.id == FactRow.event_id)
        .outerjoin(CompetitionRow, CompetitionRow.id == EventRow.competition_id)
        .outerjoin(RaceRow, RaceRow.id == CompetitionRow.race_id)
        .outerjoin(AthleteRow, AthleteRow.id == FactRow.athlete_id)
    )


FACTS_NEWEST_FIRST = _facts_query().order_by(*NEWEST_EVENT_FIRST, FactRow.rank.is_(None), FactRow.rank, FactRow.id)


def _fact_view(row: Row) -> FactView:
    (
        fact_id,
        athlete_name,
        rank,
        time,
        gap,
        gap_to,
        medal,
        support,
        conflicts,
        event_id,
        event_name,
        discipline,
        stage,
        round_,
        standings,
        gender,
        date,
        competition_id,
        competition_slug,
        competition_name,
        kind,
        year,
        race_slug,
        athlete_slug,
        athlete_display,
    ) = row
    competition = (
        CompetitionView(
            competition_id,
            competition_slug,
            competition_name,
            kind,
            year,
            RaceRef(race_slug) if race_slug is not None else None,
        )
        if competition_id is not None
        else None
    )
    event = EventView(
        event_id, event_name, discipline, stage, round_, standings, gender, date, competition_id, competition
    )
    athlete = AthleteRef(athlete_slug, athlete_display) if athlete_slug is not None else None
    return FactView(fact_id, event, athlete, athlete_name, rank, time, gap, gap_to, medal, support, conflicts or [])


def _read_facts(session: Session, query: Select, values: dict[str, Any] | None = None) -> list[FactView]:
    return [_fact_view(row) for row in session.execute(query, values)]


_ranked_claims = (
    select(ResultRow.id, func.row_number().over(partition_by=ResultRow.fact_id, order_by=ResultRow.id).label("n"))
    .where(ResultRow.fact_id.in_(bindparam("fact_ids", expanding=True)))
    .subquery()
)
FIRST_CLAIMS = (
    select(ResultRow.id, ResultRow.fact_id, ResultRow.article_id, ResultRow.evidence, *ARTICLE_COLUMNS)
    .select_from(ResultRow)
    .join(_ranked_claims, _ranked_claims.c.id == ResultRow.id)
    .join(ArticleRow, ArticleRow.id == ResultRow.article_id)
    .where(_ranked_claims.c.n <= bindparam("shown"))
    .order_by(ResultRow.id)
)


def with_sources(session: Session, facts: Sequence[FactView], shown: int | None = None) -> None:
    """Give each merged result its first `shown` claims (with their articles) as `claims`, read in one query: a
    result a thousand articles report costs what one reported by twenty does."""
    if not facts:
        return
    by_id = {fact.id: fact for fact in facts}
    claims = session.execute(FIRST_CLAIMS, {"fact_ids": list(by_id), "shown": shown or SOURCES_SHOWN})
    for claim_id, fact_id, article_id, evidence, *article in claims:
        if fact_id is not None:
            by_id[fact_id].claims.append(ClaimView(claim_id, article_id, evidence, ArticleRef(*article)))


def _newest_events(conditions: Sequence[ColumnElement[bool]], count: int | BindParameter[int]) -> Select:
    """Ids of the `count` newest events that meet `conditions` and have a merged result. A page of `count` results
    (after the offset) lies within them, so the sort is of their results, not of every result in the store."""
    has_results = select(FactRow.id).where(FactRow.event_id == EventRow.id).exists()
    return select(EventRow.id).where(has_results, *conditions).order_by(*NEWEST_EVENT_FIRST).limit(count)


def _unique_fixtures(fixtures: Sequence[FixtureView]) -> list[FixtureView]:
    """One line per announced event, in date order, even when several articles announce it."""
    seen: dict[tuple, FixtureView] = {}
    for fixture in fixtures:
        seen.setdefault((fixture.date or fixture.when, fold(fixture.event or "")), fixture)
    return sorted(seen.values(), key=lambda f: (f.date is None, f.date or dt.date.max, f.id))


# An athlete's profile, by the parameter `athlete_id` (and `limit`).
_mentioning = select(MentionRow.article_id).where(MentionRow.athlete_id == bindparam("athlete_id"))
PROFILE_RESULTS_QUERY = FACTS_NEWEST_FIRST.where(FactRow.athlete_id == bindparam("athlete_id")).limit(
    bindparam("limit")
)
PROFILE_QUOTES = (
    select(QuoteRow.id, QuoteRow.article_id, QuoteRow.speaker, QuoteRow.text, QuoteRow.language, *ARTICLE_COLUMNS)
    .select_from(QuoteRow)
    .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
    .where(QuoteRow.athlete_id == bindparam("athlete_id"))
    .order_by(QuoteRow.id.desc())
    .limit(bindparam("limit"))
)
PROFILE_ARTICLES = (
    select(*ARTICLE_COLUMNS)
    .where(ArticleRow.id.in_(_mentioning))
    .order_by(ArticleRow.id.desc())
    .limit(bindparam("limit"))
)
# The fixtures of these articles (`article_ids`) on `today` or later, or undated, that may announce the athlete:
# the announced athletes' ids are a JSON list, whose text holds the digits of each (`athlete_digits`); the caller
# keeps the fixtures that do announce its athlete.
UPCOMING_FIXTURES = (
    select(
        FixtureRow.id,
        FixtureRow.article_id,
        FixtureRow.when,
        FixtureRow.date,
        FixtureRow.event,
        FixtureRow.athletes,
        FixtureRow.evidence,
        FixtureRow.athlete_ids,
    )
    .where(
        FixtureRow.article_id.in_(bindparam("article_ids", expanding=True)),
        or_(FixtureRow.date.is_(None), FixtureRow.date >= bindparam("today")),
        cast(FixtureRow.athlete_ids, Text).contains(bindparam("athlete_digits", type_=Text)),
    )
    .order_by(FixtureRow.date, FixtureRow.id)
)
PROFILE_RACES = (
    select(RaceRow)
    .where(RaceRow.id.in_(select(LinkRow.race_id).where(LinkRow.article_id.in_(_mentioning))))
    .options(selectinload(RaceRow.stages))
    .order_by(RaceRow.start_date)
)
_athlete_facts = (
    select(
        func.count(FactRow.id),
        *(func.count(func.distinct(case((FactRow.medal == medal, FactRow.event_id)))) for medal in MEDALS),
    )
    .where(FactRow.athlete_id == bindparam("athlete_id"))
    .subquery()
)
# (results, gold, silver, bronze, quotes, articles): medals counted once per distinct event.
PROFILE_COUNTS = select(
    _athlete_facts,
    select(func.count(QuoteRow.id)).where(QuoteRow.athlete_id == bindparam("athlete_id")).scalar_subquery(),
    select(func.count()).select_from(_mentioning.subquery()).scalar_subquery(),
)


def _announcing(session: Session, athlete_id: int, articles: Sequence[ArticleRef], today: dt.date) -> list[FixtureView]:
    """The fixtures these articles announce for this athlete, today or later or undated."""
    by_id = {article.id: article for article in articles}
    upcoming = session.execute(
        UPCOMING_FIXTURES, {"article_ids": list(by_id), "today": today, "athlete_digits": str(athlete_id)}
    )
    return [
        FixtureView(fixture_id, article_id, when, date, event, list(athletes or []), evidence, by_id[article_id])
        for fixture_id, article_id, when, date, event, athletes, evidence, athlete_ids in upcoming
        if athlete_id in (athlete_ids or [])
    ]


def athlete_profile(
    session: Session, slug: str, *, today: dt.date | None = None, sources: bool = True
) -> AthleteProfile | None:
    """The athlete with their newest `PROFILE_RESULTS` results and `PROFILE_ITEMS` quotes and articles, the
    fixtures those articles announce, the races their articles link, and how many there are in all.
    `sources=False` leaves out each result's articles (`with_sources`), for a reader that shows none."""
    athlete = athlete_by_slug(session, slug)
    if athlete is None:
        return None
    athlete_id = {"athlete_id": athlete.id}
    results = _read_facts(session, PROFILE_RESULTS_QUERY, {**athlete_id, "limit": PROFILE_RESULTS})
    if sources:
        with_sources(session, results)
    quotes = [
        QuoteView(quote_id, article_id, speaker, text, language, ArticleRef(*article))
        for quote_id, article_id, speaker, text, language, *article in session.execute(
            PROFILE_QUOTES, {**athlete_id, "limit": PROFILE_ITEMS}
        )
    ][::-1]
    articles = [ArticleRef(*row) for row in session.execute(PROFILE_ARTICLES, {**athlete_id, "limit": PROFILE_ITEMS})]
    fixtures = _announcing(session, athlete.id, articles, today or dt.date.today())
    races = session.scalars(PROFILE_RACES, athlete_id).all()
    results_total, *medals, quotes_total, articles_total = session.execute(PROFILE_COUNTS, athlete_id).one()
    return AthleteProfile(
        athlete,
        results,
        quotes,
        _unique_fixtures(fixtures),
        list(races),
        articles,
        dict(zip(MEDALS, medals, strict=True)),
        results_total=results_total,
        quotes_total=quotes_total,
        articles_total=articles_total,
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


# The searches asked most, prepared (see above): the newest results, and the results of athletes found by name.
_PAGE_OF_FACTS = FACTS_NEWEST_FIRST.limit(bindparam("limit")).offset(bindparam("offset"))
NEWEST_RESULTS = _PAGE_OF_FACTS.where(FactRow.event_id.in_(_newest_events((), bindparam("events"))))
ALL_RESULTS_COUNT = select(func.count(FactRow.id))
_of_athletes = FactRow.athlete_id.in_(bindparam("athlete_ids", expanding=True))
ATHLETES_RESULTS = _PAGE_OF_FACTS.where(_of_athletes)
ATHLETES_RESULTS_COUNT = select(func.count(FactRow.id)).where(_of_athletes)


def search_results(
    session: Session,
    *,
    athlete: str | None = None,
    event: str | None = None,
    competition: str | None = None,
    since: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[FactView]:
    """Merged results (one per athlete and event, citing the articles that report it), newest event first."""
    ids = find_athlete_ids(session, athlete) if athlete else []
    on_events = _event_conditions(session, event=event, competition=competition, since=since)
    if not on_events and (ids or not athlete):
        query, counted = (ATHLETES_RESULTS, ATHLETES_RESULTS_COUNT) if athlete else (NEWEST_RESULTS, ALL_RESULTS_COUNT)
        values = {"athlete_ids": ids, "events": offset + limit, "limit": limit, "offset": offset}
        total = session.scalar(counted, values) or 0
        items = _read_facts(session, query, values)
    else:
        on_facts: list[ColumnElement[bool]] = []
        if athlete:
            on_facts.append(
                FactRow.athlete_id.in_(ids)
                if ids
                else FactRow.athlete_folded.contains(fold(athlete) or athlete.lower(), autoescape=True)
            )
        counted = select(FactRow.id).where(*on_facts)
        if on_events:
            counted = counted.join(EventRow, EventRow.id == FactRow.event_id).where(*on_events)
        total = _count(session, counted)
        query = FACTS_NEWEST_FIRST.where(*on_facts, *on_events)
        if not athlete:  # an athlete's results are few, read by their index; all the others are bounded by event
            query = query.where(FactRow.event_id.in_(_newest_events(on_events, offset + limit)))
        items = _read_facts(session, query.limit(limit).offset(offset))
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
        ids = find_athlete_ids(session, athlete)
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
    """An article's results as it reports them, with their event (date, competition) and athlete."""
    return list(
        session.scalars(
            select(ResultRow)
            .where(ResultRow.article_id == article_id)
            .options(
                selectinload(ResultRow.event_row).selectinload(EventRow.competition),
                selectinload(ResultRow.athlete),
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
