"""Provides hand-off notes as the next shift sees them, and the outbox row that posts one.

A note is kept locally (`store.shift.save_handoff`) and, when the team named a ticket for them
(`[shift] handoff_ticket`), posted there as an internal note through the outbox, so it is delivered
when the link is back. At a shift's start the agent sees the newest note of an earlier shift: the local
one, or a newer one a colleague posted on the team's ticket (read from the cached thread).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from supportterm.domain.models import ReplyDraft, Role, Visibility
from supportterm.store import outbox, state
from supportterm.store import tickets as cache
from supportterm.store.shift import HANDOFF_PREFIX, handoff_for, load_handoff, mark_handoff


@dataclass(frozen=True, slots=True)
class EarlierNote:
    """A note from an earlier shift, and where it came from."""

    body: str
    written_at: datetime
    source: str
    """"local" (this profile's store) or "helpdesk" (the team's hand-off ticket)."""
    author: str | None = None
    shift_id: int | None = None
    """The local shift that wrote it (None when read from the helpdesk)."""


def posted_notes(conn: sqlite3.Connection, ticket_id: str) -> list[EarlierNote]:
    """Hand-off notes found in the cached thread of the team's ticket, oldest first."""
    out = []
    for message in cache.get_thread(conn, ticket_id):
        if message.visibility is Visibility.INTERNAL and message.author_role is Role.AGENT \
                and message.body.startswith(HANDOFF_PREFIX):
            out.append(EarlierNote(message.body.removeprefix(HANDOFF_PREFIX), message.created_at, "helpdesk",
                                   message.author_name))
    return out


def note_for_new_shift(
    conn: sqlite3.Connection, shift_id: int, handoff_ticket: str = ""
) -> EarlierNote | None:
    """The newest note an earlier shift left: local or on the team's ticket, whichever is newer."""
    found: list[EarlierNote] = []
    local = handoff_for(conn, shift_id)
    if local is not None:
        found.append(EarlierNote(local.body, local.updated_at, "local", None, local.shift_id))
    if handoff_ticket:
        found += posted_notes(conn, handoff_ticket)
    return max(found, key=lambda n: n.written_at, default=None)


def queue_handoff_post(
    conn: sqlite3.Connection, shift_id: int, ticket_id: str, *, now: datetime
) -> outbox.OutboxItem | None:
    """Queue the shift's note as an internal note on the team's ticket (None when there is no note).
    Posting again after an edit is fine: the next shift reads the newest."""
    note = load_handoff(conn, shift_id)
    if note is None or not note.body.strip():
        return None
    draft = ReplyDraft(body=HANDOFF_PREFIX + note.body.strip(), visibility=Visibility.INTERNAL)
    item = outbox.queue_message(
        conn, ticket_id, draft, author_id=state.get_state(conn, "me_id") or "me",
        author_name=state.get_state(conn, "me_name") or "Me", expect_version=None, now=now,
    )
    mark_handoff(conn, shift_id, posted_ticket_id=ticket_id)
    return item
