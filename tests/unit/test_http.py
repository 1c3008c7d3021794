"""Unit tests of the shared HTTP layer: status and transport error mapping, JSON bodies, the byte meter."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from supportterm.backends.http import Meter, json_body, make_client, map_http_errors, raise_for_status
from supportterm.errors import (
    AuthError,
    BackendError,
    ConflictError,
    NotFound,
    OfflineError,
    RateLimited,
)

REQUEST = httpx.Request("GET", "http://helpdesk.test/api/v1/changes")


def _response(
    status: int, *, json_data: object = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    if json_data is None:
        return httpx.Response(status, headers=headers, request=REQUEST)
    return httpx.Response(status, json=json_data, headers=headers, request=REQUEST)


@pytest.mark.parametrize(
    ("status", "error"),
    [(401, AuthError), (403, AuthError), (404, NotFound), (409, ConflictError), (412, ConflictError),
     (429, RateLimited), (503, RateLimited), (500, BackendError), (400, BackendError)],
)
def test_raise_for_status_maps_codes(status: int, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        raise_for_status(_response(status))
    assert type(caught.value) is error
    if error is not ConflictError:  # a conflict is explained in words, not by its code
        assert f"HTTP {status}" in str(caught.value)


@pytest.mark.parametrize("status", [200, 201, 204, 304])
def test_raise_for_status_passes_success(status: int) -> None:
    raise_for_status(_response(status))


def test_server_message_is_quoted() -> None:
    with pytest.raises(BackendError, match="HTTP 500: database is on fire"):
        raise_for_status(_response(500, json_data={"error": "internal", "message": "database is on fire"}))


def test_html_error_page_does_not_leak_into_the_message() -> None:
    page = httpx.Response(502, text="<html><body>Bad gateway</body></html>", request=REQUEST)
    with pytest.raises(BackendError) as caught:
        raise_for_status(page)
    assert str(caught.value) == "The helpdesk answered HTTP 502."


def test_retry_after_in_seconds() -> None:
    with pytest.raises(RateLimited) as caught:
        raise_for_status(_response(429, headers={"Retry-After": "7"}))
    assert caught.value.retry_after == 7.0


def test_retry_after_as_http_date() -> None:
    target = (datetime.now(timezone.utc) + timedelta(days=1)).replace(microsecond=0)
    response = _response(429, headers={"Retry-After": format_datetime(target, usegmt=True)})
    before = datetime.now(timezone.utc)
    with pytest.raises(RateLimited) as caught:
        raise_for_status(response)
    after = datetime.now(timezone.utc)
    # Seconds from "now" (read inside raise_for_status) until the date, so between these two.
    assert (target - after).total_seconds() <= caught.value.retry_after <= (target - before).total_seconds()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("-5", 0.0), ("soon", None), (None, None)],
)
def test_retry_after_in_the_past_or_unreadable(value: str | None, expected: float | None) -> None:
    headers = {"Retry-After": value} if value is not None else None
    with pytest.raises(RateLimited) as caught:
        raise_for_status(_response(503, headers=headers))
    assert caught.value.retry_after == expected


@pytest.mark.parametrize(
    ("exc", "error", "words"),
    [
        (httpx.ConnectError("refused", request=REQUEST), OfflineError, "could not be reached"),
        (httpx.ReadError("reset", request=REQUEST), OfflineError, "connection to the helpdesk failed"),
        (httpx.RemoteProtocolError("eof", request=REQUEST), OfflineError, "connection"),
        (httpx.ReadTimeout("slow", request=REQUEST), OfflineError, "did not answer in time"),
        (httpx.ConnectTimeout("slow", request=REQUEST), OfflineError, "could not be reached"),
        (httpx.DecodingError("bad gzip", request=REQUEST), BackendError, "corrupt response"),
        (httpx.TooManyRedirects("loop", request=REQUEST), BackendError, "TooManyRedirects"),
    ],
)
async def test_map_http_errors(exc: Exception, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as caught:
        async with map_http_errors("fetching changes"):
            raise exc
    assert type(caught.value) is error  # a corrupt answer is not "offline"
    assert words in str(caught.value)
    assert "while fetching changes" in str(caught.value)
    assert caught.value.__cause__ is exc


async def test_map_http_errors_lets_other_errors_through() -> None:
    with pytest.raises(KeyError):
        async with map_http_errors("fetching changes"):
            raise KeyError("not an HTTP problem")


def _client(meter: Meter, handler) -> httpx.AsyncClient:
    return make_client("http://helpdesk.test", meter=meter, transport=httpx.MockTransport(handler))


def test_json_body_parses_json() -> None:
    assert json_body(_response(200, json_data={"ok": True}), "testing") == {"ok": True}


def test_json_body_on_html_names_the_content_type() -> None:
    page = httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"},
                          content=b"<html>Log in to the Wi-Fi</html>", request=REQUEST)
    with pytest.raises(BackendError) as caught:
        json_body(page, "fetching changes")
    assert "text/html instead of JSON while fetching changes" in str(caught.value)
    assert not isinstance(caught.value, OfflineError)


def test_json_body_on_truncated_json() -> None:
    cut = httpx.Response(200, headers={"Content-Type": "application/json"}, content=b'{"tickets": [',
                         request=REQUEST)
    with pytest.raises(BackendError, match="application/json instead of JSON"):
        json_body(cut, "fetching changes")


async def test_meter_counts_compressed_bytes_while_the_client_gets_json() -> None:
    document = {"tickets": [{"id": str(i), "subject": "Cannot log in", "status": "open"} for i in range(500)]}
    plain = json.dumps(document).encode()
    packed = gzip.compress(plain)
    assert len(packed) * 10 < len(plain)  # the test data must compress well to prove anything
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=packed, headers={
            "Content-Type": "application/json", "Content-Encoding": "gzip"})

    meter = Meter()
    async with _client(meter, handler) as client:
        response = await client.post("/api/v1/echo", json={"hello": "world"})
    assert response.json() == document
    assert seen[0].headers["Accept-Encoding"] == "gzip"
    assert meter.requests == 1
    assert len(packed) < meter.bytes_in < len(packed) + 1_000  # the compressed body plus headers
    assert len(b'{"hello": "world"}') < meter.bytes_out < 1_000
    assert meter.snapshot() == {"requests": 1, "bytes_out": meter.bytes_out, "bytes_in": meter.bytes_in}


async def test_meter_since_gives_the_difference() -> None:
    meter = Meter()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(304)

    async with _client(meter, handler) as client:
        await client.get("/a")
        before = meter.snapshot()
        await client.get("/b")
        await client.get("/c")
    delta = meter.since(before)
    assert delta["requests"] == 2
    assert 0 < delta["bytes_in"] < meter.bytes_in
    assert 0 < delta["bytes_out"] < meter.bytes_out


async def test_meter_counts_a_request_whose_response_was_lost() -> None:
    meter = Meter()

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("reset", request=request)

    async with _client(meter, handler) as client:
        with pytest.raises(httpx.ReadError):
            await client.get("/a")
    assert meter.requests == 1
    assert meter.bytes_out > 0
    assert meter.bytes_in == 0
