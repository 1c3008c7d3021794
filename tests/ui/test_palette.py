"""Command palette: jump to a ticket, switch view, run an action; hostile subjects stay inert."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from factories import make_ticket

from supportterm.config import Profile
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.commands import ActionProvider, TicketJumpProvider, ViewProvider
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.outbox import OutboxScreen
from supportterm.ui.screens.ticket import TicketScreen

NOW = datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)


def _app(store: Store) -> SupportTermApp:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [
            make_ticket("41", subject="Refund [red]now[/red] \x1b]52;c;aGk=\x07", updated_at=NOW),
            make_ticket("42", subject="Login loop", updated_at=NOW - timedelta(minutes=1)),
        ])
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: NOW)
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    return app


async def _hits(provider_cls: type, screen: object, query: str) -> list[tuple[str, object]]:
    provider = provider_cls(screen)
    provider._post_init()
    return [(str(h.text), h.command) async for h in provider.search(query)]


async def test_providers_find_tickets_views_and_actions_with_inert_text(store: Store) -> None:
    app = _app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        [(title, _)] = await _hits(TicketJumpProvider, inbox, "refund")
        assert title.startswith("ticket: #41 Refund [red]now[/red]") and "\x1b" not in title
        assert [t for t, _ in await _hits(TicketJumpProvider, inbox, "#42")] == ["ticket: #42 Login loop"]
        views = [t for t, _ in await _hits(ViewProvider, inbox, "urgent")]
        assert "view: Urgent" in views
        actions = dict(await _hits(ActionProvider, inbox, "outbox"))
        assert "inbox: outbox" in actions


async def test_palette_end_to_end(store: Store) -> None:
    app = _app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"#42")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen) and app.screen.ticket_id == "42"
        await pilot.press("escape", "ctrl+p", *"outbox")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OutboxScreen)
