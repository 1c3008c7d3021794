"""Provides the follow-up actions of the ticket view: the prompt, saving a reminder, and what sending
does to them (a public reply settles the ticket's due follow-ups; "send + follow-up" sets the next).

Reminders live in the local store (`store.shift` follow_ups); the app's reminder timer announces them
when due, the shift bar counts them and the inbox's "Follow-ups" view lists their tickets.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import TYPE_CHECKING

from supportterm.domain.models import ReplyDraft, Visibility
from supportterm.i18n import _
from supportterm.store.reminders import complete_due_follow_ups
from supportterm.store.shift import add_follow_up, complete_follow_up, open_follow_ups
from supportterm.sync.events import TicketsChanged
from supportterm.ui.dates import short_when
from supportterm.ui.messages import SyncEventReceived
from supportterm.ui.screens.follow_up import FollowUpChoice, FollowUpPrompt

if TYPE_CHECKING:
    from supportterm.ui.app import SupportTermApp


def prompt(app: SupportTermApp, reader: sqlite3.Connection, ticket_id: str, *,
           title: str = "") -> FollowUpPrompt:
    """The prompt, listing the ticket's open follow-ups in the agent's zone (title: "Follow up")."""
    title = title or _("Follow up")
    zone = app.settings.sla.zone()
    listed = [short_when(f.due_at.astimezone(zone)) + (f" {f.note}" if f.note else "")
              for f in open_follow_ups(reader, ticket_id)]
    return FollowUpPrompt(f"{title} · #{ticket_id}", now=app.clock, zone=zone, open_items=listed)


async def save(app: SupportTermApp, ticket_id: str, choice: FollowUpChoice) -> int:
    """Store the agent's choice; returns how many follow-ups it set or cleared."""
    now = app.clock()

    def write() -> int:
        with app.store.transaction() as conn:
            if choice.clear:
                return sum(complete_follow_up(conn, f.id, now=now) for f in open_follow_ups(conn, ticket_id))
            assert choice.when is not None
            add_follow_up(conn, ticket_id, choice.when.due_at, choice.note, now=now)
            return 1

    count = await asyncio.to_thread(write)
    if choice.clear:
        app.notify(_("{count} follow-up(s) of #{ticket} done.").format(count=count, ticket=ticket_id),
                   title=_("Follow-up"), timeout=3)
    elif choice.when is not None:
        when = short_when(choice.when.local)
        app.notify(_("Follow-up on #{ticket}: {when}.").format(ticket=ticket_id, when=when),
                   title=_("Follow-up"), timeout=4)
    app.post_message(SyncEventReceived(TicketsChanged(frozenset({ticket_id}))))
    return count


async def after_send(
    app: SupportTermApp, ticket_id: str, draft: ReplyDraft, follow_up: FollowUpChoice | None
) -> None:
    """A public reply is the update a due follow-up asked for; then set the next one if chosen."""
    if draft.visibility is Visibility.PUBLIC:
        now = app.clock()

        def settle() -> int:
            with app.store.transaction() as conn:
                return complete_due_follow_ups(conn, ticket_id, now)

        await asyncio.to_thread(settle)
    if follow_up is not None:
        await save(app, ticket_id, follow_up)
