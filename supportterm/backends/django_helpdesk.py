"""Provides the adapter for django-helpdesk 2.x through its Django REST framework API (`/api/`).

Auth: `Authorization: Token …` (DRF token, 40 hex) or HTTP Basic with the profile's `user`; the API
needs a staff account. The API has no change timestamps and no modified-since filter, so delta sync
tails `/api/followups/` (date order) for new follow-ups and re-reads only the tickets they touch, with a
full pass over `/api/tickets/` on the first sync and every `full_sync_minutes` (catches field-only
edits). Follow-ups carry `public` explicitly on every write (the server default is internal). The API
has no concurrency token: writes are checked against a digest of the ticket read just before.
docs/backends.md has the details and the limits.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timezone
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend
from supportterm.backends.download import read_capped, too_large
from supportterm.backends.http import json_body, map_http_errors, parse_or_fail, raise_for_status
from supportterm.backends.sent_match import match_sent
from supportterm.domain.models import (
    Agent,
    Attachment,
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
from supportterm.domain.text import one_line
from supportterm.errors import AuthError, BackendError, ConflictError

if TYPE_CHECKING:
    import httpx

DRF_TOKEN_RE = re.compile(r"^[0-9a-f]{40}$", re.IGNORECASE)
OPEN, REOPENED, RESOLVED, CLOSED, DUPLICATE = 1, 2, 3, 4, 5
STATUS_TO_DH = {
    Status.NEW: OPEN, Status.OPEN: OPEN, Status.PENDING: OPEN, Status.ON_HOLD: OPEN,
    Status.SOLVED: RESOLVED, Status.CLOSED: CLOSED,
}
PRIORITY_FROM_DH = {1: Priority.URGENT, 2: Priority.HIGH, 3: Priority.NORMAL, 4: Priority.LOW,
                    5: Priority.LOW}
PRIORITY_TO_DH = {Priority.URGENT: 1, Priority.HIGH: 2, Priority.NORMAL: 3, Priority.LOW: 4}
TAIL_PAGE = 100


def status_from_dh(status: int, on_hold: bool) -> Status:
    """Open/Reopened → open (on hold when flagged), Resolved → solved, Closed/Duplicate → closed."""
    if status in (OPEN, REOPENED):
        return Status.ON_HOLD if on_hold else Status.OPEN
    return Status.SOLVED if status == RESOLVED else Status.CLOSED


def version_of(data: dict[str, Any]) -> str:
    """The emulated concurrency token: a digest of the fields an agent acts on and the last follow-up."""
    followups = data.get("followup_set") or ()
    last = max((int(f["id"]) for f in followups), default=0)
    key = [data.get(k) for k in ("status", "on_hold", "priority", "assigned_to", "title", "queue")] + [last]
    return hashlib.sha1(json.dumps(key, default=str).encode()).hexdigest()[:16]


class DjangoHelpdeskBackend(HelpdeskBackend):
    """django-helpdesk 2.x (DRF API)."""

    NAME = "django-helpdesk"
    OPTIONS = (
        BackendOption("url", "Site base, e.g. https://help.example.com (the API is at <url>/api/)",
                      required=True),
        BackendOption("user", "staff user name, for Basic auth (not needed with a DRF token)"),
        BackendOption("token", "DRF token, or the user's password", secret=True),
        BackendOption("api_path", "where helpdesk.urls mounts the API", default="/api"),
        BackendOption("agent_id", "your numeric Django user id (the API cannot tell it)"),
        BackendOption("full_sync_minutes", "minutes between full passes", default="30"),
    )
    CAPABILITIES = (Capability.DELTA_SYNC | Capability.CONCURRENCY_TOKEN | Capability.INTERNAL_NOTES
                    | Capability.ATTACHMENTS)

    def __init__(
        self, options: Mapping[str, object], *, client: httpx.AsyncClient, token: str | None
    ) -> None:
        super().__init__(options, client=client, token=token)
        self.user = str(options["user"]) if options.get("user") else None
        base_path = client.base_url.path.rstrip("/")
        api = str(options.get("api_path", "/api")).rstrip("/")
        self.api = "" if base_path.endswith(api) else api
        self.agent_id = str(options["agent_id"]) if options.get("agent_id") else None
        try:
            self.full_every_s = float(str(options.get("full_sync_minutes", "30"))) * 60
        except ValueError:
            raise BackendError("django-helpdesk option full_sync_minutes must be a number.") from None
        self._sent: dict[str, tuple[str, Visibility, datetime]] = {}
        if token and (DRF_TOKEN_RE.match(token.strip()) or not self.user):
            client.headers["Authorization"] = f"Token {token.strip()}"
        elif token and self.user:
            client.auth = (self.user, token)

    async def _request(self, method: str, path: str, what: str, **kwargs: Any) -> httpx.Response:
        async with map_http_errors(what):
            response = await self.client.request(method, self.api + path, **kwargs)
        raise_for_status(response)
        return response

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> Any:
        return json_body(await self._request(method, path, what, **kwargs), what)

    async def whoami(self) -> Agent:
        """Checks the credentials (and staff rights) with the smallest list the API serves."""
        try:
            await self._json("GET", "/followups/", "signing in", params={"page_size": 1})
        except AuthError as exc:
            raise AuthError(
                "django-helpdesk refused the sign-in: check the user name and password (or DRF "
                f"token), and that the account is staff (is_staff). {exc}"
            ) from exc
        name = self.user or "API token"
        return Agent(id=self.agent_id or name, name=name)

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        state = _load(cursor)
        if state.get("mode") != "tail" or time.time() - float(state.get("full_at", 0)) > self.full_every_s:
            return await self._full_pass(state, limit)
        return await self._tail(state)

    async def _full_pass(self, state: dict[str, Any], limit: int) -> ChangeSet:
        """One page of every ticket (each with its follow-ups); the last page switches to tailing."""
        page = int(state.get("page", 1)) if state.get("mode") == "full" else 1
        started = float(state.get("started", time.time())) if page > 1 else time.time()
        size = max(1, min(limit, 100))
        what = "fetching all tickets"
        data = await self._json("GET", "/tickets/", what, params={"page": page, "page_size": size})
        results = _results(data)
        tickets, people = _parse_tickets(results)
        if data.get("next"):
            nxt = {"mode": "full", "page": page + 1, "started": started}
            return ChangeSet(tickets=tickets, people=people, cursor=json.dumps(nxt), has_more=True)
        tail = await self._tail_position()
        tail.update(mode="tail", full_at=started)
        return ChangeSet(tickets=tickets, people=people, cursor=json.dumps(tail))

    async def _tail_position(self) -> dict[str, Any]:
        """Where the follow-up feed ends now: its length and newest id (one small request)."""
        data = await self._json("GET", "/followups/", "reading the follow-up feed", params={"page_size": 1})
        count = int(data.get("count") or 0)
        if count == 0:
            return {"n": 0, "f": 0}
        last = await self._json("GET", "/followups/", "reading the follow-up feed",
                                params={"page_size": 1, "page": count})
        return {"n": count, "f": max(int(f["id"]) for f in _results(last))}

    async def _tail(self, state: dict[str, Any]) -> ChangeSet:
        """New follow-ups since the cursor (one request when idle), then the tickets they touch."""
        seen, newest = int(state.get("n", 0)), int(state.get("f", 0))
        page = max(1, -(-seen // TAIL_PAGE))  # the page holding the last follow-up we saw
        data = await self._json("GET", "/followups/", "fetching changes",
                                params={"page": page, "page_size": TAIL_PAGE})
        count = int(data.get("count") or 0)
        if count < seen:  # follow-ups were deleted: positions moved, so read everything again
            return await self._full_pass({}, TAIL_PAGE)
        fresh = [f for f in _results(data) if int(f["id"]) > newest]
        if not fresh:
            return ChangeSet(tickets=(), cursor=json.dumps(state), not_modified=count == seen)
        touched = sorted({str(f["ticket"]) for f in fresh}, key=int)
        raw = [await self._json("GET", f"/tickets/{t}/", f"fetching #{t}") for t in touched]
        tickets, people = _parse_tickets(raw)
        more = count > page * TAIL_PAGE
        state = {**state, "n": min(count, page * TAIL_PAGE), "f": max(int(f["id"]) for f in fresh)}
        return ChangeSet(tickets=tickets, people=people, cursor=json.dumps(state), has_more=more)

    async def _ticket_json(self, ticket_id: str) -> dict[str, Any]:
        data = await self._json("GET", f"/tickets/{ticket_id}/", f"fetching #{ticket_id}")
        if not isinstance(data, dict):
            raise BackendError(f"django-helpdesk sent a malformed ticket #{ticket_id}.")
        return data

    async def get_ticket(self, ticket_id: str) -> Ticket:
        return _parse(ticket_from_dh, await self._ticket_json(ticket_id), "ticket")[0]

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        data = await self._ticket_json(ticket_id)
        messages = _parse(messages_from_dh, data, "follow-up list")
        return [self._named(m) for m in messages if after is None or int(m.id) > int(after)]

    def _named(self, message: Message) -> Message:
        """The agent's own follow-ups carry the sign-in name (the API names no users, only ids)."""
        if self.user and self.agent_id is not None and message.author_id == self.agent_id:
            return replace(message, author_name=self.user)
        return message

    async def _guard(self, ticket_id: str, expect_version: str | None) -> None:
        """Refuse a write when the ticket differs from the agent's copy (read just before writing:
        the API has no If-Match, so a change landing in between is not caught)."""
        if not expect_version:
            return
        current = version_of(await self._ticket_json(ticket_id))
        if current != expect_version:
            raise ConflictError(f"Ticket #{ticket_id} changed on django-helpdesk meanwhile.",
                                server_version=current)

    async def post_message(
        self,
        ticket_id: str,
        draft: ReplyDraft,
        *,
        marker: str,
        expect_version: str | None = None,
    ) -> tuple[Message, Ticket | None]:
        await self._guard(ticket_id, expect_version)
        body: dict[str, Any] = {
            "ticket": int(ticket_id), "comment": draft.body,
            "public": draft.visibility is Visibility.PUBLIC,  # the server default is internal
        }
        if draft.new_status is not None:
            body["new_status"] = STATUS_TO_DH[draft.new_status]
        what = f"sending a {'reply' if body['public'] else 'note'} to #{ticket_id}"
        self._sent[marker] = (draft.body, draft.visibility, datetime.now(timezone.utc))
        data = await self._json("POST", "/followups/", what, json=body)
        if data.get("user") is not None and self.agent_id is None and not self.user:
            self.agent_id = str(data["user"])
        message = _parse(lambda f: message_from_dh(f, ticket_id, None), data, "follow-up")
        ticket = await self.get_ticket(ticket_id)
        return _with_marker(message, marker), ticket

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        """django-helpdesk stores no client marker: match exact body + visibility + our own author
        within ten minutes, for replies this process sent (the lost-response window)."""
        sent = self._sent.get(marker)
        if sent is None:
            return None
        return match_sent(await self.get_thread(ticket_id), sent, marker, author_id=self.agent_id)

    async def fetch_attachment(self, attachment: Attachment, *, limit: int | None = None) -> bytes:
        """The file at the URL the API gives (`followupattachment_set[].file`, served from Django's
        media folder). Only from the helpdesk's own origin: the client sends the agent's token with
        every request, so a file stored elsewhere (a CDN, another host) is not fetched."""
        cap = limit or self.MAX_ATTACHMENT_BYTES
        name = one_line(attachment.filename, limit=80) or f"attachment {attachment.id}"
        if attachment.size is not None and attachment.size > cap:
            raise too_large(name, attachment.size, cap)
        url = _same_origin(attachment.locator or "", str(self.client.base_url))
        if url is None:
            where = one_line(urlsplit(attachment.locator or "").netloc or "no address", limit=80)
            raise BackendError(f"django-helpdesk keeps {name} on another server ({where}); supportterm does "
                               "not send your credentials there. Open it in the browser instead.")
        body, _ = await read_capped(self.client, url, what=f"downloading {name}", name=name, limit=cap)
        return body

    async def update_ticket(
        self, ticket_id: str, patch: TicketPatch, *, expect_version: str | None = None
    ) -> Ticket:
        body: dict[str, Any] = {}
        if patch.status is not None:
            body["status"] = STATUS_TO_DH[patch.status]
            body["on_hold"] = patch.status in (Status.PENDING, Status.ON_HOLD)
        if patch.priority is not None:
            body["priority"] = PRIORITY_TO_DH[patch.priority]
        if patch.assignee_id is not None:
            body["assigned_to"] = int(patch.assignee_id) if patch.assignee_id.isdigit() else None
        await self._guard(ticket_id, expect_version)
        if not body:
            return await self.get_ticket(ticket_id)
        data = await self._json("PATCH", f"/tickets/{ticket_id}/", f"updating #{ticket_id}", json=body)
        return _parse(ticket_from_dh, data, "ticket")[0]


def _same_origin(url: str, base: str) -> str | None:
    """`url` made absolute against `base`, or None when it points at another scheme, host or port."""
    if not url:
        return None
    absolute = urljoin(base, url)
    ours, theirs = urlsplit(base), urlsplit(absolute)
    if (theirs.scheme, theirs.hostname, theirs.port) != (ours.scheme, ours.hostname, ours.port):
        return None
    return absolute


def _attachments(followup: dict[str, Any]) -> tuple[Attachment, ...]:
    """A follow-up's files (`followupattachment_set`: id, file URL, filename, mime_type, size)."""
    files = []
    for item in followup.get("followupattachment_set") or ():
        size = item.get("size")
        files.append(Attachment(
            id=str(item["id"]), message_id=str(followup["id"]),
            filename=str(item.get("filename") or str(item.get("file") or "").rsplit("/", 1)[-1]),
            size=int(size) if isinstance(size, int | str) and str(size).isdigit() else None,
            content_type=str(item.get("mime_type") or "") or None,
            locator=str(item.get("file") or "") or None,
        ))
    return tuple(files)


def _load(cursor: str | None) -> dict[str, Any]:
    try:
        state = json.loads(cursor) if cursor else {}
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


def _results(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise BackendError("django-helpdesk sent a list without 'results'.")
    return data["results"]


_parse = partial(parse_or_fail, "django-helpdesk")
"""Parse one part of an answer; a malformed part is a plain BackendError (backends/http.py)."""


def _parse_tickets(items: list[Any]) -> tuple[tuple[Ticket, ...], tuple[Person, ...]]:
    tickets, people = [], {}
    for item in items:
        ticket, person = _parse(ticket_from_dh, item, "ticket")
        tickets.append(ticket)
        people[person.id] = person
    return tuple(tickets), tuple(people.values())


def _with_marker(message: Message, marker: str) -> Message:
    return replace(message, marker=marker)


def message_from_dh(
    data: dict[str, Any], ticket_id: str, submitter: str | None, first: bool = False
) -> Message:
    """A follow-up as a domain Message. The opening follow-up and those without a user (e-mail,
    anonymous web) are the customer's; any other user counts as an agent (the API lists no users)."""
    created = parse_time(data["date"])
    if created is None:
        raise ValueError("follow-up without a date")
    customer = first or data.get("user") is None
    author = (submitter or "customer") if customer else str(data["user"])
    return Message(
        id=str(data["id"]), ticket_id=str(ticket_id), author_id=author,
        author_name=None if customer else f"agent #{author}",  # not a bare "2" in the thread
        author_role=Role.CUSTOMER if customer else Role.AGENT,
        visibility=Visibility.PUBLIC if data.get("public") else Visibility.INTERNAL,
        body=str(data.get("comment") or ""), created_at=created, attachments=_attachments(data),
    )


def messages_from_dh(data: dict[str, Any]) -> list[Message]:
    """A ticket's follow-ups (oldest first), skipping empty ones (bare status changes, no file)."""
    followups = sorted(data.get("followup_set") or (), key=lambda f: (f["date"], int(f["id"])))
    submitter = data.get("submitter_email")
    return [
        message_from_dh(f, str(data["id"]), submitter, first=i == 0)
        for i, f in enumerate(followups)
        if (f.get("comment") or "").strip() or f.get("followupattachment_set")
    ]


def _followup_dates(data: dict[str, Any]) -> list[datetime]:
    """Every follow-up's date, bare status changes included: the API lists no creation time, and a ticket
    whose only follow-up is an empty "opened" entry must keep one stable creation time from sync to sync
    (a changed one means the helpdesk reused the id, and the cached thread is dropped)."""
    return [when for f in data.get("followup_set") or () if (when := parse_time(f.get("date"))) is not None]


def ticket_from_dh(data: dict[str, Any]) -> tuple[Ticket, Person]:
    """A django-helpdesk ticket (with its follow-ups) as a domain Ticket plus its submitter."""
    messages = messages_from_dh(data)
    dates = _followup_dates(data) or [datetime.now(timezone.utc)]
    customer = [m.created_at for m in messages if m.author_role is Role.CUSTOMER]
    agent = [m.created_at for m in messages
             if m.author_role is Role.AGENT and m.visibility is Visibility.PUBLIC]
    submitter = str(data.get("submitter_email") or "customer")
    ticket = Ticket(
        id=str(data["id"]), subject=str(data.get("title") or ""),
        status=status_from_dh(int(data["status"]), bool(data.get("on_hold"))),
        priority=PRIORITY_FROM_DH.get(int(data.get("priority") or 3), Priority.NORMAL),
        channel=Channel.WEB, requester_id=submitter,
        assignee_id=str(data["assigned_to"]) if data.get("assigned_to") is not None else None,
        created_at=min(dates), updated_at=max(dates), due_at=parse_time(data.get("due_date")),
        version=version_of(data), last_customer_at=max(customer, default=None),
        last_agent_at=max(agent, default=None), message_count=len(messages),
    )
    return ticket, Person(id=submitter, name=submitter, role=Role.CUSTOMER, email=submitter)
