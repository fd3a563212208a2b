"""Shared fixtures: the process-wide engine, invented fixture pages, and ../shared when present."""

from __future__ import annotations

import os
import socket
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text

# The tests write only under temporary folders: Hypothesis (and Schemathesis over it) would otherwise keep its
# example database and caches in .hypothesis/ of the working directory.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", tempfile.mkdtemp(prefix="palmares-hypothesis-"))
settings.register_profile("palmares", database=None)
settings.load_profile("palmares")

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


PG_BASE = "postgresql+psycopg://{user}@127.0.0.1:5432/test"


def _postgres_user() -> str | None:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=0.5).close()
    except OSError:
        return None
    for user in ("postgres", "root"):
        try:
            with create_engine(PG_BASE.format(user=user)).connect() as conn:
                conn.execute(text("select 1"))
            return user
        except Exception:
            continue
    return None


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database: a SQLite file, then PostgreSQL at 127.0.0.1:5432 (database `test`, in a schema of its
    own, dropped afterwards) when it answers."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    user = _postgres_user()
    if user is None:
        pytest.skip("PostgreSQL at 127.0.0.1:5432 (database test) does not answer")
    schema = f"palmares_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_BASE.format(user=user))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield PG_BASE.format(user=user) + f"?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(database_url):
    """A migrated store on each backend (see `database_url`): a session factory."""
    from models.storage import open_store

    factory = open_store(database_url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture(scope="session")
def engine():
    from nlp.engine import get_engine

    return get_engine()


@pytest.fixture(scope="session")
def fixture_text():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED
