"""FastAPI dependencies: the per-process services, a database session, the API-key checks.

They do no blocking work, so they are `async`: FastAPI runs a plain `def` dependency on its thread pool, and under
load each such hand-over waits for a thread and for the GIL, several times per request."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from service.services import Services


async def get_services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_session(services: ServicesDep) -> AsyncIterator[Session]:
    """A session for the route (which runs on the thread pool). Opening one connects to nothing; closing it hands
    its connection back to the pool after a rollback (SQLite: no disk, no wait; PostgreSQL: one local round trip)."""
    with services.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

_bearer = HTTPBearer(auto_error=False, description="An API key from PALMARES_API_KEYS.")


def _check_key(services: Services, credentials: HTTPAuthorizationCredentials | None) -> None:
    keys = services.settings.keys
    if not keys:
        raise HTTPException(403, "this server accepts no API keys: set PALMARES_API_KEYS to enable writes")
    if credentials is None or not credentials.credentials:
        raise HTTPException(
            401, "missing API key: send 'Authorization: Bearer KEY'", headers={"WWW-Authenticate": "Bearer"}
        )
    if not any(secrets.compare_digest(credentials.credentials.encode(), key.encode()) for key in keys):
        raise HTTPException(401, "invalid API key", headers={"WWW-Authenticate": "Bearer"})


async def require_write_key(
    services: ServicesDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    _check_key(services, credentials)


async def require_read_key(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    from service.page_auth import signed_in

    if services.settings.read_auth and not signed_in(request, services.settings):  # pages: the session cookie
        _check_key(services, credentials)
