"""Provides `VendorServer`: a real HTTP/1.1 server on 127.0.0.1 for the hosted-helpdesk contract fakes.

Each fake (tests/contract/fake_*.py) supplies one function from `Call` to `Answer`; this module does
the socket work: keep-alive, Content-Length framing (never chunked, so `FaultProxy` can count it),
gzip when the client asks and the body is worth it, and a lock so state is changed one call at a time.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

GZIP_MIN = 256
"""Bodies shorter than this go uncompressed (nginx's gzip_min_length does the same)."""


@dataclass
class Call:
    """One request as the fake sees it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    """Lower-case names."""
    body: bytes = b""

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else default

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None


@dataclass
class Answer:
    """One response: a status, a JSON-able body (None: no body) and extra headers."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    """Bytes sent as they are instead of `body` (malformed-JSON tests)."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        return

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header from the fake's clock, so tests can move the helpdesk's time."""
        return super().date_time_string(self.server.clock() if timestamp is None else timestamp)

    def _serve(self) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        call = Call(
            method=self.command, path=split.path, query=parse_qs(split.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=self.rfile.read(length) if length else b"",
        )
        with self.server.lock:
            self.server.calls.append(call)
            answer = self.server.route(call)
        self._send(call, answer)

    def _send(self, call: Call, answer: Answer) -> None:
        if answer.raw is not None:
            payload, kind = answer.raw, "text/html; charset=utf-8"
        elif answer.body is None:
            payload, kind = b"", None
        else:
            payload = json.dumps(answer.body, ensure_ascii=False).encode("utf-8")
            kind = "application/json; charset=utf-8"
        self.send_response(answer.status)
        if kind:
            self.send_header("Content-Type", kind)
        if len(payload) >= GZIP_MIN and "gzip" in call.headers.get("accept-encoding", ""):
            payload = gzip.compress(payload, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, route: Callable[[Call], Answer], clock: Callable[[], float]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.route = route
        self.clock = clock
        self.lock = threading.RLock()
        self.calls: list[Call] = []


class VendorServer:
    """Serves `route` on a free loopback port in a daemon thread until `stop()`."""

    def __init__(self, route: Callable[[Call], Answer], clock: Callable[[], float] = time.time) -> None:
        self._server = _Server(route, clock)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def lock(self) -> threading.RLock:
        """Held while a call is routed; the fake's own API takes it too, so state changes one at a time."""
        return self._server.lock

    @property
    def calls(self) -> list[Call]:
        """Every request served so far, in order."""
        return self._server.calls

    def start(self) -> VendorServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
