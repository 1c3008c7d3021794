"""Follow-up times typed by the agent, clock and zone frozen (midnight, weekdays, both DST changes)."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from supportterm.domain.followup import EXAMPLES, FollowUpTimeError, parse_follow_up

BERLIN = ZoneInfo("Europe/Berlin")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def z(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_relative_amounts_are_elapsed_time_across_midnight() -> None:
    now = local(2026, 11, 26, 23, 30)
    assert parse_follow_up("in 2h", now, BERLIN).due_at == z(2026, 11, 27, 0, 30)
    assert parse_follow_up("in 90m", now, BERLIN).due_at == z(2026, 11, 27, 0, 0)
    assert parse_follow_up("in 90m", now, BERLIN).local.date().day == 27  # past local midnight
    assert parse_follow_up("1h30m", now, BERLIN).due_at == z(2026, 11, 27, 0, 0)
    assert parse_follow_up("in 2 days", now, BERLIN).due_at == z(2026, 11, 28, 22, 30)


def test_relative_amount_over_spring_forward_is_24_real_hours() -> None:
    now = local(2026, 3, 28, 12, 0)  # CET, UTC+1
    due = parse_follow_up("in 24h", now, BERLIN)
    assert due.due_at == z(2026, 3, 29, 11, 0)
    assert due.local.hour == 13  # CEST: the wall clock moved an hour


def test_tomorrow_keeps_the_wall_time_over_both_dst_changes() -> None:
    spring, autumn = local(2026, 3, 28, 20, 0), local(2026, 10, 24, 20, 0)
    assert parse_follow_up("tomorrow 12:00", spring, BERLIN).due_at == z(2026, 3, 29, 10, 0)
    assert parse_follow_up("tomorrow 9:00", autumn, BERLIN).due_at == z(2026, 10, 25, 8, 0)
    assert parse_follow_up("tomorrow", local(2026, 10, 24, 20, 0), BERLIN).local.strftime("%H:%M") == "09:00"


def test_wall_time_in_the_gap_and_in_the_repeated_hour() -> None:
    gap = parse_follow_up("tomorrow 02:30", local(2026, 3, 28, 20, 0), BERLIN)
    assert gap.due_at == z(2026, 3, 29, 1, 30)  # read with the offset before the change: 03:30 CEST
    assert gap.local.strftime("%H:%M") == "03:30"
    repeated = parse_follow_up("tomorrow 02:30", local(2026, 10, 24, 20, 0), BERLIN)
    assert repeated.due_at == z(2026, 10, 25, 0, 30)  # the first 02:30 (still CEST)


def test_bare_clock_time_is_today_or_tomorrow_once_passed() -> None:
    assert parse_follow_up("17:30", local(2026, 11, 26, 10, 0), BERLIN).due_at == z(2026, 11, 26, 16, 30)
    assert parse_follow_up("17:30", local(2026, 11, 26, 18, 0), BERLIN).due_at == z(2026, 11, 27, 16, 30)
    assert parse_follow_up("00:15", local(2026, 11, 26, 23, 50), BERLIN).due_at == z(2026, 11, 26, 23, 15)


def test_weekday_is_its_next_occurrence_after_now() -> None:
    sunday_night = local(2026, 11, 29, 23, 50)
    assert parse_follow_up("mon 9:00", sunday_night, BERLIN).local == local(2026, 11, 30, 9, 0)
    monday_early = local(2026, 11, 30, 8, 0)
    assert parse_follow_up("Monday 9:00", monday_early, BERLIN).local == local(2026, 11, 30, 9, 0)
    monday_late = local(2026, 11, 30, 10, 0)
    assert parse_follow_up("mon 9:00", monday_late, BERLIN).local == local(2026, 12, 7, 9, 0)
    assert parse_follow_up("fri", monday_late, BERLIN).local == local(2026, 12, 4, 9, 0)


def test_weekday_after_the_clocks_change_keeps_its_wall_time() -> None:
    friday = local(2026, 10, 23, 17, 0)  # CEST; Monday is CET
    due = parse_follow_up("mon 9:00", friday, BERLIN)
    assert due.due_at == z(2026, 10, 26, 8, 0)


def test_iso_date_and_the_description() -> None:
    due = parse_follow_up("2026-12-01 10:00", local(2026, 11, 26, 10, 0), BERLIN)
    assert due.due_at == z(2026, 12, 1, 9, 0)
    assert due.describe() == "Tue 01 Dec 10:00"


@pytest.mark.parametrize("text", ["", "soon", "25:00", "tomorrow 9:75", "in 0m", "2020-01-01 10:00",
                                  "today 08:00", "mon tue wed", "in 2x"])
def test_unreadable_or_past_times_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(FollowUpTimeError) as err:
        parse_follow_up(text, local(2026, 11, 26, 10, 0), BERLIN)
    assert str(err.value)


def test_every_example_shown_to_the_agent_parses() -> None:
    now = local(2026, 11, 26, 10, 0)
    for text in EXAMPLES:
        assert parse_follow_up(text, now, BERLIN).due_at > now
