"""Provides the events the sync engine reports, as immutable values (ids, counts, messages).

The engine knows nothing about Textual: it calls `on_event(event)`, and the app wraps the event in a
Textual message. Receivers re-read the store; events never carry live objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TicketsChanged:
    """Tickets in the cache changed (pulled from the helpdesk, or a local action)."""

    ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class ThreadChanged:
    """A ticket's cached thread changed."""

    ticket_id: str


@dataclass(frozen=True, slots=True)
class OutboxChanged:
    """An outbox item changed state; `pending` counts items not yet delivered."""

    pending: int
    ticket_id: str | None = None
    problem: str | None = None
    """A plain sentence when an item failed or met a conflict."""


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """How the link is: after every cycle, so the status bar can say it."""

    online: bool
    message: str
    meter: dict[str, int] = field(default_factory=dict)


SYNCED = "Synced"
"""The status after a good cycle (the status bar translates it; tools/i18n.py puts it in the catalogue)."""


SyncEvent = TicketsChanged | ThreadChanged | OutboxChanged | SyncStatus


@dataclass
class SyncReport:
    """What one sync cycle moved; printed by `supportterm sync --json`."""

    requests: int = 0
    bytes_out: int = 0
    bytes_in: int = 0
    tickets_changed: int = 0
    messages_changed: int = 0
    outbox_delivered: int = 0
    outbox_failed: int = 0
    outbox_conflicts: int = 0
    online: bool = True
    error: str | None = None
    retry_after: float | None = None
    """Seconds the helpdesk asked us to wait (429/503 Retry-After)."""
    rate_reset_s: float | None = None
    """Seconds until the rate-limit window resets, when the quota is (nearly) used up."""
