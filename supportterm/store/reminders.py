"""Provides the store side of the app's reminder timer: the SLA watch and due follow-ups.

The watch reads the tickets of the agent's views from the cache (never the network), runs
`domain.sla_watch.watch`, and keeps its result as one JSON value in `sync_state` (key `sla_watch`):
ticket id -> [due_at, status, announced]. The "SLA at risk" view selects those ids, and the next run
reads them back so each ticket is announced once per wait, also across a restart.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from supportterm.domain.models import Ticket, format_time, parse_time
from supportterm.domain.sla import SlaPolicy, SlaStatus
from supportterm.domain.sla_watch import Watched, WatchResult, watch
from supportterm.domain.views import View
from supportterm.store import state
from supportterm.store import tickets as cache
from supportterm.store.shift import FollowUp, follow_ups_due

WATCH_KEY = "sla_watch"
PER_VIEW = 1000
"""Waiting tickets read per view (newest update first); beyond that a view is not watched."""


def watched_tickets(conn: sqlite3.Connection, views: Iterable[View], me: str | None) -> list[Ticket]:
    """Active tickets waiting for a reply in any of the agent's views, each once."""
    found: dict[str, Ticket] = {}
    for view in views:
        if view.sla_risk or view.follow_ups:
            continue  # these select from the watch itself
        waiting = replace(view, awaiting_only=True)
        for ticket in cache.window(conn, waiting, offset=0, limit=PER_VIEW, me=me):
            if ticket.status.is_active:
                found.setdefault(ticket.id, ticket)
    return list(found.values())


def load_watch(conn: sqlite3.Connection) -> dict[str, Watched]:
    """The watch as the last run left it."""
    raw = state.get_state(conn, WATCH_KEY)
    out: dict[str, Watched] = {}
    for ticket_id, (due_at, status, announced) in (json.loads(raw) if raw else {}).items():
        due = parse_time(due_at)
        if due is not None and status in SlaStatus._value2member_map_:
            out[ticket_id] = Watched(ticket_id, due, SlaStatus(status),
                                     SlaStatus(announced) if announced else None)
    return out


def save_watch(conn: sqlite3.Connection, watched: Iterable[Watched]) -> None:
    """Replace the watch with this run's result."""
    value = {w.ticket_id: [format_time(w.due_at), w.status.value, w.announced.value if w.announced else None]
             for w in watched}
    state.put_state(conn, WATCH_KEY, json.dumps(value))


def run_watch(
    conn: sqlite3.Connection, views: Iterable[View], policy: SlaPolicy, now: datetime
) -> WatchResult:
    """One run of the watch inside the caller's transaction: read, decide, remember."""
    me = state.get_state(conn, "me_id")
    result = watch(watched_tickets(conn, views, me), policy, now, load_watch(conn))
    save_watch(conn, result.watched)
    return result


@dataclass(frozen=True, slots=True)
class DueFollowUp:
    """A follow-up whose time has come, with its ticket's subject for the notice."""

    follow_up: FollowUp
    subject: str

    def text(self) -> str:
        """One line for a notification."""
        note = f" — {self.follow_up.note}" if self.follow_up.note else ""
        return f"#{self.follow_up.ticket_id} {self.subject}{note}"


def due_follow_ups(conn: sqlite3.Connection, now: datetime) -> list[DueFollowUp]:
    """Open follow-ups due at `now`, with their subjects (the ticket may be missing from the cache)."""
    out = []
    for item in follow_ups_due(conn, now):
        ticket = cache.get_ticket(conn, item.ticket_id)
        out.append(DueFollowUp(item, ticket.subject if ticket else "(not in the cache)"))
    return out


def complete_due_follow_ups(conn: sqlite3.Connection, ticket_id: str, now: datetime) -> int:
    """Mark a ticket's due follow-ups done (the agent has just written to the customer)."""
    cursor = conn.execute(
        "UPDATE follow_ups SET done = 1, done_at = ? WHERE ticket_id = ? AND done = 0 AND due_at <= ?",
        (format_time(now), ticket_id, format_time(now)),
    )
    return cursor.rowcount
