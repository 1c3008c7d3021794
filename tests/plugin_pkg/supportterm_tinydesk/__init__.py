"""Provides a supportterm adapter for TinyDesk, a minimal JSON helpdesk, shipped as its own package.

It shows the whole contract a third-party adapter meets: subclass HelpdeskBackend, set NAME to the
entry-point name, translate JSON to domain objects, and let `supportterm.backends.http` map transport
and HTTP errors. TinyDesk's API: GET /me, GET /tickets, GET and POST /tickets/{id}/messages,
PATCH /tickets/{id}.
"""

from __future__ import annotations

from typing import Any

from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend
from supportterm.backends.http import json_body, map_http_errors, raise_for_status
from supportterm.domain.models import (
    Agent,
    ChangeSet,
    Channel,
    Message,
    Priority,
    ReplyDraft,
    Role,
    Status,
    Ticket,
    TicketPatch,
    Visibility,
    parse_time,
)


class TinyDeskBackend(HelpdeskBackend):
    """TinyDesk: every sync lists all tickets (it has no delta API)."""

    NAME = "tinydesk"
    OPTIONS = (BackendOption("url", "TinyDesk base URL", required=True),
               BackendOption("token", "API key", secret=True))
    CAPABILITIES = Capability.INTERNAL_NOTES

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> Any:
        headers = {"X-Tiny-Key": self.token or ""}
        async with map_http_errors(what):
            response = await self.client.request(method, path, headers=headers, **kwargs)
        raise_for_status(response)
        return json_body(response, what)

    async def whoami(self) -> Agent:
        data = await self._json("GET", "/me", "signing in")
        return Agent(id=str(data["id"]), name=data["name"])

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        data = await self._json("GET", "/tickets", "fetching tickets")
        return ChangeSet(tickets=tuple(_ticket(t) for t in data["tickets"]), cursor="all")

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        data = await self._json("GET", f"/tickets/{ticket_id}/messages", "fetching a thread")
        messages = [_message(m, ticket_id) for m in data["messages"]]
        return [m for m in messages if after is None or int(m.id) > int(after)]

    async def post_message(self, ticket_id: str, draft: ReplyDraft, *, marker: str,
                           expect_version: str | None = None) -> tuple[Message, Ticket | None]:
        body = {"text": draft.body, "internal": draft.visibility is Visibility.INTERNAL}
        data = await self._json("POST", f"/tickets/{ticket_id}/messages", "sending a reply", json=body)
        return _message(data, ticket_id), None

    async def update_ticket(self, ticket_id: str, patch: TicketPatch, *,
                            expect_version: str | None = None) -> Ticket:
        data = await self._json("PATCH", f"/tickets/{ticket_id}", "updating a ticket", json=patch.as_dict())
        return _ticket(data)


def _ticket(data: dict[str, Any]) -> Ticket:
    stamp = parse_time(data["updated"])
    assert stamp is not None
    return Ticket(id=str(data["id"]), subject=data["subject"], status=Status(data["status"]),
                  priority=Priority.NORMAL, channel=Channel.EMAIL, requester_id=data["customer"],
                  created_at=stamp, updated_at=stamp)


def _message(data: dict[str, Any], ticket_id: str) -> Message:
    stamp = parse_time(data["at"])
    assert stamp is not None
    return Message(id=str(data["id"]), ticket_id=ticket_id, author_id=data["by"],
                   author_role=Role.AGENT if data["by"].startswith("agent") else Role.CUSTOMER,
                   visibility=Visibility.INTERNAL if data.get("internal") else Visibility.PUBLIC,
                   body=data["text"], created_at=stamp)
