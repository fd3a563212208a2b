"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from service.deps import ServicesDep
from service.schemas import HealthOut, ReadyOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut, summary="Liveness: the process answers")
def health() -> HealthOut:
    return HealthOut(status="ok")


@router.get(
    "/ready",
    response_model=ReadyOut,
    summary="Readiness: pipelines loaded and store reachable",
    responses={503: {"model": ReadyOut, "description": "Not ready yet"}},
)
def ready(services: ServicesDep):
    try:
        with services.sessions() as session:
            session.execute(text("SELECT 1"))
        store = True
    except Exception:
        store = False
    body = ReadyOut(status="ready" if store and services.ready else "not ready", pipelines=services.ready, store=store)
    return body if body.status == "ready" else JSONResponse(body.model_dump(), status_code=503)
