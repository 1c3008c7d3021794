"""Provides `LoopbackServer`: the HTTP plumbing the contract fakes share (stdlib, 127.0.0.1 only).

A fake registers routes (method + path regex → handler) and keeps its own state; this module serves
them from a thread, gzips larger bodies when the client asks (as the hosted helpdesks do), logs every
request for the tests, and can answer the next matching requests with injected faults (429 with
Retry-After, 5xx, malformed JSON) before the real handler sees them.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    """One request as the fake saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Reply:
    """What a handler answers: status, a JSON-able body (or raw bytes) and extra headers."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    """Sent as is (plain text errors, malformed JSON) instead of `body`."""


@dataclass
class Fault:
    """An injected answer for the next request whose path contains `path`."""

    path: str
    reply: Reply
    times: int = 1


Handler = Callable[..., Reply]


class LoopbackServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 with a route table, a request log and faults."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.log: list[Request] = []
        self.faults: list[Fault] = []
        self.lock = threading.RLock()
        """Held while a handler runs: the fake's state changes one request at a time."""
        self.extra_headers: Callable[[Request], dict[str, str]] = lambda request: {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, method: str, pattern: str, handler: Handler) -> None:
        """Serve `method` on paths matching `pattern` (full match); groups go to the handler."""
        self.routes.append((method, re.compile(pattern), handler))

    def fail_next(self, path: str, status: int, body: Any = None, *, headers: dict[str, str] | None = None,
                  raw: bytes | None = None, times: int = 1) -> None:
        """Answer the next `times` requests whose path contains `path` with this instead."""
        with self.lock:
            self.faults.append(Fault(path, Reply(status, body, dict(headers or {}), raw), times))

    def requests(self, path: str = "", method: str | None = None) -> list[Request]:
        """Logged requests whose path contains `path` (and of that method)."""
        with self.lock:
            return [r for r in self.log if path in r.path and (method is None or r.method == method)]

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def dispatch(self, request: Request) -> Reply:
        with self.lock:
            self.log.append(request)
            for fault in self.faults:
                if fault.path in request.path and fault.times > 0:
                    fault.times -= 1
                    self.faults = [f for f in self.faults if f.times > 0]
                    return fault.reply
            for method, pattern, handler in self.routes:
                match = pattern.fullmatch(request.path)
                if match and method == request.method:
                    return handler(request, *match.groups())
            return Reply(404, {"error": "InvalidEndpoint", "description": f"No route {request.path}"})

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                pass

            def _serve(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(self.command, url.path, parse_qs(url.query, keep_blank_values=True),
                                  {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length))
                reply = server.dispatch(request)
                if reply.raw is not None:
                    payload, kind = reply.raw, reply.headers.get("Content-Type", "text/plain; charset=utf-8")
                elif reply.body is None:
                    payload, kind = b"", "application/json"
                else:
                    payload, kind = json.dumps(reply.body).encode(), "application/json; charset=utf-8"
                headers = {"Content-Type": kind, **server.extra_headers(request), **reply.headers}
                if len(payload) > 200 and "gzip" in request.headers.get("accept-encoding", ""):
                    payload = gzip.compress(payload, compresslevel=6)
                    headers["Content-Encoding"] = "gzip"
                self.send_response(reply.status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        return _Handler
