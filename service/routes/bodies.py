"""Reading raw request bodies (text, HTML, JSON, .ics, JSONL) with clear 4xx errors."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

TEXT_TYPES = (
    "text/plain",
    "text/html",
    "text/calendar",
    "application/xhtml+xml",
    "application/x-ndjson",
    "application/jsonl",
    "application/octet-stream",
    "",
)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def decode_text(data: bytes, what: str = "body") -> str:
    if not data.strip():
        raise HTTPException(422, f"the request {what} is empty")
    if b"\x00" in data:
        raise HTTPException(422, f"the request {what} is binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HTTPException(422, f"the request {what} is not valid UTF-8 (byte {exc.start})") from None


def parse_json_model(data: bytes, model: type[BaseModel]) -> Any:
    try:
        value = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(422, f"the request body is not valid JSON: {getattr(exc, 'msg', exc)}") from None
    except RecursionError:
        raise HTTPException(422, "the request body is JSON nested too deeply") from None
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None


def unsupported(kind: str, allowed: tuple[str, ...]) -> HTTPException:
    return HTTPException(415, f"unsupported content type {kind!r}; send one of: {', '.join(a for a in allowed if a)}")


def text_body_spec(*types: str, json_schema: dict | None = None, description: str = "") -> dict:
    content: dict[str, Any] = {t: {"schema": {"type": "string"}} for t in types}
    if json_schema is not None:
        content = {"application/json": {"schema": json_schema}, **content}
    return {"requestBody": {"required": True, "description": description, "content": content}}
