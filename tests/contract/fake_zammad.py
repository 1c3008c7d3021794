"""Provides a contract fake of Zammad's REST API on loopback, for the conformance suite and the unit tests.

It follows the documented API (fixtures/zammad/contract.json): `Authorization: Token token=…`,
`/api/v1` paths, ticket search with `sort_by`/`order_by`/`page`/`per_page`/`expand`, expanded names,
articles with `internal`/`sender`/`type`, millisecond timestamps, escalation times, pending states
that need `pending_time`, and Zammad's `{error, error_human}` bodies. The search reads a separate
*index* of ticket snapshots, as Zammad's Elasticsearch does; a test can hold a ticket's index update
back (`hold_index`) to play the index lag. Anything the contract does not list is refused with 422.
State is real: tickets created through the API show up in the search, articles posted by the adapter
show up in `thread`. As in Zammad, the search matches on the index but answers with the current
records from the database. Agents set their own Out of Office (flag, date range, replacement, validated as
Zammad does); a user in `out_of_office_denied` gets 403 like a token without that permission.
"""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
from helpdesk_live import Live
from vendor_server import Answer, Call, VendorServer

from supportterm.backends.zammad import STATE_FROM_Z
from supportterm.domain.models import Status

KIND = "zammad"
FIXTURES = Path(__file__).parent / "fixtures" / "zammad"
TIME_KEYS = re.compile(r".*_(at|time)$")
CUSTOMER_ROLE = 3
SENDERS = {"Agent": 1, "Customer": 2, "System": 3}
TYPES = {"email": 1, "phone": 5, "note": 10, "web": 11}
RANGE = re.compile(r"^updated_at:(>=|>)(.+)$")
BETWEEN = re.compile(r"^updated_at:\[(.+) TO (.+)\]$")


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _iso(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Refusal(Exception):
    def __init__(self, answer: Answer) -> None:
        super().__init__(answer.status)
        self.answer = answer


def _unprocessable(message: str) -> Refusal:
    return Refusal(Answer(422, {"error": message, "error_human": message}))


def _missing(model: str, ident: Any) -> Refusal:
    text = f"Couldn't find {model} with 'id'={ident}"
    return Refusal(Answer(404, {"error": text, "error_human": text}))


class ZammadFake:
    """The fake's state (users, tickets, articles, text modules, the search index) and its routes."""

    def __init__(self) -> None:
        self.contract = load("contract.json")
        self.errors = load("errors.json")
        seed = self._rebased(load("seed.json"))
        self.tokens = {k: int(v) for k, v in seed["tokens"].items()}
        self.users = {u["id"]: u for u in seed["users"]}
        self.out_of_office_denied: set[int] = set()
        """Users whose token lacks user_preferences.out_of_office (Zammad answers 403)."""
        self.groups = {g["id"]: g for g in seed["groups"]}
        self.organizations = {o["id"]: o for o in seed["organizations"]}
        self.states = {s["id"]: s for s in seed["ticket_states"]}
        self.priorities = {p["id"]: p for p in seed["ticket_priorities"]}
        self.text_modules = seed["text_modules"]
        self.tickets: dict[int, dict[str, Any]] = {}
        self.articles: dict[int, dict[str, Any]] = {}
        for ticket in seed["tickets"]:
            for article in ticket.pop("articles"):
                self.articles[article["id"]] = article
            self.tickets[ticket["id"]] = ticket
        self._last = max(t["updated_at"] for t in self.tickets.values())
        self.ahead = timedelta(0)
        """How far the helpdesk's clock runs ahead of the real one (`advance`)."""
        self.index: dict[int, dict[str, Any]] = {}
        self.held: set[int] = set()
        for ticket_id in self.tickets:
            self._reindex(ticket_id)
        self.forced: list[Answer] = []
        self.server = VendorServer(self.route, clock=lambda: time.time() + self.ahead.total_seconds())

    @staticmethod
    def _rebased(seed: dict[str, Any]) -> dict[str, Any]:
        """Moves the tickets' timestamps so the newest is an hour ago (the first sync's window is real)."""
        stamps: list[str] = []

        def walk(node: Any, fix: Any) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if TIME_KEYS.match(key) and isinstance(value, str):
                        node[key] = fix(value)
                    else:
                        walk(value, fix)
            elif isinstance(node, list):
                for item in node:
                    walk(item, fix)

        walk(seed["tickets"], lambda v: stamps.append(v) or v)
        shift = datetime.now(timezone.utc) - timedelta(hours=1) - _parse(max(stamps))
        walk(seed["tickets"], lambda v: _iso(_parse(v) + shift))
        return seed

    def _now(self) -> str:
        """Strictly increasing stamps (Zammad's database keeps microseconds; two writes never tie)."""
        stamp = _iso(datetime.now(timezone.utc) + self.ahead)
        if stamp <= self._last:
            stamp = _iso(_parse(self._last) + timedelta(milliseconds=1))
        self._last = stamp
        return stamp

    # The helpdesk's side, for tests.

    @property
    def url(self) -> str:
        return self.server.url

    def advance(self, seconds: float) -> None:
        """Let time pass on the helpdesk (its stamps and its Date header), without waiting."""
        with self.server.lock:
            self.ahead += timedelta(seconds=seconds)

    def hold_index(self, ticket_id: int) -> None:
        """Stop updating this ticket's search-index entry (Elasticsearch lagging behind the database)."""
        with self.server.lock:
            self.held.add(ticket_id)

    def release_index(self) -> None:
        with self.server.lock:
            held, self.held = self.held, set()
            for ticket_id in held:
                self._reindex(ticket_id)

    def fail_next(self, status: int, body: Any = None, *, raw: bytes | None = None,
                  headers: dict[str, str] | None = None) -> None:
        self.forced.append(Answer(status, body, headers or {}, raw))

    def agent_edits(self, ticket_id: int, **fields: Any) -> None:
        with self.server.lock:
            self.tickets[ticket_id].update(fields, updated_at=self._now())
            self._reindex(ticket_id)

    def _reindex(self, ticket_id: int) -> None:
        if ticket_id not in self.held:
            self.index[ticket_id] = copy.deepcopy(self.tickets[ticket_id])

    # Routing.

    def route(self, call: Call) -> Answer:
        try:
            user = self._authenticate(call)
            if self.forced:
                return self.forced.pop(0)
            return self._dispatch(call, user)
        except Refusal as refusal:
            return refusal.answer

    def _authenticate(self, call: Call) -> dict[str, Any]:
        match = re.fullmatch(r"Token token=(\S+)", call.headers.get("authorization", ""))
        if not match or match.group(1) not in self.tokens:
            raise Refusal(Answer(401, self.errors["401"]))
        return self.users[self.tokens[match.group(1)]]

    ROUTES = (
        ("GET", r"/users/me", "GET /users/me", "_me"),
        ("PUT", r"/users/out_of_office", "PUT /users/out_of_office", "_out_of_office"),
        ("GET", r"/users/(\d+)", "GET /users/{id}", "_user"),
        ("GET", r"/tickets/search", "GET /tickets/search", "_search"),
        ("POST", r"/tickets", "POST /tickets", "_create"),
        ("GET", r"/tickets/(\d+)", "GET /tickets/{id}", "_show"),
        ("PUT", r"/tickets/(\d+)", "PUT /tickets/{id}", "_update"),
        ("GET", r"/ticket_articles/by_ticket/(\d+)", "GET /ticket_articles/by_ticket/{id}", "_by_ticket"),
        ("GET", r"/ticket_articles/(\d+)", "GET /ticket_articles/{id}", "_article"),
        ("POST", r"/ticket_articles", "POST /ticket_articles", "_add_article"),
        ("GET", r"/ticket_priorities", "GET /ticket_priorities", "_priorities"),
        ("GET", r"/ticket_states", "GET /ticket_states", "_states"),
        ("GET", r"/text_modules", "GET /text_modules", "_text_modules"),
    )

    def _dispatch(self, call: Call, user: dict[str, Any]) -> Answer:
        base = self.contract["base"]
        if not call.path.startswith(base + "/"):
            return Answer(404, {"error": "No route matches", "error_human": "No route matches"})
        path = call.path[len(base):]
        for method, pattern, name, handler in self.ROUTES:
            match = re.fullmatch(pattern, path)
            if match and call.method == method:
                body = self._validate(call, self.contract["endpoints"][name])
                return getattr(self, handler)(call, user, body, *(int(g) for g in match.groups()))
        return Answer(404, {"error": "No route matches", "error_human": "No route matches"})

    def _validate(self, call: Call, rules: dict[str, Any]) -> dict[str, Any]:
        for name in call.query:
            if name not in rules.get("query", ()):
                raise _unprocessable(f"Unknown parameter '{name}'")
        if "body" not in rules:
            return {}
        try:
            body = call.json()
        except ValueError:
            raise _unprocessable("Invalid JSON") from None
        if not isinstance(body, dict):
            raise _unprocessable("Need a JSON object")
        for name in body:
            if name not in rules["body"]:
                raise _unprocessable(f"Unknown attribute '{name}'")
        for name in rules.get("required", ()):
            if name not in call.query and body.get(name) in (None, ""):
                raise _unprocessable(f"Missing required value for field '{name}'!")
        return body

    # Shapes.

    @staticmethod
    def _expanding(call: Call) -> bool:
        return (call.arg("expand") or "").lower() == "true"

    def _login(self, user_id: Any) -> str | None:
        user = self.users.get(user_id)
        return user["login"] if user else None

    def _ticket_shape(self, ticket: dict[str, Any], expand: bool) -> dict[str, Any]:
        out = copy.deepcopy(ticket)
        mine = (a["id"] for a in self.articles.values() if a["ticket_id"] == ticket["id"])
        out["article_ids"] = sorted(mine, reverse=True)
        if expand:
            organization = self.organizations.get(ticket.get("organization_id"))
            out.update(group=self.groups[ticket["group_id"]]["name"],
                       organization=organization["name"] if organization else None,
                       state=self.states[ticket["state_id"]]["name"],
                       priority=self.priorities[ticket["priority_id"]]["name"],
                       owner=self._login(ticket["owner_id"]), customer=self._login(ticket["customer_id"]),
                       created_by=self._login(ticket["created_by_id"]),
                       updated_by=self._login(ticket["updated_by_id"]),
                       create_article_type=self._type_name(ticket["create_article_type_id"]),
                       create_article_sender=self._sender_name(ticket["create_article_sender_id"]))
        return out

    @staticmethod
    def _type_name(type_id: int) -> str:
        return next(name for name, i in TYPES.items() if i == type_id)

    @staticmethod
    def _sender_name(sender_id: int) -> str:
        return next(name for name, i in SENDERS.items() if i == sender_id)

    def _article_shape(self, article: dict[str, Any], expand: bool) -> dict[str, Any]:
        out = copy.deepcopy(article)
        if expand:
            out.update(sender=self._sender_name(article["sender_id"]),
                       type=self._type_name(article["type_id"]),
                       created_by=self._login(article["created_by_id"]),
                       updated_by=self._login(article["updated_by_id"]))
        return out

    @staticmethod
    def _is_customer(user: dict[str, Any]) -> bool:
        return CUSTOMER_ROLE in user["role_ids"] and len(user["role_ids"]) == 1

    def _ticket(self, user: dict[str, Any], ticket_id: int) -> dict[str, Any]:
        ticket = self.tickets.get(ticket_id)
        if ticket is None or (self._is_customer(user) and ticket["customer_id"] != user["id"]):
            raise _missing("Ticket", ticket_id)
        return ticket

    # Handlers.

    def _me(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        return Answer(200, user)

    def _out_of_office(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        """The caller's own Out of Office, validated as Zammad's User::OutOfOffice does; as in Zammad's
        UsersController#out_of_office, every field is assigned from the request (absent ones as null)."""
        if user["id"] in self.out_of_office_denied or self._is_customer(user):
            return Answer(403, self.errors["403"])
        fields = {k: body.get(k) for k in ("out_of_office", "out_of_office_start_at", "out_of_office_end_at",
                                           "out_of_office_replacement_id")}
        if fields["out_of_office"]:
            replacement = fields["out_of_office_replacement_id"]
            if replacement is None:
                raise _unprocessable("Validation failed: Out of office replacement can't be blank")
            if replacement not in self.users:
                raise _unprocessable("Validation failed: Out of office replacement is invalid")
            for key in ("out_of_office_start_at", "out_of_office_end_at"):
                if not fields[key]:
                    raise _unprocessable(f"Validation failed: {key.replace('_', ' ').capitalize()} "
                                         "can't be blank")
            if fields["out_of_office_start_at"] > fields["out_of_office_end_at"]:
                raise _unprocessable("Validation failed: Out of Office start date has to be earlier than or "
                                     "equal to end date")
        user.update(fields, updated_at=self._now())
        return Answer(200, {"message": "ok"})

    def _user(self, call: Call, user: dict[str, Any], body: dict[str, Any], user_id: int) -> Answer:
        if user_id not in self.users or (self._is_customer(user) and user_id != user["id"]):
            raise _missing("User", user_id)
        return Answer(200, self.users[user_id])

    def _matches(self, ticket: dict[str, Any], terms: list[str]) -> bool:
        for term in terms:
            between = BETWEEN.match(term)
            if between:
                low, high = (_parse(v.replace("\\", "").strip('"')) for v in between.groups())
                if not low <= _parse(ticket["updated_at"]) <= high:
                    return False
                continue
            ranged = RANGE.match(term)
            if ranged:
                bound = _parse(ranged.group(2).replace("\\", "").strip('"'))
                stamp = _parse(ticket["updated_at"])
                if not (stamp >= bound if ranged.group(1) == ">=" else stamp > bound):
                    return False
            elif term != "*" and term.lower() not in ticket["title"].lower():
                return False
        return True

    def _search(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        terms = [t.strip() for t in (call.arg("query") or "").split(" AND ") if t.strip()]
        found = [t for t in self.index.values() if self._matches(t, terms)
                 and (not self._is_customer(user) or t["customer_id"] == user["id"])]
        key = call.arg("sort_by") or "updated_at"
        if key not in self.contract["search"]["sort_by"]:
            raise _unprocessable(f"Unknown sort_by '{key}'")
        if (call.arg("only_total_count") or "").lower() == "true":
            return Answer(200, {"total_count": len(found)})
        found.sort(key=lambda t: (t[key], t["id"]), reverse=(call.arg("order_by") or "desc") == "desc")
        pages = self.contract["pagination"]
        per_page = min(int(call.arg("per_page") or call.arg("limit") or pages["per_page_default"]),
                       pages["per_page_max"])  # a hard cap: larger values are cut, never an error
        page = int(call.arg("page") or 1)
        chunk = found[(page - 1) * per_page: page * per_page]
        # Zammad matches and sorts on the index, then loads the records from the database: the answer
        # is current even when the index entry that matched is not.
        return Answer(200, [self._ticket_shape(self.tickets[t["id"]], self._expanding(call)) for t in chunk])

    def _create(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        if self._is_customer(user):
            customer_id = user["id"]
        else:
            customer_id = body.get("customer_id") or next(
                (u["id"] for u in self.users.values() if u["login"] == body.get("customer")), None)
            if customer_id is None:
                raise _unprocessable("Missing required value for field 'customer_id'!")
        group = body.get("group_id") or next((g["id"] for g in self.groups.values()
                                              if g["name"] == body.get("group")), 1)
        stamp = self._now()
        article = body["article"]
        created = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        ticket = {
            "id": max(self.tickets) + 1, "group_id": group, "priority_id": body.get("priority_id", 2),
            "state_id": body.get("state_id", 1),
            "organization_id": self.users[customer_id].get("organization_id"),
            "number": str(26000 + max(self.tickets) + 1), "title": body["title"], "owner_id": 1,
            "customer_id": customer_id, "note": None, "first_response_at": None,
            "first_response_escalation_at": _iso(created + timedelta(hours=2)), "first_response_in_min": None,
            "first_response_diff_in_min": None, "close_at": None,
            "close_escalation_at": _iso(created + timedelta(days=1)), "close_in_min": None,
            "close_diff_in_min": None, "update_escalation_at": None, "update_in_min": None,
            "update_diff_in_min": None, "last_contact_at": None, "last_contact_agent_at": None,
            "last_contact_customer_at": None, "last_owner_update_at": None,
            "create_article_type_id": TYPES.get(article.get("type", "web"), 11),
            "create_article_sender_id": SENDERS["Customer"] if self._is_customer(user) else SENDERS["Agent"],
            "article_count": 0, "escalation_at": _iso(created + timedelta(hours=2)), "pending_time": None,
            "type": None, "time_unit": None, "preferences": {}, "updated_by_id": user["id"],
            "created_by_id": user["id"], "created_at": stamp, "updated_at": stamp,
        }
        self.tickets[ticket["id"]] = ticket
        self._append_article(user, ticket, {**article, "ticket_id": ticket["id"]})
        return Answer(201, self._ticket_shape(ticket, self._expanding(call)))

    def _show(self, call: Call, user: dict[str, Any], body: dict[str, Any], ticket_id: int) -> Answer:
        return Answer(200, self._ticket_shape(self._ticket(user, ticket_id), self._expanding(call)))

    def _update(self, call: Call, user: dict[str, Any], body: dict[str, Any], ticket_id: int) -> Answer:
        ticket = self._ticket(user, ticket_id)
        changes: dict[str, Any] = {}
        if "state" in body or "state_id" in body:
            state = next((s for s in self.states.values()
                          if s["name"] == body.get("state") or s["id"] == body.get("state_id")), None)
            if state is None:
                raise _unprocessable(f"No lookup value found for 'state': {body.get('state')!r}")
            when = body.get("pending_time") or ticket["pending_time"]
            if state["name"].startswith("pending") and not when:
                raise _unprocessable("Missing required value for field 'pending_time'!")
            changes["state_id"] = state["id"]
        if "priority_id" in body or "priority" in body:
            wanted = (body.get("priority_id"), body.get("priority"))
            priority = next((p for p in self.priorities.values() if p["id"] in wanted or p["name"] in wanted),
                            None)
            if priority is None:
                raise _unprocessable("No lookup value found for 'priority'")
            changes["priority_id"] = priority["id"]
        if "owner_id" in body:
            if body["owner_id"] not in self.users:
                raise _unprocessable("Invalid value for param 'owner_id'")
            changes["owner_id"] = body["owner_id"]
        for name in ("title", "pending_time"):
            if name in body:
                changes[name] = body[name]
        ticket.update(changes, updated_at=self._now(), updated_by_id=user["id"])
        if self.states[ticket["state_id"]]["name"] in ("closed", "merged"):
            ticket.update(close_at=ticket["updated_at"], close_escalation_at=None, escalation_at=None)
        self._reindex(ticket_id)
        return Answer(200, self._ticket_shape(ticket, self._expanding(call)))

    def _visible(self, user: dict[str, Any], article: dict[str, Any]) -> bool:
        return not (self._is_customer(user) and article["internal"])

    def _by_ticket(self, call: Call, user: dict[str, Any], body: dict[str, Any], ticket_id: int) -> Answer:
        self._ticket(user, ticket_id)
        found = sorted((a for a in self.articles.values()
                        if a["ticket_id"] == ticket_id and self._visible(user, a)), key=lambda a: a["id"])
        return Answer(200, [self._article_shape(a, self._expanding(call)) for a in found])

    def _article(self, call: Call, user: dict[str, Any], body: dict[str, Any], article_id: int) -> Answer:
        article = self.articles.get(article_id)
        if article is None or not self._visible(user, article):
            raise _missing("Ticket::Article", article_id)
        self._ticket(user, article["ticket_id"])
        return Answer(200, self._article_shape(article, self._expanding(call)))

    def _add_article(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        ticket = self._ticket(user, int(body["ticket_id"]))
        kind = body.get("type", "note")
        if kind not in TYPES:
            raise _unprocessable(f"No lookup value found for 'type': {kind!r}")
        if kind == "email" and not body.get("to"):
            raise _unprocessable("Need recipient (to) for an email article")
        article = self._append_article(user, ticket, body)
        return Answer(201, self._article_shape(article, self._expanding(call)))

    def _append_article(
        self, user: dict[str, Any], ticket: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        """A new article and what Zammad derives from it: counts, contact times, escalations, follow-ups."""
        customer = self._is_customer(user)
        sender = "Customer" if customer else body.get("sender", "Agent")
        kind = body.get("type", "web" if customer else "note")
        stamp = self._now()
        name = f"{user['firstname']} {user['lastname']}".strip()
        article = {
            "id": max(self.articles, default=100) + 1, "ticket_id": ticket["id"], "type_id": TYPES[kind],
            "sender_id": SENDERS[sender], "from": f"{name} <{user['email']}>" if user["email"] else name,
            "to": body.get("to"), "cc": body.get("cc"), "subject": body.get("subject"), "reply_to": None,
            "message_id": None, "content_type": body.get("content_type", "text/plain"), "body": body["body"],
            "internal": bool(body.get("internal", False)), "preferences": {}, "updated_by_id": user["id"],
            "created_by_id": user["id"], "origin_by_id": body.get("origin_by_id"), "created_at": stamp,
            "updated_at": stamp,
        }
        self.articles[article["id"]] = article
        ticket.update(article_count=ticket["article_count"] + 1, updated_at=stamp, updated_by_id=user["id"])
        if kind != "note" and not article["internal"]:
            ticket["last_contact_at"] = stamp
            if sender == "Customer":
                ticket["last_contact_customer_at"] = stamp
                if self.states[ticket["state_id"]]["name"] != "new":
                    ticket["state_id"] = 2  # a follow-up reopens a pending or closed ticket
            else:
                ticket["last_contact_agent_at"] = stamp
                if ticket["first_response_at"] is None:
                    ticket.update(first_response_at=stamp, first_response_escalation_at=None,
                                  escalation_at=ticket["close_escalation_at"])
        self._reindex(ticket["id"])
        return article

    def _priorities(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        return Answer(200, list(self.priorities.values()))

    def _states(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        return Answer(200, list(self.states.values()))

    def _text_modules(self, call: Call, user: dict[str, Any], body: dict[str, Any]) -> Answer:
        per_page = min(int(call.arg("per_page") or 50), self.contract["pagination"]["per_page_max"])
        page = int(call.arg("page") or 1)
        return Answer(200, self.text_modules[(page - 1) * per_page: page * per_page])


class ZammadLive(Live):
    """The conformance suite's view of the fake: the customer and an admin act through its API."""

    fake: ZammadFake
    admin_token = "admin-H2kLm9PqR4tYc7Dw"
    customer_token = "customer-Vn5Cx1Zb8Qw3Er6T"

    def _api(self, method: str, path: str, *, token: str | None = None, **kw: Any) -> Any:
        headers = {"Authorization": f"Token token={token or self.admin_token}"}
        response = httpx.request(method, f"{self.url}/api/v1{path}", headers=headers, timeout=30, **kw)
        response.raise_for_status()
        return response.json()

    def create_ticket(self, subject: str, body: str) -> str:
        data = self._api("POST", "/tickets", token=self.customer_token, json={
            "title": subject, "group": "Users",
            "article": {"subject": subject, "body": body, "type": "web", "sender": "Customer",
                        "content_type": "text/plain", "internal": False}})
        return str(data["id"])

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        articles = self._api("GET", f"/ticket_articles/by_ticket/{ticket_id}")
        return [(a["body"], not a["internal"]) for a in articles]

    def status(self, ticket_id: str) -> Status:
        return STATE_FROM_Z[self._api("GET", f"/tickets/{ticket_id}", params={"expand": "true"})["state"]]

    def touch(self, ticket_id: str) -> None:
        self._api("POST", "/ticket_articles", token=self.customer_token, json={
            "ticket_id": int(ticket_id), "body": "Any news? I am still waiting.", "type": "web",
            "internal": False})


@contextmanager
def start(folder: Path) -> Iterator[ZammadLive]:
    """The fake on a free loopback port; its request log is left in `folder` for debugging."""
    fake = ZammadFake()
    fake.server.start()
    live = ZammadLive(KIND, fake.url, "agent-ZxT8bq3LrP0aWv6N", options={"index_lag_seconds": "30"},
                      wrong=({}, "not-a-zammad-token"))
    live.fake = fake
    try:
        yield live
    finally:
        fake.server.stop()
        log = [{"method": c.method, "path": c.path, "query": c.query} for c in fake.server.calls]
        (folder / "zammad-calls.json").write_text(json.dumps(log, indent=1))
