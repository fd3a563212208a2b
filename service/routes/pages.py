"""Server-rendered pages (Jinja2, autoescaped): home, article, athlete, calendar by month, race, results."""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pydantic import TypeAdapter

from models.records import ExtractionResult
from models.storage.read import (
    article_athletes,
    article_links,
    athlete_profile,
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

router = APIRouter(tags=["pages"], dependencies=[Depends(require_read_key)], default_response_class=HTMLResponse)
_env = Environment(
    loader=FileSystemLoader(Path(__file__).parents[1] / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=_env)
RESULT_ADAPTER = TypeAdapter(ExtractionResult)
ENTITY_LABELS = {
    "ATHLETE": "athlete",
    "PERSON": "person",
    "TEAM": "team",
    "PLACE": "place",
    "ORG": "organisation",
    "COMPETITION": "competition",
    "EVENT": "event",
    "DISCIPLINE": "discipline",
    "TIME": "time",
    "GAP": "gap",
    "RANK": "rank",
    "MEDAL": "medal",
    "DISTANCE": "distance",
    "WEEKDAY": "weekday",
    "DATE": "date",
}
HTML = {"content": {"text/html": {}}}


def seconds(value: float | None) -> str:
    if value is None:
        return ""
    if value < 60:
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    minutes, secs = divmod(value, 60)
    if minutes < 60:
        return f"{int(minutes)}:{secs:05.2f}"
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours}:{minutes:02d}:{secs:05.2f}"


_env.filters["seconds"] = seconds
_env.globals["ENTITY_LABELS"] = ENTITY_LABELS


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/", summary="Home page: recent articles and search forms", responses={200: HTML})
def home(request: Request, session: SessionDep) -> HTMLResponse:
    return render(
        request,
        "home.html",
        articles=list_articles(session, limit=20),
        athletes=search_athletes(session, None, limit=30),
    )


@router.get(
    "/view/articles/{article_id}",
    summary="Article page: text with highlighted entities beside the summary",
    responses={200: HTML, 404: HTML},
)
def article_page(
    request: Request,
    article_id: int,
    session: SessionDep,
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$", description="Summary language")] = None,
) -> HTMLResponse:
    from nlp.engine import render_summary

    row = session.get(ArticleRow, article_id) if -(2**62) < article_id < 2**62 else None
    if row is None:
        return render(request, "not_found.html", 404, what=f"article {article_id}")
    mentions = article_athletes(session, row.id)
    pages: dict[str, str] = {}
    for mention, athlete in mentions:
        for name in [mention.name, athlete.name, *athlete.aliases]:
            pages.setdefault(name, f"/view/athletes/{athlete.slug}")
    result = RESULT_ADAPTER.validate_python(row.result_json)
    summary = Markup(render_summary(result, lang or row.language, "html"))
    athletes = {m.name: a for m, a in mentions}
    return render(
        request,
        "article.html",
        article=row,
        result=result,
        summary=summary,
        lang=lang or row.language,
        paragraphs=highlight(row.body, row.result_json.get("entities", []), pages),
        athletes=[a for _, a in mentions],
        athlete_by_name=athletes,
        pages=pages,
        links=article_links(session, row.id),
    )


@router.get("/view/athletes", summary="Athlete search page", responses={200: HTML})
def athletes_page(
    request: Request, session: SessionDep, q: Annotated[str | None, Query(max_length=300)] = None
) -> HTMLResponse:
    return render(request, "athletes.html", q=q or "", athletes=search_athletes(session, q, limit=200))


@router.get("/view/athletes/{slug}", summary="Athlete page", responses={200: HTML, 404: HTML})
def athlete_page(request: Request, slug: str, session: SessionDep) -> HTMLResponse:
    profile = athlete_profile(session, slug)
    if profile is None:
        return render(request, "not_found.html", 404, what=f"athlete {slug!r}")
    return render(request, "athlete.html", profile=profile, athlete=profile.athlete)


def _default_month(session) -> dt.date:
    today = dt.date.today()
    races = [r for r in list_races(session) if r.start_date]
    upcoming = [r.start_date for r in races if (r.end_date or r.start_date) >= today]
    if upcoming:
        return min(upcoming).replace(day=1)
    if races:
        return max(r.start_date for r in races).replace(day=1)
    return today.replace(day=1)


@router.get("/view/calendar", summary="Calendar page by month, filtered by category", responses={200: HTML})
def calendar_page(
    request: Request,
    session: SessionDep,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")] = None,
    category: Annotated[str | None, Query(max_length=120)] = None,
) -> HTMLResponse:
    if month:
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
) -> HTMLResponse:
    since_date = None
    if since:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
            raise HTTPException(422, "since must be YYYY-MM-DD")
        try:
            since_date = dt.date.fromisoformat(since)
        except ValueError:
            raise HTTPException(422, "since must be a real date, YYYY-MM-DD") from None
    rows = search_results(
        session,
        athlete=athlete or None,
        event=event or None,
        competition=competition or None,
        since=since_date,
        limit=500,
    )
    return render(
        request,
        "results.html",
        rows=rows,
        athlete=athlete or "",
        event=event or "",
        competition=competition or "",
        since=since or "",
    )
