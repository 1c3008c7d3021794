"""Pilot tests of the inbox and the ticket screen over the FakeHelpdesk (no network, frozen clock).

Each test drives the app from the keyboard and then checks messages and state first (what the
helpdesk received, what the store holds), and what the screen shows second.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from factories import make_ticket
from fakes import API, FakeHelpdesk
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static
from ui.helpers import (
    agent_writes,
    cached_ticket,
    cursor_row,
    inbox_rows,
    make_app,
    outbox_items,
    rendered,
    seed_store,
    settle,
    thread,
    titles,
)

from supportterm.domain.models import Status, Visibility
from supportterm.store import outbox
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.messages import InboxPainted
from supportterm.ui.screens.help import HelpScreen
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.pickers import ChoicePicker
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.composer import Composer
from supportterm.ui.widgets.status_bar import StatusBar

SIZE = (100, 30)
HOSTILE = "[red]x[/red] \x1b[31mred[bold]"
"""Ticket text that would be markup or a terminal escape if the UI trusted it."""


@pytest.fixture
def fake() -> FakeHelpdesk:
    """Three open tickets; ticket 1 (Aysel's) has a customer message, a reply and an internal note."""
    helpdesk = FakeHelpdesk()
    helpdesk.add_ticket("Cannot log in", assignee_id="a1")
    helpdesk.add_ticket(HOSTILE, body=f"Look: {HOSTILE}", channel="web")
    helpdesk.add_ticket("Где мой заказ?", language="ru", channel="chat")
    agent_writes(helpdesk, "1", "We reset your password; please try again.")
    agent_writes(helpdesk, "1", "Auth logs show a lockout.", visibility="internal")
    helpdesk.requests.clear()  # count only what the app sends
    helpdesk.hits.clear()
    return helpdesk


@pytest.fixture
def app(store: Store, fake: FakeHelpdesk) -> SupportTermApp:
    return make_app(store, transport=fake.transport())


def _expected_rows(fake: FakeHelpdesk) -> list[tuple[str, str]]:
    """The fake's open tickets in the inbox's order (newest update first), as (id, subject)."""
    active = [t for t in fake.tickets.values() if t["status"] in ("new", "open", "on_hold")]
    active.sort(key=lambda t: (t["updated_at"], t["id"]), reverse=True)
    return [(t["id"], t["subject"]) for t in active]


def _views_line(app: SupportTermApp) -> str:
    return rendered(app.screen.query_one("#views", Static))


async def _open(pilot: Pilot[Any], ticket_id: str) -> TicketScreen:
    """From the inbox, move the cursor to `ticket_id` and press Enter; wait for the thread."""
    inbox = pilot.app.screen
    assert isinstance(inbox, InboxScreen)
    await pilot.press("g", *["j"] * inbox.ticket_ids.index(ticket_id), "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TicketScreen) and screen.ticket_id == ticket_id
    return screen


def _posted(fake: FakeHelpdesk, ticket_id: str) -> list[dict[str, object]]:
    path = f"{API}/tickets/{ticket_id}/messages"
    return [json.loads(r.content) for r in fake.requests if r.method == "POST" and r.url.path == path]


# The inbox ----------------------------------------------------------------------------------------

async def test_inbox_paints_from_the_cache_before_any_network(store: Store, fake: FakeHelpdesk,
                                                              app: SupportTermApp) -> None:
    cached = [make_ticket("1", subject="Cannot log in (cached)"), make_ticket("7", subject="Old refund")]
    seed_store(store, cached)
    at_paint: dict[str, object] = {}
    seen: list[Message] = []

    def hook(message: Message) -> None:
        seen.append(message)
        if isinstance(message, InboxPainted) and not at_paint:
            at_paint["requests"] = fake.total_requests
            at_paint["rows"] = inbox_rows(app.screen)  # type: ignore[arg-type]

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        assert [m for m in seen if isinstance(m, InboxPainted)]
        assert at_paint == {"requests": 0, "rows": [("7", "Old refund"), ("1", "Cannot log in (cached)")]}
        # After the first sync the helpdesk's tickets replace the cached copies (7 stays: it is cached).
        assert fake.hits[f"{API}/changes"] >= 1
        rows = inbox_rows(app.screen)  # type: ignore[arg-type]
        assert rows == [("7", "Old refund"), *_expected_rows(fake)]


@pytest.mark.keys("inbox.down", "inbox.up", "inbox.first", "inbox.last")
async def test_j_k_g_G_move_the_cursor(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        moves = []
        for key in ("j", "j", "k", "G", "g"):
            await pilot.press(key)
            moves.append(cursor_row(inbox))
        assert moves == [1, 2, 1, 2, 0]
        assert inbox.current_ticket_id() == inbox.ticket_ids[0]


async def test_a_click_moves_the_cursor_and_a_second_click_opens(app: SupportTermApp) -> None:
    """With the mouse on (the default), rows answer clicks like a mail client's list."""
    from supportterm.ui.widgets.ticket_list import TicketList

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        await pilot.click(TicketList, offset=(10, 2))
        assert cursor_row(inbox) == 2 and app.screen is inbox
        await pilot.click(TicketList, offset=(10, 2))
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
        assert app.screen.ticket_id == inbox.ticket_ids[2]


@pytest.mark.keys("inbox.next_view", "inbox.prev_view")
async def test_brackets_switch_views_and_the_views_line_counts(
    app: SupportTermApp, fake: FakeHelpdesk
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        line = _views_line(app)
        assert "All open 3" in line and "Mine 1" in line and "Unassigned 2" in line
        await pilot.press("right_square_bracket")
        assert inbox.views[inbox.view_index].id == "mine"
        assert inbox_rows(inbox) == [("1", "Cannot log in")]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert inbox.views[inbox.view_index].id == "all"
        assert len(inbox_rows(inbox)) == len(fake.tickets)


@pytest.mark.keys("inbox.quit")
async def test_q_in_the_inbox_quits(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.return_code is None
        await pilot.press("q")
        assert app.return_code == 0


async def test_hostile_ticket_text_is_shown_literally(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = rendered(app.screen.query_one("#tickets"))
        assert "[red]x[/red]" in rows and "\x1b" not in rows
        screen = await _open(pilot, "2")
        head = rendered(screen.query_one("#ticket-head", Static))
        [body] = [rendered(view) for view in thread(screen)]
        for text in (head, body):
            assert "[red]x[/red]" in text and "[bold]" in text
            assert "\x1b" not in text and "␛[31m" in text


# The ticket screen --------------------------------------------------------------------------------

@pytest.mark.keys("inbox.open", "ticket.back")
async def test_enter_opens_the_whole_thread_with_labelled_borders(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open(pilot, "1")
        assert [view.message.body for view in thread(screen)] == [
            "Hello, I cannot log in.",
            "We reset your password; please try again.",
            "Auth logs show a lockout.",
        ]
        assert titles(screen) == [
            "CUSTOMER · Customer One", "PUBLIC REPLY · Boris Ivanov", "INTERNAL NOTE · Boris Ivanov",
        ]
        assert "INTERNAL NOTE · Boris Ivanov" in rendered(thread(screen)[2])
        await pilot.press("escape")
        assert isinstance(app.screen, InboxScreen)


@pytest.mark.keys("ticket.reply", "composer.send")
async def test_reply_is_queued_with_an_echo_then_delivered_once(
    app: SupportTermApp, store: Store, fake: FakeHelpdesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open(pilot, "1")
        deliver = app.push_outbox
        asked: list[bool] = []
        monkeypatch.setattr(app, "push_outbox", lambda: asked.append(True))  # hold delivery back
        await pilot.press("r", *"Please try now")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [item] = outbox_items(store)
        assert (item.state, item.payload["body"], asked) == (outbox.QUEUED, "Please try now", [True])
        assert titles(screen)[-1] == "PUBLIC REPLY · Aysel Mammadova · QUEUED"
        assert not screen.composer.is_open

        deliver()
        await settle(pilot)
        [landed] = fake.with_marker(item.marker)
        assert (landed["body"], landed["visibility"]) == ("Please try now", "public")
        assert outbox_items(store) == []
        assert titles(screen)[-1] == "PUBLIC REPLY · Aysel Mammadova"
        assert [v.message.id for v in thread(screen)][-1] == landed["id"]  # the echo was replaced


@pytest.mark.keys("ticket.note")
async def test_n_sends_an_internal_note(app: SupportTermApp, fake: FakeHelpdesk, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open(pilot, "3")
        await pilot.press("n", *"VIP customer", "ctrl+s")
        await settle(pilot)
        [note] = [m for m in fake.thread("3") if m["body"] == "VIP customer"]
        assert note["visibility"] == "internal"
        assert outbox_items(store) == []
        assert titles(screen)[-1] == "INTERNAL NOTE · Aysel Mammadova"


@pytest.mark.keys("ticket.toggle_internal", "composer.toggle_internal")
async def test_i_and_ctrl_o_switch_the_composer_mode(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open(pilot, "1")
        composer = screen.query_one(Composer)
        mode = composer.query_one("#composer-mode", Static)
        await pilot.press("i")
        assert composer.is_open and composer.visibility is Visibility.INTERNAL
        assert rendered(mode).lstrip().startswith("INTERNAL NOTE")
        await pilot.press("ctrl+o")
        assert composer.visibility is Visibility.PUBLIC
        assert rendered(mode).lstrip().startswith("PUBLIC REPLY")
        await pilot.press("i")  # while typing, a letter is text, not a command
        assert composer.visibility is Visibility.PUBLIC and composer.text_area.text == "i"


@pytest.mark.keys("ticket.status")
async def test_status_picker_reaches_the_helpdesk_and_the_cache(
    app: SupportTermApp, fake: FakeHelpdesk, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open(pilot, "1")
        await pilot.press("s")
        assert isinstance(app.screen, ChoicePicker)
        steps = list(Status).index(Status.PENDING) - list(Status).index(Status.NEW)
        await pilot.press(*["down"] * steps, "enter")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
        [patch] = [r for r in fake.requests if r.method == "PATCH"]
        assert json.loads(patch.content) == {"status": "pending"}
        assert fake.tickets["1"]["status"] == "pending"
        assert cached_ticket(store, "1").status is Status.PENDING
        assert outbox_items(store) == []


async def test_a_draft_survives_a_restart(store: Store, fake: FakeHelpdesk) -> None:
    first = make_app(store, transport=fake.transport())
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open(pilot, "1")
        await pilot.press("n", *"half a thought", "escape", "escape")
        await settle(pilot)
        assert isinstance(first.screen, InboxScreen)

    second = make_app(store, transport=fake.transport())
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open(pilot, "1")
        assert screen.composer.is_open
        assert screen.composer.text_area.text == "half a thought"
        assert screen.composer.visibility is Visibility.INTERNAL
    assert _posted(fake, "1") == []  # a draft never leaves the machine


@pytest.mark.keys("app.sync")
async def test_sending_offline_keeps_the_reply_queued_until_a_later_sync(
    app: SupportTermApp, fake: FakeHelpdesk, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open(pilot, "1")
        fake.fail_next(1, "connect", method="POST")
        await pilot.press("r", *"Sent from a train", "ctrl+s")
        await settle(pilot)
        [item] = outbox_items(store)
        assert item.state == outbox.QUEUED
        assert "OFFLINE" in rendered(screen.query_one(StatusBar))
        assert titles(screen)[-1].endswith("· QUEUED")
        assert _posted(fake, "1") == []

        await pilot.press("R")
        await settle(pilot)
        assert len(fake.with_marker(item.marker)) == 1
        assert outbox_items(store) == []
        assert "OFFLINE" not in rendered(screen.query_one(StatusBar))


@pytest.mark.keys("ticket.send_anyway")
async def test_a_conflict_is_held_until_send_anyway(
    app: SupportTermApp, fake: FakeHelpdesk, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open(pilot, "1")
        banner = screen.query_one("#ticket-banner", Static)
        fake.customer_writes("1", "Never mind, it works now.")  # the ticket moves on meanwhile
        deliver = app.push_outbox
        monkeypatch.setattr(app, "push_outbox", lambda: None)  # the screen settles before the 412
        await pilot.press("r", *"Glad to hear", "ctrl+s")
        await settle(pilot)
        assert not banner.display

        deliver()
        await settle(pilot)
        [item] = outbox_items(store)
        assert item.state == outbox.CONFLICT
        assert banner.display and "Held: message" in rendered(banner)
        assert titles(screen)[-1].endswith("· CONFLICT")
        assert fake.with_marker(item.marker) == []

        monkeypatch.setattr(app, "push_outbox", deliver)
        await pilot.press("S")
        await settle(pilot)
        assert len(fake.with_marker(item.marker)) == 1
        assert outbox_items(store) == []
        assert not banner.display


@pytest.mark.keys("app.help", "help.close")
async def test_question_mark_lists_the_keys_and_escape_goes_back(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open(pilot, "1")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = "\n".join(rendered(s) for s in app.screen.query(Static))
        assert "ticket.reply" in keys and "ticket.note" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, TicketScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, InboxScreen)



async def test_an_empty_thread_says_why(store: Store) -> None:
    """Offline with a ticket whose thread was never fetched: a sentence, not a blank screen."""
    import httpx

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    seed_store(store, [make_ticket("5", subject="Never opened before")])
    app = make_app(store, transport=httpx.MockTransport(refuse))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TicketScreen)
        empty = screen.query(".thread-empty")
        assert len(empty) == 1
        assert "not in the cache yet" in rendered(empty.first())
