"""Unit tests of the generic adapter's writes with the django-helpdesk mapping, against a small
DRF-shaped fake (httpx.MockTransport): body templates as sent, the read-before-write conflict check,
finding a reply whose response was lost by its text, and the errors a mapping cannot place."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

from supportterm.backends.generic import GenericRestBackend
from supportterm.backends.http import make_client
from supportterm.domain.models import ReplyDraft, Status, TicketPatch, Visibility
from supportterm.errors import AuthError, BackendError, ConflictError

MAPPING = str(Path(__file__).resolve().parents[2] / "docs" / "mappings" / "django-helpdesk.toml")
BASE = "http://dh.test"


class FakeDH:
    """One ticket and its follow-ups, the way django-helpdesk's API shows them."""

    def __init__(self) -> None:
        self.ticket: dict[str, Any] = {
            "id": 5, "queue": 1, "title": "VPN drops", "submitter_email": "ann@example.com",
            "assigned_to": None, "status": 1, "on_hold": False, "priority": 3, "due_date": None,
            "followup_set": [{"id": 1, "user": 9, "comment": "My VPN drops.", "public": True,
                              "date": "2026-11-20T10:00:00Z"}],
        }
        self.sent: list[tuple[str, str, Any]] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("Authorization") != "Token good":
            return httpx.Response(401, json={"detail": "Invalid token."})
        body = json.loads(request.content) if request.content else None
        self.sent.append((request.method, request.url.path, body))
        if request.url.path == "/api/tickets/5/" and request.method == "GET":
            return httpx.Response(200, json=self.ticket)
        if request.url.path == "/api/tickets/5/" and request.method == "PATCH":
            self.ticket.update(body)
            return httpx.Response(200, json=self.ticket)
        if request.url.path == "/api/followups/" and request.method == "POST":
            followup = {"id": len(self.ticket["followup_set"]) + 1, "user": 2, "comment": body["comment"],
                        "public": body["public"], "ticket": body["ticket"],
                        "date": datetime.now(timezone.utc).isoformat()}  # find by text looks near "now"
            self.ticket["followup_set"].append(followup)
            if body.get("new_status"):
                self.ticket["status"] = body["new_status"]
            return httpx.Response(201, json=followup)
        return httpx.Response(404, json={"detail": "Not found."})

    def backend(self, token: str = "good") -> GenericRestBackend:
        client = make_client(BASE, transport=httpx.MockTransport(self.handle))
        return GenericRestBackend({"mapping": MAPPING}, client=client, token=token)


async def test_a_reply_sends_the_rendered_body_and_returns_the_fresh_ticket() -> None:
    fake = FakeDH()
    backend = fake.backend()
    version = (await backend.get_ticket("5")).version
    message, ticket = await backend.post_message("5", ReplyDraft("Restart it.", new_status=Status.SOLVED),
                                                 marker="mk", expect_version=version)
    posted = [body for method, path, body in fake.sent if method == "POST"]
    assert posted == [{"ticket": 5, "comment": "Restart it.", "public": True, "new_status": 3}]
    assert (message.body, message.marker, message.visibility) == ("Restart it.", "mk", Visibility.PUBLIC)
    assert ticket is not None and ticket.status is Status.SOLVED and ticket.version != version


async def test_a_note_without_a_status_change_leaves_the_key_out() -> None:
    fake = FakeDH()
    await fake.backend().post_message("5", ReplyDraft("Internal.", Visibility.INTERNAL), marker="n1")
    assert [body for method, _, body in fake.sent if method == "POST"] == [
        {"ticket": 5, "comment": "Internal.", "public": False}]


async def test_an_update_sends_only_what_the_patch_sets() -> None:
    fake = FakeDH()
    ticket = await fake.backend().update_ticket("5", TicketPatch(status=Status.ON_HOLD, assignee_id="2"))
    assert [body for method, _, body in fake.sent if method == "PATCH"] == [
        {"status": 1, "on_hold": True, "assigned_to": 2}]
    assert (ticket.status, ticket.assignee_id) == (Status.ON_HOLD, "2")


async def test_a_stale_version_is_refused_before_anything_is_written() -> None:
    fake = FakeDH()
    backend = fake.backend()
    seen = (await backend.get_ticket("5")).version
    fake.ticket["priority"] = 1  # another agent escalates it
    with pytest.raises(ConflictError):
        await backend.post_message("5", ReplyDraft("Too late."), marker="m", expect_version=seen)
    with pytest.raises(ConflictError):
        await backend.update_ticket("5", TicketPatch(status=Status.CLOSED), expect_version=seen)
    assert [method for method, _, _ in fake.sent] == ["GET", "GET", "GET"]


async def test_a_reply_whose_answer_was_lost_is_found_by_its_text() -> None:
    fake = FakeDH()
    backend = fake.backend()
    await backend.post_message("5", ReplyDraft("Restart it."), marker="mk")
    found = await backend.find_message("5", "mk")
    assert found is not None and (found.body, found.marker) == ("Restart it.", "mk")
    assert await backend.find_message("5", "never-sent") is None
    fake.ticket["followup_set"].pop()  # it did not land after all
    assert await backend.find_message("5", "mk") is None


async def test_a_value_that_cannot_take_the_mapped_type_is_a_backend_error() -> None:
    with pytest.raises(BackendError, match=r"endpoints.update of .*django-helpdesk.toml"):
        await FakeDH().backend().update_ticket("5", TicketPatch(assignee_id="agent-seven"))


async def test_an_answer_that_does_not_fit_the_mapping_names_the_mapping() -> None:
    fake = FakeDH()
    fake.ticket["status"] = 9
    with pytest.raises(BackendError, match=r"not fit the mapping .*django-helpdesk.toml .*\[values.status\]"):
        await fake.backend().get_ticket("5")


async def test_a_wrong_token_is_an_auth_error() -> None:
    with pytest.raises(AuthError, match="refused"):
        await FakeDH().backend(token="bad").whoami()
