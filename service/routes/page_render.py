"""What every server-rendered page shares: the Jinja2 environment (autoescaped), filters, notices, the pager."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from models.storage.read import Page
from models.storage.tables import FactRow, ResultRow
from models.storage.views import ClaimView, FactView
from service.page_auth import signed_in
from service.routes.paging import page_links

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parents[1] / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=_env)
HTML: dict[str, Any] = {"content": {"text/html": {}}}
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
NOTICES = {  # ?done=… after a form: fixed texts, nothing of the request is shown
    "stored": "Article stored.",
    "duplicate": "This text was already stored: here it is.",
    "updated": "This text was already stored: its publication date was updated.",
    "reextracted": "Article extracted again.",
    "deleted": "Article deleted, with its results.",
    "calendar": "Calendar stored.",
    "merged": "Athletes merged.",
    "split": "Names split off into this new athlete.",
}


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


def pager(request: Request, page: Page) -> dict:
    """Total and the links of the pages around this one, for the `_pager.html` include."""
    links = page_links(request.url, page)
    first = page.offset + 1 if page.items else 0
    return {"total": page.total, "first": first, "last": page.offset + len(page.items), **links}


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    services = getattr(request.app.state, "services", None)
    context.setdefault("signed_in", services is not None and signed_in(request, services.settings))
    context.setdefault("notice", NOTICES.get(request.query_params.get("done", "")))
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def event_label(event) -> str:
    """ "500 m · final · women": the event's name with its round and gender."""
    if event is None:
        return ""
    return " · ".join(p for p in (event.name, event.round, event.gender) if p)


@dataclass(slots=True)
class SourceLine:
    """An article reporting a result, as `_results_table.html` links it."""

    id: int
    headline: str
    evidence: str


@dataclass(slots=True)
class ResultLine:
    """A row of `_results_table.html`. An object, not a dict: Jinja reads `r.date` as an attribute first, and
    each miss on a dict raised and caught an AttributeError (most of the table's rendering time)."""

    athlete: str
    athlete_slug: str | None
    event: str | None
    event_id: int | None
    date: dt.date | None
    rank: int | None
    time: float | None
    gap: float | None
    gap_to: str | None
    medal: str | None
    competition: str | None
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    sources: list[SourceLine] = field(default_factory=list)


def fact_rows(facts: Iterable[FactRow | FactView]) -> list[ResultLine]:
    """Merged results as rows of `_results_table.html`, each with the articles that report it."""
    rows = []
    for fact in facts:
        event = fact.event
        sources: dict[int, SourceLine] = {}
        claims: list[ResultRow | ClaimView] = sorted(fact.claims, key=lambda c: c.id)
        for claim in claims:
            article = claim.article
            sources.setdefault(
                article.id, SourceLine(article.id, article.headline or article.title or "", claim.evidence)
            )
        rows.append(
            ResultLine(
                athlete=fact.display_name,
                athlete_slug=fact.athlete.slug if fact.athlete else None,
                event=event_label(event),
                event_id=event.id,
                date=event.date,
                rank=fact.rank,
                time=fact.time,
                gap=fact.gap,
                gap_to=fact.gap_to,
                medal=fact.medal,
                competition=event.competition.name if event.competition else None,
                conflicts=fact.conflicts or [],
                sources=list(sources.values()),
            )
        )
    return rows


_env.globals["fact_rows"] = fact_rows
