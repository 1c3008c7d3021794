"""Provides the paging styles of the generic adapter: how to ask for a page and whether another follows.

Styles: `page` (page number), `offset` (item offset), `cursor` (the answer names the next cursor),
`link` (an RFC 8288 `Link: <…>; rel="next"` header), `next_url` (the answer holds the next page's URL)
and `none`. A position is a small JSON-able dict, so it fits in the adapter's opaque sync cursor and a
run interrupted between pages resumes where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from supportterm.backends.generic_schema import Paging


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What to add to the list request for one page."""

    params: dict[str, str]
    url: str | None = None
    """A whole path-and-query from the helpdesk (link, next_url); replaces the endpoint's path."""


def first_position(paging: Paging, resume_cursor: str | None = None) -> dict[str, Any]:
    """Where a run starts; a cursor-style run may resume from the server's last cursor."""
    if paging.style == "page":
        return {"page": paging.start}
    if paging.style == "offset":
        return {"offset": 0}
    if paging.style == "cursor" and resume_cursor:
        return {"cursor": resume_cursor}
    return {}


def page_request(paging: Paging, position: dict[str, Any], size: int) -> PageRequest:
    """Query parameters (or the helpdesk's own next URL) for the page at `position`."""
    if "url" in position:
        return PageRequest({}, url=str(position["url"]))
    params: dict[str, str] = {}
    if paging.size_param:
        params[paging.size_param] = str(size)
    for key in ("page", "offset", "cursor"):
        if key in position and paging.param:
            params[paging.param] = str(position[key])
    return PageRequest(params)


def next_position(
    paging: Paging, position: dict[str, Any], data: Any, links: dict[str, dict[str, str]],
    count: int, size: int,
) -> dict[str, Any] | None:
    """Where the next page is, or None when this was the last one."""
    if paging.more is not None and paging.more.first(data) is False:
        return None
    if paging.style == "page":
        page = int(position.get("page", paging.start))
        seen = (page - paging.start + 1) * size
        return {"page": page + 1} if _more_by_count(paging, data, count, size, seen) else None
    if paging.style == "offset":
        offset = int(position.get("offset", 0)) + count
        return {"offset": offset} if _more_by_count(paging, data, count, size, offset) else None
    if paging.style == "cursor":
        assert paging.next is not None
        token = paging.next.first(data)
        if token in (None, ""):
            return None
        more = bool(paging.more.first(data)) if paging.more is not None else count > 0
        return {"cursor": str(token)} if more else None
    if paging.style == "link":
        url = links.get("next", {}).get("url")
        return {"url": local_part(url)} if url else None
    if paging.style == "next_url":
        assert paging.next is not None
        url = paging.next.first(data)
        return {"url": local_part(str(url))} if url else None
    return None


def _more_by_count(paging: Paging, data: Any, count: int, size: int, seen: int) -> bool:
    """Another page follows: the answer says so, the total is not reached, or this page was full."""
    if count == 0:
        return False
    if paging.more is not None:
        return bool(paging.more.first(data))
    if paging.total is not None:
        total = paging.total.first(data)
        if isinstance(total, int):
            return seen < total
    return count >= size


def local_part(url: str) -> str:
    """The path and query of a URL the helpdesk gave. Requests stay on the profile's own origin:
    a reverse proxy often writes http:// or an inner host name into these links, and following
    another host would hand it the agent's credentials."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def last_cursor(paging: Paging, data: Any) -> str | None:
    """The server's cursor in an answer (kept at the end of a run to resume the next sync)."""
    if paging.style != "cursor" or paging.next is None:
        return None
    token = paging.next.first(data)
    return None if token in (None, "") else str(token)
