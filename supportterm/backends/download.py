"""Provides `read_capped`: one HTTP download read as a stream and refused past a size cap.

Adapters fetch attachments through it, so a 2 GB file someone attached is refused after the cap
(or at once, when the server announces its length) instead of filling memory first.
"""

from __future__ import annotations

from typing import Any

import httpx

from supportterm.backends.http import map_http_errors, raise_for_status
from supportterm.domain.attachments import human_size
from supportterm.errors import TooLargeError

ERROR_BODY_LIMIT = 64 * 1024
"""An error answer is read only this far (its JSON message); its status says the rest."""


def too_large(name: str, size: int | None, limit: int) -> TooLargeError:
    """The plain error for a download over the cap."""
    what = f"{name} is {human_size(size)}" if size is not None else f"{name} is over {human_size(limit)}"
    return TooLargeError(f"{what}; supportterm downloads attachments of at most {human_size(limit)}. "
                         "Open it in the helpdesk's web interface instead.")


async def read_capped(
    client: httpx.AsyncClient, url: str, *, what: str, name: str, limit: int, **kwargs: Any
) -> tuple[bytes, httpx.Headers]:
    """GET `url` and return (body, headers); TooLargeError as soon as the body would pass `limit`.

    `what` completes "while ..." in transport errors; `name` is the file's (already inert) name.
    """
    async with map_http_errors(what), client.stream("GET", url, **kwargs) as response:
        if response.status_code >= 300:
            raise_for_status(await _bounded_error(response))
        announced = response.headers.get("Content-Length", "")
        if announced.isdigit() and int(announced) > limit:
            raise too_large(name, int(announced), limit)
        chunks: list[bytes] = []
        received = 0
        async for chunk in response.aiter_bytes():
            received += len(chunk)
            if received > limit:
                raise too_large(name, None, limit)
            chunks.append(chunk)
        return b"".join(chunks), response.headers


async def _bounded_error(response: httpx.Response) -> httpx.Response:
    """The error answer with at most `ERROR_BODY_LIMIT` bytes of its (decoded) body, so
    `raise_for_status` can quote the server's message without reading a hostile server's gigabyte."""
    body = b""
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > ERROR_BODY_LIMIT:
            break
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-encoding",
                                                                             "content-length")]
    return httpx.Response(response.status_code, headers=headers, content=body[:ERROR_BODY_LIMIT],
                          request=response.request)
