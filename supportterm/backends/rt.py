"""Provides the adapter for Request Tracker 5 through its built-in REST2 API (`/REST/2.0`).

Auth: `Authorization: token …` when the secret looks like an RT auth token (`1-<user id>-<32 hex>`),
otherwise HTTP Basic with the profile's `user` and the secret as password. Delta sync is a TicketSQL
search on `LastUpdated` (keyset cursor, see `_Cursor`); threads are the ticket's Create, Correspond
(public) and Comment (internal) transactions; writes are guarded by RT's ETags (`If-Match`, 412).
Markers live in a transaction custom field (`marker_field`), never in text a customer reads.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from typing import TYPE_CHECKING, Any

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
from supportterm.errors import AuthError, BackendError, ConflictError, TooLargeError

if TYPE_CHECKING:
    import httpx

REST = "/REST/2.0"
TOKEN_RE = re.compile(r"^1-(\d+)-[0-9a-f]{32}$", re.IGNORECASE)
PAGE = 100
"""RT caps every collection at 100 items per page."""
MAX_EXCLUDED = 50  # seen ids of the cursor's second left out in TicketSQL; more are paged past here
NOBODY = "Nobody"
UNSET = "1970-01-01T00:00:00Z"
THREAD_TYPES = {"Create": Visibility.PUBLIC, "Correspond": Visibility.PUBLIC, "Comment": Visibility.INTERNAL}
STATUS_FROM_RT = {"new": Status.NEW, "open": Status.OPEN, "stalled": Status.PENDING,
                  "resolved": Status.SOLVED, "rejected": Status.CLOSED, "deleted": Status.CLOSED}
STATUS_TO_RT = {Status.NEW: "new", Status.OPEN: "open", Status.PENDING: "stalled",
                Status.ON_HOLD: "stalled", Status.SOLVED: "resolved", Status.CLOSED: "resolved"}
PRIORITY_BUCKETS = ((25, Priority.LOW), (65, Priority.NORMAL), (90, Priority.HIGH), (2**62, Priority.URGENT))
REFUSALS = ("isn't a valid", "permission denied", "could not", "invalid")
"""RT answers 200 to a PUT even when it refuses a value; these words in its notes mean it did."""
PRIORITY_TO_RT = {Priority.LOW: 0, Priority.NORMAL: 50, Priority.HIGH: 80, Priority.URGENT: 100}
LIST_FIELDS = "Subject,Status,Priority,Owner,Requestor,Creator,Created,LastUpdated,LastUpdatedBy,Due,Told"
PERSON_FIELDS = "Name,RealName,EmailAddress"
RECORD_OVERHEAD = 256 * 1024
"""Room for an attachment record's other fields (Headers, links) around its base64 Content."""
CONTENT_LENGTH_RE = re.compile(r"^Content-Length:\s*(\d+)\s*$", re.IGNORECASE | re.MULTILINE)


def priority_from_rt(value: Any) -> Priority:
    """RT's number in buckets: <25 low, <65 normal, <90 high, else urgent (RT 5's default names
    Low 0, Medium 50, High 100 land on low, normal and urgent)."""
    number = int(value or 0)
    return next(p for limit, p in PRIORITY_BUCKETS if number < limit)


@dataclass
class _Cursor:
    """Keyset position in the LastUpdated order: the last second seen, the ids seen at that second,
    and the page inside that second (only when more than a page of tickets share one second)."""

    stamp: str | None = None
    ids: list[str] = field(default_factory=list)
    page: int = 1

    @classmethod
    def load(cls, text: str | None) -> _Cursor:
        if not text:
            return cls()
        try:
            data = json.loads(text)
            return cls(stamp=data["t"], ids=list(data.get("ids", [])), page=int(data.get("p", 1)))
        except (ValueError, KeyError, TypeError):
            return cls()  # a cursor from another adapter or version: start over, lose nothing

    def dump(self) -> str:
        return json.dumps({"t": self.stamp, "ids": self.ids, "p": self.page}, separators=(",", ":"))

    @property
    def excludes(self) -> bool:
        """Whether the seen ids are left out by the server (so an idle poll is an empty list)."""
        return 0 < len(self.ids) <= MAX_EXCLUDED

    def clause(self) -> str:
        stamp = str(self.stamp).replace("T", " ").replace("Z", "")  # TicketSQL reads it in RT's $Timezone
        if not self.excludes:
            return f"LastUpdated >= '{stamp}'"
        skip = " AND ".join(f"id != {int(i)}" for i in self.ids)
        return f"LastUpdated > '{stamp}' OR (LastUpdated >= '{stamp}' AND {skip})"

    def advance(self, items: list[dict[str, Any]], full: bool) -> _Cursor:
        if not items:
            return self
        last = items[-1]["LastUpdated"]
        at_last = [str(i["id"]) for i in items if i["LastUpdated"] == last]
        if last == self.stamp:
            page = self.page + 1 if full and not self.excludes else self.page
            return _Cursor(last, sorted(set(self.ids) | set(at_last)), page)
        return _Cursor(last, at_last, 1)


class RTBackend(HelpdeskBackend):
    """Request Tracker 5 (REST2)."""
    NAME = "rt"
    OPTIONS = (
        BackendOption("url", "REST2 base, e.g. https://rt.example.com/REST/2.0", required=True),
        BackendOption("user", "RT user name, for Basic auth (not needed with an auth token)"),
        BackendOption("token", "RT auth token, or the user's password", secret=True),
        BackendOption("query", "extra TicketSQL every sync is limited to, e.g. Queue = 'Support'"),
        BackendOption("initial_query", "TicketSQL of the first sync", default="Status = '__Active__'"),
        BackendOption("marker_field", "transaction custom field for markers ('' = none)",
                      default="supportterm-marker"),
    )
    CAPABILITIES = (Capability.DELTA_SYNC | Capability.CONCURRENCY_TOKEN | Capability.INTERNAL_NOTES
                    | Capability.FIND_BY_MARKER | Capability.FIELD_SELECTION | Capability.ATTACHMENTS)

    def __init__(self, options: Mapping[str, object], *, client: httpx.AsyncClient,
                 token: str | None) -> None:
        super().__init__(options, client=client, token=token)
        self.user = str(options["user"]) if options.get("user") else None
        self.query = str(options.get("query") or "")
        self.initial_query = str(options.get("initial_query", "Status = '__Active__'") or "")
        self.marker_field = str(options.get("marker_field", "supportterm-marker") or "")
        self.prefix = "" if client.base_url.path.rstrip("/").endswith(REST) else REST
        self._privileged: dict[str, bool] = {}
        self._sent: dict[str, tuple[str, Visibility, datetime]] = {}
        self._me: Agent | None = None
        self._auth_kind = self._set_auth(client, token)

    def _set_auth(self, client: httpx.AsyncClient, token: str | None) -> str:
        """Token auth when the secret is an RT token (or no user is set); else Basic user:secret."""
        if not token:
            return "none"
        if TOKEN_RE.match(token.strip()) or not self.user:
            client.headers["Authorization"] = f"token {token.strip()}"
            return "token"
        client.auth = (self.user, token)
        return "basic"

    async def _request(self, method: str, path: str, what: str, **kwargs: Any) -> httpx.Response:
        async with map_http_errors(what):
            response = await self.client.request(method, self.prefix + path, **kwargs)
        if response.status_code != 304:
            raise_for_status(response)
        return response

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> Any:
        return json_body(await self._request(method, path, what, **kwargs), what)

    async def whoami(self) -> Agent:
        match = TOKEN_RE.match((self.token or "").strip())
        who = match.group(1) if match and self._auth_kind == "token" else self.user
        if not who:
            raise AuthError("RT needs an auth token, or a user name (profile 'user') and password.")
        try:
            data = await self._json("GET", f"/user/{who}", "signing in")
        except AuthError as exc:
            hint = "the auth token" if self._auth_kind == "token" else f"the password of '{who}'"
            raise AuthError(f"Request Tracker refused {hint}. {exc}") from exc
        name = str(data.get("Name") or who)
        self._me = Agent(id=name, name=str(data.get("RealName") or name), email=data.get("EmailAddress"))
        return self._me

    async def _myself(self) -> Agent:
        return self._me or await self.whoami()

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        position = _Cursor.load(cursor)
        clauses = [c for c in (self.query,) if c]
        if position.stamp:
            clauses.append(position.clause())
        elif self.initial_query:
            clauses.append(self.initial_query)
        query = " AND ".join(f"({c})" for c in clauses) or "id > 0"
        per_page = max(1, min(limit, PAGE))
        params = [
            ("query", query), ("fields", LIST_FIELDS), ("fields[Owner]", PERSON_FIELDS),
            ("fields[Requestor]", PERSON_FIELDS), ("orderby", "LastUpdated"), ("order", "ASC"),
            ("orderby", "id"), ("order", "ASC"), ("per_page", str(per_page)),
            ("page", str(position.page)),
        ]
        items = _items(await self._json("GET", "/tickets", "fetching changes", params=params))
        full, seen = len(items) >= per_page, set(position.ids)
        fresh = [i for i in items if i.get("LastUpdated") != position.stamp or str(i["id"]) not in seen]
        parsed = [_parse(ticket_from_rt, item, "ticket") for item in fresh]
        people = {p.id: p for _, persons in parsed for p in persons}
        return ChangeSet(tickets=tuple(t for t, _ in parsed), people=tuple(people.values()),
                         cursor=position.advance(items, full).dump(), has_more=full)

    async def get_ticket(self, ticket_id: str) -> Ticket:
        data = await self._json("GET", f"/ticket/{ticket_id}", "fetching a ticket")
        return _parse(ticket_from_rt, data, "ticket")[0]

    async def _pages(self, path: str, what: str, params: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """Every item of an RT collection (100 per page; RT 5.0 leaves `total` empty, so page on)."""
        items: list[dict[str, Any]] = []
        page = 1
        while True:
            data = await self._json("GET", path, what, params=[*params, ("per_page", str(PAGE)),
                                                                ("page", str(page))])
            batch = _items(data)
            items.extend(batch)
            if len(batch) < PAGE or not data.get("next_page") and data.get("pages") is not None:
                return items
            page += 1

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        what = f"fetching the thread of #{ticket_id}"
        history = await self._pages(
            f"/ticket/{ticket_id}/history", what,
            [("fields", "Type,Created,Creator,CustomFields"), ("fields[Creator]", PERSON_FIELDS)],
        )
        wanted = [t for t in history if t.get("Type") in THREAD_TYPES
                  and (after is None or int(t["id"]) > int(after))]
        if not wanted:
            return []
        bodies, files = await self._parts(ticket_id, what)
        messages = []
        for txn in wanted:
            author = str((txn.get("Creator") or {}).get("id") or "")
            role = Role.AGENT if await self._is_privileged(author) else Role.CUSTOMER
            messages.append(_parse(message_from_rt, txn, "txn", ticket_id, role, bodies, self.marker_field,
                                   files))
        return messages

    async def _parts(self, ticket_id: str, what: str) -> tuple[dict[str, str], dict[str, list[Attachment]]]:
        """Each transaction's text (its first unnamed text/plain part, else its first other unnamed text
        part) and its files (parts with a file name, or of a non-text type), by transaction id."""
        parts = await self._pages(f"/ticket/{ticket_id}/attachments", what,
                                  [("fields", "TransactionId,ContentType,Content,Filename,Headers")])
        plain: dict[str, str] = {}
        other: dict[str, str] = {}
        files: dict[str, list[Attachment]] = {}
        for part in parts:
            kind, content = str(part.get("ContentType") or "").lower(), part.get("Content")
            txn = str(part.get("TransactionId"))
            if _is_file(part, kind):
                files.setdefault(txn, []).append(_parse(attachment_from_rt, part, "attachment"))
            elif isinstance(content, str) and content and kind.startswith("text/"):
                (plain if kind == "text/plain" else other).setdefault(txn, content)
        return {**other, **plain}, files

    async def fetch_attachment(self, attachment: Attachment, *, limit: int | None = None) -> bytes:
        """`/attachment/{id}` answers JSON with the content in base64, so the stream is capped at the
        base64 size of `limit` (plus the record's other fields) and the decoded bytes checked again."""
        cap = limit or self.MAX_ATTACHMENT_BYTES
        name = one_line(attachment.filename, limit=80) or f"attachment {attachment.id}"
        if attachment.size is not None and attachment.size > cap:
            raise too_large(name, attachment.size, cap)
        if not attachment.id.isdigit():
            raise BackendError(f"Request Tracker has no attachment '{one_line(attachment.id, limit=40)}'.")
        try:
            raw, _ = await read_capped(self.client, f"{self.prefix}/attachment/{attachment.id}",
                                       what=f"downloading {name}", name=name,
                                       limit=cap * 4 // 3 + RECORD_OVERHEAD)
        except TooLargeError:
            raise too_large(name, None, cap) from None
        try:
            content = base64.b64decode(json.loads(raw)["Content"] or "", validate=False)
        except (ValueError, KeyError, TypeError) as exc:
            raise BackendError(f"Request Tracker sent a malformed attachment record for {name}.") from exc
        if len(content) > cap:
            raise too_large(name, len(content), cap)
        return content

    async def _is_privileged(self, name: str) -> bool:
        """Agents are RT's privileged users; asked once per person and remembered."""
        if not name:
            return False
        if name not in self._privileged:
            try:
                data = await self._json("GET", f"/user/{name}", "looking up a message author")
                self._privileged[name] = bool(int(data.get("Privileged") or 0))
            except BackendError:
                self._privileged[name] = False
        return self._privileged[name]

    async def _guard(self, ticket_id: str, expect_version: str | None) -> dict[str, str]:
        """If-Match for a write: refuse at once when LastUpdated moved since the agent's copy,
        then let RT itself refuse (412) if anything lands between this read and the write."""
        if not expect_version:
            return {}
        response = await self._request("GET", f"/ticket/{ticket_id}", f"checking #{ticket_id}")
        current = json_body(response, f"checking #{ticket_id}").get("LastUpdated")
        if current != expect_version:
            raise ConflictError(f"Ticket #{ticket_id} changed on Request Tracker meanwhile.",
                                server_version=current)
        etag = response.headers.get("ETag")
        return {"If-Match": etag} if etag else {}

    async def post_message(self, ticket_id: str, draft: ReplyDraft, *, marker: str,
                           expect_version: str | None = None) -> tuple[Message, Ticket | None]:
        me = await self._myself()
        # RT's correspond/comment resources have no ETag of their own (If-Match there always gives
        # 412), so a reply is checked by the read in `_guard` only; ticket PUTs get If-Match too.
        await self._guard(ticket_id, expect_version)
        body: dict[str, Any] = {"Content": draft.body, "ContentType": "text/plain"}
        if self.marker_field:
            body["TxnCustomFields"] = {self.marker_field: marker}
        if draft.new_status is not None:
            body["Status"] = STATUS_TO_RT[draft.new_status]
        internal = draft.visibility is Visibility.INTERNAL
        what = f"sending {'a note' if internal else 'a reply'} to #{ticket_id}"
        self._sent[marker] = (draft.body, draft.visibility, datetime.now(timezone.utc))
        kind = "comment" if internal else "correspond"
        response = await self._request("POST", f"/ticket/{ticket_id}/{kind}", what, json=body)
        txn = response.headers.get("Location", "").rstrip("/").rsplit("/", 1)[-1]
        if not txn.isdigit():
            raise BackendError(f"Request Tracker did not say where the reply to #{ticket_id} went.")
        message = Message(id=txn, ticket_id=str(ticket_id), author_id=me.id, author_role=Role.AGENT,
                          visibility=draft.visibility, body=draft.body, created_at=datetime.now(timezone.utc),
                          author_name=me.name, marker=marker)
        return message, await self.get_ticket(ticket_id)

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        """By the marker custom field; else (no such field on this RT) by exact body + author +
        visibility, for replies this process sent in the last ten minutes."""
        thread = await self.get_thread(ticket_id)
        for message in thread:
            if message.marker == marker:
                return message
        sent = self._sent.get(marker)
        if sent is None:
            return None
        me = await self._myself()
        return match_sent(thread, sent, marker, author_id=me.id)

    async def update_ticket(
        self, ticket_id: str, patch: TicketPatch, *, expect_version: str | None = None
    ) -> Ticket:
        body: dict[str, Any] = {}
        if patch.status is not None:
            body["Status"] = STATUS_TO_RT[patch.status]
        if patch.priority is not None:
            body["Priority"] = PRIORITY_TO_RT[patch.priority]
        if patch.assignee_id is not None:
            body["Owner"] = patch.assignee_id or NOBODY
        headers = await self._guard(ticket_id, expect_version)
        what = f"updating #{ticket_id}"
        if body:
            notes = await self._json("PUT", f"/ticket/{ticket_id}", what, json=body, headers=headers)
            refused = [str(n) for n in notes or () if any(r in str(n).lower() for r in REFUSALS)]
            if refused:
                raise BackendError(f"Request Tracker refused the change: {refused[0]}")
        return await self.get_ticket(ticket_id)


def _items(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise BackendError("Request Tracker sent a collection without 'items'.")
    return data["items"]


_parse = partial(parse_or_fail, "Request Tracker")
"""Parse one part of an answer; a malformed part is a plain BackendError (backends/http.py)."""


def _person(data: Any, role: Role) -> Person | None:
    if not isinstance(data, dict) or not data.get("id") or data.get("id") == NOBODY:
        return None
    name = str(data.get("RealName") or data.get("Name") or data["id"])
    return Person(id=str(data["id"]), name=name, role=role, email=data.get("EmailAddress") or None)


def _time(value: Any) -> datetime | None:
    return None if not value or value == UNSET else parse_time(str(value))


def ticket_from_rt(data: dict[str, Any]) -> tuple[Ticket, list[Person]]:
    """An RT ticket (search item or single record) as a domain Ticket plus the people it names."""
    requestors = [p for p in (_person(r, Role.CUSTOMER) for r in data.get("Requestor") or ()) if p]
    owner = _person(data.get("Owner"), Role.AGENT)
    creator = data.get("Creator") or {}
    requester_id = requestors[0].id if requestors else str(creator.get("id") or "unknown")
    updated = _time(data["LastUpdated"])
    created = _time(data.get("Created")) or updated
    if created is None or updated is None:
        raise ValueError("ticket without timestamps")
    by = str((data.get("LastUpdatedBy") or {}).get("id") or "")
    customer_last = updated if by and by in {p.id for p in requestors} else None
    ticket = Ticket(
        id=str(data["id"]), subject=str(data.get("Subject") or ""),
        status=STATUS_FROM_RT.get(str(data.get("Status")), Status.OPEN),
        priority=priority_from_rt(data.get("Priority")), channel=Channel.EMAIL,
        requester_id=requester_id, assignee_id=owner.id if owner else None,
        created_at=created, updated_at=updated, due_at=_time(data.get("Due")),
        version=str(data["LastUpdated"]), last_customer_at=customer_last,
        last_agent_at=_time(data.get("Told")),
    )
    return ticket, requestors + ([owner] if owner else [])


def _is_file(part: dict[str, Any], kind: str) -> bool:
    """A part the agent downloads rather than reads: named, or neither text nor a multipart wrapper."""
    if part.get("Filename"):
        return True
    return bool(kind) and not kind.startswith(("text/", "multipart/", "message/"))


def attachment_from_rt(part: dict[str, Any]) -> Attachment:
    """An RT attachment record (a MIME part) as a domain Attachment; its size from the Content-Length
    header RT stores with every part."""
    found = CONTENT_LENGTH_RE.search(str(part.get("Headers") or ""))
    return Attachment(
        id=str(part["id"]), message_id=str(part["TransactionId"]), filename=str(part.get("Filename") or ""),
        size=int(found.group(1)) if found else None,
        content_type=str(part.get("ContentType") or "") or None,
    )


def message_from_rt(
    txn: dict[str, Any], ticket_id: str, role: Role, bodies: dict[str, str], marker_field: str,
    files: dict[str, list[Attachment]] | None = None,
) -> Message:
    """A Create/Correspond/Comment transaction as a domain Message."""
    creator = txn.get("Creator") or {}
    marker = None
    for cf in txn.get("CustomFields") or ():
        if marker_field and cf.get("name") == marker_field and cf.get("values"):
            marker = str(cf["values"][0])
    created = _time(txn["Created"])
    if created is None:
        raise ValueError("transaction without a timestamp")
    return Message(
        id=str(txn["id"]), ticket_id=str(ticket_id), author_id=str(creator.get("id") or ""),
        author_role=role, visibility=THREAD_TYPES[txn["Type"]], body=bodies.get(str(txn["id"]), ""),
        created_at=created, author_name=creator.get("RealName") or creator.get("Name"), marker=marker,
        attachments=tuple((files or {}).get(str(txn["id"]), ())),
    )
