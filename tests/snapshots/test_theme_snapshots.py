"""Snapshot per shipped theme: the inbox and a ticket with the internal-note composer, at 100x30.

Same rules as test_snapshots.py: a fixed cache, a frozen clock, no engine, no network. The inbox
shows the status and priority cells, SLA countdowns (breached and at risk) and a marked row; the
ticket shows the head, a public reply, an internal note and the note composer's label. Regenerate
with `pytest tests/snapshots/test_theme_snapshots.py --snapshot-update` after a deliberate theme change,
and look at every changed SVG.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import make_message, make_person, make_ticket
from textual.pilot import Pilot
from textual.widgets import TextArea
from ui.helpers import NOW, PROFILE, frozen_clock, seed_store

from supportterm.config import Settings
from supportterm.domain.models import Channel, Priority, Role, Status, Visibility
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp

SIZE = (100, 30)
SnapCompare = Callable[..., bool]
THEMES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "themes").glob("*.toml"))
ME = make_person("a1", name="Aysel Mammadova", role=Role.AGENT)
TICKETS = [
    make_ticket("201", subject="Payment failed twice", priority=Priority.URGENT, assignee_id="a1",
                due_at=NOW + timedelta(minutes=25), updated_at=NOW - timedelta(minutes=4)),
    make_ticket("202", subject="Invoice address is wrong", status=Status.NEW, priority=Priority.HIGH,
                requester_id="c2", due_at=NOW - timedelta(hours=3), updated_at=NOW - timedelta(hours=1)),
    make_ticket("203", subject="Заказ не пришёл", status=Status.PENDING, channel=Channel.CHAT, language="ru",
                requester_id="c3", updated_at=NOW - timedelta(hours=5)),
    make_ticket("204", subject="Thanks, all good now", status=Status.SOLVED, priority=Priority.LOW,
                channel=Channel.WEB, updated_at=NOW - timedelta(days=2)),
]
PEOPLE = [make_person("c1"), make_person("c2", name="Leyla Aliyeva"), make_person("c3", name="Иван Петров")]
THREAD = [
    make_message("201", "m1", body="My card was charged twice and the order still says unpaid.",
                 created_at=NOW - timedelta(minutes=40)),
    make_message("201", "m2", author_id="a1", author_role=Role.AGENT, author_name="Aysel Mammadova",
                 body="Sorry for the trouble! I am checking with billing now.",
                 created_at=NOW - timedelta(minutes=30)),
    make_message("201", "m3", author_id="a1", author_role=Role.AGENT, author_name="Aysel Mammadova",
                 visibility=Visibility.INTERNAL, body="Duplicate capture in the gateway log; refund one.",
                 created_at=NOW - timedelta(minutes=20)),
]


@pytest.fixture
def build(store: Store, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], SupportTermApp]:
    seed_store(store, TICKETS, THREAD, PEOPLE, me=ME)

    def make(theme: str) -> SupportTermApp:
        app = SupportTermApp(profile=PROFILE, store=store, token="demo-aysel", auto_sync=False,
                             clock=frozen_clock, settings=Settings(theme=theme))
        monkeypatch.setattr(app, "start_engine", lambda: None)
        monkeypatch.setattr(app, "start_reminders", lambda: None)  # no timed SLA toast in the picture
        return app

    return make


@pytest.mark.parametrize("theme", THEMES)
def test_inbox(theme: str, build: Callable[[str], SupportTermApp], snap_compare: SnapCompare) -> None:
    async def mark_one(pilot: Pilot[Any]) -> None:
        assert pilot.app.theme == theme
        await pilot.press("j", "x")
        await pilot.pause()

    assert snap_compare(build(theme), terminal_size=SIZE, run_before=mark_one)


@pytest.mark.parametrize("theme", THEMES)
def test_ticket_with_note_composer(
    theme: str, build: Callable[[str], SupportTermApp], snap_compare: SnapCompare
) -> None:
    async def open_note_composer(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")  # no text typed: the checker's debounced run would race the snapshot
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False  # a blinking cursor is drawn or not depending on timing
        pilot.app.set_focus(None)  # and with no focus there is no cursor at all
        await pilot.pause()

    assert snap_compare(build(theme), terminal_size=SIZE, run_before=open_note_composer)


def test_inbox_under_no_color(
    build: Callable[[str], SupportTermApp], snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: the ANSI theme with its colours stripped; the cursor, marks and SLA stay visible
    through bold and reverse video."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = build("supportterm-light")

    async def mark_one(pilot: Pilot[Any]) -> None:
        assert pilot.app.theme == "supportterm-16"
        await pilot.press("j", "x")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=mark_one)
