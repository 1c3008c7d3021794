"""Provides the one place HTTP is set up: client factory, error mapping, the byte meter.

Compression, keep-alive, timeouts and metering are configured here once, so adapters stay thin and
every backend gets the same frugal behaviour on a slow link.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from supportterm import __version__
from supportterm.domain.text import one_line
from supportterm.errors import (
    AuthError,
    BackendError,
    ConflictError,
    NotFound,
    OfflineError,
    RateLimited,
)


@dataclass
class Meter:
    """Counts requests and bytes both ways as they cross the wire (after compression)."""

    requests: int = 0
    bytes_out: int = 0
    bytes_in: int = 0
    rate_remaining: int | None = None
    """Requests left in the helpdesk's rate-limit window, when it says (X-RateLimit-Remaining)."""
    rate_reset_s: float | None = None
    """Seconds until that window resets, when it says."""

    def observe_limits(self, headers: httpx.Headers, now: float) -> None:
        """Read the common rate-limit headers (X-RateLimit-*, RateLimit-*) of a response."""
        remaining = (headers.get("x-ratelimit-remaining") or headers.get("ratelimit-remaining")
                     or headers.get("x-rate-limit-remaining")  # Zendesk
                     or headers.get("x-ratelimit-remaining-minute"))  # Help Scout
        if remaining is None or not remaining.strip().isdigit():
            return
        self.rate_remaining = int(remaining)
        reset = headers.get("x-ratelimit-reset") or headers.get("ratelimit-reset")
        try:
            value = float(reset) if reset else None
        except ValueError:
            value = None
        if value is not None and value > 1e9:  # an epoch timestamp, not a delta
            value -= now
        self.rate_reset_s = max(0.0, value) if value is not None else None

    def snapshot(self) -> dict[str, int]:
        """The counters as a plain dict (for `sync --json` and the status bar)."""
        return {"requests": self.requests, "bytes_out": self.bytes_out, "bytes_in": self.bytes_in}

    def since(self, before: dict[str, int]) -> dict[str, int]:
        """Counters added since an earlier `snapshot()`."""
        now = self.snapshot()
        return {key: now[key] - before.get(key, 0) for key in now}


def _head_size(start_line: str, headers: httpx.Headers) -> int:
    return len(start_line) + 2 + sum(len(k) + len(v) + 4 for k, v in headers.raw) + 2


class _MeteredStream(httpx.AsyncByteStream):
    """A response body that adds its raw bytes to the meter as they arrive."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, meter: Meter) -> None:
        self._inner = inner
        self._meter = meter

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        async for chunk in self._inner:
            self._meter.bytes_in += len(chunk)
            yield chunk

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()


class MeteredTransport(httpx.AsyncBaseTransport):
    """Wraps a transport and counts what it moves, so the meter sees wire bytes, not decoded ones."""

    def __init__(self, inner: httpx.AsyncBaseTransport, meter: Meter) -> None:
        self._inner = inner
        self._meter = meter

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._meter.requests += 1
        line = f"{request.method} {request.url.raw_path.decode()} HTTP/1.1"
        body = request.content if isinstance(request.stream, httpx.ByteStream) else b""
        self._meter.bytes_out += _head_size(line, request.headers) + len(body)
        response = await self._inner.handle_async_request(request)
        status_line = f"HTTP/1.1 {response.status_code} {httpx.codes.get_reason_phrase(response.status_code)}"
        self._meter.bytes_in += _head_size(status_line, response.headers)
        self._meter.observe_limits(response.headers, time.time())
        # The body is counted as it is read (still compressed here), not buffered first: a download
        # refused past its size cap (backends.download) must not have been read whole into memory.
        return httpx.Response(
            status_code=response.status_code, headers=response.headers,
            stream=_MeteredStream(response.stream, self._meter), extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


def make_client(
    base_url: str,
    *,
    headers: Mapping[str, str] | None = None,
    meter: Meter | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 20.0,
    verify: bool = True,
) -> httpx.AsyncClient:
    """An AsyncClient with gzip, keep-alive, sane timeouts and (optionally) a byte meter."""
    # HTTP/2 is negotiated by TLS ALPN only where the server offers it; plain HTTP stays 1.1 keep-alive.
    inner = transport or httpx.AsyncHTTPTransport(verify=verify, retries=0, http2=True)
    if meter is not None:
        inner = MeteredTransport(inner, meter)
    all_headers = {"Accept-Encoding": "gzip", "User-Agent": f"supportterm/{__version__}"}
    all_headers.update(headers or {})
    return httpx.AsyncClient(
        base_url=base_url, headers=all_headers, transport=inner,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=False,
    )


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        from datetime import datetime, timezone

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return None


def _server_message(response: httpx.Response) -> str:
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        return ""
    if isinstance(data, dict):
        return one_line(str(data.get("message") or data.get("error") or ""), limit=200)  # hostile too
    return ""


def raise_for_status(response: httpx.Response) -> None:
    """Turn an HTTP error status into the matching supportterm error with a plain message."""
    code = response.status_code
    if 300 <= code < 400 and code != 304:
        # Redirects are never followed (make_client): a token must not travel to wherever a server,
        # or someone who took over its address, points. Say where it pointed so the profile can be fixed.
        target = one_line(response.headers.get("Location", "?"), limit=200)
        raise BackendError(f"The helpdesk redirected (HTTP {code}) to {target}; supportterm does not follow "
                           "redirects, so the token is not sent there. Check the profile's url.")
    if code < 400:
        return
    detail = _server_message(response)
    suffix = f": {detail}" if detail else ""
    if code in (401, 403):
        raise AuthError(f"The helpdesk refused the credentials (HTTP {code}){suffix}.")
    if code == 404:
        raise NotFound(f"Not found on the helpdesk (HTTP 404){suffix}.")
    if code in (409, 412):
        raise ConflictError(f"The ticket changed on the helpdesk meanwhile{suffix}.")
    if code in (429, 503):
        raise RateLimited(
            f"The helpdesk asked us to wait (HTTP {code}).", retry_after=_retry_after(response)
        )
    raise BackendError(f"The helpdesk answered HTTP {code}{suffix}.")


@asynccontextmanager
async def map_http_errors(what: str) -> AsyncIterator[None]:
    """Translate transport failures inside the block into OfflineError / BackendError."""
    try:
        yield
    except httpx.ConnectError as exc:
        if "certificate" in str(exc).lower():
            raise OfflineError(
                f"The helpdesk's TLS certificate could not be verified while {what}, so nothing was sent. "
                "If you trust this server (a test install), set verify_tls = false in its profile.",
                maybe_delivered=False,
            ) from exc
        raise OfflineError(
            f"The helpdesk could not be reached while {what}.", maybe_delivered=False
        ) from exc
    except httpx.ConnectTimeout as exc:
        raise OfflineError(
            f"The helpdesk could not be reached while {what}.", maybe_delivered=False
        ) from exc
    except httpx.TimeoutException as exc:
        raise OfflineError(f"The helpdesk did not answer in time while {what}.") from exc
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
        raise OfflineError(f"The connection to the helpdesk failed while {what}.") from exc
    except httpx.DecodingError as exc:
        raise BackendError(f"The helpdesk sent a corrupt response while {what}.") from exc
    except httpx.HTTPError as exc:
        raise BackendError(f"HTTP error while {what}: {type(exc).__name__}.") from exc


def json_body(response: httpx.Response, what: str) -> Any:
    """The response's JSON, or a BackendError that says the helpdesk sent something else.

    Invalid UTF-8 (one bad byte in a customer's message) is read as U+FFFD rather than losing the page,
    and lone surrogates (legal as JSON escapes, unstorable in SQLite) become U+FFFD too.
    """
    try:
        try:
            data = response.json()
        except UnicodeDecodeError:
            data = json.loads(response.content.decode("utf-8", errors="replace"))
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as exc:
        kind = one_line(response.headers.get("Content-Type", "unknown type").split(";")[0], limit=60)
        raise BackendError(
            f"The helpdesk sent {kind} instead of JSON while {what} (HTTP {response.status_code})."
        ) from exc
    return _without_surrogates(data) if _SURROGATE_ESCAPE.search(response.content) else data


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(data: Any) -> Any:
    if isinstance(data, str):
        return _LONE_SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_without_surrogates(item) for item in data]
    if isinstance(data, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in data.items()}
    return data


def parse_or_fail(source: str, fn: Callable[..., Any], data: Any, what: str, *extra: Any) -> Any:
    """`fn(data, *extra)`, with a malformed answer (a missing key, a wrong type, a bad value) turned into
    one plain BackendError that names the helpdesk and what it sent, instead of a traceback."""
    try:
        return fn(data, *extra)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BackendError(f"{source} sent a malformed {what} ({exc!r}).") from exc
