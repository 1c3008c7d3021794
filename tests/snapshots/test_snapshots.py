"""Snapshot tests: the inbox and a ticket at 100x30, drawn from a fixed store with a frozen clock.

No network: the app is built without auto-sync and its engine is never started, so what is drawn
is exactly the seeded cache. Regenerate with `pytest tests/snapshots --snapshot-update` (only on a
Textual bump or a deliberate UI change) and look at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from factories import make_message, make_person, make_ticket
from textual.pilot import Pilot
from ui.helpers import NOW, make_app, seed_store

from supportterm.domain.models import Channel, Priority, Role, Status, Visibility
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp

SIZE = (100, 30)
SnapCompare = Callable[..., bool]
"""The `snap_compare` fixture of pytest-textual-snapshot."""
ME = make_person("a1", name="Aysel Mammadova", role=Role.AGENT)


def ago(**delta: float) -> datetime:
    return NOW - timedelta(**delta)


TICKETS = [
    make_ticket("101", subject="Cannot log in after the password reset", priority=Priority.URGENT,
                assignee_id="a1", due_at=NOW + timedelta(minutes=40), updated_at=ago(minutes=5),
                last_customer_at=ago(minutes=5), last_agent_at=ago(minutes=30)),
    make_ticket("102", subject="Invoice is wrong", status=Status.NEW, priority=Priority.HIGH,
                requester_id="c2", due_at=ago(hours=2), updated_at=ago(hours=1)),
    make_ticket("103", subject="Где мой заказ?", status=Status.PENDING, channel=Channel.CHAT, language="ru",
                requester_id="c3", assignee_id="a2", updated_at=ago(hours=3), last_agent_at=ago(hours=3)),
    make_ticket("104", subject="Refund for order 5521", status=Status.ON_HOLD, priority=Priority.LOW,
                channel=Channel.WEB, requester_id="c2", assignee_id="a1", updated_at=ago(days=1)),
    make_ticket("105", subject="[red]not markup[/red] \x1b[31m", channel=Channel.FORUM, language="az",
                updated_at=ago(days=3)),
]
PEOPLE = [
    make_person("c1"), make_person("c2", name="Leyla Aliyeva"), make_person("c3", name="Иван Петров"),
    make_person("a2", name="Boris Ivanov", role=Role.AGENT),
]
THREAD = [
    make_message("101", "m1", body="Hello, I cannot log in since the reset this morning.",
                 created_at=ago(minutes=50)),
    make_message("101", "m2", author_id="a1", author_role=Role.AGENT, author_name="Aysel Mammadova",
                 body="Sorry about that! Could you try the link again?", created_at=ago(minutes=30)),
    make_message("101", "m3", author_id="a2", author_role=Role.AGENT, author_name="Boris Ivanov",
                 visibility=Visibility.INTERNAL, body="Auth logs show a lockout; unlocked it.",
                 created_at=ago(minutes=20)),
    make_message("101", "m4", body="Still the same error, sorry.", created_at=ago(minutes=5)),
]


@pytest.fixture
def app(store: Store, monkeypatch: pytest.MonkeyPatch) -> SupportTermApp:
    """The app over the seeded cache, with the sync engine never started."""
    seed_store(store, TICKETS, THREAD, PEOPLE, me=ME)
    built = make_app(store)
    monkeypatch.setattr(built, "start_engine", lambda: None)
    monkeypatch.setattr(built, "start_reminders", lambda: None)  # an SLA toast on a timer: a slow run
    # would catch one in the picture (tests/ui covers the reminders)
    return built


def test_inbox(app: SupportTermApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=SIZE)
    assert app.engine is None


def test_ticket_with_reply_and_internal_note(app: SupportTermApp, snap_compare: SnapCompare) -> None:
    async def open_first(pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_first)
    assert app.engine is None
