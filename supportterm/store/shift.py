"""Provides the shift log in the store: shift clock events, follow-up reminders and hand-off notes.

Each shift step is one row committed on its own, so a crash or `kill -9` loses at most the step being
taken, and the next start replays the rows into the same shift (`running_shift`). The summary's
numbers are read back from what the store already holds: the outbox rows the agent created during the
shift (rows stay there with state `sent`), and the cached tickets and threads they touched.

Functions take a connection, like `store.outbox`; `ShiftLog` wraps them in one transaction each for a
screen's thread worker or the `shift` command.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from supportterm.domain.models import ESCALATION_PREFIX, Status, Visibility, format_time, parse_time, utc
from supportterm.domain.shift import (
    EventKind,
    ShiftClock,
    ShiftError,
    ShiftEvent,
    ShiftPolicy,
    ShiftState,
    ShiftView,
)
from supportterm.domain.sla import SlaPolicy
from supportterm.domain.summary import NOTE, REPLY, UPDATE, Action, ShiftSummary, SummaryInputs, summarize
from supportterm.store import tickets as cache
from supportterm.store.outbox import SENT

if TYPE_CHECKING:
    from supportterm.store.db import Store

ESCALATE_KEY = "escalate"
"""An outbox payload key; a truthy value marks the action as an escalation (for the summary)."""
HANDOFF_PREFIX = "[Shift hand-off] "
"""Starts a hand-off note posted on the team's ticket: the next shift finds it there, and the summary
does not count it as the agent's work on a ticket."""


@dataclass(frozen=True, slots=True)
class StoredShift:
    """A shift as stored: its id (the id of its start row) and the clock replayed from its rows."""

    id: int
    clock: ShiftClock


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A reminder the agent set on a ticket ("update the customer tomorrow 12:00")."""

    id: int
    ticket_id: str
    due_at: datetime
    note: str
    done: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class HandoffNote:
    """What a shift leaves for the next one."""

    shift_id: int
    body: str
    created_at: datetime
    updated_at: datetime
    seen_at: datetime | None
    posted_ticket_id: str | None
    """Where it was also posted as an internal note, when the backend allowed it."""


def _second(now: datetime) -> datetime:
    """Rows keep whole seconds; cutting here keeps the live clock equal to its replay."""
    return utc(now).replace(microsecond=0)


def _time(text: str | None) -> datetime:
    value = parse_time(text)
    assert value is not None
    return value


# Shift events -------------------------------------------------------------------------------------

def load_shift(conn: sqlite3.Connection, shift_id: int) -> StoredShift | None:
    """Replay one shift from its rows, or None when there is no such shift."""
    rows = conn.execute(
        "SELECT kind, at, data FROM shift_events WHERE shift_id = ? ORDER BY id", (shift_id,)
    ).fetchall()
    if not rows:
        return None
    events = [ShiftEvent(EventKind(r["kind"]), _time(r["at"]), json.loads(r["data"])) for r in rows
              if r["kind"] in EventKind._value2member_map_]
    return StoredShift(shift_id, ShiftClock(events))


def latest_shift(conn: sqlite3.Connection) -> StoredShift | None:
    """The most recent shift, running or ended."""
    row = conn.execute("SELECT max(shift_id) FROM shift_events").fetchone()
    return load_shift(conn, row[0]) if row and row[0] is not None else None


def running_shift(conn: sqlite3.Connection) -> StoredShift | None:
    """The shift still running (on shift or on a break), which a restarted app continues."""
    shift = latest_shift(conn)
    if shift is None or shift.clock.state in (ShiftState.IDLE, ShiftState.ENDED):
        return None
    return shift


def append_event(conn: sqlite3.Connection, shift_id: int, event: ShiftEvent) -> None:
    """Store one event of a shift."""
    conn.execute(
        "INSERT INTO shift_events (shift_id, kind, at, data) VALUES (?, ?, ?, ?)",
        (shift_id, event.kind.value, format_time(event.at), json.dumps(dict(event.data))),
    )


def start_shift(conn: sqlite3.Connection, now: datetime, policy: ShiftPolicy | None = None) -> StoredShift:
    """Start a new shift. Raises ShiftError when one is already running."""
    if running_shift(conn) is not None:
        raise ShiftError("a shift is already running")
    clock = ShiftClock()
    event = clock.start(_second(now), policy)
    cursor = conn.execute(
        "INSERT INTO shift_events (shift_id, kind, at, data) VALUES (0, ?, ?, ?)",
        (event.kind.value, format_time(event.at), json.dumps(dict(event.data))),
    )
    shift_id = int(cursor.lastrowid or 0)
    conn.execute("UPDATE shift_events SET shift_id = ? WHERE id = ?", (shift_id, shift_id))
    return StoredShift(shift_id, clock)


def step_shift(
    conn: sqlite3.Connection, kind: EventKind, now: datetime, *, length: timedelta | None = None
) -> StoredShift:
    """Take a break, resume or stop the running shift. Raises ShiftError ("no shift running", ...)."""
    shift = running_shift(conn)
    if shift is None:
        raise ShiftError("no shift running")
    now = _second(now)
    if kind is EventKind.BREAK:
        event = shift.clock.take_break(now, length)
    elif kind is EventKind.RESUME:
        event = shift.clock.resume(now)
    elif kind is EventKind.STOP:
        event = shift.clock.stop(now)
    else:
        raise ShiftError(f"not a step: {kind}")
    append_event(conn, shift.id, event)
    return shift


def record_activity(conn: sqlite3.Connection, now: datetime) -> bool:
    """Note the agent's activity on the running shift (throttled by the policy); True if stored."""
    shift = running_shift(conn)
    event = shift.clock.record_activity(_second(now)) if shift else None
    if shift is None or event is None:
        return False
    append_event(conn, shift.id, event)
    return True


# Follow-ups ---------------------------------------------------------------------------------------

def _follow_up(row: sqlite3.Row) -> FollowUp:
    return FollowUp(row["id"], row["ticket_id"], _time(row["due_at"]), row["note"], bool(row["done"]),
                    _time(row["created_at"]))


def add_follow_up(
    conn: sqlite3.Connection, ticket_id: str, due_at: datetime, note: str, *, now: datetime
) -> FollowUp:
    """Set a reminder on a ticket."""
    cursor = conn.execute(
        "INSERT INTO follow_ups (ticket_id, due_at, note, created_at) VALUES (?, ?, ?, ?)",
        (ticket_id, format_time(due_at), note, format_time(now)),
    )
    return FollowUp(int(cursor.lastrowid or 0), ticket_id, _second(due_at), note, False, _second(now))


def follow_ups_due(conn: sqlite3.Connection, now: datetime) -> list[FollowUp]:
    """Open reminders whose time has come, oldest first (for the inbox and the shift panel)."""
    rows = conn.execute(
        "SELECT * FROM follow_ups WHERE done = 0 AND due_at <= ? ORDER BY due_at, id", (format_time(now),)
    ).fetchall()
    return [_follow_up(r) for r in rows]


def open_follow_ups(conn: sqlite3.Connection, ticket_id: str | None = None) -> list[FollowUp]:
    """Every open reminder (optionally of one ticket), soonest first."""
    sql, args = "SELECT * FROM follow_ups WHERE done = 0", []
    if ticket_id is not None:
        sql, args = sql + " AND ticket_id = ?", [ticket_id]
    return [_follow_up(r) for r in conn.execute(sql + " ORDER BY due_at, id", args).fetchall()]


def complete_follow_up(conn: sqlite3.Connection, follow_up_id: int, *, now: datetime) -> bool:
    """Mark a reminder done; False when it was not open."""
    cursor = conn.execute(
        "UPDATE follow_ups SET done = 1, done_at = ? WHERE id = ? AND done = 0",
        (format_time(now), follow_up_id),
    )
    return cursor.rowcount > 0


# Hand-off notes -----------------------------------------------------------------------------------

def _handoff(row: sqlite3.Row | None) -> HandoffNote | None:
    if row is None:
        return None
    return HandoffNote(row["shift_id"], row["body"], _time(row["created_at"]), _time(row["updated_at"]),
                       parse_time(row["seen_at"]), row["posted_ticket_id"])


def save_handoff(conn: sqlite3.Connection, shift_id: int, body: str, *, now: datetime) -> HandoffNote:
    """Save (or replace) the hand-off note of a shift."""
    stamp = format_time(now)
    conn.execute(
        "INSERT INTO handoff_notes (shift_id, body, created_at, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (shift_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        (shift_id, body, stamp, stamp),
    )
    note = load_handoff(conn, shift_id)
    assert note is not None
    return note


def load_handoff(conn: sqlite3.Connection, shift_id: int) -> HandoffNote | None:
    """The hand-off note a shift wrote, if any."""
    return _handoff(conn.execute("SELECT * FROM handoff_notes WHERE shift_id = ?", (shift_id,)).fetchone())


def handoff_for(conn: sqlite3.Connection, shift_id: int | None = None) -> HandoffNote | None:
    """The latest note left by an earlier shift: what the next shift sees at its start."""
    row = conn.execute(
        "SELECT * FROM handoff_notes WHERE shift_id < ? ORDER BY shift_id DESC LIMIT 1",
        (shift_id if shift_id is not None else 2**62,),
    ).fetchone()
    return _handoff(row)


def mark_handoff(
    conn: sqlite3.Connection, shift_id: int, *, seen_at: datetime | None = None,
    posted_ticket_id: str | None = None,
) -> None:
    """Record that a note was read by the next shift and/or posted to the helpdesk."""
    if seen_at is not None:
        conn.execute("UPDATE handoff_notes SET seen_at = coalesce(seen_at, ?) WHERE shift_id = ?",
                     (format_time(seen_at), shift_id))
    if posted_ticket_id is not None:
        conn.execute("UPDATE handoff_notes SET posted_ticket_id = ? WHERE shift_id = ?",
                     (posted_ticket_id, shift_id))


# Summary queries ----------------------------------------------------------------------------------

def _action(row: sqlite3.Row) -> Action:
    payload = json.loads(row["payload"])
    if row["kind"] == "message":
        kind = NOTE if payload.get("visibility") == Visibility.INTERNAL.value else REPLY
    else:
        kind = UPDATE
    status = payload.get("status")
    return Action(
        ticket_id=row["ticket_id"], kind=kind, at=_time(row["created_at"]), delivered=row["state"] == SENT,
        new_status=Status(status) if status in Status._value2member_map_ else None,
        escalation=str(payload.get(ESCALATE_KEY, "")).lower() in ("1", "true", "yes")
        or (kind == NOTE and str(payload.get("body", "")).startswith(ESCALATION_PREFIX)),
        marker=row["marker"],
    )


def actions_between(conn: sqlite3.Connection, start: datetime, end: datetime) -> list[Action]:
    """The agent's actions (outbox rows, any state) created in [start, end], oldest first."""
    rows = conn.execute(
        "SELECT * FROM outbox WHERE created_at >= ? AND created_at <= ? ORDER BY id",
        (format_time(start), format_time(end)),
    ).fetchall()
    return [_action(r) for r in rows if not _is_handoff(r)]


def _is_handoff(row: sqlite3.Row) -> bool:
    if row["kind"] != "message":
        return False
    return str(json.loads(row["payload"]).get("body", "")).startswith(HANDOFF_PREFIX)


def action_counts(conn: sqlite3.Connection, start: datetime, end: datetime) -> dict[str, int]:
    """Delivered replies, notes and status changes made in [start, end] (from `sent` outbox rows)."""
    done = [a for a in actions_between(conn, start, end) if a.delivered]
    return {
        "replies": sum(a.kind == REPLY for a in done),
        "notes": sum(a.kind == NOTE for a in done),
        "status_changes": sum(a.new_status is not None for a in done),
    }


def summary_inputs(conn: sqlite3.Connection, start: datetime, end: datetime) -> SummaryInputs:
    """Everything `domain.summary.summarize` needs for one window: actions, their tickets and threads."""
    actions = actions_between(conn, start, end)
    ids = sorted({a.ticket_id for a in actions})
    tickets = {t.id: t for t in (cache.get_ticket(conn, i) for i in ids) if t is not None}
    threads = {i: cache.get_thread(conn, i) for i in ids}
    return SummaryInputs(tuple(actions), tickets, threads)


def shift_summary(
    conn: sqlite3.Connection, shift: StoredShift, now: datetime, policy: SlaPolicy | None = None
) -> ShiftSummary:
    """The summary of a shift (a running one is summed up to `now`)."""
    view = shift.clock.view(now)
    if view.started_at is None:
        raise ShiftError("the shift has not started")
    inputs = summary_inputs(conn, view.started_at, view.ended_at or view.now)
    return summarize(view, inputs, policy=policy, shift_id=shift.id)


# The facade a screen or the CLI calls -------------------------------------------------------------

def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ShiftLog:
    """Shift operations on one store, one transaction each. Call from a thread worker (STYLE §3.4.1);
    `clock` is injected so tests and the `--now` option freeze time."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = _utcnow,
                 sla: SlaPolicy | None = None) -> None:
        self.store = store
        self.clock = clock
        self.sla = sla

    def current(self) -> StoredShift | None:
        """The running shift, if any (re-read it on each tick: `shift` commands may run beside the app)."""
        return self.store.read(running_shift)

    def view(self, *, last_activity: datetime | None = None) -> ShiftView:
        """The running shift's view now (an idle view when none runs)."""
        shift = self.current()
        clock = shift.clock if shift else ShiftClock()
        return clock.view(self.clock(), last_activity=last_activity)

    def start(self, policy: ShiftPolicy | None = None) -> StoredShift:
        """Start a shift. Raises ShiftError if one runs."""
        with self.store.transaction() as conn:
            return start_shift(conn, self.clock(), policy)

    def take_break(self, length: timedelta | None = None) -> StoredShift:
        """Go on a break. Raises ShiftError."""
        with self.store.transaction() as conn:
            return step_shift(conn, EventKind.BREAK, self.clock(), length=length)

    def resume(self) -> StoredShift:
        """Come back from a break. Raises ShiftError."""
        with self.store.transaction() as conn:
            return step_shift(conn, EventKind.RESUME, self.clock())

    def stop(self) -> tuple[StoredShift, ShiftSummary]:
        """End the shift and return its summary. Raises ShiftError."""
        with self.store.transaction() as conn:
            shift = step_shift(conn, EventKind.STOP, self.clock())
            return shift, shift_summary(conn, shift, self.clock(), self.sla)

    def activity(self) -> bool:
        """Call on agent input (cheap to call often: at most one row per `activity_every`)."""
        with self.store.transaction() as conn:
            return record_activity(conn, self.clock())

    def summary(self, shift_id: int | None = None) -> ShiftSummary | None:
        """The summary of a shift (default: the latest one), or None if there was none."""
        def read(conn: sqlite3.Connection) -> ShiftSummary | None:
            shift = load_shift(conn, shift_id) if shift_id is not None else latest_shift(conn)
            return shift_summary(conn, shift, self.clock(), self.sla) if shift else None

        return self.store.read(read)
