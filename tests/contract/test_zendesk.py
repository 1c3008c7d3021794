"""The Zendesk adapter against the contract fake: what the conformance suite does not cover.

Paging (search pages, the 1,000-result cap, comment cursors), rate limits, the mapping of statuses,
priorities, visibility, SLA and HTML bodies, errors as plain messages, OAuth bearer auth, macros,
the admin incremental export, and what an idle poll costs on the wire.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from contract.fake_zendesk import (
    ADMIN_EMAIL,
    ADMIN_TOKEN,
    AGENT_EMAIL,
    AGENT_TOKEN,
    CUSTOMER_ID,
    FakeZendesk,
    stamp,
)

from supportterm.backends import zendesk
from supportterm.backends.http import Meter, make_client
from supportterm.backends.zendesk import ZendeskBackend
from supportterm.domain.models import Channel, Priority, ReplyDraft, Role, Status, TicketPatch, Visibility
from supportterm.errors import AuthError, BackendError, ConfigError, ConflictError, NotFound, RateLimited

Make = Callable[..., ZendeskBackend]


@pytest.fixture
def fake() -> Iterator[FakeZendesk]:
    server = FakeZendesk()
    server.server.start()
    yield server
    server.server.stop()


@pytest.fixture
async def make(fake: FakeZendesk) -> AsyncIterator[Make]:
    """Builds adapters on metered clients (`backend.meter`), closed after the test."""
    made: list[ZendeskBackend] = []

    def build(token: str | None = AGENT_TOKEN, **options: Any) -> ZendeskBackend:
        meter = Meter()
        client = make_client(fake.server.url, meter=meter)
        backend = ZendeskBackend({"url": fake.server.url, "user": AGENT_EMAIL, **options}, client=client,
                                 token=token)
        backend.meter = meter  # type: ignore[attr-defined]
        made.append(backend)
        return backend

    yield build
    for backend in made:
        await backend.client.aclose()


def _add_tickets(fake: FakeZendesk, count: int, status: str = "open", spread: bool = False) -> list[int]:
    """Tickets changed now, or (spread) one a second over the last `count` seconds."""
    ids = []
    for n in range(count):
        fake.next_ticket += 1
        now = stamp(datetime.now(timezone.utc) - timedelta(seconds=count - n)) if spread else stamp()
        fake.tickets[fake.next_ticket] = {
            "id": fake.next_ticket, "subject": f"Ticket {n}", "description": "", "status": status,
            "priority": "normal", "requester_id": CUSTOMER_ID, "assignee_id": None, "created_at": now,
            "updated_at": now, "generated_timestamp": 0, "via": {"channel": "email"}, "tags": []}
        fake.comments[fake.next_ticket] = []
        ids.append(fake.next_ticket)
    return ids


async def _drain(backend: ZendeskBackend, cursor: str | None,
                 limit: int) -> tuple[list[str], str | None, int]:
    """Every page of one sync: (ticket ids in order, last cursor, pages)."""
    ids, pages = [], 0
    while True:
        page = await backend.list_changed(cursor, limit=limit)
        ids += [t.id for t in page.tickets]
        cursor, pages = page.cursor, pages + 1
        if not page.has_more:
            return ids, cursor, pages


async def test_search_pages_deliver_every_ticket_once_and_an_idle_poll_is_one_small_request(
    fake: FakeZendesk, make: Make
) -> None:
    created = _add_tickets(fake, 7)
    backend = make()
    ids, cursor, pages = await _drain(backend, None, limit=3)
    assert sorted(ids) == sorted([*map(str, created), "35436", "35437"]) and len(ids) == len(set(ids))
    assert pages == 3
    queries = [r.arg("query") for r in fake.server.requests("/search")]
    assert all(q == "type:ticket status<solved" for q in queries)
    before = backend.meter.snapshot()  # type: ignore[attr-defined]
    idle, cursor, _ = await _drain(backend, cursor, limit=100)
    cost = backend.meter.since(before)  # type: ignore[attr-defined]
    assert idle == [] and cost["requests"] == 1
    assert cost["bytes_in"] + cost["bytes_out"] < 4000, cost  # seven re-read tickets in the overlap window
    last = fake.server.requests("/search")[-1].arg("query") or ""
    assert last.startswith("type:ticket updated>") and "status" not in last


async def test_the_thousand_result_cap_starts_a_new_run_instead_of_page_eleven(
    fake: FakeZendesk, make: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zendesk, "SEARCH_PAGES", 2)  # as if 200 were the cap: same code path, fewer tickets
    created = _add_tickets(fake, 9, spread=True)
    ids, _, _ = await _drain(make(), None, limit=2)
    assert sorted(set(ids)) == sorted([*map(str, created), "35436", "35437"])
    pages = [int(r.arg("page") or 0) for r in fake.server.requests("/search")]
    assert max(pages) == 2 and pages.count(1) >= 2


async def test_more_changes_in_one_second_than_the_cap_still_ends_the_run(
    fake: FakeZendesk, make: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zendesk, "SEARCH_PAGES", 2)
    _add_tickets(fake, 9)  # all in the same second: the documented limit, but no endless loop
    ids, cursor, pages = await _drain(make(), None, limit=2)
    assert pages < 12 and cursor is not None and {"35436", "35437"} <= set(ids)


async def test_a_change_after_the_first_sync_arrives_once_with_its_people(
    fake: FakeZendesk, make: Make
) -> None:
    backend = make()
    _, cursor, _ = await _drain(backend, None, limit=100)
    [new] = _add_tickets(fake, 1, status="solved")
    page = await backend.list_changed(cursor)
    assert [t.id for t in page.tickets] == [str(new)] and page.tickets[0].status is Status.SOLVED
    assert {p.id for p in page.people} == {str(CUSTOMER_ID)}
    again = await backend.list_changed(page.cursor)
    assert again.tickets == ()


async def test_mapping_of_status_priority_channel_sla_and_waiting(fake: FakeZendesk, make: Make) -> None:
    backend = make()
    ticket = await backend.get_ticket("35436")
    assert (ticket.status, ticket.priority, ticket.channel) == (Status.OPEN, Priority.HIGH, Channel.EMAIL)
    assert ticket.due_at is not None and ticket.due_at.isoformat() == "2025-11-20T13:00:00+00:00"
    assert ticket.awaiting_reply and ticket.tags == ("billing", "invoice")
    assert ticket.assignee_id == "361000001"
    other = await backend.get_ticket("35437")
    assert (other.status, other.priority, other.channel, other.due_at) == (
        Status.PENDING, Priority.NORMAL, Channel.WEB, None)
    assert not other.awaiting_reply
    for zd, ours in (("hold", Status.ON_HOLD), ("new", Status.NEW), ("closed", Status.CLOSED)):
        fake.tickets[35437]["status"] = zd
        assert (await backend.get_ticket("35437")).status is ours


async def test_thread_visibility_roles_and_html_only_bodies(make: Make) -> None:
    backend = make()
    first = await backend.get_thread("35436")
    assert [(m.visibility, m.author_role) for m in first] == [
        (Visibility.PUBLIC, Role.CUSTOMER), (Visibility.INTERNAL, Role.AGENT)]
    assert first[0].author_name == "Oleg Petrov"
    [html] = await backend.get_thread("35437")
    lines = [line for line in html.body.splitlines() if line.strip()]
    assert lines == ["I asked for a reset link three times.", "Nothing & nothing."], html.body
    assert "alert" not in html.body and "<" not in html.body


async def test_comments_page_by_cursor_and_a_refresh_reads_only_the_newest_page(
    fake: FakeZendesk, make: Make
) -> None:
    ticket = fake.tickets[35437]
    for n in range(230):
        fake._add_comment(ticket, {"body": f"comment {n}", "public": n % 2 == 0}, CUSTOMER_ID)
    backend = make()
    thread = await backend.get_thread("35437")
    assert len(thread) == 231 and [int(m.id) for m in thread] == sorted(int(m.id) for m in thread)
    assert len(fake.server.requests("/tickets/35437/comments")) == 3
    fake._add_comment(ticket, {"body": "one more", "public": True}, CUSTOMER_ID)
    fresh = await backend.get_thread("35437", after=thread[-1].id)
    assert [m.body for m in fresh] == ["one more"]
    last = fake.server.requests("/tickets/35437/comments")[-1]
    assert len(fake.server.requests("/tickets/35437/comments")) == 4 and last.arg("sort") == "-created_at"


async def test_reply_note_and_update_send_safe_update_and_a_stale_copy_is_refused(
    fake: FakeZendesk, make: Make
) -> None:
    backend = make()
    seen = (await backend.get_ticket("35436")).version
    message, ticket = await backend.post_message("35436", ReplyDraft("Please try again."), marker="m1",
                                                 expect_version=seen)
    assert ticket is not None and message.visibility is Visibility.PUBLIC
    put = fake.server.requests("/tickets/35436", "PUT")[-1].json()["ticket"]
    assert put == {"comment": {"body": "Please try again.", "public": True}, "safe_update": True,
                   "updated_stamp": seen}
    note, _ = await backend.post_message("35436", ReplyDraft("Internal.", Visibility.INTERNAL), marker="m2")
    assert fake.comments[35436][-1]["public"] is False and note.id == str(fake.comments[35436][-1]["id"])
    updated = await backend.update_ticket("35436", TicketPatch(priority=Priority.URGENT, assignee_id=""))
    assert (updated.priority, updated.assignee_id) == (Priority.URGENT, None)
    with pytest.raises(ConflictError, match="changed on Zendesk"):
        await backend.update_ticket("35436", TicketPatch(status=Status.PENDING),
                                    expect_version="2025-01-01T00:00:00Z")
    assert fake.tickets[35436]["status"] == "open"


async def test_a_reply_whose_answer_was_lost_is_found_again(fake: FakeZendesk, make: Make) -> None:
    backend = make()
    fake.server.fail_next("/tickets/35437", 502, raw=b"<html>Bad gateway</html>",
                          headers={"Content-Type": "text/html"})
    # The 502 came from a proxy in front: the write never reached the fake, so nothing is found...
    with pytest.raises(BackendError):
        await backend.post_message("35437", ReplyDraft("Sent once."), marker="lost")
    assert await backend.find_message("35437", "lost") is None
    # ...while a write that landed is.
    await backend.post_message("35437", ReplyDraft("Sent once."), marker="lost")
    found = await backend.find_message("35437", "lost")
    assert found is not None and found.body == "Sent once."


@pytest.mark.parametrize(("status", "body", "error", "words"), [
    (429, None, RateLimited, "asked us to wait"),
    (404, {"error": "RecordNotFound", "description": "Not found"}, NotFound, "Not found"),
    (409, {"error": "DatabaseConflict", "description": "retry"}, RateLimited, "busy"),
    (422, {"error": "RecordInvalid", "description": "Record validation errors", "details": {
        "base": [{"description": "Assignee is required to solve a ticket"}]}},
     BackendError, "Assignee is required"),
])
async def test_errors_become_plain_supportterm_errors(
    fake: FakeZendesk, make: Make, status: int, body: Any, error: type[Exception], words: str
) -> None:
    fake.server.fail_next("/tickets/35436", status, body, headers={"Retry-After": "7"},
                          raw=b"Too many requests" if body is None else None)
    with pytest.raises(error, match=words) as raised:
        await make().update_ticket("35436", TicketPatch(status=Status.SOLVED))
    if status == 429:
        assert raised.value.retry_after == 7.0  # type: ignore[attr-defined]


async def test_unknown_ticket_wrong_token_and_malformed_json(fake: FakeZendesk, make: Make) -> None:
    with pytest.raises(NotFound):
        await make().get_thread("999999")
    with pytest.raises(AuthError, match=f"Zendesk refused the API token of {AGENT_EMAIL}") as refused:
        await make(token="nope").whoami()
    assert "httpx" not in str(refused.value)
    with pytest.raises(AuthError, match="anonymous"):
        await make(token=None).whoami()
    fake.server.fail_next("/search", 200, raw=b"<html>maintenance</html>",
                          headers={"Content-Type": "text/html"})
    with pytest.raises(BackendError, match="sent text/html instead of JSON"):
        await make().list_changed(None)


async def test_oauth_bearer_token_signs_in_without_an_email(fake: FakeZendesk, make: Make) -> None:
    agent = await make(token="zd-oauth-access-agent", user=None).whoami()
    assert agent.name == "Aysel Mammadova"
    assert fake.server.requests("/users/me")[-1].headers["authorization"] == "Bearer zd-oauth-access-agent"


async def test_macros_that_write_a_comment_are_canned_replies(make: Make) -> None:
    replies = await make().list_canned()
    assert [r.title for r in replies] == ["Billing::Invoice resent", "Delay notice (HTML)"]
    assert replies[1].body == "We are still on it & will write by noon."


async def test_incremental_export_needs_an_admin_and_resumes_from_its_cursor(
    fake: FakeZendesk, make: Make
) -> None:
    with pytest.raises(AuthError, match="needs an admin"):
        await make(delta="incremental").list_changed(None)
    admin = make(token=ADMIN_TOKEN, user=ADMIN_EMAIL, delta="incremental", initial_days="3650")
    fake.export_delay_s = 0
    first = await admin.list_changed(None)
    assert {t.id for t in first.tickets} == {"35436", "35437"} and not first.has_more
    idle = await admin.list_changed(first.cursor)
    assert idle.tickets == ()


async def test_past_the_real_cap_where_next_page_is_empty_count_starts_a_new_run(
    fake: FakeZendesk, make: Make
) -> None:
    created = _add_tickets(fake, 1005, spread=True)
    ids, _, _ = await _drain(make(), None, limit=100)
    assert set(ids) == {*map(str, created), "35436", "35437"}
    assert max(int(r.arg("page") or 0) for r in fake.server.requests("/search")) == 10


async def test_the_newest_open_tickets_come_first_in_one_request(fake: FakeZendesk, make: Make) -> None:
    older = _add_tickets(fake, 5, spread=True)
    recent = await make().list_recent(3)
    assert [t.id for t in recent.tickets] == [str(i) for i in reversed(older[-3:])]
    assert recent.cursor is None and {p.id for p in recent.people} == {str(CUSTOMER_ID)}
    [request] = fake.server.requests("/search")
    assert (request.arg("sort_order"), request.arg("per_page")) == ("desc", "3")


async def test_availability_is_set_as_the_unified_status_and_read_back(fake: FakeZendesk, make: Make) -> None:
    backend = make()
    assert await backend.get_available() is False  # the seed has the agent Offline (2)
    assert await backend.set_available(True) is True
    assert fake.agent_status[361000001] == 3
    assert await backend.get_available() is True
    [put] = fake.server.requests("/agent_statuses/agents/me", "PUT")
    assert put.json() == {"id": 3}
    assert await backend.set_available(False) is False
    assert fake.agent_status[361000001] == 2 and await backend.get_available() is False


async def test_availability_uses_the_configured_statuses(fake: FakeZendesk, make: Make) -> None:
    backend = make(available_status="3", away_status="123")
    assert await backend.set_available(False) is False
    assert fake.agent_status[361000001] == 123  # "In a meeting", a custom unified status


async def test_an_unknown_status_is_a_plain_backend_error(fake: FakeZendesk, make: Make) -> None:
    with pytest.raises(BackendError, match="Zendesk refused changing your agent status: Agent status 99 "):
        await make(away_status="99").set_available(False)
    assert fake.agent_status[361000001] == 2


async def test_a_role_without_the_right_gets_a_clear_message(fake: FakeZendesk, make: Make) -> None:
    fake.status_locked.add(361000001)
    with pytest.raises(AuthError) as caught:
        await make().set_available(True)
    assert caught.value.title == "Not allowed"
    assert str(caught.value).startswith("Zendesk refused changing your agent status: your role lacks the "
                                        "right (HTTP 403: You do not have permission")
    assert "Ask an admin" in str(caught.value) and fake.agent_status[361000001] == 2


async def test_an_account_without_agent_statuses_says_so(fake: FakeZendesk, make: Make) -> None:
    fake.server.fail_next("/agent_availabilities/", 200, {"data": {"attributes": {"agent_id": 361000001},
                                                                   "id": "agent_availabilities|361000001",
                                                                   "type": "agent_availabilities"}})
    with pytest.raises(BackendError, match="did not report an agent status.*omnichannel routing"):
        await make().get_available()


def test_status_options_must_be_numbers(fake: FakeZendesk) -> None:
    client = make_client(fake.server.url)
    with pytest.raises(ConfigError, match="available_status and away_status"):
        ZendeskBackend({"url": fake.server.url, "user": AGENT_EMAIL, "away_status": "away"}, client=client,
                       token=AGENT_TOKEN)
