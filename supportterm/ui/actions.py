"""Provides the ticket actions shared by the inbox (one or many marked tickets) and the ticket view.

Each action is an intent for the engine: an outbox row plus its optimistic local change, then a push.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportterm.domain.models import ESCALATION_PREFIX, Priority, ReplyDraft, Status, TicketPatch, Visibility
from supportterm.i18n import _
from supportterm.store import state
from supportterm.store import tickets as cache

if TYPE_CHECKING:
    from supportterm.ui.app import SupportTermApp



async def update(app: SupportTermApp, ticket_ids: list[str], patch: TicketPatch) -> int:
    """Queue the same change on each ticket; returns how many were queued."""
    if app.engine is None:
        app.notify(_("Still starting up; try again in a moment."), severity="warning")
        return 0
    wanted = patch.as_dict()
    changing = [t for t in ticket_ids if _differs(app, t, wanted)]
    for ticket_id in changing:
        await app.engine.queue_update(ticket_id, patch, expect_version=None)
    if changing:
        app.push_outbox()
    return len(changing)


def _differs(app: SupportTermApp, ticket_id: str, wanted: dict[str, str]) -> bool:
    """Whether the patch changes anything on the cached ticket (a no-op is never queued)."""
    ticket = app.store.read(lambda conn: cache.get_ticket(conn, ticket_id))
    if ticket is None:
        return True
    current = {"status": ticket.status.value, "priority": ticket.priority.value,
               "assignee_id": ticket.assignee_id or ""}
    return any(current[key] != value for key, value in wanted.items())


async def assign_to_me(app: SupportTermApp, ticket_ids: list[str]) -> int:
    """Assign the tickets to the signed-in agent."""
    me = app.store.read(lambda conn: state.get_state(conn, "me_id"))
    if me is None:
        app.notify(_("Not signed in yet: wait for the first sync."), severity="warning")
        return 0
    return await update(app, ticket_ids, TicketPatch(assignee_id=me))


async def escalate(app: SupportTermApp, ticket_id: str, note: str, current: Priority) -> None:
    """An escalation: a required internal note, and the priority raised to at least high."""
    if app.engine is None:
        app.notify(_("Still starting up; try again in a moment."), severity="warning")
        return
    await app.engine.queue_message(
        ticket_id, ReplyDraft(ESCALATION_PREFIX + note, Visibility.INTERNAL), expect_version=None
    )
    if current.rank > Priority.HIGH.rank:
        await app.engine.queue_update(ticket_id, TicketPatch(priority=Priority.HIGH), expect_version=None)
    app.push_outbox()


def parse_status(value: str | None) -> Status | None:
    """A picker's answer as a Status."""
    return Status(value) if value else None
