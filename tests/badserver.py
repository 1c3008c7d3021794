"""Provides `ScriptedServer`: a real HTTP server on 127.0.0.1 whose answers a test scripts per request.

Used by the bad-server, redirect and log tests: it can answer anything a broken or hostile helpdesk
would (HTML error pages, cut JSON, wrong types, redirects elsewhere, stalls), and it records every
request it got (method, path, headers, body) so a test can check what the client sent where.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """What the server sends back for one request."""

    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall: bool = False
    """Hold the request open until the server stops (a server that never answers)."""
    declared_length: int | None = None
    """Content-Length to announce (more than the body: the connection is cut mid-body)."""


@dataclass(frozen=True)
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Route = Callable[[Seen], Answer]


class ScriptedServer:
    """A ThreadingHTTPServer on a free loopback port; `route` decides every answer."""

    def __init__(self, route: Route, *, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> None:
        self.route = route
        self.scheme = "https" if tls else "http"
        self.seen: list[Seen] = []
        self._release = threading.Event()
        self._server = ThreadingHTTPServer((host, 0), self._handler_class())
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        # A short poll interval: shutdown() waits for the loop to notice, 0.5 s per server by default.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                            self.rfile.read(length) if length else b"")
                server.seen.append(seen)
                answer = server.route(seen)
                if answer.stall:
                    server._release.wait()
                    return
                body = answer.body.encode("utf-8") if isinstance(answer.body, str) else answer.body
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                length_header = answer.declared_length if answer.declared_length is not None else len(body)
                self.send_header("Content-Length", str(length_header))
                if answer.declared_length is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
                if answer.declared_length is not None:
                    self.close_connection = True

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

        return Handler


def json_answer(data: object, status: int = 200, **headers: str) -> Answer:
    """A JSON answer."""
    import json

    return Answer(status, json.dumps(data), {"Content-Type": "application/json", **headers})
