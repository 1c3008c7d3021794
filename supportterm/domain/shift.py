"""Provides the shift clock: a pure state machine over shift events, and the view the header shows.

The clock's whole state is the list of what happened (start, break, resume, stop, activity), so the
store appends one row per step and a crashed or restarted app replays the rows into the same shift.
Every method takes `now`; nothing here reads the wall clock (STYLE §3.4.8), and elapsed time is always
computed from the events, never by counting timer ticks (STYLE §3.5.5).

    idle ──start──▶ on_shift ──break──▶ on_break ──resume──▶ on_shift ──stop──▶ ended
                                          └──────────────stop──────────────────┘
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from supportterm.domain.durations import parse_duration  # noqa: F401 - re-exported for callers
from supportterm.domain.models import format_time, utc

ZERO = timedelta(0)


class ShiftError(ValueError):
    """A step that the shift's state does not allow (e.g. a break while no shift runs)."""


class ShiftState(enum.StrEnum):
    """Where the agent's working day is."""

    IDLE = "idle"
    ON_SHIFT = "on_shift"
    ON_BREAK = "on_break"
    ENDED = "ended"


class EventKind(enum.StrEnum):
    """What one shift event records."""

    START = "start"
    BREAK = "break"
    RESUME = "resume"
    STOP = "stop"
    ACTIVITY = "activity"


@dataclass(frozen=True, slots=True)
class ShiftPolicy:
    """The numbers a shift runs by; stored with its start event so a replay uses the same ones."""

    planned: timedelta = timedelta(hours=8)
    """Planned length of the shift, breaks included."""
    break_after: timedelta = timedelta(minutes=90)
    """Active work after which a break is due (the reminder)."""
    break_length: timedelta = timedelta(minutes=15)
    """Default length of a break (the countdown)."""
    idle_after: timedelta = timedelta(minutes=5)
    """No input for this long means idle; time beyond it does not count as active work."""
    activity_every: timedelta = timedelta(minutes=1)
    """At most one stored activity event per this interval, so the log stays small."""

    def as_data(self) -> dict[str, int]:
        """Whole seconds per field, for the start event's JSON."""
        return {f"{name}_s": int(getattr(self, name).total_seconds()) for name in _POLICY_FIELDS}

    @classmethod
    def from_data(cls, data: Mapping[str, object]) -> ShiftPolicy:
        """Inverse of `as_data`; missing or malformed keys keep their defaults."""
        values = {}
        for name in _POLICY_FIELDS:
            raw = data.get(f"{name}_s")
            if isinstance(raw, int | float) and raw > 0:
                values[name] = timedelta(seconds=raw)
        return cls(**values)


_POLICY_FIELDS = ("planned", "break_after", "break_length", "idle_after", "activity_every")


@dataclass(frozen=True, slots=True)
class ShiftEvent:
    """One step of a shift. `data` holds the policy (start) or a break's own length (break)."""

    kind: EventKind
    at: datetime
    data: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ShiftView:
    """Everything the header, the shift panel and `shift status` show, at one instant."""

    state: ShiftState
    now: datetime
    started_at: datetime | None
    ended_at: datetime | None
    planned: timedelta
    elapsed: timedelta
    """Wall time since the start (to the stop once ended), breaks included."""
    remaining: timedelta
    """Planned minus elapsed; negative means overtime."""
    worked: timedelta
    """Elapsed minus breaks."""
    on_breaks: timedelta
    breaks: int
    active: timedelta
    """Worked minus idle time."""
    idle_total: timedelta
    active_since_break: timedelta
    """Active work since the last break ended (or the start): what the break reminder counts."""
    next_break_in: timedelta
    """Until a break is due; zero or negative means it is due now."""
    break_remaining: timedelta | None
    """On a break: what is left of it (negative once overrun); otherwise None."""
    idle: bool
    idle_for: timedelta
    last_activity: datetime | None

    @property
    def break_due(self) -> bool:
        """True when the agent should take a break now."""
        return self.state is ShiftState.ON_SHIFT and self.next_break_in <= ZERO

    def header_text(self) -> str:
        """One line for the header, e.g. "On shift 2h 10m · 5h 50m left · break in 35m"."""
        if self.state is ShiftState.IDLE:
            return "No shift"
        if self.state is ShiftState.ENDED:
            return f"Shift ended · {format_duration(self.elapsed)}"
        left = (f"{format_duration(self.remaining)} left" if self.remaining >= ZERO
                else f"overtime {format_duration(-self.remaining)}")
        head = f"On shift {format_duration(self.elapsed)} · {left}"
        if self.state is ShiftState.ON_BREAK and self.break_remaining is not None:
            if self.break_remaining >= ZERO:
                return f"{head} · on break, {format_duration(self.break_remaining)} left"
            return f"{head} · break over by {format_duration(-self.break_remaining)}"
        nxt = "break due" if self.break_due else f"break in {format_duration(self.next_break_in)}"
        return f"{head} · {nxt}" + (" · idle" if self.idle else "")

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (durations in whole seconds, times ISO 8601 UTC); see docs/shift.md."""
        def secs(value: timedelta | None) -> int | None:
            return None if value is None else int(value.total_seconds())

        return {
            "state": self.state.value, "now": format_time(self.now),
            "started_at": format_time(self.started_at), "ended_at": format_time(self.ended_at),
            "planned_s": secs(self.planned), "elapsed_s": secs(self.elapsed),
            "remaining_s": secs(self.remaining), "worked_s": secs(self.worked),
            "on_breaks_s": secs(self.on_breaks), "breaks": self.breaks, "active_s": secs(self.active),
            "idle_total_s": secs(self.idle_total), "active_since_break_s": secs(self.active_since_break),
            "next_break_in_s": secs(self.next_break_in), "break_due": self.break_due,
            "break_remaining_s": secs(self.break_remaining), "idle": self.idle,
            "idle_for_s": secs(self.idle_for), "last_activity": format_time(self.last_activity),
            "header": self.header_text(),
        }


_NEXT_STATE = {
    (ShiftState.IDLE, EventKind.START): ShiftState.ON_SHIFT,
    (ShiftState.ON_SHIFT, EventKind.BREAK): ShiftState.ON_BREAK,
    (ShiftState.ON_BREAK, EventKind.RESUME): ShiftState.ON_SHIFT,
    (ShiftState.ON_SHIFT, EventKind.STOP): ShiftState.ENDED,
    (ShiftState.ON_BREAK, EventKind.STOP): ShiftState.ENDED,
}
_REFUSALS = {
    ShiftState.IDLE: "no shift running",
    ShiftState.ON_SHIFT: "a shift is already running",
    ShiftState.ON_BREAK: "on a break",
    ShiftState.ENDED: "the shift has ended",
}


class ShiftClock:
    """One shift, as the list of its events. Mutating methods append an event and return it, so the
    caller can persist exactly that row; `ShiftClock(stored_events)` continues the same shift."""

    def __init__(self, events: Iterable[ShiftEvent] = ()) -> None:
        self._events: list[ShiftEvent] = []
        self._state = ShiftState.IDLE
        for event in events:
            self._replay(event)

    def _replay(self, event: ShiftEvent) -> None:
        # A log written by an older or crashed process may hold a step that no longer fits; skipping
        # it keeps the shift usable rather than refusing to load the agent's day.
        if event.kind is EventKind.ACTIVITY:
            if self._state is ShiftState.ON_SHIFT:
                self._events.append(event)
            return
        nxt = _NEXT_STATE.get((self._state, event.kind))
        if nxt is not None:
            self._events.append(event)
            self._state = nxt

    @property
    def events(self) -> tuple[ShiftEvent, ...]:
        """Every accepted event, oldest first."""
        return tuple(self._events)

    @property
    def state(self) -> ShiftState:
        """The current state."""
        return self._state

    @property
    def policy(self) -> ShiftPolicy:
        """The policy recorded at the start (defaults before one)."""
        return ShiftPolicy.from_data(self._events[0].data) if self._events else ShiftPolicy()

    @property
    def started_at(self) -> datetime | None:
        """When the shift started."""
        return self._events[0].at if self._events else None

    def _step(self, kind: EventKind, now: datetime, data: Mapping[str, object]) -> ShiftEvent:
        nxt = _NEXT_STATE.get((self._state, kind))
        if nxt is None:
            raise ShiftError(_refusal(self._state, kind))
        # A wall clock stepped back (NTP) must not reorder the log; the step lands at the last instant.
        at = max(utc(now), self._events[-1].at) if self._events else utc(now)
        event = ShiftEvent(kind, at, dict(data))
        self._events.append(event)
        self._state = nxt
        return event

    def start(self, now: datetime, policy: ShiftPolicy | None = None) -> ShiftEvent:
        """Start the shift. Raises ShiftError unless idle."""
        return self._step(EventKind.START, now, (policy or ShiftPolicy()).as_data())

    def take_break(self, now: datetime, length: timedelta | None = None) -> ShiftEvent:
        """Go on a break (of the policy's length unless given). Raises ShiftError unless on shift."""
        data = {"length_s": int(length.total_seconds())} if length else {}
        return self._step(EventKind.BREAK, now, data)

    def resume(self, now: datetime) -> ShiftEvent:
        """End the break. Raises ShiftError unless on a break."""
        return self._step(EventKind.RESUME, now, {})

    def stop(self, now: datetime) -> ShiftEvent:
        """End the shift (a running break ends with it). Raises ShiftError unless on shift or break."""
        return self._step(EventKind.STOP, now, {})

    def record_activity(self, now: datetime) -> ShiftEvent | None:
        """Note that the agent did something. Returns the event to store, or None when it is not worth
        a row (not on shift, or within `activity_every` of the last one)."""
        if self._state is not ShiftState.ON_SHIFT:
            return None
        now = utc(now)
        last = self._events[-1].at
        if now < last or (self._events[-1].kind is EventKind.ACTIVITY
                          and now - last < self.policy.activity_every):
            return None
        event = ShiftEvent(EventKind.ACTIVITY, now)
        self._events.append(event)
        return event

    def view(self, now: datetime, *, last_activity: datetime | None = None) -> ShiftView:
        """The shift at `now`. `last_activity` (e.g. the UI's last key press, finer than the stored
        events) refines idle detection."""
        return _fold(self._events, self._state, utc(now), last_activity)


def _refusal(state: ShiftState, kind: EventKind) -> str:
    if kind is EventKind.RESUME and state is ShiftState.ON_SHIFT:
        return "not on a break"
    if kind is EventKind.START and state is ShiftState.ENDED:
        return "the shift has ended; start a new one"
    return _REFUSALS[state]


@dataclass
class _Tally:
    """Running totals while folding the events."""

    on_breaks: timedelta = ZERO
    breaks: int = 0
    idle: timedelta = ZERO
    active_since_break: timedelta = ZERO
    marks: list[datetime] = field(default_factory=list)
    """Activity instants of the current work segment (its start first)."""


def _fold(events: list[ShiftEvent], state: ShiftState, now: datetime,
          last_activity: datetime | None) -> ShiftView:
    if not events:
        return _idle_view(now)
    policy = ShiftPolicy.from_data(events[0].data)
    tracked = any(e.kind is EventKind.ACTIVITY for e in events) or last_activity is not None
    end = events[-1].at if state is ShiftState.ENDED else max(now, events[-1].at)
    tally = _Tally()
    break_start: ShiftEvent | None = None
    for event in events:
        if event.kind in (EventKind.START, EventKind.RESUME):
            if break_start is not None:
                tally.on_breaks += event.at - break_start.at
                break_start = None
            tally.marks = [event.at]
        elif event.kind is EventKind.ACTIVITY:
            tally.marks.append(event.at)
        elif event.kind is EventKind.BREAK or (event.kind is EventKind.STOP and break_start is None):
            _close_segment(tally, event.at, policy, tracked)
            tally.breaks += event.kind is EventKind.BREAK
            break_start = event if event.kind is EventKind.BREAK else None
        else:  # stop during a break
            tally.on_breaks += event.at - break_start.at if break_start else ZERO
            break_start = None
    return _build_view(events, state, now, end, policy, tally, break_start, last_activity, tracked)


def _close_segment(tally: _Tally, end: datetime, policy: ShiftPolicy, tracked: bool) -> timedelta:
    """Add a work segment's idle time; returns its active time (and remembers it for the reminder)."""
    idle = ZERO
    if tracked:
        points = sorted(tally.marks) + [end]
        gaps = (b - a for a, b in zip(points, points[1:], strict=False))
        idle = sum((max(ZERO, gap - policy.idle_after) for gap in gaps), ZERO)
    tally.idle += idle
    active = end - tally.marks[0] - idle
    tally.active_since_break = active
    return active


def _build_view(events: list[ShiftEvent], state: ShiftState, now: datetime, end: datetime,
                policy: ShiftPolicy, tally: _Tally, break_start: ShiftEvent | None,
                last_activity: datetime | None, tracked: bool) -> ShiftView:
    started = events[0].at
    break_remaining = None
    last_mark = max(tally.marks, default=started)
    if state is ShiftState.ON_SHIFT:
        _close_segment(tally, end, policy, tracked)
        if last_activity is not None:
            last_mark = max(last_mark, utc(last_activity))
    elif state is ShiftState.ON_BREAK and break_start is not None:
        tally.on_breaks += end - break_start.at
        tally.active_since_break = ZERO
        raw = break_start.data.get("length_s")
        length = timedelta(seconds=raw) if isinstance(raw, int) and raw > 0 else policy.break_length
        break_remaining = length - (end - break_start.at)
    idle_for = end - last_mark if state is ShiftState.ON_SHIFT and tracked else ZERO
    idle = idle_for >= policy.idle_after
    elapsed = end - started
    worked = elapsed - tally.on_breaks
    return ShiftView(
        state=state, now=now, started_at=started,
        ended_at=events[-1].at if state is ShiftState.ENDED else None,
        planned=policy.planned, elapsed=elapsed, remaining=policy.planned - elapsed, worked=worked,
        on_breaks=tally.on_breaks, breaks=tally.breaks, active=worked - tally.idle,
        idle_total=tally.idle, active_since_break=tally.active_since_break,
        next_break_in=policy.break_after - tally.active_since_break, break_remaining=break_remaining,
        idle=idle, idle_for=idle_for if idle else ZERO,
        last_activity=last_mark if tracked else None,
    )


def _idle_view(now: datetime) -> ShiftView:
    policy = ShiftPolicy()
    return ShiftView(
        state=ShiftState.IDLE, now=now, started_at=None, ended_at=None, planned=policy.planned,
        elapsed=ZERO, remaining=policy.planned, worked=ZERO, on_breaks=ZERO, breaks=0, active=ZERO,
        idle_total=ZERO, active_since_break=ZERO, next_break_in=policy.break_after,
        break_remaining=None, idle=False, idle_for=ZERO, last_activity=None,
    )


def format_duration(value: timedelta) -> str:
    """Short form for the header: "2h 05m", "35m", "<1m" (negative values as their magnitude)."""
    seconds = abs(int(value.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes = rest // 60
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m" if minutes else "<1m"
