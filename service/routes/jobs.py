"""POST /batch (JSONL upload -> background job), GET /jobs/{id}."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from models.storage.tables import JobRow
from service.deps import ServicesDep, SessionDep, require_read_key, require_write_key
from service.jobs import create_job, parse_jsonl, start_job
from service.routes.bodies import media_type, unsupported
from service.schemas import ErrorOut, JobError, JobOut

router = APIRouter(tags=["batch"])
RAW_TYPES = ("application/x-ndjson", "application/jsonl", "text/plain", "application/octet-stream")


def job_out(job: JobRow) -> JobOut:
    return JobOut(
        id=job.id,
        status=job.status,
        total=job.total,
        processed=job.processed,
        stored=job.stored,
        duplicates=job.duplicates,
        failed=job.failed,
        errors=[JobError(**e) for e in job.errors or []],
        article_ids=list(job.article_ids or []),
        url=f"/jobs/{job.id}",
    )


@router.post(
    "/batch",
    status_code=202,
    response_model=JobOut,
    dependencies=[Depends(require_write_key)],
    summary="Extract and store many articles in the background",
    description="Upload JSONL, one object per line: `{text, id?, published?, language?, source_url?}`; as the "
    "raw body or as the `file` field of a multipart form. Poll the returned job URL.",
    responses={
        401: {"model": ErrorOut},
        403: {"model": ErrorOut},
        413: {"model": ErrorOut},
        415: {"model": ErrorOut},
        422: {"model": ErrorOut},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                **{t: {"schema": {"type": "string"}} for t in RAW_TYPES},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {"file": {"type": "string", "format": "binary"}},
                    }
                },
            },
        }
    },
)
async def post_batch(request: Request, services: ServicesDep) -> JobOut:
    kind = media_type(request)
    if kind == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise HTTPException(422, "the multipart form needs a 'file' field holding the JSONL upload")
        data = await upload.read()
    elif kind in (*RAW_TYPES, ""):
        data = await request.body()
    else:
        raise unsupported(kind, (*RAW_TYPES, "multipart/form-data"))
    try:
        items, errors = parse_jsonl(data)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    job_id = await run_in_threadpool(create_job, services, items, errors)
    start_job(services, job_id, items)
    with services.sessions() as session:
        return job_out(session.get_one(JobRow, job_id))


@router.get(
    "/jobs/{job_id}",
    response_model=JobOut,
    dependencies=[Depends(require_read_key)],
    summary="Progress counts and errors of a batch job",
    responses={404: {"model": ErrorOut}, 401: {"model": ErrorOut}},
)
def get_job(job_id: str, session: SessionDep) -> JobOut:
    job = session.get(JobRow, job_id) if len(job_id) <= 40 else None
    if job is None:
        raise HTTPException(404, f"no job with id {job_id!r}")
    return job_out(job)
