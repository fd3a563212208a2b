"""Background batch jobs over an uploaded JSONL file (one article object per line).

A job row in the store holds the progress, so any worker process can answer GET /jobs/{id}. The work runs
in a thread of the process that accepted the upload; it can be swapped for the shared runner
(`service.batch`) without changing the API.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import uuid
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from models.records import Calendar
from models.storage.read import calendar_entries
from models.storage.tables import JobRow
from nlp.errors import InputError
from service.schemas import check_source_url
from service.services import Services, retry_conflicts

log = logging.getLogger("palmares.jobs")

CHUNK = 8  # articles per engine call: small enough that single requests are not starved of the engine
FIELDS = {"text", "id", "published", "language", "source_url"}


@dataclass(slots=True)
class JobItem:
    line: int
    text: str
    id: str | None = None
    published: str | None = None
    language: str | None = None
    source_url: str | None = None


def parse_jsonl(data: bytes) -> tuple[list[JobItem], list[dict]]:
    """Items and per-line errors; raises ValueError when the upload is not UTF-8 JSONL at all."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"the upload is not UTF-8 text (byte {exc.start})") from None
    items, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append({"line": number, "message": f"not JSON: {exc.msg}"})
            continue
        except RecursionError:
            errors.append({"line": number, "message": "not an article: JSON nested too deeply"})
            continue
        problem = _line_problem(value)
        if problem:
            errors.append({"line": number, "message": problem})
            continue
        items.append(
            JobItem(
                line=number,
                text=value["text"],
                id=value.get("id"),
                published=value.get("published"),
                language=value.get("language"),
                source_url=value.get("source_url"),
            )
        )
    if not items and not errors:
        raise ValueError("the upload holds no articles (expected one JSON object per line)")
    return items, errors


def _line_problem(value: object) -> str | None:
    """Why one parsed line is not an article, or None."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str) or not value["text"].strip():
        return "each line must be an object with a non-empty 'text'"
    bad = [k for k in FIELDS - {"text"} if value.get(k) is not None and not isinstance(value[k], str)]
    if bad:
        return f"fields must be strings: {', '.join(sorted(bad))}"
    holding_nul = [k for k in sorted(FIELDS) if isinstance(value.get(k), str) and "\x00" in value[k]]
    if holding_nul:
        return f"fields hold a NUL character: {', '.join(holding_nul)}"
    try:
        check_source_url(value.get("source_url"))
    except ValueError as exc:
        return str(exc)
    return None


def create_job(services: Services, items: list[JobItem], errors: list[dict]) -> str:
    job_id = uuid.uuid4().hex
    with services.sessions() as session:
        session.add(
            JobRow(
                id=job_id,
                status="queued",
                total=len(items) + len(errors),
                processed=len(errors),
                failed=len(errors),
                errors=errors,
                article_ids=[],
            )
        )
        session.commit()
    return job_id


def start_job(services: Services, job_id: str, items: list[JobItem]) -> threading.Thread:
    thread = threading.Thread(target=run_job, args=(services, job_id, items), name=f"job-{job_id}", daemon=True)
    thread.start()
    return thread


def _update(services: Services, job_id: str, **changes) -> None:
    def write() -> None:
        with services.sessions() as session:
            job = session.get(JobRow, job_id)
            for key, value in changes.items():
                setattr(job, key, value)
            session.commit()

    retry_conflicts(write)


def run_job(services: Services, job_id: str, items: list[JobItem]) -> None:
    from nlp.engine import ArticleInput

    with services.sessions() as session:
        job = session.get_one(JobRow, job_id)
        counts = {"processed": job.processed, "stored": 0, "duplicates": 0, "failed": job.failed}
        errors, article_ids = list(job.errors), []
        calendar = Calendar(entries=calendar_entries(session))
    _update(services, job_id, status="running")
    try:
        for start in range(0, len(items), CHUNK):
            chunk = items[start : start + CHUNK]
            inputs = [ArticleInput(i.text, i.id, i.published, i.language, i.source_url) for i in chunk]
            outcomes = services.engine.extract_many(inputs, calendar=calendar if calendar.entries else None)
            for item, source, outcome in zip(chunk, inputs, outcomes, strict=True):
                counts["processed"] += 1
                stored = _store_one(services, source, outcome)
                if isinstance(stored, str):
                    counts["failed"] += 1
                    errors.append({"line": item.line, "message": stored})
                else:
                    article_id, created = stored
                    counts["stored" if created else "duplicates"] += 1
                    article_ids.append(article_id)
            _update(services, job_id, errors=list(errors), article_ids=list(article_ids), **counts)
        services.feed_known_names()
        _update(services, job_id, status="done", finished_at=dt.datetime.now())
    except Exception:  # the job reports it without internals (they go to the log); the server keeps running
        log.exception("batch job %s stopped", job_id)
        errors.append({"line": 0, "message": "the job stopped on an internal error; the server log has the details"})
        _update(services, job_id, status="failed", errors=errors, finished_at=dt.datetime.now(), **counts)


def _store_one(services: Services, source, outcome) -> tuple[int, bool] | str:
    """Store one line's extraction: (article id, created), or why the line failed, in words for the uploader
    (a database's own message would show SQL)."""
    if isinstance(outcome, InputError):
        return str(outcome)
    if isinstance(outcome, Exception):
        return "the extraction failed on this line"
    try:
        return services.store(source, outcome)
    except SQLAlchemyError:
        log.exception("storing a batch line failed")
        return "this line could not be stored (the server log has the details); the other lines go on"
