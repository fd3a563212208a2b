"""GET /athletes, /athletes/{slug}, /athletes/{slug}/summary; POST /athletes/{slug}/merge and /split (edits by hand)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse

from models.palmares import Palmares, PalmaresCompetition, PalmaresQuote, PalmaresSeason
from models.records import Fixture, Result
from models.storage.edits import EditError
from models.storage.read import AthleteProfile, athlete_profile, search_athletes
from models.storage.views import FactView
from service import editing
from service.deps import ServicesDep, SessionDep, require_read_key, require_write_key
from service.routes.convert import athlete_out, profile_out
from service.routes.paging import PAGED, paginate
from service.schemas import AthleteOut, AthleteProfileOut, ErrorOut, MergeIn, SplitIn

router = APIRouter(tags=["athletes"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}, 401: {"model": ErrorOut}}
EDIT_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut},
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    422: {"model": ErrorOut},
}


@router.get(
    "/athletes",
    response_model=list[AthleteOut],
    dependencies=[Depends(require_read_key)],
    responses={**PAGED, 401: {"model": ErrorOut}},
    summary="Search athletes by name or alias (any accent form)",
)
def get_athletes(
    request: Request,
    response: Response,
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=300, description="Part of a name or alias, or a surname")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[AthleteOut]:
    page = search_athletes(session, q, limit=limit, offset=offset)
    paginate(request, response, page)
    return [athlete_out(a) for a in page]


def load_profile(session, slug: str, *, sources: bool = True) -> AthleteProfile:
    profile = athlete_profile(session, slug, sources=sources)
    if profile is None:
        raise HTTPException(404, f"no athlete with slug {slug!r}")
    return profile


@router.get(
    "/athletes/{slug}",
    response_model=AthleteProfileOut,
    dependencies=[Depends(require_read_key)],
    responses=NOT_FOUND,
    summary="Athlete profile: palmarès by season and competition, medals per event, quotes, upcoming fixtures",
)
def get_athlete(slug: str, session: SessionDep) -> AthleteProfileOut:
    return profile_out(load_profile(session, slug))


def fact_as_result(fact: FactView) -> Result:
    event = fact.event
    return Result(
        athlete=fact.display_name,
        event=event.name,
        rank=fact.rank,
        time=fact.time,
        gap=fact.gap,
        gap_to=fact.gap_to,
        medal=fact.medal,
        competition=event.competition.name if event.competition else None,
        discipline=event.discipline,
        stage=event.stage,
        round=event.round,
        standings=event.standings,
        gender=event.gender,
        date=event.date,
    )


def profile_palmares(profile: AthleteProfile) -> Palmares:
    """An athlete's stored facts in the shape the palmarès summary reads."""
    a = profile.athlete
    return Palmares(
        athlete=a.name,
        team=a.team,
        nationality=a.nationality,
        medals=dict(profile.medals),
        seasons=[
            PalmaresSeason(
                season.year,
                [
                    PalmaresCompetition(
                        group.competition.name if group.competition else None,
                        [fact_as_result(f) for f in group.results],
                    )
                    for group in season.competitions
                ],
            )
            for season in profile.seasons
        ],
        fixtures=[
            Fixture(when=f.when, date=f.date, event=f.event, athletes=list(f.athletes), evidence=f.evidence)
            for f in profile.fixtures
        ],
        quotes=[
            PalmaresQuote(
                text=q.text, article=q.article.headline or q.article.title or "", date=q.article.published_date
            )
            for q in profile.quotes
        ],
    )


def summary_language(lang: str) -> str:
    from nlp.summaries import UnsupportedLanguage, check_language

    try:
        return check_language(lang)
    except UnsupportedLanguage as exc:
        raise HTTPException(422, str(exc)) from None


@router.get(
    "/athletes/{slug}/summary",
    dependencies=[Depends(require_read_key)],
    responses={
        **NOT_FOUND,
        422: {"model": ErrorOut},
        200: {"content": {"text/plain": {}, "text/markdown": {}, "text/html": {}}},
    },
    response_class=PlainTextResponse,
    summary="An athlete's palmarès told in a language",
)
def get_athlete_summary(
    slug: str,
    session: SessionDep,
    lang: Annotated[str, Query(max_length=20, description="nl, en, fr, es, de or it (others: 422)")] = "en",
    format: Annotated[Literal["text", "markdown", "html"], Query()] = "text",
):
    from nlp.summaries import render_palmares

    language = summary_language(lang)
    text = render_palmares(profile_palmares(load_profile(session, slug, sources=False)), language, format)
    if format == "html":
        return HTMLResponse(text)
    media = "text/markdown" if format == "markdown" else "text/plain"
    return PlainTextResponse(text, media_type=f"{media}; charset=utf-8")


async def _edit(action, *args) -> str:
    try:
        return await run_in_threadpool(action, *args)
    except editing.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except EditError as exc:
        raise HTTPException(422, str(exc)) from None


@router.post(
    "/athletes/{slug}/merge",
    response_model=AthleteProfileOut,
    dependencies=[Depends(require_write_key)],
    responses=EDIT_ERRORS,
    summary="Merge this athlete into another (the same person written two ways)",
    description="Body `{into: SLUG}`. Names, articles, results, quotes and fixtures move to `into`; this slug "
    "keeps leading to the merged profile.",
)
async def merge_athlete(slug: str, body: MergeIn, services: ServicesDep) -> AthleteProfileOut:
    merged = await _edit(editing.merge, services, slug, body.into)
    with services.sessions() as session:
        return profile_out(load_profile(session, merged))


@router.post(
    "/athletes/{slug}/split",
    response_model=AthleteProfileOut,
    status_code=201,
    dependencies=[Depends(require_write_key)],
    responses=EDIT_ERRORS,
    summary="Split names off this athlete into a new athlete (two people taken for one)",
    description="Body `{names: [...]}`: names of this athlete that belong to someone else. They leave with the "
    "articles, results and quotes that wrote them; later articles never merge the two again.",
)
async def split_athlete(slug: str, body: SplitIn, services: ServicesDep) -> AthleteProfileOut:
    created = await _edit(editing.split, services, slug, body.names)
    with services.sessions() as session:
        return profile_out(load_profile(session, created))
