"""Provides the SLA watch: which tickets to announce as close to breaching, or breached, and when.

The app's timer calls `watch` with the tickets of the agent's views, the policy, `now` and what the
last run recorded. Each ticket is announced once per wait (a wait is known by its due time): once when
it comes within the warning time, once when it breaches. A ticket answered in time drops out; a new
customer message starts a new wait with a new due time, which may be announced again. `NoticeGate`
groups what the runs find into at most one notice a minute. Pure, so the tests freeze `now` and replay
a working day.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from supportterm.domain.models import Ticket
from supportterm.domain.sla import SlaPolicy, SlaStatus, evaluate

GROUP_EVERY = timedelta(minutes=1)
"""At most one SLA notice this often: alerts found meanwhile are told together in the next one."""
IDS_SHOWN = 4
"""Ticket ids a grouped notice names, breached first: one line of a toast at 80 columns (the "SLA at
risk" view lists them all)."""


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


def digest(alerts: Iterable[SlaAlert]) -> tuple[str, str, bool]:
    """Alerts as one notification: (title, text, breached). One alert reads as itself; several are
    counted per level, with the first ids on one line, so the toast stays four lines high at 80x24."""
    alerts = sorted(alerts, key=lambda a: (a.status is not SlaStatus.BREACHED, a.due_at, a.ticket_id))
    if not alerts:
        raise ValueError("nothing to announce")
    breached = [a for a in alerts if a.status is SlaStatus.BREACHED]
    at_risk = [a for a in alerts if a.status is SlaStatus.AT_RISK]
    title = "SLA breached" if breached else "SLA at risk"
    if len(alerts) == 1:
        return title, alerts[0].text(), bool(breached)
    levels = ((breached, "breached"), (at_risk, "at risk"))
    counts = ", ".join(f"{len(group)} {label}" for group, label in levels if group)
    ids = " ".join(f"#{a.ticket_id}" for a in alerts[:IDS_SHOWN]) + (" …" if len(alerts) > IDS_SHOWN else "")
    return title, f"{counts}\n{ids}\nAll in the SLA at risk view.", bool(breached)


class NoticeGate:
    """Turns the watch's alerts into few, calm notifications: at most one per `every`.

    The first alerts after a quiet spell are told at once; whatever the watch finds while a notice is
    recent waits and is told together in the next one. `every` is longer than the toast's timeout, so
    at most one toast from the SLA watch is on screen. Time is passed in, so tests freeze it.
    """

    def __init__(
        self, every: timedelta = GROUP_EVERY,
        render: Callable[[Iterable[SlaAlert]], tuple[str, str, bool]] | None = None,
    ) -> None:
        self.every = every
        self.render = render or digest
        """Alerts -> (title, text, breached); the app passes one that speaks the agent's language."""
        self.pending: dict[str, SlaAlert] = {}
        """Alerts waiting for the next notice, by ticket (a breach replaces the same wait's warning)."""
        self.last_told: datetime | None = None

    def offer(self, alerts: Iterable[SlaAlert], now: datetime,
              watched: Collection[str] | None = None) -> tuple[str, str, bool] | None:
        """Take this run's alerts; the notice to show now, or None (nothing new, or too soon).

        `watched` (ids the watch still holds) drops held alerts of tickets answered meanwhile.
        """
        if watched is not None:
            self.pending = {k: v for k, v in self.pending.items() if k in watched}
        for alert in alerts:
            held = self.pending.get(alert.ticket_id)
            if held is None or _RANK[alert.status] >= _RANK[held.status]:
                self.pending[alert.ticket_id] = alert
        if not self.pending or (self.last_told is not None and now - self.last_told < self.every):
            return None
        notice = self.render(self.pending.values())
        self.pending.clear()
        self.last_told = now
        return notice
