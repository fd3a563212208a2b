"""The FastAPI application: JSON API, server-rendered pages, error handling, request size limits.

`create_app()` is the factory uvicorn runs (`palmares serve`); the engine and the store are opened once per
worker process in the lifespan.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from nlp.errors import InputError
from service.extraction import ExtractionBusy
from service.middleware import RefuseNul, SecurityHeaders, send_json
from service.routes import articles, athletes, calendar, forms, health, jobs, pages, results
from service.services import Services
from service.settings import Settings, get_settings

log = logging.getLogger("palmares.service")
STATIC = Path(__file__).parent / "static"
UPLOAD_PATHS = ("/batch",)


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large: the limit is {limit} bytes")


class BodyLimit:
    """413 for bodies over the configured size, by Content-Length or while streaming."""

    def __init__(self, app, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.settings.max_upload_bytes if scope["path"] in UPLOAD_PATHS else self.settings.max_body_bytes
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            return await send_json(send, 413, {"detail": BodyTooLarge(limit).detail})
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)


def _describe(errors: list[dict[str, Any]]) -> str:
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return JSONResponse({"detail": _describe(errors), "errors": errors}, status_code=422)

    @app.exception_handler(InputError)
    async def input_error(_request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(ExtractionBusy)
    async def busy(_request: Request, exc: ExtractionBusy) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "10"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error: the server log has the details"}, status_code=500)


def _extraction(settings: Settings, engine: Any) -> Any:
    """Worker processes with a time budget per request; an engine given by the caller (tests) runs here."""
    from service.extraction import ExtractionPool, InProcessEngine

    if engine is not None:
        return InProcessEngine(engine)
    if settings.extract_processes == 0:
        from nlp.engine import get_engine

        in_process = get_engine()
        in_process.known_limit = settings.known_names_limit
        return InProcessEngine(in_process)
    return ExtractionPool(
        settings.extract_processes,
        budget=settings.extract_budget_seconds,
        wait=settings.extract_wait_seconds,
        known_limit=settings.known_names_limit,
        niceness=settings.extract_niceness,
    )


def create_app(settings: Settings | None = None, *, engine: Any = None, warm_up: bool = True) -> FastAPI:
    """The app. `engine` (tests) replaces the pool of extraction workers; the store opens in the lifespan."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from models.storage import open_store
        from service.memory import Trimmer, freeze_startup_objects, limit_arenas

        limit_arenas()  # before the thread pool's threads allocate (service/memory.py says why)
        trimmer = Trimmer().start()
        sessions = await run_in_threadpool(open_store, settings.url)
        services = Services(settings=settings, sessions=sessions, engine=_extraction(settings, engine))
        app.state.services = services
        await run_in_threadpool(services.feed_known_names)
        if warm_up:
            await run_in_threadpool(services.warm_up)
        else:
            services.ready = True
        freeze_startup_objects()
        yield
        await run_in_threadpool(services.engine.close)
        sessions.kw["bind"].dispose()
        trimmer.stop()

    app = FastAPI(
        title="Palmarès",
        summary="Multilingual sports-news extraction: athletes, results, quotes, fixtures, calendars.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(RefuseNul)
    app.add_middleware(SecurityHeaders)
    _install_error_handlers(app)
    for module in (health, articles, athletes, results, calendar, jobs, pages, forms):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _document_errors_as_sent(app)
    return app


def _document_errors_as_sent(app: FastAPI) -> None:
    """FastAPI documents every 422 as its own list-of-errors body, and errors of a text route as text; this app
    sends `ErrorOut` as JSON (a `detail` sentence, and `errors` for invalid fields): the schema says what the
    answers are."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
            for operations in schema["paths"].values():
                for operation in operations.values():
                    for status, response in operation.get("responses", {}).items():
                        refs = [c.get("schema", {}).get("$ref", "") for c in response.get("content", {}).values()]
                        # errors are JSON even where the success is text or HTML
                        if status == "422" or (status >= "400" and any(r.endswith("/ErrorOut") for r in refs)):
                            response["content"] = error
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                components.pop(name, None)
        return cast(dict[str, Any], app.openapi_schema)

    app.openapi = openapi  # type: ignore[method-assign]
