"""Provides the demo helpdesk's storage: one SQLite file (WAL) with agents, customers, tickets, messages.

Every change to a ticket or a person stamps the next value of one change sequence (`seq`), so
`/changes` is a single indexed range scan and a ticket's version token is simply `v<seq>`.
The HTTP server's threads share one connection behind a lock: the demo serves one client or one
benchmark at a time, so serialising SQLite costs little and keeps every write one short transaction.
Called by `server.py` (requests) and `simulator.py` (customers who keep writing). The tables, field
lists and input checks live in `schema.py`, the bulk first filling in `seeding.py`.
"""

from __future__ import annotations

import json
import random
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from supportterm.demo import attachments, seeding
from supportterm.demo.schema import (
    CHANNELS,
    COUNTER_START,
    CUSTOMER_KEYS,
    MAX_BODY_BYTES,
    MAX_MARKER,
    MESSAGE_SELECT,
    PRIORITIES,
    SLA,
    STATUSES,
    TABLES,
    TICKET_COLS,
    TICKET_FIELDS,
    TIME_FORMAT,
    VISIBILITIES,
    DemoError,
    bad_request,
    check_body,
    check_choice,
    check_marker,
    check_version,
    format_ts,
    message_object,
    person_object,
    real_now,
    ticket_object,
)
from supportterm.domain.models import utc

__all__ = [
    "CHANNELS", "MAX_BODY_BYTES", "MAX_MARKER", "PRIORITIES", "SLA", "STATUSES", "TICKET_FIELDS",
    "TIME_FORMAT", "VISIBILITIES", "DemoDB", "DemoError", "bad_request", "format_ts", "real_now",
]
"""The store and, re-exported from `schema`, the names callers have always imported from here."""

_MARKS_18 = ", ".join("?" * 18)


class DemoDB:
    """The demo helpdesk's data; every method is safe to call from any thread."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = real_now) -> None:
        self._clock = clock
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(TABLES)
        self._counters: dict[str, int] = {}
        self.epoch: str = self._scalar("SELECT value FROM meta WHERE key = 'epoch'") or ""
        """Drawn anew at each seeding, so a cursor from an older database is refused."""

    def _scalar(self, sql: str, *args: Any) -> Any:
        with self._lock:
            row = self._conn.execute(sql, args).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction under the lock: no reader ever sees half a change.

        The counters are read and saved inside it rather than kept in memory, so two demo
        processes on one file (two terminals) still hand out distinct numbers.
        """
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._counters = {k: int(v) for k, v in self._conn.execute(
                    "SELECT key, value FROM meta WHERE key IN ('seq', 'ticket', 'message')")}
                yield self._conn
                self._conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                       [(k, str(v)) for k, v in self._counters.items()])
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _next(self, counter: str) -> int:
        """Take the next number of a counter (`seq`, `ticket`, `message`); only inside `_write`."""
        self._counters[counter] = self._counters.get(counter, COUNTER_START[counter]) + 1
        return self._counters[counter]

    def latest_seq(self) -> int:
        """The newest change number, one primary-key read: what the `/changes` ETag is made of."""
        return int(self._scalar("SELECT value FROM meta WHERE key = 'seq'") or 0)

    def now(self) -> datetime:
        """The demo's clock, to the second (the API's precision)."""
        return self._clock().replace(microsecond=0)

    def close(self) -> None:
        """Close the connection; later calls fail, which the server turns into a 500."""
        with self._lock:
            self._conn.close()

    # ---- seeding -------------------------------------------------------------------------

    def is_seeded(self) -> bool:
        """Whether a seed transaction committed; a crash mid-seed leaves nothing, so we seed again."""
        return self._scalar("SELECT value FROM meta WHERE key = 'seeded'") == "1"

    def ensure_seeded(self, n_tickets: int, seed: int, now: datetime | None = None) -> bool:
        """Seed unless the file already holds a seeded demo (kept across runs); True if it seeded."""
        seeded = self.is_seeded()
        with self._lock:
            if not seeded:
                self.seed(n_tickets, seed, now)
            self._conn.executescript(seeding.INDEXES)
        self.epoch = self._scalar("SELECT value FROM meta WHERE key = 'epoch'") or ""
        return not seeded

    def seed(self, n_tickets: int, seed: int, now: datetime | None = None) -> None:
        """Fill the empty database from `seed.generate`, shifted so the newest event is `now`.

        The shift makes a demo started today look live while the data stays deterministic
        for a given seed; `now` defaults to the demo clock.
        """
        from supportterm.demo.seed import generate  # only a first start needs the generator

        data = generate(n_tickets, seed, now)
        shift = seeding.shift_to(data, utc(now or self.now()).replace(microsecond=0))
        with self._write() as conn:
            if self.is_seeded():  # another process seeded the file meanwhile
                return
            self._counters.update(seeding.insert_seed_data(conn, data, shift, lambda: self._next("seq")))
            conn.executemany("INSERT INTO meta VALUES (?, ?)",
                             [("seeded", "1"), ("epoch", secrets.token_hex(3))])

    # ---- reads ---------------------------------------------------------------------------

    def agents_by_login(self) -> dict[str, dict[str, Any]]:
        """Agent person objects by login, for the server's token table (`demo-<login>`)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT login, id, name, email, NULL, language FROM agents ORDER BY seq").fetchall()
        return {r[0]: person_object(r[1:], "agent") for r in rows}

    def ticket(self, ticket_id: str) -> dict[str, Any]:
        """One ticket object; 404 if unknown."""
        with self._lock:
            return ticket_object(self._ticket_row(ticket_id))

    def _ticket_row(self, ticket_id: str) -> tuple[Any, ...]:
        row = self._conn.execute(f"SELECT {TICKET_COLS} FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
        if row is None:
            raise DemoError(404, "not_found", f"there is no ticket {ticket_id}")
        return tuple(row)

    def changes(self, after: int, base: int, limit: int
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, bool, int]:
        """Tickets stamped after `after`, oldest first, plus the people the client does not have yet.

        `base` is where this run of pages started. Returns (tickets, people, seq of the last
        ticket, has_more, latest seq); the latest seq is read under the same lock as the page, so
        an ETag built from it never claims a state newer than the body.
        """
        with self._lock:
            rows = self._conn.execute(f"SELECT {TICKET_COLS} FROM tickets WHERE seq > ? ORDER BY seq "
                                      "LIMIT ?", (after, limit + 1)).fetchall()
            rows, more = rows[:limit], len(rows) > limit
            people = self._new_people(rows, base, after)
            latest = self.latest_seq()
        last = rows[-1][-1] if rows else after
        return [ticket_object(r) for r in rows], people, last, more, latest

    def recent(self, limit: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The `limit` most recently updated tickets, newest first, with every person they reference:
        what a client needs to show a first inbox screen before its full sync has finished."""
        with self._lock:
            rows = self._conn.execute(f"SELECT {TICKET_COLS} FROM tickets ORDER BY updated_at DESC, seq DESC "
                                      "LIMIT ?", (limit,)).fetchall()
            people = self._new_people(rows, 0, 0)
        return [ticket_object(r) for r in rows], people

    def changes_newest(self, top: int | None, low: int | None, limit: int
                       ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, int, bool]:
        """A first sync newest-first: tickets stamped before `low` (and at most `top`), newest first.

        The first page is then the newest tickets, so a new client shows a usable inbox after one
        small answer, and nothing is sent twice. Returns (tickets, people, top, new low, has_more);
        people referenced by earlier pages of the run (tickets in [low, top]) are not repeated.
        """
        with self._lock:
            top = self.latest_seq() if top is None else top
            low = top + 1 if low is None else low
            rows = self._conn.execute(f"SELECT {TICKET_COLS} FROM tickets WHERE seq < ? AND seq <= ? "
                                      "ORDER BY seq DESC LIMIT ?", (low, top, limit + 1)).fetchall()
            rows, more = rows[:limit], len(rows) > limit
            people = [p for p in self._new_people(rows, 0, 0) if not self._served(p, low, top)]
        new_low = rows[-1][-1] if rows else low
        return [ticket_object(r) for r in rows], people, top, new_low, more

    def _served(self, person: dict[str, Any], low: int, top: int) -> bool:
        column = "requester_id" if person["role"] == "customer" else "assignee_id"
        return self._conn.execute(f"SELECT 1 FROM tickets WHERE seq >= ? AND seq <= ? AND {column} = ? LIMIT 1",
                                  (low, top, person["id"])).fetchone() is not None

    def _new_people(self, rows: list[tuple[Any, ...]], base: int, after: int) -> list[dict[str, Any]]:
        """People referenced by `rows` and stamped after `base`, minus those an earlier page of the run sent.

        An earlier page sent person P if a ticket now in (base, after] references P and was stamped
        after P was: that ticket was served after P's last change. So each person travels once per
        run instead of once per page, which matters for a first sync of many tickets.
        """
        out: list[dict[str, Any]] = []
        for table, col, role in (("customers", 6, "customer"), ("agents", 7, "agent")):
            ids = sorted({r[col] for r in rows if r[col] is not None})
            if not ids:
                continue
            marks, org = ", ".join("?" * len(ids)), "organization" if role == "customer" else "NULL"
            found = self._conn.execute(f"SELECT id, name, email, {org}, language, seq FROM {table} "
                                       f"WHERE seq > ? AND id IN ({marks})", (base, *ids)).fetchall()
            if found and after > base:
                column = TICKET_FIELDS[col]
                sent = dict(self._conn.execute(
                    f"SELECT {column}, MAX(seq) FROM tickets WHERE seq > ? AND seq <= ? AND {column} "
                    f"IN ({marks}) GROUP BY {column}", (base, after, *ids)).fetchall())
                found = [p for p in found if sent.get(p[0], 0) < p[-1]]
            out.extend(person_object(tuple(p[:-1]), role) for p in found)
        return out

    def messages(self, ticket_id: str, after: str | None = None, marker: str | None = None
                 ) -> list[dict[str, Any]]:
        """A ticket's thread in creation order, optionally only after a message or with a marker."""
        where, args = "m.ticket_id = ?", [ticket_id]
        with self._lock:
            self._ticket_row(ticket_id)
            if after is not None:
                num = self._scalar("SELECT num FROM messages WHERE id = ? AND ticket_id = ?",
                                   after, ticket_id)
                if num is None:
                    raise bad_request(f"after: ticket {ticket_id} has no message {after}")
                where, args = where + " AND m.num > ?", args + [num]
            if marker is not None:
                where, args = where + " AND m.marker = ?", args + [marker]
            rows = self._conn.execute(f"{MESSAGE_SELECT} WHERE {where} ORDER BY m.num", args).fetchall()
            files = attachments.objects_by_message(self._conn, [r[0] for r in rows])
        # `attachments` only where there are some: most messages have none, and every byte counts.
        return [message_object(r) | ({"attachments": files[r[0]]} if r[0] in files else {}) for r in rows]

    def attachment(self, attachment_id: str) -> tuple[str, str, bytes]:
        """(filename, content type, content) of one attachment; 404 when there is none of that id."""
        with self._lock:
            found = attachments.load(self._conn, attachment_id)
        if found is None:
            raise DemoError(404, "not_found", f"there is no attachment {attachment_id}")
        return found

    def pick_writer(self, rng: random.Random, follow_up_share: float
                    ) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """Who writes next in the simulation: (ticket to follow up, or None for a new one; customer).

        A follow-up goes to one of the 50 most recently changed live tickets (a customer who
        waits writes again, or says thanks); a new ticket may come from any customer. Both come
        in the seed's shapes: the ticket object plus its mood, the customer with phone.
        """
        ticket = None
        with self._lock:
            if rng.random() < follow_up_share:
                rows = self._conn.execute(
                    f"SELECT {TICKET_COLS}, mood FROM tickets WHERE status IN ('new', 'open', 'pending', "
                    "'on_hold', 'solved') ORDER BY seq DESC LIMIT 50").fetchall()
                row = rng.choice(rows) if rows else None
                ticket = None if row is None else ticket_object(row[:-1]) | {"mood": row[-1]}
            if ticket is None:
                where, key = "ORDER BY seq LIMIT 1 OFFSET ?", rng.randrange(self._scalar(
                    "SELECT COUNT(*) FROM customers"))
            else:
                where, key = "WHERE id = ?", ticket["requester_id"]
            row = self._conn.execute(f"SELECT {', '.join(CUSTOMER_KEYS)} FROM customers {where}",
                                     (key,)).fetchone()
        return ticket, dict(zip(CUSTOMER_KEYS, row, strict=True))

    # ---- writes --------------------------------------------------------------------------

    def add_message(self, ticket_id: str, *, author_id: str, role: str, body: Any,
                    visibility: Any = "public", status: Any = None, marker: Any = None,
                    expect_version: str | None = None) -> tuple[dict[str, Any], dict[str, Any], bool]:
        """Add a message and update its ticket in one transaction; returns (ticket, message, created).

        The marker is looked up before the version is checked: the repeat of a write that landed
        carries the version from before that write, and must get the first result, not a conflict.
        """
        body, marker = check_body(body), check_marker(marker)
        check_choice("visibility", visibility, VISIBILITIES)
        if status is not None:
            check_choice("status", status, STATUSES)
        with self._write() as conn:
            row = self._ticket_row(ticket_id)
            if marker is not None:
                found = self._conn.execute(f"{MESSAGE_SELECT} WHERE m.ticket_id = ? AND m.marker = ?",
                                           (ticket_id, marker)).fetchone()
                if found is not None:
                    return ticket_object(row), message_object(found), False
            check_version(expect_version, row)
            at = format_ts(self.now())
            message = self._insert_message(conn, (ticket_id, author_id, role, visibility, body, at, marker))
            ticket = self._after_message(conn, ticket_object(row), role, visibility == "public", status, at)
        return ticket, message, True

    def _insert_message(self, conn: sqlite3.Connection, values: tuple[Any, ...]) -> dict[str, Any]:
        mid = f"m{self._next('message')}"
        conn.execute("INSERT INTO messages (id, ticket_id, author_id, author_role, visibility, body, "
                     "created_at, marker) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (mid, *values))
        row = conn.execute(f"{MESSAGE_SELECT} WHERE m.id = ?", (mid,)).fetchone()
        return message_object(row)

    def _after_message(self, conn: sqlite3.Connection, t: dict[str, Any], role: str, public: bool,
                       status: str | None, at: str | None) -> dict[str, Any]:
        """Apply a new message to its ticket: who spoke last, what is due, and customer reopens."""
        if role == "customer":
            t["status"] = "open" if t["status"] in ("pending", "solved") else t["status"]
            t["due_at"] = t["due_at"] or format_ts(self.now() + SLA[t["priority"]])
            t["last_customer_at"] = at
        elif public:
            t["last_agent_at"], t["due_at"] = at, None
        t["status"] = status or t["status"]
        t["message_count"] += 1
        return self._save(conn, t, at)

    def _save(self, conn: sqlite3.Connection, t: dict[str, Any], at: str | None) -> dict[str, Any]:
        """Write back a changed ticket under a new stamp: a new version and a new place in the feed."""
        seq = self._next("seq")
        t["updated_at"], t["version"] = at, f"v{seq}"
        conn.execute("UPDATE tickets SET status = ?, priority = ?, assignee_id = ?, updated_at = ?, "
                     "due_at = ?, last_customer_at = ?, last_agent_at = ?, message_count = ?, seq = ? "
                     "WHERE id = ?",
                     (t["status"], t["priority"], t["assignee_id"], at, t["due_at"], t["last_customer_at"],
                      t["last_agent_at"], t["message_count"], seq, t["id"]))
        return t

    def update_ticket(self, ticket_id: str, changes: dict[str, Any], expect_version: str | None = None
                      ) -> dict[str, Any]:
        """Change status, priority and/or assignee; a change to nothing keeps the version."""
        if not changes or set(changes) - {"status", "priority", "assignee_id"}:
            raise bad_request("send one or more of status, priority, assignee_id")
        if "status" in changes:
            check_choice("status", changes["status"], STATUSES)
        if "priority" in changes:
            check_choice("priority", changes["priority"], PRIORITIES)
        with self._write() as conn:
            assignee = changes.get("assignee_id")
            if assignee is not None and not self._scalar("SELECT 1 FROM agents WHERE id = ?", assignee):
                raise bad_request(f"assignee_id: there is no agent {assignee}")
            row = self._ticket_row(ticket_id)
            check_version(expect_version, row)
            ticket = ticket_object(row)
            if all(ticket[k] == v for k, v in changes.items()):
                return ticket
            return self._save(conn, ticket | changes, format_ts(self.now()))

    def create_ticket(self, fields: dict[str, Any], body: Any, marker: Any = None
                      ) -> tuple[dict[str, Any], dict[str, Any], bool]:
        """Open a ticket from a customer with its first message; returns (ticket, message, created).

        `fields`: customer_id, subject, channel, and optionally language, priority, tags, mood.
        """
        body, marker = check_body(body), check_marker(marker)
        subject, channel = fields.get("subject"), check_choice("channel", fields.get("channel"), CHANNELS)
        priority = check_choice("priority", fields.get("priority") or "normal", PRIORITIES)
        if not isinstance(subject, str) or not subject.strip():
            raise bad_request("subject must be a non-empty string")
        with self._write() as conn:
            tid = marker and self._scalar("SELECT id FROM tickets WHERE marker = ?", marker)
            if tid:
                return self.ticket(tid), self.messages(tid)[0], False
            customer = self._conn.execute("SELECT language FROM customers WHERE id = ?",
                                          (fields.get("customer_id"),)).fetchone()
            if customer is None:
                raise bad_request(f"customer_id: there is no customer {fields.get('customer_id')}")
            tid, now, requester = str(self._next("ticket")), self.now(), fields["customer_id"]
            at, due = format_ts(now), format_ts(now + SLA[priority])
            tags = json.dumps(list(fields.get("tags") or []), ensure_ascii=False)
            conn.execute(f"INSERT INTO tickets ({TICKET_COLS}, mood, marker) VALUES ({_MARKS_18})", (
                tid, subject, "new", priority, channel, fields.get("language") or customer[0], requester,
                None, at, at, due, at, None, 1, tags, self._next("seq"), fields.get("mood"), marker))
            message = self._insert_message(conn, (tid, requester, "customer", "public", body, at, None))
            return self.ticket(tid), message, True
