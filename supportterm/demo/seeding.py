"""Provides the first filling of the demo database: `seed.generate`'s data, bulk-inserted and shifted to now.

`seed.py` makes the data; this module only stores it, as fast as SQLite allows (100k tickets take
seconds): times travel as epoch seconds and SQLite formats them, and the indexes are built after the
bulk insert. Called by `db.DemoDB.seed` inside its write transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from supportterm.demo import attachments
from supportterm.demo.schema import COUNTER_START, TICKET_COLS
from supportterm.domain.models import utc

if TYPE_CHECKING:
    from supportterm.demo.seed import SeedData

INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS tickets_seq ON tickets(seq);
CREATE INDEX IF NOT EXISTS tickets_updated ON tickets(updated_at, seq);
CREATE INDEX IF NOT EXISTS tickets_requester ON tickets(requester_id, seq);
CREATE INDEX IF NOT EXISTS tickets_assignee ON tickets(assignee_id, seq);
CREATE INDEX IF NOT EXISTS messages_ticket ON messages(ticket_id, num);
CREATE UNIQUE INDEX IF NOT EXISTS messages_marker ON messages(ticket_id, marker) WHERE marker IS NOT NULL;
"""
"""Built after the bulk seed: one sorted build is several times faster than 100k inserts."""
_SQL_TS = "strftime('%Y-%m-%dT%H:%M:%SZ', ?, 'unixepoch')"

Stamp = Callable[[], int]
"""Hands out the next change number (`seq`) of the database."""


def _epoch(dt: datetime) -> float:
    """Epoch seconds; a naive datetime is UTC (as `utc()` says), not local time."""
    return (dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)).timestamp()


def shift_to(data: SeedData, target: datetime) -> float:
    """Seconds to add to every seeded time so that the newest event happens at `target`.

    The shift makes a demo started today look live while the data stays deterministic for a seed.
    """
    newest = max([t["updated_at"] for t in data.tickets] + [m["created_at"] for m in data.messages],
                 default=target)
    return (utc(target) - utc(newest)).total_seconds()


def insert_seed_data(conn: sqlite3.Connection, data: SeedData, shift: float, stamp: Stamp) -> dict[str, int]:
    """Insert people, messages and tickets (people stamped first); returns the counters they used up.

    The counters are `ticket` (the highest ticket number) and `message` (the highest message number),
    so the tickets and messages made later continue after them.
    """
    _insert_people(conn, data.agents, data.customers, stamp)
    stats, last_message = _insert_messages(conn, data.messages, shift)
    attachments.insert(conn, attachments.choose(m["id"] for m in data.messages))
    _insert_tickets(conn, data.tickets, stats, shift, stamp)
    numbers = [int(t["id"]) for t in data.tickets if str(t["id"]).isdigit()]
    return {"ticket": max(numbers, default=COUNTER_START["ticket"]), "message": last_message}


def _insert_people(conn: sqlite3.Connection, agents: list[dict[str, Any]], customers: list[dict[str, Any]],
                   stamp: Stamp) -> None:
    conn.executemany("INSERT INTO agents VALUES (?, ?, ?, ?, ?, ?)", [
        (a["id"], a["login"], a["name"], a.get("email"), a.get("language"), stamp()) for a in agents])
    conn.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (c["id"], c["name"], c.get("email"), c.get("phone"), c.get("organization"), c.get("language"),
         stamp()) for c in customers])


def _insert_messages(conn: sqlite3.Connection, messages: list[dict[str, Any]], shift: float
                     ) -> tuple[dict[str, list[Any]], int]:
    """Insert messages in time order; returns per ticket [count, last customer at, last agent at], and
    the highest message number.

    Time order makes the row number (`num`, what threads are sorted by) follow `created_at`.
    """
    stats: dict[str, list[Any]] = {}
    rows = []
    for m in sorted(messages, key=lambda m: m["created_at"]):
        at = _epoch(m["created_at"]) + shift
        st = stats.setdefault(m["ticket_id"], [0, None, None])
        st[0] += 1
        if m["visibility"] == "public":
            st[1 if m["author_role"] == "customer" else 2] = at
        rows.append((m["id"], m["ticket_id"], m["author_id"], m["author_role"], m["visibility"],
                     m["body"], at))
    conn.executemany("INSERT INTO messages (id, ticket_id, author_id, author_role, visibility, body, "
                     f"created_at) VALUES (?, ?, ?, ?, ?, ?, {_SQL_TS})", rows)
    return stats, max([int(r[0][1:]) for r in rows if r[0][1:].isdigit()] + [len(rows)])


def _insert_tickets(conn: sqlite3.Connection, tickets: list[dict[str, Any]], stats: dict[str, list[Any]],
                    shift: float, stamp: Stamp) -> None:
    """Insert tickets stamped in `updated_at` order (oldest change first), counts from `stats`."""
    tags: dict[tuple[str, ...], str] = {}  # few distinct tag lists: encode each once
    conn.executemany(f"INSERT INTO tickets ({TICKET_COLS}, mood) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                     f"{', '.join([_SQL_TS] * 5)}, ?, ?, ?, ?)", [
        (t["id"], t["subject"], t["status"], t["priority"], t["channel"], t.get("language"),
         t["requester_id"], t.get("assignee_id"), _epoch(t["created_at"]) + shift,
         _epoch(t["updated_at"]) + shift, t["due_at"] and _epoch(t["due_at"]) + shift,
         *stats.get(t["id"], (0, None, None))[1:], stats.get(t["id"], (0,))[0],
         tags.get(tuple(t["tags"])) or tags.setdefault(tuple(t["tags"]), json.dumps(t["tags"])),
         stamp(), t.get("mood"))
        for t in sorted(tickets, key=lambda t: t["updated_at"])])
