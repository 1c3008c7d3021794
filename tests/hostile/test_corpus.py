"""Every case of the hostile corpus through every rendering path: inbox row, ticket head, thread, customer
panel, notifications, command palette, header (title), shift exports (JSON/CSV), `supportterm check`
output and `sync` output (plain and --json). What is written must hold no escape sequence but our own
SGR styling, no control or invisible character (bidi and zero-width are shown as <U+XXXX>), and markup
must appear as text: no style, link or click action may come out of ticket content.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta

import pytest
from badserver import ScriptedServer, Seen, json_answer
from factories import T0, make_message, make_ticket
from rich.console import Console
from rich.segment import Segment
from textual.geometry import Region
from textual.widget import Widget
from ui.helpers import NOW, make_app, seed_store, settle

from supportterm import cli
from supportterm.domain.models import Person, Role
from supportterm.domain.summary import ShiftSummary
from supportterm.politeness import cli as check_cli
from supportterm.store.db import Store
from supportterm.ui.commands import TicketJumpProvider
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.customer_panel import CustomerPanel
from supportterm.ui.widgets.thread import MessageView, body_text, label
from supportterm.ui.widgets.ticket_row import row_segments, row_text

from .corpus import CASES, Case, check_inert, check_terminal_bytes, ten_megabytes, visible_words

ALL = (*CASES, ten_megabytes())
IDS = [c.name for c in ALL]


def test_the_corpus_is_big_and_covers_every_kind() -> None:
    assert len(CASES) >= 50
    assert len({c.name for c in CASES}) == len(CASES)
    kinds = {c.kind for c in CASES}
    assert kinds == {"escape", "c1", "control", "markup", "invisible", "encoding", "long", "html"}


def _terminal(renderable: object, width: int = 200) -> str:
    """What a real terminal would receive for `renderable` (truecolor, so every style is an SGR)."""
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=width,
                      legacy_windows=False)
    console.print(renderable)
    return out.getvalue()


def _check_segments(segments: Iterable[Segment], *, newlines: bool = False) -> str:
    """Each segment inert, and no style from content: no link, no click action."""
    texts = []
    for segment in segments:
        check_inert(segment.text, newlines=newlines)
        style = segment.style
        if style is not None:
            assert not style.link, f"a link came out of content: {style.link}"
            assert not any(str(key).startswith("@") for key in (style.meta or {})), style.meta
        texts.append(segment.text)
    return "".join(texts)


def _widget_text(widget: Widget) -> str:
    width, height = widget.outer_size
    lines = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(_check_segments(list(strip)) for strip in lines)


def _literal_shown(case: Case, shown: str) -> None:
    if case.literal is not None:
        # Compared without whitespace and borders: panels wrap and pad lines.
        squeezed = "".join(shown.replace("│", " ").split())
        assert "".join(case.literal.split()) in squeezed, f"{case.literal!r} not shown as text"


@pytest.mark.parametrize("case", ALL, ids=IDS)
def test_inbox_row(case: Case) -> None:
    ticket = make_ticket(case.text[:12], subject=case.text, requester_id="c1", assignee_id="c1",
                         language=case.text[:8])
    row = row_text(ticket, {"c1": case.text}, NOW, 400)
    check_inert(row.plain, newlines=False)
    check_terminal_bytes(_terminal(row, width=400))
    _literal_shown(case, row.plain)
    for cursor in (False, True):
        segments = row_segments(ticket, {"c1": case.text}, NOW, 400, cursor=cursor, focus=True)
        assert _check_segments(segments) == row.plain


@pytest.mark.parametrize("case", ALL, ids=IDS)
def test_thread_message_and_its_label(case: Case) -> None:
    message = make_message("1", body=case.text, author_name=case.text)
    text, _cut, _new = body_text(message)
    check_inert(text.plain)
    assert all(not str(s.style).startswith("@") and "link" not in str(s.style) for s in text.spans)
    check_terminal_bytes(_terminal(text))
    _literal_shown(case, text.plain)
    for word in visible_words(case):
        assert word in text.plain, f"{word!r} lost from the body"
    check_inert(label(message), newlines=False)
    assert "SCRIPTED" not in text.plain and "STYLED" not in text.plain and "HIDDEN" not in text.plain
    assert "tracker.example" not in text.plain and "javascript:" not in text.plain


@pytest.mark.parametrize("case", ALL, ids=IDS)
def test_shift_summary_exports(case: Case) -> None:
    summary = ShiftSummary(
        shift_id=1, started_at=case.text, ended_at=None, planned_s=0, worked_s=0, on_breaks_s=0, breaks=0,
        active_s=0, tickets_touched=1, replies=0, notes=0, status_changes=0, solved=0, escalations=0,
        undelivered=0, first_responses=0, median_first_response_s=None, sla_breaches=0, longest_wait_s=1,
        longest_wait_ticket=case.text,
    )
    exported = summary.to_json()
    check_inert(exported, newlines=False)
    assert json.loads(exported)["longest_wait_ticket"] == case.text  # the same data, written safely
    table = summary.to_csv()
    check_inert(table)
    rows = dict(csv.reader(io.StringIO(table)))
    assert not rows["longest_wait_ticket"].startswith(("=", "+", "-", "@"))  # no spreadsheet formula


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_command_output(case: Case, capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    from pathlib import Path

    draft = Path(str(tmp_path)) / "reply.txt"
    draft.write_text(f"Hello, {case.text[:2000]} you idiot. password=hunter22\n", "utf-8", errors="replace")
    for as_json in (False, True):
        args = argparse.Namespace(file=str(draft), lang="en", json=as_json, batch=False, customer=None)
        check_cli.run(args)
        out = capsys.readouterr().out
        check_terminal_bytes(out)
        if as_json:
            json.loads(out)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("as_json", [False, True], ids=["plain", "json"])
def test_sync_output_quotes_a_hostile_server_inertly(
    case: Case, as_json: bool, capsys: pytest.CaptureFixture[str],
) -> None:
    def route(seen: Seen) -> object:
        return json_answer({"error": case.text[:5000], "message": case.text[:5000]}, 500)

    with ScriptedServer(route) as server:  # type: ignore[arg-type]
        flags = ["--json"] if as_json else []
        status = cli.main(["sync", "--backend", "demo", "--url", server.url, *flags])
    assert status == 1
    out = capsys.readouterr()
    check_terminal_bytes(out.out + out.err)
    if as_json:
        assert "HTTP 500" in json.loads(out.out)["error"]


def _seed(store: Store, cases: tuple[Case, ...]) -> None:
    tickets, messages, people = [], [], []
    for index, case in enumerate(cases, start=1):
        customer = f"c{index}"
        people.append(Person(customer, case.text, Role.CUSTOMER, email=case.text[:300],
                             organization=case.text, language=case.text[:10]))
        at = T0 + timedelta(minutes=index)
        for ticket_id, updated in ((str(100 + index), at), (str(1000 + index), T0)):
            tickets.append(make_ticket(ticket_id, subject=case.text, requester_id=customer,
                                       updated_at=updated))
        messages.append(make_message(str(100 + index), id=f"m{index}", body=case.text, author_id=customer,
                                     author_name=case.text))
    seed_store(store, tickets, messages, people)


async def test_every_case_on_every_screen_path(store: Store) -> None:
    """One app over a cache holding every case as subject, customer (name, e-mail, organisation,
    language), body and author; each ticket is shown in the ticket screen (re-read in place after the
    first, as moving between tickets does), found in the palette and quoted in a notification."""
    cases = tuple(c for c in CASES if c.kind != "long") + tuple(c for c in CASES if c.kind == "long")
    _seed(store, cases)
    app = make_app(store)
    app.start_engine = lambda: None  # type: ignore[method-assign]
    toasts: dict[str, str] = {}
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        inbox = app.screen
        _check_many(inbox, "TicketList")
        app.push_screen(TicketScreen(str(101)))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TicketScreen)
        for index, case in enumerate(cases, start=1):
            ticket_id = str(100 + index)
            [hit] = [h async for h in _search(inbox, ticket_id)]
            check_inert(str(hit.text), newlines=False)
            spans = hit.match_display.spans
            assert all("link" not in str(span.style) and "@" not in str(span.style) for span in spans)
            screen.ticket_id = ticket_id
            await screen.reload()
            await pilot.pause()
            assert app.screen is screen and app.is_running, case.name
            head = _widget_text(screen.query_one("#ticket-head"))
            thread = "\n".join(_widget_text(view) for view in screen.query(MessageView))
            panel = _widget_text(screen.query_one(CustomerPanel))
            assert "supportterm" in _widget_text(screen.query_one("HeaderTitle"))
            for shown in (head, thread, panel):
                _literal_shown(case, shown)
            app.notify(case.text[:3000], title=case.text[:200])
            await pilot.pause()
            toasts[case.name] = "\n".join(_widget_text(toast) for toast in app.screen.query("Toast"))
            app.clear_notifications()
        assert app.is_running  # no [@click=app.quit] fired, nothing crashed
        assert app.title == "supportterm"
    assert set(toasts) == {c.name for c in cases} and all(toasts.values())


async def _search(screen: object, query: str):  # type: ignore[no-untyped-def]
    provider = TicketJumpProvider(screen)  # type: ignore[arg-type]
    provider._post_init()
    async for hit in provider.search(f"#{query}"):
        yield hit


def _check_many(screen: object, selector: str) -> None:
    for widget in screen.query(selector):  # type: ignore[attr-defined]
        _widget_text(widget)


def test_wire_cases_were_decoded_like_the_adapters_do() -> None:
    by_name = {c.name: c for c in CASES}
    assert by_name["json_lone_surrogate"].text == "x\ufffdy \ufffd"
    assert by_name["invalid_utf8_bytes"].text.startswith("bad \ufffd")
    assert by_name["json_escaped_esc"].text.startswith("\x1b]0;")
    assert replace(by_name["tabs"], name="t").text == "col1\tcol2\t\tcol3"


async def test_shift_screen_shows_ids_and_hand_off_notes_inertly(store: Store) -> None:
    """The summary table (a ticket id from the helpdesk) and hand-off notes (often pasted ticket text)."""
    from types import SimpleNamespace

    from supportterm.ui.screens.shift import ShiftScreen

    app = make_app(store)
    app.start_engine = lambda: None  # type: ignore[method-assign]
    picked = [c for c in CASES if c.kind in ("escape", "markup", "invisible", "c1")]
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        app.push_screen(ShiftScreen())
        await settle(pilot)
        screen = app.screen
        for case in picked:
            row = {"replies": 1, "longest_wait_ticket": case.text}
            summary = SimpleNamespace(as_dict=lambda row=row: row)
            screen._show(summary, SimpleNamespace(body=case.text), SimpleNamespace(body=case.text))
            await pilot.pause()
            table = _widget_text(screen.query_one("#shift-summary"))
            notes = _widget_text(screen.query_one("#shift-handoff"))
            _literal_shown(case, table)
            _literal_shown(case, notes)
        assert app.is_running


async def test_restored_draft_in_the_composer_draws_nothing_raw(store: Store) -> None:
    """A TextArea draws control characters as they are; a draft (pasted ticket text, say) is cleaned."""
    from supportterm.domain.models import Visibility
    from supportterm.store import outbox as drafts
    from supportterm.ui.widgets.composer import Composer

    picked = [c for c in CASES if c.kind in ("escape", "c1", "control", "invisible")]
    seed_store(store, [make_ticket("1")])
    with store.transaction() as conn:
        drafts.save_draft(conn, "1", Visibility.PUBLIC, "\n".join(c.text for c in picked), now=NOW)
    app = make_app(store)
    app.start_engine = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=(160, 60)) as pilot:
        await settle(pilot)
        app.push_screen(TicketScreen("1"))
        await settle(pilot)
        composer = app.screen.query_one(Composer)
        assert composer.is_open
        shown = _widget_text(composer.text_area)
        assert "[31mred[0m text" in shown and "[201~injected after paste" in shown  # the words stay
