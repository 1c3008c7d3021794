"""The app's reminders with the clock frozen and moved by hand: follow-ups set from the ticket view (f, or
ctrl+g to send and follow up) come back when due; SLA warnings and breaches are announced once each,
with the bell when configured; the views and the shift bar follow."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from factories import make_ticket
from fakes import FakeHelpdesk
from ui.helpers import make_app, settle

from supportterm.config import Profile, Settings
from supportterm.domain.models import Priority
from supportterm.domain.views import DEFAULT_VIEWS
from supportterm.sla_settings import SlaSettings
from supportterm.store import outbox
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.store.shift import add_follow_up, follow_ups_due, open_follow_ups
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.follow_up import FollowUpPrompt
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.shift_bar import ShiftBar, follow_up_text

T0 = datetime(2026, 3, 28, 20, 0, tzinfo=timezone.utc)  # Saturday; Berlin springs forward that night
BERLIN = SlaSettings(time_zone="Europe/Berlin", bell=True, warn_minutes=30)


class Recorder:
    """Stands in for app.notify and app.bell, keeping what they were asked."""

    def __init__(self, app: SupportTermApp) -> None:
        self.notes: list[tuple[str, str]] = []
        self.bells = 0
        app.notify = self.notify  # type: ignore[method-assign]
        app.bell = self.bell  # type: ignore[method-assign]

    def notify(self, message: str, *, title: str = "", **_: Any) -> None:
        self.notes.append((title, message))

    def bell(self) -> None:
        self.bells += 1

    def titled(self, title: str) -> list[str]:
        return [m for t, m in self.notes if t == title]


def _offline_app(store: Store, now: list[datetime], sla: SlaSettings = BERLIN) -> SupportTermApp:
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: now[0], settings=Settings(sla=sla))
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    return app


@pytest.mark.keys("ticket.follow_up", "followup.cancel")
async def test_a_follow_up_set_with_f_comes_back_once_when_due(store: Store) -> None:
    now = [T0]
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1", subject="Refund", last_agent_at=T0)])
    app = _offline_app(store, now)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        seen = Recorder(app)
        app.push_screen(TicketScreen("1"))
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpPrompt)
        await pilot.press("escape")  # cancelled: nothing stored
        await pilot.pause()
        assert store.read(open_follow_ups) == []
        await pilot.press("f", *"tomorow 9:00", "enter")  # a typo is explained in place
        await pilot.pause()
        assert isinstance(app.screen, FollowUpPrompt)
        await pilot.press(*["backspace"] * 12, *"tomorrow 02:30; call about the refund", "enter")
        await settle(pilot)
        [item] = store.read(open_follow_ups)
        # 02:30 does not exist in Berlin that night: read with the offset before the change (03:30 CEST).
        assert item.due_at == datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)
        assert item.note == "call about the refund"
        assert seen.titled("Follow-up") == ["Follow-up on #1: Sun 29 Mar 03:30."]

        assert app.reminders is not None
        report = await app.reminders.check()
        assert report.follow_ups == [] and seen.titled("Follow-up due") == []
        now[0] = datetime(2026, 3, 29, 1, 31, tzinfo=timezone.utc)
        report = await app.reminders.check()
        assert seen.titled("Follow-up due") == ["#1 Refund — call about the refund"] and report.rang
        await app.reminders.check()
        assert len(seen.titled("Follow-up due")) == 1, "announced once"
        app.screen.query_one(ShiftBar).tick()
        assert store.read(lambda c: len(follow_ups_due(c, now[0]))) == 1
        view = next(v for v in DEFAULT_VIEWS if v.follow_ups)
        assert store.read(lambda c: [t.id for t in cache.window(c, view, offset=0, limit=5)]) == ["1"]


def test_the_bar_counts_due_follow_ups() -> None:
    assert follow_up_text(0) == ""
    assert follow_up_text(1) == " · 1 follow-up due"
    assert follow_up_text(3) == " · 3 follow-ups due"


@pytest.mark.keys("composer.send_follow_up")
async def test_send_then_follow_up_settles_the_due_one_and_sets_the_next(store: Store) -> None:
    fake = FakeHelpdesk()
    ticket = fake.add_ticket("Where is my order?")
    app = make_app(store, transport=fake.transport())
    app.settings = replace(app.settings, sla=BERLIN)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        now = app.clock()
        with store.transaction() as conn:  # promised earlier, due now
            add_follow_up(conn, ticket["id"], now - timedelta(minutes=5), "update them", now=now)
        app.push_screen(TicketScreen(ticket["id"]))
        await settle(pilot)
        await pilot.press("r", *"The parcel left the warehouse today.", "ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpPrompt)
        await pilot.press(*"mon 9:00; check delivery", "enter")
        await settle(pilot)
        assert [m["body"] for m in fake.thread(ticket["id"])][-1] == "The parcel left the warehouse today."
        [left] = store.read(open_follow_ups)
        assert left.note == "check delivery" and left.due_at > now
        assert left.due_at.astimezone(BERLIN.zone()).strftime("%a %H:%M") == "Mon 09:00"
        assert store.read(outbox.items) == []  # delivered


async def test_sla_warning_then_breach_once_each_with_the_bell(store: Store) -> None:
    now = [T0]
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [
            make_ticket("1", subject="Site down", priority=Priority.URGENT, created_at=T0,
                        last_customer_at=T0, updated_at=T0),
            make_ticket("2", subject="Question", priority=Priority.LOW, created_at=T0, last_customer_at=T0,
                        updated_at=T0),
        ])
    app = _offline_app(store, now, SlaSettings(bell=True, warn_minutes=20))
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        seen = Recorder(app)
        assert app.reminders is not None
        timeline = [10, 39, 41, 50, 61, 90]
        for minute in timeline:
            now[0] = T0 + timedelta(minutes=minute)
            await app.reminders.check()
        assert seen.titled("SLA at risk") == ["#1 breaches in 19m: Site down"]
        assert seen.titled("SLA breached") == ["#1 breached its SLA (-1m): Site down"]
        assert seen.bells == 2
        sla_view = next(v for v in DEFAULT_VIEWS if v.sla_risk)
        assert store.read(lambda c: cache.count(c, sla_view)) == 1


async def test_warnings_can_be_turned_off_but_the_view_still_fills(store: Store) -> None:
    now = [T0 + timedelta(hours=3)]
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1", priority=Priority.URGENT, created_at=T0,
                                                last_customer_at=T0)])
    app = _offline_app(store, now, SlaSettings(notify=False, bell=True))
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        seen = Recorder(app)
        assert app.reminders is not None
        report = await app.reminders.check()
        assert report.sla_notices == [] and seen.notes == [] and seen.bells == 0
        sla_view = next(v for v in DEFAULT_VIEWS if v.sla_risk)
        assert store.read(lambda c: cache.count(c, sla_view)) == 1
