"""The vim keymap preset in the running app: l opens, h goes back, H/L switch views, ctrl+f pages."""

from __future__ import annotations

from datetime import timedelta

from factories import make_message, make_ticket
from ui.helpers import NOW, PROFILE, cursor_row, frozen_clock, seed_store

from supportterm.config import Settings
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.ticket import TicketScreen

TICKETS = [make_ticket(str(100 + n), subject=f"Question {n}", updated_at=NOW - timedelta(minutes=n))
           for n in range(60)]


def _app(store: Store, preset: str) -> SupportTermApp:
    seed_store(store, TICKETS, [make_message("100", "m1")])
    app = SupportTermApp(profile=PROFILE, store=store, auto_sync=False, clock=frozen_clock,
                         settings=Settings(keymap_preset=preset))
    app.start_engine = lambda: None  # type: ignore[method-assign]  # no network here
    return app


async def test_vim_preset_keys(store: Store) -> None:
    app = _app(store, "vim")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        await pilot.press("L")
        assert inbox.view_index == 1
        await pilot.press("H", "ctrl+f")
        assert inbox.view_index == 0 and cursor_row(inbox) > 10
        await pilot.press("g", "l")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        await pilot.press("h")
        await pilot.pause()
        assert app.screen is inbox


async def test_default_preset_keeps_h_and_l_for_views(store: Store) -> None:
    app = _app(store, "default")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        await pilot.press("l")
        assert inbox.view_index == 1 and app.screen is inbox
        await pilot.press("h", "ctrl+f")
        assert inbox.view_index == 0 and cursor_row(inbox) == 0  # ctrl+f is not bound by default
