"""Unit tests of the domain types: enums, time helpers, `awaiting_reply`, `TicketPatch`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from factories import T0, at, make_ticket

from supportterm.domain.models import (
    Priority,
    ReplyDraft,
    Status,
    TicketPatch,
    Visibility,
    format_time,
    parse_time,
    utc,
)


def test_active_statuses_are_the_ones_that_need_support() -> None:
    active = {s for s in Status if s.is_active}
    assert active == {Status.NEW, Status.OPEN, Status.ON_HOLD}


def test_priority_rank_sorts_urgent_first() -> None:
    ordered = sorted(Priority, key=lambda p: p.rank)
    assert ordered == [Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-05T09:30:00Z", datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)),
        ("2026-01-05T13:30:00+04:00", datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)),
        ("2026-01-05T09:30:00", datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)),
        ("", None),
        (None, None),
    ],
)
def test_parse_time_gives_aware_utc(text: str | None, expected: datetime | None) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    if parsed is not None:
        assert parsed.utcoffset() == timedelta(0)


def test_format_time_is_second_precision_utc_with_z() -> None:
    baku = timezone(timedelta(hours=4))
    assert format_time(datetime(2026, 1, 5, 13, 30, 15, 999_000, tzinfo=baku)) == "2026-01-05T09:30:15Z"
    assert format_time(None) is None
    assert parse_time(format_time(T0)) == T0


def test_utc_takes_naive_values_as_utc() -> None:
    assert utc(datetime(2026, 1, 5, 9, 0)) == T0
    assert utc(datetime(2026, 1, 5, 9, 0)).tzinfo is timezone.utc


@pytest.mark.parametrize(
    ("customer", "agent", "awaiting"),
    [
        (None, None, False),
        (at(0), None, True),
        (at(10), at(5), True),
        (at(5), at(10), False),
        (at(5), at(5), False),
    ],
)
def test_awaiting_reply_when_the_customer_spoke_last(customer, agent, awaiting) -> None:
    ticket = make_ticket(last_customer_at=customer, last_agent_at=agent)
    assert ticket.awaiting_reply is awaiting


def test_ticket_patch_round_trips_only_the_fields_set() -> None:
    patch = TicketPatch(status=Status.PENDING, assignee_id="a1")
    assert patch.as_dict() == {"status": "pending", "assignee_id": "a1"}
    assert TicketPatch.from_dict(patch.as_dict()) == patch
    assert TicketPatch().as_dict() == {}
    assert TicketPatch.from_dict({"priority": "urgent"}) == TicketPatch(priority=Priority.URGENT)


def test_reply_draft_defaults_to_a_public_reply_without_status_change() -> None:
    draft = ReplyDraft("Thank you for waiting.")
    assert draft.visibility is Visibility.PUBLIC
    assert draft.new_status is None
