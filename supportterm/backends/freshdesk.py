"""Provides the adapter for Freshdesk through its REST API v2 (`https://<domain>.freshdesk.com/api/v2`).

Auth: HTTP Basic with the agent's API key as user name and `X` as password. Delta sync lists
`/tickets?updated_since=…&order_by=updated_at&order_type=asc` page by page (`SinceCursor`, one second
of overlap because Freshdesk stamps have whole seconds). The thread is the ticket's description plus
its conversations (`private` = internal note, `incoming` = from the customer). Replies go to
`/tickets/{id}/reply`, notes to `/tickets/{id}/notes` (always `private: true`). Freshdesk has no
concurrency token, so writes are checked against the ticket's `updated_at` read just before.
docs/backends.md has the details and the limits.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING, Any

from supportterm.backends.availability import availability_request
from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend
from supportterm.backends.http import json_body, map_http_errors, parse_or_fail, raise_for_status
from supportterm.backends.sent_match import match_sent
from supportterm.backends.since_cursor import SinceCursor
from supportterm.domain.mail import html_to_text
from supportterm.domain.models import (
    Agent,
    CannedReply,
    ChangeSet,
    Channel,
    Message,
    Person,
    Priority,
    ReplyDraft,
    Role,
    Status,
    Ticket,
    TicketPatch,
    Visibility,
    parse_time,
)
from supportterm.errors import AuthError, BackendError, ConfigError, ConflictError

if TYPE_CHECKING:
    import httpx

API = "/api/v2"
PAGE = 100
"""Freshdesk's largest `per_page`."""
OVERLAP = timedelta(seconds=1)
INCLUDES = ("requester", "stats")
OPEN, PENDING, RESOLVED, CLOSED = 2, 3, 4, 5
STATUS_FROM_FD = {OPEN: Status.OPEN, PENDING: Status.PENDING, RESOLVED: Status.SOLVED, CLOSED: Status.CLOSED}
STATUS_TO_FD = {Status.NEW: OPEN, Status.OPEN: OPEN, Status.PENDING: PENDING, Status.ON_HOLD: PENDING,
                Status.SOLVED: RESOLVED, Status.CLOSED: CLOSED}
PRIORITY_FROM_FD = {1: Priority.LOW, 2: Priority.NORMAL, 3: Priority.HIGH, 4: Priority.URGENT}
PRIORITY_TO_FD = {p: n for n, p in PRIORITY_FROM_FD.items()}
CHANNEL_FROM_SOURCE = {1: Channel.EMAIL, 2: Channel.WEB, 3: Channel.PHONE, 4: Channel.FORUM, 5: Channel.FORUM,
                       6: Channel.FORUM, 7: Channel.CHAT, 8: Channel.CHAT, 9: Channel.WEB, 10: Channel.EMAIL,
                       11: Channel.WEB, 12: Channel.CHAT}
"""Freshdesk `source`: 1 email, 2 portal, 3 phone, 4 forum, 5 Twitter, 6 Facebook, 7 chat, 8 MobiHelp,
9 feedback widget, 10 outbound email, 11 e-commerce, 12 bot."""
OUTBOUND = 10


def status_from_fd(value: Any) -> Status:
    """2-5 as documented; custom statuses (ids above 5, e.g. "Waiting on third party") are on hold."""
    number = int(value)
    return STATUS_FROM_FD.get(number, Status.ON_HOLD)


def text_to_html(text: str) -> str:
    """Freshdesk bodies are HTML: the agent's plain text, escaped, one <br> per line break."""
    return "<div>" + "<br>".join(html.escape(line) for line in text.split("\n")) + "</div>"


def _stamp(value: datetime) -> str:
    """`updated_since` takes whole seconds (rounded down, so the overlap still covers the edge)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class FreshdeskBackend(HelpdeskBackend):
    """Freshdesk (API v2)."""

    NAME = "freshdesk"
    OPTIONS = (
        BackendOption("url", "Helpdesk address, e.g. https://acme.freshdesk.com (the API is at /api/v2)",
                      required=True),
        BackendOption("token", "your API key (Profile settings → View API key)", secret=True),
        BackendOption("include", "extra ticket data per list call, each costs 2 API credits "
                      "('requester,stats'; '' = none)", default="requester,stats"),
        BackendOption("initial_days", "the first sync reads tickets updated in this many days", default="30"),
    )
    CAPABILITIES = (Capability.DELTA_SYNC | Capability.CONCURRENCY_TOKEN | Capability.INTERNAL_NOTES
                    | Capability.CANNED_REPLIES | Capability.SLA_FIELDS | Capability.RECENT_FIRST
                    | Capability.AVAILABILITY)

    def __init__(self, options: Mapping[str, object], *, client: httpx.AsyncClient,
                 token: str | None) -> None:
        super().__init__(options, client=client, token=token)
        self.prefix = "" if client.base_url.path.rstrip("/").endswith(API) else API
        include = [p.strip() for p in str(options.get("include", "requester,stats") or "").split(",")]
        unknown = [p for p in include if p and p not in INCLUDES]
        if unknown:
            raise ConfigError(f"Freshdesk option include: unknown '{unknown[0]}' (use requester, stats).")
        self.include = ",".join(p for p in include if p)
        try:
            self.initial_days = float(str(options.get("initial_days", "30")))
        except ValueError:
            raise ConfigError("Freshdesk option initial_days must be a number of days.") from None
        if token:
            client.auth = (token.strip(), "X")
        self._me: Agent | None = None
        self._sent: dict[str, tuple[str, Visibility, datetime]] = {}

    async def _request(self, method: str, path: str, what: str, **kwargs: Any) -> httpx.Response:
        async with map_http_errors(what):
            response = await self.client.request(method, self.prefix + path, **kwargs)
        if response.status_code == 400:
            raise BackendError(f"Freshdesk refused the request while {what}: {_validation(response)}.")
        raise_for_status(response)
        return response

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> Any:
        return json_body(await self._request(method, path, what, **kwargs), what)

    async def whoami(self) -> Agent:
        if not self.token:
            raise AuthError("Freshdesk needs your API key (Profile settings → View API key) as the secret.")
        try:
            data = await self._json("GET", "/agents/me", "signing in")
        except AuthError as exc:
            raise AuthError(
                f"Freshdesk refused the API key. Copy it again from Profile settings. {exc}"
            ) from exc
        if not isinstance(data, dict) or "id" not in data:
            raise BackendError("Freshdesk sent a malformed answer to /agents/me.")
        contact = data.get("contact") if isinstance(data.get("contact"), dict) else {}
        self._me = Agent(id=str(data["id"]), name=str(contact.get("name") or data["id"]),
                         email=contact.get("email"))
        return self._me

    async def _myself(self) -> Agent:
        return self._me or await self.whoami()

    def _list_params(self, since: datetime, page: int, per_page: int) -> dict[str, Any]:
        params: dict[str, Any] = {"updated_since": _stamp(since), "order_by": "updated_at",
                                  "order_type": "asc", "per_page": per_page, "page": page}
        if self.include:
            params["include"] = self.include
        return params

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        position = SinceCursor.load(cursor)
        since = position.since or datetime.now(timezone.utc) - timedelta(days=self.initial_days)
        per_page = max(1, min(limit, PAGE))
        response = await self._request("GET", "/tickets", "fetching changes",
                                       params=self._list_params(since, position.page, per_page))
        items = _list(json_body(response, "fetching changes"), "ticket list")
        full = _has_next(response) or len(items) >= per_page
        fresh = [i for i in items if position.is_fresh(str(i.get("id")), str(i.get("updated_at")))]
        parsed = [_parse(ticket_from_fd, item, "ticket") for item in fresh]
        people = {p.id: p for _, persons in parsed for p in persons}
        pairs = [(str(i["id"]), str(i["updated_at"])) for i in items]
        moved = position.advance(pairs, full=full, overlap=OVERLAP)
        if position.since is None and moved.since is None:
            moved.since = since  # an empty first sync: the next one starts where this one looked
        dumped = moved.dump()
        return ChangeSet(tickets=tuple(t for t, _ in parsed), people=tuple(people.values()), cursor=dumped,
                         has_more=full, not_modified=not fresh and dumped == cursor)

    async def list_recent(self, limit: int) -> ChangeSet:
        """The newest changes first, in one call, so the inbox has a first screen before the full sync."""
        since = datetime.now(timezone.utc) - timedelta(days=self.initial_days)
        params = {**self._list_params(since, 1, max(1, min(limit, PAGE))), "order_type": "desc"}
        items = _list(await self._json("GET", "/tickets", "fetching the newest tickets", params=params),
                      "ticket list")
        parsed = [_parse(ticket_from_fd, item, "ticket") for item in items]
        people = {p.id: p for _, persons in parsed for p in persons}
        return ChangeSet(tickets=tuple(t for t, _ in parsed), people=tuple(people.values()))

    async def get_ticket(self, ticket_id: str) -> Ticket:
        params = {"include": self.include} if self.include else None
        data = await self._json("GET", f"/tickets/{ticket_id}", f"fetching #{ticket_id}", params=params)
        return _parse(ticket_from_fd, data, "ticket")[0]

    async def _pages(self, path: str, what: str) -> list[dict[str, Any]]:
        """Every item of a paged list, following `Link: <…>; rel="next"`."""
        items: list[dict[str, Any]] = []
        page = 1
        while True:
            response = await self._request("GET", path, what, params={"per_page": PAGE, "page": page})
            items.extend(_list(json_body(response, what), what))
            if not _has_next(response):
                return items
            page += 1

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        """Description + conversations, oldest first; with `after` only conversations are read (the
        description is always first, so it is never new)."""
        what = f"fetching the thread of #{ticket_id}"
        messages: list[Message] = []
        if after is None:
            data = await self._json("GET", f"/tickets/{ticket_id}", what)
            messages.append(_parse(description_from_fd, data, "ticket"))
        conversations = await self._pages(f"/tickets/{ticket_id}/conversations", what)
        messages += [_parse(message_from_fd, c, "conversation", ticket_id) for c in conversations]
        messages.sort(key=lambda m: (m.created_at, not m.id.startswith("d")))
        ids = [m.id for m in messages]
        return messages[ids.index(after) + 1:] if after in ids else messages

    async def _guard(self, ticket_id: str, expect_version: str | None) -> None:
        """Refuse a write when the ticket's updated_at moved since the agent's copy (Freshdesk has no
        If-Match: a change landing between this read and the write is not caught)."""
        if not expect_version:
            return
        data = await self._json("GET", f"/tickets/{ticket_id}", f"checking #{ticket_id}")
        current = str(data.get("updated_at")) if isinstance(data, dict) else None
        if current != expect_version:
            raise ConflictError(f"Ticket #{ticket_id} changed on Freshdesk meanwhile.",
                                server_version=current)

    async def post_message(self, ticket_id: str, draft: ReplyDraft, *, marker: str,
                           expect_version: str | None = None) -> tuple[Message, Ticket | None]:
        me = await self._myself()
        await self._guard(ticket_id, expect_version)
        internal = draft.visibility is Visibility.INTERNAL
        path, body = ((f"/tickets/{ticket_id}/notes", {"body": text_to_html(draft.body), "private": True})
                      if internal else (f"/tickets/{ticket_id}/reply", {"body": text_to_html(draft.body)}))
        self._sent[marker] = (draft.body, draft.visibility, datetime.now(timezone.utc))
        what = f"sending {'a note' if internal else 'a reply'} to #{ticket_id}"
        data = await self._json("POST", path, what, json=body)
        data = {**data, "private": internal, "incoming": False, "user_id": data.get("user_id") or me.id}
        message = _parse(message_from_fd, data, "conversation", ticket_id)
        message = replace(message, author_name=me.name, marker=marker)
        if draft.new_status is not None:
            return message, await self._put(ticket_id, {"status": STATUS_TO_FD[draft.new_status]})
        return message, await self.get_ticket(ticket_id)

    async def _put(self, ticket_id: str, body: dict[str, Any]) -> Ticket:
        data = await self._json("PUT", f"/tickets/{ticket_id}", f"updating #{ticket_id}", json=body)
        if "stats" in self.include:
            # The PUT answer has no stats: without them the cached "awaiting reply" and SLA due
            # would be wrong until the next sync, so the ticket is read again with them.
            return await self.get_ticket(ticket_id)
        return _parse(ticket_from_fd, data, "ticket")[0]

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        """Freshdesk keeps no client marker: match exact text + visibility + own author within ten
        minutes, for replies this process sent (the lost-response window)."""
        sent = self._sent.get(marker)
        if sent is None:
            return None
        me = await self._myself()
        return match_sent(await self.get_thread(ticket_id), sent, marker, author_id=me.id)

    async def update_ticket(self, ticket_id: str, patch: TicketPatch, *,
                            expect_version: str | None = None) -> Ticket:
        body: dict[str, Any] = {}
        if patch.status is not None:
            body["status"] = STATUS_TO_FD[patch.status]
        if patch.priority is not None:
            body["priority"] = PRIORITY_TO_FD[patch.priority]
        if patch.assignee_id is not None:
            body["responder_id"] = int(patch.assignee_id) if patch.assignee_id.isdigit() else None
        await self._guard(ticket_id, expect_version)
        if not body:
            return await self.get_ticket(ticket_id)
        return await self._put(ticket_id, body)

    async def set_available(self, available: bool) -> bool:
        """The agent's `available` flag (Update an Agent), which round-robin ticket assignment honours."""
        me = await self._myself()
        data = await availability_request(
            self.client, "PUT", f"{self.prefix}/agents/{me.id}", vendor="Freshdesk",
            doing="changing your availability", json={"available": available},
            advice="Ask an admin to let agents change their availability (Admin → Agents → roles), or "
                   "switch it in Freshdesk's availability toggle.")
        return _available(data)

    async def get_available(self) -> bool:
        data = await availability_request(
            self.client, "GET", f"{self.prefix}/agents/me", vendor="Freshdesk",
            doing="reading your availability", advice="Check the API key's agent in Freshdesk.")
        return _available(data)

    async def list_canned(self) -> list[CannedReply]:
        """Every canned response of every folder the agent sees (1 + one request per folder)."""
        what = "fetching canned responses"
        folders = _list(await self._json("GET", "/canned_response_folders", what), "folder list")
        replies = []
        for folder in folders:
            items = _list(await self._json("GET", f"/canned_response_folders/{folder['id']}/responses", what),
                          "canned response list")
            replies += [_parse(canned_from_fd, item, "canned response", str(folder.get("name") or ""))
                        for item in items]
        return replies


def _available(data: Any) -> bool:
    """The `available` flag of an agent record (GET /agents/me, PUT /agents/{id})."""
    value = data.get("available") if isinstance(data, dict) else None
    if not isinstance(value, bool):
        raise BackendError("Freshdesk sent an agent without its 'available' flag.")
    return value


def _validation(response: httpx.Response) -> str:
    """Freshdesk's 400 body: {"description": "Validation failed", "errors": [{field, message, code}]}."""
    try:
        data = response.json()
    except ValueError:
        return "HTTP 400"
    errors = data.get("errors") if isinstance(data, dict) else None
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        return f"{first.get('field') or 'request'}: {first.get('message') or first.get('code')}"
    return str(data.get("description") or "HTTP 400") if isinstance(data, dict) else "HTTP 400"


def _has_next(response: httpx.Response) -> bool:
    return 'rel="next"' in response.headers.get("Link", "")


def _list(data: Any, what: str) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
        raise BackendError(f"Freshdesk sent a malformed {what} (expected a JSON array of objects).")
    return data


_parse = partial(parse_or_fail, "Freshdesk")
"""Parse one part of an answer; a malformed part is a plain BackendError (backends/http.py)."""


def _time(value: Any) -> datetime | None:
    return parse_time(str(value)) if value else None


def _due(data: dict[str, Any], status: Status, first_answered: bool) -> datetime | None:
    """The next SLA deadline: next response (nr_due_by) when the account has it, else the first
    response (fr_due_by) until an agent has answered, then resolution (due_by). None once solved."""
    if not status.is_active and status is not Status.PENDING:
        return None
    if data.get("nr_due_by"):
        return _time(data["nr_due_by"])
    if not first_answered and data.get("fr_due_by"):
        return _time(data["fr_due_by"])
    return _time(data.get("due_by"))


def ticket_from_fd(data: dict[str, Any]) -> tuple[Ticket, list[Person]]:
    """A Freshdesk ticket (list item or single record) as a domain Ticket plus its requester."""
    created, updated = _time(data["created_at"]), _time(data["updated_at"])
    if created is None or updated is None:
        raise ValueError("ticket without timestamps")
    stats = data.get("stats") if isinstance(data.get("stats"), dict) else None
    last_agent = _time(stats.get("agent_responded_at")) if stats else None
    last_customer = _time(stats.get("requester_responded_at")) if stats else None
    if stats is not None and last_customer is None and data.get("source") != OUTBOUND:
        last_customer = created  # the opening message is the requester's, and stats do not count it
    status = status_from_fd(data["status"])
    first_answered = bool(stats and (stats.get("first_responded_at") or last_agent))
    ticket = Ticket(
        id=str(data["id"]), subject=str(data.get("subject") or ""), status=status,
        priority=PRIORITY_FROM_FD.get(int(data.get("priority") or 1), Priority.NORMAL),
        channel=CHANNEL_FROM_SOURCE.get(int(data.get("source") or 1), Channel.EMAIL),
        requester_id=str(data["requester_id"]),
        assignee_id=str(data["responder_id"]) if data.get("responder_id") else None,
        created_at=created, updated_at=updated, due_at=_due(data, status, first_answered),
        version=str(data["updated_at"]), last_customer_at=last_customer, last_agent_at=last_agent,
        tags=tuple(str(t) for t in data.get("tags") or ()),
    )
    people = []
    requester = data.get("requester")
    if isinstance(requester, dict) and requester.get("id"):
        people.append(Person(id=str(requester["id"]), name=str(requester.get("name") or requester["id"]),
                             role=Role.CUSTOMER, email=requester.get("email") or None))
    return ticket, people


def _text(data: dict[str, Any], plain: str, rich: str) -> str:
    """Freshdesk sends both; the plain one is preferred, the HTML one converted when it is missing."""
    if data.get(plain) is not None:
        return str(data[plain])
    return html_to_text(str(data.get(rich) or ""))


def description_from_fd(data: dict[str, Any]) -> Message:
    """The ticket's description: the requester's opening message (outbound e-mail: the agent's)."""
    created = _time(data["created_at"])
    if created is None:
        raise ValueError("ticket without created_at")
    outbound = data.get("source") == OUTBOUND
    return Message(
        id=f"d{data['id']}", ticket_id=str(data["id"]), author_id=str(data["requester_id"]),
        author_role=Role.AGENT if outbound else Role.CUSTOMER, visibility=Visibility.PUBLIC,
        body=_text(data, "description_text", "description"), created_at=created,
    )


def message_from_fd(data: dict[str, Any], ticket_id: str) -> Message:
    """A conversation: a reply, a note (`private`) or a customer's message (`incoming`)."""
    created = _time(data["created_at"])
    if created is None:
        raise ValueError("conversation without created_at")
    return Message(
        id=str(data["id"]), ticket_id=str(ticket_id), author_id=str(data.get("user_id") or ""),
        author_role=Role.CUSTOMER if data.get("incoming") else Role.AGENT,
        visibility=Visibility.INTERNAL if data.get("private") else Visibility.PUBLIC,
        body=_text(data, "body_text", "body"), created_at=created,
    )


def canned_from_fd(data: dict[str, Any], folder: str) -> CannedReply:
    """A canned response; its Liquid placeholders (`{{ticket.requester.name}}`) are kept for the
    reply library, which knows the common ones."""
    rich = data.get("content_html")
    body = html_to_text(str(rich)) if rich else str(data.get("content") or "")
    return CannedReply(id=f"freshdesk:{data['id']}", title=str(data.get("title") or data["id"]), body=body,
                       tags=(folder,) if folder else ())
