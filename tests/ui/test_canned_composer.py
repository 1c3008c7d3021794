"""Canned replies in the composer: ctrl+t and `::` open the picker, placeholders are filled from the
ticket, and a reply with an unfilled placeholder is not sent."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from factories import make_message, make_ticket

from supportterm.config import Profile
from supportterm.domain.models import Person, Role
from supportterm.store import outbox, state
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.canned_picker import CannedPicker
from supportterm.ui.screens.ticket import TicketScreen

NOW = datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)


def _app(store: Store) -> tuple[SupportTermApp, list[str]]:
    with store.transaction() as conn:
        cache.upsert_people(conn, [Person("c1", "Олег Петров", Role.CUSTOMER, "oleg@example.ru", language="ru")])
        cache.upsert_tickets(conn, [make_ticket("1", requester_id="c1", language="ru", subject="Двойное списание")])
        cache.upsert_messages(conn, [make_message("1")])
        state.put_state(conn, "me_name", "Aysel Məmmədova")
    profile = Profile("t", "demo", "http://127.0.0.1:9", options={"company": "Nimbus"})
    app = SupportTermApp(profile=profile, store=store, auto_sync=False,
                         clock=lambda: NOW)
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    notes: list[str] = []
    shown = app.notify
    app.notify = lambda message, *a, **k: (notes.append(str(message)), shown(message, *a, **k))[1]  # type: ignore[method-assign]
    return app, notes


@pytest.mark.keys("composer.canned")
async def test_canned_reply_in_the_customers_language_with_placeholders_filled(store: Store) -> None:
    app, notes = _app(store)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        await pilot.press("r", "ctrl+t")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CannedPicker)
        await pilot.press(*"greet", "enter")
        await pilot.pause(0.3)
        text = app.screen.composer.text_area.text  # type: ignore[attr-defined]
        assert "Олег" in text and "Aysel Məmmədova" in text and "Nimbus" in text
        assert "{{" not in text and "⟨" not in text


async def test_double_colon_opens_the_picker_and_unfilled_markers_block_sending(store: Store) -> None:
    app, notes = _app(store)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r", ":", ":")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CannedPicker)
        await pilot.press(*"delay", "enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, TicketScreen)
        assert "::" not in screen.composer.text_area.text
        assert "⟨next_update⟩" in screen.composer.text_area.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.read(outbox.items) == []
        assert any("fill in ⟨next_update⟩" in n for n in notes)
