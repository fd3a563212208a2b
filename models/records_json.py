"""Records back from their JSON form (`Record.to_dict()`): what the store keeps, read again without the engine."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any, TypeVar

from models.records import ExtractionResult

T = TypeVar("T")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(value, options[0]) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_convert(v, item) for v in value] if isinstance(value, list) else []
    if origin is dict:
        return dict(value) if isinstance(value, dict) else {}
    if hint is dt.date and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return record_from_dict(hint, value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


def record_from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """A dataclass record from its dict; unknown keys are ignored, missing ones take their defaults."""
    hints = _hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: _convert(v, hints[k]) for k, v in data.items() if k in known})


def extraction_from_dict(data: dict[str, Any]) -> ExtractionResult:
    return record_from_dict(ExtractionResult, data)
