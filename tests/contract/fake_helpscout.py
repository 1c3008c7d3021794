"""Provides a contract fake of the Help Scout Mailbox API 2.0 on loopback, and its `Live` for the suite.

It follows the documented API (developer.helpscout.com/mailbox-api): OAuth2 client credentials at
`/v2/oauth2/token` (bearer tokens, `expires_in` 172800), `/v2/users/me`, conversations listed as HAL
(`_embedded.conversations`, `page {size 25, totalElements, totalPages, number}`, `_links.next`) with
`status` (default active), `mailbox`, `modifiedSince`, `sortField`, `sortOrder`, `page`; threads (50 a
page, newest first); `POST .../reply` and `.../notes` answering 201 with `Resource-ID`; one-operation
PATCHes (204); 100 threads per conversation (412); mailboxes and saved replies; vnd.error bodies;
`X-RateLimit-*-Minute` headers and gzip. Seed data, errors and accepted bodies: fixtures/helpscout/.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
from contract.loopback import LoopbackServer, Reply, Request
from helpdesk_live import Live

from supportterm.backends.helpscout_map import STATUS_FROM_HS, thread_text
from supportterm.domain.models import Status

KIND = "helpscout"
FIXTURES = Path(__file__).parent / "fixtures" / "helpscout"
APP_ID, APP_SECRET = "hs-app-id-1234", "hs-app-secret-5678"
CUSTOMER_ID = 238604
MAILBOX_ID = 85
CONVERSATION_PAGE, THREAD_PAGE, THREAD_LIMIT = 25, 50, 100
RATE_LIMIT = 200


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeHelpScout:
    """The fake's state (apps, tokens, users, conversations, threads, saved replies) and its routes."""

    def __init__(self) -> None:
        seed = load("seed.json")
        self.errors = load("errors.json")
        self.schemas = load("write_requests.json")
        self.apps = {a["client_id"]: a for a in seed["apps"]}
        self.users = {u["id"]: u for u in seed["users"]}
        self.customers = {c["id"]: c for c in seed["customers"]}
        self.mailboxes = seed["mailboxes"]
        self.conversations = {c["id"]: c for c in seed["conversations"]}
        self.threads = {int(k): v for k, v in seed["threads"].items()}
        self.saved_replies = seed["saved_replies"]
        self.tokens: dict[str, int] = {}
        """Access token → user id."""
        self.token_lifetime = 172800
        self.next_conversation, self.next_thread = 2391940000, 5000
        self.server = LoopbackServer()
        self.server.extra_headers = self._rate_headers
        self._minute: tuple[int, int] = (0, 0)
        r = self.server.route
        r("POST", r"/v2/oauth2/token", self.token)
        r("GET", r"/v2/users/me", self.me)
        r("GET", r"/v2/mailboxes", self.list_mailboxes)
        r("GET", r"/v2/mailboxes/(\d+)/saved-replies", self.list_saved)
        r("GET", r"/v2/mailboxes/(\d+)/saved-replies/(\d+)", self.show_saved)
        r("GET", r"/v2/conversations", self.list_conversations)
        r("POST", r"/v2/conversations", self.create)
        r("GET", r"/v2/conversations/(\d+)", self.show)
        r("PATCH", r"/v2/conversations/(\d+)", self.patch)
        r("GET", r"/v2/conversations/(\d+)/threads", self.list_threads)
        r("POST", r"/v2/conversations/(\d+)/(reply|notes|customer)", self.add_thread)

    # -- plumbing ----------------------------------------------------------------------------------

    def _rate_headers(self, request: Request) -> dict[str, str]:
        minute = int(time.time() // 60)
        used = self._minute[1] + 1 if self._minute[0] == minute else 1
        self._minute = (minute, used)
        return {"X-RateLimit-Limit-Minute": str(RATE_LIMIT),
                "X-RateLimit-Remaining-Minute": str(max(0, RATE_LIMIT - used))}

    def _user(self, request: Request) -> dict[str, Any] | None:
        auth = request.headers.get("authorization", "")
        user_id = self.tokens.get(auth[7:].strip()) if auth.startswith("Bearer ") else None
        return self.users.get(user_id) if user_id else None

    def error(self, status: int, key: str | None = None) -> Reply:
        return Reply(status, self.errors[key or str(status)], {"Content-Type": "application/vnd.error+json"})

    def _hal(self, key: str, items: list[dict[str, Any]], page: int, size: int, path: str) -> dict[str, Any]:
        total_pages = max(1, -(-len(items) // size))
        chunk = items[(page - 1) * size: page * size]
        links: dict[str, Any] = {"self": {"href": f"{path}?page={page}"}, "first": {"href": f"{path}?page=1"},
                                 "last": {"href": f"{path}?page={total_pages}"},
                                 "page": {"href": f"{path}{{?page}}", "templated": True}}
        if page < total_pages:
            links["next"] = {"href": f"{path}?page={page + 1}"}
        body: dict[str, Any] = {"page": {"size": size, "totalElements": len(items), "totalPages": total_pages,
                                         "number": page}, "_links": links}
        if chunk:  # Help Scout leaves _embedded out of an empty page
            body["_embedded"] = {key: chunk}
        return body

    def _bump(self, conversation: dict[str, Any]) -> None:
        conversation["userUpdatedAt"] = stamp()
        conversation["_modified"] = time.time()

    # -- auth and users ------------------------------------------------------------------------------

    def token(self, request: Request) -> Reply:
        if "json" in request.headers.get("content-type", ""):
            fields = request.json()
        else:
            fields = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        app = self.apps.get(fields.get("client_id", ""))
        if fields.get("grant_type") != "client_credentials" or not app \
                or app["client_secret"] != fields.get("client_secret"):
            return Reply(401, self.errors["token_401"])
        access = secrets.token_hex(16)
        self.tokens[access] = app["user_id"]
        return Reply(200, {"token_type": "bearer", "access_token": access, "expires_in": self.token_lifetime})

    def expire_tokens(self) -> None:
        """Every issued token stops working (they last two days; tests need it sooner)."""
        self.tokens.clear()

    def me(self, request: Request) -> Reply:
        user = self._user(request)
        return Reply(200, user) if user else self.error(401)

    def list_mailboxes(self, request: Request) -> Reply:
        if not self._user(request):
            return self.error(401)
        page = int(request.arg("page") or 1)
        return Reply(200, self._hal("mailboxes", self.mailboxes, page, 50, request.path))

    def list_saved(self, request: Request, mailbox: str) -> Reply:
        if not self._user(request):
            return self.error(401)
        replies = self.saved_replies.get(mailbox)
        if replies is None:
            return self.error(404)
        return Reply(200, [{k: r[k] for k in ("id", "name", "preview")} for r in replies])

    def show_saved(self, request: Request, mailbox: str, reply_id: str) -> Reply:
        if not self._user(request):
            return self.error(401)
        found = [r for r in self.saved_replies.get(mailbox, []) if r["id"] == int(reply_id)]
        return Reply(200, found[0]) if found else self.error(404)

    # -- conversations -------------------------------------------------------------------------------

    def _shown(self, conversation: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in conversation.items() if not k.startswith("_modified")}

    def list_conversations(self, request: Request) -> Reply:
        if not self._user(request):
            return self.error(401)
        status = request.arg("status") or "active"
        wanted = {"all": {"active", "pending", "closed"}, "open": {"active", "pending"}}.get(status, {status})
        mailboxes = {int(m) for m in (request.arg("mailbox") or "").split(",") if m}
        since = request.arg("modifiedSince")
        since_t = datetime.fromisoformat(since.replace("Z", "+00:00")).timestamp() if since else None
        found = [c for c in self.conversations.values() if c["status"] in wanted
                 and (not mailboxes or c["mailboxId"] in mailboxes)
                 and (since_t is None or self._modified(c) >= since_t)]
        field = {"modifiedAt": "_modified", "createdAt": "createdAt", "number": "number"}.get(
            request.arg("sortField") or "createdAt", "createdAt")
        found.sort(key=lambda c: (c.get(field) if field != "_modified" else self._modified(c), c["id"]),
                   reverse=(request.arg("sortOrder") or "desc") == "desc")
        page = int(request.arg("page") or 1)
        shown = [self._shown(c) for c in found]
        return Reply(200, self._hal("conversations", shown, page, CONVERSATION_PAGE, request.path))

    @staticmethod
    def _modified(conversation: dict[str, Any]) -> float:
        if "_modified" in conversation:
            return float(conversation["_modified"])
        return datetime.fromisoformat(conversation["userUpdatedAt"].replace("Z", "+00:00")).timestamp()

    def show(self, request: Request, conversation_id: str) -> Reply:
        if not self._user(request):
            return self.error(401)
        conversation = self.conversations.get(int(conversation_id))
        if conversation is None:
            return self.error(404)
        if conversation.get("mergedInto"):
            return Reply(301, None, {"Location": f"/v2/conversations/{conversation['mergedInto']}"})
        return Reply(200, self._shown(conversation))

    def create(self, request: Request) -> Reply:
        if not self._user(request):
            return self.error(401)
        body = request.json()
        customer = next(c for c in self.customers.values() if c["email"] == body["customer"]["email"])
        self.next_conversation += 1
        now = stamp()
        conversation = {
            "id": self.next_conversation, "number": self.next_conversation % 100000, "threads": 0,
            "type": body.get("type", "email"), "folderId": 493, "status": body.get("status", "active"),
            "state": "published", "subject": body["subject"], "preview": "", "mailboxId": body["mailboxId"],
            "assignee": None,
            "createdBy": {"id": customer["id"], "type": "customer", "email": customer["email"]},
            "createdAt": now, "closedBy": 0, "closedAt": None, "userUpdatedAt": now,
            "customerWaitingSince": {"time": now, "friendly": "just now", "latestReplyFrom": "customer"},
            "source": {"type": "email", "via": "customer"}, "tags": [], "cc": [], "bcc": [],
            "primaryCustomer": dict(customer), "customFields": [], "_modified": time.time(),
        }
        self.conversations[conversation["id"]] = conversation
        self.threads[conversation["id"]] = []
        for thread in body.get("threads") or ():
            self._append(conversation, "customer", thread["text"], customer, "customer")
        return Reply(201, None, {"Resource-ID": str(conversation["id"]),
                                 "Location": f"{self.server.url}/v2/conversations/{conversation['id']}"})

    def _invalid(self, kind: str, body: Any) -> str | None:
        schema = self.schemas[kind]
        if not isinstance(body, dict):
            return "body must be a JSON object"
        for key, value in body.items():
            allowed = schema.get(key)
            if allowed is None:
                return f"unknown field {key!r}"
            if isinstance(allowed, list) and value not in allowed:
                return f"{key} cannot be {value!r}"
        if kind in ("reply", "notes") and not body.get("text"):
            return "text"
        if kind == "reply" and not (body.get("customer") or {}).get("id"):
            return "customer"
        return None

    def _append(self, conversation: dict[str, Any], kind: str, text: str, author: dict[str, Any],
                author_type: str) -> dict[str, Any]:
        self.next_thread += 1
        thread = {"id": self.next_thread, "type": kind, "status": "active", "state": "published",
                  "action": {"type": "default", "associatedEntities": {}}, "body": text,
                  "source": {"type": "api", "via": author_type},
                  "createdBy": {"id": author["id"], "type": author_type, "first": author.get("first") or
                                author.get("firstName"), "last": author.get("last") or author.get("lastName"),
                                "email": author.get("email")},
                  "savedReplyId": 0, "to": [], "cc": [], "bcc": [], "createdAt": stamp(),
                  "_embedded": {"attachments": []}}
        self.threads[conversation["id"]].append(thread)
        conversation["threads"] += 1
        latest = "customer" if author_type == "customer" else "user"
        if kind != "note":
            conversation["customerWaitingSince"] = {"time": thread["createdAt"], "friendly": "just now",
                                                    "latestReplyFrom": latest}
        self._bump(conversation)
        return thread

    def add_thread(self, request: Request, conversation_id: str, kind: str) -> Reply:
        user = self._user(request)
        if not user:
            return self.error(401)
        conversation = self.conversations.get(int(conversation_id))
        if conversation is None:
            return self.error(404)
        body = request.json()
        if kind == "customer":
            customer = self.customers[body["customer"]["id"]]
            thread = self._append(conversation, "customer", body["text"], customer, "customer")
            conversation["status"] = "active"
        else:
            problem = self._invalid(kind, body)
            if problem:
                error = json.loads(json.dumps(self.errors["400"]))
                error["_embedded"]["errors"][0]["path"] = problem
                return Reply(400, error, {"Content-Type": "application/vnd.error+json"})
            if conversation["threads"] >= THREAD_LIMIT:
                return self.error(412)
            author = self.users.get(int(body.get("user") or user["id"]), user)
            thread = self._append(conversation, "reply" if kind == "reply" else "note", body["text"], author,
                                  "user")
            # A reply re-activates the conversation unless a status is given; a note keeps it.
            default = "active" if kind == "reply" else conversation["status"]
            conversation["status"] = body.get("status") or default
        return Reply(201, None, {"Resource-ID": str(thread["id"]),
                                 "Location": f"{self.server.url}/v2/conversations/{conversation_id}/threads/"
                                             f"{thread['id']}"})

    def patch(self, request: Request, conversation_id: str) -> Reply:
        if not self._user(request):
            return self.error(401)
        conversation = self.conversations.get(int(conversation_id))
        if conversation is None or conversation.get("mergedInto"):
            return self.error(404)
        body = request.json()
        problem = self._invalid("patch", body)
        if problem:
            return Reply(400, {"logRef": "patch", "message": f"Bad request: {problem}"})
        if body["path"] == "/status":
            conversation["status"] = body["value"]
        elif body["path"] == "/assignTo":
            user = self.users.get(body.get("value")) if body["op"] == "replace" else None
            conversation["assignee"] = ({"id": user["id"], "first": user["firstName"],
                                         "last": user["lastName"], "email": user["email"], "type": "user"}
                                        if user else None)
        elif body["path"] == "/subject":
            conversation["subject"] = body["value"]
        self._bump(conversation)
        return Reply(204)

    def list_threads(self, request: Request, conversation_id: str) -> Reply:
        if not self._user(request):
            return self.error(401)
        threads = self.threads.get(int(conversation_id))
        if threads is None:
            return self.error(404)
        newest_first = sorted(threads, key=lambda t: t["id"], reverse=True)
        page = int(request.arg("page") or 1)
        return Reply(200, self._hal("threads", newest_first, page, THREAD_PAGE, request.path))


class HelpScoutLive(Live):
    """The fake as the conformance suite sees it; checks go through the fake's API with the app's token."""

    fake: FakeHelpScout

    def _api(self, method: str, path: str, **kw: Any) -> httpx.Response:
        token = httpx.post(f"{self.url}/oauth2/token", timeout=10, json={
            "grant_type": "client_credentials", "client_id": APP_ID, "client_secret": APP_SECRET}).json()
        response = httpx.request(method, f"{self.url}{path}", timeout=10,
                                 headers={"Authorization": f"Bearer {token['access_token']}"}, **kw)
        response.raise_for_status()
        return response

    def create_ticket(self, subject: str, body: str) -> str:
        created = self._api("POST", "/conversations", json={
            "subject": subject, "customer": {"email": "leyla@customer.example"}, "mailboxId": MAILBOX_ID,
            "type": "email", "status": "active", "threads": [
                {"type": "customer", "customer": {"email": "leyla@customer.example"}, "text": body}]})
        return created.headers["Resource-ID"]

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        threads = self._api("GET", f"/conversations/{ticket_id}/threads").json()["_embedded"]["threads"]
        return [(thread_text(t["body"]), t["type"] != "note") for t in sorted(threads, key=lambda t: t["id"])
                if t["type"] in ("customer", "reply", "note")]

    def status(self, ticket_id: str) -> Status:
        return STATUS_FROM_HS[self._api("GET", f"/conversations/{ticket_id}").json()["status"]]

    def touch(self, ticket_id: str) -> None:
        self._api("POST", f"/conversations/{ticket_id}/customer", json={
            "customer": {"id": CUSTOMER_ID}, "text": "Any news? I am still waiting."})


@contextmanager
def start(folder: Path) -> Iterator[HelpScoutLive]:
    """The fake on a free loopback port for one session; the agent signs in with the app's credentials."""
    fake = FakeHelpScout()
    fake.server.start()
    try:
        live = HelpScoutLive(KIND, f"{fake.server.url}/v2", APP_SECRET, options={"user": APP_ID},
                             wrong=({"user": APP_ID}, "not-the-app-secret"), path="/v2")
        live.fake = fake
        yield live
    finally:
        fake.server.stop()
