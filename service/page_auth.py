"""Writes from the pages: the API key typed once in a form field, then remembered in a session cookie.

The cookie never holds the key itself but an HMAC of a fixed message under it, so it stops working when the key is
removed from PALMARES_API_KEYS. It is HttpOnly and SameSite=Strict: other sites cannot post forms with it."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response

from service.settings import Settings

COOKIE = "palmares_session"
_MESSAGE = b"palmares page session v1"
MAX_AGE = 12 * 3600


class PageAuthError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def session_token(key: str) -> str:
    return hmac.new(key.encode(), _MESSAGE, hashlib.sha256).hexdigest()


def signed_in(request: Request, settings: Settings) -> bool:
    token = request.cookies.get(COOKIE, "")
    return bool(token) and any(secrets.compare_digest(token, session_token(k)) for k in settings.keys)


def authorise(request: Request, settings: Settings, typed_key: object) -> str | None:
    """Let a form write: a valid key typed in the form (returns the session token to remember), or a valid session
    cookie (returns None). PageAuthError says what is missing."""
    if not settings.keys:
        raise PageAuthError(403, "this server accepts no API keys: set PALMARES_API_KEYS to enable writes")
    key = typed_key.strip() if isinstance(typed_key, str) else ""
    if key:
        if any(secrets.compare_digest(key.encode(), k.encode()) for k in settings.keys):
            return session_token(key)
        raise PageAuthError(401, "that API key is not valid")
    if signed_in(request, settings):
        return None
    raise PageAuthError(401, "type the API key (one of PALMARES_API_KEYS) to make changes")


def remember(response: Response, token: str | None, secure: bool) -> Response:
    if token:
        response.set_cookie(COOKIE, token, max_age=MAX_AGE, httponly=True, samesite="strict", secure=secure)
    return response
