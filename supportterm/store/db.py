"""Provides the local SQLite store: connection setup, schema migrations and the profile lock.

One `Store` per profile. It holds a single writer connection, guarded by a lock, which the sync engine
and the UI's intent workers share; the UI reads windows through `reader()` connections, which WAL lets
run beside the writer without blocking it.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from supportterm.errors import StoreLockedError
from supportterm.store import search

T = TypeVar("T")

_SCHEMA_V1 = """
CREATE TABLE people (
    id TEXT PRIMARY KEY, role TEXT NOT NULL, name TEXT NOT NULL,
    email TEXT, organization TEXT, language TEXT
);
CREATE TABLE tickets (
    id TEXT PRIMARY KEY, subject TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL,
    priority_rank INTEGER NOT NULL, channel TEXT NOT NULL, language TEXT,
    requester_id TEXT NOT NULL, assignee_id TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, due_at TEXT, version TEXT,
    last_customer_at TEXT, last_agent_at TEXT, message_count INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '', awaiting INTEGER NOT NULL DEFAULT 0,
    thread_synced INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_by_update ON tickets (updated_at DESC, id);
CREATE INDEX tickets_by_status ON tickets (status, updated_at DESC);
CREATE INDEX tickets_by_assignee ON tickets (assignee_id, updated_at DESC);
CREATE TABLE messages (
    id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, author_id TEXT NOT NULL,
    author_role TEXT NOT NULL, author_name TEXT, visibility TEXT NOT NULL, body TEXT NOT NULL,
    created_at TEXT NOT NULL, marker TEXT, outbox_id INTEGER
);
CREATE INDEX messages_by_ticket ON messages (ticket_id, created_at, id);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id TEXT NOT NULL, kind TEXT NOT NULL,
    payload TEXT NOT NULL, marker TEXT NOT NULL UNIQUE, expect_version TEXT,
    state TEXT NOT NULL DEFAULT 'queued', error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (state, id);
CREATE TABLE drafts (
    ticket_id TEXT PRIMARY KEY, visibility TEXT NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_SCHEMA_SHIFT = """
CREATE TABLE shift_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, shift_id INTEGER NOT NULL, kind TEXT NOT NULL,
    at TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX shift_events_by_shift ON shift_events (shift_id, id);
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id TEXT NOT NULL, due_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '', done INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, done_at TEXT
);
CREATE INDEX follow_ups_by_due ON follow_ups (done, due_at);
CREATE TABLE handoff_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, shift_id INTEGER NOT NULL UNIQUE, body TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, seen_at TEXT, posted_ticket_id TEXT
);
"""
"""Shift log (issue 6): shift clock events, follow-up reminders, hand-off notes (store/shift.py)."""

_REQUESTER_INDEX = "CREATE INDEX tickets_by_requester ON tickets (requester_id, updated_at DESC);"
"""For the customer panel: a customer's other tickets without a table scan."""

_INBOX_INDEXES = """
CREATE INDEX tickets_inbox_order ON tickets (updated_at DESC, id DESC, status, priority, assignee_id, awaiting);
CREATE INDEX tickets_view_counts ON tickets (status, awaiting, priority, assignee_id);
"""
"""Inbox windows walk an index in display order instead of sorting the whole view for every page, and
view counts read only an index (benchmarks/keys.py: page reads 59-186 ms -> 2-20 ms at 100k)."""

_ATTACHMENTS = """
CREATE TABLE attachments (
    message_id TEXT NOT NULL, id TEXT NOT NULL, ticket_id TEXT NOT NULL, filename TEXT NOT NULL,
    size INTEGER, content_type TEXT, locator TEXT, position INTEGER NOT NULL,
    PRIMARY KEY (message_id, id)
);
CREATE INDEX attachments_by_ticket ON attachments (ticket_id);
"""
"""Attachment metadata (never content), written with its message and read with the thread."""

MIGRATIONS: tuple[str, ...] = (
    _SCHEMA_V1, search.SCHEMA, _SCHEMA_SHIFT, _REQUESTER_INDEX, _INBOX_INDEXES, _ATTACHMENTS,
)
"""Schema steps in order; `PRAGMA user_version` records how many have run. Append, never edit."""


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a connection with the pragmas every connection needs (WAL, busy timeout)."""
    if readonly:
        # as_uri() percent-encodes the path: a raw '#' or '?' would cut it short and open another file.
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=5000")
    conn.row_factory = sqlite3.Row
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; returns the version reached."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for step, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={step};\nCOMMIT;")
    return len(MIGRATIONS)


class Store:
    """One profile's cache: the UI's only source of tickets, and home of outbox and drafts."""

    def __init__(self, path: Path, *, lock: bool = True) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock_file = _take_profile_lock(path) if lock else None
        self._conn = connect(path)
        os.chmod(path, 0o600)
        migrate(self._conn)
        self._write_lock = threading.RLock()
        self._read_lock = threading.Lock()
        self._busy_readers: set[sqlite3.Connection] = set()
        """Connections lent by busy_reader(), so interrupt_readers can stop their queries at exit."""
        self._read_conn: sqlite3.Connection | None = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block as one write transaction on the writer connection."""
        with self._write_lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read on the store's own read connection.

        Never on the writer: a read from the UI thread (shift bar tick, palette search) must not
        wait behind the writer lock while sync writes a 2,000-ticket page; WAL lets both proceed.
        """
        with self._read_lock:
            if self._read_conn is None:
                self._read_conn = connect(self.path, readonly=True)
            return fn(self._read_conn)

    def reader(self) -> sqlite3.Connection:
        """A new read connection for a UI thread; WAL lets it read while sync writes."""
        return connect(self.path, readonly=True)

    @contextmanager
    def busy_reader(self) -> Iterator[sqlite3.Connection]:
        """A read connection for long queries in a thread worker (view counts at 100k), closed after;
        `interrupt_readers` can abort it, so quitting never waits for a count to finish."""
        conn = connect(self.path, readonly=True)
        self._busy_readers.add(conn)
        try:
            yield conn
        finally:
            self._busy_readers.discard(conn)
            conn.close()

    def interrupt_readers(self) -> None:
        """Abort whatever runs on `busy_reader` connections (the worker sees OperationalError)."""
        for conn in list(self._busy_readers):
            conn.interrupt()

    def close(self) -> None:
        """Close the writer and release the profile lock."""
        with self._write_lock:
            self._conn.close()
        with self._read_lock:
            if self._read_conn is not None:
                self._read_conn.close()
                self._read_conn = None
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None


def _take_profile_lock(path: Path) -> object:
    """Hold an exclusive lock beside the database so a second instance is refused, not corrupting."""
    handle = open(path.with_suffix(".lock"), "a+")  # noqa: SIM115 - held for the store's life
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise StoreLockedError(
            f"Another supportterm is already using {path.name}. Close it first, "
            "or use another profile."
        ) from None
    return handle
