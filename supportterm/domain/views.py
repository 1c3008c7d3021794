"""Provides inbox views: named, saved filters over the ticket cache (gh-dash "sections").

A view is data, not SQL, so it can come from config and be tested without a database; the store
turns it into a query.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportterm.domain.models import Status

ACTIVE = (Status.NEW, Status.OPEN, Status.ON_HOLD)


@dataclass(frozen=True, slots=True)
class View:
    """A saved filter of the inbox."""

    id: str
    title: str
    statuses: tuple[Status, ...] = ()
    """Only tickets in these states; empty means any state."""
    assignee: str | None = None
    """"me" for the signed-in agent, "none" for unassigned, None for anyone."""
    awaiting_only: bool = False
    """Only tickets whose customer spoke last (they wait for us)."""


DEFAULT_VIEWS: tuple[View, ...] = (
    View("open", "All open", statuses=ACTIVE),
    View("mine", "Mine", statuses=ACTIVE, assignee="me"),
    View("unassigned", "Unassigned", statuses=ACTIVE, assignee="none"),
    View("awaiting", "Awaiting reply", statuses=ACTIVE + (Status.PENDING,), awaiting_only=True),
    View("pending", "Pending", statuses=(Status.PENDING,)),
    View("all", "All"),
)
