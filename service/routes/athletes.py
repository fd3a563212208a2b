"""GET /athletes, /athletes/{slug}, /athletes/{slug}/summary."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse

from models.records import Athlete, ExtractionResult, Fixture, Quote, Result
from models.storage.read import AthleteProfile, athlete_profile, search_athletes
from service.deps import SessionDep, require_read_key
from service.routes.convert import athlete_out, profile_out
from service.schemas import AthleteOut, AthleteProfileOut, ErrorOut

router = APIRouter(tags=["athletes"], dependencies=[Depends(require_read_key)])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}, 401: {"model": ErrorOut}}


@router.get("/athletes", response_model=list[AthleteOut], summary="Search athletes by name (any accent form)")
def get_athletes(
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=300, description="Part of a name or alias")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[AthleteOut]:
    return [athlete_out(a) for a in search_athletes(session, q, limit=limit, offset=offset)]


def load_profile(session, slug: str) -> AthleteProfile:
    profile = athlete_profile(session, slug)
    if profile is None:
        raise HTTPException(404, f"no athlete with slug {slug!r}")
    return profile


@router.get(
    "/athletes/{slug}",
    response_model=AthleteProfileOut,
    responses=NOT_FOUND,
    summary="Athlete profile: results, medals, quotes, upcoming fixtures, linked calendar entries",
)
def get_athlete(slug: str, session: SessionDep) -> AthleteProfileOut:
    return profile_out(load_profile(session, slug))


def profile_as_result(profile: AthleteProfile, language: str) -> ExtractionResult:
    """An athlete's stored facts in the shape the summary renderer reads."""
    a = profile.athlete
    return ExtractionResult(
        id=a.slug,
        language=language,
        language_confidence=1.0,
        title=a.name,
        athletes=[Athlete(name=a.name, aliases=list(a.aliases), team=a.team, nationality=a.nationality, sport=a.sport)],
        results=[
            Result(
                athlete=a.name,
                event=r.event,
                rank=r.rank,
                time=r.time,
                gap=r.gap,
                gap_to=r.gap_to,
                medal=r.medal,
                competition=r.competition,
                evidence=r.evidence,
            )
            for r in profile.results
        ],
        quotes=[Quote(speaker=a.name, text=q.text, language=q.language) for q in profile.quotes],
        schedule=[
            Fixture(when=f.when, date=f.date, event=f.event, athletes=list(f.athletes), evidence=f.evidence)
            for f in profile.fixtures
        ],
    )


@router.get(
    "/athletes/{slug}/summary",
    responses={**NOT_FOUND, 200: {"content": {"text/plain": {}, "text/markdown": {}, "text/html": {}}}},
    response_class=PlainTextResponse,
    summary="Summary of an athlete's stored facts in a language",
)
def get_athlete_summary(
    slug: str,
    session: SessionDep,
    lang: Annotated[str, Query(pattern=r"^[a-z]{2,3}$", description="nl, en, fr, es, de, it (others: English)")] = "en",
    format: Annotated[Literal["text", "markdown", "html"], Query()] = "text",
):
    from nlp.engine import render_summary

    text = render_summary(profile_as_result(load_profile(session, slug), lang), lang, format)
    if format == "html":
        return HTMLResponse(text)
    media = "text/markdown" if format == "markdown" else "text/plain"
    return PlainTextResponse(text, media_type=f"{media}; charset=utf-8")
