"""Provides the demo helpdesk's storage: one SQLite file (WAL) with agents, customers, tickets, messages.

Every change to a ticket or a person stamps the next value of one change sequence (`seq`), so
`/changes` is a single indexed range scan and a ticket's version token is simply `v<seq>`.
The HTTP server's threads share one connection behind a lock: the demo serves one client or one
benchmark at a time, so serialising SQLite costs little and keeps every write one short transaction.
Called by `server.py` (requests) and `simulator.py` (customers who keep writing).
"""

from __future__ import annotations

import json
import random
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from supportterm.domain.models import Channel, Priority, Status, Visibility, utc

TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
MAX_BODY_BYTES = 1 << 20
"""A message body over 1 MiB (UTF-8) is refused with 413: no real reply is that long."""
MAX_MARKER = 100
STATUSES = frozenset(s.value for s in Status)
PRIORITIES = frozenset(p.value for p in Priority)
CHANNELS = frozenset(c.value for c in Channel)
VISIBILITIES = frozenset(v.value for v in Visibility)
TICKET_FIELDS = (
    "id", "subject", "status", "priority", "channel", "language", "requester_id", "assignee_id",
    "created_at", "updated_at", "due_at", "last_customer_at", "last_agent_at", "message_count",
    "tags", "version",
)
SLA = {"urgent": timedelta(hours=1), "high": timedelta(hours=4), "normal": timedelta(hours=8),
       "low": timedelta(hours=24)}
"""Time to the next response once a customer writes; drives `due_at`."""
_COUNTER_START = {"seq": 0, "ticket": 1000, "message": 0}
_MARKS_18 = ", ".join("?" * 18)

_TICKET_COLS = ("id, subject, status, priority, channel, language, requester_id, assignee_id, created_at, "
                "updated_at, due_at, last_customer_at, last_agent_at, message_count, tags, seq")
_SQL_TS = "strftime('%Y-%m-%dT%H:%M:%SZ', ?, 'unixepoch')"
_MESSAGE_SELECT = (
    "SELECT m.id, m.ticket_id, m.author_id, m.author_role, COALESCE(c.name, a.name), m.visibility, "
    "m.body, m.created_at, m.marker FROM messages m "
    "LEFT JOIN customers c ON m.author_role = 'customer' AND c.id = m.author_id "
    "LEFT JOIN agents a ON m.author_role = 'agent' AND a.id = m.author_id "
)
_CUSTOMER_KEYS = ("id", "name", "email", "phone", "organization", "language")
_MESSAGE_KEYS = ("id", "ticket_id", "author_id", "author_role", "author_name", "visibility", "body",
                 "created_at", "marker")
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agents (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    email TEXT, language TEXT, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS customers (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT, phone TEXT,
    organization TEXT, language TEXT, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, subject TEXT NOT NULL, status TEXT NOT NULL,
    priority TEXT NOT NULL, channel TEXT NOT NULL, language TEXT, requester_id TEXT NOT NULL,
    assignee_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, due_at TEXT,
    last_customer_at TEXT, last_agent_at TEXT, message_count INTEGER NOT NULL, tags TEXT NOT NULL,
    mood TEXT, marker TEXT UNIQUE, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    ticket_id TEXT NOT NULL, author_id TEXT NOT NULL, author_role TEXT NOT NULL,
    visibility TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, marker TEXT);
"""
# Indexes are built after the bulk seed: one sorted build is several times faster than 100k inserts.
_INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS tickets_seq ON tickets(seq);
CREATE INDEX IF NOT EXISTS tickets_requester ON tickets(requester_id, seq);
CREATE INDEX IF NOT EXISTS tickets_assignee ON tickets(assignee_id, seq);
CREATE INDEX IF NOT EXISTS messages_ticket ON messages(ticket_id, num);
CREATE UNIQUE INDEX IF NOT EXISTS messages_marker ON messages(ticket_id, marker) WHERE marker IS NOT NULL;
"""


class DemoError(Exception):
    """A request the demo refuses, with the HTTP status and error code the server answers with.

    `ticket` is the current ticket on a 412, so the client can merge instead of asking again.
    """

    def __init__(self, status: int, code: str, message: str, ticket: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.ticket = status, code, message, ticket


def bad_request(message: str) -> DemoError:
    """A 400: the request itself is wrong."""
    return DemoError(400, "bad_request", message)


def format_ts(dt: datetime | None) -> str | None:
    """Format as the API's UTC timestamp; the store keeps this text so reads need no conversion."""
    return None if dt is None else utc(dt).strftime(TIME_FORMAT)


def _epoch(dt: datetime) -> float:
    """Epoch seconds; a naive datetime is UTC (as `utc()` says), not local time."""
    return (dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)).timestamp()


def real_now() -> datetime:
    """The wall clock in UTC, the default clock of a live demo."""
    return datetime.now(timezone.utc)


def _ticket(row: tuple[Any, ...]) -> dict[str, Any]:
    out = dict(zip(TICKET_FIELDS[:-1], row[:-1], strict=True))
    out["tags"] = json.loads(out["tags"])
    out["version"] = f"v{row[-1]}"
    return out


def _person(row: tuple[Any, ...], role: str) -> dict[str, Any]:
    pid, name, email, organization, language = row
    return {"id": pid, "role": role, "name": name, "email": email, "organization": organization,
            "language": language}


def _check_body(body: Any) -> str:
    if not isinstance(body, str) or not body.strip():
        raise bad_request("body must be a non-empty string")
    if len(body) > MAX_BODY_BYTES // 4 and len(body.encode("utf-8")) > MAX_BODY_BYTES:
        raise DemoError(413, "too_large", "message bodies are limited to 1 MiB")
    return body


def _check_marker(marker: Any) -> str | None:
    if marker is not None and (not isinstance(marker, str) or not 0 < len(marker) <= MAX_MARKER):
        raise bad_request(f"marker must be a string of 1 to {MAX_MARKER} characters")
    return marker


def _check_choice(name: str, value: Any, allowed: frozenset[str]) -> str:
    if value not in allowed:
        raise bad_request(f"{name} must be one of: {', '.join(sorted(allowed))}")
    return str(value)


def _check_version(expect: str | None, row: tuple[Any, ...]) -> None:
    """Refuse a write based on an older version (`If-Match`); `*` or no header matches anything."""
    if expect is None or expect.strip() == "*":
        return
    if expect.strip().removeprefix("W/").strip('"') != f"v{row[-1]}":
        raise DemoError(412, "conflict", "the ticket changed since that version", _ticket(row))


class DemoDB:
    """The demo helpdesk's data; every method is safe to call from any thread."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = real_now) -> None:
        self._clock = clock
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_TABLES)
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
        self._counters[counter] = self._counters.get(counter, _COUNTER_START[counter]) + 1
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
            self._conn.executescript(_INDEXES)
        self.epoch = self._scalar("SELECT value FROM meta WHERE key = 'epoch'") or ""
        return not seeded

    def seed(self, n_tickets: int, seed: int, now: datetime | None = None) -> None:
        """Fill the empty database from `seed.generate`, shifted so the newest event is `now`.

        The shift makes a demo started today look live while the data stays deterministic
        for a given seed; `now` defaults to the demo clock.
        """
        from supportterm.demo.seed import generate  # only a first start needs the generator

        data = generate(n_tickets, seed, now)
        target = utc(now or self.now()).replace(microsecond=0)
        newest = max([t["updated_at"] for t in data.tickets] + [m["created_at"] for m in data.messages],
                     default=target)
        shift = (target - utc(newest)).total_seconds()
        with self._write() as conn:
            if self.is_seeded():  # another process seeded the file meanwhile
                return
            self._insert_people(conn, data.agents, data.customers)
            self._insert_seed_tickets(conn, data.tickets, data.messages, shift)
            numbers = [int(t["id"]) for t in data.tickets if str(t["id"]).isdigit()]
            self._counters["ticket"] = max(numbers, default=_COUNTER_START["ticket"])
            conn.executemany("INSERT INTO meta VALUES (?, ?)",
                             [("seeded", "1"), ("epoch", secrets.token_hex(3))])

    def _insert_people(self, conn: sqlite3.Connection, agents: list[dict[str, Any]],
                       customers: list[dict[str, Any]]) -> None:
        conn.executemany("INSERT INTO agents VALUES (?, ?, ?, ?, ?, ?)", [
            (a["id"], a["login"], a["name"], a.get("email"), a.get("language"), self._next("seq"))
            for a in agents])
        conn.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)", [
            (c["id"], c["name"], c.get("email"), c.get("phone"), c.get("organization"),
             c.get("language"), self._next("seq")) for c in customers])

    def _insert_seed_tickets(self, conn: sqlite3.Connection, tickets: list[dict[str, Any]],
                             messages: list[dict[str, Any]], shift: float) -> None:
        """Insert messages in time order, then tickets stamped in `updated_at` order (oldest change first).

        Times travel as epoch seconds and SQLite formats them: Python's strftime would cost
        seconds at 100k tickets.
        """
        stats: dict[str, list[Any]] = {}  # ticket id -> [count, last customer at, last agent at]
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
        self._counters["message"] = max([int(r[0][1:]) for r in rows if r[0][1:].isdigit()] + [len(rows)])
        tags: dict[tuple[str, ...], str] = {}  # few distinct tag lists: encode each once
        conn.executemany(f"INSERT INTO tickets ({_TICKET_COLS}, mood) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                         f"{', '.join([_SQL_TS] * 5)}, ?, ?, ?, ?)", [
            (t["id"], t["subject"], t["status"], t["priority"], t["channel"], t.get("language"),
             t["requester_id"], t.get("assignee_id"), _epoch(t["created_at"]) + shift,
             _epoch(t["updated_at"]) + shift, t["due_at"] and _epoch(t["due_at"]) + shift,
             *stats.get(t["id"], (0, None, None))[1:], stats.get(t["id"], (0,))[0],
             tags.get(tuple(t["tags"])) or tags.setdefault(tuple(t["tags"]), json.dumps(t["tags"])),
             self._next("seq"), t.get("mood"))
            for t in sorted(tickets, key=lambda t: t["updated_at"])])

    # ---- reads ---------------------------------------------------------------------------

    def agents_by_login(self) -> dict[str, dict[str, Any]]:
        """Agent person objects by login, for the server's token table (`demo-<login>`)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT login, id, name, email, NULL, language FROM agents ORDER BY seq").fetchall()
        return {r[0]: _person(r[1:], "agent") for r in rows}

    def ticket(self, ticket_id: str) -> dict[str, Any]:
        """One ticket object; 404 if unknown."""
        with self._lock:
            return _ticket(self._ticket_row(ticket_id))

    def _ticket_row(self, ticket_id: str) -> tuple[Any, ...]:
        row = self._conn.execute(f"SELECT {_TICKET_COLS} FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
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
            rows = self._conn.execute(f"SELECT {_TICKET_COLS} FROM tickets WHERE seq > ? ORDER BY seq "
                                      "LIMIT ?", (after, limit + 1)).fetchall()
            rows, more = rows[:limit], len(rows) > limit
            people = self._new_people(rows, base, after)
            latest = self.latest_seq()
        last = rows[-1][-1] if rows else after
        return [_ticket(r) for r in rows], people, last, more, latest

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
            out.extend(_person(tuple(p[:-1]), role) for p in found)
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
            rows = self._conn.execute(f"{_MESSAGE_SELECT} WHERE {where} ORDER BY m.num", args).fetchall()
        return [dict(zip(_MESSAGE_KEYS, r, strict=True)) for r in rows]

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
                    f"SELECT {_TICKET_COLS}, mood FROM tickets WHERE status IN ('new', 'open', 'pending', "
                    "'on_hold', 'solved') ORDER BY seq DESC LIMIT 50").fetchall()
                row = rng.choice(rows) if rows else None
                ticket = None if row is None else _ticket(row[:-1]) | {"mood": row[-1]}
            if ticket is None:
                where, key = "ORDER BY seq LIMIT 1 OFFSET ?", rng.randrange(self._scalar(
                    "SELECT COUNT(*) FROM customers"))
            else:
                where, key = "WHERE id = ?", ticket["requester_id"]
            row = self._conn.execute(f"SELECT {', '.join(_CUSTOMER_KEYS)} FROM customers {where}",
                                     (key,)).fetchone()
        return ticket, dict(zip(_CUSTOMER_KEYS, row, strict=True))

    # ---- writes --------------------------------------------------------------------------

    def add_message(self, ticket_id: str, *, author_id: str, role: str, body: Any,
                    visibility: Any = "public", status: Any = None, marker: Any = None,
                    expect_version: str | None = None) -> tuple[dict[str, Any], dict[str, Any], bool]:
        """Add a message and update its ticket in one transaction; returns (ticket, message, created).

        The marker is looked up before the version is checked: the repeat of a write that landed
        carries the version from before that write, and must get the first result, not a conflict.
        """
        body, marker = _check_body(body), _check_marker(marker)
        _check_choice("visibility", visibility, VISIBILITIES)
        if status is not None:
            _check_choice("status", status, STATUSES)
        with self._write() as conn:
            row = self._ticket_row(ticket_id)
            if marker is not None:
                found = self._conn.execute(f"{_MESSAGE_SELECT} WHERE m.ticket_id = ? AND m.marker = ?",
                                           (ticket_id, marker)).fetchone()
                if found is not None:
                    return _ticket(row), dict(zip(_MESSAGE_KEYS, found, strict=True)), False
            _check_version(expect_version, row)
            at = format_ts(self.now())
            message = self._insert_message(conn, (ticket_id, author_id, role, visibility, body, at, marker))
            ticket = self._after_message(conn, _ticket(row), role, visibility == "public", status, at)
        return ticket, message, True

    def _insert_message(self, conn: sqlite3.Connection, values: tuple[Any, ...]) -> dict[str, Any]:
        mid = f"m{self._next('message')}"
        conn.execute("INSERT INTO messages (id, ticket_id, author_id, author_role, visibility, body, "
                     "created_at, marker) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (mid, *values))
        row = conn.execute(f"{_MESSAGE_SELECT} WHERE m.id = ?", (mid,)).fetchone()
        return dict(zip(_MESSAGE_KEYS, row, strict=True))

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
            _check_choice("status", changes["status"], STATUSES)
        if "priority" in changes:
            _check_choice("priority", changes["priority"], PRIORITIES)
        with self._write() as conn:
            assignee = changes.get("assignee_id")
            if assignee is not None and not self._scalar("SELECT 1 FROM agents WHERE id = ?", assignee):
                raise bad_request(f"assignee_id: there is no agent {assignee}")
            row = self._ticket_row(ticket_id)
            _check_version(expect_version, row)
            ticket = _ticket(row)
            if all(ticket[k] == v for k, v in changes.items()):
                return ticket
            return self._save(conn, ticket | changes, format_ts(self.now()))

    def create_ticket(self, fields: dict[str, Any], body: Any, marker: Any = None
                      ) -> tuple[dict[str, Any], dict[str, Any], bool]:
        """Open a ticket from a customer with its first message; returns (ticket, message, created).

        `fields`: customer_id, subject, channel, and optionally language, priority, tags, mood.
        """
        body, marker = _check_body(body), _check_marker(marker)
        subject, channel = fields.get("subject"), _check_choice("channel", fields.get("channel"), CHANNELS)
        priority = _check_choice("priority", fields.get("priority") or "normal", PRIORITIES)
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
            conn.execute(f"INSERT INTO tickets ({_TICKET_COLS}, mood, marker) VALUES ({_MARKS_18})", (
                tid, subject, "new", priority, channel, fields.get("language") or customer[0], requester,
                None, at, at, due, at, None, 1, tags, self._next("seq"), fields.get("mood"), marker))
            message = self._insert_message(conn, (tid, requester, "customer", "public", body, at, None))
            return self.ticket(tid), message, True
