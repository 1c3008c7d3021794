"""The shift clock: transitions, the header view, break reminder and countdown, idle detection, replay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import at

from supportterm.domain.shift import (
    EventKind,
    ShiftClock,
    ShiftError,
    ShiftPolicy,
    ShiftState,
    format_duration,
    parse_duration,
)

M = timedelta(minutes=1)
POLICY = ShiftPolicy(planned=timedelta(hours=8), break_after=90 * M, break_length=15 * M, idle_after=5 * M)


def started(minute: float = 0) -> ShiftClock:
    clock = ShiftClock()
    clock.start(at(minute), POLICY)
    return clock


def test_new_clock_is_idle() -> None:
    view = ShiftClock().view(at(0))
    assert view.state is ShiftState.IDLE and view.header_text() == "No shift"


def test_elapsed_and_remaining_on_shift() -> None:
    view = started().view(at(130))
    assert view.state is ShiftState.ON_SHIFT
    assert view.elapsed == 130 * M and view.remaining == 350 * M and view.worked == 130 * M
    assert view.header_text().startswith("On shift 2h 10m · 5h 50m left")


def test_break_reminder_after_active_work() -> None:
    clock = started()
    assert clock.view(at(89)).next_break_in == M and not clock.view(at(89)).break_due
    assert clock.view(at(90)).break_due
    assert "break due" in clock.view(at(95)).header_text()


def test_break_countdown_and_overrun() -> None:
    clock = started()
    clock.take_break(at(60))
    assert clock.state is ShiftState.ON_BREAK
    assert clock.view(at(70)).break_remaining == 5 * M
    assert "on break, 5m left" in clock.view(at(70)).header_text()
    assert clock.view(at(80)).break_remaining == -5 * M
    assert "break over by 5m" in clock.view(at(80)).header_text()


def test_break_of_its_own_length() -> None:
    clock = started()
    clock.take_break(at(60), 30 * M)
    assert clock.view(at(70)).break_remaining == 20 * M


def test_resume_resets_the_reminder_and_breaks_do_not_count_as_work() -> None:
    clock = started()
    clock.take_break(at(80))
    clock.resume(at(100))
    view = clock.view(at(130))
    assert view.active_since_break == 30 * M and view.next_break_in == 60 * M
    assert view.on_breaks == 20 * M and view.worked == 110 * M and view.breaks == 1
    assert view.elapsed == 130 * M  # the planned length includes breaks


def test_stop_freezes_the_view() -> None:
    clock = started()
    clock.take_break(at(60))
    clock.stop(at(70))  # stopping during a break ends it too
    later = clock.view(at(500))
    assert later.state is ShiftState.ENDED and later.elapsed == 70 * M and later.on_breaks == 10 * M
    assert later.ended_at == at(70) and later.header_text() == "Shift ended · 1h 10m"


def test_overtime() -> None:
    view = started().view(at(8 * 60 + 15))
    assert view.remaining == -15 * M and "overtime 15m" in view.header_text()


@pytest.mark.parametrize(("steps", "bad", "message"), [
    ([], "take_break", "no shift running"),
    ([], "stop", "no shift running"),
    (["start"], "start", "already running"),
    (["start"], "resume", "not on a break"),
    (["start", "take_break"], "take_break", "on a break"),
    (["start", "stop"], "start", "has ended"),
    (["start", "stop"], "resume", "has ended"),
])
def test_refused_transitions(steps: list[str], bad: str, message: str) -> None:
    clock = ShiftClock()
    for i, step in enumerate(steps):
        getattr(clock, step)(at(i))
    with pytest.raises(ShiftError, match=message):
        getattr(clock, bad)(at(10))


def test_clock_stepping_back_does_not_reorder_events() -> None:
    clock = started(10)
    event = clock.take_break(at(5))
    assert event.at == at(10)


def test_replay_after_restart_continues_the_same_shift() -> None:
    clock = started()
    clock.record_activity(at(3))
    clock.take_break(at(50))
    clock.resume(at(65))
    clock.record_activity(at(66))
    replayed = ShiftClock(clock.events)
    assert replayed.state is ShiftState.ON_SHIFT and replayed.policy == POLICY
    assert replayed.view(at(70)) == clock.view(at(70))
    replayed.stop(at(80))  # and it goes on from there
    assert replayed.view(at(90)).worked == 65 * M


def test_replay_skips_steps_that_do_not_fit() -> None:
    clock = started()
    clock.take_break(at(10))
    events = list(clock.events)
    events.insert(1, events[1])  # a duplicated "break" row (e.g. written twice by two processes)
    replayed = ShiftClock(events)
    assert [e.kind for e in replayed.events] == [EventKind.START, EventKind.BREAK]


def test_activity_is_throttled_and_only_on_shift() -> None:
    clock = started()
    assert clock.record_activity(at(1)) is not None
    assert clock.record_activity(at(1.5)) is None  # within a minute of the last stored one
    assert clock.record_activity(at(2)) is not None
    clock.take_break(at(3))
    assert clock.record_activity(at(4)) is None
    assert ShiftClock().record_activity(at(0)) is None


def test_idle_detection_from_activity() -> None:
    clock = started()
    clock.record_activity(at(10))
    assert not clock.view(at(14)).idle
    view = clock.view(at(20))
    assert view.idle and view.idle_for == 10 * M and "idle" in view.header_text()
    # the first 5 min after each input (or the start) count as work (reading, thinking); the rest
    # of each gap (0-10 and 10-20) is idle
    assert view.idle_total == 10 * M and view.active == 10 * M and view.active_since_break == 10 * M


def test_idle_detection_from_the_ui_last_activity() -> None:
    clock = started()
    clock.record_activity(at(1))
    assert not clock.view(at(20), last_activity=at(19)).idle
    assert clock.view(at(20), last_activity=at(12)).idle


def test_idle_gaps_delay_the_break_reminder() -> None:
    clock = started()
    clock.record_activity(at(1))
    clock.record_activity(at(60))  # 59-min gap: 54 min idle
    view = clock.view(at(61))
    assert view.idle_total == 54 * M and view.active_since_break == 7 * M and not view.idle


def test_without_activity_tracking_all_shift_time_is_active() -> None:
    view = started().view(at(120))
    assert not view.idle and view.active == 120 * M and view.last_activity is None


def test_json_view_shape() -> None:
    data = started().view(at(30)).as_dict()
    assert data["state"] == "on_shift" and data["elapsed_s"] == 1800
    assert data["started_at"] == "2026-01-05T09:00:00Z"
    assert data["break_remaining_s"] is None and data["header"].startswith("On shift")


@pytest.mark.parametrize(("text", "value"), [
    ("8h", timedelta(hours=8)), ("7h30m", timedelta(hours=7, minutes=30)), ("90m", 90 * M),
    ("1.5h", 90 * M), ("45s", timedelta(seconds=45)), (" 2h 15m ", 135 * M),
])
def test_parse_duration(text: str, value: timedelta) -> None:
    assert parse_duration(text) == value


@pytest.mark.parametrize("text", ["", "8", "eight hours", "8x", "0h", "h"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_format_duration() -> None:
    assert format_duration(125 * M) == "2h 05m" and format_duration(35 * M) == "35m"
    assert format_duration(timedelta(seconds=5)) == "<1m" and format_duration(-35 * M) == "35m"
