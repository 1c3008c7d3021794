"""In the app, clock frozen: the inbox and the ticket header show the local policy's due time (marked)
where the helpdesk gives none, the same one the SLA view holds; breach notices come as at most one
short toast a minute, however many tickets breach."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from factories import make_ticket
from textual.widgets import Static
from ui.helpers import rendered, settle

from supportterm.config import Profile, Settings
from supportterm.domain.models import Priority
from supportterm.domain.views import DEFAULT_VIEWS
from supportterm.sla_settings import SlaSettings
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.store.reminders import load_watch
from supportterm.ui.app import SupportTermApp
from supportterm.ui.reminders import SLA_TOAST_S
from supportterm.ui.screens.ticket import TicketScreen

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)  # Monday 09:00 in Berlin
OFFICE = SlaSettings(time_zone="Europe/Berlin", business_hours={"mon-fri": "09:00-17:00"}, warn_minutes=30)


def _app(store: Store, now: list[datetime], sla: SlaSettings = OFFICE) -> SupportTermApp:
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: now[0], settings=Settings(sla=sla))
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    return app


async def test_inbox_and_header_show_the_local_due_time_marked(store: Store) -> None:
    now = [T0 + timedelta(minutes=230)]
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [
            # High: 4 business hours from 09:00 Berlin -> 13:00 Berlin; at 12:50 it is at risk.
            make_ticket("1", subject="Local clock", priority=Priority.HIGH, created_at=T0,
                        last_customer_at=T0, updated_at=T0),
            make_ticket("2", subject="Helpdesk clock", priority=Priority.HIGH, created_at=T0,
                        last_customer_at=T0, updated_at=T0 - timedelta(minutes=1),
                        due_at=T0 + timedelta(minutes=300)),
        ])
    app = _app(store, now)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        rows = rendered(app.screen.query_one("#tickets")).splitlines()
        local = next(r for r in rows if "Local clock" in r)
        backend = next(r for r in rows if "Helpdesk clock" in r)
        assert "10m*" in local
        assert "1h " in backend and "*" not in backend
        assert app.reminders is not None
        await app.reminders.check()
        watch = store.read(load_watch)
        assert watch["1"].due_at == T0 + timedelta(hours=4)  # what the row counts down to
        await pilot.press("enter")  # the first row: the newest update, ticket 1
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
        head = rendered(app.screen.query_one("#ticket-head", Static))
        assert "due 10m (local SLA)" in head


async def test_a_wave_of_breaches_is_one_toast_a_minute(store: Store) -> None:
    now = [T0]
    # 30 urgent tickets whose first reply (1 business hour) falls due one every 10 s from 10:00 Berlin.
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [
            make_ticket(str(100 + i), subject=f"Down {i}", priority=Priority.URGENT, created_at=wrote,
                        last_customer_at=wrote, updated_at=T0)
            for i, wrote in enumerate(T0 + timedelta(seconds=10 * k) for k in range(30))
        ])
    app = _app(store, now, SlaSettings(warn_minutes=5, bell=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        toasts: list[tuple[str, str, float | None]] = []
        bells: list[int] = []

        def notify(message: str, *, title: str = "", timeout: float | None = None, **_: Any) -> None:
            toasts.append((title, message, timeout))

        app.notify = notify  # type: ignore[method-assign]
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        assert app.reminders is not None
        times = [T0 + timedelta(minutes=50, seconds=30 * k) for k in range(40)]  # the timer's pace, 20 min
        told_at = []
        for instant in times:
            now[0] = instant
            before = len(toasts)
            await app.reminders.check()
            told_at.extend([instant] * (len(toasts) - before))
        # 60 alerts (each ticket warned, then breached) in 20 minutes; one toast each before.
        assert 5 <= len(toasts) <= 16
        assert all(b - a >= timedelta(minutes=1) for a, b in zip(told_at, told_at[1:], strict=False))
        assert all(timeout == SLA_TOAST_S for _, _, timeout in toasts)
        assert len(bells) == len(toasts)
        breaches = 0  # every breach is told exactly once (a breach replaces its ticket's held warning)
        for _, message, _ in toasts:
            if message.startswith("#"):
                breaches += "breached its SLA" in message
            else:
                breaches += sum(int(n) for n in re.findall(r"(\d+) breached\b", message.splitlines()[0]))
        assert breaches == 30 and "#100" in toasts[0][1]
        sla_view = next(v for v in DEFAULT_VIEWS if v.sla_risk)
        assert store.read(lambda c: cache.count(c, sla_view)) == 30  # the list stays in the view
