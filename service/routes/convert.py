"""Stored rows -> API schemas (URLs are paths on this server)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.storage.read import AthleteProfile, article_athletes, article_links
from models.storage.tables import ArticleRow, AthleteRow, FixtureRow, QuoteRow, RaceRow, ResultRow
from service.schemas import (
    ArticleOut,
    ArticleSummaryOut,
    AthleteOut,
    AthleteProfileOut,
    AthleteRef,
    FixtureOut,
    MedalsOut,
    QuoteOut,
    RaceOut,
    RaceRef,
    ResultOut,
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


def article_summary(row: ArticleRow) -> ArticleSummaryOut:
    return ArticleSummaryOut(
        id=row.id,
        title=row.title,
        language=row.language,
        published=row.published,
        source_url=row.source_url,
        pipeline_version=row.pipeline_version,
        url=article_url(row.id),
        page_url=article_page(row.id),
    )


def article_out(session: Session, row: ArticleRow, *, created: bool) -> ArticleOut:
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


def result_out(row: ResultRow) -> ResultOut:
    return ResultOut(
        athlete=row.athlete_name,
        athlete_slug=row.athlete.slug if row.athlete else None,
        event=row.event,
        rank=row.rank,
        time=row.time,
        gap=row.gap,
        gap_to=row.gap_to,
        medal=row.medal,
        competition=row.competition,
        evidence=row.evidence,
        article_id=row.article_id,
        article_url=article_url(row.article_id),
        published=row.article.published,
    )


def quote_out(row: QuoteRow) -> QuoteOut:
    return QuoteOut(
        speaker=row.speaker,
        text=row.text,
        language=row.language,
        article_id=row.article_id,
        article_url=article_url(row.article_id),
    )


def fixture_out(row: FixtureRow) -> FixtureOut:
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
    return AthleteProfileOut(
        **athlete_out(profile.athlete).model_dump(),
        medals=MedalsOut(**profile.medals),
        results=[result_out(r) for r in profile.results],
        quotes=[quote_out(q) for q in profile.quotes],
        upcoming_fixtures=[fixture_out(f) for f in profile.fixtures],
        calendar=[race_out(r) for r in profile.races],
        articles=[article_summary(a) for a in profile.articles],
    )
