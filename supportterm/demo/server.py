"""Provides the demo helpdesk's HTTP server: the reference API of docs/api.md over `db.DemoDB`.

Stdlib only (`http.server`), on loopback, HTTP/1.1 keep-alive. It is also the yardstick for the
client's byte budget, so every response is as small as the API allows: compact JSON, gzip over
256 bytes, field selection, and an ETag for `/changes` computed without touching the database,
so an idle poll costs one short request and a bodiless 304.
Used by `supportterm demo` / `serve-demo` and by the tests and benchmarks.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
import socket
import socketserver
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from supportterm.demo.db import TICKET_FIELDS, DemoDB, DemoError, bad_request, real_now
from supportterm.demo.simulator import Simulator
from supportterm.domain.models import utc

log = logging.getLogger(__name__)

API = "/api/v1"
ADMIN_TOKEN = "demo-admin"
GZIP_MIN = 256
MAX_REQUEST = 4 << 20
"""Request bodies above this are refused unread; JSON escaping can triple a 1 MiB message."""
DEFAULT_LIMIT, MAX_LIMIT = 500, 2000
CANNED = (
    {"id": "k1", "title": "Greeting", "language": "en", "tags": ["greeting"],
     "body": "Hello {customer.first_name},\n\nThank you for writing to us."},
    {"id": "k2", "title": "Delay notice", "language": "en", "tags": ["delay"],
     "body": "We are still working on it and will write to you as soon as it is fixed."},
    {"id": "k3", "title": "Приветствие", "language": "ru", "tags": ["greeting"],
     "body": "Здравствуйте, {customer.first_name}!\n\nСпасибо, что написали нам."},
    {"id": "k4", "title": "Задержка", "language": "ru", "tags": ["delay"],
     "body": "Мы продолжаем работать над вашим вопросом и сообщим, как только всё будет исправлено."},
    {"id": "k5", "title": "Salamlama", "language": "az", "tags": ["greeting"],
     "body": "Salam, {customer.first_name}!\n\nBizə yazdığınız üçün təşəkkür edirik."},
    {"id": "k6", "title": "Gecikmə", "language": "az", "tags": ["delay"],
     "body": "Sorğunuz üzərində işləyirik və həll olunan kimi sizə xəbər verəcəyik."},
)
"""The server-side canned replies (`GET /canned`); static in the demo."""
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 412: "conflict", 413: "too_large", 500: "internal"}


@dataclass
class Request:
    """What an endpoint needs from one HTTP request, already routed and authenticated."""

    server: DemoHTTPServer
    args: tuple[str, ...]
    """The path parameters (a ticket id)."""
    query: dict[str, str]
    json: dict[str, Any]
    """The JSON object of a POST or PATCH; {} for a GET."""
    agent: dict[str, Any] | None
    """The agent the token belongs to; None for the admin token."""
    gzip: bool
    if_match: str | None
    if_none_match: str | None

    @property
    def db(self) -> DemoDB:
        return self.server.db


@dataclass
class Reply:
    """What an endpoint answers; `etag` is set when the endpoint has a cheaper tag than a body hash."""

    status: int
    payload: dict[str, Any] | None
    etag: str | None = None


def _tag(*parts: object) -> str:
    return '"' + hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=9).hexdigest() + '"'


def _tag_matches(header: str | None, tag: str) -> bool:
    """If-None-Match uses the weak comparison: a `W/` prefix does not matter, `*` matches anything."""
    if not header:
        return False
    return any(t.strip().removeprefix("W/") in (tag, "*") for t in header.split(","))


def _fields(query: dict[str, str]) -> tuple[str, ...] | None:
    """The `fields=` selection in canonical order (so equal selections give equal bytes and ETags)."""
    if "fields" not in query:
        return None
    names = {n.strip() for n in query["fields"].split(",") if n.strip()}
    unknown = names - set(TICKET_FIELDS)
    if unknown:
        raise bad_request(f"unknown fields: {', '.join(sorted(unknown))}; known: {', '.join(TICKET_FIELDS)}")
    return tuple(f for f in TICKET_FIELDS if f in names or f == "id")


def _select(ticket: dict[str, Any], fields: tuple[str, ...] | None) -> dict[str, Any]:
    return ticket if fields is None else {k: ticket[k] for k in fields}


def _cursor(text: str, db: DemoDB) -> tuple[int, int]:
    """Decode `<epoch>.<after>[.<base>]`: resume after seq `after`, in a run of pages that began at `base`."""
    if not text:
        return 0, 0
    m = re.fullmatch(r"([0-9a-f]+)\.(\d{1,18})(?:\.(\d{1,18}))?", text)
    if m is None or m[1] != db.epoch or int(m[2]) > db.latest_seq() or int(m[3] or 0) > int(m[2]):
        raise bad_request("this cursor is not from this server's data (was the demo reseeded?); "
                          "sync again without a cursor")
    return int(m[2]), int(m[3] or m[2])


def _limit(query: dict[str, str]) -> int:
    text = query.get("limit", str(DEFAULT_LIMIT))
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise bad_request(f"limit must be a whole number from 1 to {MAX_LIMIT}")
    return int(text)


# ---- endpoints -------------------------------------------------------------------------------

def get_changes(req: Request) -> Reply:
    """Delta sync. The ETag hashes the request and the latest seq, so an idle poll never reads SQLite."""
    cursor, limit, fields = req.query.get("cursor", ""), _limit(req.query), _fields(req.query)
    after, base = _cursor(cursor, req.db)
    tag = _tag(cursor, limit, fields, req.db.latest_seq(), req.gzip)
    if _tag_matches(req.if_none_match, tag):
        return Reply(304, None, tag)
    tickets, people, last, more, latest = req.db.changes(after, base, limit)
    run = f".{base}" if more else ""  # mid-run cursors remember where the run began (see _cursor)
    payload = {"tickets": [_select(t, fields) for t in tickets], "people": people,
               "cursor": f"{req.db.epoch}.{last}{run}", "has_more": more}
    return Reply(200, payload, _tag(cursor, limit, fields, latest, req.gzip))


def get_ticket(req: Request) -> Reply:
    return Reply(200, _select(req.db.ticket(req.args[0]), _fields(req.query)))


def patch_ticket(req: Request) -> Reply:
    return Reply(200, req.db.update_ticket(req.args[0], req.json, req.if_match))


def get_messages(req: Request) -> Reply:
    found = req.db.messages(req.args[0], after=req.query.get("after"), marker=req.query.get("marker"))
    return Reply(200, {"messages": found})


def post_message(req: Request) -> Reply:
    """An agent's reply or internal note; a repeated marker answers 200 with the first result."""
    assert req.agent is not None
    body = req.json
    ticket, message, created = req.db.add_message(
        req.args[0], author_id=req.agent["id"], role="agent", body=body.get("body"),
        visibility=body.get("visibility", "public"), status=body.get("status"), marker=body.get("marker"),
        expect_version=req.if_match)
    return Reply(201 if created else 200, {"message": message, "ticket": ticket})


def post_ticket(req: Request) -> Reply:
    """Customer side: a new ticket with its first message."""
    tags = req.json.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise bad_request("tags must be a list of strings")
    ticket, message, created = req.db.create_ticket(req.json, req.json.get("body"), req.json.get("marker"))
    return Reply(201 if created else 200, {"ticket": ticket, "message": message})


def post_customer_message(req: Request) -> Reply:
    """Customer side: the requester writes again, which reopens a pending or solved ticket."""
    requester = req.db.ticket(req.args[0])["requester_id"]
    ticket, message, created = req.db.add_message(req.args[0], author_id=requester, role="customer",
                                                  body=req.json.get("body"), marker=req.json.get("marker"))
    return Reply(201 if created else 200, {"ticket": ticket, "message": message})


def post_activity(req: Request) -> Reply:
    ticket, message = req.server.simulator.act_once()
    return Reply(201, {"ticket": ticket, "message": message})


Endpoint = Callable[[Request], Reply]
ROUTES: list[tuple[str, re.Pattern[str], str, Endpoint]] = [
    # (method, path, who may call: none | read (any token) | agent | admin, endpoint)
    ("GET", re.compile("/healthz"), "none", lambda req: Reply(200, {"ok": True})),
    ("GET", re.compile(f"{API}/me"), "agent", lambda req: Reply(200, req.agent)),
    ("GET", re.compile(f"{API}/agents"), "read", lambda req: Reply(200, {"agents": req.server.agents})),
    ("GET", re.compile(f"{API}/canned"), "read", lambda req: Reply(200, {"canned": list(CANNED)})),
    ("GET", re.compile(f"{API}/changes"), "read", get_changes),
    ("POST", re.compile(f"{API}/tickets"), "admin", post_ticket),
    ("GET", re.compile(f"{API}/tickets/([^/]+)"), "read", get_ticket),
    ("PATCH", re.compile(f"{API}/tickets/([^/]+)"), "agent", patch_ticket),
    ("GET", re.compile(f"{API}/tickets/([^/]+)/messages"), "read", get_messages),
    ("POST", re.compile(f"{API}/tickets/([^/]+)/messages"), "agent", post_message),
    ("POST", re.compile(f"{API}/tickets/([^/]+)/customer-messages"), "admin", post_customer_message),
    ("POST", re.compile(f"{API}/_demo/activity"), "admin", post_activity),
]


def _route(method: str, path: str) -> tuple[str, Endpoint, tuple[str, ...]]:
    """Find the endpoint; a known path with another method is a 405, not a 404."""
    allowed = []
    for route_method, pattern, access, endpoint in ROUTES:
        m = pattern.fullmatch(path)
        if m is not None:
            if route_method == method:
                return access, endpoint, tuple(unquote(g) for g in m.groups())
            allowed.append(route_method)
    if allowed:
        raise DemoError(405, "method_not_allowed", f"{path} takes {', '.join(allowed)}")
    raise DemoError(404, "not_found", f"there is nothing at {path}")


# ---- HTTP ------------------------------------------------------------------------------------

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
        access, endpoint, args = _route(self.command, url.path)
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
        headers: dict[str, str] = {}
        body = b"" if reply.payload is None else _json(reply.payload)
        compress = self._accepts_gzip() and len(body) > GZIP_MIN
        if self.command == "GET" and reply.status in (200, 304):
            tag = reply.etag or _tag(hashlib.blake2b(body, digest_size=16).hexdigest(), compress)
            if reply.status == 304 or _tag_matches(self.headers.get("If-None-Match"), tag):
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
            self.send_header("Content-Type", "application/json; charset=utf-8")
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
