"""Shift start and stop against the real demo helpdesk on 127.0.0.1: availability is set after a yes (and
left alone after a no), the hand-off note is posted as an internal note on the team's ticket through the
outbox, it is not counted as the agent's work, and the next shift sees it at its start."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from ui.helpers import NOW, settle

from supportterm.config import Profile, Settings
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.sla_settings import ShiftSettings
from supportterm.store.db import Store
from supportterm.store.shift import HANDOFF_PREFIX, ShiftLog, save_handoff
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.follow_up import YesNo

pytestmark = pytest.mark.e2e
AGENT = {"Authorization": "Bearer demo-aysel"}
NOTE = "Ticket 12 waits for billing; call them at 10."


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoServer]:
    server = create_demo_server(tmp_path / "demo.sqlite3", port=0, tickets=40, simulate=False, now=NOW)
    server.start()
    yield server
    server.stop()


def _available(demo: DemoServer) -> bool:
    response = httpx.get(f"{demo.url}/api/v1/me/availability", headers=AGENT)
    response.raise_for_status()
    return bool(response.json()["available"])


def _notes(demo: DemoServer, ticket_id: str) -> list[str]:
    response = httpx.get(f"{demo.url}/api/v1/tickets/{ticket_id}/messages", headers=AGENT)
    response.raise_for_status()
    return [m["body"] for m in response.json()["messages"] if m["visibility"] == "internal"]


def test_the_demo_api_keeps_availability_per_agent(demo: DemoServer) -> None:
    url = f"{demo.url}/api/v1/me/availability"
    assert httpx.get(url, headers=AGENT).json() == {"agent_id": "a1", "available": False, "changed_at": None}
    set_on = httpx.put(url, json={"available": True}, headers=AGENT)
    assert set_on.status_code == 200 and set_on.json()["available"] is True and set_on.json()["changed_at"]
    other = httpx.get(url, headers={"Authorization": "Bearer demo-dmitri"}).json()
    assert other["available"] is False
    assert httpx.put(url, json={"available": "yes"}, headers=AGENT).status_code == 400
    admin = {"Authorization": "Bearer demo-admin"}
    assert httpx.put(url, json={"available": True}, headers=admin).status_code == 403


class Notes:
    def __init__(self, app: SupportTermApp) -> None:
        self.seen: list[tuple[str, str]] = []
        app.notify = lambda message, *, title="", **_: self.seen.append((title, message))  # type: ignore[method-assign,misc]


@pytest.mark.keys("shift.toggle", "yesno.yes", "yesno.no")
async def test_shift_sets_availability_posts_the_handoff_and_the_next_shift_sees_it(
    demo: DemoServer, store: Store, tmp_path: Path
) -> None:
    now = [NOW]
    recent = httpx.get(f"{demo.url}/api/v1/tickets", params={"limit": 1}, headers=AGENT)
    team_ticket = recent.json()["tickets"][0]["id"]
    settings = Settings(shift=ShiftSettings(handoff_ticket=team_ticket))
    app = SupportTermApp(profile=Profile("e2e", "demo", demo.url, user="aysel"), store=store,
                         token="demo-aysel",
                         auto_sync=False, clock=lambda: now[0], settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notes = Notes(app)
        assert app.engine is not None and app.engine.can_set_availability
        await pilot.press("T")
        await _until_modal(pilot, app)
        await pilot.press("y")
        await settle(pilot)
        assert _available(demo) is True
        log = ShiftLog(store, clock=lambda: now[0])
        shift = log.current()
        assert shift is not None
        now[0] += timedelta(hours=8)
        with store.transaction() as conn:
            save_handoff(conn, shift.id, NOTE, now=now[0])
        await pilot.press("T")
        await _until_modal(pilot, app)
        await pilot.press("y")
        await settle(pilot)
        assert _available(demo) is False
        assert _notes(demo, team_ticket) == [HANDOFF_PREFIX + NOTE]
        summary = log.summary(shift.id)
        assert summary is not None and summary.notes == 0 and summary.tickets_touched == 0
        assert ("Shift", f"Hand-off note queued on #{team_ticket} for the next shift.") in notes.seen

        now[0] += timedelta(hours=8)
        await pilot.press("T")  # the next shift
        await _until_modal(pilot, app)
        await pilot.press("n")
        await settle(pilot)
        assert _available(demo) is False, "a no leaves the helpdesk alone"
        starts = [(t, m) for t, m in notes.seen if t.startswith("Shift started")]
        assert starts[-1] == ("Shift started · hand-off note", NOTE)

    # A colleague on another machine (own profile, empty cache) starts the next shift: the note comes
    # from the team's ticket on the helpdesk.
    colleague = Store(tmp_path / "dmitri" / "store.sqlite3")
    other = SupportTermApp(profile=Profile("e2e", "demo", demo.url, user="dmitri"), store=colleague,
                           token="demo-dmitri", auto_sync=False, clock=lambda: now[0], settings=settings)
    async with other.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notes = Notes(other)
        await pilot.press("T")
        await _until_modal(pilot, other)
        await pilot.press("n")
        await settle(pilot)
        assert [(t, m) for t, m in notes.seen if t.startswith("Shift started")] == [
            ("Shift started · hand-off note by Aysel Məmmədova", NOTE)]
    colleague.close()


async def _until_modal(pilot: Any, app: SupportTermApp) -> None:
    """Let the shift worker run until it waits on the yes/no question."""
    for _ in range(200):
        await pilot.pause()
        if isinstance(app.screen, YesNo):
            return
    raise AssertionError(f"no question shown; screen is {app.screen!r}")
