"""The pages' forms: paste or upload an article or a calendar, delete or re-extract an article, merge or split
athletes. Each needs the API key, typed in the form once and then kept in a session cookie (`service.page_auth`);
after the change the browser is sent to the page that shows it (303), or the form comes back with the reason."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from models.storage.edits import EditError
from models.storage.read import athlete_profile, find_athletes
from nlp.errors import InputError
from service import editing
from service.deps import ServicesDep
from service.page_auth import COOKIE, PageAuthError, authorise, remember
from service.routes.page_render import HTML, render
from service.schemas import ArticleIn, check_published

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse)
FORM: dict[str, Any] = {
    "requestBody": {
        "content": {
            "application/x-www-form-urlencoded": {"schema": {"type": "object"}},
            "multipart/form-data": {"schema": {"type": "object"}},
        }
    }
}
DONE: dict[int | str, dict[str, Any]] = {303: {"description": "Done: on to the page that shows it"}, 200: HTML}


class FormError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def _read_form(request: Request) -> dict[str, Any]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "" and not await request.body():
        return {}  # a button with no field: the session cookie decides
    if kind not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded or multipart/form-data")
    form = await request.form()
    values: dict[str, Any] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            if data:
                values[key] = data
        elif key in values:
            values[key] = [*values[key], value] if isinstance(values[key], list) else [values[key], value]
        else:
            values[key] = value
    return values


def _text(form: dict[str, Any], what: str) -> str:
    upload = form.get("file")
    if isinstance(upload, bytes):
        if b"\x00" in upload:
            raise FormError(422, f"the uploaded {what} is binary data, not text")
        try:
            return upload.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormError(422, f"the uploaded {what} is not valid UTF-8 (byte {exc.start})") from None
    text = form.get("text")
    if not isinstance(text, str) or not text.strip():
        raise FormError(422, f"paste the {what} or choose a file")
    return text


def _done(url: str, token: str | None, request: Request) -> Response:
    return remember(RedirectResponse(url, status_code=303), token, request.url.scheme == "https")


def _field(form: dict[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@router.post(
    "/view/articles",
    summary="Paste or upload an article (form of /view/add)",
    responses=DONE,
    openapi_extra=FORM,
)
async def add_article(request: Request, services: ServicesDep) -> Response:
    from service.routes.articles import create

    form = await _read_form(request)
    kept = {k: _field(form, k) for k in ("published", "language", "source_url")}
    try:
        token = authorise(request, services.settings, form.get("api_key"))
        text = _text(form, "article")
        try:
            published = check_published(kept["published"] or None)
        except ValueError as exc:
            raise FormError(422, str(exc)) from None
        article = ArticleIn.model_construct(
            text=text, published=published, source_url=kept["source_url"] or None, language=kept["language"] or None
        )
        try:
            out = await run_in_threadpool(create, services, article)
        except InputError as exc:
            raise FormError(422, str(exc)) from None
    except (PageAuthError, FormError) as exc:
        return render(request, "add.html", exc.status, form=kept, error=str(exc))
    done = "stored" if out.created else ("updated" if out.published_updated else "duplicate")
    return _done(f"/view/articles/{out.id}?done={done}", token, request)


@router.post(
    "/view/calendar",
    summary="Paste or upload a calendar (form of /view/add)",
    responses=DONE,
    openapi_extra=FORM,
)
async def add_calendar(request: Request, services: ServicesDep) -> Response:
    from service.routes.calendar import store_calendar

    form = await _read_form(request)
    try:
        token = authorise(request, services.settings, form.get("api_key"))
        text = _text(form, "calendar")
        try:
            stored = await run_in_threadpool(store_calendar, services, text)
        except HTTPException as exc:
            raise FormError(exc.status_code, str(exc.detail)) from None
    except (PageAuthError, FormError) as exc:
        return render(request, "add.html", exc.status, form={}, error=str(exc), calendar_error=True)
    month = next((r.start_date.strftime("%Y-%m") for r in stored.races if r.start_date), None)
    return _done("/view/calendar?done=calendar" + (f"&month={month}" if month else ""), token, request)


async def _article_action(request: Request, services, article_id: int, action, done: str) -> Response:
    form = await _read_form(request)
    try:
        token = authorise(request, services.settings, form.get("api_key"))
        await run_in_threadpool(action, services, article_id)
    except PageAuthError as exc:
        return render(request, "not_allowed.html", exc.status, error=str(exc), back=f"/view/articles/{article_id}")
    except editing.NotFound:
        return render(request, "not_found.html", 404, what=f"article {article_id}")
    target = "/?done=deleted" if done == "deleted" else f"/view/articles/{article_id}?done={done}"
    return _done(target, token, request)


@router.post(
    "/view/articles/{article_id}/delete",
    summary="Delete an article with its results (button of the article page)",
    responses={**DONE, 404: HTML},
    openapi_extra=FORM,
)
async def delete_article_form(request: Request, article_id: int, services: ServicesDep) -> Response:
    return await _article_action(request, services, article_id, editing.delete, "deleted")


@router.post(
    "/view/articles/{article_id}/reextract",
    summary="Extract an article again (button of the article page)",
    responses={**DONE, 404: HTML},
    openapi_extra=FORM,
)
async def reextract_article_form(request: Request, article_id: int, services: ServicesDep) -> Response:
    return await _article_action(request, services, article_id, editing.reextract, "reextracted")


async def _athlete_action(request: Request, services, slug: str, action) -> Response:
    form = await _read_form(request)
    try:
        token = authorise(request, services.settings, form.get("api_key"))
        target = await run_in_threadpool(action, form)
    except (PageAuthError, EditError, editing.NotFound) as exc:
        status = exc.status if isinstance(exc, PageAuthError) else (404 if isinstance(exc, editing.NotFound) else 422)
        with services.sessions() as session:
            profile = athlete_profile(session, slug)
            if profile is None:
                return render(request, "not_found.html", 404, what=f"athlete {slug!r}")
            return render(request, "athlete.html", status, profile=profile, athlete=profile.athlete, error=str(exc))
    return _done(target, token, request)


@router.post(
    "/view/athletes/{slug}/merge",
    summary="Merge this athlete into another (button of the athlete page)",
    responses={**DONE, 404: HTML, 422: HTML},
    openapi_extra=FORM,
)
async def merge_form(request: Request, slug: str, services: ServicesDep) -> Response:
    def merge(form: dict[str, Any]) -> str:
        wanted = _field(form, "into")
        with services.sessions() as session:
            found = [a for a in find_athletes(session, wanted) if a.slug != slug] if wanted else []
        if len(found) != 1:
            raise EditError(
                f"no single athlete is called {wanted!r}: give the slug of the athlete to merge into"
                if wanted
                else "name the athlete to merge into"
            )
        return f"/view/athletes/{editing.merge(services, slug, found[0].slug)}?done=merged"

    return await _athlete_action(request, services, slug, merge)


@router.post(
    "/view/athletes/{slug}/split",
    summary="Split names off this athlete into a new athlete (button of the athlete page)",
    responses={**DONE, 404: HTML, 422: HTML},
    openapi_extra=FORM,
)
async def split_form(request: Request, slug: str, services: ServicesDep) -> Response:
    def split(form: dict[str, Any]) -> str:
        names = form.get("names", [])
        names = [names] if isinstance(names, str) else list(names)
        return f"/view/athletes/{editing.split(services, slug, names)}?done=split"

    return await _athlete_action(request, services, slug, split)


@router.get("/view/login", summary="Sign in to the pages with an API key", responses={200: HTML})
def login_page(request: Request) -> HTMLResponse:
    return render(request, "login.html", error=None)


@router.post(
    "/view/login", summary="Sign in: the API key is checked and remembered", responses=DONE, openapi_extra=FORM
)
async def login(request: Request, services: ServicesDep) -> Response:
    form = await _read_form(request)
    try:
        token = authorise(request, services.settings, form.get("api_key"))
    except PageAuthError as exc:
        return render(request, "login.html", exc.status, error=str(exc))
    return _done("/", token, request)


@router.post("/view/logout", summary="Sign out of the pages", responses=DONE, openapi_extra=FORM)
def logout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE)
    return response
