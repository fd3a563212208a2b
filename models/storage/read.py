"""Queries the service and the CLI read the store with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from models.records import CalendarEntry, Stage
from models.storage.names import fold
from models.storage.tables import ArticleRow, AthleteRow, FixtureRow, LinkRow, MentionRow, QuoteRow, RaceRow, ResultRow


def find_athlete(session: Session, slug_or_name: str) -> AthleteRow | None:
    row = session.scalar(select(AthleteRow).where(AthleteRow.slug == slug_or_name))
    if row is None:
        row = session.scalar(select(AthleteRow).where(AthleteRow.folded_name == fold(slug_or_name)))
    return row


def list_articles(
    session: Session,
    *,
    athlete: str | None = None,
    language: str | None = None,
    since: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Sequence[ArticleRow]:
    query = select(ArticleRow).order_by(ArticleRow.id.desc())
    if athlete:
        row = find_athlete(session, athlete)
        if row is None:
            return []
        query = query.join(MentionRow, MentionRow.article_id == ArticleRow.id).where(MentionRow.athlete_id == row.id)
    if language:
        query = query.where(ArticleRow.language == language.lower())
    if since:
        query = query.where(ArticleRow.published_date >= since)
    return session.scalars(query.limit(limit).offset(offset)).all()


def search_athletes(session: Session, q: str | None, *, limit: int = 50, offset: int = 0) -> Sequence[AthleteRow]:
    query = select(AthleteRow).order_by(AthleteRow.folded_name)
    if q and fold(q):
        query = query.where(AthleteRow.search_text.contains(fold(q), autoescape=True))
    return session.scalars(query.limit(limit).offset(offset)).all()


@dataclass
class AthleteProfile:
    athlete: AthleteRow
    results: list[ResultRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    fixtures: list[FixtureRow] = field(default_factory=list)
    races: list[RaceRow] = field(default_factory=list)
    articles: list[ArticleRow] = field(default_factory=list)
    tally_medals: list[tuple[int, str]] = field(default_factory=list)  # (article id, medal) from medal tallies

    @property
    def medals(self) -> dict[str, int]:
        """Medals from results, plus those of medal tallies naming the athlete ("goud (Kramer, Nuis)")
        in articles that give no result with that medal for them."""
        counts = {"gold": 0, "silver": 0, "bronze": 0}
        from_results = set()
        for result in self.results:
            if result.medal in counts:
                counts[result.medal] += 1
                from_results.add((result.article_id, result.medal))
        for article_id, medal in self.tally_medals:
            if medal in counts and (article_id, medal) not in from_results:
                counts[medal] += 1
        return counts


def athlete_profile(session: Session, slug: str, *, today: dt.date | None = None) -> AthleteProfile | None:
    athlete = session.scalar(select(AthleteRow).where(AthleteRow.slug == slug))
    if athlete is None:
        return None
    today = today or dt.date.today()
    article_ids = select(MentionRow.article_id).where(MentionRow.athlete_id == athlete.id)
    results = session.scalars(
        select(ResultRow)
        .where(ResultRow.athlete_id == athlete.id)
        .options(selectinload(ResultRow.article))
        .order_by(ResultRow.id)
    ).all()
    quotes = session.scalars(
        select(QuoteRow)
        .where(QuoteRow.athlete_id == athlete.id)
        .options(selectinload(QuoteRow.article))
        .order_by(QuoteRow.id)
    ).all()
    fixtures = [
        f
        for f in session.scalars(
            select(FixtureRow)
            .where(FixtureRow.article_id.in_(article_ids))
            .options(selectinload(FixtureRow.article))
            .order_by(FixtureRow.date, FixtureRow.id)
        ).all()
        if athlete.id in (f.athlete_ids or []) and (f.date is None or f.date >= today)
    ]
    race_ids = select(LinkRow.race_id).where(LinkRow.article_id.in_(article_ids))
    races = session.scalars(select(RaceRow).where(RaceRow.id.in_(race_ids)).order_by(RaceRow.start_date)).all()
    articles = session.scalars(
        select(ArticleRow).where(ArticleRow.id.in_(article_ids)).order_by(ArticleRow.id.desc())
    ).all()
    return AthleteProfile(
        athlete, list(results), list(quotes), fixtures, list(races), list(articles), _tally_medals(athlete, articles)
    )


def _tally_medals(athlete: AthleteRow, articles: Sequence[ArticleRow]) -> list[tuple[int, str]]:
    names = {fold(n) for n in [athlete.name, *athlete.aliases]}
    found = []
    for article in articles:
        for tally in (article.result_json or {}).get("medal_tallies", []):
            if any(fold(n) in names for n in tally.get("athletes", [])):
                found.append((article.id, tally.get("medal")))
    return found


def search_results(
    session: Session,
    *,
    athlete: str | None = None,
    event: str | None = None,
    competition: str | None = None,
    since: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Sequence[ResultRow]:
    query = (
        select(ResultRow)
        .join(ArticleRow, ArticleRow.id == ResultRow.article_id)
        .options(selectinload(ResultRow.article), selectinload(ResultRow.athlete))
        .order_by(ResultRow.id.desc())
    )
    if athlete:
        row = find_athlete(session, athlete)
        query = (
            query.where(ResultRow.athlete_id == row.id)
            if row
            else query.where(func.lower(ResultRow.athlete_name).contains(athlete.lower(), autoescape=True))
        )
    if event:
        query = query.where(func.lower(ResultRow.event).contains(event.lower(), autoescape=True))
    if competition:
        query = query.where(func.lower(ResultRow.competition).contains(competition.lower(), autoescape=True))
    if since:
        query = query.where(ArticleRow.published_date >= since)
    return session.scalars(query.limit(limit).offset(offset)).all()


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
