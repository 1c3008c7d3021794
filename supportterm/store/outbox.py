"""Provides the outbox (what the agent sent, until the helpdesk has it) and drafts.

Every action is a row here before any network I/O, written in the same transaction as its optimistic
local change, so a crash or a dropped link loses nothing. Each row carries a unique marker that the
helpdesk stores with the message, so a reply whose response was lost can be found instead of resent.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime

from supportterm.domain.models import (
    Priority,
    ReplyDraft,
    Role,
    Status,
    TicketPatch,
    Visibility,
    format_time,
)

QUEUED, SENDING, SENT, FAILED, CONFLICT = "queued", "sending", "sent", "failed", "conflict"
"""Outbox states. `sending` that survives a crash means "outcome unknown": check before resending."""


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One queued action: a reply/note (`kind="message"`) or a ticket update (`kind="update"`)."""

    id: int
    ticket_id: str
    kind: str
    payload: dict[str, str]
    marker: str
    expect_version: str | None
    state: str
    error: str | None
    attempts: int

    def draft(self) -> ReplyDraft:
        """The reply this item carries (kind "message")."""
        status = self.payload.get("status")
        return ReplyDraft(
            body=self.payload["body"],
            visibility=Visibility(self.payload["visibility"]),
            new_status=Status(status) if status else None,
        )

    def patch(self) -> TicketPatch:
        """The ticket change this item carries (kind "update")."""
        return TicketPatch.from_dict(self.payload)


def queue_message(
    conn: sqlite3.Connection,
    ticket_id: str,
    draft: ReplyDraft,
    *,
    author_id: str,
    author_name: str,
    expect_version: str | None,
    now: datetime,
) -> OutboxItem:
    """Queue a reply or note and show it in the thread at once as a pending message."""
    payload = {"body": draft.body, "visibility": draft.visibility.value}
    if draft.new_status is not None:
        payload["status"] = draft.new_status.value
        row = conn.execute("SELECT status FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
        if row is not None:
            payload["was:status"] = row[0]
    item = _insert(conn, ticket_id, "message", payload, expect_version, now)
    conn.execute(
        "INSERT INTO messages (id, ticket_id, author_id, author_role, author_name, visibility, body, "
        "created_at, marker, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (f"local-{item.id}", ticket_id, author_id, Role.AGENT.value, author_name,
         draft.visibility.value, draft.body, format_time(now), item.marker, item.id),
    )
    if draft.new_status is not None:
        conn.execute("UPDATE tickets SET status = ? WHERE id = ?", (draft.new_status.value, ticket_id))
    conn.execute("DELETE FROM drafts WHERE ticket_id = ?", (ticket_id,))
    return item


def queue_update(
    conn: sqlite3.Connection,
    ticket_id: str,
    patch: TicketPatch,
    *,
    expect_version: str | None,
    now: datetime,
) -> OutboxItem:
    """Queue a ticket update and apply it to the cached ticket optimistically."""
    fields = patch.as_dict()
    row = conn.execute("SELECT status, priority, assignee_id FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    was = {f"was:{k}": (row[k] or "") for k in fields} if row else {}
    item = _insert(conn, ticket_id, "update", {**fields, **was}, expect_version, now)
    for column, value in fields.items():
        conn.execute(f"UPDATE tickets SET {column} = ? WHERE id = ?", (value, ticket_id))
    if patch.priority is not None:
        conn.execute(
            "UPDATE tickets SET priority_rank = ? WHERE id = ?", (patch.priority.rank, ticket_id)
        )
    return item


def _insert(
    conn: sqlite3.Connection,
    ticket_id: str,
    kind: str,
    payload: dict[str, str],
    expect_version: str | None,
    now: datetime,
) -> OutboxItem:
    marker = f"st-{uuid.uuid4().hex}"
    stamp = format_time(now)
    cursor = conn.execute(
        "INSERT INTO outbox (ticket_id, kind, payload, marker, expect_version, state, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ticket_id, kind, json.dumps(payload), marker, expect_version, QUEUED, stamp, stamp),
    )
    assert cursor.lastrowid is not None
    return OutboxItem(cursor.lastrowid, ticket_id, kind, payload, marker, expect_version, QUEUED, None, 0)


def deliverable(conn: sqlite3.Connection) -> list[OutboxItem]:
    """Items to deliver now, in order. A ticket with a failed or conflicting item holds back the
    items behind it, so actions on one ticket never land out of order."""
    rows = conn.execute(
        "SELECT * FROM outbox WHERE state IN (?, ?, ?, ?) ORDER BY id",
        (QUEUED, SENDING, FAILED, CONFLICT),
    ).fetchall()
    blocked: set[str] = set()
    out: list[OutboxItem] = []
    for row in rows:
        item = _item(row)
        if item.ticket_id in blocked:
            continue
        if item.state in (FAILED, CONFLICT):
            blocked.add(item.ticket_id)
            continue
        out.append(item)
    return out


def items(conn: sqlite3.Connection, *, ticket_id: str | None = None) -> list[OutboxItem]:
    """Every outbox row not yet sent (optionally of one ticket), for display."""
    sql = "SELECT * FROM outbox WHERE state != ?"
    args: list[object] = [SENT]
    if ticket_id is not None:
        sql += " AND ticket_id = ?"
        args.append(ticket_id)
    return [_item(r) for r in conn.execute(sql + " ORDER BY id", args).fetchall()]


def pending_count(conn: sqlite3.Connection) -> int:
    """How many actions wait to be delivered."""
    return int(conn.execute("SELECT count(*) FROM outbox WHERE state != ?", (SENT,)).fetchone()[0])


def set_state(
    conn: sqlite3.Connection, item_id: int, state: str, *, now: datetime, error: str | None = None
) -> None:
    """Record a delivery step; `sending` also counts an attempt."""
    bump = 1 if state == SENDING else 0
    conn.execute(
        "UPDATE outbox SET state = ?, error = ?, attempts = attempts + ?, updated_at = ? WHERE id = ?",
        (state, error, bump, format_time(now), item_id),
    )


def requeue_unsent(conn: sqlite3.Connection, item_id: int, *, now: datetime) -> None:
    """Undo a `sending` step whose request surely never left (connection refused)."""
    conn.execute(
        "UPDATE outbox SET state = ?, attempts = max(0, attempts - 1), updated_at = ? WHERE id = ?",
        (QUEUED, format_time(now), item_id),
    )


def retry(conn: sqlite3.Connection, item_id: int, *, now: datetime) -> None:
    """Put a failed or conflicting item back in the queue (the agent chose to send it anyway)."""
    conn.execute(
        "UPDATE outbox SET state = ?, error = NULL, expect_version = NULL, updated_at = ? "
        "WHERE id = ? AND state IN (?, ?)",
        (QUEUED, format_time(now), item_id, FAILED, CONFLICT),
    )


def cancel(conn: sqlite3.Connection, item_id: int) -> OutboxItem | None:
    """Withdraw an item that has not gone out: drop its pending echo and undo its local change.

    An item in `sending` may already be on the helpdesk, so it cannot be cancelled.
    """
    row = conn.execute("SELECT * FROM outbox WHERE id = ? AND state != ? AND state != ?",
                       (item_id, SENDING, SENT)).fetchone()
    if row is None:
        return None
    item = _item(row)
    drop_local_echo(conn, item_id)
    for key, value in item.payload.items():
        if key.startswith("was:") and key[4:] in ("status", "priority", "assignee_id"):
            conn.execute(f"UPDATE tickets SET {key[4:]} = ? WHERE id = ?", (value or None, item.ticket_id))
        if key == "was:priority" and value:
            conn.execute("UPDATE tickets SET priority_rank = ? WHERE id = ?",
                         (Priority(value).rank, item.ticket_id))
    conn.execute("DELETE FROM outbox WHERE id = ?", (item_id,))
    return item


def drop_local_echo(conn: sqlite3.Connection, item_id: int) -> None:
    """Remove the pending copy of a delivered message; the server's copy replaces it."""
    conn.execute("DELETE FROM messages WHERE outbox_id = ?", (item_id,))


def _item(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"], ticket_id=row["ticket_id"], kind=row["kind"], payload=json.loads(row["payload"]),
        marker=row["marker"], expect_version=row["expect_version"], state=row["state"],
        error=row["error"], attempts=row["attempts"],
    )


def save_draft(
    conn: sqlite3.Connection, ticket_id: str, visibility: Visibility, body: str, *, now: datetime
) -> None:
    """Autosave the composer's text; an empty body deletes the draft."""
    if not body.strip():
        conn.execute("DELETE FROM drafts WHERE ticket_id = ?", (ticket_id,))
        return
    conn.execute(
        "INSERT OR REPLACE INTO drafts (ticket_id, visibility, body, updated_at) VALUES (?, ?, ?, ?)",
        (ticket_id, visibility.value, body, format_time(now)),
    )


def load_draft(conn: sqlite3.Connection, ticket_id: str) -> tuple[Visibility, str] | None:
    """The saved draft of a ticket, if any."""
    row = conn.execute(
        "SELECT visibility, body FROM drafts WHERE ticket_id = ?", (ticket_id,)
    ).fetchone()
    return (Visibility(row[0]), row[1]) if row else None
