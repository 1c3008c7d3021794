"""Provides the shift summary: what the agent did during a shift, from the store's records of it.

Shown when a shift stops (`supportterm shift stop`, the summary screen) and exported as JSON or CSV
for a team lead. It is computed, never counted live, from data the store already keeps: the shift's
events (times), the outbox rows the agent created during the shift (every action is one), and the
cached tickets and threads those actions touched. Pure: the store gathers `SummaryInputs`.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from supportterm.domain.models import Channel, Message, Priority, Status, Ticket, format_time, utc
from supportterm.domain.shift import ShiftView
from supportterm.domain.sla import SlaKind, SlaPolicy, SlaStatus, evaluate, wait_start
from supportterm.domain.text import one_line, terminal_safe_json

REPLY, NOTE, UPDATE = "reply", "note", "update"


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the agent did (one outbox row), as the summary needs it."""

    ticket_id: str
    kind: str
    """"reply" (public message), "note" (internal message) or "update" (fields only)."""
    at: datetime
    """When the agent acted (the outbox row's creation)."""
    delivered: bool
    """Whether the helpdesk has it (outbox state `sent`)."""
    new_status: Status | None = None
    escalation: bool = False
    marker: str | None = None


@dataclass(frozen=True, slots=True)
class SummaryInputs:
    """What the store hands over for one shift window."""

    actions: tuple[Action, ...]
    tickets: Mapping[str, Ticket] = field(default_factory=dict)
    threads: Mapping[str, Sequence[Message]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ShiftSummary:
    """The numbers of one shift. Durations are whole seconds; see docs/shift.md for the fields."""

    shift_id: int | None
    started_at: str | None
    ended_at: str | None
    planned_s: int
    worked_s: int
    on_breaks_s: int
    breaks: int
    active_s: int
    tickets_touched: int
    replies: int
    notes: int
    status_changes: int
    solved: int
    escalations: int
    undelivered: int
    first_responses: int
    median_first_response_s: int | None
    sla_breaches: int
    longest_wait_s: int | None
    longest_wait_ticket: str | None

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return asdict(self)

    def to_json(self) -> str:
        """The summary as one JSON object; ticket ids come from the helpdesk, so invisible and control
        characters are written as escapes (the same data, safe to `cat`)."""
        return terminal_safe_json(self.as_dict())

    def to_csv(self) -> str:
        """The summary as a two-column CSV (`metric,value`), easy to paste into a spreadsheet."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["metric", "value"])
        for key, value in self.as_dict().items():
            writer.writerow([key, "" if value is None else _csv_cell(value)])
        return out.getvalue()


def _csv_cell(value: object) -> object:
    """A text cell that a spreadsheet shows as text: one inert line, never a formula (=, +, -, @)."""
    if not isinstance(value, str):
        return value
    text = one_line(value)
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


@dataclass(frozen=True, slots=True)
class _Reply:
    """A delivered public reply, with the customer's wait it answered."""

    ticket_id: str
    at: datetime
    wait_kind: SlaKind | None
    wait_since: datetime | None


def summarize(
    view: ShiftView,
    inputs: SummaryInputs,
    *,
    policy: SlaPolicy | None = None,
    shift_id: int | None = None,
) -> ShiftSummary:
    """Compute the summary of the shift `view` describes (its `now` closes a running shift).

    Counted actions are those delivered (outbox `sent`); the rest are reported as `undelivered`.
    """
    policy = policy or SlaPolicy()
    done = [a for a in inputs.actions if a.delivered]
    replies = [_reply(a, inputs) for a in done if a.kind == REPLY]
    firsts = _first_responses(replies)
    waits = [(r.at - r.wait_since, r.ticket_id) for r in replies if r.wait_since is not None]
    longest = max(waits, default=None, key=lambda w: w[0])
    return ShiftSummary(
        shift_id=shift_id, started_at=format_time(view.started_at),
        ended_at=format_time(view.ended_at or view.now), planned_s=_s(view.planned),
        worked_s=_s(view.worked), on_breaks_s=_s(view.on_breaks), breaks=view.breaks,
        active_s=_s(view.active), tickets_touched=len({a.ticket_id for a in done}),
        replies=len(replies), notes=sum(a.kind == NOTE for a in done),
        status_changes=sum(a.new_status is not None for a in done),
        solved=sum(a.new_status is Status.SOLVED for a in done),
        escalations=sum(a.escalation for a in done),
        undelivered=sum(not a.delivered for a in inputs.actions),
        first_responses=len(firsts),
        median_first_response_s=_median_s(firsts),
        sla_breaches=_breaches(replies, inputs, policy, view.ended_at or view.now),
        longest_wait_s=_s(longest[0]) if longest else None,
        longest_wait_ticket=longest[1] if longest else None,
    )


def _s(value: timedelta) -> int:
    return int(value.total_seconds())


def _median_s(values: list[timedelta]) -> int | None:
    """Median in whole seconds (the mean of the middle two for an even count), None when empty."""
    return int(statistics.median(v.total_seconds() for v in values)) if values else None


def _reply(action: Action, inputs: SummaryInputs) -> _Reply:
    """Find the customer's wait a reply answered, from the thread as it stood just before it."""
    thread = [m for m in inputs.threads.get(action.ticket_id, ()) if m.marker != action.marker
              or action.marker is None]
    ticket = inputs.tickets.get(action.ticket_id)
    if thread:
        wait = wait_start(ticket, thread, before=action.at) if ticket else _bare_wait(thread, action.at)
    elif ticket is not None and ticket.last_customer_at is not None:
        # No thread cached: the list fields are all there is; take the customer's last word.
        since = utc(ticket.last_customer_at)
        wait = (SlaKind.NEXT_RESPONSE, since) if since <= utc(action.at) else None
    else:
        wait = None
    return _Reply(action.ticket_id, utc(action.at), wait[0] if wait else None, wait[1] if wait else None)


def _bare_wait(thread: Sequence[Message], before: datetime) -> tuple[SlaKind, datetime] | None:
    """`wait_start` for a ticket missing from the cache (only its thread is known)."""
    stand_in = Ticket(id="", subject="", status=Status.OPEN, priority=Priority.NORMAL,
                      channel=Channel.EMAIL, requester_id="", created_at=before, updated_at=before)
    return wait_start(stand_in, thread, before=before)


def _first_responses(replies: list[_Reply]) -> list[timedelta]:
    """Per ticket, the first reply of the shift that was the ticket's first response ever."""
    seen: set[str] = set()
    out: list[timedelta] = []
    for reply in sorted(replies, key=lambda r: r.at):
        if reply.ticket_id in seen:
            continue
        seen.add(reply.ticket_id)
        if reply.wait_kind is SlaKind.FIRST_RESPONSE and reply.wait_since is not None:
            out.append(reply.at - reply.wait_since)
    return out


def _breaches(replies: list[_Reply], inputs: SummaryInputs, policy: SlaPolicy, end: datetime) -> int:
    """Replies sent after their due time, plus touched tickets still waiting past due at the end."""
    count = 0
    for reply in replies:
        ticket = inputs.tickets.get(reply.ticket_id)
        if reply.wait_kind is None or reply.wait_since is None or ticket is None:
            continue
        if reply.at > policy.due(reply.wait_kind, ticket.priority, reply.wait_since):
            count += 1
    touched = {r.ticket_id for r in replies} | {a.ticket_id for a in inputs.actions if a.delivered}
    for ticket_id in sorted(touched):
        ticket = inputs.tickets.get(ticket_id)
        if ticket is None:
            continue
        clock = evaluate(ticket, policy, end, inputs.threads.get(ticket_id) or None)
        if clock is not None and clock.status is SlaStatus.BREACHED:
            count += 1
    return count
