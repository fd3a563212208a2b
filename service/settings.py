"""Service settings from the environment (prefix PALMARES_); docs/settings.md is generated from their descriptions."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from models.storage import sqlite_url
from nlp.recent_names import KNOWN_NAMES_LIMIT
from service.extraction import WORKER_NICENESS


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PALMARES_", extra="ignore")

    data_dir: Path = Field(Path("palmares-data"), description="Directory for the embedded SQLite database.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: SQLite file in the data dir.")
    api_keys: str = Field("", description="Comma-separated keys accepted as `Authorization: Bearer KEY` on writes.")
    read_auth: bool = Field(False, description="Require an API key for reads (JSON API and pages) too.")
    max_body_bytes: int = Field(4_000_000, ge=1, description="Largest request body; larger gets 413.")
    max_upload_bytes: int = Field(64_000_000, ge=1, description="Largest body for POST /batch uploads.")
    host: str = Field("127.0.0.1", description="Default address for `palmares serve`.")
    port: int = Field(8000, ge=0, le=65535, description="Default port for `palmares serve`.")
    workers: int = Field(1, ge=1, description="Default number of uvicorn worker processes.")
    extract_processes: int = Field(
        2, ge=0, le=64, description="Extraction worker processes per server process (0: in the server process)."
    )
    extract_budget_seconds: float = Field(
        60.0, gt=0, description="Longest extraction of one request; past it the request gets 422, nothing stored."
    )
    extract_niceness: int = Field(
        WORKER_NICENESS,
        ge=0,
        le=19,
        description="How much lower the CPU priority of the extraction workers is than the server's (added to its "
        "`nice` value): when extraction keeps the cores busy, reads still get one first (0: the same priority).",
    )
    extract_wait_seconds: float = Field(
        60.0, gt=0, description="Longest wait for a free extraction worker; past it the request gets 503."
    )
    known_names_limit: int = Field(
        KNOWN_NAMES_LIMIT,
        ge=1,
        description="Most names of each kind (athletes, teams, races) the gazetteer of each extraction worker "
        "keeps, about 3 MB per 1,000 names per language; past it the least recently stored go.",
    )

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k.strip() for k in self.api_keys.split(",") if k.strip())

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return sqlite_url(self.data_dir.expanduser().resolve() / "palmares.sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
