"""Local SLA due times where the helpdesk gives none, and the calm SLA notices, with time frozen.

The inbox row, the ticket header, the SLA watch (its view and notices) must show one and the same due
time for a ticket; the policy memoises it so painting rows never redoes business-hours arithmetic.
Notices: at most one a minute, everything found meanwhile grouped into it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from factories import at, make_ticket

from supportterm.domain.models import Priority, Status
from supportterm.domain.sla import (
    BusinessHours,
    SlaKind,
    SlaPolicy,
    SlaStatus,
    add_business_time,
    local_due_at,
    local_due_times,
)
from supportterm.domain.sla_watch import GROUP_EVERY, NoticeGate, SlaAlert, watch
from supportterm.sla_settings import SlaSettings
from supportterm.ui.reminders import SLA_TOAST_S
from supportterm.ui.widgets.ticket_row import LOCAL_MARK, row_segments, row_text

# T0 (factories) is Monday 2026-01-05 09:00 UTC = 10:00 in Berlin.
BERLIN_OFFICE = BusinessHours.parse("Europe/Berlin", {"mon-fri": "09:00-17:00"}, ["2026-01-06"])
POLICY = SlaPolicy(hours=BERLIN_OFFICE)


def test_the_policy_gives_a_due_time_only_where_the_helpdesk_gives_none() -> None:
    # High priority: 4 business hours from 10:00 Monday (Berlin) -> 14:00 Berlin = 13:00 UTC.
    waiting = make_ticket("1", priority=Priority.HIGH)
    assert local_due_at(waiting, POLICY) == at(4 * 60)
    # Normal: 8 h = 7 h Monday (10-17) + 1 h; Tuesday is a holiday -> Wednesday 10:00 Berlin.
    normal = make_ticket("2")
    assert local_due_at(normal, POLICY) == datetime.fromisoformat("2026-01-07T09:00:00+00:00")
    assert local_due_at(make_ticket("3", due_at=at(30)), POLICY) is None  # the helpdesk's wins
    answered = make_ticket("4", last_agent_at=at(5))
    assert local_due_at(answered, POLICY) is None  # nobody waits
    assert local_due_at(make_ticket("5", status=Status.PENDING), POLICY) is None
    # A next response counts from the customer's latest message, with the next-response target.
    again = make_ticket("6", priority=Priority.URGENT, last_agent_at=at(5), last_customer_at=at(60))
    assert local_due_at(again, POLICY) == at(60 + 120)
    assert local_due_times([waiting, normal, answered], POLICY) == {
        "1": at(240), "2": datetime.fromisoformat("2026-01-07T09:00:00+00:00")}


def test_due_times_are_memoised_per_wait() -> None:
    policy = SlaPolicy(hours=BERLIN_OFFICE)
    tickets = [make_ticket(str(i), priority=Priority.LOW, created_at=at(i), last_customer_at=at(i))
               for i in range(50)]
    first = local_due_times(tickets, policy)
    assert len(policy.memo) == 50
    assert local_due_times(tickets, policy) == first
    assert len(policy.memo) == 50  # the same waits again: nothing recomputed
    key = (SlaKind.FIRST_RESPONSE, Priority.LOW, at(7))
    assert policy.memo[key] == add_business_time(at(7), timedelta(hours=24), BERLIN_OFFICE)
    assert policy == SlaPolicy(hours=BERLIN_OFFICE)  # the memo is not part of the policy's identity
    faster = replace(policy, first_response={**policy.first_response, Priority.LOW: timedelta(hours=1)})
    assert faster.memo == {}  # other targets never reuse the memo's due times
    assert local_due_at(tickets[7], faster) == add_business_time(at(7), timedelta(hours=1), BERLIN_OFFICE)


def test_settings_hand_out_one_policy_so_its_memo_is_shared() -> None:
    office = {"mon-fri": "09:00-17:00"}
    first = SlaSettings(time_zone="Europe/Berlin", business_hours=dict(office)).policy()
    again = SlaSettings(time_zone="Europe/Berlin", business_hours=dict(office)).policy()
    other = SlaSettings(time_zone="Europe/Berlin", business_hours=dict(office), warn_minutes=10).policy()
    assert first is again
    assert other is not first and other.at_risk_within == timedelta(minutes=10)


def _due_cell(ticket_row_text: str) -> str:
    return ticket_row_text[2:].split()[1]  # flag, priority, then the due column


def test_the_row_marks_a_local_due_time_and_colours_it_like_the_helpdesks() -> None:
    local = make_ticket("1", priority=Priority.HIGH)
    due = local_due_at(local, POLICY)
    assert due is not None
    ok = row_text(local, {}, at(0), 120, local_due=due)
    assert _due_cell(ok.plain) == "4h" + LOCAL_MARK
    risky = row_text(local, {}, at(4 * 60 - 20), 120, local_due=due)
    breached = row_text(local, {}, at(4 * 60 + 5), 120, local_due=due)
    assert _due_cell(risky.plain) == "20m*" and _due_cell(breached.plain) == "-5m*"
    backend = make_ticket("2", priority=Priority.HIGH, due_at=at(4 * 60))
    backend_risky = row_text(backend, {}, at(4 * 60 - 20), 120)
    backend_breached = row_text(backend, {}, at(4 * 60 + 5), 120)
    assert _due_cell(backend_risky.plain) == "20m"  # the helpdesk's own: no mark

    def due_style(text: object) -> str:
        return str(next(s.style for s in text.spans if s.start == 7))  # type: ignore[attr-defined]

    assert due_style(risky) == due_style(backend_risky) == "bold yellow"
    assert due_style(breached) == due_style(backend_breached) == "bold reverse red"
    # The segment path (what the list paints) shows the same cell.
    segments = row_segments(local, {}, at(4 * 60 + 5), 120, local_due=due)
    assert segments[4].text.strip() == "-5m*"
    assert "*" not in "".join(s.text for s in row_segments(local, {}, at(0), 120))  # no due given: none


def test_row_header_watch_and_view_agree_on_the_due_time() -> None:
    tickets = [make_ticket(str(i), priority=Priority.URGENT, created_at=at(i * 7), last_customer_at=at(i * 7))
               for i in range(10)]
    shown = local_due_times(tickets, POLICY)
    result = watch(tickets, POLICY, at(24 * 60), {})  # a day later: all breached
    assert {w.ticket_id: w.due_at for w in result.watched} == shown
    assert {a.ticket_id: a.due_at for a in result.alerts} == shown


def _alert(ticket_id: str, status: SlaStatus = SlaStatus.BREACHED) -> SlaAlert:
    return SlaAlert(ticket_id, f"Subject {ticket_id}", status, at(0), "-1m" if status is SlaStatus.BREACHED
                    else "20m")


def test_the_gate_tells_at_most_one_notice_a_minute_grouping_the_rest() -> None:
    gate = NoticeGate()
    first = gate.offer([_alert("1")], at(0))
    assert first == ("SLA breached", "#1 breached its SLA (-1m): Subject 1", True)
    assert gate.offer([_alert("2")], at(0.5)) is None  # too soon: held
    assert gate.offer([_alert("3", SlaStatus.AT_RISK), _alert("4", SlaStatus.AT_RISK)], at(0.9)) is None
    grouped = gate.offer([], at(1))
    assert grouped is not None
    title, text, breached = grouped
    assert (title, breached) == ("SLA breached", True)
    assert text.splitlines() == ["1 breached, 2 at risk", "#2 #3 #4", "All in the SLA at risk view."]
    assert gate.offer([], at(5)) is None  # nothing new: silent
    assert gate.offer([_alert("5", SlaStatus.AT_RISK)], at(6)) == (
        "SLA at risk", "#5 breaches in 20m: Subject 5", False)


def test_held_alerts_follow_the_watch() -> None:
    gate = NoticeGate()
    assert gate.offer([_alert("1")], at(0)) is not None
    gate.offer([_alert("2", SlaStatus.AT_RISK), _alert("3", SlaStatus.AT_RISK)], at(0.2))
    gate.offer([_alert("2")], at(0.5))  # ticket 2 breached meanwhile: the breach replaces the warning
    told = gate.offer([], at(1), watched={"1", "2"})  # ticket 3 was answered: dropped
    assert told == ("SLA breached", "#2 breached its SLA (-1m): Subject 2", True)
    assert gate.offer([_alert("9")], at(1.5), watched=set()) is None
    assert gate.offer([], at(2), watched=set()) is None  # held alert of an answered ticket: never told


def test_an_sla_toast_is_gone_before_the_next_can_come() -> None:
    assert SLA_TOAST_S < GROUP_EVERY.total_seconds()



def test_the_row_turns_amber_at_the_configured_warning_time_not_a_fixed_hour() -> None:
    """One threshold everywhere: `[sla] warn_minutes` drives the row colour as it drives the notices."""
    from supportterm.ui import format as fmt

    ticket = replace(make_ticket("9", status=Status.OPEN), due_at=at(45))
    due_text = fmt.due(at(45), at(0))

    def due_cell_is_styled(at_risk: timedelta) -> bool:
        segments = row_segments(ticket, {}, at(0), 160, at_risk=at_risk)
        cell = next(s for s in segments if due_text in s.text)
        return bool(cell.style and (cell.style.bold or cell.style.color))

    assert not due_cell_is_styled(timedelta(minutes=30))  # 45 minutes left, warning at 30: plain
    assert due_cell_is_styled(timedelta(minutes=60))  # warning at 60: at risk
