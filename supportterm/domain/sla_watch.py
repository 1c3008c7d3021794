"""Provides the SLA watch: which tickets to announce as close to breaching, or breached, and when.

The app's timer calls `watch` with the tickets of the agent's views, the policy, `now` and what the
last run recorded. Each ticket is announced once per wait (a wait is known by its due time): once when
it comes within the warning time, once when it breaches. A ticket answered in time drops out; a new
customer message starts a new wait with a new due time, which may be announced again. Pure, so the
tests freeze `now` and replay a working day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from supportterm.domain.models import Ticket
from supportterm.domain.sla import SlaPolicy, SlaStatus, evaluate

GROUP_ABOVE = 3
"""More alerts than this in one run are told as one notice (a first start after a night offline)."""


@dataclass(frozen=True, slots=True)
class Watched:
    """One ticket at risk or breached, as the watch table keeps it between runs."""

    ticket_id: str
    due_at: datetime
    status: SlaStatus
    announced: SlaStatus | None
    """The strongest level already announced for this wait (None: nothing yet)."""


@dataclass(frozen=True, slots=True)
class SlaAlert:
    """One announcement: a ticket entered `status` (at risk or breached)."""

    ticket_id: str
    subject: str
    status: SlaStatus
    due_at: datetime
    countdown: str
    """"25m" or "-3m", as the inbox column shows it."""

    def text(self) -> str:
        """One line for a notification."""
        if self.status is SlaStatus.BREACHED:
            return f"#{self.ticket_id} breached its SLA ({self.countdown}): {self.subject}"
        return f"#{self.ticket_id} breaches in {self.countdown}: {self.subject}"


@dataclass(frozen=True, slots=True)
class WatchResult:
    """What one run found: the new state of the watch table and what to announce now."""

    watched: tuple[Watched, ...]
    """Every ticket now at risk or breached (the "SLA at risk" view reads these)."""
    alerts: tuple[SlaAlert, ...]


_RANK = {None: 0, SlaStatus.AT_RISK: 1, SlaStatus.BREACHED: 2}


def watch(
    tickets: Iterable[Ticket], policy: SlaPolicy, now: datetime, previous: Mapping[str, Watched]
) -> WatchResult:
    """Evaluate each ticket's clock and decide what to announce.

    `previous` is the watch table as the last run left it (ticket id -> Watched). An entry with another
    due time than now belongs to an earlier wait and does not silence this one.
    """
    watched: list[Watched] = []
    alerts: list[SlaAlert] = []
    for ticket in tickets:
        clock = evaluate(ticket, policy, now)
        if clock is None or clock.status is SlaStatus.OK:
            continue
        before = previous.get(ticket.id)
        announced = before.announced if before is not None and before.due_at == clock.due.due_at else None
        if _RANK[clock.status] > _RANK[announced]:
            alerts.append(SlaAlert(ticket.id, ticket.subject, clock.status, clock.due.due_at, clock.text))
            announced = clock.status
        watched.append(Watched(ticket.id, clock.due.due_at, clock.status, announced))
    alerts.sort(key=lambda a: (a.status is not SlaStatus.BREACHED, a.due_at, a.ticket_id))
    return WatchResult(tuple(watched), tuple(alerts))


def notices(alerts: Iterable[SlaAlert]) -> list[tuple[str, str, bool]]:
    """Alerts as notifications: (title, text, breached). Several at once become one notice per level,
    so a first start after hours offline does not bury the screen."""
    alerts = list(alerts)
    out: list[tuple[str, str, bool]] = []
    for status, title in ((SlaStatus.BREACHED, "SLA breached"), (SlaStatus.AT_RISK, "SLA at risk")):
        group = [a for a in alerts if a.status is status]
        if len(group) > GROUP_ABOVE:
            ids = ", ".join(f"#{a.ticket_id}" for a in group[:8]) + (" …" if len(group) > 8 else "")
            out.append((title, f"{len(group)} tickets: {ids}", status is SlaStatus.BREACHED))
        else:
            out.extend((title, a.text(), status is SlaStatus.BREACHED) for a in group)
    return out
