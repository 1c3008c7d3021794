"""Freshdesk adapter against its contract fake, for what the conformance suite does not cover.

Paging across several pages (tickets and conversations), 429 + Retry-After and the credit headers,
the status/priority/source/visibility maps, HTML bodies both ways, SLA due times, errors with plain
messages, canned responses, lost-response recovery and the bytes of an idle poll.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import pytest
from fake_freshdesk import FreshdeskFake

from supportterm.backends.freshdesk import FreshdeskBackend, text_to_html
from supportterm.backends.http import Meter, make_client
from supportterm.domain.models import (
    Channel,
    Priority,
    ReplyDraft,
    Role,
    Status,
    TicketPatch,
    Visibility,
    parse_time,
)
from supportterm.errors import AuthError, BackendError, ConflictError, NotFound, RateLimited

KEY = "sJ4k2Lm9Qx7Rt1Vb"
AYSEL = "8000012345"

pytestmark = pytest.mark.e2e


@pytest.fixture
def fake() -> Iterator[FreshdeskFake]:
    server = FreshdeskFake()
    server.server.start()
    yield server
    server.server.stop()


class Wired:
    """A backend on the fake with its own meter, closed after the test."""

    def __init__(self, fake: FreshdeskFake, token: str | None = KEY, **options: object) -> None:
        self.meter = Meter()
        self.client = make_client(fake.url, meter=self.meter)
        self.backend = FreshdeskBackend({"url": fake.url, **options}, client=self.client, token=token)


@pytest.fixture
async def wired(fake: FreshdeskFake) -> AsyncIterator[Wired]:
    made = Wired(fake)
    yield made
    await made.client.aclose()


def _add_tickets(fake: FreshdeskFake, count: int, *, same_second: bool = False) -> list[int]:
    with fake.server.lock:
        base = dict(fake.tickets[1042])
        first = max(fake.tickets) + 1
        stamp = base["updated_at"]
        for n in range(count):
            ticket_id = first + n
            fake.tickets[ticket_id] = {**base, "id": ticket_id, "subject": f"Bulk {n}"}
            if not same_second:
                moved = (parse_time(stamp) + timedelta(seconds=n + 1)).strftime("%Y-%m-%dT%H:%M:%SZ")
                fake.tickets[ticket_id]["updated_at"] = moved
            fake.conversations[ticket_id] = []
        return list(range(first, first + count))


async def _sync_all(
    backend: FreshdeskBackend, cursor: str | None, limit: int
) -> tuple[list[str], str | None, int]:
    """Every ticket delivered until has_more is False: (ids in order, cursor, calls)."""
    ids: list[str] = []
    calls = 0
    while True:
        page = await backend.list_changed(cursor, limit=limit)
        calls += 1
        ids += [t.id for t in page.tickets]
        cursor = page.cursor
        if not page.has_more:
            return ids, cursor, calls


async def test_delta_sync_pages_through_several_pages_and_delivers_each_ticket_once(
    fake: FreshdeskFake, wired: Wired
) -> None:
    added = _add_tickets(fake, 250)
    ids, cursor, calls = await _sync_all(wired.backend, None, 100)
    assert sorted(ids) == sorted({*map(str, fake.tickets)}) and len(ids) == len(set(ids)) == 253
    assert calls >= 3
    pages = [c for c in fake.server.calls if c.path == "/api/v2/tickets"]
    assert all(c.arg("order_by") == "updated_at" and c.arg("order_type") == "asc" for c in pages)
    assert all(int(c.arg("per_page") or 0) == 100 for c in pages)

    fake.agent_edits(added[5], priority=1)
    again, cursor, _ = await _sync_all(wired.backend, cursor, 100)
    assert again == [str(added[5])]
    idle = await wired.backend.list_changed(cursor, limit=100)
    assert (idle.tickets, idle.has_more) == ((), False)


async def test_more_tickets_in_one_second_than_a_page_are_paged_not_lost(
    fake: FreshdeskFake, wired: Wired
) -> None:
    _add_tickets(fake, 150, same_second=True)
    ids, cursor, _ = await _sync_all(wired.backend, None, 100)
    assert len(ids) == len(set(ids)) == 153
    idle = await wired.backend.list_changed(cursor, limit=100)
    assert idle.tickets == ()


async def test_conversations_follow_the_link_header_across_pages(fake: FreshdeskFake, wired: Wired) -> None:
    ticket = fake.tickets[1042]
    with fake.server.lock:
        for n in range(230):
            fake._conversation(ticket, f"<div>Update {n}</div>", user_id=8000012345, incoming=False,
                               private=False)
    before = len(fake.server.calls)
    thread = await wired.backend.get_thread("1042")
    assert [m.body for m in thread][:2] == ["Salam, kartla ödəniş keçmir, xəta verir.", "Update 0"]
    assert len(thread) == 231 and thread[-1].body == "Update 229"
    pages = [c for c in fake.server.calls[before:] if c.path.endswith("/conversations")]
    assert [c.arg("page") for c in pages] == ["1", "2", "3"]

    newer = await wired.backend.get_thread("1042", after=thread[-2].id)
    assert [m.body for m in newer] == ["Update 229"]


async def test_an_exhausted_budget_is_a_429_with_retry_after(fake: FreshdeskFake) -> None:
    fake.per_minute = 12
    made = Wired(fake)
    try:
        await made.backend.whoami()
        assert made.meter.rate_remaining == 11
        await made.backend.list_changed(None)  # include=requester,stats: 1 + 2 + 2 credits
        assert made.meter.rate_remaining == 6
        assert fake.server.calls[-1].arg("include") == "requester,stats"
        with pytest.raises(RateLimited) as limited:
            for _ in range(3):
                await made.backend.list_changed(None)
        assert limited.value.retry_after is not None and 1 <= limited.value.retry_after <= 60
        assert made.meter.rate_remaining == 0
    finally:
        await made.client.aclose()


async def test_a_forced_429_carries_its_retry_after(fake: FreshdeskFake, wired: Wired) -> None:
    fake.fail_next(429, {"message": "slow down"}, headers={"Retry-After": "17"})
    with pytest.raises(RateLimited) as limited:
        await wired.backend.get_ticket("1041")
    assert limited.value.retry_after == 17.0


async def test_statuses_priorities_channels_people_and_sla_are_mapped(
    fake: FreshdeskFake, wired: Wired
) -> None:
    page = await wired.backend.list_changed(None)
    tickets = {t.id: t for t in page.tickets}
    login, payment, invoice = tickets["1041"], tickets["1042"], tickets["1043"]
    assert (login.status, login.priority, login.channel) == (Status.OPEN, Priority.HIGH, Channel.EMAIL)
    assert (payment.status, payment.priority) == (Status.OPEN, Priority.URGENT)
    assert payment.channel is Channel.PHONE
    assert (invoice.status, invoice.priority, invoice.channel) == (Status.SOLVED, Priority.LOW, Channel.WEB)
    assert login.assignee_id == AYSEL and payment.assignee_id is None
    assert login.tags == ("login",) and login.version == fake.tickets[1041]["updated_at"]
    assert payment.due_at == parse_time(fake.tickets[1042]["fr_due_by"])  # nobody answered yet
    assert login.due_at == parse_time(fake.tickets[1041]["due_by"])  # first response given
    assert invoice.due_at is None
    assert payment.awaiting_reply and login.awaiting_reply and not invoice.awaiting_reply
    people = {p.id: p for p in page.people}
    assert (people["8000201002"].name, people["8000201002"].role) == ("Leyla Aliyeva", Role.CUSTOMER)


async def test_the_thread_maps_visibility_authors_and_html(wired: Wired) -> None:
    thread = await wired.backend.get_thread("1041")
    assert [(m.author_role, m.visibility) for m in thread] == [
        (Role.CUSTOMER, Visibility.PUBLIC), (Role.AGENT, Visibility.PUBLIC),
        (Role.AGENT, Visibility.INTERNAL), (Role.CUSTOMER, Visibility.PUBLIC)]
    assert thread[0].id == "d1041" and thread[0].body.startswith("Здравствуйте!")
    assert thread[3].body == "Спасибо, теперь работает!\nИван"  # body_text missing: the HTML converted


async def test_writes_send_the_documented_numbers(fake: FreshdeskFake, wired: Wired) -> None:
    expected = {Status.OPEN: 2, Status.PENDING: 3, Status.ON_HOLD: 3, Status.SOLVED: 4, Status.CLOSED: 5}
    for status, number in expected.items():
        ticket = await wired.backend.update_ticket("1042", TicketPatch(status=status))
        assert fake.tickets[1042]["status"] == number
        assert ticket.status is (Status.PENDING if status is Status.ON_HOLD else status)
    numbers = {Priority.LOW: 1, Priority.NORMAL: 2, Priority.HIGH: 3, Priority.URGENT: 4}
    for priority, number in numbers.items():
        changed = await wired.backend.update_ticket("1042", TicketPatch(priority=priority))
        assert changed.priority is priority
        assert fake.tickets[1042]["priority"] == number
    assert (await wired.backend.update_ticket("1042", TicketPatch(assignee_id=AYSEL))).assignee_id == AYSEL
    assert (await wired.backend.update_ticket("1042", TicketPatch(assignee_id=""))).assignee_id is None
    assert fake.tickets[1042]["responder_id"] is None


async def test_a_reply_is_sent_as_escaped_html_and_a_note_is_private(
    fake: FreshdeskFake, wired: Wired
) -> None:
    text = "Hi <Leyla>,\nplease retry & tell us.\n<script>alert(1)</script>"
    message, ticket = await wired.backend.post_message(
        "1042", ReplyDraft(text, new_status=Status.PENDING), marker="m-1")
    sent = fake.conversations[1042][-1]
    assert sent["body"] == text_to_html(text) and "<script>" not in sent["body"]
    assert sent["body_text"] == text and not sent["private"] and not sent["incoming"]
    assert (message.body, message.visibility, message.author_id, message.marker) == (
        text, Visibility.PUBLIC, AYSEL, "m-1")
    assert ticket is not None and ticket.status is Status.PENDING and fake.tickets[1042]["status"] == 3

    note, _ = await wired.backend.post_message("1042", ReplyDraft("Card BIN blocked", Visibility.INTERNAL),
                                               marker="m-2")
    assert fake.conversations[1042][-1]["private"] is True and note.visibility is Visibility.INTERNAL
    posted = [c for c in fake.server.calls if c.method == "POST"]
    assert [c.path for c in posted] == ["/api/v2/tickets/1042/reply", "/api/v2/tickets/1042/notes"]


async def test_a_stale_version_is_a_conflict_and_nothing_is_posted(fake: FreshdeskFake, wired: Wired) -> None:
    seen = (await wired.backend.get_ticket("1042")).version
    fake.agent_edits(1042, updated_at="2030-01-01T00:00:00Z")
    with pytest.raises(ConflictError):
        await wired.backend.post_message("1042", ReplyDraft("late"), marker="m", expect_version=seen)
    assert fake.conversations[1042] == []


async def test_a_lost_response_is_found_again_by_text_and_author(fake: FreshdeskFake, wired: Wired) -> None:
    await wired.backend.post_message("1042", ReplyDraft("Refund issued."), marker="m-9")
    found = await wired.backend.find_message("1042", "m-9")
    assert found is not None and found.marker == "m-9" and found.body == "Refund issued."
    assert await wired.backend.find_message("1042", "never-sent") is None


async def test_a_wrong_key_is_refused_in_plain_words(fake: FreshdeskFake) -> None:
    made = Wired(fake, token="wrong")
    try:
        with pytest.raises(AuthError) as refused:
            await made.backend.whoami()
    finally:
        await made.client.aclose()
    text = str(refused.value)
    assert "Freshdesk refused the API key" in text and "HTTP 401" in text
    assert "httpx" not in text and "Traceback" not in text


async def test_errors_become_plain_supportterm_errors(fake: FreshdeskFake, wired: Wired) -> None:
    with pytest.raises(NotFound):
        await wired.backend.get_thread("999999")
    with pytest.raises(BackendError) as invalid:
        await wired.backend.update_ticket("1042", TicketPatch(assignee_id="123"))
    assert "responder_id" in str(invalid.value) and "no agent" in str(invalid.value)
    fake.fail_next(200, raw=b"<html><body>Maintenance</body></html>")
    with pytest.raises(BackendError) as malformed:
        await wired.backend.list_changed(None)
    assert "text/html instead of JSON" in str(malformed.value)
    fake.fail_next(200, {"tickets": []})
    with pytest.raises(BackendError) as shape:
        await wired.backend.list_changed(None)
    assert "malformed ticket list" in str(shape.value)


async def test_canned_responses_come_from_every_folder(wired: Wired) -> None:
    replies = await wired.backend.list_canned()
    assert [r.title for r in replies] == ["Greeting", "Delay notice", "Invoice attached"]
    assert replies[0].body == "Hello {{ticket.requester.name}},\nthank you for writing to us."
    assert replies[2].tags == ("Billing",)


async def test_an_idle_poll_is_one_small_request(fake: FreshdeskFake, wired: Wired) -> None:
    _, cursor, _ = await _sync_all(wired.backend, None, 100)
    before = wired.meter.snapshot()
    idle = await wired.backend.list_changed(cursor)
    moved = wired.meter.since(before)
    assert idle.tickets == () and moved["requests"] == 1
    assert moved["bytes_in"] + moved["bytes_out"] < 3000, moved


async def test_options_are_checked_and_a_foreign_cursor_starts_over(fake: FreshdeskFake) -> None:
    from supportterm.errors import ConfigError

    client = make_client(fake.url)
    try:
        with pytest.raises(ConfigError):
            FreshdeskBackend({"include": "conversations"}, client=client, token=KEY)
        lean = FreshdeskBackend({"include": ""}, client=client, token=KEY)
        page = await lean.list_changed('{"t": "2020-01-01", "ids": []}')
        assert len(page.tickets) == 3 and "include" not in fake.server.calls[-1].query
    finally:
        await client.aclose()


async def test_the_newest_tickets_come_first_in_one_call(fake: FreshdeskFake, wired: Wired) -> None:
    recent = await wired.backend.list_recent(2)
    assert [t.id for t in recent.tickets] == ["1043", "1042"] and recent.cursor is None
    call = fake.server.calls[-1]
    assert (call.arg("order_by"), call.arg("order_type"), call.arg("per_page")) == ("updated_at", "desc", "2")


async def test_a_status_change_keeps_the_stats_the_inbox_needs(wired: Wired) -> None:
    before = {t.id: t for t in (await wired.backend.list_changed(None)).tickets}["1041"]
    after = await wired.backend.update_ticket("1041", TicketPatch(status=Status.PENDING))
    assert after.status is Status.PENDING
    assert (after.last_customer_at, after.last_agent_at) == (before.last_customer_at, before.last_agent_at)
    assert after.due_at == before.due_at  # due_by, not fr_due_by: the first response was given


async def test_availability_is_the_agents_available_flag_set_and_read_back(fake: FreshdeskFake,
                                                                          wired: Wired) -> None:
    assert await wired.backend.get_available() is True
    assert await wired.backend.set_available(False) is False
    assert fake.agents[int(AYSEL)]["available"] is False
    assert await wired.backend.get_available() is False
    [put] = [c for c in fake.server.calls if c.method == "PUT"]
    assert put.path == f"/api/v2/agents/{AYSEL}" and put.json() == {"available": False}
    assert await wired.backend.set_available(True) is True and fake.agents[int(AYSEL)]["available"] is True


async def test_a_refused_availability_change_is_a_plain_backend_error(fake: FreshdeskFake,
                                                                      wired: Wired) -> None:
    await wired.backend.whoami()
    fake.fail_next(400, {"description": "Validation failed", "errors": [
        {"field": "available", "message": "Not in a round-robin group", "code": "invalid_value"}]})
    with pytest.raises(BackendError, match="^Freshdesk refused changing your availability: available: Not "
                                           "in a round-robin group"):
        await wired.backend.set_available(False)
    assert fake.agents[int(AYSEL)]["available"] is True


async def test_an_agent_without_the_right_gets_a_clear_message(fake: FreshdeskFake, wired: Wired) -> None:
    fake.availability_locked.add(int(AYSEL))
    with pytest.raises(AuthError) as caught:
        await wired.backend.set_available(False)
    assert caught.value.title == "Not allowed"
    assert str(caught.value).startswith("Freshdesk refused changing your availability: your role lacks the "
                                        "right (HTTP 403: You are not authorized to perform this action.)")
    assert "Ask an admin" in str(caught.value) and fake.agents[int(AYSEL)]["available"] is True
