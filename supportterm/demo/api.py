"""Provides the demo API's endpoints: routing, the `/changes` cursor, field selection and ETags.

Each endpoint takes a `Request` (already routed and authenticated by `server.DemoHandler`) and
returns a `Reply`; the handler turns that into HTTP (gzip, 304s, Content-Length). Endpoints only read
and write through `db.DemoDB`, so the API of docs/api.md can be read here in one place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from supportterm.demo.schema import TICKET_FIELDS, DemoError, bad_request

if TYPE_CHECKING:
    from supportterm.demo.db import DemoDB
    from supportterm.demo.server import DemoHTTPServer

API = "/api/v1"
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
    raw: bytes | None = None
    """A body that is not JSON (an attachment's bytes); sent as is, with `headers`."""
    headers: dict[str, str] | None = None


def etag(*parts: object) -> str:
    """A strong ETag (quoted) that changes whenever any of `parts` does."""
    return '"' + hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=9).hexdigest() + '"'


def tag_matches(header: str | None, tag: str) -> bool:
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


def _shaped(payload: dict[str, Any], req: Request) -> dict[str, Any]:
    """`shape=rows`: tickets and people as arrays under one list of field names each, instead of
    objects repeating every key: the smallest JSON a change list can be (gzip then has less to do)."""
    if req.query.get("shape") != "rows":
        return payload
    for key in ("tickets", "people"):
        items = payload[key]
        names = list(items[0]) if items else []
        payload[f"{key}_fields"] = names
        payload[key] = [[item[n] for n in names] for item in items]
    return payload


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

_NEWEST = re.compile(r"([0-9a-f]+)\.n(\d{1,18})\.(\d{1,18})")


def get_changes(req: Request) -> Reply:
    """Delta sync. The ETag hashes the request and the latest seq, so an idle poll never reads SQLite."""
    cursor, limit, fields = req.query.get("cursor", ""), _limit(req.query), _fields(req.query)
    newest = _NEWEST.fullmatch(cursor)
    if newest or (not cursor and req.query.get("order") == "newest"):
        return _newest_run(req, newest, limit, fields)
    after, base = _cursor(cursor, req.db)
    # The tag names the state, not the cursor: a client that read a complete run (has_more false) up to
    # the latest change holds a tag that still matches while nothing changes, whatever cursor it now
    # sends, so its very first idle poll is already a 304. Mid-run pages carry no tag (see below).
    tag = etag(req.db.epoch, limit, fields, req.db.latest_seq(), req.gzip, req.query.get("shape"))
    if tag_matches(req.if_none_match, tag):
        return Reply(304, None, tag)
    tickets, people, last, more, latest = req.db.changes(after, base, limit)
    run = f".{base}" if more else ""  # mid-run cursors remember where the run began (see _cursor)
    payload = {"tickets": [_select(t, fields) for t in tickets], "people": people,
               "cursor": f"{req.db.epoch}.{last}{run}", "has_more": more}
    shape = req.query.get("shape")
    return Reply(200, _shaped(payload, req), None if more else etag(req.db.epoch, limit, fields, latest, req.gzip, shape))


def _newest_run(req: Request, cursor: re.Match[str] | None, limit: int, fields: tuple[str, ...] | None) -> Reply:
    """A first sync newest-first (`order=newest`): pages walk down from the latest change; the last
    page hands over an ordinary cursor, so deltas then continue upwards from where the run began."""
    if cursor is not None and cursor[1] != req.db.epoch:
        raise bad_request("this cursor is not from this server's data (was the demo reseeded?); "
                          "sync again without a cursor")
    top, low = (int(cursor[2]), int(cursor[3])) if cursor else (None, None)
    tickets, people, top, low, more = req.db.changes_newest(top, low, limit)
    next_cursor = f"{req.db.epoch}.n{top}.{low}" if more else f"{req.db.epoch}.{top}"
    payload = {"tickets": [_select(t, fields) for t in tickets], "people": people, "cursor": next_cursor,
               "has_more": more}
    shape = req.query.get("shape")
    tag = None if more or top != req.db.latest_seq() else etag(req.db.epoch, limit, fields, top, req.gzip, shape)
    return Reply(200, _shaped(payload, req), tag)


def get_recent(req: Request) -> Reply:
    """The newest tickets (first inbox screen of a new client); ETag'd on the latest seq."""
    limit, fields = _limit(req.query), _fields(req.query)
    tag = etag("recent", limit, fields, req.db.latest_seq(), req.gzip)
    if tag_matches(req.if_none_match, tag):
        return Reply(304, None, tag)
    tickets, people = req.db.recent(limit)
    return Reply(200, {"tickets": [_select(t, fields) for t in tickets], "people": people}, tag)


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


def get_attachment(req: Request) -> Reply:
    """An attachment's bytes with its type, length and file name (RFC 6266, UTF-8 names too)."""
    filename, content_type, content = req.db.attachment(req.args[0])
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_").replace("\\", "_")
    disposition = f'attachment; filename="{ascii_name}"; filename*=UTF-8\'\'{quote(filename, safe="")}'
    return Reply(200, None, raw=content, headers={"Content-Type": content_type,
                                                   "Content-Disposition": disposition})


def get_availability(req: Request) -> Reply:
    """Whether the calling agent takes tickets now."""
    assert req.agent is not None
    return Reply(200, req.server.availability.get(req.agent["id"]))


def put_availability(req: Request) -> Reply:
    """Set the calling agent's availability: `{"available": true|false}` (a shift starts or ends)."""
    assert req.agent is not None
    available = req.json.get("available")
    if not isinstance(available, bool) or set(req.json) != {"available"}:
        raise bad_request('send {"available": true} or {"available": false}')
    return Reply(200, req.server.availability.set(req.agent["id"], available))


def post_activity(req: Request) -> Reply:
    ticket, message = req.server.simulator.act_once()
    return Reply(201, {"ticket": ticket, "message": message})


Endpoint = Callable[[Request], Reply]
ROUTES: list[tuple[str, re.Pattern[str], str, Endpoint]] = [
    # (method, path, who may call: none | read (any token) | agent | admin, endpoint)
    ("GET", re.compile("/healthz"), "none", lambda req: Reply(200, {"ok": True})),
    ("GET", re.compile(f"{API}/me"), "agent", lambda req: Reply(200, req.agent)),
    ("GET", re.compile(f"{API}/me/availability"), "agent", get_availability),
    ("PUT", re.compile(f"{API}/me/availability"), "agent", put_availability),
    ("GET", re.compile(f"{API}/agents"), "read", lambda req: Reply(200, {"agents": req.server.agents})),
    ("GET", re.compile(f"{API}/canned"), "read", lambda req: Reply(200, {"canned": list(CANNED)})),
    ("GET", re.compile(f"{API}/changes"), "read", get_changes),
    ("GET", re.compile(f"{API}/tickets"), "read", get_recent),
    ("POST", re.compile(f"{API}/tickets"), "admin", post_ticket),
    ("GET", re.compile(f"{API}/tickets/([^/]+)"), "read", get_ticket),
    ("PATCH", re.compile(f"{API}/tickets/([^/]+)"), "agent", patch_ticket),
    ("GET", re.compile(f"{API}/tickets/([^/]+)/messages"), "read", get_messages),
    ("POST", re.compile(f"{API}/tickets/([^/]+)/messages"), "agent", post_message),
    ("POST", re.compile(f"{API}/tickets/([^/]+)/customer-messages"), "admin", post_customer_message),
    ("POST", re.compile(f"{API}/_demo/activity"), "admin", post_activity),
    ("GET", re.compile(f"{API}/attachments/([^/]+)"), "read", get_attachment),
]


def route(method: str, path: str) -> tuple[str, Endpoint, tuple[str, ...]]:
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
