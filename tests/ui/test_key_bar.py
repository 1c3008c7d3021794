"""The key bar: the screen's keys, remapped keys as remapped, help kept when narrow, clickable, tooltips."""

from __future__ import annotations

from factories import make_message, make_ticket
from ui.helpers import make_app, rendered, seed_store, settle

from supportterm.config import Profile, Settings
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.help import HelpScreen
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.key_bar import KeyBar


def _bar_text(app: SupportTermApp) -> str:
    return rendered(app.screen.query_one(KeyBar))


async def test_the_bar_follows_the_screen_and_keeps_help_at_80_columns(store: Store) -> None:
    seed_store(store, [make_ticket("1")], [make_message("1")])
    app = make_app(store)
    app.start_engine = lambda: None  # type: ignore[method-assign]  # no network in this test
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        inbox_bar = _bar_text(app)
        assert " Open " in inbox_bar and " x Mark " in inbox_bar
        assert " ? Help " in inbox_bar  # more keys than fit: help stays, it lists the rest
        assert inbox_bar.rstrip().endswith("palette")
        assert len(inbox_bar) == 80
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
        ticket_bar = _bar_text(app)
        assert " r Reply " in ticket_bar and " n Note " in ticket_bar
        assert " x Mark " not in ticket_bar


async def test_a_remapped_key_is_drawn_as_remapped(store: Store) -> None:
    seed_store(store, [make_ticket("1")])
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         settings=Settings(keymap={"inbox.mark": "m"}))
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]  # no network in this test
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        bar = _bar_text(app)
        assert " m Mark " in bar and " x Mark " not in bar


def _offline_app(store: Store) -> SupportTermApp:
    """An app over one cached ticket that never starts its sync engine."""
    seed_store(store, [make_ticket("1")])
    app = make_app(store)
    app.start_engine = lambda: None  # type: ignore[method-assign]  # no network in these tests
    return app


async def test_clicking_a_key_presses_it(store: Store) -> None:
    app = _offline_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        column = _bar_text(app).index(" ? Help ") + 2
        await pilot.click(KeyBar, offset=(column, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert bar.items()[0]  # the inbox's bar still lists its keys under the help screen


async def test_hovering_a_key_shows_its_binding_tooltip(store: Store) -> None:
    app = _offline_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        help_binding = next(b for b in app.BINDINGS if b.action == "help")
        await pilot.hover(KeyBar, offset=(_bar_text(app).index(" ? Help ") + 2, 0))
        assert bar.tooltip == help_binding.tooltip  # "Show every key of this screen"
        await pilot.hover(KeyBar, offset=(_bar_text(app).index(" ▕") + 1, 0))  # the gap: no key there
        assert bar.tooltip is None
