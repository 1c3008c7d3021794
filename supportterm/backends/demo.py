"""Provides the adapter for the embedded demo helpdesk, which speaks the reference API (docs/api.md).

This is also the model adapter: the reference API has every feature the sync engine can use (cursor
delta sync, ETags, concurrency tokens, idempotency markers), so this file shows how little an adapter
needs to do when a helpdesk is well designed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend
from supportterm.backends.download import read_capped
from supportterm.backends.http import json_body, map_http_errors, parse_or_fail, raise_for_status
from supportterm.domain.models import (
    Agent,
    Attachment,
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
from supportterm.domain.text import one_line
from supportterm.errors import BackendError, ConflictError

if TYPE_CHECKING:
    import httpx

API = "/api/v1"


class DemoBackend(HelpdeskBackend):
    """The demo helpdesk (and any server implementing the reference API)."""

    NAME = "demo"
    OPTIONS = (
        BackendOption("url", "Base URL, e.g. http://127.0.0.1:8700", required=True),
        BackendOption("token", "API token (demo agents: demo-<login>)", secret=True),
    )
    CAPABILITIES = (
        Capability.DELTA_SYNC | Capability.ETAG | Capability.CONCURRENCY_TOKEN
        | Capability.INTERNAL_NOTES | Capability.CANNED_REPLIES | Capability.AGENTS_LIST
        | Capability.SLA_FIELDS | Capability.FIND_BY_MARKER | Capability.FIELD_SELECTION
        | Capability.AVAILABILITY
        | Capability.NEWEST_FIRST | Capability.ATTACHMENTS
    )

    def __init__(
        self, options: Mapping[str, object], *, client: httpx.AsyncClient, token: str | None
    ) -> None:
        super().__init__(options, client=client, token=token)
        if token:
            client.headers["Authorization"] = f"Bearer {token}"

    async def _request(
        self, method: str, path: str, what: str, **kwargs: Any
    ) -> httpx.Response:
        async with map_http_errors(what):
            response = await self.client.request(method, API + path, **kwargs)
        if response.status_code != 304:
            raise_for_status(response)
        return response

    async def whoami(self) -> Agent:
        data = json_body(await self._request("GET", "/me", "signing in"), "signing in")
        person = person_from_json(data)
        return Agent(id=person.id, name=person.name, email=person.email)

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        state = json.loads(cursor) if cursor else {}
        params: dict[str, Any] = {"limit": limit, "shape": "rows"}
        if state.get("c"):
            params["cursor"] = state["c"]
        else:
            params["order"] = "newest"  # a first sync starts with the newest tickets: a usable inbox at once
        headers = {"If-None-Match": state["e"]} if state.get("e") else {}
        response = await self._request(
            "GET", "/changes", "fetching changes", params=params, headers=headers
        )
        if response.status_code == 304:
            return ChangeSet(tickets=(), cursor=cursor, not_modified=True)
        data = json_body(response, "fetching changes")
        try:
            tickets = tuple(ticket_from_json(t) for t in _objects(data, "tickets"))
            people = tuple(person_from_json(p) for p in _objects(data, "people"))
            has_more = bool(data.get("has_more"))
            # Only a complete run's tag describes "everything up to now"; mid-run tags are not kept.
            tag = None if has_more else response.headers.get("ETag")
            next_cursor = json.dumps({"c": data["cursor"], "e": tag})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BackendError(f"The helpdesk sent a malformed change list ({exc!r}).") from exc
        return ChangeSet(tickets=tickets, people=people, cursor=next_cursor, has_more=has_more)

    async def list_recent(self, limit: int) -> ChangeSet:
        what = "fetching the newest tickets"
        data = json_body(await self._request("GET", "/tickets", what, params={"limit": limit}), what)
        tickets = tuple(_parse(ticket_from_json, t, "ticket") for t in _field(data, "tickets", list))
        people = tuple(_parse(person_from_json, p, "person") for p in data.get("people") or ())
        return ChangeSet(tickets=tickets, people=people)

    async def get_ticket(self, ticket_id: str) -> Ticket:
        response = await self._request("GET", f"/tickets/{ticket_id}", "fetching a ticket")
        return _parse(ticket_from_json, json_body(response, "fetching a ticket"), "ticket")

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        params = {"after": after} if after else {}
        return await self._messages(ticket_id, params)

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        found = await self._messages(ticket_id, {"marker": marker})
        return found[0] if found else None

    async def _messages(self, ticket_id: str, params: dict[str, str]) -> list[Message]:
        what = f"fetching the thread of #{ticket_id}"
        data = json_body(
            await self._request("GET", f"/tickets/{ticket_id}/messages", what, params=params), what
        )
        return [_parse(message_from_json, m, "message") for m in _field(data, "messages", list)]

    async def post_message(
        self,
        ticket_id: str,
        draft: ReplyDraft,
        *,
        marker: str,
        expect_version: str | None = None,
    ) -> tuple[Message, Ticket | None]:
        body: dict[str, str] = {
            "body": draft.body, "visibility": draft.visibility.value, "marker": marker
        }
        if draft.new_status is not None:
            body["status"] = draft.new_status.value
        what = f"sending a reply to #{ticket_id}"
        response = await self._write("POST", f"/tickets/{ticket_id}/messages", what, body, expect_version)
        data = json_body(response, what)
        message = _parse(message_from_json, _field(data, "message", dict), "message")
        return message, _parse(ticket_from_json, _field(data, "ticket", dict), "ticket")

    async def update_ticket(
        self, ticket_id: str, patch: TicketPatch, *, expect_version: str | None = None
    ) -> Ticket:
        what = f"updating #{ticket_id}"
        response = await self._write("PATCH", f"/tickets/{ticket_id}", what, patch.as_dict(), expect_version)
        return _parse(ticket_from_json, json_body(response, what), "ticket")

    async def _write(
        self, method: str, path: str, what: str, body: dict[str, str], expect_version: str | None
    ) -> httpx.Response:
        headers = {"If-Match": expect_version} if expect_version else {}
        try:
            return await self._request(method, path, what, json=body, headers=headers)
        except ConflictError as exc:
            raise ConflictError(str(exc), server_version=None) from exc

    async def fetch_attachment(self, attachment: Attachment, *, limit: int | None = None) -> bytes:
        name = one_line(attachment.filename, limit=80)
        body, _ = await read_capped(
            self.client, f"{API}/attachments/{quote(attachment.id, safe='')}", what=f"downloading {name}",
            name=name, limit=limit or self.MAX_ATTACHMENT_BYTES,
        )
        return body

    async def set_available(self, available: bool) -> bool:
        what = "setting your availability"
        response = await self._request("PUT", "/me/availability", what, json={"available": available})
        return bool(_field(json_body(response, what), "available", bool))

    async def get_available(self) -> bool:
        what = "reading your availability"
        response = await self._request("GET", "/me/availability", what)
        return bool(_field(json_body(response, what), "available", bool))

    async def list_canned(self) -> list[CannedReply]:
        data = json_body(await self._request("GET", "/canned", "fetching canned replies"), "canned")
        return [
            CannedReply(id=str(c["id"]), title=c["title"], body=c["body"], language=c.get("language"),
                        tags=tuple(c.get("tags") or ()))
            for c in _field(data, "canned", list)
        ]


def _objects(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """Items of a list in object form, whether sent as objects or as rows under `<key>_fields`."""
    items = data.get(key) or []
    names = data.get(f"{key}_fields")
    if names is None:
        return list(items)
    return [dict(zip(names, row, strict=True)) for row in items]


def _field(data: Any, key: str, kind: type) -> Any:
    if not isinstance(data, dict) or not isinstance(data.get(key), kind):
        raise BackendError(f"The helpdesk's answer has no valid '{key}'.")
    return data[key]


_parse = partial(parse_or_fail, "The helpdesk")
"""Parse one part of an answer; a malformed part is a plain BackendError (backends/http.py)."""


def _ident(value: object) -> str:
    """An id from the helpdesk: a string or a number, never null, empty or a structure ("None" is no id)."""
    if isinstance(value, bool) or not isinstance(value, str | int) or str(value).strip() == "":
        raise ValueError(f"invalid id {value!r}")
    return str(value)


def ticket_from_json(data: dict[str, Any]) -> Ticket:
    """A reference-API ticket object as a domain Ticket."""
    created = parse_time(data["created_at"])
    updated = parse_time(data["updated_at"])
    if created is None or updated is None:
        raise ValueError("ticket without timestamps")
    return Ticket(
        id=_ident(data["id"]), subject=str(data["subject"]), status=Status(data["status"]),
        priority=Priority(data["priority"]), channel=Channel(data["channel"]),
        language=data.get("language"), requester_id=_ident(data["requester_id"]),
        assignee_id=str(data["assignee_id"]) if data.get("assignee_id") else None,
        created_at=created, updated_at=updated, due_at=parse_time(data.get("due_at")),
        version=data.get("version"), last_customer_at=parse_time(data.get("last_customer_at")),
        last_agent_at=parse_time(data.get("last_agent_at")),
        message_count=int(data.get("message_count") or 0), tags=tuple(data.get("tags") or ()),
    )


def person_from_json(data: dict[str, Any]) -> Person:
    """A reference-API person object as a domain Person."""
    return Person(
        id=_ident(data["id"]), name=str(data["name"]), role=Role(data["role"]), email=data.get("email"),
        organization=data.get("organization"), language=data.get("language"),
    )


def message_from_json(data: dict[str, Any]) -> Message:
    """A reference-API message object as a domain Message."""
    created = parse_time(data["created_at"])
    if created is None:
        raise ValueError("message without a timestamp")
    return Message(
        id=_ident(data["id"]), ticket_id=_ident(data["ticket_id"]), author_id=_ident(data["author_id"]),
        author_role=Role(data["author_role"]), visibility=Visibility(data["visibility"]),
        body=str(data["body"]), created_at=created, author_name=data.get("author_name"),
        marker=data.get("marker"),
        attachments=tuple(attachment_from_json(a, str(data["id"])) for a in data.get("attachments") or ()),
    )


def attachment_from_json(data: dict[str, Any], message_id: str) -> Attachment:
    """A reference-API attachment object (metadata) as a domain Attachment."""
    size = data.get("size")
    return Attachment(
        id=str(data["id"]), message_id=message_id, filename=str(data.get("filename") or ""),
        size=int(size) if size is not None else None, content_type=data.get("content_type"),
    )
