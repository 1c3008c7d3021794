"""Provides the domain types every layer speaks: tickets, messages, people and their enums.

Pure Python: no I/O, no Textual, no httpx. Timestamps are timezone-aware UTC; ids are strings,
because every helpdesk numbers things differently.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timezone

ESCALATION_PREFIX = "[Escalation] "
"""Starts every escalation's internal note, so the shift summary can count escalations."""


class Status(enum.StrEnum):
    """Where a ticket is in its life; the order is the usual workflow order."""

    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    ON_HOLD = "on_hold"
    SOLVED = "solved"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        """Whether the ticket still needs something from support."""
        return self in (Status.NEW, Status.OPEN, Status.ON_HOLD)


class Priority(enum.StrEnum):
    """How urgent a ticket is; `rank` orders them (urgent first)."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        """0 for urgent up to 3 for low, so an ascending sort puts urgent first."""
        return (Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW).index(self)


class Channel(enum.StrEnum):
    """How the customer reached us. Every channel counts: none may be ignored."""

    EMAIL = "email"
    PHONE = "phone"
    WEB = "web"
    CHAT = "chat"
    FORUM = "forum"


class Visibility(enum.StrEnum):
    """Who can read a message: the customer (public) or only the team (internal)."""

    PUBLIC = "public"
    INTERNAL = "internal"


class Role(enum.StrEnum):
    """Which side of the conversation a person is on."""

    CUSTOMER = "customer"
    AGENT = "agent"


def utc(dt: datetime) -> datetime:
    """Return `dt` as an aware UTC datetime; naive values are taken to be UTC already."""
    if dt.tzinfo is timezone.utc:
        return dt
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def parse_time(text: str | None) -> datetime | None:
    """Parse an ISO 8601 timestamp (with `Z` or an offset) into aware UTC, or None.

    Python 3.11 reads `Z` itself and gives `timezone.utc`, which `utc` returns as is: an inbox page
    parses five times per row, and this path is a third of the old replace-then-convert one."""
    if not text:
        return None
    try:
        return utc(datetime.fromisoformat(text))
    except ValueError:
        return utc(datetime.fromisoformat(text.replace("Z", "+00:00")))


def format_time(dt: datetime | None) -> str | None:
    """Format an aware datetime as ISO 8601 UTC with a `Z`, second precision."""
    if dt is None:
        return None
    return utc(dt).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class Person:
    """A customer or an agent, as the helpdesk knows them."""

    id: str
    name: str
    role: Role
    email: str | None = None
    organization: str | None = None
    language: str | None = None
    """ISO 639-1 code of the language the person writes in, when known."""


@dataclass(frozen=True, slots=True)
class Ticket:
    """One ticket's list fields: what the inbox needs, without the thread."""

    id: str
    subject: str
    status: Status
    priority: Priority
    channel: Channel
    requester_id: str
    created_at: datetime
    updated_at: datetime
    language: str | None = None
    assignee_id: str | None = None
    due_at: datetime | None = None
    """When the next response is due (SLA), if the helpdesk says."""
    version: str | None = None
    """The server's concurrency token; sent back with changes so a stale edit is refused."""
    last_customer_at: datetime | None = None
    """When the customer last wrote; newer than `last_agent_at` means they wait for us."""
    last_agent_at: datetime | None = None
    """When an agent last wrote publicly."""
    message_count: int = 0
    tags: tuple[str, ...] = ()

    @property
    def awaiting_reply(self) -> bool:
        """True when the customer's last public word has not been answered yet."""
        if self.last_customer_at is None:
            return False
        return self.last_agent_at is None or self.last_customer_at > self.last_agent_at


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that came with a message: listed with the thread, its content fetched only on demand.

    `filename` is the sender's choice and so hostile input: show it through `one_line`, save it under
    `domain.attachments.safe_filename`.
    """

    id: str
    message_id: str
    filename: str
    size: int | None = None
    """Bytes, when the helpdesk says; shown beside the name and checked against the download cap."""
    content_type: str | None = None
    locator: str | None = None
    """Whatever else the adapter needs to fetch the content (a URL or a path); opaque to other layers."""


@dataclass(frozen=True, slots=True)
class Message:
    """One entry of a ticket's thread: a public reply or an internal note."""

    id: str
    ticket_id: str
    author_id: str
    author_role: Role
    visibility: Visibility
    body: str
    created_at: datetime
    author_name: str | None = None
    marker: str | None = None
    """Client idempotency marker, set when supportterm sent it; lets a lost reply be found."""
    attachments: tuple[Attachment, ...] = ()
    """Files that came with the message (metadata only)."""


@dataclass(frozen=True, slots=True)
class TicketPatch:
    """Fields an agent changes on a ticket; None means "leave as is"."""

    status: Status | None = None
    priority: Priority | None = None
    assignee_id: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The fields that are set, as plain strings (for JSON and the outbox)."""
        out: dict[str, str] = {}
        if self.status is not None:
            out["status"] = self.status.value
        if self.priority is not None:
            out["priority"] = self.priority.value
        if self.assignee_id is not None:
            out["assignee_id"] = self.assignee_id
        return out

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> TicketPatch:
        """Inverse of `as_dict`."""
        return cls(
            status=Status(data["status"]) if "status" in data else None,
            priority=Priority(data["priority"]) if "priority" in data else None,
            assignee_id=data.get("assignee_id"),
        )


@dataclass(frozen=True, slots=True)
class ReplyDraft:
    """A reply or note on its way out, plus an optional status change sent with it."""

    body: str
    visibility: Visibility = Visibility.PUBLIC
    new_status: Status | None = None


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """One page of changes from `changes_since`: tickets, the people they mention, the next cursor."""

    tickets: tuple[Ticket, ...]
    people: tuple[Person, ...] = ()
    cursor: str | None = None
    """Where the next call starts; None when the backend cannot resume."""
    has_more: bool = False
    not_modified: bool = False
    """True when the server said nothing changed (HTTP 304): nothing to write."""


@dataclass(frozen=True, slots=True)
class Agent:
    """The signed-in agent, from `whoami`."""

    id: str
    name: str
    email: str | None = None


@dataclass(frozen=True, slots=True)
class CannedReply:
    """A reply template; from the local library or a helpdesk's macros."""

    id: str
    title: str
    body: str
    language: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
