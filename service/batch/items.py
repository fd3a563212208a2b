"""What the readers yield: one article to extract, or one entry that could not become an article."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.engine import ArticleInput


@dataclass(slots=True)
class SourceItem:
    """`article` is None when the entry was refused or unreadable; `error` then says why, for the user."""

    id: str
    article: ArticleInput | None = None
    error: str | None = None

    @classmethod
    def refused(cls, id: str, reason: str) -> SourceItem:
        return cls(id=id, error=reason)
