"""GET /results (merged results across all articles), GET /events, GET /events/{id}."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from models.storage.read import get_event, list_events, search_results
from service.deps import SessionDep, require_read_key
from service.routes.convert import event_out, result_out
from service.routes.paging import PAGED, paginate
from service.schemas import ErrorOut, EventOut, ResultOut

router = APIRouter(tags=["results"], dependencies=[Depends(require_read_key)])
ATHLETE = Query(max_length=300, description="Athlete slug, full name, surname or alias (any accents)")
EVENT = Query(
    max_length=300,
    description='Distance or discipline ("500", "500m" and "500 meter" are one; not 5000 m), '
    'stage ("stage 4", "etappe 4") or standings ("general classification")',
)
COMPETITION = Query(max_length=300, description="Part of the competition's name, or its slug")
SINCE = Query(description="Events on or after this day (YYYY-MM-DD)")


@router.get(
    "/results",
    response_model=list[ResultOut],
    responses={**PAGED, 401: {"model": ErrorOut}},
    summary="Search results by athlete, event, competition and date",
    description="One result per athlete and event however many articles report it, newest event first; each "
    "cites its supporting articles and lists the values they disagree on.",
)
def get_results(
    request: Request,
    response: Response,
    session: SessionDep,
    athlete: Annotated[str | None, ATHLETE] = None,
    event: Annotated[str | None, EVENT] = None,
    competition: Annotated[str | None, COMPETITION] = None,
    since: Annotated[dt.date | None, SINCE] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[ResultOut]:
    page = search_results(
        session, athlete=athlete, event=event, competition=competition, since=since, limit=limit, offset=offset
    )
    paginate(request, response, page)
    return [result_out(r) for r in page]


@router.get(
    "/events",
    response_model=list[EventOut],
    responses={**PAGED, 401: {"model": ErrorOut}},
    summary="Events (a race, a stage, a classification) with their results, newest first",
)
def get_events(
    request: Request,
    response: Response,
    session: SessionDep,
    athlete: Annotated[str | None, ATHLETE] = None,
    event: Annotated[str | None, EVENT] = None,
    competition: Annotated[str | None, COMPETITION] = None,
    since: Annotated[dt.date | None, SINCE] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[EventOut]:
    page = list_events(
        session, athlete=athlete, event=event, competition=competition, since=since, limit=limit, offset=offset
    )
    paginate(request, response, page)
    return [event_out(e) for e in page]


@router.get(
    "/events/{event_id}",
    response_model=EventOut,
    responses={404: {"model": ErrorOut}, 401: {"model": ErrorOut}},
    summary="One event with its results and the articles supporting each",
)
def get_one_event(event_id: int, session: SessionDep) -> EventOut:
    event = get_event(session, event_id) if -(2**62) < event_id < 2**62 else None
    if event is None:
        raise HTTPException(404, f"no event with id {event_id}")
    return event_out(event)
