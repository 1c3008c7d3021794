"""Provides shared helpers of the UI tests: building the app, seeding its store, waiting, reading the screen.

Used by `tests/ui`, `tests/snapshots` and `tests/e2e`. Nothing here sleeps: `settle` waits for the app's
workers and message queues, which is when everything a key press started has landed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

import httpx
from fakes import BASE_URL, FakeHelpdesk
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled, WorkerState, active_worker

from supportterm.config import Profile
from supportterm.domain.models import Message, Person, Ticket
from supportterm.store import outbox, state
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.thread import MessageView

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
"""The frozen time of every UI test: after the fake's and the factories' timestamps."""

PROFILE = Profile(name="test", backend="demo", url=BASE_URL, user="aysel")

_ACTIVE = (WorkerState.PENDING, WorkerState.RUNNING)


def frozen_clock() -> datetime:
    """The app's injected clock."""
    return NOW


def make_app(
    store: Store, *, transport: httpx.AsyncBaseTransport | None = None, profile: Profile = PROFILE,
    token: str | None = "demo-aysel",
) -> SupportTermApp:
    """The app over `store`, with a frozen clock and no auto-sync timer."""
    return SupportTermApp(
        profile=profile, store=store, token=token, transport=transport, auto_sync=False, clock=frozen_clock
    )


def seed_store(
    store: Store, tickets: Iterable[Ticket] = (), messages: Iterable[Message] = (),
    people: Iterable[Person] = (), *, me: Person | None = None,
) -> None:
    """Write a cache as an earlier session left it; the threads of `messages` count as synced."""
    messages = list(messages)
    with store.transaction() as conn:
        cache.upsert_people(conn, [*people, *([me] if me else [])])
        cache.upsert_tickets(conn, tickets)
        cache.upsert_messages(conn, messages)
        for ticket_id in {m.ticket_id for m in messages}:
            cache.mark_thread_synced(conn, ticket_id)
        if me is not None:
            state.put_state(conn, "me_id", me.id)
            state.put_state(conn, "me_name", me.name)


def agent_writes(fake: FakeHelpdesk, ticket_id: str, body: str, *, visibility: str = "public",
                 token: str = "demo-boris") -> None:
    """Another agent answers on the helpdesk, through its public API (not the fake's internals)."""
    with httpx.Client(base_url=BASE_URL, transport=fake.transport()) as client:
        response = client.post(
            f"/api/v1/tickets/{ticket_id}/messages", json={"body": body, "visibility": visibility},
            headers={"Authorization": f"Bearer {token}"},
        )
    response.raise_for_status()


async def settle(pilot: Pilot[Any], *, rounds: int = 50) -> None:
    """Wait until no worker is pending or running and every queued message is handled.

    A finished worker may post a message whose handler starts another worker (first paint → engine
    → sync → thread fetch), so this loops until a pause leaves nothing running.
    """
    app = pilot.app
    for _ in range(rounds):
        # Never wait on the worker whose context we may be running in (a context copied from a thread
        # worker through call_from_thread carries it): Textual would raise DeadlockError.
        me = active_worker.get(None)
        others = [w for w in app.workers if w is not me]
        if others:  # an empty list would mean "all workers" to Textual
            try:
                await app.workers.wait_for_complete(others)
            except WorkerCancelled:  # an exclusive worker replaced by a newer one (a recount): fine
                pass
        await pilot.pause()
        if not any(worker.state in _ACTIVE for worker in app.workers):
            await pilot.pause()
            return
    raise AssertionError(f"workers still running after {rounds} rounds: {list(app.workers)}")


def rendered(widget: Widget) -> str:
    """The text a widget puts on the screen (border titles included), without styles."""
    width, height = widget.outer_size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


def inbox_rows(screen: InboxScreen) -> list[tuple[str, str]]:
    """(id, subject) of every row of the inbox's current view, in the order shown."""
    tickets = screen.ticket_list
    return [(t.id, t.subject) for i in range(tickets.count) if (t := tickets.ticket_at(i))]


def cursor_row(screen: InboxScreen) -> int:
    """Index of the row under the inbox cursor."""
    current = screen.current_ticket_id()
    assert current is not None, "the inbox cursor is on no ticket"
    return [ident for ident, _ in inbox_rows(screen)].index(current)


def thread(screen: TicketScreen) -> list[MessageView]:
    """The message views of the open ticket, oldest first."""
    return list(screen.query(MessageView))


def titles(screen: TicketScreen) -> list[str]:
    """Border titles of the thread's messages, oldest first."""
    return [str(view.border_title) for view in thread(screen)]


def outbox_items(store: Store) -> list[outbox.OutboxItem]:
    """Outbox rows not yet delivered."""
    return store.read(outbox.items)


def cached_ticket(store: Store, ticket_id: str) -> Ticket:
    """A ticket as the cache holds it."""
    ticket = store.read(lambda conn: cache.get_ticket(conn, ticket_id))
    assert ticket is not None, f"ticket {ticket_id} is not cached"
    return ticket
