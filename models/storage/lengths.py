"""Text longer than its column is cut to fit before it is written.

SQLite ignores VARCHAR lengths but PostgreSQL refuses the whole transaction, so without this an athlete name
or an id of 301 characters would lose the article on PostgreSQL only. Cut text keeps what it can: the full
value is still in the article's stored text and result."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper

from models.storage.tables import Base


@cache
def _limits(mapper: Mapper) -> list[tuple[str, int]]:
    return [
        (attribute.key, column.type.length)
        for attribute in mapper.column_attrs
        for column in attribute.columns
        if isinstance(column.type, String) and column.type.length
    ]


def _fit(mapper: Mapper, _connection: Any, target: Any) -> None:
    for key, length in _limits(mapper):
        value = getattr(target, key, None)
        if isinstance(value, str) and len(value) > length:
            setattr(target, key, value[:length])


event.listen(Base, "before_insert", _fit, propagate=True)
event.listen(Base, "before_update", _fit, propagate=True)


def fitted(table: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    """`values` for a bulk INSERT into `table` (which runs no insert events), with text cut to fit."""
    for key, length in _limits(inspect(table)):
        value = values.get(key)
        if isinstance(value, str) and len(value) > length:
            values[key] = value[:length]
    return values
