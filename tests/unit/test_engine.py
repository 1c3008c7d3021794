"""Unit tests of the sync engine: DemoBackend over the FakeHelpdesk, a real Store, recorded events."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fakes import API, BASE_URL, FakeHelpdesk

from supportterm.backends.http import Meter
from supportterm.config import Profile
from supportterm.domain.models import ReplyDraft, Status, Ticket, TicketPatch, Visibility
from supportterm.domain.views import View
from supportterm.store import outbox, state
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.engine import SyncEngine
from supportterm.sync.events import OutboxChanged, SyncEvent, SyncStatus, ThreadChanged, TicketsChanged
from supportterm.sync.session import build_engine, close_engine

MESSAGES_1 = f"{API}/tickets/1/messages"


@pytest.fixture
def fake() -> FakeHelpdesk:
    helpdesk = FakeHelpdesk()
    helpdesk.add_ticket("Cannot log in", assignee_id="a1")
    helpdesk.add_ticket("Invoice is wrong")
    helpdesk.add_ticket("Где мой заказ?", language="ru", channel="chat")
    return helpdesk


@pytest.fixture
def events() -> list[SyncEvent]:
    return []


@pytest.fixture
async def engine(fake: FakeHelpdesk, store: Store, events: list[SyncEvent]) -> AsyncIterator[SyncEngine]:
    meter = Meter()
    backend = fake.backend(meter=meter)
    yield SyncEngine(backend, store, meter=meter, on_event=events.append, clock=lambda: fake.now)
    await backend.client.aclose()


@pytest.fixture
async def synced(engine: SyncEngine, events: list[SyncEvent]) -> SyncEngine:
    """The engine after a clean first sync, with the event record cleared."""
    report = await engine.sync_once()
    assert report.error is None
    events.clear()
    return engine


def _ticket(store: Store, ticket_id: str) -> Ticket:
    ticket = store.read(lambda c: cache.get_ticket(c, ticket_id))
    assert ticket is not None
    return ticket


def _items(store: Store) -> list[outbox.OutboxItem]:
    return store.read(outbox.items)


def _posts(fake: FakeHelpdesk, ticket_id: str = "1") -> list:
    path = f"{API}/tickets/{ticket_id}/messages"
    return [r for r in fake.requests if r.method == "POST" and r.url.path == path]


async def _reply(engine: SyncEngine, ticket_id: str = "1", body: str = "Thank you, we are on it.",
                 *, version: str | None = None) -> outbox.OutboxItem:
    expect = version if version is not None else _ticket(engine.store, ticket_id).version
    return await engine.queue_message(ticket_id, ReplyDraft(body), expect_version=expect)


# Pulling ------------------------------------------------------------------------------------------

async def test_first_sync_fills_the_store_and_signs_in(engine: SyncEngine, fake: FakeHelpdesk,
                                                       store: Store, events: list[SyncEvent]) -> None:
    report = await engine.sync_once()
    assert (report.error, report.online, report.tickets_changed) == (None, True, 3)
    assert store.read(lambda c: cache.count(c, View("all", "All"))) == 3
    assert _ticket(store, "3").subject == "Где мой заказ?"
    assert store.read(lambda c: state.get_state(c, "me_id")) == "a1"
    assert store.read(lambda c: cache.person_names(c, ["c1", "a1"])) == {"c1": "Customer One",
                                                                          "a1": "Aysel Mammadova"}
    # A newest-first run (its first page is one screenful), then sign-in.
    assert fake.hits == {f"{API}/me": 1, f"{API}/changes": 1}
    assert report.requests == 2 and report.bytes_in > 0 and report.bytes_out > 0
    assert TicketsChanged(frozenset({"1", "2", "3"})) in events
    assert events[-1] == SyncStatus(online=True, message="Synced", meter=engine.meter.snapshot())


async def test_idle_sync_is_one_small_request(synced: SyncEngine, fake: FakeHelpdesk,
                                              events: list[SyncEvent]) -> None:
    before = fake.total_requests
    report = await synced.sync_once()
    assert fake.total_requests - before == 1
    assert report.requests == 1
    assert report.tickets_changed == 0
    assert report.bytes_in + report.bytes_out <= 1024  # DESIGN §5: idle sync ≤ 1 KB both ways
    assert [type(e) for e in events] == [SyncStatus]


async def test_first_sync_pages_through_everything(fake: FakeHelpdesk, store: Store) -> None:
    for n in range(4):
        fake.add_ticket(f"More {n}")
    engine = SyncEngine(fake.backend(), store, page_size=2, first_window=0)
    report = await engine.sync_once()
    await engine.backend.client.aclose()
    assert report.tickets_changed == 7
    assert fake.hits[f"{API}/changes"] == 4
    assert store.read(lambda c: cache.count(c, View("all", "All"))) == 7


async def test_fetch_thread_is_incremental_once_cached(synced: SyncEngine, fake: FakeHelpdesk,
                                                       store: Store, events: list[SyncEvent]) -> None:
    assert await synced.fetch_thread("1") == 1
    assert "after" not in fake.requests[-1].url.params
    assert events == [ThreadChanged("1")]
    first_id = fake.thread("1")[0]["id"]

    fake.customer_writes("1", "Any news?")
    assert await synced.fetch_thread("1") == 1
    assert fake.requests[-1].url.params["after"] == first_id
    assert [m.body for m in store.read(lambda c: cache.get_thread(c, "1"))] == [
        "Hello, I cannot log in.", "Any news?"]

    events.clear()
    assert await synced.fetch_thread("1") == 0
    assert events == []  # nothing new: the UI need not redraw


async def test_new_customer_message_costs_two_requests(synced: SyncEngine, fake: FakeHelpdesk,
                                                       store: Store, events: list[SyncEvent]) -> None:
    await synced.fetch_thread("1")
    fake.customer_writes("1", "Hello?")
    report = await synced.sync_once()
    assert (report.tickets_changed, report.messages_changed, report.requests) == (1, 1, 2)
    assert TicketsChanged(frozenset({"1"})) in events and ThreadChanged("1") in events
    assert store.read(lambda c: cache.get_thread(c, "1"))[-1].body == "Hello?"
    assert _ticket(store, "1").message_count == 2


async def test_unopened_threads_are_not_fetched(synced: SyncEngine, fake: FakeHelpdesk) -> None:
    fake.customer_writes("2", "Hello?")
    report = await synced.sync_once()
    assert report.tickets_changed == 1
    assert fake.hits[f"{API}/tickets/2/messages"] == 0


async def test_refused_credentials_are_reported(fake: FakeHelpdesk, store: Store) -> None:
    engine = SyncEngine(fake.backend(token="wrong"), store)
    report = await engine.sync_once()
    await engine.backend.client.aclose()
    assert report.online is True
    assert "refused the credentials" in (report.error or "")


# Pushing ------------------------------------------------------------------------------------------

async def test_reply_is_delivered_once_and_replaces_the_echo(synced: SyncEngine, fake: FakeHelpdesk,
                                                             store: Store) -> None:
    await synced.fetch_thread("1")
    item = await _reply(synced)
    assert [m.id for m in store.read(lambda c: cache.get_thread(c, "1"))][-1] == f"local-{item.id}"

    report = await synced.push()
    assert (report.outbox_delivered, report.error) == (1, None)
    [landed] = fake.with_marker(item.marker)
    thread = store.read(lambda c: cache.get_thread(c, "1"))
    assert [m.id for m in thread] == [fake.thread("1")[0]["id"], landed["id"]]
    assert thread[-1].marker == item.marker
    assert _ticket(store, "1").version == fake.tickets["1"]["version"]
    assert store.read(outbox.pending_count) == 0

    await synced.sync_once()  # the pull sees our own change; nothing is sent twice
    assert len(_posts(fake)) == 1
    assert len(store.read(lambda c: cache.get_thread(c, "1"))) == 2


async def test_lost_response_is_found_by_marker_not_resent(synced: SyncEngine, fake: FakeHelpdesk,
                                                           store: Store) -> None:
    item = await _reply(synced)
    fake.fail_next(1, "drop", method="POST")
    first = await synced.push()
    assert first.online is False
    assert len(fake.with_marker(item.marker)) == 1  # the server has it; we do not know yet
    [pending] = _items(store)
    assert pending.state == outbox.SENDING  # outcome unknown

    report = await synced.sync_once()
    assert (report.outbox_delivered, report.error) == (1, None)
    assert len(fake.with_marker(item.marker)) == 1
    assert len(_posts(fake)) == 1
    assert any(r.url.params.get("marker") == item.marker for r in fake.requests)
    assert _items(store) == []
    assert [m.marker for m in store.read(lambda c: cache.get_thread(c, "1"))].count(item.marker) == 1


async def test_offline_keeps_the_item_and_says_so(synced: SyncEngine, fake: FakeHelpdesk, store: Store,
                                                  events: list[SyncEvent]) -> None:
    item = await _reply(synced)
    fake.fail_next(1, "connect")
    report = await synced.sync_once()
    assert report.online is False
    assert report.error == "The helpdesk could not be reached while sending a reply to #1."
    assert events[-1] == SyncStatus(online=False, message=report.error, meter=synced.meter.snapshot())
    assert fake.with_marker(item.marker) == []
    [waiting] = store.read(outbox.deliverable)
    # A refused connection surely sent nothing: the item is plainly queued again, with no attempt
    # counted, so the next cycle sends it without first asking the helpdesk whether it landed.
    assert (waiting.id, waiting.state, waiting.attempts) == (item.id, outbox.QUEUED, 0)
    assert any(m.marker == item.marker for m in store.read(lambda c: cache.get_thread(c, "1")))

    report = await synced.sync_once()  # back online
    assert report.outbox_delivered == 1
    assert len(fake.with_marker(item.marker)) == 1
    assert not any(r.url.params.get("marker") == item.marker for r in fake.requests)


async def test_rate_limit_keeps_the_item_and_stays_online(synced: SyncEngine, fake: FakeHelpdesk,
                                                          store: Store) -> None:
    item = await _reply(synced)
    fake.fail_next(1, "status:429", method="POST")
    report = await synced.sync_once()
    assert report.online is True
    assert "HTTP 429" in (report.error or "")
    assert report.retry_after == 3
    assert [i.id for i in store.read(outbox.deliverable)] == [item.id]
    assert (await synced.sync_once()).outbox_delivered == 1
    assert len(fake.with_marker(item.marker)) == 1


async def test_conflict_marks_the_item_and_holds_the_ticket(synced: SyncEngine, fake: FakeHelpdesk,
                                                            store: Store, events: list[SyncEvent]) -> None:
    stale = _ticket(store, "1").version
    fake.customer_writes("1", "Never mind, I found it")
    reply = await _reply(synced, version=stale)
    update = await synced.queue_update("1", TicketPatch(status=Status.SOLVED), expect_version=stale)
    other = await _reply(synced, "2")

    report = await synced.sync_once()
    assert (report.outbox_conflicts, report.outbox_delivered, report.outbox_failed) == (1, 1, 0)
    states = {i.id: (i.state, i.error) for i in _items(store)}
    assert states[reply.id][0] == outbox.CONFLICT
    assert "changed" in states[reply.id][1]
    assert states[update.id] == (outbox.QUEUED, None)  # held back, not tried
    assert other.id not in states
    assert fake.with_marker(reply.marker) == []
    assert fake.tickets["1"]["status"] == "new"
    assert len(fake.with_marker(other.marker)) == 1
    assert any(isinstance(e, OutboxChanged) and e.problem and e.ticket_id == "1" for e in events)

    await synced.sync_once()  # still held: nothing is tried until the agent decides
    writes = [r for r in fake.requests if r.method in ("POST", "PATCH") and "/tickets/1" in r.url.path]
    assert len(writes) == 1  # the refused reply; the update behind it never left


async def test_retry_sends_a_conflicting_item_without_version(synced: SyncEngine, fake: FakeHelpdesk,
                                                              store: Store) -> None:
    stale = _ticket(store, "1").version
    fake.customer_writes("1")
    item = await _reply(synced, version=stale)
    assert (await synced.sync_once()).outbox_conflicts == 1

    await synced.retry(item.id)
    report = await synced.sync_once()
    assert report.outbox_delivered == 1
    assert "If-Match" not in _posts(fake)[-1].headers
    assert len(fake.with_marker(item.marker)) == 1
    assert _items(store) == []


async def test_status_update_is_delivered(synced: SyncEngine, fake: FakeHelpdesk, store: Store) -> None:
    patch = TicketPatch(status=Status.PENDING, assignee_id="a1")
    await synced.queue_update("2", patch, expect_version=_ticket(store, "2").version)
    assert (_ticket(store, "2").status, _ticket(store, "2").assignee_id) == (Status.PENDING, "a1")

    report = await synced.push()
    assert report.outbox_delivered == 1
    assert (fake.tickets["2"]["status"], fake.tickets["2"]["assignee_id"]) == ("pending", "a1")
    assert _ticket(store, "2").version == fake.tickets["2"]["version"]


async def test_two_actions_on_one_ticket_both_succeed(synced: SyncEngine, fake: FakeHelpdesk,
                                                      store: Store) -> None:
    version = _ticket(store, "1").version
    reply = await synced.queue_message("1", ReplyDraft("Fixed, please check."), expect_version=version)
    await synced.queue_update("1", TicketPatch(status=Status.PENDING), expect_version=version)

    report = await synced.push()
    assert (report.outbox_delivered, report.outbox_conflicts) == (2, 0)
    assert len(fake.with_marker(reply.marker)) == 1
    assert fake.tickets["1"]["status"] == "pending"
    post, patch = [r for r in fake.requests if r.method in ("POST", "PATCH")]
    assert post.headers["If-Match"] == version
    assert patch.headers["If-Match"] not in (None, version)  # the version our reply produced
    assert _items(store) == []


async def test_server_error_fails_the_item_with_a_reason(synced: SyncEngine, fake: FakeHelpdesk,
                                                         store: Store, events: list[SyncEvent]) -> None:
    item = await _reply(synced)
    fake.fail_next(1, "status:500", method="POST")
    report = await synced.sync_once()
    assert (report.outbox_failed, report.error, report.online) == (1, None, True)
    [failed] = _items(store)
    assert failed.state == outbox.FAILED
    assert "HTTP 500" in (failed.error or "")
    assert OutboxChanged(1, "1", problem=failed.error) in events

    await synced.sync_once()
    assert len(_posts(fake)) == 1  # a failed item waits for the agent
    await synced.retry(item.id)
    assert (await synced.sync_once()).outbox_delivered == 1
    assert len(fake.with_marker(item.marker)) == 1


async def test_cut_response_then_retry_does_not_duplicate(synced: SyncEngine, fake: FakeHelpdesk,
                                                          store: Store) -> None:
    item = await _reply(synced)
    fake.fail_next(1, "truncated", method="POST")
    assert (await synced.push()).outbox_failed == 1
    assert len(fake.with_marker(item.marker)) == 1  # it landed, but the answer was cut

    await synced.retry(item.id)
    assert (await synced.push()).outbox_delivered == 1
    assert len(fake.with_marker(item.marker)) == 1
    assert len(_posts(fake)) == 1


# Events and wiring --------------------------------------------------------------------------------

async def test_local_actions_announce_themselves(synced: SyncEngine, events: list[SyncEvent]) -> None:
    await synced.queue_message("2", ReplyDraft("Internal: check billing", Visibility.INTERNAL),
                               expect_version=None)
    assert events == [OutboxChanged(1, "2"), ThreadChanged("2"), TicketsChanged(frozenset({"2"}))]

    events.clear()
    await synced.push()
    outbox_events = [e for e in events if isinstance(e, OutboxChanged)]
    assert outbox_events[0] == OutboxChanged(1, "2")  # sending
    assert outbox_events[-1] == OutboxChanged(0, "2")  # delivered
    assert ThreadChanged("2") in events and TicketsChanged(frozenset({"2"})) in events


async def test_save_draft_goes_through_the_engine(synced: SyncEngine, store: Store) -> None:
    await synced.save_draft("1", Visibility.PUBLIC, "Dear customer,")
    assert store.read(lambda c: outbox.load_draft(c, "1")) == (Visibility.PUBLIC, "Dear customer,")
    await _reply(synced, body="Dear customer, done.")
    assert store.read(lambda c: outbox.load_draft(c, "1")) is None


async def test_build_engine_wires_a_profile(fake: FakeHelpdesk, store: Store) -> None:
    profile = Profile(name="work", backend="demo", url=BASE_URL, user="aysel")
    engine = build_engine(profile, store, token="demo-aysel", transport=fake.transport())
    try:
        report = await engine.sync_once()
    finally:
        await close_engine(engine)
    assert (report.error, report.tickets_changed, report.requests) == (None, 3, 2)
    assert engine.backend.client.is_closed


async def test_a_first_sync_asks_for_the_newest_screenful_first_and_only_once(
    engine: SyncEngine, fake: FakeHelpdesk, events: list[SyncEvent]
) -> None:
    await engine.sync_once()
    first = fake.requests[0]
    assert first.url.path == f"{API}/changes"
    assert (first.url.params["order"], first.url.params["limit"]) == ("newest", "50")
    assert isinstance(events[0], TicketsChanged)
    await engine.sync_once()
    assert all("order" not in r.url.params for r in fake.requests[1:])
