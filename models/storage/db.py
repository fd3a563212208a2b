"""Open a store: SQLAlchemy engine (SQLite in WAL mode by default), Alembic migrations, sessions."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


CACHED_STATEMENTS = 32  # prepared statements per SQLite connection (Python's default: 128)
PAGE_CACHE_KIB = 512  # page cache per SQLite connection (SQLite's default: 2,000 KiB); the OS caches the file too


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _normalise(url: str) -> str:
    # "postgresql://" would pick psycopg2, which is not a dependency: psycopg 3 is.
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def create_db_engine(url: str) -> Engine:
    url = _normalise(url)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # Each pooled connection keeps its own page cache and prepared statements, and SQLAlchemy writes `IN (?, ?, …)`
    # anew for every length of list: left at SQLite's defaults (2 MB of pages, 128 statements) they filled
    # for half an hour, and a long-running server grew by about a megabyte a minute.
    engine = create_engine(
        url, connect_args={"timeout": 30, "check_same_thread": False, "cached_statements": CACHED_STATEMENTS}
    )

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        if parsed.database and parsed.database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        cursor.close()

    return engine


MIGRATION_LOCK = 0x70616C6D  # PostgreSQL advisory lock id held while migrating ("palm")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates the tables on first start), then rebuild the knowledge
    derived from the stored articles if older rules built it (`models.storage.rebuild`); one transaction.

    Under a lock, so that servers starting together on a fresh store migrate one after the other (the later
    ones find the schema current): an advisory lock on PostgreSQL, a lock file beside the SQLite database."""
    from models.storage.rebuild import catch_up

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _migration_file_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        with Session(bind=connection) as session:
            catch_up(session)
            session.flush()


@contextmanager
def _migration_file_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def open_store(url: str) -> sessionmaker[Session]:
    """Engine for `url`, migrated to the newest schema; returns a session factory bound to it."""
    engine = create_db_engine(url)
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("articles")
