"""The unit of work sent to a worker: a chunk of articles in, one outcome per article out, in order.

Runs wherever the work runs (this process, a worker process, a Dask worker): the engine and its
pipelines load once per process (`nlp.engine.get_engine` is cached) and are reused for every chunk.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from models.records import Calendar, ExtractionResult
from nlp.engine import ArticleInput, get_engine
from nlp.errors import InputError

_engine_lock = threading.Lock()  # a Dask worker may run several threads; spaCy pipelines are not shared safely


@dataclass(slots=True)
class Outcome:
    line: str  # the output line: the extraction result, or the error record {"id", "error"}
    error: str | None = None  # why the article failed, None when it was processed
    result: ExtractionResult | None = None  # kept only when the caller stores results


def error_line(item_id: str | None, reason: str) -> str:
    return json.dumps({"id": item_id, "error": reason}, ensure_ascii=False)


def duplicate_line(item_id: str | None, first_id: str) -> str:
    """The output line of an article whose content an earlier item had: it names that item."""
    return json.dumps({"id": item_id, "duplicate_of": first_id or None}, ensure_ascii=False)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return str(exc)
    return f"extraction failed: {type(exc).__name__}: {exc}"


def _outcome(item: ArticleInput, value: ExtractionResult | BaseException, keep_results: bool) -> Outcome:
    if isinstance(value, BaseException):
        reason = _reason(value)
        return Outcome(error_line(item.id, reason), error=reason)
    value.id = item.id
    return Outcome(json.dumps(value.to_dict(), ensure_ascii=False), result=value if keep_results else None)


def fit_for_engine(article: ArticleInput) -> ArticleInput:
    """A crawled HTML page over the engine's input cap (inline scripts and styles make pages of several MB)
    is reduced to its main text first; the article itself rarely comes near the cap."""
    from nlp.text.decode import MAX_INPUT_BYTES
    from nlp.text.html import html_to_text, looks_like_html

    if len(article.text) <= MAX_INPUT_BYTES:
        return article
    html = article.text.decode("utf-8", errors="replace") if isinstance(article.text, bytes) else article.text
    if not looks_like_html(html):
        return article
    title, text = html_to_text(html)
    return ArticleInput(
        f"{title}\n\n{text}" if title else text,
        id=article.id,
        published=article.published,
        language=article.language,
        source_url=article.source_url,
    )


def extract_chunk(
    articles: list[ArticleInput], calendar: Calendar | None = None, keep_results: bool = False
) -> list[Outcome]:
    engine = get_engine()
    with _engine_lock:
        inputs = [fit_for_engine(article) for article in articles]
        try:
            values = list(engine.extract_many(inputs, calendar=calendar, batch_size=max(len(inputs), 1)))
        except Exception:  # one article broke the whole batch: isolate it by extracting one at a time
            values = [extract_one(engine, article, calendar) for article in inputs]
    return [_outcome(article, value, keep_results) for article, value in zip(articles, values, strict=True)]


def extract_one(engine, article: ArticleInput, calendar: Calendar | None) -> ExtractionResult | Exception:
    """The article's result, or the exception that stopped it."""
    try:
        return engine.extract(
            article.text,
            id=article.id,
            published=article.published,
            language=article.language,
            source_url=article.source_url,
            calendar=calendar,
        )
    except Exception as exc:  # reported as this article's failure
        return exc
