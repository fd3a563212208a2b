"""`palmares serve`: run the HTTP service with uvicorn (store migrated and optional pages seeded first)."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app


def _seed(paths: list[Path], url: str) -> list[int]:
    from models.storage import open_store
    from nlp.engine import ArticleInput, get_engine
    from nlp.errors import InputError
    from service.extraction import InProcessEngine
    from service.services import Services
    from service.settings import get_settings

    services = Services(settings=get_settings(), sessions=open_store(url), engine=InProcessEngine(get_engine()))
    services.feed_known_names()
    ids = []
    for path in paths:
        if not path.is_file():
            raise typer.BadParameter(f"no such file: {path}", param_hint="--seed")
        text = path.read_bytes().decode("utf-8", errors="replace")
        try:
            result = services.extract(text)
        except InputError as exc:
            typer.echo(f"seed {path}: {exc}", err=True)
            continue
        article_id, _ = services.store(ArticleInput(text=text), result)
        services.learn_names(result)
        ids.append(article_id)
    return ids


def shown_url(url: str) -> str:
    """The store's URL as it may be printed or logged: any password replaced by ***."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(an unreadable database URL)"


def hide_secrets(message: str, url: str) -> str:
    """An error message with the URL's password (should a driver quote it) replaced by ***."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        password = make_url(url).password
    except ArgumentError:
        return "the database URL cannot be read"
    return message.replace(str(password), "***") if password else message


def tell_one_run_key(key: str) -> None:
    """A key made up for this run is shown once, on the terminal only: never in a log file or a pipe."""
    advice = "set PALMARES_API_KEYS=your-key (comma-separated for several) for a permanent key"
    if sys.stdout.isatty():
        typer.echo(f"PALMARES_API_KEYS is not set: writes need this key for this run: {key}\n({advice})")
    else:
        typer.echo(f"PALMARES_API_KEYS is not set: writes need a one-run key, shown only on a terminal; {advice}")


@app.command("serve")
def serve_command(
    host: Annotated[
        str | None, typer.Option("--host", help="Address to bind (default PALMARES_HOST or 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", min=0, max=65535, help="Port (default PALMARES_PORT or 8000).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Worker processes, each loading the models once (default PALMARES_WORKERS or 1)."
        ),
    ] = None,
    seed: Annotated[
        list[Path] | None,
        typer.Option("--seed", help="Page to extract and store before serving (repeatable; stored once)."),
    ] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Run the HTTP API and pages with uvicorn; the SQLite store is created on first start."""
    import uvicorn

    from models.storage import open_store
    from service.settings import get_settings

    settings = get_settings()
    host = host or settings.host
    port = settings.port if port is None else port
    workers = workers or settings.workers
    store = shown_url(settings.url)
    try:
        open_store(settings.url).kw["bind"].dispose()  # migrate once, before workers race to do it
    except Exception as exc:
        reason = hide_secrets(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, settings.url)
        typer.echo(f"serve: cannot open the store at {store}: {reason}", err=True)
        raise typer.Exit(code=2) from None
    if not settings.keys:
        key = secrets.token_urlsafe(24)
        os.environ["PALMARES_API_KEYS"] = key  # inherited by the worker processes
        get_settings.cache_clear()
        tell_one_run_key(key)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    base = f"http://{shown}:{port}"
    ids = _seed(seed, settings.url) if seed else []
    typer.echo(f"Palmarès at {base}/   API docs: {base}/docs   store: {store}")
    for article_id in ids:
        typer.echo(f"seeded article: {base}/view/articles/{article_id}")
    uvicorn.run("service.app:create_app", factory=True, host=host, port=port, workers=workers, log_level=log_level)
