"""Provides the demo helpdesk's HTTP server: the reference API of docs/api.md over `db.DemoDB`.

Stdlib only (`http.server`), on loopback, HTTP/1.1 keep-alive. It is also the yardstick for the
client's byte budget, so every response is as small as the API allows: compact JSON, gzip over
256 bytes, field selection, and an ETag for `/changes` computed without touching the database,
so an idle poll costs one short request and a bodiless 304.
Used by `supportterm demo` / `serve-demo` and by the tests and benchmarks. This module is the HTTP
side (keep-alive, auth, gzip, 304s, JSON errors); the endpoints themselves are in `api.py`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import socket
import socketserver
import threading
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from supportterm.demo.api import (
    API,
    CANNED,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    ROUTES,
    Endpoint,
    Reply,
    Request,
    etag,
    route,
    tag_matches,
)
from supportterm.demo.availability import AvailabilityBoard
from supportterm.demo.db import DemoDB, DemoError, bad_request, real_now
from supportterm.demo.simulator import Simulator
from supportterm.domain.models import utc

__all__ = [
    "ADMIN_TOKEN", "API", "CANNED", "DEFAULT_LIMIT", "GZIP_MIN", "MAX_LIMIT", "MAX_REQUEST", "ROUTES",
    "DemoHTTPServer", "DemoHandler", "DemoServer", "Endpoint", "Reply", "Request", "create_demo_server",
]
"""The server and, re-exported from `api`, the names callers have always imported from here."""

log = logging.getLogger(__name__)

ADMIN_TOKEN = "demo-admin"
GZIP_MIN = 256
MAX_REQUEST = 4 << 20
"""Request bodies above this are refused unread; JSON escaping can triple a 1 MiB message."""
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 412: "conflict", 413: "too_large", 500: "internal"}


class DemoHandler(BaseHTTPRequestHandler):
    """One keep-alive connection: route, authenticate, call the endpoint, encode the reply."""

    protocol_version = "HTTP/1.1"
    server_version = "supportterm-demo"
    sys_version = ""
    timeout = 120
    """Idle keep-alive connections are dropped after this many seconds."""
    disable_nagle_algorithm = True
    """Headers and body go out as two writes; with Nagle the second would wait for an ACK."""
    server: DemoHTTPServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._serve()

    do_POST = do_PATCH = do_PUT = do_DELETE = do_GET  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        """Per-request lines go to the debug log, not stderr: the demo shares a terminal with the TUI."""
        log.debug("%s " + format, self.address_string(), *args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, huge headers) as JSON, like everything else."""
        self.close_connection = True
        payload = {"error": _CODES.get(code, "bad_request"), "message": message or explain or "error"}
        self._write(code, _json(payload), {})

    def _serve(self) -> None:
        try:
            raw = self._read_body()
            reply = self._handle(raw)
        except DemoError as err:
            payload = {"error": err.code, "message": err.message}
            reply = Reply(err.status, payload | ({"ticket": err.ticket} if err.ticket is not None else {}))
        except Exception:  # the client gets a JSON 500, the log gets the traceback
            log.exception("demo: %s %s failed", self.command, self.path)
            reply = Reply(500, {"error": "internal", "message": "the demo server failed; see its log"})
        self._send(reply)

    def _read_body(self) -> bytes:
        """Read the request body first, so an early error still leaves the connection in step."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise bad_request("send a Content-Length; chunked request bodies are not supported")
        length = self.headers.get("Content-Length", "0").strip()
        if not length.isdigit():
            self.close_connection = True
            raise bad_request("Content-Length must be a number")
        if int(length) > MAX_REQUEST:
            self._discard(int(length))
            raise DemoError(413, "too_large", f"request bodies are limited to {MAX_REQUEST} bytes")
        raw = self.rfile.read(int(length))
        encoding = self.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding == "gzip":
            return _gunzip(raw)
        if encoding != "identity":
            raise bad_request(f"Content-Encoding {encoding} is not supported; use gzip")
        return raw

    def _discard(self, length: int) -> None:
        """Drain a refused body: closing with unread data makes TCP reset, and the client loses our 413."""
        if length > 8 * MAX_REQUEST:
            self.close_connection = True  # not worth reading; the client may see a reset instead
            return
        while length > 0 and (chunk := self.rfile.read(min(length, 1 << 16))):
            length -= len(chunk)

    def _handle(self, raw: bytes) -> Reply:
        url = urlsplit(self.path)
        access, endpoint, args = route(self.command, url.path)
        agent = self._authenticate(access)
        body: dict[str, Any] = {}
        if self.command in ("POST", "PATCH", "PUT"):
            try:
                body = json.loads(raw or b"{}")
            except ValueError as err:  # JSONDecodeError and UnicodeDecodeError
                raise bad_request(f"the body is not valid JSON: {err}") from None
            if not isinstance(body, dict):
                raise bad_request("the body must be a JSON object")
        return endpoint(Request(self.server, args, dict(parse_qsl(url.query)), body, agent,
                                self._accepts_gzip(), self.headers.get("If-Match"),
                                self.headers.get("If-None-Match")))

    def _authenticate(self, access: str) -> dict[str, Any] | None:
        """The agent behind the Bearer token; None for the admin token or a public endpoint."""
        if access == "none":
            return None
        scheme, _, token = self.headers.get("Authorization", "").partition(" ")
        token = token.strip() if scheme.lower() == "bearer" else ""
        agent = self.server.tokens.get(token)
        if agent is None and token != ADMIN_TOKEN:
            raise DemoError(401, "unauthorized", "send Authorization: Bearer demo-<login>")
        if access == "agent" and agent is None:
            raise DemoError(403, "forbidden", "this is an agent's action; use an agent's token")
        if access == "admin" and agent is not None:
            raise DemoError(403, "forbidden", "this is the customer side; it needs the demo-admin token")
        return agent

    def _accepts_gzip(self) -> bool:
        return any(p.split(";")[0].strip() == "gzip" and "q=0" not in p.replace(" ", "").split(";")[1:]
                   for p in self.headers.get("Accept-Encoding", "").lower().split(","))

    def _send(self, reply: Reply) -> None:
        """Encode a reply: ETag and 304 for GETs, gzip when it pays, Content-Length always."""
        headers: dict[str, str] = dict(reply.headers or {})
        body = reply.raw if reply.raw is not None else b"" if reply.payload is None else _json(reply.payload)
        textual = reply.raw is None or headers.get("Content-Type", "").startswith("text/")
        compress = self._accepts_gzip() and len(body) > GZIP_MIN and textual  # PNG and PDF gain nothing
        if self.command == "GET" and reply.status in (200, 304):
            tag = reply.etag or etag(hashlib.blake2b(body, digest_size=16).hexdigest(), compress)
            if reply.status == 304 or tag_matches(self.headers.get("If-None-Match"), tag):
                self._write(304, b"", {"ETag": tag})
                return
            headers["ETag"] = tag
        if len(body) > GZIP_MIN:
            headers["Vary"] = "Accept-Encoding"
        if compress:
            body, headers["Content-Encoding"] = gzip.compress(body, compresslevel=6, mtime=0), "gzip"
        if reply.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="supportterm-demo"'
        self._write(reply.status, body, headers)

    def _write(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", headers.pop("Content-Type", "application/json; charset=utf-8"))
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)


def _json(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _gunzip(raw: bytes) -> bytes:
    """Inflate a gzip request body, refusing a bomb that would grow past `MAX_REQUEST`."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(raw, MAX_REQUEST + 1)
    except zlib.error:
        raise bad_request("the gzip request body is corrupt") from None
    if len(out) > MAX_REQUEST:
        raise DemoError(413, "too_large", f"request bodies are limited to {MAX_REQUEST} bytes")
    if not inflater.eof:
        raise bad_request("the gzip request body is truncated")
    return out


class DemoHTTPServer(ThreadingHTTPServer):
    """The listening socket plus what handlers share: the database, the simulator, the token table."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], db: DemoDB, simulator: Simulator) -> None:
        self.db, self.simulator = db, simulator
        by_login = db.agents_by_login()
        self.agents = list(by_login.values())
        self.tokens = {f"demo-{login}": agent for login, agent in by_login.items()}
        self.availability = AvailabilityBoard()
        """Agents' availability (`/me/availability`), in memory."""
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, DemoHandler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's getfqdn(), a reverse DNS lookup that can stall for seconds."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Cut the open keep-alive connections, so their threads end now and not at their timeout."""
        with self._open_lock:
            for conn in self._open:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-response is normal on a lossy link: log it quietly."""
        log.debug("demo: connection from %s failed", client_address, exc_info=True)


class DemoServer:
    """The demo helpdesk: its HTTP server and its simulated customers. `url` is set before `start`."""

    def __init__(self, httpd: DemoHTTPServer, simulate: bool) -> None:
        self._httpd, self._simulate = httpd, simulate
        self._thread: threading.Thread | None = None
        host, port = httpd.server_address[:2]
        self.url = f"http://{host}:{port}"
        """The base URL, without /api/v1."""
        self.db = httpd.db

    def start(self) -> None:
        """Serve in a daemon thread; start the simulated customers too when asked to."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="demo-http", daemon=True)
        self._thread.start()
        if self._simulate:
            self._httpd.simulator.start()

    def stop(self) -> None:
        """Stop the simulator and the server, cut open connections, close the database."""
        self._httpd.simulator.stop()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(5)
            self._thread = None
        self._httpd.close_connections()
        self._httpd.server_close()
        self._httpd.db.close()

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def create_demo_server(db_path: Path, *, host: str = "127.0.0.1", port: int = 0, tickets: int = 300,
                       seed: int = 1, simulate: bool = True, interval: tuple[float, float] = (20.0, 60.0),
                       now: datetime | None = None) -> DemoServer:
    """Open (seeding on first use) the demo database at `db_path` and bind the server; call `start()`.

    An existing seeded file is reused as it is, so a restarted demo keeps its history. `now` pins
    the demo's clock (tests): seeded data ends at `now`, and time runs on from there.
    """
    clock: Callable[[], datetime] = real_now
    if now is not None:
        offset: timedelta = utc(now) - real_now()
        clock = lambda: real_now() + offset  # noqa: E731
    db = DemoDB(Path(db_path), clock)
    try:
        db.ensure_seeded(tickets, seed, now)
        httpd = DemoHTTPServer((host, port), db, Simulator(db, seed=seed, interval=interval))
    except BaseException:
        db.close()
        raise
    return DemoServer(httpd, simulate)
