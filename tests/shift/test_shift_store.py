"""The shift log in a real store: events survive reopening, follow-ups, hand-off notes, summary numbers."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from factories import at, make_message, make_ticket

from supportterm.domain.models import Priority, ReplyDraft, Role, Status, TicketPatch, Visibility
from supportterm.domain.shift import ShiftError, ShiftPolicy, ShiftState
from supportterm.store import outbox
from supportterm.store import shift as log
from supportterm.store import tickets as cache
from supportterm.store.db import MIGRATIONS, Store


class FrozenClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_migration_creates_the_shift_tables(store: Store) -> None:
    sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    names = store.read(lambda c: {r[0] for r in c.execute(sql)})
    assert {"shift_events", "follow_ups", "handoff_notes"} <= names
    assert store.read(lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == len(MIGRATIONS)


def test_shift_survives_reopening_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    clock = FrozenClock(at(0))
    first = Store(path)
    shift_log = log.ShiftLog(first, clock=clock)
    started = shift_log.start(ShiftPolicy(planned=timedelta(hours=6)))
    clock.now = at(10)
    assert shift_log.activity()
    assert not shift_log.activity()  # throttled: nothing new to store
    clock.now = at(30)
    shift_log.take_break()
    first.close()

    again = log.ShiftLog(Store(path), clock=clock)
    try:
        current = again.current()
        assert current is not None and current.id == started.id
        assert current.clock.state is ShiftState.ON_BREAK
        assert current.clock.policy.planned == timedelta(hours=6)
        clock.now = at(45)
        again.resume()
        view = again.view()
        assert view.on_breaks == timedelta(minutes=15)
        assert view.last_activity == at(45)  # coming back from a break counts as activity
    finally:
        again.store.close()


def test_steps_without_a_shift_are_refused(store: Store) -> None:
    shift_log = log.ShiftLog(store, clock=lambda: at(0))
    for step in (shift_log.take_break, shift_log.resume, shift_log.stop):
        with pytest.raises(ShiftError, match="no shift running"):
            step()
    shift_log.start()
    with pytest.raises(ShiftError, match="already running"):
        shift_log.start()
    assert shift_log.view().state is ShiftState.ON_SHIFT


def test_a_new_shift_after_stop_gets_a_new_id(store: Store) -> None:
    clock = FrozenClock(at(0))
    shift_log = log.ShiftLog(store, clock=clock)
    first = shift_log.start()
    clock.now = at(60)
    shift_log.stop()
    assert shift_log.current() is None
    clock.now = at(24 * 60)
    second = shift_log.start()
    assert second.id != first.id and shift_log.view().elapsed == timedelta(0)


def test_follow_ups(store: Store) -> None:
    with store.transaction() as conn:
        soon = log.add_follow_up(conn, "7", at(120), "tell them the fix is live", now=at(0))
        log.add_follow_up(conn, "8", at(600), "update the customer tomorrow", now=at(0))
    assert store.read(lambda c: log.follow_ups_due(c, at(119))) == []
    due = store.read(lambda c: log.follow_ups_due(c, at(120)))
    assert [(f.ticket_id, f.note) for f in due] == [("7", "tell them the fix is live")]
    assert [f.ticket_id for f in store.read(lambda c: log.open_follow_ups(c))] == ["7", "8"]
    with store.transaction() as conn:
        assert log.complete_follow_up(conn, soon.id, now=at(130))
        assert not log.complete_follow_up(conn, soon.id, now=at(131))
    assert store.read(lambda c: log.follow_ups_due(c, at(700)))[0].ticket_id == "8"
    assert store.read(lambda c: log.open_follow_ups(c, "7")) == []


def test_handoff_notes(store: Store) -> None:
    clock = FrozenClock(at(0))
    shift_log = log.ShiftLog(store, clock=clock)
    first = shift_log.start()
    with store.transaction() as conn:
        log.save_handoff(conn, first.id, "draft", now=at(1))
        note = log.save_handoff(conn, first.id, "Ticket 12 waits for the infra team.", now=at(2))
    assert note.body == "Ticket 12 waits for the infra team." and note.created_at == at(1)
    clock.now = at(60)
    shift_log.stop()
    second = shift_log.start()
    seen = store.read(lambda c: log.handoff_for(c, second.id))
    assert seen is not None and seen.shift_id == first.id
    assert store.read(lambda c: log.handoff_for(c, first.id)) is None
    with store.transaction() as conn:
        log.mark_handoff(conn, first.id, seen_at=at(61), posted_ticket_id="12")
    stored = store.read(lambda c: log.load_handoff(c, first.id))
    assert stored is not None and stored.seen_at == at(61) and stored.posted_ticket_id == "12"


# Summary numbers from a seeded store --------------------------------------------------------------

def _seed(store: Store) -> None:
    customer = dict(author_role=Role.CUSTOMER)
    agent = dict(author_role=Role.AGENT, author_id="a1")
    tickets = [
        make_ticket("1", created_at=at(-120), last_customer_at=at(-120)),
        make_ticket("2", priority=Priority.URGENT, created_at=at(-180), last_agent_at=at(-170),
                    last_customer_at=at(0)),
        make_ticket("3", priority=Priority.LOW, created_at=at(-5), last_customer_at=at(-5)),
        make_ticket("4"), make_ticket("5"),
        make_ticket("6", created_at=at(0), last_customer_at=at(0)),
        make_ticket("7", priority=Priority.URGENT, created_at=at(0), last_customer_at=at(0)),
    ]
    messages = [
        make_message("1", "m1", created_at=at(-120), **customer),
        make_message("2", "m2a", created_at=at(-180), **customer),
        make_message("2", "m2b", created_at=at(-170), **agent),
        make_message("2", "m2c", created_at=at(0), **customer),
        make_message("3", "m3", created_at=at(-5), **customer),
        make_message("6", "m6", created_at=at(0), **customer),
        make_message("7", "m7", created_at=at(0), **customer),
    ]
    with store.transaction() as conn:
        cache.upsert_tickets(conn, tickets)
        cache.upsert_messages(conn, messages)


def _act(store: Store, ticket_id: str, minute: float, *, note: bool = False, status: Status | None = None,
         patch: TicketPatch | None = None, sent: bool = True, escalate: bool = False) -> None:
    with store.transaction() as conn:
        if patch is not None:
            item = outbox.queue_update(conn, ticket_id, patch, expect_version=None, now=at(minute))
        else:
            visibility = Visibility.INTERNAL if note else Visibility.PUBLIC
            draft = ReplyDraft("Thank you for waiting.", visibility, status)
            item = outbox.queue_message(conn, ticket_id, draft, author_id="a1", author_name="Aysel",
                                        expect_version=None, now=at(minute))
        if escalate:
            payload = json.dumps({**item.payload, log.ESCALATE_KEY: "1"})
            conn.execute("UPDATE outbox SET payload = ? WHERE id = ?", (payload, item.id))
        if sent:
            outbox.set_state(conn, item.id, outbox.SENT, now=at(minute + 1))


def test_summary_numbers_match_the_actions(store: Store) -> None:
    _seed(store)
    clock = FrozenClock(at(0))
    shift_log = log.ShiftLog(store, clock=clock)
    _act(store, "5", -10)  # before the shift: not counted
    shift_log.start()
    _act(store, "1", 30)  # first response after 150 min
    _act(store, "3", 40, note=True)
    # escalated to high (4 h) and still unanswered at the end (waiting since -5): a breach at the end
    _act(store, "3", 41, patch=TicketPatch(priority=Priority.HIGH), escalate=True)
    _act(store, "4", 50, sent=False)  # still in the outbox
    _act(store, "6", 60)  # first response after 60 min
    _act(store, "7", 70, note=True)  # an internal note does not answer the customer (urgent: breached)
    _act(store, "2", 200, status=Status.SOLVED)  # urgent next response after 200 min > 2 h: breached
    clock.now = at(100)
    shift_log.take_break()
    clock.now = at(115)
    shift_log.resume()
    clock.now = at(480)
    _, summary = shift_log.stop()
    data = summary.as_dict()
    expected = {
        "tickets_touched": 5, "replies": 3, "notes": 2, "status_changes": 1, "solved": 1, "escalations": 1,
        "undelivered": 1, "first_responses": 2, "median_first_response_s": (9000 + 3600) // 2,
        "sla_breaches": 3, "longest_wait_s": 200 * 60, "longest_wait_ticket": "2",
        "worked_s": 465 * 60, "on_breaks_s": 15 * 60, "breaks": 1, "started_at": "2026-01-05T09:00:00Z",
        "ended_at": "2026-01-05T17:00:00Z",
    }
    assert {k: data[k] for k in expected} == expected
    assert store.read(lambda c: log.action_counts(c, at(0), at(480))) == {
        "replies": 3, "notes": 2, "status_changes": 1}
    assert shift_log.summary() == summary  # the stored shift gives the same numbers later
    csv_lines = summary.to_csv().splitlines()
    assert csv_lines[0] == "metric,value" and "replies,3" in csv_lines
    assert json.loads(summary.to_json())["replies"] == 3


def test_summary_without_cached_threads_uses_ticket_fields(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("9", last_customer_at=at(10))])
    clock: Callable[[], datetime] = lambda: at(0)  # noqa: E731
    shift_log = log.ShiftLog(store, clock=clock)
    shift = shift_log.start()
    _act(store, "9", 40)
    summary = store.read(lambda c: log.shift_summary(c, shift, at(60)))
    assert summary.replies == 1 and summary.longest_wait_s == 30 * 60
