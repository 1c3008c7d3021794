"""The shift from the keyboard: T starts it, W shows the summary, h writes the hand-off note that the
next shift sees, x exports JSON and CSV."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from factories import make_ticket

from supportterm import paths
from supportterm.config import Profile
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.store.shift import ShiftLog, handoff_for
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.shift import ShiftScreen


@pytest.mark.keys("shift.summary", "shift.handoff", "shift.export")
async def test_shift_summary_handoff_and_export(store: Store) -> None:
    now = [datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)]
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: now[0])
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("T")
        await app.workers.wait_for_complete()
        now[0] += timedelta(hours=2)
        await pilot.press("W")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ShiftScreen)
        await pilot.press("h", *"Ticket 1 waits for billing", "ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("x")
        await pilot.pause()
        await app.workers.wait_for_complete()
    shift = ShiftLog(store, clock=lambda: now[0]).current()
    assert shift is not None
    exported = json.loads((paths.data_dir() / f"shift-{shift.id}.json").read_text(encoding="utf-8"))
    assert exported["shift_id"] == shift.id and exported["worked_s"] >= 7200
    assert (paths.data_dir() / f"shift-{shift.id}.csv").read_text(encoding="utf-8").startswith("metric,value")
    # The next shift sees the note at its start.
    assert store.read(lambda c: handoff_for(c, shift.id + 10)).body == "Ticket 1 waits for billing"


async def test_shift_screen_lists_follow_ups_and_the_sla_watch(store: Store) -> None:
    from datetime import timedelta as td

    from ui.helpers import rendered

    from supportterm.config import Settings
    from supportterm.domain.models import Priority
    from supportterm.domain.sla import SlaPolicy
    from supportterm.domain.views import DEFAULT_VIEWS
    from supportterm.sla_settings import SlaSettings
    from supportterm.store.reminders import run_watch
    from supportterm.store.shift import add_follow_up

    now = datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)
    with store.transaction() as conn:
        tickets = [make_ticket(str(i), priority=Priority.URGENT, created_at=now - td(hours=i, minutes=5),
                               last_customer_at=now - td(hours=i), updated_at=now) for i in range(1, 11)]
        tickets.append(make_ticket("50", priority=Priority.URGENT, created_at=now - td(minutes=40),
                                   last_customer_at=now - td(minutes=40), updated_at=now))
        cache.upsert_tickets(conn, tickets)
        add_follow_up(conn, "3", now - td(minutes=1), "call back", now=now - td(hours=1))
        add_follow_up(conn, "4", now + td(days=1), "", now=now)
        run_watch(conn, DEFAULT_VIEWS, SlaPolicy(), now)
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: now, settings=Settings(sla=SlaSettings(time_zone="Asia/Baku")))
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = rendered(app.screen.query_one("#shift-reminders"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[1] == "#3 Tue 06 Jan 12:59 — call back (due)"  # Baku time, UTC+4
    assert lines[2] == "#4 Wed 07 Jan 13:00"
    sla = lines[lines.index("SLA at risk or breached:") + 1:]
    assert sla[0] == "#50 at risk (20m)"  # the one still savable comes first
    assert sla[1:3] == ["#1 breached (-5m)", "#2 breached (-1h 05m)"]  # then the latest breaches
    assert len(sla) == 9 and sla[-1].startswith("… and 3 more")
