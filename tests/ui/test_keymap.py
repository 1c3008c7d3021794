"""Binding ids: unique per screen, remappable from config, and help shows the keys as remapped."""

from __future__ import annotations

from datetime import datetime, timezone

from factories import make_message, make_ticket

from textual.widgets import Static

from supportterm.config import Profile, Settings
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.help import HelpScreen
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.outbox import OutboxScreen
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.composer import Composer
from supportterm.ui.widgets.ticket_list import TicketList

NOW = datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)


def test_binding_ids_are_unique_within_each_screen() -> None:
    for owner in (SupportTermApp, InboxScreen, TicketScreen, OutboxScreen, TicketList, HelpScreen):
        ids = [b.id for b in owner.BINDINGS if b.id]  # type: ignore[union-attr]
        assert len(ids) == len(set(ids)), owner.__name__
        assert all("." in i for i in ids), owner.__name__


async def test_a_remapped_key_works_and_help_shows_it(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])
        cache.upsert_messages(conn, [make_message("1")])
    settings = Settings(keymap={"ticket.reply": "w", "inbox.next_view": "right"})
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: NOW, settings=settings)
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]  # no network in this test
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        await pilot.press("right")
        assert inbox.views[inbox.view_index].id == "mine"
        await pilot.press("left_square_bracket", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        await pilot.press("r")
        assert not app.screen.query_one(Composer).is_open
        await pilot.press("w")
        assert app.screen.query_one(Composer).is_open
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.query_one("#help-table", Static).content
        reply_row = [r for r in _rows(rows) if r[2] == "ticket.reply"]
        assert reply_row and reply_row[0][0] == "w"


def _rows(table: object) -> list[tuple[str, str, str]]:
    columns = table.columns  # type: ignore[attr-defined]
    cells = [[str(c) for c in col._cells] for col in columns]
    return list(zip(*cells, strict=True))  # type: ignore[arg-type]


async def test_a_remapped_key_keeps_its_place_in_the_footer(store: Store) -> None:
    """Textual re-adds a remapped binding last; at 80 columns that pushed `r` off the footer."""
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1")])

    async def shown_ids(keymap: dict[str, str]) -> list[str]:
        app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                             clock=lambda: NOW, settings=Settings(keymap=keymap))
        app._exit_after_paint = False
        app.start_engine = lambda: None  # type: ignore[method-assign]  # no network in this test
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, InboxScreen)
            return [active.binding.id or active.binding.action
                    for active in app.screen.active_bindings.values() if active.binding.show]

    default = await shown_ids({})
    remapped = await shown_ids({"inbox.mark": "m", "inbox.assign": "t"})
    assert "inbox.mark" in default and "inbox.assign" in default
    assert remapped == default
