"""Provides factories of domain objects with sensible defaults, so a test states only what matters.

Times are fixed (`T0` plus minutes), never the wall clock, so results do not depend on when tests run.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from typing import Any

from supportterm.domain.models import (
    Channel,
    Message,
    Person,
    Priority,
    Role,
    Status,
    Ticket,
    Visibility,
)

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
"""A Monday morning; every factory time is an offset from it."""

_ids = itertools.count(1)


def at(minutes: float) -> datetime:
    """`T0` plus `minutes`."""
    return T0 + timedelta(minutes=minutes)


def make_ticket(id: str | None = None, **overrides: Any) -> Ticket:  # noqa: A002 - mirrors Ticket.id
    """A ticket: open, normal priority, by e-mail, from customer c1, waiting for a reply."""
    fields: dict[str, Any] = dict(
        id=id or str(next(_ids)),
        subject="Cannot log in",
        status=Status.OPEN,
        priority=Priority.NORMAL,
        channel=Channel.EMAIL,
        requester_id="c1",
        created_at=T0,
        updated_at=T0,
        language="en",
        version="v1",
        last_customer_at=T0,
        message_count=1,
    )
    fields.update(overrides)
    return Ticket(**fields)


def make_message(ticket_id: str = "1", id: str | None = None, **overrides: Any) -> Message:  # noqa: A002
    """A public customer message on `ticket_id`."""
    fields: dict[str, Any] = dict(
        id=id or f"m{next(_ids)}",
        ticket_id=ticket_id,
        author_id="c1",
        author_role=Role.CUSTOMER,
        visibility=Visibility.PUBLIC,
        body="Hello, I cannot log in since this morning.",
        created_at=T0,
        author_name="Customer One",
    )
    fields.update(overrides)
    return Message(**fields)


def make_person(id: str = "c1", **overrides: Any) -> Person:  # noqa: A002
    """A customer person record."""
    fields: dict[str, Any] = dict(id=id, name="Customer One", role=Role.CUSTOMER, email=f"{id}@example.com")
    fields.update(overrides)
    return Person(**fields)
