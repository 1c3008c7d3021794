"""Unit tests of the local store on a real SQLite file: schema, tickets and views, threads, outbox, drafts."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from factories import at, make_message, make_ticket

from supportterm.domain.models import (
    Priority,
    ReplyDraft,
    Status,
    TicketPatch,
    Visibility,
)
from supportterm.domain.views import DEFAULT_VIEWS, View
from supportterm.errors import StoreLockedError
from supportterm.store import outbox
from supportterm.store import tickets as cache
from supportterm.store.db import MIGRATIONS, Store, migrate
from supportterm.store.state import get_state, put_state

VIEWS = {v.id: v for v in DEFAULT_VIEWS}


def _queue_reply(store: Store, ticket_id: str, body: str = "Thank you, we are on it.", *, minute: float = 30,
                 **draft: object) -> outbox.OutboxItem:
    with store.transaction() as conn:
        return outbox.queue_message(
            conn, ticket_id, ReplyDraft(body, **draft), author_id="a1", author_name="Aysel",
            expect_version="v1", now=at(minute),
        )


def _queue_update(store: Store, ticket_id: str, patch: TicketPatch) -> outbox.OutboxItem:
    with store.transaction() as conn:
        return outbox.queue_update(conn, ticket_id, patch, expect_version="v1", now=at(30))


# Schema and files ---------------------------------------------------------------------------------

def test_store_runs_in_wal_mode(store: Store) -> None:
    assert store.read(lambda c: c.execute("PRAGMA journal_mode").fetchone()[0]) == "wal"
    reader = store.reader()
    try:
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reader.close()


def test_migrations_set_user_version_and_are_idempotent(store: Store) -> None:
    assert store.read(lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == len(MIGRATIONS)
    assert store.read(migrate) == len(MIGRATIONS)  # a second run changes nothing and does not fail
    assert store.read(lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == len(MIGRATIONS)


def test_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    first = Store(path)
    with first.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
        put_state(conn, "me_id", "a1")
    first.close()
    second = Store(path)
    try:
        assert second.read(lambda c: cache.get_ticket(c, "1")) == make_ticket("1")
        assert second.read(lambda c: get_state(c, "me_id")) == "a1"
    finally:
        second.close()


def test_cache_files_are_private(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
    files = [p for p in store.path.parent.iterdir() if p.name.startswith(store.path.name)]
    assert store.path in files
    for path in files:  # the database and its -wal/-shm sidecars hold ticket content
        assert os.stat(path).st_mode & 0o777 == 0o600, path.name


def test_a_second_store_on_the_profile_is_refused(store: Store) -> None:
    with pytest.raises(StoreLockedError, match=store.path.name):
        Store(store.path)


def test_lock_is_released_on_close(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    Store(path).close()
    Store(path).close()  # would raise StoreLockedError if the first one kept the lock


def test_failed_transaction_rolls_back(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
        raise RuntimeError("boom")
    assert store.read(lambda c: cache.get_ticket(c, "1")) is None


# Tickets and views --------------------------------------------------------------------------------

def test_ticket_round_trips_every_field(store: Store) -> None:
    ticket = make_ticket(
        "7", status=Status.ON_HOLD, priority=Priority.URGENT, assignee_id="a1", due_at=at(90),
        last_agent_at=at(5), tags=("vip", "billing"), message_count=4, language="az",
    )
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [ticket])
    assert store.read(lambda c: cache.get_ticket(c, "7")) == ticket


def test_upsert_updates_fields_but_keeps_thread_synced(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
        cache.mark_thread_synced(conn, "1")
        cache.upsert_tickets(conn, [make_ticket("1", subject="Renamed", version="v2")])
    assert store.read(lambda c: cache.get_ticket(c, "1")).subject == "Renamed"
    assert store.read(lambda c: cache.thread_synced(c, "1")) is True
    assert store.read(lambda c: cache.synced_thread_ids(c, ["1", "2"])) == ["1"]


@pytest.fixture
def inbox(store: Store) -> Store:
    """Six tickets covering every default view; newer ids were updated later."""
    rows = [
        make_ticket("1", status=Status.OPEN, assignee_id="a1", last_customer_at=at(1), priority=Priority.HIGH),
        make_ticket("2", status=Status.NEW, assignee_id=None, last_customer_at=at(2)),
        make_ticket("3", status=Status.PENDING, assignee_id="a2", last_agent_at=at(1),
                    last_customer_at=at(3)),
        make_ticket("4", status=Status.SOLVED, assignee_id="a1", last_customer_at=at(1), last_agent_at=at(4)),
        make_ticket("5", status=Status.ON_HOLD, assignee_id="a2", last_customer_at=at(1),
                    last_agent_at=at(5)),
        make_ticket("6", status=Status.CLOSED, assignee_id=None, last_customer_at=at(6)),
    ]
    rows = [replace(t, updated_at=at(int(t.id))) for t in rows]
    with store.transaction() as conn:
        cache.upsert_tickets(conn, rows)
    return store


@pytest.mark.parametrize(
    ("view_id", "expected"),
    [
        ("open", ["5", "2", "1"]),
        ("mine", ["1"]),
        ("unassigned", ["2"]),
        ("awaiting", ["3", "2", "1"]),
        ("pending", ["3"]),
        ("urgent", ["1"]),
        ("solved", ["6", "4"]),
        ("all", ["6", "5", "4", "3", "2", "1"]),
        ("sla", []),  # filled by the app's SLA watch: tests/shift/test_sla_watch.py
        ("follow_ups", []),  # tickets with open follow-ups: tests/shift/test_sla_watch.py
    ],
)
def test_default_views_window_and_count(inbox: Store, view_id: str, expected: list[str]) -> None:
    view = VIEWS[view_id]
    got = inbox.read(lambda c: cache.window(c, view, offset=0, limit=50, me="a1"))
    assert [t.id for t in got] == expected
    assert inbox.read(lambda c: cache.count(c, view, me="a1")) == len(expected)


def test_every_default_view_is_covered() -> None:
    assert set(VIEWS) == {"open", "mine", "unassigned", "awaiting", "urgent", "pending", "solved", "all",
                          "sla", "follow_ups"}


def test_mine_is_empty_before_sign_in(inbox: Store) -> None:
    assert inbox.read(lambda c: cache.count(c, VIEWS["mine"], me=None)) == 0


def test_window_pages_newest_first(inbox: Store) -> None:
    page = inbox.read(lambda c: cache.window(c, View("all", "All"), offset=2, limit=2))
    assert [t.id for t in page] == ["4", "3"]


def test_reader_connection_sees_committed_writes(inbox: Store) -> None:
    reader = inbox.reader()
    try:
        assert cache.count(reader, VIEWS["all"]) == 6
        with pytest.raises(sqlite3.OperationalError):
            reader.execute("DELETE FROM tickets")  # read-only: the UI cannot write by mistake
    finally:
        reader.close()


def test_reader_opens_the_same_file_whatever_the_folder_is_called(tmp_path: Path) -> None:
    odd = Store(tmp_path / "a #b?c %20" / "p.sqlite3")
    try:
        with odd.transaction() as conn:
            cache.upsert_tickets(conn, [make_ticket("1")])
        reader = odd.reader()
        try:
            assert cache.count(reader, VIEWS["all"]) == 1
        finally:
            reader.close()
    finally:
        odd.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a #b?c %20"]  # no stray database beside it


# Threads ------------------------------------------------------------------------------------------

def test_thread_is_oldest_first_with_pending_echo_after_same_time_messages(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
        cache.upsert_messages(conn, [make_message("1", "m2", created_at=at(30)),
                                     make_message("1", "m1", created_at=at(0))])
    item = _queue_reply(store, "1", minute=30)
    with store.transaction() as conn:
        cache.upsert_messages(conn, [make_message("1", "m3", created_at=at(40))])
    thread = store.read(lambda c: cache.get_thread(c, "1"))
    assert [m.id for m in thread] == ["m1", "m2", f"local-{item.id}", "m3"]
    echo = thread[2]
    assert echo.marker == item.marker
    assert echo.author_id == "a1"
    # The echo is not a server message: incremental fetches start after the newest server one.
    assert store.read(lambda c: cache.last_message_id(c, "1")) == "m3"


def test_an_id_reused_for_another_ticket_drops_the_old_thread(store: Store) -> None:
    # The helpdesk was reset: id 1 now names a ticket created at another time.
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1"), make_ticket("2")])
        cache.upsert_messages(conn, [make_message("1", "m1"), make_message("2", "m2")])
        cache.mark_thread_synced(conn, "1")
        cache.mark_thread_synced(conn, "2")
    item = _queue_reply(store, "1", minute=5)
    with store.transaction() as conn:
        reused = make_ticket("1", subject="Refund", created_at=at(900), updated_at=at(900))
        cache.upsert_tickets(conn, [reused, make_ticket("2", updated_at=at(60))])  # 2: the same, updated
    assert [m.id for m in store.read(lambda c: cache.get_thread(c, "1"))] == [f"local-{item.id}"]
    assert not store.read(lambda c: cache.thread_synced(c, "1"))  # the next open fetches it whole
    assert store.read(lambda c: cache.last_message_id(c, "1")) is None
    assert [m.id for m in store.read(lambda c: cache.get_thread(c, "2"))] == ["m2"]
    assert store.read(lambda c: cache.thread_synced(c, "2"))


def test_last_message_id_ignores_the_pending_echo(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
        cache.upsert_messages(conn, [make_message("1", "m1", created_at=at(0))])
    _queue_reply(store, "1", minute=50)
    assert store.read(lambda c: cache.last_message_id(c, "1")) == "m1"


# Drafts and outbox --------------------------------------------------------------------------------

def test_drafts_save_load_and_delete_when_emptied(store: Store) -> None:
    with store.transaction() as conn:
        outbox.save_draft(conn, "1", Visibility.INTERNAL, "note to self", now=at(1))
    assert store.read(lambda c: outbox.load_draft(c, "1")) == (Visibility.INTERNAL, "note to self")
    with store.transaction() as conn:
        outbox.save_draft(conn, "1", Visibility.PUBLIC, "Dear customer", now=at(2))
    assert store.read(lambda c: outbox.load_draft(c, "1")) == (Visibility.PUBLIC, "Dear customer")
    with store.transaction() as conn:
        outbox.save_draft(conn, "1", Visibility.PUBLIC, "  \n ", now=at(3))
    assert store.read(lambda c: outbox.load_draft(c, "1")) is None


def test_queue_message_adds_echo_applies_status_and_clears_draft(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1", status=Status.OPEN)])
        outbox.save_draft(conn, "1", Visibility.PUBLIC, "Thank you", now=at(1))
    item = _queue_reply(store, "1", "Thank you", new_status=Status.PENDING)
    assert item.kind == "message" and item.state == outbox.QUEUED
    assert item.marker.startswith("st-")
    assert item.draft() == ReplyDraft("Thank you", Visibility.PUBLIC, Status.PENDING)
    assert store.read(lambda c: outbox.load_draft(c, "1")) is None
    assert [m.body for m in store.read(lambda c: cache.get_thread(c, "1"))] == ["Thank you"]
    assert store.read(lambda c: cache.get_ticket(c, "1")).status is Status.PENDING
    assert store.read(lambda c: outbox.items(c)) == [item]


def test_queue_update_applies_the_patch_to_the_cache(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1"), make_ticket("2", updated_at=at(1))])
    item = _queue_update(store, "1", TicketPatch(priority=Priority.URGENT, assignee_id="a1"))
    assert item.patch() == TicketPatch(priority=Priority.URGENT, assignee_id="a1")
    ticket = store.read(lambda c: cache.get_ticket(c, "1"))
    assert (ticket.priority, ticket.assignee_id) == (Priority.URGENT, "a1")
    assert store.read(lambda c: cache.count(c, VIEWS["mine"], me="a1")) == 1
    rank = store.read(lambda c: c.execute("SELECT priority_rank FROM tickets WHERE id = '1'").fetchone()[0])
    assert rank == Priority.URGENT.rank


def test_markers_are_unique(store: Store) -> None:
    markers = {_queue_reply(store, "1").marker for _ in range(20)}
    assert len(markers) == 20


def test_deliverable_is_in_order_and_holds_back_a_blocked_ticket(store: Store) -> None:
    a = _queue_reply(store, "1")
    b = _queue_reply(store, "2")
    c = _queue_update(store, "1", TicketPatch(status=Status.PENDING))
    d = _queue_reply(store, "3")
    deliverable = lambda: [i.id for i in store.read(outbox.deliverable)]  # noqa: E731
    assert deliverable() == [a.id, b.id, c.id, d.id]

    with store.transaction() as conn:
        outbox.set_state(conn, a.id, outbox.FAILED, now=at(31), error="HTTP 500")
        outbox.set_state(conn, b.id, outbox.CONFLICT, now=at(31), error="changed")
    assert deliverable() == [d.id]  # c waits behind the failed a; b's ticket has nothing else

    with store.transaction() as conn:
        outbox.retry(conn, a.id, now=at(32))
        outbox.set_state(conn, d.id, outbox.SENT, now=at(32))
    assert deliverable() == [a.id, c.id]
    retried = store.read(lambda c: outbox.items(c, ticket_id="1"))[0]
    assert (retried.state, retried.error, retried.expect_version) == (outbox.QUEUED, None, None)
    assert store.read(outbox.pending_count) == 3  # a, b (conflict) and c; d is sent


def test_sending_counts_an_attempt_and_stays_deliverable(store: Store) -> None:
    item = _queue_reply(store, "1")
    with store.transaction() as conn:
        outbox.set_state(conn, item.id, outbox.SENDING, now=at(31))
    [again] = store.read(outbox.deliverable)
    assert (again.state, again.attempts) == (outbox.SENDING, 1)


def test_retry_leaves_items_that_are_not_stuck_alone(store: Store) -> None:
    item = _queue_reply(store, "1")
    with store.transaction() as conn:
        outbox.set_state(conn, item.id, outbox.SENT, now=at(31))
        outbox.retry(conn, item.id, now=at(32))
    assert store.read(outbox.pending_count) == 0


def test_drop_local_echo_removes_only_that_items_message(store: Store) -> None:
    first = _queue_reply(store, "1", "one")
    _queue_reply(store, "1", "two")
    with store.transaction() as conn:
        outbox.drop_local_echo(conn, first.id)
    assert [m.body for m in store.read(lambda c: cache.get_thread(c, "1"))] == ["two"]


def test_cancel_withdraws_an_update_and_restores_the_cached_ticket(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
    before = store.read(lambda c: cache.get_ticket(c, "1"))
    item = _queue_update(store, "1", TicketPatch(status=Status.SOLVED, priority=Priority.URGENT))
    with store.transaction() as conn:
        cancelled = outbox.cancel(conn, item.id)
    assert cancelled is not None and cancelled.id == item.id
    after = store.read(lambda c: cache.get_ticket(c, "1"))
    assert (after.status, after.priority) == (before.status, before.priority)
    rank = store.read(lambda c: c.execute("SELECT priority_rank FROM tickets WHERE id = '1'").fetchone()[0])
    assert rank == before.priority.rank
    assert store.read(outbox.items) == []


def test_cancel_drops_the_echo_but_refuses_an_item_already_sending(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
    first = _queue_reply(store, "1", "first")
    second = _queue_reply(store, "1", "second", minute=31, new_status=Status.PENDING)
    with store.transaction() as conn:
        outbox.set_state(conn, first.id, outbox.SENDING, now=at(32))
        assert outbox.cancel(conn, first.id) is None
        assert outbox.cancel(conn, second.id) is not None
    assert [m.body for m in store.read(lambda c: cache.get_thread(c, "1"))] == ["first"]
    assert store.read(lambda c: cache.get_ticket(c, "1")).status == make_ticket("1").status


def test_far_windows_read_from_the_other_end_give_the_same_rows(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket(str(i), updated_at=at(i)) for i in range(1, 38)])
    view = View("all", "All")
    full = [t.id for t in store.read(lambda c: cache.window(c, view, offset=0, limit=100))]
    for offset in (0, 10, 18, 19, 30, 35, 36):
        got = store.read(lambda c: cache.window(c, view, offset=offset, limit=10, total=37))
        assert [t.id for t in got] == full[offset:offset + 10], offset
