"""Pilot tests for the keys that no scenario test presses: each key, what it must change.

Over the FakeHelpdesk (no network) with a frozen clock; every test checks state first (store, helpdesk,
cursor) and the screen second. `tests/ui/test_every_key.py` keeps the list of bindings complete.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from factories import make_ticket
from fakes import FakeHelpdesk
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input
from ui.helpers import (
    NOW,
    agent_writes,
    cached_ticket,
    cursor_row,
    make_app,
    outbox_items,
    seed_store,
    settle,
)

from supportterm.domain.models import Priority, Status
from supportterm.store import outbox
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.canned_picker import CannedPicker
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.outbox import OutboxScreen
from supportterm.ui.screens.pickers import ChoicePicker, Confirm, NotePrompt
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.customer_panel import CustomerPanel

SIZE = (110, 30)


@pytest.fixture
def fake() -> FakeHelpdesk:
    """Three open tickets; ticket 1 has a reply with a quoted e-mail history."""
    helpdesk = FakeHelpdesk()
    helpdesk.add_ticket("Cannot log in", body="Hello\n\n> On Monday you wrote:\n> old text\n> more old text")
    helpdesk.add_ticket("Invoice is wrong", channel="web")
    helpdesk.add_ticket("Где мой заказ?", language="ru", channel="chat")
    agent_writes(helpdesk, "1", "We reset your password; please try again.")
    helpdesk.requests.clear()
    return helpdesk


@pytest.fixture
def app(store: Store, fake: FakeHelpdesk) -> SupportTermApp:
    return make_app(store, transport=fake.transport())


def inbox(pilot: Pilot[Any]) -> InboxScreen:
    screen = pilot.app.screen
    assert isinstance(screen, InboxScreen)
    return screen


async def open_ticket(pilot: Pilot[Any], ticket_id: str) -> TicketScreen:
    await pilot.press("g", *["j"] * inbox(pilot).ticket_ids.index(ticket_id), "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TicketScreen) and screen.ticket_id == ticket_id
    return screen


# The inbox ----------------------------------------------------------------------------------------

@pytest.mark.keys("inbox.page_down", "inbox.page_up")
async def test_page_keys_move_by_a_screen(store: Store) -> None:
    seed_store(store, [make_ticket(str(i), updated_at=NOW - timedelta(minutes=i)) for i in range(1, 121)])
    app = make_app(store, transport=FakeHelpdesk().transport())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = inbox(pilot)
        page = screen.ticket_list.size.height - 1
        await pilot.press("pagedown")
        assert cursor_row(screen) == page
        await pilot.press("pagedown", "pagedown")
        assert cursor_row(screen) == 3 * page
        assert screen.ticket_list.scroll_offset.y > 0  # the list scrolled with the cursor
        await pilot.press("pageup")
        assert cursor_row(screen) == 2 * page
        await pilot.press("ctrl+u", "ctrl+u", "ctrl+u")
        assert cursor_row(screen) == 0


@pytest.mark.keys("inbox.open_o")
async def test_o_opens_the_ticket_under_the_cursor(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wanted = inbox(pilot).ticket_ids[1]
        await pilot.press("j", "o")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen) and app.screen.ticket_id == wanted


@pytest.mark.keys("inbox.search", "inbox.clear_search")
async def test_slash_searches_as_you_type_and_escape_clears(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everything = inbox(pilot).ticket_ids
        await pilot.press("slash", *"invoice")
        await pilot.pause(0.3)  # results follow typing after a short debounce
        await settle(pilot)
        screen = inbox(pilot)
        assert screen.query_one("#search", Input).value == "invoice"
        assert screen.ticket_ids == ["2"]
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one("#search", Input).value == ""
        assert screen.ticket_ids == everything


@pytest.mark.keys("inbox.next_view", "inbox.search")
async def test_letters_typed_in_one_burst_with_slash_are_search_text_not_commands(
    app: SupportTermApp, store: Store
) -> None:
    """Over SSH a burst like "]/lang" arrives at once; before the fix "a" assigned a ticket and the
    letters were lost (seen in tmux at 100k tickets)."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = [cached_ticket(store, t).assignee_id for t in inbox(pilot).ticket_ids]
        for key, char in [("right_square_bracket", "]"), ("slash", "/"), ("l", "l"), ("a", "a"), ("n", "n")]:
            app.post_message(events.Key(key, char))  # no waiting between keys, unlike pilot.press
        await pilot.pause(0.3)
        screen = inbox(pilot)
        assert screen.query_one("#search", Input).value == "lan"
        assert screen.view_index == 1
        assert [cached_ticket(store, t).assignee_id for t in ["1", "2", "3"]] == before


@pytest.mark.keys("inbox.status", "picker.cancel")
async def test_s_in_the_inbox_sets_the_status_and_escape_changes_nothing(
    app: SupportTermApp, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = inbox(pilot).ticket_ids[0]
        before = cached_ticket(store, target).status
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        assert cached_ticket(store, target).status is before

        await pilot.press("s")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ChoicePicker)
        labels = [str(option.prompt) for option in picker.query_one("OptionList").options]  # type: ignore[attr-defined]
        moves = next(i for i, label in enumerate(labels) if "pending" in label.lower()) - picker.query_one(
            "OptionList").highlighted  # type: ignore[attr-defined,operator]
        await pilot.press(*(["down"] * moves if moves > 0 else ["up"] * -moves), "enter")
        await settle(pilot)
        assert cached_ticket(store, target).status is Status.PENDING


@pytest.mark.keys("inbox.outbox", "outbox.back", "outbox.retry", "outbox.cancel", "outbox.edit")
async def test_outbox_screen_retries_cancels_and_edits(
    app: SupportTermApp, fake: FakeHelpdesk, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_ticket(pilot, "1")
        fake.fail_next(2, "connect", method="POST")
        await pilot.press("r", *"First try", "ctrl+s")
        await settle(pilot)
        await pilot.press("r", *"Second thought", "ctrl+s")
        await settle(pilot)
        assert [i.state for i in outbox_items(store)] == [outbox.QUEUED, outbox.QUEUED]

        await pilot.press("escape", "escape", "O")
        await settle(pilot)
        assert isinstance(app.screen, OutboxScreen)
        assert app.screen.query_one(DataTable).row_count == 2

        await pilot.press("d")  # withdraw the first
        await settle(pilot)
        [left] = outbox_items(store)
        assert left.payload["body"] == "Second thought"

        fake.fail_next(1, "connect", method="POST")
        await pilot.press("t")  # retry: still offline, still queued, not sent twice
        await settle(pilot)
        assert [i.id for i in outbox_items(store)] == [left.id] and fake.with_marker(left.marker) == []

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)

        await pilot.press("O")
        await settle(pilot)
        await pilot.press("e")  # back into the composer as a draft
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TicketScreen) and screen.ticket_id == "1"
        assert screen.composer.is_open and screen.composer.text_area.text == "Second thought"
        assert outbox_items(store) == []


# The ticket view ----------------------------------------------------------------------------------

@pytest.mark.keys("ticket.assign", "ticket.priority")
async def test_a_takes_the_ticket_and_p_sets_its_priority(app: SupportTermApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_ticket(pilot, "2")
        await pilot.press("a")
        await settle(pilot)
        assert cached_ticket(store, "2").assignee_id == "a1"
        await pilot.press("p")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ChoicePicker)
        labels = [str(o.prompt).lower() for o in picker.query_one("OptionList").options]  # type: ignore[attr-defined]
        moves = labels.index(next(label for label in labels if "urgent" in label)) - picker.query_one(
            "OptionList").highlighted  # type: ignore[attr-defined,operator]
        await pilot.press(*(["down"] * moves if moves > 0 else ["up"] * -moves), "enter")
        await settle(pilot)
        assert cached_ticket(store, "2").priority is Priority.URGENT


@pytest.mark.keys("ticket.next", "ticket.prev")
async def test_J_and_K_walk_the_view_from_the_ticket(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        order = inbox(pilot).ticket_ids
        await open_ticket(pilot, order[0])
        await pilot.press("J")
        await settle(pilot)
        assert app.screen.ticket_id == order[1]  # type: ignore[attr-defined]
        await pilot.press("J", "K", "K")
        await settle(pilot)
        assert app.screen.ticket_id == order[0]  # type: ignore[attr-defined]
        await pilot.press("K")  # nothing before the first
        await settle(pilot)
        assert app.screen.ticket_id == order[0]  # type: ignore[attr-defined]


@pytest.mark.keys("ticket.toggle_quoted", "ticket.toggle_customer", "ticket.scroll_down", "ticket.scroll_up")
async def test_z_c_j_k_change_what_the_thread_shows(store: Store, fake: FakeHelpdesk) -> None:
    for n in range(12):
        agent_writes(fake, "1", f"Update {n}: still looking into it.\nMore detail on line two.")
    app = make_app(store, transport=fake.transport())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_ticket(pilot, "1")
        first = screen.query("MessageView").first()
        assert "old text" not in str(first.render())
        await pilot.press("z")
        await settle(pilot)
        assert "old text" in str(screen.query("MessageView").first().render())

        panel = screen.query_one(CustomerPanel)
        assert panel.display
        await pilot.press("c")
        assert not panel.display

        thread = screen.query_one("#thread")
        bottom = thread.scroll_y  # the thread opens at its newest message
        assert bottom > 0
        await pilot.press("k", "k")
        await pilot.pause()
        assert thread.scroll_y < bottom
        await pilot.press("j", "j")
        await pilot.pause()
        assert thread.scroll_y == bottom


@pytest.mark.keys("note.cancel")
async def test_escape_in_the_escalation_prompt_changes_nothing(app: SupportTermApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_ticket(pilot, "2")
        before = cached_ticket(store, "2")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, NotePrompt)
        await pilot.press(*"not now", "escape")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
        assert cached_ticket(store, "2").priority is before.priority and outbox_items(store) == []


@pytest.mark.keys("confirm.no", "confirm.yes")
async def test_an_error_finding_asks_before_sending_and_no_keeps_the_text(
    app: SupportTermApp, fake: FakeHelpdesk, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_ticket(pilot, "2")
        await pilot.press("r", *"THIS IS YOUR FAULT.")
        await pilot.pause(0.4)  # the checker runs after a short debounce
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and screen.composer.text_area.text == "THIS IS YOUR FAULT."
        assert outbox_items(store) == [] and fake.thread("2")[-1]["body"] != "THIS IS YOUR FAULT."

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert fake.thread("2")[-1]["body"] == "THIS IS YOUR FAULT."


@pytest.mark.keys("canned.next", "canned.previous", "canned.cancel")
async def test_canned_picker_moves_and_escape_inserts_nothing(app: SupportTermApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_ticket(pilot, "2")
        await pilot.press("r", "ctrl+t")
        await pilot.pause()  # not settle: the composer's worker waits for the picker's answer
        picker = app.screen
        assert isinstance(picker, CannedPicker)
        options = picker.query_one("OptionList")
        start = options.highlighted  # type: ignore[attr-defined]
        await pilot.press("down", "down")
        assert options.highlighted == start + 2  # type: ignore[attr-defined,operator]
        await pilot.press("up")
        assert options.highlighted == start + 1  # type: ignore[attr-defined,operator]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.composer.text_area.text == ""


# App-wide -----------------------------------------------------------------------------------------

@pytest.mark.keys("shift.toggle", "yesno.no", "yesno.yes", "shift.break", "shift.back")
async def test_T_asks_about_availability_and_B_takes_a_break(
    app: SupportTermApp, store: Store, fake: FakeHelpdesk
) -> None:
    from supportterm.store.shift import ShiftLog
    from supportterm.ui.screens.follow_up import YesNo
    from supportterm.ui.screens.shift import ShiftScreen

    log = ShiftLog(store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, YesNo)  # the helpdesk knows availability: ask first
        await pilot.press("n")  # no: the shift is local only
        await settle(pilot)
        assert log.current() is not None
        assert not [r for r in fake.requests if r.url.path.endswith("/me/availability")]

        await pilot.press("B")
        await settle(pilot)
        assert log.view().state.name == "ON_BREAK"
        await pilot.press("B")
        await settle(pilot)
        assert log.view().state.name != "ON_BREAK"

        await pilot.press("W")
        await settle(pilot)
        assert isinstance(app.screen, ShiftScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)

        await pilot.press("T")  # stop; this time say yes to "show me as away"
        await pilot.pause()
        assert isinstance(app.screen, YesNo)
        await pilot.press("y")
        await settle(pilot)
        assert [r.method for r in fake.requests if r.url.path.endswith("/me/availability")] == ["PUT"]
        assert log.current() is None


@pytest.mark.keys("app.quit")
async def test_ctrl_q_quits_from_the_ticket_view_and_keeps_the_draft(
    app: SupportTermApp, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_ticket(pilot, "2")
        await pilot.press("r", *"Half written")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert store.read(lambda conn: outbox.load_draft(conn, "2")) is not None
