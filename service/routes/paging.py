"""Every list answers with its total and links to its pages: `X-Total-Count` and `Link` (rel first/prev/next/last)."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response

from models.storage.read import Page

PAGE_HEADERS: dict[str, Any] = {
    "X-Total-Count": {"description": "How many items the whole list holds.", "schema": {"type": "integer"}},
    "Link": {
        "description": 'Pages of the list: `<URL>; rel="next"`, and first, prev and last (RFC 8288).',
        "schema": {"type": "string"},
    },
}
PAGED: dict[int | str, dict[str, Any]] = {200: {"headers": PAGE_HEADERS}}


def page_links(url: Any, page: Page) -> dict[str, str]:
    """rel -> URL of the first, previous, next and last pages (those that exist)."""

    def at(offset: int) -> str:
        return str(url.include_query_params(offset=offset, limit=page.limit))

    last = max(0, (page.total - 1) // page.limit * page.limit)
    links = {"first": at(0), "last": at(last)}
    if page.offset > 0:
        links["prev"] = at(max(0, page.offset - page.limit))
    if page.offset + page.limit < page.total:
        links["next"] = at(page.offset + page.limit)
    return links


def paginate(request: Request, response: Response, page: Page) -> None:
    response.headers["X-Total-Count"] = str(page.total)
    links = page_links(request.url, page)
    response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())
