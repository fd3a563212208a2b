"""GET /results: results across all stored articles."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from models.storage.read import search_results
from service.deps import SessionDep, require_read_key
from service.routes.convert import result_out
from service.schemas import ErrorOut, ResultOut

router = APIRouter(tags=["results"], dependencies=[Depends(require_read_key)])


@router.get(
    "/results",
    response_model=list[ResultOut],
    responses={401: {"model": ErrorOut}},
    summary="Search results by athlete, event, competition and date",
)
def get_results(
    session: SessionDep,
    athlete: Annotated[str | None, Query(max_length=300, description="Athlete slug or name")] = None,
    event: Annotated[str | None, Query(max_length=300, description="Part of the event name")] = None,
    competition: Annotated[str | None, Query(max_length=300)] = None,
    since: Annotated[dt.date | None, Query(description="Article published on or after")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[ResultOut]:
    rows = search_results(
        session, athlete=athlete, event=event, competition=competition, since=since, limit=limit, offset=offset
    )
    return [result_out(r) for r in rows]
