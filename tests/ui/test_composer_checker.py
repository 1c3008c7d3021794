"""The politeness checker in the composer: findings as you type, one-key fix, confirmation before
sending an error, internal notes checked for secrets only."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from factories import make_message, make_ticket

from supportterm.config import Profile
from supportterm.store import outbox
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.session import build_engine
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.pickers import Confirm
from supportterm.ui.screens.ticket import TicketScreen

NOW = datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)


async def _open(store: Store, pilot: object, app: SupportTermApp) -> TicketScreen:
    app.engine = build_engine(app.profile, store, token="t")
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TicketScreen)
    return app.screen


async def _settle(app: SupportTermApp, pilot: object) -> None:
    await pilot.pause(0.4)  # type: ignore[attr-defined]  # the 0.25 s debounce
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def _app(store: Store) -> SupportTermApp:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1", language="en")])
        cache.upsert_messages(conn, [make_message("1", body="Hello, my invoice is wrong.")])
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: NOW)
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    return app


@pytest.mark.keys("composer.apply_fix")
async def test_findings_while_typing_and_an_error_needs_confirmation(store: Store) -> None:
    app = _app(store)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await _open(store, pilot, app)
        await pilot.press("r", *"THIS IS YOUR FAULT.")
        await _settle(app, pilot)
        categories = {f.category for f in screen.composer.lint.findings}
        assert {"shouting", "blame"} <= categories
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert store.read(outbox.items) == []
        before = screen.composer.text_area.text
        await pilot.press("ctrl+f")
        await _settle(app, pilot)
        assert screen.composer.text_area.text != before


async def test_an_internal_note_is_checked_for_secrets_only(store: Store) -> None:
    app = _app(store)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await _open(store, pilot, app)
        await pilot.press("n", *"CUSTOMER IS RUDE. key sk_live_4eC39HqLyjWDarjtT1zdp7dc")
        await _settle(app, pilot)
        assert {f.category for f in screen.composer.lint.findings} == {"secret"}
