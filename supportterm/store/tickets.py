"""Provides reads and writes of tickets, messages and people in the local cache.

Functions take a connection so the same code serves the writer (inside `Store.transaction`) and the
UI's read connections. Views become SQL here and only here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from supportterm.domain.models import (
    Attachment,
    Channel,
    Message,
    Person,
    Priority,
    Role,
    Status,
    Ticket,
    Visibility,
    format_time,
    parse_time,
)
from supportterm.domain.query import fts_match
from supportterm.domain.views import View

_TICKET_COLUMNS = (
    "id, subject, status, priority, priority_rank, channel, language, requester_id, assignee_id, "
    "created_at, updated_at, due_at, version, last_customer_at, last_agent_at, message_count, tags, awaiting"
)


def _ticket_row(t: Ticket) -> tuple[object, ...]:
    return (
        t.id, t.subject, t.status.value, t.priority.value, t.priority.rank, t.channel.value, t.language,
        t.requester_id, t.assignee_id, format_time(t.created_at), format_time(t.updated_at),
        format_time(t.due_at), t.version, format_time(t.last_customer_at), format_time(t.last_agent_at),
        t.message_count, "\x1f".join(t.tags), int(t.awaiting_reply),
    )


def upsert_tickets(conn: sqlite3.Connection, tickets: Iterable[Ticket]) -> int:
    """Insert or replace tickets' list fields, keeping local-only columns; returns how many."""
    rows = [_ticket_row(t) for t in tickets]
    _forget_replaced_threads(conn, {row[0]: row[9] for row in rows})
    placeholders = ", ".join("?" * 18)
    updates = ", ".join(
        f"{c.strip()}=excluded.{c.strip()}" for c in _TICKET_COLUMNS.split(",")[1:]
    )
    conn.executemany(
        f"INSERT INTO tickets ({_TICKET_COLUMNS}) VALUES ({placeholders}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        rows,
    )
    return len(rows)


def _forget_replaced_threads(conn: sqlite3.Connection, created: dict[str, str]) -> None:
    """Drop the cached thread of an id that now names another ticket (its creation time changed).

    A helpdesk that was reset or rebuilt hands out the same ids again; the old thread must not be
    shown under the new subject, nor extended from its last message id. Local copies of queued
    outbox items stay (they belong to their item); `thread_synced` goes back to 0 so the next open
    fetches the whole thread.
    """
    ids = list(created)
    replaced: list[str] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            f"SELECT id, created_at FROM tickets WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        ).fetchall()
        replaced.extend(ticket_id for ticket_id, was in rows if was != created[ticket_id])
    if not replaced:
        return
    params = [(ticket_id,) for ticket_id in replaced]
    conn.executemany("DELETE FROM messages WHERE ticket_id = ? AND outbox_id IS NULL", params)
    conn.executemany("DELETE FROM attachments WHERE ticket_id = ?", params)
    conn.executemany("UPDATE tickets SET thread_synced = 0 WHERE id = ?", params)


def upsert_people(conn: sqlite3.Connection, people: Iterable[Person]) -> None:
    """Insert or replace people records."""
    conn.executemany(
        "INSERT INTO people (id, role, name, email, organization, language) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET role=excluded.role, name=excluded.name, email=excluded.email, "
        "organization=excluded.organization, language=excluded.language",
        [(p.id, p.role.value, p.name, p.email, p.organization, p.language) for p in people],
    )


def upsert_messages(conn: sqlite3.Connection, messages: Iterable[Message]) -> None:
    """Insert or replace thread messages received from the helpdesk, with their attachment lists."""
    messages = list(messages)
    conn.executemany(
        "INSERT OR REPLACE INTO messages (id, ticket_id, author_id, author_role, author_name, "
        "visibility, body, created_at, marker, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        [
            (m.id, m.ticket_id, m.author_id, m.author_role.value, m.author_name, m.visibility.value,
             m.body, format_time(m.created_at), m.marker)
            for m in messages
        ],
    )
    _replace_attachments(conn, messages)


def _replace_attachments(conn: sqlite3.Connection, messages: list[Message]) -> None:
    """The helpdesk's list is the truth: a message's attachments are replaced, never merged."""
    conn.executemany("DELETE FROM attachments WHERE message_id = ?", [(m.id,) for m in messages])
    conn.executemany(
        "INSERT OR REPLACE INTO attachments (message_id, id, ticket_id, filename, size, content_type, "
        "locator, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (m.id, a.id, m.ticket_id, a.filename, a.size, a.content_type, a.locator, position)
            for m in messages for position, a in enumerate(m.attachments)
        ],
    )


def attachments_of(conn: sqlite3.Connection, ticket_id: str) -> dict[str, tuple[Attachment, ...]]:
    """A ticket's attachments by message id, each message's in the helpdesk's order."""
    rows = conn.execute(
        "SELECT * FROM attachments WHERE ticket_id = ? ORDER BY message_id, position", (ticket_id,)
    ).fetchall()
    found: dict[str, list[Attachment]] = {}
    for r in rows:
        found.setdefault(r["message_id"], []).append(Attachment(
            id=r["id"], message_id=r["message_id"], filename=r["filename"], size=r["size"],
            content_type=r["content_type"], locator=r["locator"],
        ))
    return {message_id: tuple(items) for message_id, items in found.items()}


def mark_thread_synced(conn: sqlite3.Connection, ticket_id: str) -> None:
    """Remember that this ticket's thread is cached, so later changes refresh it incrementally."""
    conn.execute("UPDATE tickets SET thread_synced = 1 WHERE id = ?", (ticket_id,))


def _in(column: str, values: tuple[object, ...], clauses: list[str], args: list[object]) -> None:
    if values:
        clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
        args.extend(getattr(v, "value", v) for v in values)


def _where(view: View, me: str | None, search: str = "") -> tuple[str, list[object]]:
    """SQL for a view narrowed by a search line: filters as columns, words through the FTS index."""
    query = view.parsed(search)
    # A view narrowed to a short id list (SLA watch, follow-ups) is read from that list: "+column"
    # keeps SQLite from walking the status index instead (SLA view count at 100k: 79 ms -> ~1 ms).
    mark = "+" if view.sla_risk or view.follow_ups else ""
    clauses: list[str] = []
    args: list[object] = []
    _in(f"{mark}status", query.statuses, clauses, args)
    _in(f"{mark}priority", query.priorities, clauses, args)
    _in(f"{mark}channel", query.channels, clauses, args)
    _in(f"{mark}language", query.languages, clauses, args)
    if query.assignee == "me":
        clauses.append("assignee_id = ?")
        args.append(me or "")
    elif query.assignee == "none":
        clauses.append("assignee_id IS NULL")
    elif query.assignee:
        clauses.append("(assignee_id = ? OR assignee_id IN (SELECT id FROM people WHERE name LIKE ?))")
        args.extend([query.assignee, f"%{query.assignee}%"])
    if query.before is not None:
        clauses.append("updated_at < ?")
        args.append(format_time(query.before))
    if query.after is not None:
        clauses.append("updated_at >= ?")
        args.append(format_time(query.after))
    if query.ticket_id:
        clauses.append("id = ?")
        args.append(query.ticket_id)
    if view.awaiting_only:
        clauses.append(f"{mark}awaiting = 1")
    if view.sla_risk:  # the app's SLA watch keeps these ids (store.reminders)
        clauses.append("id IN (SELECT key FROM json_each(coalesce("
                       "(SELECT value FROM sync_state WHERE key = 'sla_watch'), '{}')))")
    if view.follow_ups:
        clauses.append("id IN (SELECT ticket_id FROM follow_ups WHERE done = 0)")
    match = fts_match(query)
    if match is not None:
        clauses.append("rowid IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?)")
        args.append(match)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def count(conn: sqlite3.Connection, view: View, *, me: str | None = None, search: str = "") -> int:
    """How many tickets the view (narrowed by `search`) holds."""
    where, args = _where(view, me, search)
    return int(conn.execute(f"SELECT count(*) FROM tickets{where}", args).fetchone()[0])


def window(
    conn: sqlite3.Connection, view: View, *, offset: int, limit: int, me: str | None = None,
    search: str = "", total: int | None = None, after: Ticket | None = None, before: Ticket | None = None,
) -> list[Ticket]:
    """One window of a view, newest update first: what the inbox shows, never the whole table.

    Paging next to a window already read, pass its last ticket as `after` (or the first as `before`):
    the rows are then found by seeking the index from that ticket (keyset paging), which costs the same
    at row 50,000 as at row 0. Otherwise, with the view's `total`, a window in the far half is read from
    the other end of the index (in reverse, then flipped) instead of skipping half the table.
    """
    where, args = _where(view, me, search)
    order = "DESC"
    if after is not None or before is not None:
        anchor = after or before
        assert anchor is not None
        seek = "(updated_at, id) < (?, ?)" if after is not None else "(updated_at, id) > (?, ?)"
        where = f"{where} AND {seek}" if where else f" WHERE {seek}"
        args = [*args, format_time(anchor.updated_at), anchor.id]
        order, offset = ("DESC" if after is not None else "ASC"), 0
    elif total is not None and offset > total // 2:
        order, limit, offset = "ASC", min(limit, total - offset), max(0, total - offset - limit)
    rows = conn.execute(
        f"SELECT {_TICKET_COLUMNS} FROM tickets INDEXED BY tickets_inbox_order{where} "
        f"ORDER BY updated_at {order}, id {order} LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    tickets = [ticket_from_row(r) for r in rows]
    return tickets[::-1] if order == "ASC" else tickets


def get_ticket(conn: sqlite3.Connection, ticket_id: str) -> Ticket | None:
    """One ticket from the cache, or None."""
    row = conn.execute(f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    return ticket_from_row(row) if row else None


def tickets_of(conn: sqlite3.Connection, requester_id: str, *, exclude: str | None = None,
               limit: int = 10) -> list[Ticket]:
    """A customer's tickets, newest first (for the customer panel)."""
    rows = conn.execute(
        f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE requester_id = ? AND id != ? "
        "ORDER BY updated_at DESC LIMIT ?",
        (requester_id, exclude or "", limit),
    ).fetchall()
    return [ticket_from_row(r) for r in rows]


def thread_synced(conn: sqlite3.Connection, ticket_id: str) -> bool:
    """Whether the ticket's thread has been fetched at least once."""
    row = conn.execute("SELECT thread_synced FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    return bool(row and row[0])


def synced_thread_ids(conn: sqlite3.Connection, ticket_ids: Iterable[str]) -> list[str]:
    """Of these tickets, the ones whose thread is cached (they need refreshing when they change)."""
    ids = list(ticket_ids)
    out: list[str] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            f"SELECT id FROM tickets WHERE thread_synced = 1 AND id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        out.extend(r[0] for r in rows)
    return out


def get_thread(conn: sqlite3.Connection, ticket_id: str) -> list[Message]:
    """The whole cached thread of a ticket, oldest first, including messages still in the outbox."""
    rows = conn.execute(
        "SELECT * FROM messages WHERE ticket_id = ? ORDER BY created_at, outbox_id IS NOT NULL, id",
        (ticket_id,),
    ).fetchall()
    files = attachments_of(conn, ticket_id)
    return [message_from_row(r, files.get(r["id"], ())) for r in rows]


def last_message_id(conn: sqlite3.Connection, ticket_id: str) -> str | None:
    """Newest server-side message id of a cached thread, for an incremental fetch."""
    row = conn.execute(
        "SELECT id FROM messages WHERE ticket_id = ? AND outbox_id IS NULL "
        "ORDER BY created_at DESC, id DESC LIMIT 1",
        (ticket_id,),
    ).fetchone()
    return row[0] if row else None


def get_person(conn: sqlite3.Connection, person_id: str | None) -> Person | None:
    """One person from the cache, or None."""
    if person_id is None:
        return None
    row = conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        return None
    return Person(
        id=row["id"], name=row["name"], role=Role(row["role"]), email=row["email"],
        organization=row["organization"], language=row["language"],
    )


def person_names(conn: sqlite3.Connection, ids: Iterable[str | None]) -> dict[str, str]:
    """Names for a set of person ids, in one query (for a window of inbox rows)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    rows = conn.execute(
        f"SELECT id, name FROM people WHERE id IN ({', '.join('?' * len(wanted))})", wanted
    ).fetchall()
    return {r[0]: r[1] for r in rows}


_STATUS = {member.value: member for member in Status}
_PRIORITY = {member.value: member for member in Priority}
_CHANNEL = {member.value: member for member in Channel}
"""Enum members by stored value: a dict lookup is a third of `Status(value)` on the page-read path."""


def ticket_from_row(row: sqlite3.Row) -> Ticket:
    """Rebuild a Ticket from a row of the tickets table."""
    created = parse_time(row["created_at"])
    updated = parse_time(row["updated_at"])
    assert created is not None and updated is not None
    status, priority, channel = row["status"], row["priority"], row["channel"]
    return Ticket(
        id=row["id"], subject=row["subject"], status=_STATUS.get(status) or Status(status),
        priority=_PRIORITY.get(priority) or Priority(priority),
        channel=_CHANNEL.get(channel) or Channel(channel), language=row["language"],
        requester_id=row["requester_id"], assignee_id=row["assignee_id"], created_at=created,
        updated_at=updated, due_at=parse_time(row["due_at"]), version=row["version"],
        last_customer_at=parse_time(row["last_customer_at"]),
        last_agent_at=parse_time(row["last_agent_at"]), message_count=row["message_count"],
        tags=tuple(t for t in row["tags"].split("\x1f") if t),
    )


def message_from_row(row: sqlite3.Row, attachments: tuple[Attachment, ...] = ()) -> Message:
    """Rebuild a Message from a row of the messages table (and its attachments, read apart)."""
    created = parse_time(row["created_at"])
    assert created is not None
    return Message(
        id=row["id"], ticket_id=row["ticket_id"], author_id=row["author_id"],
        author_role=Role(row["author_role"]), visibility=Visibility(row["visibility"]),
        body=row["body"], created_at=created, author_name=row["author_name"], marker=row["marker"],
        attachments=attachments,
    )
