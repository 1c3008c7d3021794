"""Provides SLA arithmetic: when a ticket's first or next response is due, and how close that is.

The helpdesk's own `due_at` wins when it sends one (Zendesk SLA, Freshdesk `fr_due_by`/`due_by`, Zammad
escalation times, RT Due); otherwise a local policy by priority counts business hours (a weekly schedule
in one time zone, minus holidays). Arithmetic runs on UTC instants built from local wall times with
`zoneinfo`, so it stays right across midnight, weekends and both DST changes. Pure: `now` is always
passed in (STYLE §3.4.8), so the inbox column, the notifier and the tests all agree.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from supportterm.domain.models import Message, Priority, Role, Ticket, Visibility, utc

DAY_MINUTES = 24 * 60
MAX_SEARCH_DAYS = 3700
"""How far ahead to look for business hours before giving up (ten years of holidays is absurd)."""
MEMO_SIZE = 50_000
"""Due times a policy remembers before it starts over (~10 MB at most)."""
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SlaKind(enum.StrEnum):
    """Which response the clock runs for."""

    FIRST_RESPONSE = "first_response"
    NEXT_RESPONSE = "next_response"


class SlaStatus(enum.StrEnum):
    """How a running SLA clock stands: fine, close to its due time, or past it."""

    OK = "ok"
    AT_RISK = "at_risk"
    BREACHED = "breached"


@dataclass(frozen=True, slots=True)
class BusinessHours:
    """A weekly schedule in one time zone, with holidays.

    `weekly[d]` holds (start, end) minutes of local day `d` (0 = Monday); `end` may be 1440 (midnight),
    and an interval with `end <= start` runs over midnight into the next day. On a holiday (a local
    date) no hours count, including the part of an overnight interval that falls on it.
    """

    tz: tzinfo
    weekly: Mapping[int, tuple[tuple[int, int], ...]]
    holidays: frozenset[date] = frozenset()
    days: dict[date, tuple[tuple[datetime, datetime], ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False)
    """Intervals already built, by local date: every wait of the same days walks the same ones, and
    building them (zone conversions) is most of the cost of a due time."""

    @classmethod
    def parse(cls, tz: str, weekly: Mapping[str, str], holidays: Iterable[str] = ()) -> BusinessHours:
        """Build from config-style text: `{"mon-fri": "09:00-18:00", "sat": "10:00-14:00, 22:00-02:00"}`.

        Raises:
            ValueError: an unknown day, a malformed range or time zone.
        """
        days: dict[int, list[tuple[int, int]]] = {}
        for key, ranges in weekly.items():
            for day in _day_span(key):
                days.setdefault(day, []).extend(_ranges(ranges))
        return cls(
            tz=ZoneInfo(tz),
            weekly={d: tuple(sorted(v)) for d, v in days.items()},
            holidays=frozenset(date.fromisoformat(h) for h in holidays),
        )

    def intervals_on(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        """Business intervals of one local date as UTC instants, sorted and merged (memoised)."""
        found = self.days.get(day)
        if found is None:
            if len(self.days) >= MEMO_SIZE:
                self.days.clear()
            found = self.days[day] = tuple(self._build_intervals(day))
        return found

    def _build_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        if day in self.holidays:
            return []
        spans: list[tuple[int, int]] = []
        for start, end in self.weekly.get(day.weekday(), ()):
            spans.append((start, end if end > start else DAY_MINUTES))
        for start, end in self.weekly.get((day - timedelta(days=1)).weekday(), ()):
            if end <= start and end > 0:  # yesterday's overnight interval spills into today
                spans.append((0, end))
        out: list[tuple[datetime, datetime]] = []
        for start, end in sorted(spans):
            a, b = self._instant(day, start), self._instant(day, end)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            elif a < b:
                out.append((a, b))
        return out

    def _instant(self, day: date, minute: int) -> datetime:
        # A wall time in the spring-forward gap gets the offset before the change (fold=0), as zoneinfo
        # does; an ambiguous fall-back time means its first occurrence.
        local = datetime.combine(day, time()) + timedelta(minutes=minute)
        return local.replace(tzinfo=self.tz).astimezone(timezone.utc)

    def local_date(self, instant: datetime) -> date:
        """The local calendar date of an instant."""
        return utc(instant).astimezone(self.tz).date()


def _day_span(key: str) -> list[int]:
    parts = [p.strip().lower()[:3] for p in key.split("-")]
    if any(p not in _DAYS for p in parts) or len(parts) > 2:
        raise ValueError(f"unknown day or day range {key!r} (use mon..sun, e.g. 'mon-fri')")
    first, last = _DAYS.index(parts[0]), _DAYS.index(parts[-1])
    return [(first + i) % 7 for i in range((last - first) % 7 + 1)]


def _ranges(text: str) -> list[tuple[int, int]]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = re.fullmatch(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})", part)
        if not match:
            raise ValueError(f"malformed hours {part!r} (use e.g. '09:00-18:00')")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start >= DAY_MINUTES or end > DAY_MINUTES or m1 > 59 or m2 > 59:
            raise ValueError(f"hours out of range in {part!r}")
        out.append((start, end))
    return out


def add_business_time(start: datetime, amount: timedelta, hours: BusinessHours | None) -> datetime:
    """The instant when `amount` of business time has passed since `start` (aware UTC).

    With `hours=None` the clock runs around the clock. A start outside business hours waits for the
    next opening; an amount that ends exactly at a closing time returns that closing time.

    Raises:
        ValueError: the schedule has no hours within `MAX_SEARCH_DAYS`.
    """
    start = utc(start)
    if hours is None:
        return start + amount
    remaining = amount
    if remaining <= timedelta(0):
        return start
    day = hours.local_date(start)
    for _ in range(MAX_SEARCH_DAYS):
        for a, b in hours.intervals_on(day):
            if b <= start:
                continue
            a = max(a, start)
            if b - a >= remaining:
                return a + remaining
            remaining -= b - a
        day += timedelta(days=1)
    raise ValueError("the business-hours schedule has no working time ahead")


def business_time_between(start: datetime, end: datetime, hours: BusinessHours | None) -> timedelta:
    """Business time from `start` to `end` (zero when `end` is not after `start`)."""
    start, end = utc(start), utc(end)
    if end <= start:
        return timedelta(0)
    if hours is None:
        return end - start
    total = timedelta(0)
    day = hours.local_date(start)
    while day <= hours.local_date(end):
        for a, b in hours.intervals_on(day):
            lo, hi = max(a, start), min(b, end)
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return total


DEFAULT_FIRST_RESPONSE: Mapping[Priority, timedelta] = {
    Priority.URGENT: timedelta(hours=1), Priority.HIGH: timedelta(hours=4),
    Priority.NORMAL: timedelta(hours=8), Priority.LOW: timedelta(hours=24),
}
DEFAULT_NEXT_RESPONSE: Mapping[Priority, timedelta] = {
    Priority.URGENT: timedelta(hours=2), Priority.HIGH: timedelta(hours=8),
    Priority.NORMAL: timedelta(hours=16), Priority.LOW: timedelta(hours=48),
}


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    """The local policy used when the helpdesk gives no due time."""

    first_response: Mapping[Priority, timedelta] = field(default_factory=lambda: dict(DEFAULT_FIRST_RESPONSE))
    """Business time allowed for the first reply, per priority."""
    next_response: Mapping[Priority, timedelta] = field(default_factory=lambda: dict(DEFAULT_NEXT_RESPONSE))
    """Business time allowed for each later reply, per priority."""
    hours: BusinessHours | None = None
    """When the clock runs; None means around the clock (24/7 support)."""
    at_risk_within: timedelta = timedelta(minutes=30)
    """Wall time before the due time from which a ticket shows as at risk."""
    memo: dict[tuple[SlaKind, Priority, datetime], datetime] = field(
        default_factory=dict, init=False, compare=False, repr=False)
    """Due times already computed: a wait's due time never changes, and the inbox, the header and the
    watch ask for the same waits again and again (business-hours arithmetic costs tens of µs). Not an
    init field, so `dataclasses.replace` with other targets starts an empty one."""

    def due(self, kind: SlaKind, priority: Priority, since: datetime) -> datetime:
        """When a response of `kind` is due for a wait that began at `since` (memoised)."""
        key = (kind, priority, since)
        found = self.memo.get(key)
        if found is None:
            targets = self.first_response if kind is SlaKind.FIRST_RESPONSE else self.next_response
            found = add_business_time(since, targets[priority], self.hours)
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()  # a day's waits fit many times over; dropping all is simplest
            self.memo[key] = found
        return found


@dataclass(frozen=True, slots=True)
class SlaDue:
    """A running SLA clock: what is due, when, and where the due time came from."""

    kind: SlaKind
    due_at: datetime
    since: datetime | None
    """When the customer's wait began (None when the backend's due time was taken as is)."""
    source: str
    """"backend" or "policy"."""


@dataclass(frozen=True, slots=True)
class SlaClock:
    """What the inbox column and the ticket header show for one ticket at one instant."""

    due: SlaDue
    status: SlaStatus
    remaining: timedelta
    """Negative once breached."""
    text: str
    """Countdown for a narrow column, e.g. "2h 05m" or "-12m"."""

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"kind": self.due.kind.value, "due_at": self.due.due_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "source": self.due.source, "status": self.status.value,
                "remaining_s": int(self.remaining.total_seconds()), "text": self.text}


def wait_start(
    ticket: Ticket, messages: Sequence[Message] | None = None, *, before: datetime | None = None
) -> tuple[SlaKind, datetime] | None:
    """When the customer's current wait began and which response it waits for; None if nobody waits.

    With the thread, the wait starts at the oldest customer message after the last public agent reply
    (a customer writing twice does not move the deadline). Without it, `last_customer_at` stands in.
    `before` limits the thread to messages up to that instant (to replay a past reply).
    """
    if messages is None:
        if not ticket.awaiting_reply or ticket.last_customer_at is None:
            return None
        first = ticket.last_agent_at is None
        since = ticket.created_at if first else ticket.last_customer_at
        return (SlaKind.FIRST_RESPONSE if first else SlaKind.NEXT_RESPONSE), utc(since)
    public = [m for m in messages if m.visibility is Visibility.PUBLIC
              and (before is None or utc(m.created_at) <= utc(before))]
    agent_times = [utc(m.created_at) for m in public if m.author_role is Role.AGENT]
    last_agent = max(agent_times, default=None)
    waiting = [utc(m.created_at) for m in public if m.author_role is Role.CUSTOMER
               and (last_agent is None or utc(m.created_at) > last_agent)]
    if not waiting:
        return None
    kind = SlaKind.FIRST_RESPONSE if last_agent is None else SlaKind.NEXT_RESPONSE
    return kind, min(waiting)


def response_due(
    ticket: Ticket, policy: SlaPolicy, messages: Sequence[Message] | None = None
) -> SlaDue | None:
    """The response due on a ticket now, or None when no clock runs (answered, pending, solved)."""
    if not ticket.status.is_active:
        return None
    wait = wait_start(ticket, messages)
    if wait is None:
        return None
    kind, since = wait
    if ticket.due_at is not None:
        return SlaDue(kind, utc(ticket.due_at), None, "backend")
    return SlaDue(kind, policy.due(kind, ticket.priority, since), since, "policy")


def local_due_at(ticket: Ticket, policy: SlaPolicy) -> datetime | None:
    """The policy's due time for a ticket the helpdesk gives none for (None: it gives one, or nobody
    waits). From the ticket's list fields only, as the SLA watch reads it, so the inbox, the ticket
    header, the "SLA at risk" view and the breach notices show the same time."""
    if ticket.due_at is not None:
        return None
    due = response_due(ticket, policy)
    return due.due_at if due is not None else None


def local_due_times(tickets: Iterable[Ticket], policy: SlaPolicy) -> dict[str, datetime]:
    """`local_due_at` of each ticket that has one, by ticket id (computed once per page read)."""
    out: dict[str, datetime] = {}
    for ticket in tickets:
        due_at = local_due_at(ticket, policy)
        if due_at is not None:
            out[ticket.id] = due_at
    return out


def sla_status(due_at: datetime, now: datetime, at_risk_within: timedelta) -> SlaStatus:
    """ok, at_risk (due within the threshold) or breached (the due time has passed)."""
    remaining = utc(due_at) - utc(now)
    if remaining < timedelta(0):
        return SlaStatus.BREACHED
    return SlaStatus.AT_RISK if remaining <= at_risk_within else SlaStatus.OK


def countdown_text(remaining: timedelta) -> str:
    """A short countdown: "3d 4h", "2h 05m", "45m", "<1m"; negative values get a leading "-"."""
    seconds = int(remaining.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{sign}{days}d {hours}h"
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    if minutes:
        return f"{sign}{minutes}m"
    return f"{sign}<1m"


def evaluate(
    ticket: Ticket, policy: SlaPolicy, now: datetime, messages: Sequence[Message] | None = None
) -> SlaClock | None:
    """The SLA clock of a ticket at `now` (None when none runs): the inbox column calls this per row."""
    due = response_due(ticket, policy, messages)
    if due is None:
        return None
    remaining = due.due_at - utc(now)
    status = sla_status(due.due_at, now, policy.at_risk_within)
    return SlaClock(due, status, remaining, countdown_text(remaining))
