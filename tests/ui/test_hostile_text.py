"""Hostile ticket content stays inert on the UI paths: inbox rows, thread, customer panel,
notifications (terminal escapes become visible symbols; markup is shown, not obeyed)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from factories import make_message, make_ticket

from supportterm.config import Profile
from supportterm.domain.models import Person, Role
from supportterm.domain.text import inert
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.widgets.ticket_row import row_text

NOW = datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc)
HOSTILE = [
    "\x1b[31mred\x1b[0m", "\x1b]52;c;c2VjcmV0\x07clipboard", "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1bP+q\x1b\\dcs", "\x9b31mC1-CSI", "[red]markup[/red]", "[@click=app.quit]click[/]", "a\u202egnp.exe",
    "zero\u200bwidth", "bell\x07", "back\x08space", "\r\ncarriage",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_inert_text_has_no_control_or_bidi_characters_left(text: str) -> None:
    shown = inert(text)
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in shown)
    assert not any(0x7F <= ord(c) <= 0x9F for c in shown)
    assert "\u202e" not in shown and "\u200b" not in shown


@pytest.mark.parametrize("text", HOSTILE)
def test_inbox_row_shows_hostile_subjects_and_names_inertly(text: str) -> None:
    ticket = make_ticket("1", subject=text, requester_id="c1")
    row = row_text(ticket, {"c1": text}, NOW, 160)
    assert "\x1b" not in row.plain and "\x07" not in row.plain
    if text.startswith("["):
        assert text.split("]")[0] in row.plain  # the brackets are shown literally


async def test_thread_panel_and_notifications_stay_inert(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_people(conn, [Person("c1", "[b]Eve[/b] \x1b]0;pwned\x07", Role.CUSTOMER, "eve@example.com",
                                          organization="[@click=app.quit]Org[/]")])
        cache.upsert_tickets(conn, [make_ticket("1", requester_id="c1", subject="\x1b[2J[red]wipe[/red]")])
        cache.upsert_messages(conn, [make_message("1", body="\x1b]52;c;c2VjcmV0\x07 [link=https://x]x[/link] " * 50)])
    app = SupportTermApp(profile=Profile("t", "demo", "http://127.0.0.1:9"), store=store, auto_sync=False,
                         clock=lambda: NOW)
    app._exit_after_paint = False
    app.start_engine = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.notify("[red]server said[/red] \x1b[31m", title="[b]x")
        await pilot.pause()
        screen_text = "\n".join(str(line.text) for line in app.screen._compositor.render_update(full=True).strips) \
            if False else app.export_screenshot()
        assert "\x1b]52" not in screen_text and "\x1b]0;" not in screen_text
        assert "[red]wipe[/red]" in screen_text.replace("&#160;", " ") or "wipe" in screen_text
        assert app.is_running  # the [@click=app.quit] in the organisation did not quit the app
