"""SinceCursor: the overlap and horizon that keep "updated since T" delta sync from missing tickets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from supportterm.backends.since_cursor import SinceCursor

T0 = datetime(2026, 11, 26, 3, 0, 0, tzinfo=timezone.utc)


def _at(seconds: float) -> str:
    return (T0 + timedelta(seconds=seconds)).isoformat().replace("+00:00", "Z")


def test_the_next_call_asks_from_the_overlap_before_the_newest_change_and_skips_what_it_delivered() -> None:
    cursor = SinceCursor().advance([("1", _at(0)), ("2", _at(5))], full=False, overlap=timedelta(seconds=1))
    assert cursor.since == T0 + timedelta(seconds=4) and cursor.page == 1
    assert cursor.seen == {"2": _at(5)}  # older ones are outside the window
    assert not cursor.is_fresh("2", _at(5)) and cursor.is_fresh("2", _at(6)) and cursor.is_fresh("3", _at(5))
    assert SinceCursor.load(cursor.dump()) == cursor


def test_a_lagging_index_is_covered_by_the_horizon() -> None:
    """A ticket changed at 3 s but indexed only after one changed at 5 s was listed: the horizon
    (server time minus the lag) keeps the window open until the lag has passed."""
    cursor = SinceCursor().advance([("2", _at(5))], full=False, overlap=timedelta(0), horizon=T0)
    assert cursor.since == T0
    late = cursor.advance([("1", _at(3)), ("2", _at(5))], full=False, overlap=timedelta(0),
                          horizon=T0 + timedelta(seconds=1))
    assert cursor.is_fresh("1", _at(3)) and not cursor.is_fresh("2", _at(5))
    assert late.since == T0 + timedelta(seconds=1)
    assert SinceCursor().advance([("2", _at(5))], full=False, overlap=timedelta(0)).since == T0 + timedelta(
        seconds=5)  # without a horizon the window starts at the newest change: 3 s would be missed


def test_a_full_page_inside_an_unmoved_window_turns_the_page_and_the_window_never_goes_back() -> None:
    same = [(str(i), _at(10)) for i in range(100)]
    first = SinceCursor().advance(same, full=True, overlap=timedelta(seconds=1))
    second = first.advance(same, full=True, overlap=timedelta(seconds=1))
    assert (first.page, second.page, second.since) == (1, 2, first.since)
    back = second.advance([("x", _at(-50))], full=False, overlap=timedelta(seconds=1))
    assert back.since == second.since


def test_a_cursor_of_another_kind_starts_over() -> None:
    assert SinceCursor.load('{"t": "2020", "ids": [1]}') == SinceCursor()
    assert SinceCursor.load("not json") == SinceCursor()
    assert SinceCursor.load(None) == SinceCursor()


def test_zammad_scan_cursor_round_trips_and_waits_for_the_lag_before_counting() -> None:
    from supportterm.backends.zammad_cursor import ScanCursor

    lag = timedelta(seconds=30)
    page = [("1", _at(0)), ("2", _at(20))]
    first = ScanCursor().after_page(page, full=False, now=T0 + timedelta(seconds=25), lag=lag)
    assert first.floor == T0 - timedelta(seconds=5) and first.seen == {"1": _at(0), "2": _at(20)}
    assert ScanCursor.load(first.dump()) == first
    assert first.query(T0) == r"updated_at:>2026-11-26T03\:00\:20.000Z"
    assert not first.check_due(T0 + timedelta(seconds=30), lag)  # the newest change is 10 s old
    assert first.check_due(T0 + timedelta(seconds=50), lag)
    assert first.counted(3, T0 + timedelta(seconds=50), lag).reread  # one more than delivered
    settled = first.counted(2, T0 + timedelta(seconds=50), lag)
    assert (settled.floor, settled.seen) == (T0 + timedelta(seconds=20), {"2": _at(20)})
    assert not settled.check_due(T0 + timedelta(seconds=500), lag)
    assert ScanCursor.load('{"since": 1}') == ScanCursor() and ScanCursor.load("[") == ScanCursor()
