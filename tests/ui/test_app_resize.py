"""Size reports: one that changes nothing redraws nothing; a real resize still re-lays out the inbox."""

from __future__ import annotations

import pytest
from factories import make_ticket
from textual import events
from textual.geometry import Size
from textual.widgets import Static
from ui.helpers import make_app, rendered, seed_store, settle

from supportterm.store.db import Store
from supportterm.ui.screens.inbox import InboxScreen


async def test_a_same_size_report_does_not_resize_the_inbox_but_a_new_size_does(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_store(store, [make_ticket("1")])
    app = make_app(store)
    app.start_engine = lambda: None  # type: ignore[method-assign]  # no network in this test
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        resizes: list[Size] = []
        original = InboxScreen.on_resize

        def counting(screen: InboxScreen) -> None:
            resizes.append(screen.size)
            original(screen)

        monkeypatch.setattr(InboxScreen, "on_resize", counting)
        app.post_message(events.Resize(Size(120, 36), Size(120, 36)))
        await settle(pilot)
        assert resizes == []
        await pilot.resize_terminal(90, 30)
        await settle(pilot)
        assert resizes and resizes[-1] == Size(90, 30)
        assert inbox.size.width == 90
        assert len(rendered(inbox.query_one("#columns", Static)).rstrip()) <= 89
