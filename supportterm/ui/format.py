"""Provides short cell texts for tickets: ages, SLA countdowns, labels. Pure functions of values."""

from __future__ import annotations

from datetime import datetime

from supportterm.domain.models import Channel, Priority, Status
from supportterm.i18n import _, pgettext
from supportterm.ui import durations

CHANNEL_LABEL = {
    Channel.EMAIL: _("mail"), Channel.PHONE: _("phone"), Channel.WEB: _("web"), Channel.CHAT: _("chat"),
    Channel.FORUM: _("forum"),
}
"""Translated once: the words fit the inbox's 5-cell column in every language and read as they are."""
STATUS_LABEL = {
    Status.NEW: "new", Status.OPEN: "open", Status.PENDING: "pending", Status.ON_HOLD: "hold",
    Status.SOLVED: "solved", Status.CLOSED: "closed",
}
"""English data, translated where drawn in full (ticket head, pickers): `_(STATUS_LABEL[status])`."""
PRIORITY_CELL = {
    Priority.URGENT: pgettext("priority cell", "URG"), Priority.HIGH: pgettext("priority cell", "high"),
    Priority.NORMAL: pgettext("priority cell", "norm"), Priority.LOW: pgettext("priority cell", "low"),
}
"""The inbox's priority column: 4 cells in every language."""
STATUS_CELL = {
    Status.NEW: pgettext("status cell", "new"), Status.OPEN: pgettext("status cell", "open"),
    Status.PENDING: pgettext("status cell", "pending"), Status.ON_HOLD: pgettext("status cell", "hold"),
    Status.SOLVED: pgettext("status cell", "solved"), Status.CLOSED: pgettext("status cell", "closed"),
}
"""The inbox's status column: 7 cells in every language."""


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
