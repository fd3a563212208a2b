"""POST /articles (extract and store), GET /articles, GET and DELETE /articles/{id}, POST /articles/{id}/reextract."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from models.storage import find_article_id
from models.storage.read import list_articles
from models.storage.tables import ArticleRow
from service import editing
from service.deps import ServicesDep, SessionDep, require_read_key, require_write_key
from service.routes.bodies import decode_text, media_type, parse_json_model, text_body_spec, unsupported
from service.routes.convert import article_out, article_summary
from service.routes.paging import PAGED, paginate
from service.schemas import (
    LANGUAGE_PATTERN,
    SOURCE_URL_PATTERN,
    ArticleIn,
    ArticleOut,
    ArticleSummaryOut,
    DeletedOut,
    ErrorOut,
    check_published,
    check_source_url,
)
from service.services import Services

router = APIRouter(tags=["articles"])
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    413: {"model": ErrorOut},
    415: {"model": ErrorOut},
    422: {"model": ErrorOut},
}
RAW_TYPES = ("text/plain", "text/html")
MAX_ID = 2**62


def published_query(value: str | None) -> str | None:
    try:
        return check_published(value)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


@router.post(
    "/articles",
    status_code=201,
    response_model=ArticleOut,
    dependencies=[Depends(require_write_key)],
    summary="Extract an article and store it",
    description="Body: JSON `{text, published?, source_url?, language?}`, or the page itself as text/plain or "
    "text/html (then options as query parameters). Posting the same content again returns the "
    "stored article with status 200 and `created: false`; with another `published`, the stored date changes "
    "(`published_updated: true` and a `message` saying so).",
    responses={200: {"model": ArticleOut, "description": "Already stored (same content hash)"}, **ERRORS},
    openapi_extra=text_body_spec(
        *RAW_TYPES, json_schema=ArticleIn.model_json_schema(), description="The article, as JSON or as the raw page"
    ),
)
async def create_article(
    request: Request,
    services: ServicesDep,
    published: Annotated[str | None, Query(max_length=40, description="YYYY-MM or YYYY-MM-DD (raw bodies)")] = None,
    source_url: Annotated[
        str | None,
        Query(
            max_length=2000,
            description="Where the page came from, http(s) only (raw bodies)",
            json_schema_extra={"pattern": SOURCE_URL_PATTERN},
        ),
    ] = None,
    language: Annotated[
        str | None,
        Query(min_length=2, max_length=16, pattern=LANGUAGE_PATTERN, description="Language hint (raw bodies)"),
    ] = None,
) -> Response:
    data = await request.body()
    kind = media_type(request)
    if kind == "application/json":
        article = parse_json_model(data, ArticleIn)
    elif kind in RAW_TYPES or kind == "":
        try:
            source_url = check_source_url(source_url)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        article = ArticleIn.model_construct(
            text=decode_text(data), published=published_query(published), source_url=source_url, language=language
        )
    else:
        raise unsupported(kind, ("application/json", *RAW_TYPES))
    if not article.text.strip():
        raise HTTPException(422, "the article text is empty")
    out = await run_in_threadpool(create, services, article)
    body = await run_in_threadpool(out.model_dump_json)  # a long text's result takes seconds: not on the event loop
    return Response(body, status_code=201 if out.created else 200, media_type="application/json")


def create(services: Services, article: ArticleIn) -> ArticleOut:
    """Store an article (the API and the paste form); the same text again changes only its date, if given."""
    with services.sessions() as session:
        existing = find_article_id(session, article.text)
    if existing is not None:
        message = editing.change_published(services, existing, article.published) if article.published else None
        with services.sessions() as session:
            row = session.get_one(ArticleRow, existing)
            return article_out(session, row, created=False, published_updated=message is not None, message=message)
    result = services.extract(
        article.text, published=article.published, language=article.language, source_url=article.source_url
    )
    article_id, created = services.store(article, result)
    if created:
        services.learn_names(result)
    with services.sessions() as session:
        return article_out(session, session.get_one(ArticleRow, article_id), created=created)


@router.get(
    "/articles",
    response_model=list[ArticleSummaryOut],
    dependencies=[Depends(require_read_key)],
    summary="List stored articles, newest first",
    responses={**PAGED, 401: {"model": ErrorOut}},
)
def get_articles(
    request: Request,
    response: Response,
    session: SessionDep,
    athlete: Annotated[
        str | None, Query(max_length=300, description="Athlete slug, full name, surname or alias (any accents)")
    ] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    since: Annotated[dt.date | None, Query(description="Published on or after (YYYY-MM-DD)")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[ArticleSummaryOut]:
    page = list_articles(session, athlete=athlete, language=language, since=since, limit=limit, offset=offset)
    paginate(request, response, page)
    return [article_summary(r) for r in page]


def stored_article(session, article_id: int) -> ArticleRow:
    row = session.get(ArticleRow, article_id) if -MAX_ID < article_id < MAX_ID else None
    if row is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return row


@router.get(
    "/articles/{article_id}",
    response_model=ArticleOut,
    dependencies=[Depends(require_read_key)],
    summary="One stored article with its extraction result",
    responses={404: {"model": ErrorOut}, 401: {"model": ErrorOut}},
)
def get_article(article_id: int, session: SessionDep) -> ArticleOut:
    return article_out(session, stored_article(session, article_id), created=False)


@router.delete(
    "/articles/{article_id}",
    response_model=DeletedOut,
    dependencies=[Depends(require_write_key)],
    summary="Delete an article with its results",
    description="Its results leave the merged results they supported; events, competitions and athletes that "
    "nothing else supports go too.",
    responses={404: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
)
async def remove_article(article_id: int, services: ServicesDep) -> DeletedOut:
    if not -MAX_ID < article_id < MAX_ID:
        raise HTTPException(404, f"no article with id {article_id}")
    try:
        await run_in_threadpool(editing.delete, services, article_id)
    except editing.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return DeletedOut(id=article_id, detail=f"article {article_id} and its results were deleted")


@router.post(
    "/articles/{article_id}/reextract",
    response_model=ArticleOut,
    dependencies=[Depends(require_write_key)],
    summary="Extract a stored article again",
    description="With the current pipeline and the calendar as stored now; its results are replaced.",
    responses={404: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
)
async def reextract_article(article_id: int, services: ServicesDep) -> ArticleOut:
    if not -MAX_ID < article_id < MAX_ID:
        raise HTTPException(404, f"no article with id {article_id}")
    try:
        await run_in_threadpool(editing.reextract, services, article_id)
    except editing.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    with services.sessions() as session:
        return article_out(session, stored_article(session, article_id), created=False, message="extracted again")
