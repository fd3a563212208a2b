"""Stored rows -> API schemas (URLs are paths on this server)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.storage.read import AthleteProfile, article_athletes, article_links
from models.storage.tables import (
    ArticleRow,
    AthleteRow,
    CompetitionRow,
    EventRow,
    FactRow,
    FixtureRow,
    QuoteRow,
    RaceRow,
    ResultRow,
)
from models.storage.views import ArticleRef, ClaimView, CompetitionView, FactView, FixtureView, QuoteView
from service.schemas import (
    ArticleOut,
    ArticleSummaryOut,
    AthleteOut,
    AthleteProfileOut,
    AthleteRef,
    CompetitionOut,
    ConflictOut,
    EventOut,
    FixtureOut,
    MedalsOut,
    PalmaresCompetitionOut,
    QuoteOut,
    RaceOut,
    RaceRef,
    ResultOut,
    SeasonOut,
    SourceOut,
    StageOut,
)


def article_url(article_id: int) -> str:
    return f"/articles/{article_id}"


def article_page(article_id: int) -> str:
    return f"/view/articles/{article_id}"


def athlete_url(slug: str) -> str:
    return f"/athletes/{slug}"


def athlete_page(slug: str) -> str:
    return f"/view/athletes/{slug}"


def race_url(slug: str) -> str:
    return f"/calendar/{slug}"


def race_page(slug: str) -> str:
    return f"/view/calendar/{slug}"


def article_summary(row: ArticleRow | ArticleRef) -> ArticleSummaryOut:
    return ArticleSummaryOut(
        id=row.id,
        title=row.title,
        headline=row.headline or row.title or "",
        language=row.language,
        published=row.published,
        source_url=row.source_url,
        pipeline_version=row.pipeline_version,
        url=article_url(row.id),
        page_url=article_page(row.id),
    )


def article_out(
    session: Session, row: ArticleRow, *, created: bool, published_updated: bool = False, message: str | None = None
) -> ArticleOut:
    athletes = [
        AthleteRef(name=m.name, athlete=a.name, slug=a.slug, url=athlete_url(a.slug))
        for m, a in article_athletes(session, row.id)
    ]
    links = [
        RaceRef(
            race=race.name,
            slug=race.slug,
            stage=link.stage,
            score=link.score,
            reasons=link.reasons,
            url=race_url(race.slug),
        )
        for link, race in article_links(session, row.id)
    ]
    return ArticleOut(
        **article_summary(row).model_dump(),
        content_hash=row.content_hash,
        created=created,
        published_updated=published_updated,
        message=message,
        athletes=athletes,
        calendar_links=links,
        result=row.result_json,
    )


def athlete_out(row: AthleteRow) -> AthleteOut:
    return AthleteOut(
        slug=row.slug,
        name=row.name,
        aliases=list(row.aliases or []),
        team=row.team,
        sport=row.sport,
        nationality=row.nationality,
        url=athlete_url(row.slug),
        page_url=athlete_page(row.slug),
    )


def competition_out(row: CompetitionRow | CompetitionView | None) -> CompetitionOut | None:
    if row is None:
        return None
    return CompetitionOut(
        slug=row.slug, name=row.name, kind=row.kind, year=row.year, race_slug=row.race.slug if row.race else None
    )


def result_out(fact: FactRow | FactView) -> ResultOut:
    event = fact.event
    claims: list[ResultRow | ClaimView] = sorted(fact.claims, key=lambda c: c.id)
    first = claims[0]
    sources, seen = [], set()
    for claim in claims:
        if claim.article_id in seen:
            continue
        seen.add(claim.article_id)
        article = claim.article
        sources.append(
            SourceOut(
                article_id=article.id,
                article_url=article_url(article.id),
                page_url=article_page(article.id),
                headline=article.headline or article.title or "",
                language=article.language,
                published=article.published,
                evidence=claim.evidence,
            )
        )
    return ResultOut(
        id=fact.id,
        athlete=fact.display_name,
        athlete_slug=fact.athlete.slug if fact.athlete else None,
        event=event.name,
        event_id=event.id,
        discipline=event.discipline,
        stage=event.stage,
        round=event.round,
        standings=event.standings,
        gender=event.gender,
        date=event.date,
        rank=fact.rank,
        time=fact.time,
        gap=fact.gap,
        gap_to=fact.gap_to,
        medal=fact.medal,
        competition=event.competition.name if event.competition else None,
        competition_slug=event.competition.slug if event.competition else None,
        evidence=first.evidence,
        article_id=first.article_id,
        article_url=article_url(first.article_id),
        published=first.article.published,
        support=fact.support,
        sources=sources,
        conflicts=[ConflictOut(**c) for c in fact.conflicts or []],
    )


def event_out(event: EventRow) -> EventOut:
    facts = sorted(event.facts, key=lambda f: (f.rank is None, f.rank or 0, f.id))
    return EventOut(
        id=event.id,
        name=event.name,
        discipline=event.discipline,
        stage=event.stage,
        round=event.round,
        standings=event.standings,
        gender=event.gender,
        date=event.date,
        date_source=event.date_source,
        competition=competition_out(event.competition),
        results=[result_out(f) for f in facts],
        url=f"/events/{event.id}",
    )


def quote_out(row: QuoteRow | QuoteView) -> QuoteOut:
    return QuoteOut(
        speaker=row.speaker,
        text=row.text,
        language=row.language,
        article_id=row.article_id,
        article_url=article_url(row.article_id),
    )


def fixture_out(row: FixtureRow | FixtureView) -> FixtureOut:
    return FixtureOut(
        when=row.when,
        date=row.date,
        event=row.event,
        athletes=list(row.athletes or []),
        article_id=row.article_id,
        article_url=article_url(row.article_id),
    )


def race_out(row: RaceRow) -> RaceOut:
    return RaceOut(
        slug=row.slug,
        name=row.name,
        country=row.country,
        category=row.category,
        start_date=row.start_date,
        end_date=row.end_date,
        flags=list(row.flags or []),
        stages=[
            StageOut(
                number=s.number,
                total=s.total,
                start=s.start,
                finish=s.finish,
                distance_km=s.distance_km,
                date=s.date,
                flags=list(s.flags or []),
            )
            for s in row.stages
        ],
        url=race_url(row.slug),
        page_url=race_page(row.slug),
    )


def profile_out(profile: AthleteProfile) -> AthleteProfileOut:
    results = {fact.id: result_out(fact) for fact in profile.results}  # each shown twice: made once
    return AthleteProfileOut(
        **athlete_out(profile.athlete).model_dump(),
        medals=MedalsOut(**profile.medals),
        results=list(results.values()),
        palmares=[
            SeasonOut(
                year=season.year,
                competitions=[
                    PalmaresCompetitionOut(
                        competition=competition_out(group.competition),
                        results=[results[f.id] for f in group.results],
                    )
                    for group in season.competitions
                ],
            )
            for season in profile.seasons
        ],
        quotes=[quote_out(q) for q in profile.quotes],
        upcoming_fixtures=[fixture_out(f) for f in profile.fixtures],
        calendar=[race_out(r) for r in profile.races],
        articles=[article_summary(a) for a in profile.articles],
        results_total=profile.results_total,
        quotes_total=profile.quotes_total,
        articles_total=profile.articles_total,
    )
