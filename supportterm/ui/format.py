"""Provides short cell texts for tickets: ages, SLA countdowns, labels. Pure functions of values."""

from __future__ import annotations

from datetime import datetime

from supportterm.domain.models import Channel, Priority, Status
from supportterm.ui import durations

CHANNEL_LABEL = {
    Channel.EMAIL: "mail", Channel.PHONE: "phone", Channel.WEB: "web", Channel.CHAT: "chat",
    Channel.FORUM: "forum",
}
PRIORITY_LABEL = {Priority.URGENT: "URG", Priority.HIGH: "high", Priority.NORMAL: "norm", Priority.LOW: "low"}
STATUS_LABEL = {
    Status.NEW: "new", Status.OPEN: "open", Status.PENDING: "pending", Status.ON_HOLD: "hold",
    Status.SOLVED: "solved", Status.CLOSED: "closed",
}


def span(seconds: float) -> str:
    """A compact duration: 45s, 12m, 5h, 3d (in the agent's language)."""
    return durations.span(seconds)


def age(then: datetime, now: datetime) -> str:
    """How long ago, e.g. "12m"."""
    return span((now - then).total_seconds())


def due(due_at: datetime | None, now: datetime) -> str:
    """SLA countdown: "in 40m", or "-2h" when breached, empty when none."""
    if due_at is None:
        return ""
    left = (due_at - now).total_seconds()
    return f"{span(left)}" if left >= 0 else f"-{span(left)}"
