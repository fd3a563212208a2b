"""POST /calendar (seed widget format or .ics), GET /calendar, /calendar.ics, /calendar/{race}."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from models.storage import upsert_race
from models.storage.read import Page, get_race, list_races, race_articles, race_athletes
from service import editing
from service.deps import ServicesDep, SessionDep, require_read_key, require_write_key
from service.routes.bodies import decode_text, media_type, text_body_spec, unsupported
from service.routes.convert import article_summary, athlete_out, race_out, race_page
from service.routes.paging import PAGED, paginate
from service.schemas import CalendarLineError, CalendarUploadOut, ErrorOut, RaceArticleOut, RaceDetailOut, RaceOut
from service.services import Services, retry_conflicts

router = APIRouter(tags=["calendar"])
UPLOAD_TYPES = ("text/plain", "text/calendar")
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f]*$"  # the category names the feed: one iCalendar line


@router.post(
    "/calendar",
    status_code=201,
    response_model=CalendarUploadOut,
    dependencies=[Depends(require_write_key)],
    summary="Store races from a calendar file",
    description="Body: the calendar widget text (as on the seed page; a whole pasted page works too) or "
    "an iCalendar file. Lines that cannot be read are reported; the rest is stored. Articles already stored are "
    "linked to the new races (`linked_articles`).",
    responses={
        401: {"model": ErrorOut},
        403: {"model": ErrorOut},
        413: {"model": ErrorOut},
        415: {"model": ErrorOut},
        422: {"model": ErrorOut},
    },
    openapi_extra=text_body_spec(*UPLOAD_TYPES, description="Seed widget format or .ics"),
)
async def post_calendar(request: Request, services: ServicesDep) -> CalendarUploadOut:
    kind = media_type(request)
    if kind not in (*UPLOAD_TYPES, ""):
        raise unsupported(kind, UPLOAD_TYPES)
    text = decode_text(await request.body())
    return await run_in_threadpool(store_calendar, services, text)


def store_calendar(services: Services, text: str) -> CalendarUploadOut:
    from nlp.calendar import load_calendar

    calendar = load_calendar(text)
    errors = [CalendarLineError(line=e.line, text=e.text, message=e.message) for e in calendar.errors]
    if not calendar.entries:
        raise HTTPException(
            422, "no calendar entry found" + (f": line {errors[0].line}: {errors[0].message}" if errors else "")
        )

    def write() -> list[RaceOut]:
        with services.sessions() as session:
            races = [upsert_race(session, entry) for entry in calendar.entries]
            session.commit()
            return [race_out(r) for r in races]

    races = retry_conflicts(write)
    services.feed([], [], [e.race for e in calendar.entries])
    linked = editing.link_stored_articles(services, calendar.entries)
    return CalendarUploadOut(stored=len(races), races=races, errors=errors, linked_articles=linked)


def _races(session, start, end, category):
    if start and end and end < start:
        raise HTTPException(422, "'to' is before 'from'")
    return list_races(session, start=start, end=end, category=category)


@router.get(
    "/calendar",
    response_model=list[RaceOut],
    dependencies=[Depends(require_read_key)],
    summary="Races overlapping a date range, optionally of one category",
    responses={**PAGED, 401: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
def get_calendar(
    request: Request,
    response: Response,
    session: SessionDep,
    start: Annotated[dt.date | None, Query(alias="from", description="First day (YYYY-MM-DD)")] = None,
    end: Annotated[dt.date | None, Query(alias="to", description="Last day (YYYY-MM-DD)")] = None,
    category: Annotated[str | None, Query(max_length=120, description="e.g. 'WorldTeam Men'")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[RaceOut]:
    races = _races(session, start, end, category)
    page = Page(list(races[offset : offset + limit]), len(races), limit, offset)
    paginate(request, response, page)
    return [race_out(r) for r in page]


@router.get(
    "/calendar.ics",
    dependencies=[Depends(require_read_key)],
    response_class=Response,
    summary="The calendar as a subscribable iCalendar feed (one event per dated stage)",
    responses={200: {"content": {"text/calendar": {}}}, 401: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
def get_calendar_ics(
    request: Request,
    session: SessionDep,
    start: Annotated[dt.date | None, Query(alias="from")] = None,
    end: Annotated[dt.date | None, Query(alias="to")] = None,
    category: Annotated[str | None, Query(max_length=120, pattern=NO_CONTROL_CHARACTERS)] = None,
) -> Response:
    from models.storage.read import race_to_entry
    from nlp.calendar import calendar_to_ics

    races = _races(session, start, end, category)
    entries = [race_to_entry(r) for r in races]
    pages = {
        id(entry): str(request.base_url).rstrip("/") + race_page(r.slug)
        for entry, r in zip(entries, races, strict=True)
    }
    name = "Palmarès race calendar" + (f": {category}" if category else "")
    return Response(
        calendar_to_ics(entries, name=name, url_for=lambda entry: pages.get(id(entry))),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="palmares.ics"'},
    )


@router.get(
    "/calendar/{race}",
    response_model=RaceDetailOut,
    dependencies=[Depends(require_read_key)],
    summary="One race with its stages and the articles and athletes linked to it",
    responses={404: {"model": ErrorOut}, 401: {"model": ErrorOut}},
)
def get_calendar_race(race: str, session: SessionDep) -> RaceDetailOut:
    row = get_race(session, race)
    if row is None:
        raise HTTPException(404, f"no race with slug {race!r}")
    articles = [
        RaceArticleOut(**article_summary(a).model_dump(), stage=link.stage, score=link.score, reasons=link.reasons)
        for link, a in race_articles(session, row)
    ]
    return RaceDetailOut(
        **race_out(row).model_dump(), articles=articles, athletes=[athlete_out(a) for a in race_athletes(session, row)]
    )
