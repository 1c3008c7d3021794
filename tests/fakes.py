"""Provides `FakeHelpdesk`: the reference API (docs/api.md) in memory, as an `httpx.MockTransport` handler.

It is how the adapter and the sync engine are tested without a server. It keeps tickets, messages and
people in dicts, speaks the same JSON as the demo helpdesk (cursor delta sync, ETag/304, gzip, `If-Match`
→ 412, idempotent markers), counts requests per path, and can be told to misbehave:

    fake.fail_next(1, "drop", method="POST")   # apply the write, then lose the response

Fault kinds:
- "connect": `httpx.ConnectError` before the request reaches the server (nothing applied, not counted);
- "drop": the server applies the request, then `httpx.ReadError` (the response was lost);
- "status:NNN": that status with a JSON error, nothing applied (429 and 503 carry `Retry-After: 3`);
- "html": 200 with an HTML page, nothing applied (a captive portal or a proxy error page);
- "truncated": the server applies the request, then the JSON body arrives cut in half.

Time is fake too: every change advances `now` by one minute from `FAKE_T0`.
"""

from __future__ import annotations

import copy
import gzip
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

from supportterm.backends.demo import DemoBackend
from supportterm.backends.http import Meter, make_client

BASE_URL = "http://helpdesk.test"
API = "/api/v1"
FAKE_T0 = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)

STATUSES = frozenset({"new", "open", "pending", "on_hold", "solved", "closed"})
PRIORITIES = frozenset({"low", "normal", "high", "urgent"})
CHANNELS = frozenset({"email", "phone", "web", "chat", "forum"})
_SIMPLE_FAULTS = frozenset({"connect", "drop", "html", "truncated"})


class _Reply(Exception):
    """Raised inside a route to answer at once with an error status."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": code, "message": message, **extra}


@dataclass
class _Fault:
    remaining: int
    kind: str
    path: str | None
    method: str | None


class FakeHelpdesk:
    """An in-memory helpdesk speaking the reference API; see the module docstring."""

    def __init__(self, *, gzip_responses: bool = True) -> None:
        self.people: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, str] = {}
        """Bearer token → agent id."""
        self.tickets: dict[str, dict[str, Any]] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.now = FAKE_T0
        self.hits: Counter[str] = Counter()
        """Requests that reached the server, per URL path (e.g. "/api/v1/changes")."""
        self.requests: list[httpx.Request] = []
        self.gzip_responses = gzip_responses
        self._seq = 0
        self._ticket_seq: dict[str, int] = {}
        self._person_seq: dict[str, int] = {}
        self._by_marker: dict[tuple[str, str], dict[str, Any]] = {}
        self._faults: list[_Fault] = []
        self._next_message = 1
        self.add_agent("a1", "Aysel Mammadova", token="demo-aysel")
        self.add_agent("a2", "Boris Ivanov", token="demo-boris")
        self.add_customer("c1", "Customer One")

    # ----------------------------------------------------------------------------------------------
    # Test-side API: seed data, act as a customer, script faults, read counters.

    def add_agent(self, agent_id: str, name: str, *, token: str) -> dict[str, Any]:
        """An agent who can sign in with `token`."""
        self.tokens[token] = agent_id
        return self._add_person(agent_id, name, "agent")

    def add_customer(self, customer_id: str, name: str, **extra: Any) -> dict[str, Any]:
        """A customer who can own tickets."""
        return self._add_person(customer_id, name, "customer", **extra)

    def add_ticket(
        self, subject: str = "Cannot log in", *, body: str = "Hello, I cannot log in.", **fields: Any
    ) -> dict[str, Any]:
        """A ticket with its first customer message; returns the live ticket dict."""
        ticket_id = str(len(self.tickets) + 1)
        stamp = self._tick()
        ticket: dict[str, Any] = {
            "id": ticket_id, "subject": subject, "status": "new", "priority": "normal",
            "channel": "email", "language": "en", "requester_id": "c1", "assignee_id": None,
            "created_at": stamp, "updated_at": stamp, "due_at": None, "last_customer_at": None,
            "last_agent_at": None, "message_count": 0, "tags": [], "version": "",
        }
        ticket.update(fields)
        self.tickets[ticket_id] = ticket
        self.messages[ticket_id] = []
        self._add_message(ticket, author=self.people[ticket["requester_id"]], body=body,
                          visibility="public", marker=None, stamp=stamp)
        return ticket

    def customer_writes(self, ticket_id: str, body: str = "Any news?") -> dict[str, Any]:
        """A follow-up from the ticket's requester; reopens a pending or solved ticket."""
        ticket = self.tickets[ticket_id]
        if ticket["status"] in ("pending", "solved"):
            ticket["status"] = "open"
        return self._add_message(ticket, author=self.people[ticket["requester_id"]], body=body,
                                 visibility="public", marker=None, stamp=self._tick())

    def thread(self, ticket_id: str) -> list[dict[str, Any]]:
        """The server-side thread of a ticket, oldest first."""
        return self.messages[ticket_id]

    def with_marker(self, marker: str) -> list[dict[str, Any]]:
        """Every server-side message carrying `marker` (more than one would be a duplicate)."""
        return [m for thread in self.messages.values() for m in thread if m["marker"] == marker]

    def fail_next(self, n: int, kind: str, *, path: str | None = None, method: str | None = None) -> None:
        """Make the next `n` matching requests fail as `kind` (module docstring lists the kinds).

        `path` matches any request whose URL path contains it; `method` matches exactly.
        """
        if kind not in _SIMPLE_FAULTS and not (kind.startswith("status:") and kind[7:].isdigit()):
            raise ValueError(f"unknown fault kind {kind!r}")
        self._faults.append(_Fault(n, kind, path, method.upper() if method else None))

    @property
    def total_requests(self) -> int:
        """Requests that reached the server, all paths together."""
        return sum(self.hits.values())

    def transport(self) -> httpx.MockTransport:
        """A transport that routes every request to this fake."""
        return httpx.MockTransport(self.handler)

    def client(self, *, meter: Meter | None = None) -> httpx.AsyncClient:
        """A client set up like the real one (`make_client`: gzip, meter) over this fake."""
        return make_client(BASE_URL, meter=meter, transport=self.transport())

    def backend(self, *, token: str | None = "demo-aysel", meter: Meter | None = None) -> DemoBackend:
        """A DemoBackend talking to this fake."""
        return DemoBackend({"url": BASE_URL}, client=self.client(meter=meter), token=token)

    # ----------------------------------------------------------------------------------------------
    # The server side.

    def handler(self, request: httpx.Request) -> httpx.Response:
        """The MockTransport handler: faults first, then the API."""
        fault = self._take_fault(request)
        if fault == "connect":
            raise httpx.ConnectError("Connection refused (scripted fault)", request=request)
        self.hits[request.url.path] += 1
        self.requests.append(request)
        if fault is not None and fault.startswith("status:"):
            code = int(fault[7:])
            headers = {"Retry-After": "3"} if code in (429, 503) else {}
            return self._encode(request, code, {"error": "fault", "message": f"Scripted HTTP {code}."},
                                headers, compress=False)
        if fault == "html":
            page = b"<!DOCTYPE html><html><body><h1>Gateway says hello</h1></body></html>"
            return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, content=page)
        try:
            status, body, headers = self._route(request)
        except _Reply as reply:
            status, body, headers = reply.status, reply.body, {}
        if fault == "drop":
            raise httpx.ReadError("Connection reset by peer (scripted fault)", request=request)
        return self._encode(request, status, body, headers, compress=fault != "truncated",
                            truncate=fault == "truncated")

    def _route(self, request: httpx.Request) -> tuple[int, Any, dict[str, str]]:
        path = request.url.path
        if not path.startswith(API + "/"):
            raise _Reply(404, "not_found", "No such endpoint.")
        agent = self._authenticate(request)
        parts = path[len(API) + 1 :].split("/")
        method = request.method
        if method == "GET" and parts == ["me"]:
            return self._conditional(request, 200, self.people[agent])
        if method == "GET" and parts == ["changes"]:
            return self._changes(request)
        if method == "GET" and parts == ["canned"]:
            canned = [{"id": "k1", "title": "Thanks", "body": "Thank you for writing.", "language": "en",
                       "tags": ["polite"]}]
            return self._conditional(request, 200, {"canned": canned})
        if method == "GET" and parts == ["tickets"]:
            return self._recent(request)
        if len(parts) >= 2 and parts[0] == "tickets":
            ticket = self.tickets.get(parts[1])
            if ticket is None:
                raise _Reply(404, "not_found", f"Ticket {parts[1]} does not exist.")
            if parts[2:] == [] and method == "GET":
                return self._conditional(request, 200, ticket)
            if parts[2:] == [] and method == "PATCH":
                return self._patch(request, ticket)
            if parts[2:] == ["messages"] and method == "GET":
                return self._list_messages(request, ticket)
            if parts[2:] == ["messages"] and method == "POST":
                return self._post_message(request, ticket, agent)
        raise _Reply(404, "not_found", "No such endpoint.")

    def _authenticate(self, request: httpx.Request) -> str:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        agent = self.tokens.get(token) if scheme == "Bearer" else None
        if agent is None:
            raise _Reply(401, "unauthorized", "Missing or unknown token.")
        return agent

    def _changes(self, request: httpx.Request) -> tuple[int, Any, dict[str, str]]:
        params = request.url.params
        try:
            since = int(params["cursor"].removeprefix("c")) if "cursor" in params else 0
            limit = min(max(int(params.get("limit", "500")), 1), 2000)
        except ValueError:
            raise _Reply(400, "bad_request", "Bad cursor or limit.") from None
        changed = sorted((seq, tid) for tid, seq in self._ticket_seq.items() if seq > since)
        page = changed[:limit]
        next_seq = page[-1][0] if page else since
        tickets = [self.tickets[tid] for _, tid in page]
        wanted = {t["requester_id"] for t in tickets}
        wanted |= {t["assignee_id"] for t in tickets if t["assignee_id"]}
        people = [self.people[p] for p in sorted(wanted) if self._person_seq[p] > since]
        body = {"tickets": tickets, "people": people, "cursor": f"c{next_seq}",
                "has_more": len(changed) > limit}
        # The tag names the state the client reaches with this answer, so an idle client that sends
        # back its last tag with its last cursor gets a 304.
        return self._conditional(request, 200, body, etag=f'"c{next_seq}"')

    def _recent(self, request: httpx.Request) -> tuple[int, Any, dict[str, str]]:
        limit = int(request.url.params.get("limit", "50"))
        newest = sorted(self.tickets.values(), key=lambda t: (t["updated_at"], t["id"]), reverse=True)[:limit]
        wanted = {t["requester_id"] for t in newest} | {t["assignee_id"] for t in newest if t["assignee_id"]}
        return self._conditional(
            request, 200, {"tickets": newest, "people": [self.people[p] for p in sorted(wanted)]}
        )

    def _list_messages(
        self, request: httpx.Request, ticket: dict[str, Any]
    ) -> tuple[int, Any, dict[str, str]]:
        found = self.messages[ticket["id"]]
        after = request.url.params.get("after")
        if after:
            ids = [m["id"] for m in found]
            if after not in ids:
                raise _Reply(400, "bad_request", f"Unknown message id {after}.")
            found = found[ids.index(after) + 1 :]
        marker = request.url.params.get("marker")
        if marker:
            found = [m for m in found if m["marker"] == marker]
        return self._conditional(request, 200, {"messages": found})

    def _post_message(
        self, request: httpx.Request, ticket: dict[str, Any], agent: str
    ) -> tuple[int, Any, dict[str, str]]:
        data = _json_request(request)
        body, visibility, marker = data.get("body"), data.get("visibility", "public"), data.get("marker")
        if not isinstance(body, str) or not body.strip():
            raise _Reply(400, "bad_request", "The message body is empty.")
        if visibility not in ("public", "internal"):
            raise _Reply(400, "bad_request", f"Unknown visibility {visibility!r}.")
        if "status" in data and data["status"] not in STATUSES:
            raise _Reply(400, "bad_request", f"Unknown status {data['status']!r}.")
        if marker is not None and (not isinstance(marker, str) or len(marker) > 100):
            raise _Reply(400, "bad_request", "A marker is a string of at most 100 characters.")
        if marker and (ticket["id"], marker) in self._by_marker:
            return 200, self._by_marker[(ticket["id"], marker)], {}  # idempotent repeat
        self._check_version(request, ticket)
        if "status" in data:
            ticket["status"] = data["status"]
        message = self._add_message(ticket, author=self.people[agent], body=body, visibility=visibility,
                                    marker=marker, stamp=self._tick())
        result = {"message": message, "ticket": copy.deepcopy(ticket)}
        if marker:
            self._by_marker[(ticket["id"], marker)] = result
        return 201, result, {}

    def _patch(self, request: httpx.Request, ticket: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        data = _json_request(request)
        unknown = set(data) - {"status", "priority", "assignee_id"}
        if unknown:
            raise _Reply(400, "bad_request", f"Unknown fields: {', '.join(sorted(unknown))}.")
        if "status" in data and data["status"] not in STATUSES:
            raise _Reply(400, "bad_request", "Unknown status.")
        if "priority" in data and data["priority"] not in PRIORITIES:
            raise _Reply(400, "bad_request", "Unknown priority.")
        assignee = data.get("assignee_id")
        if assignee and self.people.get(assignee, {}).get("role") != "agent":
            raise _Reply(400, "bad_request", "The assignee is not an agent.")
        self._check_version(request, ticket)
        ticket.update({k: (v or None) if k == "assignee_id" else v for k, v in data.items()})
        self._bump(ticket, self._tick())
        return 200, ticket, {}

    def _check_version(self, request: httpx.Request, ticket: dict[str, Any]) -> None:
        expected = request.headers.get("If-Match")
        if expected and expected != ticket["version"]:
            raise _Reply(412, "conflict", "The ticket changed since you saw it.",
                         ticket=copy.deepcopy(ticket))

    # ----------------------------------------------------------------------------------------------
    # Helpers.

    def _add_person(self, person_id: str, name: str, role: str, **extra: Any) -> dict[str, Any]:
        person = {"id": person_id, "role": role, "name": name, "email": f"{person_id}@example.com",
                  "organization": None, "language": None, **extra}
        self._seq += 1
        self.people[person_id] = person
        self._person_seq[person_id] = self._seq
        return person

    def _add_message(
        self, ticket: dict[str, Any], *, author: dict[str, Any], body: str, visibility: str,
        marker: str | None, stamp: str,
    ) -> dict[str, Any]:
        message = {
            "id": f"m{self._next_message}", "ticket_id": ticket["id"], "author_id": author["id"],
            "author_role": author["role"], "author_name": author["name"], "visibility": visibility,
            "body": body, "created_at": stamp, "marker": marker,
        }
        self._next_message += 1
        self.messages[ticket["id"]].append(message)
        ticket["message_count"] += 1
        if visibility == "public":
            ticket["last_customer_at" if author["role"] == "customer" else "last_agent_at"] = stamp
        self._bump(ticket, stamp)
        return message

    def _bump(self, ticket: dict[str, Any], stamp: str) -> None:
        self._seq += 1
        ticket["version"] = f"v{self._seq}"
        ticket["updated_at"] = stamp
        self._ticket_seq[ticket["id"]] = self._seq

    def _tick(self) -> str:
        self.now += timedelta(minutes=1)
        return self.now.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _take_fault(self, request: httpx.Request) -> str | None:
        for fault in self._faults:
            if fault.method not in (None, request.method):
                continue
            if fault.path is not None and fault.path not in request.url.path:
                continue
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._faults.remove(fault)
            return fault.kind
        return None

    def _conditional(
        self, request: httpx.Request, status: int, body: Any, *, etag: str | None = None
    ) -> tuple[int, Any, dict[str, str]]:
        tag = etag or '"' + hashlib.sha1(_dumps(body)).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == tag:
            return 304, None, {"ETag": tag}
        return status, body, {"ETag": tag}

    def _encode(
        self, request: httpx.Request, status: int, body: Any, headers: dict[str, str], *,
        compress: bool = True, truncate: bool = False,
    ) -> httpx.Response:
        if body is None:
            return httpx.Response(status, headers=headers)
        raw = _dumps(body)
        if truncate:
            raw = raw[: len(raw) // 2]
        headers = {"Content-Type": "application/json; charset=utf-8", **headers}
        wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        if compress and self.gzip_responses and wants_gzip and len(raw) > 256:
            raw = gzip.compress(raw, mtime=0)
            headers.update({"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return httpx.Response(status, headers=headers, content=raw)


def _dumps(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _json_request(request: httpx.Request) -> dict[str, Any]:
    try:
        data = json.loads(request.content or b"{}")
    except ValueError:
        raise _Reply(400, "bad_request", "The body is not JSON.") from None
    if not isinstance(data, dict):
        raise _Reply(400, "bad_request", "The body is not a JSON object.")
    return data
