"""Pilot tests of attachments in the ticket view: listed under their message, A -> pick -> saved file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ticket_with_attachments
from factories import make_message, make_ticket
from ui.helpers import make_app, rendered, seed_store, settle, thread

from supportterm.config import Profile
from supportterm.demo.server import DemoServer
from supportterm.domain.models import Attachment
from supportterm.store.db import Store
from supportterm.ui.attachments import AttachmentPicker
from supportterm.ui.screens.ticket import TicketScreen


def _record_notifications(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    original = app.notify

    def record(message: str, **kwargs: Any) -> None:
        seen.append((message, kwargs.get("severity", "information")))
        original(message, **kwargs)

    monkeypatch.setattr(app, "notify", record)
    return seen


@pytest.mark.keys("ticket.attachments")  # tests/ui/test_every_key.py
async def test_a_picks_an_attachment_and_saves_it_with_the_right_bytes(
    store: Store, demo: DemoServer, agent_token: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticket_id, message_id = ticket_with_attachments(demo)
    app = make_app(store, profile=Profile(name="t", backend="demo", url=demo.url), token=agent_token)
    notes = _record_notifications(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(TicketScreen(ticket_id))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TicketScreen)
        [view] = [v for v in thread(screen) if v.message.id == message_id]
        first = view.message.attachments[0]
        assert f"📎 {first.filename}" in rendered(view)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, AttachmentPicker)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
    saved = tmp_path / "downloads" / first.filename
    assert saved.read_bytes() == demo.db.attachment(first.id)[2]
    assert (f"Saved to {saved}", "information") in notes


@pytest.mark.keys("ticket.attachments")  # tests/ui/test_every_key.py
async def test_a_ticket_without_files_says_so(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_store(store, [make_ticket("5")], [make_message("5", id="m1")])
    app = make_app(store)
    notes = _record_notifications(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(TicketScreen("5"))
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
    assert ("This ticket has no attachments.", "information") in notes


async def test_offline_download_is_a_plain_error_and_saves_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = Attachment(id="f9", message_id="m1", filename="[red]x[/red]\x1b[2J.pdf", size=2048)
    seed_store(store, [make_ticket("5")], [make_message("5", id="m1", attachments=(hostile,))])
    app = make_app(store, profile=Profile(name="t", backend="demo", url="http://127.0.0.1:9"))
    notes = _record_notifications(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(TicketScreen("5"))
        await settle(pilot)
        assert "📎 [red]x[/red]␛[2J.pdf  2 KB" in rendered(thread(app.screen)[0])  # type: ignore[arg-type]
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    errors = [message for message, severity in notes if severity == "error"]
    assert errors and "could not be reached while downloading" in errors[-1]
    assert not (tmp_path / "downloads").exists() or not any((tmp_path / "downloads").iterdir())
