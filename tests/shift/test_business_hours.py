"""Business-hours arithmetic: across midnight, weekends, holidays and both DST changes.

Local wall times are written as local datetimes and converted, so each expectation reads the way a
support lead would state it ("due Tuesday 10:00 Berlin time").
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from supportterm.domain.sla import BusinessHours, add_business_time, business_time_between

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
H = timedelta(hours=1)


def local(tz: ZoneInfo, y: int, mo: int, d: int, h: int = 0, mi: int = 0, fold: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz, fold=fold).astimezone(timezone.utc)


OFFICE_BERLIN = BusinessHours.parse("Europe/Berlin", {"mon-fri": "09:00-18:00"})
OFFICE_NY = BusinessHours.parse("America/New_York", {"mon-fri": "09:00-17:00"})
ROUND_THE_CLOCK_BERLIN = BusinessHours.parse("Europe/Berlin", {"mon-sun": "00:00-24:00"})
NIGHTS_NY = BusinessHours.parse("America/New_York", {"mon-sun": "22:00-06:00"})


def test_within_one_day() -> None:
    start = local(BERLIN, 2026, 1, 5, 10)  # Monday
    assert add_business_time(start, 3 * H, OFFICE_BERLIN) == local(BERLIN, 2026, 1, 5, 13)


def test_ends_exactly_at_closing_time() -> None:
    start = local(BERLIN, 2026, 1, 5, 9)
    assert add_business_time(start, 9 * H, OFFICE_BERLIN) == local(BERLIN, 2026, 1, 5, 18)


def test_carries_over_midnight_to_the_next_morning() -> None:
    start = local(BERLIN, 2026, 1, 5, 16)  # Monday 16:00: 2 h left today
    assert add_business_time(start, 4 * H, OFFICE_BERLIN) == local(BERLIN, 2026, 1, 6, 11)


def test_start_outside_hours_waits_for_opening() -> None:
    start = local(BERLIN, 2026, 1, 5, 23, 30)  # Monday night
    assert add_business_time(start, 1 * H, OFFICE_BERLIN) == local(BERLIN, 2026, 1, 6, 10)
    early = local(BERLIN, 2026, 1, 6, 3)
    half_hour = timedelta(minutes=30)
    assert add_business_time(early, half_hour, OFFICE_BERLIN) == local(BERLIN, 2026, 1, 6, 9, 30)


def test_skips_the_weekend() -> None:
    friday = local(BERLIN, 2026, 1, 9, 17)  # Friday 17:00, 1 h left
    assert add_business_time(friday, 3 * H, OFFICE_BERLIN) == local(BERLIN, 2026, 1, 12, 11)
    saturday = local(BERLIN, 2026, 1, 10, 12)
    assert add_business_time(saturday, 1 * H, OFFICE_BERLIN) == local(BERLIN, 2026, 1, 12, 10)


def test_skips_holidays() -> None:
    hours = BusinessHours.parse("Europe/Berlin", {"mon-fri": "09:00-18:00"}, ["2026-12-24", "2026-12-25"])
    start = local(BERLIN, 2026, 12, 23, 17)  # Wednesday before Christmas
    # 1 h on the 23rd, then Thu 24th and Fri 25th are holidays, then the weekend: Monday 28th.
    assert add_business_time(start, 3 * H, hours) == local(BERLIN, 2026, 12, 28, 11)


def test_overnight_interval_across_midnight() -> None:
    start = local(NEW_YORK, 2026, 1, 5, 23)  # one hour into the night shift
    assert add_business_time(start, 5 * H, NIGHTS_NY) == local(NEW_YORK, 2026, 1, 6, 4)
    # 7 h of night work left from 23:00: the rest of the night (7 h) exactly to 06:00.
    assert add_business_time(start, 7 * H, NIGHTS_NY) == local(NEW_YORK, 2026, 1, 6, 6)
    # one more hour waits for the next night.
    assert add_business_time(start, 8 * H, NIGHTS_NY) == local(NEW_YORK, 2026, 1, 6, 23)


def test_overnight_interval_stops_on_a_holiday() -> None:
    hours = BusinessHours.parse("America/New_York", {"mon-sun": "22:00-06:00"}, ["2026-01-06"])
    start = local(NEW_YORK, 2026, 1, 5, 23)
    # Jan 6 is a holiday: no hours on that local date (00:00-06:00 and 22:00-24:00); the 6th-to-7th
    # night resumes after midnight, on the 7th.
    assert add_business_time(start, 2 * H, hours) == local(NEW_YORK, 2026, 1, 7, 1)


@pytest.mark.parametrize(("tz", "day", "hours"), [
    (BERLIN, (2026, 3, 29), 23), (BERLIN, (2026, 10, 25), 25),
    (NEW_YORK, (2026, 3, 8), 23), (NEW_YORK, (2026, 11, 1), 25),
])
def test_a_whole_dst_day_has_23_or_25_hours(tz: ZoneInfo, day: tuple[int, int, int], hours: int) -> None:
    schedule = BusinessHours(tz=tz, weekly={d: ((0, 1440),) for d in range(7)})
    start, end = local(tz, *day), local(tz, *day) + timedelta(days=2)
    assert business_time_between(local(tz, *day), local(tz, *day, 23, 59) + timedelta(minutes=1),
                                 schedule) == timedelta(hours=hours)
    assert business_time_between(start, end, schedule) == end - start


def test_spring_forward_office_hours_keep_local_times() -> None:
    # Friday 27 March 2026, Berlin 17:00 (CET), 3 h business time: 1 h Friday, 2 h Monday 30 March (CEST).
    start = local(BERLIN, 2026, 3, 27, 17)
    due = add_business_time(start, 3 * H, OFFICE_BERLIN)
    assert due == local(BERLIN, 2026, 3, 30, 11)
    assert due.astimezone(BERLIN).hour == 11 and due.astimezone(BERLIN).utcoffset() == 2 * H


def test_fall_back_office_hours_keep_local_times() -> None:
    start = local(NEW_YORK, 2026, 10, 30, 16)  # Friday 16:00 EDT; clocks fall back Sunday 1 Nov
    due = add_business_time(start, 2 * H, OFFICE_NY)
    assert due == local(NEW_YORK, 2026, 11, 2, 10)
    assert due.astimezone(NEW_YORK).utcoffset() == -5 * H


def test_round_the_clock_through_spring_forward_counts_real_hours() -> None:
    start = local(BERLIN, 2026, 3, 29, 1)  # 01:00 CET; at 02:00 the clocks jump to 03:00
    due = add_business_time(start, 2 * H, ROUND_THE_CLOCK_BERLIN)
    assert due - start == 2 * H
    assert due.astimezone(BERLIN).hour == 4


def test_round_the_clock_through_fall_back_counts_real_hours() -> None:
    start = local(BERLIN, 2026, 10, 25, 1)  # 01:00 CEST; 03:00 CEST becomes 02:00 CET
    due = add_business_time(start, 3 * H, ROUND_THE_CLOCK_BERLIN)
    assert due - start == 3 * H
    assert due.astimezone(BERLIN).hour == 3


def test_night_shift_across_the_dst_night() -> None:
    # New York, night of 7→8 March 2026 (spring forward at 02:00): the 22:00–06:00 night has 7 h.
    night = business_time_between(local(NEW_YORK, 2026, 3, 7, 21), local(NEW_YORK, 2026, 3, 8, 7), NIGHTS_NY)
    assert night == 7 * H
    fall = business_time_between(local(NEW_YORK, 2026, 10, 31, 21), local(NEW_YORK, 2026, 11, 1, 7),
                                 NIGHTS_NY)
    assert fall == 9 * H


def test_add_and_between_agree() -> None:
    start = local(BERLIN, 2026, 3, 26, 15, 20)
    for minutes in (1, 59, 61, 400, 541, 2000, 5000):
        due = add_business_time(start, timedelta(minutes=minutes), OFFICE_BERLIN)
        assert business_time_between(start, due, OFFICE_BERLIN) == timedelta(minutes=minutes)


def test_none_means_round_the_clock_and_zero_is_now() -> None:
    start = local(BERLIN, 2026, 1, 10, 12)
    assert add_business_time(start, 5 * H, None) == start + 5 * H
    assert add_business_time(start, timedelta(0), OFFICE_BERLIN) == start
    assert business_time_between(start, start - H, OFFICE_BERLIN) == timedelta(0)


def test_schedule_without_hours_is_an_error() -> None:
    with pytest.raises(ValueError, match="no working time"):
        add_business_time(local(BERLIN, 2026, 1, 5), H, BusinessHours(tz=BERLIN, weekly={}))


@pytest.mark.parametrize("weekly", [{"mon-fry": "09:00-18:00"}, {"mon": "9-18"}, {"mon": "09:00-25:00"}])
def test_parse_rejects_bad_config(weekly: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        BusinessHours.parse("Europe/Berlin", weekly)


def test_parse_day_ranges_wrap_and_split_intervals() -> None:
    hours = BusinessHours.parse("Asia/Baku", {"fri-mon": "09:00-13:00, 14:00-18:00"})
    assert sorted(hours.weekly) == [0, 4, 5, 6]
    assert hours.weekly[0] == ((540, 780), (840, 1080))
