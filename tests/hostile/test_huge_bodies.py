"""A 10 MB message: the thread shows a bounded slice with a "message cut at N KB - press v" line, and v opens
the whole text from the cache, part by part, still inert."""

from __future__ import annotations

import pytest
from factories import make_message, make_ticket
from ui.helpers import make_app, rendered, seed_store, settle

from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.full_text import PART_CHARS, FullTextScreen, split_parts
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.thread import SHOWN_CHARS, MessageView

LINE = "log line with \x1b[31mcolour\x1b[0m and \x1b]0;title\x07 and [b]markup[/b] {n:08d}\n"
TEN_MB = 10 * 1024 * 1024


def _huge_body() -> str:
    lines, size, n = ["START-OF-MESSAGE\n"], 0, 0
    while size < TEN_MB:
        line = LINE.format(n=n)
        lines.append(line)
        size += len(line)
        n += 1
    lines.append("END-OF-MESSAGE")
    return "".join(lines)


def _app(store: Store, body: str) -> SupportTermApp:
    """The app over a cache holding ticket 1: a short message, then `body`."""
    seed_store(store, [make_ticket("1")], [make_message("1", id="m1", body="short first message"),
                                           make_message("1", id="m2", body=body)])
    app = make_app(store)
    app.start_engine = lambda: None  # type: ignore[method-assign]
    return app


@pytest.mark.keys("ticket.full_text", "full_text.last", "full_text.prev", "full_text.first", "full_text.next",
                  "full_text.scroll_down", "full_text.scroll_up", "full_text.back")
async def test_thread_shows_a_bounded_slice_and_v_reads_the_rest_from_the_cache(store: Store) -> None:
    body = _huge_body()
    app = _app(store, body)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(TicketScreen("1"))
        await settle(pilot)
        short, huge = app.screen.query(MessageView)
        assert not short.cut and huge.cut
        shown = rendered(huge)
        assert "START-OF-MESSAGE" in shown and "END-OF-MESSAGE" not in shown
        assert "Message cut at 19 KB of 10,240 KB — press v to read all of it" in shown
        assert huge.outer_size.height < SHOWN_CHARS // 40  # a slice, not 10 MB of lines
        assert "\x1b" not in shown and "\x07" not in shown and "[b]markup[/b]" in shown

        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FullTextScreen) and screen.message.id == "m2"
        parts = len(split_parts(body))
        assert parts == len(screen.parts) >= len(body) // PART_CHARS
        assert f"part 1 of {parts}" in rendered(screen.query_one("#full-text-head"))
        assert "START-OF-MESSAGE" in rendered(screen.query_one("#full-text-body"))

        await pilot.press("G")
        tail = str(screen.query_one("#full-text-body").render())
        assert "END-OF-MESSAGE" in tail and "\x1b" not in tail
        assert f"part {parts} of {parts}" in rendered(screen.query_one("#full-text-head"))
        await pilot.press("left_square_bracket")
        assert screen.part == parts - 2
        assert "".join(screen.parts) == body  # nothing lost between parts
        await pilot.press("g")
        assert screen.part == 0
        await pilot.press("right_square_bracket")
        assert screen.part == 1
        scroll = screen.query_one("#full-text-scroll")
        await pilot.press("j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 6
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 3

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)


async def test_huge_html_mail_is_cut_converted_and_fetches_nothing(store: Store) -> None:
    row = ('<tr><td><img src="https://tracker.example/p.gif?id={n}"><script>steal({n})</script>'
           "cell {n}</td></tr>")
    rows = "".join(row.format(n=n) for n in range(30_000))
    body = f"<html><body><table>{rows}</table>END</body></html>"
    app = _app(store, body)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(TicketScreen("1"))
        await settle(pilot)
        huge = list(app.screen.query(MessageView))[-1]
        shown = rendered(huge)
        assert huge.cut and "press v" in shown
        assert "cell 0" in shown and "steal" not in shown and "tracker.example" not in shown
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("G")
        tail = str(app.screen.query_one("#full-text-body").render())
        assert "cell 29999" in tail and "END" in tail and "steal" not in tail


async def test_v_on_a_ticket_without_long_messages_says_so(store: Store) -> None:
    app = _app(store, "a normal, short message")
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(TicketScreen("1"))
        await settle(pilot)
        app.notify = lambda message, **kw: said.append(message)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
    assert said == ["Every message of this ticket is shown in full."]


def test_split_parts_cuts_after_newlines_and_loses_nothing() -> None:
    text = "".join(f"line {n}\n" for n in range(50_000))
    parts = split_parts(text, 10_000)
    assert "".join(parts) == text
    assert all(p.endswith("\n") for p in parts)
    assert all(len(p) <= 10_000 for p in parts)
    assert split_parts("") == [""] and split_parts("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
