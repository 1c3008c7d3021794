"""SLA due times and statuses: backend due times win, the local policy fills in, statuses by threshold."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from factories import T0, at, make_message, make_ticket

from supportterm.domain.models import Priority, Role, Status, Visibility
from supportterm.domain.sla import (
    BusinessHours,
    SlaKind,
    SlaPolicy,
    SlaStatus,
    countdown_text,
    evaluate,
    response_due,
    sla_status,
    wait_start,
)

POLICY = SlaPolicy()  # around the clock; normal: 8 h first, 16 h next


def test_backend_due_time_wins() -> None:
    ticket = make_ticket(due_at=at(45))
    due = response_due(ticket, POLICY)
    assert due is not None and due.source == "backend" and due.due_at == at(45)
    assert due.kind is SlaKind.FIRST_RESPONSE


def test_policy_first_response_by_priority() -> None:
    targets = ((Priority.URGENT, 1), (Priority.HIGH, 4), (Priority.NORMAL, 8), (Priority.LOW, 24))
    for priority, hours in targets:
        due = response_due(make_ticket(priority=priority), POLICY)
        assert due is not None and due.source == "policy"
        assert due.due_at == T0 + timedelta(hours=hours)


def test_next_response_counts_from_the_customer_message_after_our_reply() -> None:
    ticket = make_ticket(last_agent_at=at(60), last_customer_at=at(120))
    due = response_due(ticket, POLICY)
    assert due is not None and due.kind is SlaKind.NEXT_RESPONSE
    assert due.due_at == at(120) + timedelta(hours=16)


def test_thread_gives_the_oldest_unanswered_message() -> None:
    ticket = make_ticket(last_agent_at=at(60), last_customer_at=at(300))
    thread = [
        make_message(created_at=at(0)),
        make_message(author_role=Role.AGENT, author_id="a1", created_at=at(60)),
        make_message(created_at=at(90)),  # the wait starts here, not at the chaser
        make_message(author_role=Role.AGENT, visibility=Visibility.INTERNAL, created_at=at(100)),
        make_message(created_at=at(300)),
    ]
    assert wait_start(ticket, thread) == (SlaKind.NEXT_RESPONSE, at(90))
    due = response_due(ticket, POLICY, thread)
    assert due is not None and due.due_at == at(90) + timedelta(hours=16)
    # replayed as of minute 70, nobody waited
    assert wait_start(ticket, thread, before=at(70)) is None


@pytest.mark.parametrize("status", [Status.PENDING, Status.SOLVED, Status.CLOSED])
def test_no_clock_when_the_ball_is_not_with_support(status: Status) -> None:
    assert response_due(make_ticket(status=status), POLICY) is None


def test_no_clock_when_answered() -> None:
    assert response_due(make_ticket(last_agent_at=at(10)), POLICY) is None


def test_policy_with_business_hours() -> None:
    hours = BusinessHours.parse("UTC", {"mon-fri": "09:00-17:00"})
    ticket = make_ticket(created_at=at(60 * 7), last_customer_at=at(60 * 7))  # Monday 16:00 UTC
    due = response_due(ticket, replace(POLICY, hours=hours))
    assert due is not None and due.due_at == at(60 * 24 + 60 * 7)  # Tuesday 16:00


@pytest.mark.parametrize(("minutes_left", "status"), [
    (120, SlaStatus.OK), (31, SlaStatus.OK), (30, SlaStatus.AT_RISK), (0, SlaStatus.AT_RISK),
    (-1, SlaStatus.BREACHED),
])
def test_status_thresholds(minutes_left: int, status: SlaStatus) -> None:
    assert sla_status(at(100), at(100 - minutes_left), timedelta(minutes=30)) is status


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(days=3, hours=4, minutes=5), "3d 4h"), (timedelta(hours=2, minutes=5), "2h 05m"),
    (timedelta(minutes=45, seconds=30), "45m"), (timedelta(seconds=20), "<1m"),
    (timedelta(minutes=-12), "-12m"), (timedelta(hours=-1, minutes=-3), "-1h 03m"),
])
def test_countdown_text(delta: timedelta, text: str) -> None:
    assert countdown_text(delta) == text


def test_evaluate_at_a_frozen_instant() -> None:
    ticket = make_ticket(priority=Priority.URGENT)  # due T0 + 1 h
    ok, risky, late = (evaluate(ticket, POLICY, at(m)) for m in (10, 45, 75))
    assert ok is not None and ok.status is SlaStatus.OK and ok.text == "50m"
    assert risky is not None and risky.status is SlaStatus.AT_RISK
    assert late is not None and late.status is SlaStatus.BREACHED and late.text == "-15m"
    assert late.as_dict()["remaining_s"] == -15 * 60
    assert evaluate(make_ticket(status=Status.SOLVED), POLICY, at(0)) is None
