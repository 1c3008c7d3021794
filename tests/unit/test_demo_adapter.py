"""Unit tests of the demo adapter (the reference API) against the in-memory FakeHelpdesk."""

from __future__ import annotations

import json

import httpx
import pytest
from fakes import BASE_URL, FakeHelpdesk

from supportterm.backends.demo import DemoBackend
from supportterm.backends.http import make_client
from supportterm.domain.models import (
    Agent,
    Priority,
    ReplyDraft,
    Role,
    Status,
    TicketPatch,
    Visibility,
)
from supportterm.errors import AuthError, BackendError, ConflictError, NotFound, OfflineError, RateLimited


@pytest.fixture
def fake() -> FakeHelpdesk:
    helpdesk = FakeHelpdesk()
    for n in range(5):
        helpdesk.add_ticket(f"Problem {n}", assignee_id="a1" if n % 2 else None)
    return helpdesk


@pytest.fixture
async def backend(fake: FakeHelpdesk):
    adapter = fake.backend()
    yield adapter
    await adapter.client.aclose()


async def test_whoami_sends_the_token(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    assert await backend.whoami() == Agent(id="a1", name="Aysel Mammadova", email="a1@example.com")
    assert fake.requests[-1].headers["Authorization"] == "Bearer demo-aysel"


async def test_whoami_with_a_wrong_token_is_an_auth_error(fake: FakeHelpdesk) -> None:
    adapter = fake.backend(token="stolen")
    with pytest.raises(AuthError, match="401"):
        await adapter.whoami()


async def test_list_changed_pages_and_round_trips_the_cursor(
    backend: DemoBackend, fake: FakeHelpdesk
) -> None:
    seen: list[str] = []
    cursor = None
    for pages in range(1, 10):  # bounded, so a cursor that never ends fails instead of hanging
        page = await backend.list_changed(cursor, limit=2)
        seen += [t.id for t in page.tickets]
        assert page.cursor is not None
        cursor = page.cursor
        if not page.has_more:
            break
    assert (pages, seen) == (3, ["1", "2", "3", "4", "5"])
    assert [r.url.params.get("limit") for r in fake.requests] == ["2", "2", "2"]
    sent = [r.url.params.get("cursor") for r in fake.requests]
    assert sent[0] is None and None not in sent[1:] and len(set(sent)) == 3

    fake.customer_writes("2", "Hello again")
    page = await backend.list_changed(cursor, limit=2)
    assert [t.id for t in page.tickets] == ["2"]
    assert page.tickets[0].status is Status.NEW and page.tickets[0].message_count == 2


async def test_first_page_carries_people_and_ticket_fields(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    page = await backend.list_changed(None)
    assert {p.id for p in page.people} == {"c1", "a1"}
    customer = next(p for p in page.people if p.id == "c1")
    assert customer.role is Role.CUSTOMER
    ticket = page.tickets[1]
    assert (ticket.id, ticket.assignee_id, ticket.channel.value, ticket.version) == (
        "2", "a1", "email", fake.tickets["2"]["version"])
    assert ticket.awaiting_reply


async def test_idle_poll_is_a_304(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    first = await backend.list_changed(None)
    idle = await backend.list_changed(first.cursor)
    assert idle.not_modified
    assert idle.tickets == ()
    assert idle.cursor == first.cursor
    assert "If-None-Match" not in fake.requests[0].headers
    assert "If-None-Match" in fake.requests[1].headers


async def test_malformed_change_list_is_a_backend_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"tickets": [{"id": "1", "subject": "no status"}], "cursor": "c1"})

    client = make_client(BASE_URL, transport=httpx.MockTransport(handler))
    adapter = DemoBackend({"url": BASE_URL}, client=client, token="demo-aysel")
    with pytest.raises(BackendError, match="malformed change list"):
        await adapter.list_changed(None)


@pytest.mark.parametrize(
    ("kind", "error", "words"),
    [
        ("truncated", BackendError, "instead of JSON"),
        ("html", BackendError, "text/html instead of JSON"),
        ("status:500", BackendError, "HTTP 500"),
        ("status:429", RateLimited, "wait"),
        ("connect", OfflineError, "could not be reached"),
        ("drop", OfflineError, "connection"),
    ],
)
async def test_faults_become_plain_errors(
    backend: DemoBackend, fake: FakeHelpdesk, kind: str, error: type[Exception], words: str
) -> None:
    fake.fail_next(1, kind)
    with pytest.raises(error, match=words) as caught:
        await backend.list_changed(None)
    assert isinstance(caught.value, OfflineError) is (error is OfflineError)
    assert (await backend.list_changed(None)).tickets  # the next call works again


async def test_rate_limit_carries_retry_after(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    fake.fail_next(1, "status:429")
    with pytest.raises(RateLimited) as caught:
        await backend.whoami()
    assert caught.value.retry_after == 3.0


async def test_get_thread_in_order_and_after(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    fake.customer_writes("1", "second")
    fake.customer_writes("1", "third")
    thread = await backend.get_thread("1")
    assert [m.body for m in thread] == ["Hello, I cannot log in.", "second", "third"]
    newer = await backend.get_thread("1", after=thread[0].id)
    assert [m.body for m in newer] == ["second", "third"]
    assert fake.requests[-1].url.params["after"] == thread[0].id


async def test_get_thread_of_an_unknown_ticket_is_not_found(backend: DemoBackend) -> None:
    with pytest.raises(NotFound):
        await backend.get_thread("999")


async def test_post_message_returns_message_and_ticket(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    before = fake.tickets["1"]["version"]
    draft = ReplyDraft("We are on it.", Visibility.PUBLIC, new_status=Status.PENDING)
    message, ticket = await backend.post_message("1", draft, marker="st-1", expect_version=before)
    assert (message.body, message.marker, message.author_id, message.author_role) == (
        "We are on it.", "st-1", "a1", Role.AGENT)
    assert ticket is not None
    assert ticket.status is Status.PENDING
    assert ticket.version != before
    assert not ticket.awaiting_reply
    sent = json.loads(fake.requests[-1].content)
    assert sent == {"body": "We are on it.", "visibility": "public", "marker": "st-1", "status": "pending"}
    assert fake.requests[-1].headers["If-Match"] == before


async def test_repeating_a_marker_creates_nothing(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    draft = ReplyDraft("Only once", Visibility.INTERNAL)
    first, _ = await backend.post_message("1", draft, marker="st-2")
    again, _ = await backend.post_message("1", draft, marker="st-2")
    assert again.id == first.id
    assert len(fake.with_marker("st-2")) == 1


async def test_find_message_by_marker(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    assert await backend.find_message("1", "st-3") is None
    sent, _ = await backend.post_message("1", ReplyDraft("Hi"), marker="st-3")
    found = await backend.find_message("1", "st-3")
    assert found == sent
    assert fake.requests[-1].url.params["marker"] == "st-3"


async def test_stale_version_is_a_conflict(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    stale = fake.tickets["1"]["version"]
    fake.customer_writes("1", "meanwhile")
    with pytest.raises(ConflictError):
        await backend.post_message("1", ReplyDraft("Hi"), marker="st-4", expect_version=stale)
    with pytest.raises(ConflictError):
        await backend.update_ticket("1", TicketPatch(status=Status.SOLVED), expect_version=stale)
    assert fake.with_marker("st-4") == []
    assert fake.tickets["1"]["status"] == "new"


async def test_update_ticket(backend: DemoBackend, fake: FakeHelpdesk) -> None:
    patch = TicketPatch(priority=Priority.URGENT, assignee_id="a2")
    ticket = await backend.update_ticket("1", patch, expect_version=fake.tickets["1"]["version"])
    assert (ticket.priority, ticket.assignee_id) == (Priority.URGENT, "a2")
    assert json.loads(fake.requests[-1].content) == {"priority": "urgent", "assignee_id": "a2"}
    assert await backend.get_ticket("1") == ticket


async def test_list_canned(backend: DemoBackend) -> None:
    [canned] = await backend.list_canned()
    assert (canned.id, canned.language, canned.tags) == ("k1", "en", ("polite",))


async def test_refused_connection_says_nothing_was_delivered(
    backend: DemoBackend, fake: FakeHelpdesk
) -> None:
    fake.fail_next(1, "connect")
    with pytest.raises(OfflineError) as refused:
        await backend.list_changed(None)
    fake.fail_next(1, "drop")
    with pytest.raises(OfflineError) as dropped:
        await backend.list_changed(None)
    assert refused.value.maybe_delivered is False
    assert dropped.value.maybe_delivered is True
