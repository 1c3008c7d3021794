"""Provides a contract fake of Freshdesk API v2 on loopback, for the conformance suite and the unit tests.

It follows the documented API (fixtures/freshdesk/contract.json): Basic auth with the API key as user,
`/api/v2` paths, list filters and `Link: <…>; rel="next"` pages, whole-second timestamps, description
outside the conversations, reply/notes shapes, numeric status/priority/source, the per-minute credit
budget (includes cost 2 each) with X-Ratelimit-* headers and 429 + Retry-After, and Freshdesk's error
bodies. A request with a parameter or field the contract does not list is refused with Freshdesk's
"Validation failed" 400, so the adapter cannot drift from the documented API. Agents update their own
record (`available`, the round-robin flag); another agent's needs an admin, and an agent in
`availability_locked` is refused with 403 as a role without that right is. State is real: tickets
created through the API show up in the list, replies posted by the adapter show up in `thread`.
"""

from __future__ import annotations

import base64
import copy
import json
import math
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from helpdesk_live import Live
from vendor_server import Answer, Call, VendorServer

from supportterm.domain.models import Status

KIND = "freshdesk"
FIXTURES = Path(__file__).parent / "fixtures" / "freshdesk"
STAMP = "%Y-%m-%dT%H:%M:%SZ"
TIME_KEYS = ("created_at", "updated_at", "due_by", "fr_due_by", "nr_due_by")
STATUS_OF = {2: Status.OPEN, 3: Status.PENDING, 4: Status.SOLVED, 5: Status.CLOSED}
LIST_ONLY_WITH_DESCRIPTION = ("description", "description_text")


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class _Text(HTMLParser):
    """Freshdesk's body_text: the HTML's text, <br> and block ends as line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li") and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def body_text(body: str) -> str:
    parser = _Text()
    parser.feed(body)
    parser.close()
    return "".join(parser.parts).strip("\n")


class Refusal(Exception):
    """Stops routing with a documented error answer."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(answer.status)
        self.answer = answer


def _now() -> str:
    return datetime.now(timezone.utc).strftime(STAMP)


def _parse(stamp: str) -> datetime:
    return datetime.strptime(stamp, STAMP).replace(tzinfo=timezone.utc)


class FreshdeskFake:
    """The fake's state (agents, contacts, tickets, conversations, canned responses) and its routes."""

    def __init__(self, *, per_minute: int | None = None) -> None:
        self.contract = load("contract.json")
        self.errors = load("errors.json")
        seed = self._rebased(load("seed.json"))
        self.keys = {k: int(v) for k, v in seed["api_keys"].items()}
        self.agents = {a["id"]: a for a in seed["agents"]}
        self.contacts = {c["id"]: c for c in seed["contacts"]}
        self.conversations: dict[int, list[dict[str, Any]]] = {}
        self.tickets: dict[int, dict[str, Any]] = {}
        for ticket in seed["tickets"]:
            self.conversations[ticket["id"]] = ticket.pop("conversations")
            self.tickets[ticket["id"]] = ticket
        self.folders = seed["canned_response_folders"]
        self.admins = {int(i) for i in seed["admin_agents"]}
        self.availability_locked: set[int] = set()
        """Agents whose role may not change their availability (Freshdesk answers 403)."""
        self.per_minute = per_minute or int(self.contract["rate_limit"]["per_minute"])
        self._window = (time.monotonic(), 0)
        self.forced: list[Answer] = []
        """Answers served instead of the next calls (faults a unit test asks for), in order."""
        self.server = VendorServer(self.route)

    @staticmethod
    def _rebased(seed: dict[str, Any]) -> dict[str, Any]:
        """Moves every seed timestamp so the newest is an hour ago (the list's 30-day window is real)."""
        stamps: list[str] = []

        def walk(node: Any, fix: Any) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in TIME_KEYS and isinstance(value, str):
                        node[key] = fix(value)
                    else:
                        walk(value, fix)
            elif isinstance(node, list):
                for item in node:
                    walk(item, fix)

        walk(seed["tickets"], lambda v: stamps.append(v) or v)
        shift = datetime.now(timezone.utc) - timedelta(hours=1) - _parse(max(stamps))
        shift = timedelta(seconds=math.floor(shift.total_seconds()))
        walk(seed["tickets"], lambda v: (_parse(v) + shift).strftime(STAMP))
        return seed

    # The helpdesk's side: what customers and other agents do, for tests.

    @property
    def url(self) -> str:
        return self.server.url

    def customer_writes(self, ticket_id: int, body: str) -> dict[str, Any]:
        """A reply by e-mail from the requester: an incoming conversation; Freshdesk reopens the ticket."""
        with self.server.lock:
            ticket = self.tickets[ticket_id]
            html = f"<div>{body}</div>"
            conversation = self._conversation(ticket, html, user_id=ticket["requester_id"], incoming=True,
                                              private=False)
            if ticket["status"] in (3, 4):
                ticket["status"] = 2
            return conversation

    def agent_edits(self, ticket_id: int, **fields: Any) -> None:
        with self.server.lock:
            self.tickets[ticket_id].update(fields, updated_at=_now())

    def fail_next(self, status: int, body: Any = None, *, raw: bytes | None = None,
                  headers: dict[str, str] | None = None) -> None:
        self.forced.append(Answer(status, body, headers or {}, raw))

    # Routing.

    def route(self, call: Call) -> Answer:
        try:
            agent = self._authenticate(call)
            if self.forced:
                return self.forced.pop(0)
            cost = 1 + self.contract["rate_limit"]["include_cost"] * len(self._includes(call))
            limits = self._spend(cost)
            answer = self._dispatch(call, agent)
            answer.headers.update(limits)
            return answer
        except Refusal as refusal:
            return refusal.answer

    def _authenticate(self, call: Call) -> dict[str, Any]:
        scheme, _, encoded = call.headers.get("authorization", "").partition(" ")
        key = ""
        if scheme.lower() == "basic":
            try:
                key = base64.b64decode(encoded).decode().partition(":")[0]
            except ValueError:
                key = ""
        if key not in self.keys:
            raise Refusal(Answer(401, self.errors["401"]))
        return self.agents[self.keys[key]]

    def _spend(self, cost: int) -> dict[str, str]:
        """The account's per-minute credit budget; failed calls count too (as Freshdesk documents)."""
        started, used = self._window
        now = time.monotonic()
        if now - started >= 60:
            started, used = now, 0
        if used + cost > self.per_minute:
            self._window = (started, used + 1)
            retry = max(1, math.ceil(60 - (now - started)))
            raise Refusal(Answer(429, self.errors["429"], {
                "Retry-After": str(retry), "X-Ratelimit-Total": str(self.per_minute),
                "X-Ratelimit-Remaining": "0", "X-Ratelimit-Used-CurrentRequest": "1"}))
        self._window = (started, used + cost)
        return {"X-Ratelimit-Total": str(self.per_minute),
                "X-Ratelimit-Remaining": str(self.per_minute - used - cost),
                "X-Ratelimit-Used-CurrentRequest": str(cost)}

    @staticmethod
    def _includes(call: Call) -> list[str]:
        return [p for p in (call.arg("include") or "").split(",") if p]

    ROUTES = (
        ("GET", r"/agents/me", "GET /agents/me", "_me"),
        ("PUT", r"/agents/(\d+)", "PUT /agents/{id}", "_update_agent"),
        ("GET", r"/tickets", "GET /tickets", "_list"),
        ("POST", r"/tickets", "POST /tickets", "_create"),
        ("GET", r"/tickets/(\d+)", "GET /tickets/{id}", "_view"),
        ("PUT", r"/tickets/(\d+)", "PUT /tickets/{id}", "_update"),
        ("GET", r"/tickets/(\d+)/conversations", "GET /tickets/{id}/conversations", "_conversations"),
        ("POST", r"/tickets/(\d+)/reply", "POST /tickets/{id}/reply", "_reply"),
        ("POST", r"/tickets/(\d+)/notes", "POST /tickets/{id}/notes", "_note"),
        ("GET", r"/canned_response_folders", "GET /canned_response_folders", "_folders"),
        ("GET", r"/canned_response_folders/(\d+)/responses", "GET /canned_response_folders/{id}/responses",
         "_responses"),
    )

    def _dispatch(self, call: Call, agent: dict[str, Any]) -> Answer:
        base = self.contract["base"]
        if not call.path.startswith(base + "/"):
            return Answer(404)
        path = call.path[len(base):]
        for method, pattern, name, handler in self.ROUTES:
            match = re.fullmatch(pattern, path)
            if match and call.method == method:
                self._validate(call, self.contract["endpoints"][name])
                return getattr(self, handler)(call, agent, *(int(g) for g in match.groups()))
        return Answer(404)

    def _invalid(self, field: str, message: str, code: str) -> Refusal:
        return Refusal(Answer(400, {"description": "Validation failed",
                                    "errors": [{"field": field, "message": message, "code": code}]}))

    def _validate(self, call: Call, rules: dict[str, Any]) -> None:
        for name in call.query:
            if name not in rules.get("query", ()):
                raise self._invalid(name, "Unexpected/invalid field in request", "invalid_field")
        for part in self._includes(call):
            if part not in rules.get("include", ()):
                raise self._invalid("include", f"It should be one of these values: "
                                    f"'{','.join(rules.get('include', ()))}'", "invalid_value")
        for name in ("order_by", "order_type"):
            if call.arg(name) is not None and call.arg(name) not in rules.get(name, ()):
                raise self._invalid(name, "It should be one of these values", "invalid_value")
        if call.arg("per_page") is not None:
            per_page = int(call.arg("per_page") or 0)
            if not 1 <= per_page <= self.contract["pagination"]["per_page_max"]:
                raise self._invalid("per_page", "It should be a Positive Integer less than or equal to 100",
                                    "invalid_value")
        if "body" in rules:
            try:
                body = call.json()
            except ValueError:
                raise Refusal(Answer(400, {"code": "invalid_json", "message": "Request body has invalid json "
                                                                              "format"})) from None
            if not isinstance(body, dict):
                raise self._invalid("body", "It should be a JSON object", "datatype_mismatch")
            for name in body:
                if name not in rules["body"]:
                    raise self._invalid(name, "Unexpected/invalid field in request", "invalid_field")
            for name in rules.get("required", ()):
                if body.get(name) in (None, ""):
                    raise self._invalid(name, "It should be a/an String", "missing_field")

    # Shapes.

    def _stats(self, ticket: dict[str, Any]) -> dict[str, Any]:
        talk = self.conversations.get(ticket["id"], [])
        public_agent = [c["created_at"] for c in talk if not c["incoming"] and not c["private"]]
        incoming = [c["created_at"] for c in talk if c["incoming"]]
        return {"agent_responded_at": max(public_agent, default=None),
                "requester_responded_at": max(incoming, default=None),
                "first_responded_at": min(public_agent, default=None),
                "status_updated_at": ticket["updated_at"], "reopened_at": None,
                "resolved_at": ticket["updated_at"] if ticket["status"] == 4 else None,
                "closed_at": ticket["updated_at"] if ticket["status"] == 5 else None,
                "pending_since": ticket["updated_at"] if ticket["status"] == 3 else None}

    def _shape(self, ticket: dict[str, Any], includes: list[str], *, view: bool) -> dict[str, Any]:
        out = copy.deepcopy(ticket)
        if not view and "description" not in includes:
            for key in LIST_ONLY_WITH_DESCRIPTION:
                out.pop(key, None)
        if "requester" in includes:
            contact = self.contacts[ticket["requester_id"]]
            out["requester"] = {k: contact.get(k) for k in ("email", "id", "mobile", "name", "phone")}
        if "stats" in includes:
            out["stats"] = self._stats(ticket)
        if "conversations" in includes:
            out["conversations"] = copy.deepcopy(self.conversations.get(ticket["id"], [])[:10])
        return out

    def _ticket(self, ticket_id: int) -> dict[str, Any]:
        if ticket_id not in self.tickets:
            raise Refusal(Answer(404))
        return self.tickets[ticket_id]

    def _page(self, call: Call, items: list[Any]) -> Answer:
        """One page of a list, with Link: <next>; rel="next" while more remain."""
        per_page = int(call.arg("per_page") or self.contract["pagination"]["per_page_default"])
        page = int(call.arg("page") or 1)
        chunk = items[(page - 1) * per_page: page * per_page]
        headers = {}
        if len(items) > page * per_page:
            query = {k: v[-1] for k, v in call.query.items()}
            query["page"] = str(page + 1)
            headers["Link"] = f'<{self.url}{call.path}?{urlencode(query)}>; rel="next"'
        return Answer(200, chunk, headers)

    # Handlers.

    def _me(self, call: Call, agent: dict[str, Any]) -> Answer:
        return Answer(200, agent)

    def _update_agent(self, call: Call, agent: dict[str, Any], agent_id: int) -> Answer:
        """Update an Agent: your own record, or anyone's as an admin."""
        if agent_id not in self.agents:
            return Answer(404)
        if (agent_id != agent["id"] and agent["id"] not in self.admins) or (
                "available" in call.json() and agent["id"] in self.availability_locked):
            return Answer(403, self.errors["403"])
        body = call.json()
        if "available" in body and not isinstance(body["available"], bool):
            raise self._invalid("available", "Value set is of type String.It should be a/an Boolean",
                                "datatype_mismatch")
        self.agents[agent_id].update(body, updated_at=_now())
        return Answer(200, self.agents[agent_id])

    def _list(self, call: Call, agent: dict[str, Any]) -> Answer:
        tickets = [t for t in self.tickets.values() if not t.get("spam")]
        since = call.arg("updated_since")
        if since:
            tickets = [t for t in tickets if _parse(t["updated_at"]) >= _parse(since)]
        else:
            window = timedelta(days=self.contract["list_window_days_without_updated_since"])
            tickets = [t for t in tickets if _parse(t["created_at"]) >= datetime.now(timezone.utc) - window]
        key = call.arg("order_by") or "created_at"
        descending = (call.arg("order_type") or "desc") == "desc"
        tickets.sort(key=lambda t: (t.get(key) or "", t["id"]), reverse=descending)
        includes = self._includes(call)
        return self._page(call, [self._shape(t, includes, view=False) for t in tickets])

    def _create(self, call: Call, agent: dict[str, Any]) -> Answer:
        body = call.json()
        requester = body.get("requester_id")
        if requester is None:
            email = body.get("email")
            if not email:
                raise self._invalid("requester_id", "Please fill at least 1 of requester_id, email fields",
                                    "missing_field")
            found = [c for c in self.contacts.values() if c["email"] == email]
            contact = found[0] if found else {"id": max(self.contacts) + 1, "name": email.split("@")[0],
                                              "email": email, "phone": None, "mobile": None}
            self.contacts[contact["id"]] = contact
            requester = contact["id"]
        stamp = _now()
        ticket = {
            "cc_emails": body.get("cc_emails", []), "fwd_emails": [], "reply_cc_emails": [],
            "fr_escalated": False, "spam": False, "email_config_id": None, "group_id": None,
            "priority": body["priority"], "requester_id": requester, "responder_id": None,
            "source": body.get("source", 2), "company_id": None,
            "status": body["status"], "subject": body["subject"], "to_emails": None, "product_id": None,
            "id": max(self.tickets, default=1000) + 1, "type": body.get("type"),
            "due_by": (_parse(stamp) + timedelta(days=1)).strftime(STAMP),
            "fr_due_by": (_parse(stamp) + timedelta(hours=4)).strftime(STAMP), "is_escalated": False,
            "description": body["description"], "description_text": body_text(body["description"]),
            "custom_fields": {}, "created_at": stamp, "updated_at": stamp, "tags": body.get("tags", []),
            "attachments": [],
        }
        self.tickets[ticket["id"]] = ticket
        self.conversations[ticket["id"]] = []
        return Answer(201, self._shape(ticket, [], view=True), {"Location": f"{self.url}/api/v2/tickets/"
                                                                             f"{ticket['id']}"})

    def _view(self, call: Call, agent: dict[str, Any], ticket_id: int) -> Answer:
        return Answer(200, self._shape(self._ticket(ticket_id), self._includes(call), view=True))

    def _update(self, call: Call, agent: dict[str, Any], ticket_id: int) -> Answer:
        ticket = self._ticket(ticket_id)
        body = call.json()
        if "status" in body and body["status"] not in (2, 3, 4, 5):
            raise self._invalid("status", "It should be one of these values: '2,3,4,5'", "invalid_value")
        if "priority" in body and body["priority"] not in (1, 2, 3, 4):
            raise self._invalid("priority", "It should be one of these values: '1,2,3,4'", "invalid_value")
        if body.get("responder_id") is not None and body["responder_id"] not in self.agents:
            raise self._invalid("responder_id", "There is no agent matching the given responder_id",
                                "invalid_value")
        ticket.update(body, updated_at=_now())
        return Answer(200, self._shape(ticket, [], view=True))

    def _conversations(self, call: Call, agent: dict[str, Any], ticket_id: int) -> Answer:
        self._ticket(ticket_id)
        return self._page(call, copy.deepcopy(self.conversations[ticket_id]))

    def _conversation(self, ticket: dict[str, Any], html: str, **fields: Any) -> dict[str, Any]:
        stamp = _now()
        every = [c["id"] for talk in self.conversations.values() for c in talk]
        conversation = {"body": html, "body_text": body_text(html), "id": max(every, default=5000700000) + 1,
                        "support_email": None, "source": 2, "category": 2, "ticket_id": ticket["id"],
                        "to_emails": [], "from_email": None, "cc_emails": [], "bcc_emails": [],
                        "attachments": [], "created_at": stamp, "updated_at": stamp, **fields}
        self.conversations[ticket["id"]].append(conversation)
        ticket["updated_at"] = stamp
        return conversation

    def _reply(self, call: Call, agent: dict[str, Any], ticket_id: int) -> Answer:
        ticket = self._ticket(ticket_id)
        body = call.json()
        requester = self.contacts[ticket["requester_id"]]
        made = self._conversation(ticket, body["body"], user_id=body.get("user_id") or agent["id"],
                                  incoming=False, private=False, to_emails=[requester["email"]],
                                  from_email="support@acme.example", cc_emails=body.get("cc_emails", []),
                                  bcc_emails=body.get("bcc_emails", []))
        shown = {k: made[k] for k in ("body", "body_text", "id", "user_id", "from_email", "cc_emails",
                                      "bcc_emails", "ticket_id", "attachments", "created_at", "updated_at")}
        return Answer(201, {**shown, "replied_to": [requester["email"]]})

    def _note(self, call: Call, agent: dict[str, Any], ticket_id: int) -> Answer:
        ticket = self._ticket(ticket_id)
        body = call.json()
        made = self._conversation(ticket, body["body"], user_id=body.get("user_id") or agent["id"],
                                  incoming=bool(body.get("incoming", False)),
                                  private=bool(body.get("private", True)))
        keys = ("body", "body_text", "id", "incoming", "private", "user_id", "support_email", "ticket_id",
                "attachments", "created_at", "updated_at")
        shown = {k: made[k] for k in keys}
        return Answer(201, {**shown, "notified_to": body.get("notify_emails", [])})

    def _folders(self, call: Call, agent: dict[str, Any]) -> Answer:
        return Answer(200, [{k: v for k, v in f.items() if k != "responses"} for f in self.folders])

    def _responses(self, call: Call, agent: dict[str, Any], folder_id: int) -> Answer:
        found = [f for f in self.folders if f["id"] == folder_id]
        if not found:
            raise Refusal(Answer(404))
        return Answer(200, found[0]["responses"])


class FreshdeskLive(Live):
    """The conformance suite's view of the fake: customers and other agents act through its API."""

    fake: FreshdeskFake
    admin_key = "admin-Pq3Zw8Xc5Vn2"

    def _api(self, method: str, path: str, **kw: Any) -> Any:
        response = httpx.request(method, f"{self.url}/api/v2{path}", auth=(self.admin_key, "X"), timeout=30,
                                 **kw)
        response.raise_for_status()
        return response.json()

    def create_ticket(self, subject: str, body: str) -> str:
        data = self._api("POST", "/tickets", json={
            "email": "ivan@customer.example", "subject": subject, "description": f"<div>{body}</div>",
            "status": 2, "priority": 2, "source": 2})
        return str(data["id"])

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        ticket = self._api("GET", f"/tickets/{ticket_id}")
        talk = self._api("GET", f"/tickets/{ticket_id}/conversations", params={"per_page": 100})
        return [(ticket["description_text"], True)] + [(c["body_text"], not c["private"]) for c in talk]

    def status(self, ticket_id: str) -> Status:
        return STATUS_OF[self._api("GET", f"/tickets/{ticket_id}")["status"]]

    def touch(self, ticket_id: str) -> None:
        # Freshdesk stamps have whole seconds: a change in the same second as the agent's copy would
        # carry the same updated_at, which the adapter cannot tell apart (docs/backends.md, limits).
        time.sleep(1.02 - time.time() % 1.0)
        self.fake.customer_writes(int(ticket_id), "Any news? I am still waiting.")


@contextmanager
def start(folder: Path) -> Iterator[FreshdeskLive]:
    """The fake on a free loopback port; its request log is left in `folder` for debugging."""
    fake = FreshdeskFake()
    fake.server.start()
    live = FreshdeskLive(KIND, fake.url, "sJ4k2Lm9Qx7Rt1Vb", wrong=({}, "not-a-freshdesk-key"))
    live.fake = fake
    try:
        yield live
    finally:
        fake.server.stop()
        log = [{"method": c.method, "path": c.path, "query": c.query} for c in fake.server.calls]
        (folder / "freshdesk-calls.json").write_text(json.dumps(log, indent=1))
