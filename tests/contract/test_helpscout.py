"""The Help Scout adapter against the contract fake: what the conformance suite does not cover.

HAL paging of conversations and threads, the client-credentials token (fetched once, again after a
401), rate limits, the mapping of statuses, visibility and HTML bodies, errors as plain messages
(404, merged 301, 412 thread limit, validation, malformed JSON), saved replies and idle poll cost.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from contract.fake_helpscout import APP_ID, APP_SECRET, CUSTOMER_ID, FakeHelpScout

from supportterm.backends.helpscout import HelpScoutBackend
from supportterm.backends.http import Meter, make_client
from supportterm.domain.models import Channel, Priority, ReplyDraft, Role, Status, TicketPatch, Visibility
from supportterm.errors import AuthError, BackendError, ConflictError, NotFound, RateLimited

Make = Callable[..., HelpScoutBackend]
SEEDED = {"2391938111", "2391938112"}


@pytest.fixture
def fake() -> Iterator[FakeHelpScout]:
    server = FakeHelpScout()
    server.server.start()
    yield server
    server.server.stop()


@pytest.fixture
async def make(fake: FakeHelpScout) -> AsyncIterator[Make]:
    """Builds adapters on metered clients (`backend.meter`), closed after the test."""
    made: list[HelpScoutBackend] = []

    def build(token: str | None = APP_SECRET, **options: Any) -> HelpScoutBackend:
        meter = Meter()
        url = f"{fake.server.url}/v2"
        client = make_client(url, meter=meter)
        backend = HelpScoutBackend({"url": url, "user": APP_ID, **options}, client=client, token=token)
        backend.meter = meter  # type: ignore[attr-defined]
        made.append(backend)
        return backend

    yield build
    for backend in made:
        await backend.client.aclose()


def _add_conversations(fake: FakeHelpScout, count: int, status: str = "active", ago: float = 0) -> list[str]:
    """Conversations changed one a second, the last of them `ago` seconds ago."""
    ids = []
    customer = fake.customers[CUSTOMER_ID]
    for n in range(count):
        fake.next_conversation += 1
        moment = datetime.now(timezone.utc) - timedelta(seconds=ago + count - n)
        when = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        fake.conversations[fake.next_conversation] = {
            "id": fake.next_conversation, "number": n, "threads": 0, "type": "email", "status": status,
            "state": "published", "subject": f"Conversation {n}", "mailboxId": 85, "assignee": None,
            "createdBy": {"id": CUSTOMER_ID, "type": "customer"}, "createdAt": when, "userUpdatedAt": when,
            "primaryCustomer": dict(customer), "tags": [], "_modified": moment.timestamp()}
        fake.threads[fake.next_conversation] = []
        ids.append(str(fake.next_conversation))
    return ids


async def _drain(backend: HelpScoutBackend, cursor: str | None) -> tuple[list[str], str | None, int]:
    ids, pages = [], 0
    while True:
        page = await backend.list_changed(cursor)
        ids += [t.id for t in page.tickets]
        cursor, pages = page.cursor, pages + 1
        if not page.has_more:
            return ids, cursor, pages


async def test_hal_pages_deliver_every_conversation_once_and_an_idle_poll_is_one_request(
    fake: FakeHelpScout, make: Make
) -> None:
    created = _add_conversations(fake, 60, ago=600)
    _add_conversations(fake, 3, status="closed", ago=600)  # not open work: left out of the first sync
    recent = _add_conversations(fake, 2)  # inside the overlap window: read again, delivered once
    backend = make()
    ids, cursor, pages = await _drain(backend, None)
    assert sorted(ids) == sorted([*created, *recent, *SEEDED]) and len(ids) == len(set(ids)) and pages == 3
    listed = fake.server.requests("/v2/conversations", "GET")
    assert [r.arg("status") for r in listed] == ["open"] * 3
    assert {r.arg("sortField") for r in listed} == {"modifiedAt"}
    before = backend.meter.snapshot()  # type: ignore[attr-defined]
    idle, cursor, _ = await _drain(backend, cursor)
    cost = backend.meter.since(before)  # type: ignore[attr-defined]
    assert idle == [] and cost["requests"] == 1, cost
    last = fake.server.requests("/v2/conversations", "GET")[-1]
    assert last.arg("status") == "all" and last.arg("modifiedSince")
    assert len(fake.server.requests("/oauth2/token")) == 1


async def test_a_closed_conversation_and_a_new_thread_arrive_after_the_first_sync(
    fake: FakeHelpScout, make: Make
) -> None:
    backend = make()
    _, cursor, _ = await _drain(backend, None)
    fake.conversations[2391938112]["status"] = "closed"
    fake._bump(fake.conversations[2391938112])
    page = await backend.list_changed(cursor)
    assert [(t.id, t.status) for t in page.tickets] == [("2391938112", Status.SOLVED)]
    assert {p.id for p in page.people} == {"238605"}


async def test_mapping_of_status_channel_waiting_and_priority(fake: FakeHelpScout, make: Make) -> None:
    backend = make()
    active = await backend.get_ticket("2391938111")
    assert (active.status, active.channel, active.priority) == (Status.OPEN, Channel.EMAIL, Priority.NORMAL)
    assert active.awaiting_reply and active.assignee_id == "256" and active.tags == ("account",)
    chat = await backend.get_ticket("2391938112")
    assert (chat.status, chat.channel, chat.assignee_id) == (Status.PENDING, Channel.CHAT, None)
    fake.conversations[2391938112]["status"] = "spam"
    assert (await backend.get_ticket("2391938112")).status is Status.CLOSED
    with pytest.raises(BackendError, match="no priority"):
        await backend.update_ticket("2391938112", TicketPatch(priority=Priority.HIGH))


async def test_threads_visibility_html_bodies_and_line_items(make: Make) -> None:
    thread = await make().get_thread("2391938111")
    assert [(m.id, m.visibility, m.author_role) for m in thread] == [
        ("1001", Visibility.PUBLIC, Role.CUSTOMER), ("1003", Visibility.INTERNAL, Role.AGENT)]
    assert thread[0].body == "Salam, şifrəni dəyişmək istəyirəm,\namma link işləmir."
    assert thread[1].body == "Reset tokens expire after <15 min>; check the mail logs & the queue."
    assert thread[0].author_name == "Leyla Aliyeva"


async def test_thread_pages_are_read_newest_first_and_a_refresh_stops_at_the_known_thread(
    fake: FakeHelpScout, make: Make
) -> None:
    conversation = fake.conversations[2391938112]
    for n in range(120):
        fake._append(conversation, "customer" if n % 2 else "note", f"thread {n}", fake.customers[238605],
                     "customer" if n % 2 else "user")
    backend = make()
    thread = await backend.get_thread("2391938112")
    assert len(thread) == 121 and [int(m.id) for m in thread] == sorted(int(m.id) for m in thread)
    assert len(fake.server.requests("/conversations/2391938112/threads")) == 3
    fake._append(conversation, "customer", "newest", fake.customers[238605], "customer")
    fresh = await backend.get_thread("2391938112", after=thread[-1].id)
    assert [m.body for m in fresh] == ["newest"]
    assert len(fake.server.requests("/conversations/2391938112/threads")) == 4


async def test_reply_is_escaped_html_notes_are_internal_and_assignment_is_one_patch_each(
    fake: FakeHelpScout, make: Make
) -> None:
    backend = make()
    seen = (await backend.get_ticket("2391938111")).version
    message, ticket = await backend.post_message("2391938111", ReplyDraft("Use <b>Reset</b> & retry.\nThanks",
                                                 new_status=Status.PENDING), marker="m", expect_version=seen)
    sent = fake.server.requests("/2391938111/reply", "POST")[-1].json()
    assert sent == {"text": "Use &lt;b&gt;Reset&lt;/b&gt; &amp; retry.<br>Thanks", "user": 256,
                    "customer": {"id": CUSTOMER_ID}, "draft": False, "status": "pending"}
    assert ticket is not None and ticket.status is Status.PENDING and message.id == str(fake.next_thread)
    [*_, echoed] = await backend.get_thread("2391938111")
    assert echoed.body == "Use <b>Reset</b> & retry.\nThanks" and echoed.author_role is Role.AGENT
    await backend.post_message("2391938111", ReplyDraft("Checked.", Visibility.INTERNAL), marker="n")
    assert fake.threads[2391938111][-1]["type"] == "note"
    updated = await backend.update_ticket("2391938111", TicketPatch(status=Status.SOLVED, assignee_id=""))
    patches = [r.json() for r in fake.server.requests("/conversations/2391938111", "PATCH")]
    assert patches == [{"op": "replace", "path": "/status", "value": "closed"},
                       {"op": "remove", "path": "/assignTo"}]
    assert (updated.status, updated.assignee_id) == (Status.SOLVED, None)


async def test_a_stale_copy_is_refused_before_anything_is_written(fake: FakeHelpScout, make: Make) -> None:
    backend = make()
    seen = (await backend.get_ticket("2391938111")).version
    fake._append(fake.conversations[2391938111], "customer", "Any news?", fake.customers[CUSTOMER_ID],
                 "customer")
    threads = len(fake.threads[2391938111])
    with pytest.raises(ConflictError, match="changed on Help Scout"):
        await backend.post_message("2391938111", ReplyDraft("Late."), marker="x", expect_version=seen)
    assert len(fake.threads[2391938111]) == threads


async def test_the_token_is_fetched_once_and_again_after_a_401(fake: FakeHelpScout, make: Make) -> None:
    backend = make()
    assert (await backend.whoami()).name == "Aysel Mammadova"
    await backend.get_ticket("2391938111")
    assert len(fake.server.requests("/oauth2/token")) == 1
    fake.expire_tokens()
    await backend.get_ticket("2391938111")
    assert len(fake.server.requests("/oauth2/token")) == 2
    token = fake.server.requests("/oauth2/token")[-1].json()
    assert token == {"grant_type": "client_credentials", "client_id": APP_ID, "client_secret": APP_SECRET}


async def test_wrong_secret_and_a_bad_access_token_are_plain_auth_errors(make: Make) -> None:
    with pytest.raises(AuthError, match="refused the app id and secret") as refused:
        await make(token="wrong").whoami()
    assert "httpx" not in str(refused.value)
    with pytest.raises(AuthError, match="refused the access token"):
        await make(token="not-a-token", user=None).whoami()


@pytest.mark.parametrize(("status", "body", "error", "words"), [
    (429, {"logRef": "r", "message": "Too many requests"}, RateLimited, "asked us to wait"),
    (404, {"logRef": "r", "message": "Resource not found"}, NotFound, "Not found"),
    (412, {"logRef": "r", "message": "Conversation thread limit reached", "_embedded": {"errors": [
        {"path": "threads", "message": "A conversation may have at most 100 threads"}]}},
     BackendError, "at most 100 threads"),
    (400, {"logRef": "r", "message": "Bad request", "_embedded": {"errors": [
        {"path": "text", "message": "may not be empty"}]}}, BackendError, "text: may not be empty"),
])
async def test_errors_become_plain_supportterm_errors(
    fake: FakeHelpScout, make: Make, status: int, body: Any, error: type[Exception], words: str
) -> None:
    backend = make()
    await backend.whoami()
    fake.server.fail_next("/2391938111/notes", status, body, headers={"Retry-After": "12"})
    with pytest.raises(error, match=words) as raised:
        await backend.post_message("2391938111", ReplyDraft("x", Visibility.INTERNAL), marker="e")
    if status == 429:
        assert raised.value.retry_after == 12.0  # type: ignore[attr-defined]


async def test_merged_unknown_and_malformed(fake: FakeHelpScout, make: Make) -> None:
    backend = make()
    fake.conversations[2391938112]["mergedInto"] = 2391938111
    with pytest.raises(NotFound, match="merged into conversation 2391938111"):
        await backend.get_ticket("2391938112")
    with pytest.raises(NotFound):
        await backend.get_thread("404404")
    fake.server.fail_next("/v2/conversations", 200, raw=b"{\"_embedded\": ", headers={
        "Content-Type": "application/hal+json"})
    with pytest.raises(BackendError, match="instead of JSON"):
        await backend.list_changed(None)


async def test_saved_replies_are_canned_replies(make: Make) -> None:
    replies = await make().list_canned()
    assert [r.title for r in replies] == ["Password reset link", "Delay notice"]
    assert "here is a new reset link" in replies[0].body and "<p>" not in replies[0].body


async def test_the_newest_open_conversations_come_first_in_one_request(
    fake: FakeHelpScout, make: Make
) -> None:
    created = _add_conversations(fake, 30)
    recent = await make().list_recent(10)
    assert [t.id for t in recent.tickets] == list(reversed(created))[:10] and recent.cursor is None
    [request] = fake.server.requests("/v2/conversations", "GET")
    assert (request.arg("sortOrder"), request.arg("status")) == ("desc", "open")


async def test_a_reply_keeps_the_status_unless_it_changes_it_and_never_sends_spam(
    fake: FakeHelpScout, make: Make
) -> None:
    backend = make()
    await backend.post_message("2391938112", ReplyDraft("Looking into it."), marker="a")
    assert fake.server.requests("/reply", "POST")[-1].json()["status"] == "pending"
    fake.conversations[2391938112]["status"] = "spam"
    await backend.post_message("2391938112", ReplyDraft("Not spam after all."), marker="b")
    assert "status" not in fake.server.requests("/reply", "POST")[-1].json()
