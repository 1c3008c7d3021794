"""Provides the demo store's schema: its tables, the API's field lists, row conversion and input checks.

`db.DemoDB` reads and writes through these; `seeding` fills the same tables in bulk. Every refusal is
a `DemoError` that carries the HTTP status and error code the server answers with (docs/api.md).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
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
COUNTER_START = {"seq": 0, "ticket": 1000, "message": 0}
"""The value before the first number each counter hands out."""

TICKET_COLS = ("id, subject, status, priority, channel, language, requester_id, assignee_id, created_at, "
               "updated_at, due_at, last_customer_at, last_agent_at, message_count, tags, seq")
"""The ticket columns in `TICKET_FIELDS` order, with `seq` (the version) last."""
MESSAGE_SELECT = (
    "SELECT m.id, m.ticket_id, m.author_id, m.author_role, COALESCE(c.name, a.name), m.visibility, "
    "m.body, m.created_at, m.marker FROM messages m "
    "LEFT JOIN customers c ON m.author_role = 'customer' AND c.id = m.author_id "
    "LEFT JOIN agents a ON m.author_role = 'agent' AND a.id = m.author_id "
)
"""Selects message rows in `MESSAGE_KEYS` order; the caller appends WHERE and ORDER BY."""
CUSTOMER_KEYS = ("id", "name", "email", "phone", "organization", "language")
MESSAGE_KEYS = ("id", "ticket_id", "author_id", "author_role", "author_name", "visibility", "body",
                "created_at", "marker")
TABLES = """
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
CREATE TABLE IF NOT EXISTS attachments (id TEXT PRIMARY KEY, message_id TEXT NOT NULL,
    filename TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL, kind TEXT NOT NULL,
    seed INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS attachments_message ON attachments(message_id);
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


def real_now() -> datetime:
    """The wall clock in UTC, the default clock of a live demo."""
    return datetime.now(timezone.utc)


def ticket_object(row: tuple[Any, ...]) -> dict[str, Any]:
    """The API's ticket object from a row of `TICKET_COLS`."""
    out = dict(zip(TICKET_FIELDS[:-1], row[:-1], strict=True))
    out["tags"] = json.loads(out["tags"])
    out["version"] = f"v{row[-1]}"
    return out


def person_object(row: tuple[Any, ...], role: str) -> dict[str, Any]:
    """The API's person object from (id, name, email, organization, language)."""
    pid, name, email, organization, language = row
    return {"id": pid, "role": role, "name": name, "email": email, "organization": organization,
            "language": language}


def message_object(row: tuple[Any, ...]) -> dict[str, Any]:
    """The API's message object from a row of `MESSAGE_SELECT`."""
    return dict(zip(MESSAGE_KEYS, row, strict=True))


def check_body(body: Any) -> str:
    """A message body: a non-blank string of at most 1 MiB (UTF-8)."""
    if not isinstance(body, str) or not body.strip():
        raise bad_request("body must be a non-empty string")
    if len(body) > MAX_BODY_BYTES // 4 and len(body.encode("utf-8")) > MAX_BODY_BYTES:
        raise DemoError(413, "too_large", "message bodies are limited to 1 MiB")
    return body


def check_marker(marker: Any) -> str | None:
    """A client marker: None, or a string of 1 to `MAX_MARKER` characters."""
    if marker is not None and (not isinstance(marker, str) or not 0 < len(marker) <= MAX_MARKER):
        raise bad_request(f"marker must be a string of 1 to {MAX_MARKER} characters")
    return marker


def check_choice(name: str, value: Any, allowed: frozenset[str]) -> str:
    """One of the allowed values of a field, or a 400 naming them."""
    if value not in allowed:
        raise bad_request(f"{name} must be one of: {', '.join(sorted(allowed))}")
    return str(value)


def check_version(expect: str | None, row: tuple[Any, ...]) -> None:
    """Refuse a write based on an older version (`If-Match`); `*` or no header matches anything."""
    if expect is None or expect.strip() == "*":
        return
    if expect.strip().removeprefix("W/").strip('"') != f"v{row[-1]}":
        raise DemoError(412, "conflict", "the ticket changed since that version", ticket_object(row))
