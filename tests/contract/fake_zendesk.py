"""Provides a contract fake of Zendesk Support API v2 on loopback, and its `Live` for the conformance suite.

It follows the documented API (developer.zendesk.com/api-reference): `/api/v2/...` paths with `.json`,
API-token Basic auth (`{email}/token:{token}`) and OAuth Bearer tokens, `/users/me`, `/users/show_many`,
search (`type:ticket`, `status<`, `updated>`; offset pages of at most 100, 1,000 results, sorted),
the cursor-based incremental export (admins only, the last minute excluded), comments with cursor
pagination (`page[size]`, `page[after]`, `meta.has_more`, `links.next`) and `include=users`,
`PUT /tickets/{id}` with `comment {body, public}`, status/priority/assignee and `safe_update` +
`updated_stamp` (409 when the ticket is newer), macros, the SLA sideload, rate-limit headers, gzip,
and the agent's unified status (Agent Availability show, Unified Agent Status update for self; an agent
in `status_locked` gets the documented 403, as a role without the right to change its status does).
Seed data, error bodies and the accepted update body are the JSON files in fixtures/zendesk/.
Timestamps have Zendesk's one-second resolution.
"""

from __future__ import annotations

import base64
import copy
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
from contract.loopback import LoopbackServer, Reply, Request
from helpdesk_live import Live

from supportterm.backends.zendesk_map import STATUS_FROM_ZD
from supportterm.domain.models import Status

KIND = "zendesk"
FIXTURES = Path(__file__).parent / "fixtures" / "zendesk"
AGENT_EMAIL, AGENT_TOKEN = "agent@acme.example", "zd-agent-api-token-0123456789"
ADMIN_EMAIL, ADMIN_TOKEN = "admin@acme.example", "zd-admin-api-token-0123456789"
OAUTH_TOKENS = {"zd-oauth-access-agent": 361000001}
CUSTOMER_ID = 361000010
STATUS_ORDER = ["new", "open", "pending", "hold", "solved", "closed"]
RATE_LIMIT = 700


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _epoch(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def _cursor(data: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode()


def _uncursor(text: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(text.encode()))


class FakeZendesk:
    """The fake's state (users, tickets, comments, macros) and its routes."""

    def __init__(self) -> None:
        seed = load("seed.json")
        self.errors = load("errors.json")
        self.update_schema = load("update_request.json")["ticket"]
        self.users = {u["id"]: u for u in seed["users"]}
        self.tickets = {t["id"]: t for t in seed["tickets"]}
        self.comments = {int(k): v for k, v in seed["comments"].items()}
        self.macros = seed["macros"]
        availability = load("availability.json")
        self.agent_statuses = {s["id"]: s for s in availability["statuses"]}
        self.agent_status = {int(k): v for k, v in availability["agent_status"].items()}
        self.availability_errors = availability["errors"]
        self.status_locked: set[int] = set()
        """Agents whose role may not change their own status."""
        self.next_ticket, self.next_comment, self.next_audit = 40000, 9000000, 9500000
        self.export_delay_s = 60
        """The incremental export leaves out the last minute (Zendesk, since 2024-10-28)."""
        self.server = LoopbackServer()
        self.server.extra_headers = self._rate_headers
        self._minute: tuple[int, int] = (0, 0)
        r = self.server.route
        r("GET", r"/api/v2/users/me(?:\.json)?", self.me)
        r("GET", r"/api/v2/users/show_many(?:\.json)?", self.show_many)
        r("GET", r"/api/v2/search(?:\.json)?", self.search)
        r("GET", r"/api/v2/incremental/tickets/cursor(?:\.json)?", self.incremental)
        r("POST", r"/api/v2/tickets(?:\.json)?", self.create)
        r("GET", r"/api/v2/tickets/(\d+)(?:\.json)?", self.show)
        r("PUT", r"/api/v2/tickets/(\d+)(?:\.json)?", self.update)
        r("GET", r"/api/v2/tickets/(\d+)/comments(?:\.json)?", self.list_comments)
        r("GET", r"/api/v2/macros/active(?:\.json)?", self.active_macros)
        r("GET", r"/api/v2/agent_availabilities/(\d+)", self.show_availability)
        r("PUT", r"/api/v2/agent_availabilities/agent_statuses/agents/me", self.set_my_status)

    # -- plumbing ----------------------------------------------------------------------------------

    def _rate_headers(self, request: Request) -> dict[str, str]:
        minute = int(time.time() // 60)
        used = self._minute[1] + 1 if self._minute[0] == minute else 1
        self._minute = (minute, used)
        return {"X-Rate-Limit": str(RATE_LIMIT), "X-Rate-Limit-Remaining": str(max(0, RATE_LIMIT - used))}

    def caller(self, request: Request) -> dict[str, Any] | None:
        """The user the credentials belong to; None when they are refused."""
        auth = request.headers.get("authorization", "")
        if auth.startswith("Bearer "):
            user_id = OAUTH_TOKENS.get(auth[7:].strip())
            return self.users.get(user_id) if user_id else None
        if auth.startswith("Basic "):
            user, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            pairs = {f"{AGENT_EMAIL}/token": AGENT_TOKEN, f"{ADMIN_EMAIL}/token": ADMIN_TOKEN}
            if pairs.get(user) == secret:
                return next(u for u in self.users.values() if u["email"] == user.removesuffix("/token"))
        return None

    def error(self, status: int, key: str | None = None) -> Reply:
        return Reply(status, self.errors[key or str(status)])

    def _agent(self, request: Request) -> tuple[dict[str, Any] | None, Reply | None]:
        user = self.caller(request)
        if user is None:
            return None, self.error(401)
        if user["role"] == "end-user":
            return None, self.error(403)
        return user, None

    def _touch(self, ticket: dict[str, Any]) -> None:
        ticket["updated_at"] = stamp()
        ticket["generated_timestamp"] = _epoch(ticket["updated_at"])

    def _public(self, ticket: dict[str, Any], slas: bool = False) -> dict[str, Any]:
        shown = copy.deepcopy(ticket)
        if not slas:
            shown.pop("slas", None)
        return shown

    # -- users ---------------------------------------------------------------------------------------

    def me(self, request: Request) -> Reply:
        user = self.caller(request)
        if user is None and request.headers.get("authorization"):
            return self.error(401)
        if user is None:  # Zendesk answers an unauthenticated /users/me with the anonymous user
            anonymous = {"id": None, "name": "Anonymous user", "role": "end-user", "email": None}
            return Reply(200, {"user": anonymous})
        return Reply(200, {"user": user})

    def show_many(self, request: Request) -> Reply:
        _, refused = self._agent(request)
        if refused:
            return refused
        ids = [int(i) for i in (request.arg("ids") or "").split(",") if i.strip()]
        if len(ids) > 100:
            return self.error(422)
        return Reply(200, {"users": [self.users[i] for i in ids if i in self.users],
                           "next_page": None, "previous_page": None, "count": len(ids)})

    # -- agent availability -------------------------------------------------------------------------

    def _status_document(self, agent_id: int, *, full: bool) -> dict[str, Any]:
        """An Agent Availability (full) or Unified Agent Status document for one agent."""
        status = self.agent_statuses[self.agent_status.get(agent_id, 2)]
        attributes: dict[str, Any] = {"agent_id": agent_id,
                                      "agent_status": {"id": status["id"], "name": status["name"]}}
        if full:
            attributes["agent_status"].update(reason="PUBLIC_API", updated_at=stamp())
            attributes.update(group_ids=[], skills=[], version=1)
        return {"data": {"attributes": attributes, "id": f"agent_availabilities|{agent_id}",
                         "type": "agent_availabilities"}}

    def show_availability(self, request: Request, agent_id: str) -> Reply:
        user, refused = self._agent(request)
        if refused or user is None:
            return refused or self.error(401)
        if int(agent_id) != user["id"] and user["role"] != "admin":
            return Reply(403, self.availability_errors["403"])
        if int(agent_id) not in self.users:
            return self.error(404)
        return Reply(200, self._status_document(int(agent_id), full=True))

    def set_my_status(self, request: Request) -> Reply:
        user, refused = self._agent(request)
        if refused or user is None:
            return refused or self.error(401)
        if user["id"] in self.status_locked:
            return Reply(403, self.availability_errors["403"])
        body = request.json()
        wanted = body.get("id") if isinstance(body, dict) else None
        if not isinstance(wanted, int) or wanted not in self.agent_statuses:
            template = json.dumps(self.availability_errors["unknown_status"])
            return Reply(400, json.loads(template.replace("{id}", str(wanted))))
        self.agent_status[user["id"]] = wanted
        return Reply(200, self._status_document(user["id"], full=False))

    # -- search and export ---------------------------------------------------------------------------

    def _matches(self, ticket: dict[str, Any], terms: list[str]) -> bool:
        for term in terms:
            for op in ("<=", ">=", "<", ">", ":"):
                key, found, value = term.partition(op)
                if found and key.isalpha():
                    break
            else:
                key, op, value = "", "", term
            if key == "type":
                continue
            if key == "status":
                have, want = STATUS_ORDER.index(ticket["status"]), STATUS_ORDER.index(value)
                if not {"<": have < want, ">": have > want, "<=": have <= want, ">=": have >= want,
                        ":": have == want}[op]:
                    return False
            elif key in ("updated", "created"):
                have_t = _epoch(ticket[f"{key}_at"])
                want_t = _epoch(value if "T" in value else value + "T00:00:00Z")
                if not {"<": have_t < want_t, ">": have_t > want_t, "<=": have_t <= want_t,
                        ">=": have_t >= want_t, ":": have_t == want_t}[op]:
                    return False
            elif key == "":
                text = f"{ticket['subject']} {ticket.get('description') or ''}".lower()
                if value.lower() not in text:
                    return False
        return True

    def search(self, request: Request) -> Reply:
        _, refused = self._agent(request)
        if refused:
            return refused
        terms = (request.arg("query") or "").split()
        per_page = min(100, int(request.arg("per_page") or 100))
        page = int(request.arg("page") or 1)
        if page * per_page > 1000:
            return Reply(422, {"error": "InvalidPaginationParameter",
                               "description": "Search results are limited to 1,000."})
        found = [t for t in self.tickets.values() if "type:ticket" in terms and self._matches(t, terms)]
        reverse = request.arg("sort_order") == "desc"
        sort_key = request.arg("sort_by") or "updated_at"
        found.sort(key=lambda t: (t.get(sort_key) or "", t["id"]), reverse=reverse)
        chunk = found[(page - 1) * per_page: page * per_page]
        more = page * per_page < min(len(found), 1000)
        next_url = f"{self.server.url}/api/v2/search.json?page={page + 1}" if more else None
        results = [dict(self._public(t), result_type="ticket") for t in chunk]
        return Reply(200, {"results": results, "facets": None, "next_page": next_url,
                           "previous_page": None, "count": len(found)})

    def incremental(self, request: Request) -> Reply:
        user, refused = self._agent(request)
        if refused:
            return refused
        if user and user["role"] != "admin":
            return self.error(403)
        if request.arg("cursor"):
            after = _uncursor(request.arg("cursor") or "")
            position = (after["t"], after["id"])
        else:
            position = (int(request.arg("start_time") or 0) - 1, 10**12)
        end = int(time.time()) - self.export_delay_s
        per_page = min(1000, int(request.arg("per_page") or 1000))
        found = sorted((t for t in self.tickets.values()
                        if position < (t["generated_timestamp"], t["id"]) and t["generated_timestamp"] < end),
                       key=lambda t: (t["generated_timestamp"], t["id"]))
        chunk = found[:per_page]
        last = (chunk[-1]["generated_timestamp"], chunk[-1]["id"]) if chunk else position
        after_cursor = _cursor({"t": last[0], "id": last[1]})
        return Reply(200, {"tickets": [self._public(t) for t in chunk], "after_cursor": after_cursor,
                           "after_url": f"{request.path}?cursor={after_cursor}",
                           "before_cursor": None, "before_url": None,
                           "end_of_stream": len(found) <= per_page})

    # -- tickets -------------------------------------------------------------------------------------

    def create(self, request: Request) -> Reply:
        user, refused = self._agent(request)
        if refused or user is None:
            return refused or self.error(401)
        body = request.json()["ticket"]
        self.next_ticket += 1
        now = stamp()
        requester = int(body.get("requester_id") or user["id"])
        ticket = {
            "id": self.next_ticket, "url": f"{self.server.url}/api/v2/tickets/{self.next_ticket}.json",
            "via": {"channel": "web", "source": {"from": {}, "to": {}, "rel": None}},
            "created_at": now, "updated_at": now, "generated_timestamp": _epoch(now), "type": None,
            "subject": body.get("subject") or "", "raw_subject": body.get("subject") or "",
            "description": body["comment"]["body"], "priority": body.get("priority"),
            "status": body.get("status") or "new", "requester_id": requester,
            "submitter_id": int(body.get("submitter_id") or user["id"]),
            "assignee_id": body.get("assignee_id"),
            "organization_id": None, "group_id": None, "collaborator_ids": [], "follower_ids": [],
            "email_cc_ids": [], "is_public": True, "due_at": None, "tags": body.get("tags") or [],
            "custom_fields": [], "satisfaction_rating": None, "fields": [], "followup_ids": [],
        }
        self.tickets[ticket["id"]] = ticket
        self.comments[ticket["id"]] = []
        self._add_comment(ticket, body["comment"], ticket["submitter_id"])
        return Reply(201, {"ticket": self._public(ticket), "audit": {}})

    def show(self, request: Request, ticket_id: str) -> Reply:
        _, refused = self._agent(request)
        if refused:
            return refused
        ticket = self.tickets.get(int(ticket_id))
        if ticket is None:
            return self.error(404)
        slas = "slas" in (request.arg("include") or "")
        return Reply(200, {"ticket": self._public(ticket, slas=slas)})

    def _invalid(self, body: Any) -> str | None:
        """Why an update body does not follow the documented shape (update_request.json), if it does not."""
        if not isinstance(body, dict) or set(body) != {"ticket"} or not isinstance(body["ticket"], dict):
            return "body must be {\"ticket\": {...}}"
        for key, value in body["ticket"].items():
            allowed = self.update_schema.get(key)
            if allowed is None:
                return f"unknown ticket field {key!r}"
            if isinstance(allowed, list) and value not in allowed:
                return f"{key} cannot be {value!r}"
            if key == "comment" and (set(value) - set(allowed) or not isinstance(value.get("body"), str)):
                return "comment takes body, html_body, public, author_id"
        return None

    def _add_comment(self, ticket: dict[str, Any], comment: dict[str, Any], author: int) -> dict[str, Any]:
        self.next_comment += 1
        self.next_audit += 1
        body = comment.get("body") or ""
        made = {"id": self.next_comment, "type": "Comment",
                "author_id": int(comment.get("author_id") or author), "body": body,
                "html_body": f"<div class=\"zd-comment\"><p>{body}</p></div>", "plain_body": body,
                "public": bool(comment.get("public", True)), "attachments": [], "audit_id": self.next_audit,
                "via": {"channel": "api", "source": {"from": {}, "to": {}, "rel": None}},
                "created_at": stamp(), "metadata": {"system": {}, "custom": {}}}
        self.comments[ticket["id"]].append(made)
        return made

    def update(self, request: Request, ticket_id: str) -> Reply:
        user, refused = self._agent(request)
        if refused or user is None:
            return refused or self.error(401)
        ticket = self.tickets.get(int(ticket_id))
        if ticket is None:
            return self.error(404)
        body = request.json()
        problem = self._invalid(body)
        if problem:
            return Reply(400, {"error": "InvalidParams", "description": problem})
        fields = body["ticket"]
        if fields.get("safe_update") and fields.get("updated_stamp"):
            if _epoch(ticket["updated_at"]) > _epoch(fields["updated_stamp"]):
                return self.error(409)
        if fields.get("status") == "solved" and not (fields.get("assignee_id") or ticket.get("assignee_id")):
            fields = {**fields, "assignee_id": user["id"]}  # Zendesk assigns the solving agent
        if ticket["status"] == "closed":
            return self.error(422)
        events: list[dict[str, Any]] = []
        if "comment" in fields:
            made = self._add_comment(ticket, fields["comment"], user["id"])
            events.append({k: made[k] for k in ("id", "type", "author_id", "body", "html_body", "public",
                                                "attachments", "audit_id")})
        for key in ("status", "priority", "assignee_id", "subject", "tags"):
            if key in fields and ticket.get(key) != fields[key]:
                events.append({"id": self.next_audit * 10 + len(events), "type": "Change", "field_name": key,
                               "value": fields[key], "previous_value": ticket.get(key)})
                ticket[key] = fields[key]
        self._touch(ticket)
        audit = {"id": self.next_audit, "ticket_id": ticket["id"], "created_at": ticket["updated_at"],
                 "author_id": user["id"], "metadata": {"system": {}, "custom": {}},
                 "via": {"channel": "api"}, "events": events}
        return Reply(200, {"ticket": self._public(ticket), "audit": audit})

    def list_comments(self, request: Request, ticket_id: str) -> Reply:
        _, refused = self._agent(request)
        if refused:
            return refused
        comments = self.comments.get(int(ticket_id))
        if comments is None:
            return self.error(404)
        ordered = sorted(comments, key=lambda c: c["id"], reverse=request.arg("sort") == "-created_at")
        size = min(100, int(request.arg("page[size]") or 100))
        start = int(_uncursor(request.arg("page[after]"))["i"]) if request.arg("page[after]") else 0
        chunk = ordered[start:start + size]
        more = start + size < len(ordered)
        after = _cursor({"i": start + size}) if chunk else None
        body: dict[str, Any] = {
            "comments": chunk,
            "meta": {"has_more": more, "after_cursor": after, "before_cursor": _cursor({"i": start})},
            "links": {"next": f"{request.path}?page[after]={after}" if more else None, "prev": None},
        }
        if "users" in (request.arg("include") or ""):
            authors = {c["author_id"] for c in chunk}
            body["users"] = [self.users[a] for a in sorted(authors) if a in self.users]
        return Reply(200, body)

    def active_macros(self, request: Request) -> Reply:
        _, refused = self._agent(request)
        if refused:
            return refused
        size = min(100, int(request.arg("page[size]") or 100))
        start = int(_uncursor(request.arg("page[after]"))["i"]) if request.arg("page[after]") else 0
        chunk = self.macros[start:start + size]
        more = start + size < len(self.macros)
        after = _cursor({"i": start + size})
        meta = {"has_more": more, "after_cursor": after if more else None}
        return Reply(200, {"macros": chunk, "meta": meta, "links": {"next": None}})


class ZendeskLive(Live):
    """The fake as the conformance suite sees it; checks go through the fake's API as the admin."""

    fake: FakeZendesk

    def _api(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        admin = (f"{ADMIN_EMAIL}/token", ADMIN_TOKEN)
        response = httpx.request(method, f"{self.url}/api/v2{path}", auth=admin, timeout=10, **kw)
        response.raise_for_status()
        return response.json()

    def create_ticket(self, subject: str, body: str) -> str:
        # The submitter becomes the author of the first comment, so the customer submits it.
        data = self._api("POST", "/tickets.json", json={"ticket": {
            "subject": subject, "comment": {"body": body}, "requester_id": CUSTOMER_ID,
            "submitter_id": CUSTOMER_ID}})
        return str(data["ticket"]["id"])

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        comments = self._api("GET", f"/tickets/{ticket_id}/comments.json")["comments"]
        return [(c["body"], bool(c["public"])) for c in comments]

    def status(self, ticket_id: str) -> Status:
        return STATUS_FROM_ZD[self._api("GET", f"/tickets/{ticket_id}.json")["ticket"]["status"]]

    def touch(self, ticket_id: str) -> None:
        # Zendesk's updated_at has one-second resolution and safe_update compares it, so a change in
        # the very second the agent read the ticket is invisible to it (docs/backends.md, known limits).
        time.sleep(1.05 - (time.time() % 1.0))
        self._api("PUT", f"/tickets/{ticket_id}.json", json={"ticket": {
            "comment": {"body": "Any news? I am still waiting.", "public": True, "author_id": CUSTOMER_ID}}})


@contextmanager
def start(folder: Path) -> Iterator[ZendeskLive]:
    """The fake on a free loopback port for one session; the agent signs in with an API token."""
    fake = FakeZendesk()
    fake.server.start()
    try:
        live = ZendeskLive(KIND, fake.server.url, AGENT_TOKEN, options={"user": AGENT_EMAIL},
                           wrong=({"user": AGENT_EMAIL}, "not-the-api-token"), path="/api/v2")
        live.fake = fake
        yield live
    finally:
        fake.server.stop()
