"""The shift from the keyboard: T starts it, W shows the summary, h writes the hand-off note that the
next shift sees, x exports JSON and CSV."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from factories import make_ticket

from supportterm import paths
from supportterm.config import Profile
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.store.shift import ShiftLog, handoff_for
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.shift import ShiftScreen


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
