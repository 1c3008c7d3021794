"""Zammad adapter against its contract fake, for what the conformance suite does not cover.

Paging across several search pages, the search-index lag, new articles fetched by id, 429 from a
proxy, the state/priority/channel/visibility maps, HTML bodies, escalation times, pending states with
their time, errors with plain messages, text modules and the bytes of an idle poll.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta

import pytest
from fake_zammad import ZammadFake

from supportterm.backends.http import Meter, make_client
from supportterm.backends.zammad import ZammadBackend
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
from supportterm.errors import AuthError, BackendError, ConfigError, ConflictError, NotFound, RateLimited

TOKEN = "agent-ZxT8bq3LrP0aWv6N"

pytestmark = pytest.mark.e2e


@pytest.fixture
def fake() -> Iterator[ZammadFake]:
    server = ZammadFake()
    server.server.start()
    yield server
    server.server.stop()


class Wired:
    """A backend on the fake with its own meter; the test closes it through the fixture."""

    def __init__(self, fake: ZammadFake, token: str | None = TOKEN, **options: object) -> None:
        self.meter = Meter()
        self.client = make_client(fake.url, meter=self.meter)
        self.backend = ZammadBackend({"url": fake.url, **options}, client=self.client, token=token)


@pytest.fixture
async def wired(fake: ZammadFake) -> AsyncIterator[Wired]:
    made = Wired(fake)
    yield made
    await made.client.aclose()


async def _sync_all(
    backend: ZammadBackend, cursor: str | None, limit: int = 100
) -> tuple[list[str], str | None]:
    ids: list[str] = []
    while True:
        page = await backend.list_changed(cursor, limit=limit)
        ids += [t.id for t in page.tickets]
        cursor = page.cursor
        if not page.has_more:
            return ids, cursor


def _customer_writes(fake: ZammadFake, ticket_id: int, body: str) -> int:
    with fake.server.lock:
        customer = fake.users[fake.tickets[ticket_id]["customer_id"]]
        return int(fake._append_article(customer, fake.tickets[ticket_id],
                                        {"body": body, "type": "email", "sender": "Customer"})["id"])


async def test_delta_sync_pages_through_several_pages_and_delivers_each_ticket_once(
    fake: ZammadFake, wired: Wired
) -> None:
    with fake.server.lock:
        for n in range(250):
            copy = {**fake.tickets[22], "id": 1000 + n, "title": f"Bulk {n}"}
            copy["updated_at"] = fake._now()
            fake.tickets[copy["id"]] = copy
            fake._reindex(copy["id"])
    ids, cursor = await _sync_all(wired.backend, None)
    assert len(ids) == len(set(ids)) == 252
    searches = [c for c in fake.server.calls
                if c.path == "/api/v1/tickets/search" and "only_total_count" not in c.query]
    assert len(searches) >= 3
    assert all((c.arg("sort_by"), c.arg("order_by"), c.arg("expand"), c.arg("per_page"))
               == ("updated_at", "asc", "true", "100") for c in searches)
    assert searches[0].arg("query", "").startswith("updated_at:>=")

    fake.agent_edits(1005, title="Bulk 5, edited")
    again, cursor = await _sync_all(wired.backend, cursor)
    assert again == ["1005"]
    idle = await wired.backend.list_changed(cursor)
    assert idle.tickets == ()


def _counts(fake: ZammadFake) -> int:
    return sum(c.arg("only_total_count") == "true" for c in fake.server.calls)


async def test_a_ticket_the_search_index_adds_late_arrives_once_the_lag_has_passed(
    fake: ZammadFake, wired: Wired
) -> None:
    _, cursor = await _sync_all(wired.backend, None)
    fake.hold_index(21)
    fake.agent_edits(21, title="Edited while the index lags")
    fake.agent_edits(22, title="Indexed at once")
    page = await wired.backend.list_changed(cursor)
    assert [t.id for t in page.tickets] == ["22"] and _counts(fake) == 0  # the lag has not passed yet
    fake.release_index()
    fake.advance(120)  # a poll interval longer than the lag: the window is still checked
    tickets, cursor = await _sync_all(wired.backend, page.cursor)
    assert tickets == ["21"] and _counts(fake) == 1
    checks = [c for c in fake.server.calls if c.arg("only_total_count") == "true"]
    assert checks[0].arg("query", "").startswith("updated_at:[")
    before = len(fake.server.calls)
    idle = await wired.backend.list_changed(cursor)
    assert idle.tickets == () and not idle.has_more and len(fake.server.calls) == before + 1


async def test_a_busy_helpdesk_checks_the_window_every_two_lags(fake: ZammadFake, wired: Wired) -> None:
    _, cursor = await _sync_all(wired.backend, None)
    fake.hold_index(21)
    fake.agent_edits(21, title="Edited while the index lags")
    delivered: list[str] = []
    for round_ in range(8):  # something changes every 10 s, so the newest change is never 30 s old
        fake.advance(10)
        fake.agent_edits(22, title=f"Busy {round_}")
        if round_ == 1:
            fake.release_index()
        ids, cursor = await _sync_all(wired.backend, cursor)
        delivered += ids
    assert delivered.count("21") == 1 and delivered.count("22") == 8
    assert 1 <= _counts(fake) <= 2


async def test_one_new_article_costs_one_request_after_a_sync(fake: ZammadFake, wired: Wired) -> None:
    _, cursor = await _sync_all(wired.backend, None)
    thread = await wired.backend.get_thread("21")
    article = _customer_writes(fake, 21, "Still nothing in my inbox.")
    page = await wired.backend.list_changed(cursor)
    assert [t.id for t in page.tickets] == ["21"]
    before = len(fake.server.calls)
    newer = await wired.backend.get_thread("21", after=thread[-1].id)
    assert [(m.id, m.body, m.author_role) for m in newer] == [
        (str(article), "Still nothing in my inbox.", Role.CUSTOMER)]
    assert [c.path for c in fake.server.calls[before:]] == [f"/api/v1/ticket_articles/{article}"]


async def test_a_proxy_429_carries_its_retry_after(fake: ZammadFake, wired: Wired) -> None:
    fake.fail_next(429, {"error": "Too Many Requests"}, headers={"Retry-After": "9"})
    with pytest.raises(RateLimited) as limited:
        await wired.backend.list_changed(None)
    assert limited.value.retry_after == 9.0


async def test_states_priorities_channels_people_and_escalations_are_mapped(
    fake: ZammadFake, wired: Wired
) -> None:
    page = await wired.backend.list_changed(None)
    tickets = {t.id: t for t in page.tickets}
    mail, call = tickets["21"], tickets["22"]
    assert (mail.status, mail.priority, mail.channel) == (Status.OPEN, Priority.HIGH, Channel.EMAIL)
    assert (call.status, call.priority, call.channel) == (Status.NEW, Priority.NORMAL, Channel.PHONE)
    assert mail.assignee_id == "3" and call.assignee_id is None
    assert mail.due_at == parse_time(fake.tickets[21]["escalation_at"]) and mail.awaiting_reply
    assert call.message_count == 1 and mail.version == fake.tickets[21]["updated_at"]
    people = {p.id: p for p in page.people}
    assert (people["10"].email, people["10"].organization) == ("ivan@customer.example", "Petrov Logistics")
    assert people["3"].role is Role.AGENT

    expected = {"new": Status.NEW, "open": Status.OPEN, "pending reminder": Status.ON_HOLD,
                "pending close": Status.PENDING, "closed": Status.SOLVED, "merged": Status.CLOSED}
    for state_id, state in fake.states.items():
        fake.agent_edits(22, state_id=state_id)
        assert (await wired.backend.get_ticket("22")).status is expected[state["name"]]


async def test_the_thread_maps_senders_visibility_and_html(wired: Wired) -> None:
    thread = await wired.backend.get_thread("21")
    assert [(m.author_role, m.visibility) for m in thread] == [
        (Role.CUSTOMER, Visibility.PUBLIC), (Role.AGENT, Visibility.PUBLIC),
        (Role.AGENT, Visibility.INTERNAL), (Role.CUSTOMER, Visibility.PUBLIC)]
    assert thread[0].body == "Добрый день!\nСчёт за ноябрь так и не пришёл."  # text/html converted
    assert thread[2].body == "Mail bounced: mailbox full."
    assert (thread[0].author_name, thread[1].author_id) == ("Ivan Petrov", "3")
    phone = await wired.backend.get_thread("22")
    assert (phone[0].author_id, phone[0].author_role) == ("11", Role.CUSTOMER)  # noted for her by an agent


async def test_a_reply_is_an_email_to_the_customer_and_a_note_is_internal(
    fake: ZammadFake, wired: Wired
) -> None:
    message, ticket = await wired.backend.post_message(
        "21", ReplyDraft("Sent again.\nPlease check.", new_status=Status.PENDING), marker="m-1")
    sent = fake.articles[int(message.id)]
    assert (sent["type_id"], sent["to"], sent["internal"], sent["content_type"]) == (
        1, "ivan@customer.example", False, "text/plain")
    assert sent["body"] == "Sent again.\nPlease check." and message.marker == "m-1"
    assert ticket is not None and ticket.status is Status.PENDING
    assert fake.tickets[21]["pending_time"] is not None
    note, _ = await wired.backend.post_message("21", ReplyDraft("Checked MX.", Visibility.INTERNAL),
                                               marker="m-2")
    assert (fake.articles[int(note.id)]["type_id"], fake.articles[int(note.id)]["internal"]) == (10, True)


async def test_a_customer_without_an_address_needs_reply_type_note(fake: ZammadFake) -> None:
    email = Wired(fake)
    web = Wired(fake, reply_type="note")
    try:
        with pytest.raises(BackendError) as refused:
            await email.backend.post_message("22", ReplyDraft("We called you back."), marker="m")
        assert "no e-mail address" in str(refused.value) and "reply_type" in str(refused.value)
        message, _ = await web.backend.post_message("22", ReplyDraft("We called you back."), marker="m")
        article = fake.articles[int(message.id)]
        assert (article["type_id"], article["internal"]) == (10, False)
    finally:
        await email.client.aclose()
        await web.client.aclose()


async def test_writes_use_state_names_priority_ids_and_owner_ids(fake: ZammadFake, wired: Wired) -> None:
    for status, name in {Status.OPEN: "open", Status.ON_HOLD: "pending reminder", Status.SOLVED: "closed",
                         Status.NEW: "new"}.items():
        await wired.backend.update_ticket("22", TicketPatch(status=status))
        assert fake.states[fake.tickets[22]["state_id"]]["name"] == name
    sent = [c.json() for c in fake.server.calls if c.method == "PUT"]
    assert sent[1]["state"] == "pending reminder" and parse_time(sent[1]["pending_time"]) is not None
    assert "pending_time" not in sent[0]
    ids = {Priority.LOW: 1, Priority.NORMAL: 2, Priority.HIGH: 3, Priority.URGENT: 3}  # no urgent by default
    for priority, priority_id in ids.items():
        await wired.backend.update_ticket("22", TicketPatch(priority=priority))
        assert fake.tickets[22]["priority_id"] == priority_id
    assert [c.path for c in fake.server.calls].count("/api/v1/ticket_priorities") == 1
    assert (await wired.backend.update_ticket("22", TicketPatch(assignee_id="3"))).assignee_id == "3"
    assert (await wired.backend.update_ticket("22", TicketPatch(assignee_id=""))).assignee_id is None
    assert fake.tickets[22]["owner_id"] == 1


async def test_a_stale_version_is_a_conflict_and_nothing_is_posted(fake: ZammadFake, wired: Wired) -> None:
    seen = (await wired.backend.get_ticket("22")).version
    count = len(fake.articles)
    _customer_writes(fake, 22, "Hello?")
    with pytest.raises(ConflictError):
        await wired.backend.post_message("22", ReplyDraft("late", Visibility.INTERNAL), marker="m",
                                         expect_version=seen)
    assert len(fake.articles) == count + 1


async def test_a_lost_response_is_found_again_by_text_and_author(wired: Wired) -> None:
    await wired.backend.post_message("21", ReplyDraft("Resent the invoice."), marker="m-9")
    found = await wired.backend.find_message("21", "m-9")
    assert found is not None and found.marker == "m-9" and found.author_id == "3"
    assert await wired.backend.find_message("21", "never-sent") is None


async def test_a_wrong_token_is_refused_in_plain_words(fake: ZammadFake) -> None:
    made = Wired(fake, token="wrong")
    try:
        with pytest.raises(AuthError) as refused:
            await made.backend.whoami()
    finally:
        await made.client.aclose()
    text = str(refused.value)
    assert "Zammad refused the access token" in text and "HTTP 401" in text and "httpx" not in text


async def test_errors_become_plain_supportterm_errors(fake: ZammadFake, wired: Wired) -> None:
    with pytest.raises(NotFound) as missing:
        await wired.backend.get_thread("999")
    assert "Couldn't find Ticket" in str(missing.value)
    with pytest.raises(BackendError) as invalid:
        await wired.backend.update_ticket("22", TicketPatch(assignee_id="777"))
    assert "Zammad refused the request" in str(invalid.value) and "owner_id" in str(invalid.value)
    fake.fail_next(200, raw=b"<html>502 Bad Gateway</html>")
    with pytest.raises(BackendError) as malformed:
        await wired.backend.list_changed(None)
    assert "text/html instead of JSON" in str(malformed.value)
    fake.fail_next(200, {"tickets": [21], "tickets_count": 1})
    with pytest.raises(BackendError) as shape:
        await wired.backend.list_changed(None)
    assert "malformed ticket search result" in str(shape.value)


async def test_text_modules_become_canned_replies_with_placeholders(wired: Wired) -> None:
    replies = await wired.backend.list_canned()
    assert [r.title for r in replies] == ["Greeting", "Signature"]  # the inactive one is left out
    assert replies[0].body == "Hello {{customer.first_name}},\n\nthank you for writing."
    assert replies[0].tags == ("hello", "greeting")
    assert replies[1].body == "Best regards, {{agent.name}} (config.product_name)"


async def test_an_idle_poll_is_one_small_request(fake: ZammadFake) -> None:
    made = Wired(fake, index_lag_seconds="0")
    try:
        _, cursor = await _sync_all(made.backend, None)
        before = made.meter.snapshot()
        idle = await made.backend.list_changed(cursor)
        moved = made.meter.since(before)
    finally:
        await made.client.aclose()
    assert idle.tickets == () and moved["requests"] == 1
    assert moved["bytes_in"] + moved["bytes_out"] < 1500, moved


async def test_options_are_checked(fake: ZammadFake) -> None:
    client = make_client(fake.url)
    try:
        with pytest.raises(ConfigError):
            ZammadBackend({"reply_type": "fax"}, client=client, token=TOKEN)
        with pytest.raises(ConfigError):
            ZammadBackend({"index_lag_seconds": "soon"}, client=client, token=TOKEN)
    finally:
        await client.aclose()
    assert timedelta(0) < ZammadBackend({}, client=make_client(fake.url), token=TOKEN).index_lag


async def test_the_newest_tickets_come_first_in_one_call(fake: ZammadFake, wired: Wired) -> None:
    recent = await wired.backend.list_recent(1)
    assert [t.id for t in recent.tickets] == ["22"] and recent.cursor is None
    call = fake.server.calls[-1]
    assert (call.arg("sort_by"), call.arg("order_by"), call.arg("per_page")) == ("updated_at", "desc", "1")


async def test_an_article_deleted_after_the_list_falls_back_to_the_whole_thread(
    fake: ZammadFake, wired: Wired
) -> None:
    _, cursor = await _sync_all(wired.backend, None)
    thread = await wired.backend.get_thread("21")
    kept = _customer_writes(fake, 21, "First follow-up.")
    gone = _customer_writes(fake, 21, "Sent by mistake.")
    await wired.backend.list_changed(cursor)
    with fake.server.lock:
        del fake.articles[gone]
    newer = await wired.backend.get_thread("21", after=thread[-1].id)
    assert [m.id for m in newer] == [str(kept)]
    assert fake.server.calls[-1].path == "/api/v1/ticket_articles/by_ticket/21"


DAY = date(2026, 11, 26)


def _on_day(wired: Wired, day: date = DAY) -> ZammadBackend:
    wired.backend.today = lambda: day
    return wired.backend


async def test_availability_is_out_of_office_set_and_read_back(fake: ZammadFake) -> None:
    made = Wired(fake, out_of_office_replacement="4")
    backend = _on_day(made)
    try:
        assert await backend.get_available() is True
        assert await backend.set_available(False) is False
        assert {k: v for k, v in fake.users[3].items() if k.startswith("out_of_office")} == {
            "out_of_office": True, "out_of_office_start_at": "2026-11-26",
            "out_of_office_end_at": "2026-11-27", "out_of_office_replacement_id": 4}
        assert await backend.get_available() is False
        assert await backend.set_available(True) is True and fake.users[3]["out_of_office"] is False
        puts = [c.json() for c in fake.server.calls if c.method == "PUT"]
        assert puts[-1] == {"out_of_office": False, "out_of_office_start_at": "2026-11-26",
                            "out_of_office_end_at": "2026-11-27", "out_of_office_replacement_id": 4}
    finally:
        await made.client.aclose()


async def test_a_range_that_is_over_counts_as_available(fake: ZammadFake, wired: Wired) -> None:
    fake.users[3].update(out_of_office=True, out_of_office_start_at="2026-11-20",
                         out_of_office_end_at="2026-11-25", out_of_office_replacement_id=4)
    assert await _on_day(wired).get_available() is True
    assert await _on_day(wired, date(2026, 11, 25)).get_available() is False


async def test_the_replacement_stored_in_zammad_is_kept_across_shifts(fake: ZammadFake, wired: Wired) -> None:
    fake.users[3]["out_of_office_replacement_id"] = 4
    backend = _on_day(wired)
    assert await backend.set_available(False) is False
    assert await backend.set_available(True) is True  # the fake, as Zammad, assigns every field sent
    assert fake.users[3]["out_of_office_replacement_id"] == 4
    assert await backend.set_available(False) is False and fake.users[3]["out_of_office_replacement_id"] == 4


async def test_without_a_replacement_nothing_is_sent_and_the_message_says_what_to_set(
        fake: ZammadFake, wired: Wired) -> None:
    with pytest.raises(ConfigError, match="replacement agent.*out_of_office_replacement"):
        await _on_day(wired).set_available(False)
    assert not [c for c in fake.server.calls if c.method == "PUT"]


async def test_a_refused_change_is_a_plain_backend_error(fake: ZammadFake) -> None:
    made = Wired(fake, out_of_office_replacement="999")
    try:
        with pytest.raises(BackendError, match="^Zammad refused changing your out-of-office state: "
                                               "Validation failed: Out of office replacement is invalid"):
            await _on_day(made).set_available(False)
    finally:
        await made.client.aclose()
    assert fake.users[3]["out_of_office"] is False


async def test_a_token_without_the_permission_gets_a_clear_message(fake: ZammadFake, wired: Wired) -> None:
    fake.out_of_office_denied.add(3)
    with pytest.raises(AuthError) as caught:
        await _on_day(wired).set_available(True)
    assert caught.value.title == "Not allowed"
    assert str(caught.value).startswith("Zammad refused changing your out-of-office state: your role lacks "
                                        "the right (HTTP 403: Not authorized).")
    assert "user_preferences.out_of_office" in str(caught.value)


def test_the_replacement_option_must_be_a_user_id(fake: ZammadFake) -> None:
    with pytest.raises(ConfigError, match="out_of_office_replacement must be a user id"):
        ZammadBackend({"url": fake.url, "out_of_office_replacement": "sam"}, client=make_client(fake.url),
                      token=TOKEN)
