"""Server-rendered pages (Jinja2, autoescaped): home, article, athlete palmarès, events, calendar by month, race,
results, and the page with the paste forms (their POST handlers are in `service.routes.forms`)."""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from pydantic import TypeAdapter

from models.records import ExtractionResult
from models.storage.read import (
    article_athletes,
    article_claims,
    article_links,
    athlete_profile,
    get_event,
    get_race,
    list_articles,
    list_races,
    race_articles,
    race_athletes,
    race_categories,
    search_athletes,
    search_results,
)
from models.storage.tables import ArticleRow
from service.deps import SessionDep, require_read_key
from service.routes.highlight import highlight
from service.routes.page_render import ENTITY_LABELS, HTML, ResultLine, event_label, pager, render

router = APIRouter(tags=["pages"], dependencies=[Depends(require_read_key)], default_response_class=HTMLResponse)
RESULT_ADAPTER = TypeAdapter(ExtractionResult)
PAGE_SIZE = 50
OFFSET = Query(ge=0, le=10**9, description="Where the page starts in the list")


def page_language(lang: str | None, default: str) -> str:
    """The summary language asked for (422 naming the supported ones), else the article's own."""
    from nlp.summaries import UnsupportedLanguage, check_language

    if lang is None or lang == "":
        return default
    try:
        return check_language(lang)
    except UnsupportedLanguage as exc:
        raise HTTPException(422, str(exc)) from None


@router.get("/", summary="Home page: recent articles, athletes and search forms", responses={200: HTML})
def home(request: Request, session: SessionDep) -> HTMLResponse:
    articles = list_articles(session, limit=20)
    athletes = search_athletes(session, None, limit=30)
    return render(request, "home.html", articles=articles, athletes=athletes)


@router.get("/view/add", summary="Page with the forms to add an article and a calendar", responses={200: HTML})
def add_page(request: Request) -> HTMLResponse:
    return render(request, "add.html", form={}, error=None)


@router.get(
    "/view/articles/{article_id}",
    summary="Article page: text with highlighted entities beside the summary",
    responses={200: HTML, 404: HTML, 422: {"description": "Unsupported summary language"}},
)
def article_page(
    request: Request,
    article_id: int,
    session: SessionDep,
    lang: Annotated[str | None, Query(max_length=20, description="Summary language: nl, en, fr, es, de or it")] = None,
) -> HTMLResponse:
    from nlp.summaries import render_summary  # not nlp.engine's: that would load spaCy into the server process

    row = session.get(ArticleRow, article_id) if -(2**62) < article_id < 2**62 else None
    if row is None:
        return render(request, "not_found.html", 404, what=f"article {article_id}")
    language = page_language(lang, row.language)
    mentions = article_athletes(session, row.id)
    pages: dict[str, str] = {}
    for mention, athlete in mentions:
        for name in [mention.name, athlete.name, *athlete.aliases]:
            pages.setdefault(name, f"/view/athletes/{athlete.slug}")
    result = RESULT_ADAPTER.validate_python(row.result_json)
    summary = Markup(render_summary(result, language, "html"))
    paragraphs = highlight(row.body, row.result_json.get("entities", []), pages)
    used = {segment.label for paragraph in paragraphs for segment in paragraph if segment.label}
    rows = [
        ResultLine(
            athlete=claim.athlete.name if claim.athlete else claim.athlete_name,
            athlete_slug=claim.athlete.slug if claim.athlete else None,
            event=event_label(claim.event_row) or claim.event,
            event_id=claim.event_id,
            date=claim.event_row.date if claim.event_row else None,
            rank=claim.rank,
            time=claim.time,
            gap=claim.gap,
            gap_to=claim.gap_to,
            medal=claim.medal,
            competition=claim.event_row.competition.name
            if claim.event_row and claim.event_row.competition
            else claim.competition,
        )
        for claim in article_claims(session, row.id)
    ]
    return render(
        request,
        "article.html",
        article=row,
        result=result,
        summary=summary,
        lang=language,
        paragraphs=paragraphs,
        legend=[label for label in ENTITY_LABELS if label in used],
        athletes=[a for _, a in mentions],
        rows=rows,
        fixtures=sorted(result.schedule, key=lambda f: (f.date is None, f.date or dt.date.max)),
        pages=pages,
        links=article_links(session, row.id),
    )


@router.get("/view/athletes", summary="Athlete search page", responses={200: HTML})
def athletes_page(
    request: Request,
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=300)] = None,
    offset: Annotated[int, OFFSET] = 0,
) -> HTMLResponse:
    page = search_athletes(session, q, limit=PAGE_SIZE, offset=offset)
    return render(request, "athletes.html", q=q or "", athletes=page, pager=pager(request, page))


@router.get("/view/athletes/{slug}", summary="Athlete page: the palmarès", responses={200: HTML, 404: HTML})
def athlete_page(request: Request, slug: str, session: SessionDep) -> HTMLResponse:
    profile = athlete_profile(session, slug)
    if profile is None:
        return render(request, "not_found.html", 404, what=f"athlete {slug!r}")
    return render(request, "athlete.html", profile=profile, athlete=profile.athlete, error=None)


@router.get(
    "/view/events/{event_id}", summary="Event page: its results and their articles", responses={200: HTML, 404: HTML}
)
def event_page(request: Request, event_id: int, session: SessionDep) -> HTMLResponse:
    event = get_event(session, event_id) if -(2**62) < event_id < 2**62 else None
    if event is None:
        return render(request, "not_found.html", 404, what=f"event {event_id}")
    facts = sorted(event.facts, key=lambda f: (f.rank is None, f.rank or 0, f.id))
    return render(request, "event.html", event=event, label=event_label(event), facts=facts)


def _default_month(session) -> dt.date:
    today = dt.date.today()
    starts = [(r.start_date, r.end_date or r.start_date) for r in list_races(session) if r.start_date]
    upcoming = [start for start, end in starts if end >= today]
    if upcoming:
        return min(upcoming).replace(day=1)
    if starts:
        return max(start for start, _ in starts).replace(day=1)
    return today.replace(day=1)


@router.get("/view/calendar", summary="Calendar page by month, filtered by category", responses={200: HTML})
def calendar_page(
    request: Request,
    session: SessionDep,
    month: Annotated[str | None, Query(max_length=20, description="YYYY-MM")] = None,
    category: Annotated[str | None, Query(max_length=120)] = None,
) -> HTMLResponse:
    if month:
        if not re.fullmatch(r"\d{4}-\d{2}", month):
            raise HTTPException(422, "month must be written YYYY-MM (for example 2026-05)")
        year, number = map(int, month.split("-"))
        if not (1 <= number <= 12 and 2 <= year <= 9998):  # the page links the months before and after
            raise HTTPException(422, "month must be YYYY-MM: a month from 01 to 12 of a year from 0002 to 9998")
        first = dt.date(year, number, 1)
    else:
        first = _default_month(session)
    last = first.replace(day=month_calendar.monthrange(first.year, first.month)[1])
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = last + dt.timedelta(days=1)
    races = list_races(session, start=first, end=last, category=category or None)
    months = sorted(
        {r.start_date.replace(day=1) for r in list_races(session, category=category or None) if r.start_date}
    )
    return render(
        request,
        "calendar.html",
        races=races,
        first=first,
        previous=previous,
        following=following,
        category=category or "",
        categories=race_categories(session),
        months=months,
    )


@router.get(
    "/view/calendar/{slug}", summary="Race page with linked articles and athletes", responses={200: HTML, 404: HTML}
)
def race_page(request: Request, slug: str, session: SessionDep) -> HTMLResponse:
    race = get_race(session, slug)
    if race is None:
        return render(request, "not_found.html", 404, what=f"race {slug!r}")
    return render(
        request, "race.html", race=race, articles=race_articles(session, race), athletes=race_athletes(session, race)
    )


@router.get("/view/results", summary="Result search page", responses={200: HTML})
def results_page(
    request: Request,
    session: SessionDep,
    athlete: Annotated[str | None, Query(max_length=300)] = None,
    event: Annotated[str | None, Query(max_length=300)] = None,
    competition: Annotated[str | None, Query(max_length=300)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    offset: Annotated[int, OFFSET] = 0,
) -> HTMLResponse:
    since_date = None
    if since:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
            raise HTTPException(422, "since must be a day written YYYY-MM-DD (for example 2018-02-14)")
        try:
            since_date = dt.date.fromisoformat(since)
        except ValueError:
            raise HTTPException(422, "since must be a real day, YYYY-MM-DD") from None
    page = search_results(
        session,
        athlete=athlete or None,
        event=event or None,
        competition=competition or None,
        since=since_date,
        limit=PAGE_SIZE,
        offset=offset,
    )
    return render(
        request,
        "results.html",
        facts=page,
        pager=pager(request, page),
        athlete=athlete or "",
        event=event or "",
        competition=competition or "",
        since=since or "",
    )
