"""The extraction engine: page text in, `ExtractionResult` out. (Stub: the API is fixed, internals in progress.)"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from models.records import Calendar, ExtractionResult


@dataclass(slots=True)
class ArticleInput:
    text: str
    id: str | None = None
    published: str | None = None  # "YYYY-MM" or "YYYY-MM-DD"
    language: str | None = None  # caller's hint
    source_url: str | None = None


class Engine:
    """Loads each language pipeline once (lazily) and runs segmentation, tagging, extraction, linking."""

    def __init__(self, known_athletes: Iterable[str] = (), known_teams: Iterable[str] = (),
                 known_races: Iterable[str] = ()) -> None:
        raise NotImplementedError

    def extract(self, text: str | bytes, *, id: str | None = None, published: str | None = None,
                language: str | None = None, source_url: str | None = None,
                calendar: Calendar | None = None) -> ExtractionResult:
        """Raises nlp.errors.InputError for bad input (empty, binary, invalid UTF-8, too large)."""
        raise NotImplementedError

    def extract_many(self, items: Iterable[ArticleInput], *, calendar: Calendar | None = None,
                     batch_size: int = 32) -> Iterator[ExtractionResult | Exception]:
        """Yields one result per item, in order; a bad item yields its InputError instead of stopping."""
        raise NotImplementedError

    def add_known(self, athletes: Iterable[str] = (), teams: Iterable[str] = (), races: Iterable[str] = ()) -> None:
        """Feed names from the store into the gazetteer."""
        raise NotImplementedError


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    """The process-wide engine (pipelines load once per process)."""
    return Engine()


def render_summary(result: ExtractionResult, language: str | None = None, fmt: str = "text") -> str:
    """Structured summary of a result, in `language` (default: the article's), fmt text|markdown|html."""
    raise NotImplementedError
