"""Background batch jobs over an uploaded JSONL file (one article object per line).

A job row in the store holds the progress, so any worker process can answer GET /jobs/{id}. The work runs
in a thread of the process that accepted the upload; it can be swapped for the shared runner
(`service.batch`) without changing the API.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from dataclasses import dataclass

from models.records import Calendar
from models.storage.read import calendar_entries
from models.storage.tables import JobRow
from service.deps import Services, retry_conflicts

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
        if not isinstance(value, dict) or not isinstance(value.get("text"), str) or not value["text"].strip():
            errors.append({"line": number, "message": "each line must be an object with a non-empty 'text'"})
            continue
        bad = [k for k in FIELDS - {"text"} if value.get(k) is not None and not isinstance(value[k], str)]
        if bad:
            errors.append({"line": number, "message": f"fields must be strings: {', '.join(sorted(bad))}"})
            continue
        items.append(JobItem(line=number, **{k: value.get(k) for k in FIELDS}))
    if not items and not errors:
        raise ValueError("the upload holds no articles (expected one JSON object per line)")
    return items, errors


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
        job = session.get(JobRow, job_id)
        counts = {"processed": job.processed, "stored": 0, "duplicates": 0, "failed": job.failed}
        errors, article_ids = list(job.errors), []
        calendar = Calendar(entries=calendar_entries(session))
    _update(services, job_id, status="running")
    try:
        for start in range(0, len(items), CHUNK):
            chunk = items[start : start + CHUNK]
            inputs = [ArticleInput(i.text, i.id, i.published, i.language, i.source_url) for i in chunk]
            outcomes = services.engine.extract_many(inputs, calendar=calendar if calendar.entries else None)
            for item, source, outcome in zip(chunk, inputs, outcomes):
                counts["processed"] += 1
                if isinstance(outcome, Exception):
                    counts["failed"] += 1
                    errors.append({"line": item.line, "message": str(outcome) or type(outcome).__name__})
                    continue
                article_id, created = services.store(source, outcome)
                counts["stored" if created else "duplicates"] += 1
                article_ids.append(article_id)
            _update(services, job_id, errors=list(errors), article_ids=list(article_ids), **counts)
        services.feed_known_names()
        _update(services, job_id, status="done", finished_at=dt.datetime.now())
    except Exception as exc:  # the job reports it; the server keeps running
        errors.append({"line": 0, "message": f"job stopped: {type(exc).__name__}: {exc}"})
        _update(services, job_id, status="failed", errors=errors, finished_at=dt.datetime.now(), **counts)
