"""Persistence: SQLAlchemy tables, Alembic migrations (run on open), writing and reading the store.

Entry points for other packages: `open_store(url)` -> session factory (creates and migrates the database),
`store_extraction(session, article, result)` -> article id (idempotent on the content hash).
"""

from models.storage import lengths  # noqa: F401 — cuts text to its column's length before every write
from models.storage.db import create_db_engine, migrate, open_store, sqlite_url
from models.storage.names import fold, slugify
from models.storage.write import (
    add_extraction,
    content_hash,
    find_article_id,
    replace_extraction,
    store_extraction,
    upsert_race,
)

__all__ = [
    "add_extraction",
    "content_hash",
    "create_db_engine",
    "find_article_id",
    "fold",
    "migrate",
    "open_store",
    "replace_extraction",
    "slugify",
    "sqlite_url",
    "store_extraction",
    "upsert_race",
]
