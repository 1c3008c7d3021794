"""Bad servers: a matrix of broken helpdesks on loopback, through the real sync engine and the real app.

Each server speaks HTTP for real (tests/badserver.py) and gets something wrong: an HTML error page instead
of JSON, cut JSON, a connection cut mid-body, wrong types, null ids, a 500, a stall (the client's timeout
is made short here, the server would wait forever), endless pagination (the same page again, or new pages
forever). Every time: a plain one-line message in the status bar (no traceback, nothing from the server
obeyed), the cached tickets still there and usable, the outbox keeping its reply, the app still running.
A healthy page carrying invalid UTF-8 and lone surrogates is read, not refused.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from badserver import Answer, ScriptedServer, Seen, json_answer
from factories import make_message, make_ticket
from ui.helpers import make_app, rendered, seed_store, settle

from supportterm.backends import http as http_setup
from supportterm.config import Profile
from supportterm.domain.models import Person, ReplyDraft, Role, Visibility
from supportterm.domain.text import one_line
from supportterm.store import outbox
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync import session
from supportterm.sync.session import build_engine, close_engine
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.status_bar import StatusBar
from supportterm.ui.widgets.thread import MessageView

pytestmark = pytest.mark.e2e

CLIENT_TIMEOUT_S = 0.5
"""The client's timeout in these tests (20 s in use): a stalled server is given up on after this."""
REPLY = "Thanks for waiting — the refund is on its way."
HTML_PAGE = ("<html><head><title>502 Bad Gateway</title><script>alert('x')</script></head><body>"
             "<h1>\x1b]0;pwned\x07Bad Gateway</h1><p>[@click=app.quit]nginx[/]</p></body></html>")


def _ticket_json(ticket_id: object, subject: str = "Fine subject") -> dict[str, Any]:
    return {"id": ticket_id, "subject": subject, "status": "open", "priority": "normal", "channel": "email",
            "requester_id": "c1", "created_at": "2026-01-05T08:00:00Z", "updated_at": "2026-01-05T08:00:00Z",
            "version": "v1"}


def _healthy(seen: Seen) -> Answer | None:
    """The answers of a working helpdesk for what the engine asks besides the faulty part."""
    path = seen.path.split("?")[0]
    if path == "/api/v1/me":
        return json_answer({"id": "a1", "name": "Aysel", "role": "agent"})
    if path == "/api/v1/tickets" and seen.method == "GET":
        return json_answer({"tickets": [], "people": []})
    if seen.method == "POST":
        return json_answer({"error": "internal", "message": "try later"}, 500)
    return None


def _everything(answer: Callable[[Seen], Answer]) -> Callable[[Seen], Answer]:
    return answer


def _changes_only(answer: Callable[[Seen], Answer]) -> Callable[[Seen], Answer]:
    def route(seen: Seen) -> Answer:
        return _healthy(seen) or answer(seen)

    return route


class _NewPagesForever:
    """/changes that always has more, each time behind a new cursor."""

    def __init__(self) -> None:
        self.page = 0

    def __call__(self, seen: Seen) -> Answer:
        self.page += 1
        return json_answer({"tickets": [], "people": [], "cursor": f"c{self.page}", "has_more": True})


@dataclass(frozen=True)
class BadServer:
    """One way of being broken, and the words the agent should read."""

    name: str
    route: Callable[[Seen], Answer]
    says: str
    """A regular expression the status line must match."""
    online: bool = True


HTML = {"Content-Type": "text/html; charset=utf-8"}
JSON = {"Content-Type": "application/json"}
BAD_SERVERS = (
    BadServer("html_page_200", _everything(lambda s: Answer(200, HTML_PAGE, HTML)),
              r"sent text/html instead of JSON"),
    BadServer("html_page_502", _everything(lambda s: Answer(502, HTML_PAGE, HTML)), r"answered HTTP 502"),
    BadServer("http_500", _everything(lambda s: json_answer({"error": "boom", "message": HTML_PAGE}, 500)),
              r"answered HTTP 500"),
    BadServer("truncated_json", _everything(lambda s: Answer(200, '{"tickets": [{"id": "1", "subj', JSON)),
              r"instead of JSON"),
    BadServer("connection_cut_mid_body", _everything(
        lambda s: Answer(200, '{"tickets": [', JSON, declared_length=4096)), r"connection .* failed", False),
    BadServer("wrong_types", _everything(lambda s: json_answer(
        {"tickets": "soon", "people": 3, "cursor": {"x": 1}, "has_more": "maybe", "messages": {},
         "message": 1})),
        r"malformed|no valid|could not read"),
    BadServer("null_ids", _changes_only(lambda s: json_answer(
        {"tickets": [_ticket_json(None)], "people": [], "cursor": "1", "has_more": False})), r"malformed"),
    BadServer("top_level_list", _everything(lambda s: json_answer([])), r"malformed|no valid|could not read"),
    BadServer("stall", _everything(lambda s: Answer(stall=True)), r"did not answer in time", False),
    BadServer("endless_same_page", _changes_only(lambda s: json_answer(
        {"tickets": [], "people": [], "cursor": "c1", "has_more": True})), r"same page again"),
    BadServer("endless_new_pages", _changes_only(_NewPagesForever()), r"more changes after \d+ pages"),
)


@pytest.fixture(autouse=True)
def short_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's client gives up after CLIENT_TIMEOUT_S instead of 20 s."""
    short = functools.partial(http_setup.make_client, timeout=CLIENT_TIMEOUT_S)
    monkeypatch.setattr(session, "make_client", short)


@pytest.fixture(params=BAD_SERVERS, ids=[b.name for b in BAD_SERVERS])
def bad(request: pytest.FixtureRequest) -> Iterator[tuple[BadServer, ScriptedServer]]:
    case: BadServer = request.param
    with ScriptedServer(case.route) as server:
        yield case, server


def _cache(store: Store) -> None:
    """What an earlier session left: three tickets with threads, and a reply still in the outbox."""
    seed_store(store, [make_ticket(str(n), subject=f"Cached ticket {n}") for n in (1, 2, 3)],
               [make_message(str(n), body=f"cached body {n}") for n in (1, 2, 3)],
               [Person("c1", "Cached Customer", Role.CUSTOMER)])
    with store.transaction() as conn:
        outbox.queue_message(conn, "1", ReplyDraft(REPLY, Visibility.PUBLIC), author_id="a1",
                             author_name="Aysel", expect_version="v1", now=make_ticket().created_at)


def _plain(message: str, says: str) -> None:
    assert re.search(says, message), message
    assert message == one_line(message), f"not one inert line: {message!r}"
    assert "Traceback" not in message and "\x1b" not in message and len(message) < 400


def _kept(store: Store) -> None:
    items = store.read(outbox.items)
    assert [(i.ticket_id, i.draft().body) for i in items] == [("1", REPLY)]
    assert items[0].state in (outbox.QUEUED, outbox.FAILED, outbox.SENDING)
    subjects = store.read(lambda c: [cache.get_ticket(c, str(n)).subject for n in (1, 2, 3)])  # type: ignore[union-attr]
    assert subjects == ["Cached ticket 1", "Cached ticket 2", "Cached ticket 3"]
    assert [m.body for m in store.read(lambda c: cache.get_thread(c, "2"))] == ["cached body 2"]


async def test_engine_reports_a_plain_error_and_keeps_cache_and_outbox(
    store: Store, bad: tuple[BadServer, ScriptedServer],
) -> None:
    case, server = bad
    _cache(store)
    engine = build_engine(Profile("work", "demo", server.url, user="aysel"), store, token="demo-aysel")
    try:
        first = await engine.sync_once()
        second = await engine.sync_once()  # still working: the next cycle meets the same server
    finally:
        await close_engine(engine)
    for report in (first, second):
        assert report.error is not None
        _plain(report.error, case.says)
        assert report.online is case.online
    assert server.seen  # it really talked to the server
    _kept(store)


async def test_app_shows_the_problem_in_the_status_bar_and_works_from_the_cache(
    store: Store, bad: tuple[BadServer, ScriptedServer],
) -> None:
    case, server = bad
    _cache(store)
    app = make_app(store, profile=Profile("work", "demo", server.url, user="aysel"))
    said: list[tuple[str, str]] = []
    app.notify = lambda message, *, title="", **kw: said.append((title, message))  # type: ignore[method-assign]
    async with app.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        status = inbox.query_one(StatusBar)
        _plain(status.message, case.says)
        shown = rendered(status)
        assert "outbox: 1 waiting" in shown and "Traceback" not in shown
        assert ("OFFLINE" in shown) is not case.online
        assert [t for t, _ in said if t == "Internal error"] == []
        assert {"Cached ticket 1", "Cached ticket 2", "Cached ticket 3"} <= {s for _, s in _rows(inbox)}

        app.push_screen(TicketScreen("2"))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TicketScreen)
        assert any("cached body 2" in rendered(view) for view in screen.query(MessageView))
        await pilot.press("R")  # sync again on purpose: same plain message, still running
        await settle(pilot)
        _plain(screen.query_one(StatusBar).message, case.says)
        assert app.is_running
    assert [t for t, _ in said if t == "Internal error"] == []
    _kept(store)


def _rows(inbox: InboxScreen) -> list[tuple[str, str]]:
    tickets = inbox.ticket_list
    return [(t.id, t.subject) for i in range(tickets.count) if (t := tickets.ticket_at(i))]


async def test_invalid_utf8_and_lone_surrogates_are_read_not_refused(store: Store) -> None:
    page = json.dumps({"tickets": [_ticket_json("9", "Refund @BAD@")], "people": [], "cursor": "1",
                       "has_more": False}).encode()
    page = page.replace(b"@BAD@", b"\xff\xfe \\ud800 \\udfff")

    def route(seen: Seen) -> Answer:
        if seen.path.startswith("/api/v1/changes"):
            return Answer(200, page, JSON)
        return _healthy(seen) or json_answer({"messages": []})

    _cache(store)
    with ScriptedServer(route) as server:
        engine = build_engine(Profile("work", "demo", server.url, user="aysel"), store, token="demo-aysel")
        try:
            report = await engine.sync_once()
        finally:
            await close_engine(engine)
    ticket = store.read(lambda c: cache.get_ticket(c, "9"))
    assert ticket is not None and ticket.subject == "Refund \ufffd\ufffd \ufffd \ufffd"
    assert report.error is None or "refund" not in report.error.lower()
    _kept(store)
