"""Triage from the keyboard: marks and bulk actions in the inbox, take/priority/escalate in a ticket."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from factories import make_message, make_ticket

from supportterm.config import Profile
from supportterm.domain.models import ESCALATION_PREFIX, Priority, Status
from supportterm.store import outbox, state
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.ticket import TicketScreen

NOW = datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)


def _app(store: Store) -> SupportTermApp:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket(str(i), updated_at=NOW - timedelta(minutes=i)) for i in range(1, 6)])
        cache.upsert_messages(conn, [make_message("1")])
        state.put_state(conn, "me_id", "a1")
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: NOW)
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    return app


async def _settle(app: SupportTermApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.keys("inbox.mark", "inbox.assign", "inbox.priority", "inbox.close")
async def test_marked_tickets_get_one_bulk_action_each_and_no_ops_are_skipped(store: Store) -> None:
    app = _app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        from supportterm.sync.session import build_engine

        app.engine = build_engine(app.profile, store, token="t")
        await pilot.pause()
        assert isinstance(app.screen, InboxScreen)
        await pilot.press("x", "x", "j", "x")
        assert app.screen.ticket_list.marked == {"1", "2", "4"}
        await pilot.press("a")
        await _settle(app, pilot)
        assignments = [i.ticket_id for i in store.read(outbox.items) if "assignee_id" in i.payload]
        assert sorted(assignments) == ["1", "2", "4"]
        assert app.screen.ticket_list.marked == set()
        await pilot.press("g", "p")
        await pilot.pause()
        await pilot.press("enter")  # the current priority is highlighted: choosing it changes nothing
        await _settle(app, pilot)
        assert not [i for i in store.read(outbox.items) if "priority" in i.payload]
        await pilot.press("C")
        await _settle(app, pilot)
        assert store.read(lambda c: cache.get_ticket(c, "1")).status is Status.SOLVED


@pytest.mark.keys("ticket.escalate", "note.accept")
async def test_escalation_needs_a_note_and_raises_the_priority(store: Store) -> None:
    app = _app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        from supportterm.sync.session import build_engine

        app.engine = build_engine(app.profile, store, token="t")
        await pilot.pause()
        await pilot.press("enter")
        await _settle(app, pilot)
        assert isinstance(app.screen, TicketScreen)
        await pilot.press("e", "ctrl+s")  # empty: refused, the prompt stays
        await pilot.pause()
        await pilot.press(*"Payment provider bug", "ctrl+s")
        await _settle(app, pilot)
        items = store.read(outbox.items)
        notes = [i for i in items if i.kind == "message"]
        assert [n.payload["body"] for n in notes] == [ESCALATION_PREFIX + "Payment provider bug"]
        assert notes[0].payload["visibility"] == "internal"
        assert store.read(lambda c: cache.get_ticket(c, "1")).priority is Priority.HIGH
