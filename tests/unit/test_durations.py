"""Durations and SLA notices in the agent's language (ui/durations.py, ui/sla_text.py).

In English they must say exactly what the domain's English formatters say (the CLI's JSON and the
screens agree); in Russian the counted words take the plural form the number asks for.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from supportterm import i18n
from supportterm.domain.shift import format_duration
from supportterm.domain.sla import SlaStatus, countdown_text
from supportterm.domain.sla_watch import NoticeGate, SlaAlert, digest
from supportterm.ui import durations
from supportterm.ui.sla_text import digest_at

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
SPANS = [timedelta(seconds=s) for s in (0, 30, 59, 60, 61, 600, 3599, 3600, 3660, 7325, 86399, 86400,
                                        90061, 172800, 400000)]


def _alert(ticket: str, status: SlaStatus, minutes: int) -> SlaAlert:
    due = NOW + timedelta(minutes=minutes)
    return SlaAlert(ticket, f"Subject {ticket}", status, due, countdown_text(due - NOW))


@pytest.mark.parametrize("value", SPANS + [-v for v in SPANS])
def test_english_durations_equal_the_domain_formatters(value: timedelta) -> None:
    assert durations.duration(value) == format_duration(value)
    assert durations.countdown(value) == countdown_text(value)


def test_english_notices_equal_the_domain_digest() -> None:
    render = digest_at(lambda: NOW)
    one = [_alert("7", SlaStatus.AT_RISK, 25)]
    many = [_alert(str(n), SlaStatus.BREACHED if n % 3 else SlaStatus.AT_RISK, n - 4) for n in range(1, 8)]
    assert render(one) == digest(one)
    assert render(many) == digest(many)


def test_russian_counts_take_the_plural_the_number_asks_for() -> None:
    assert i18n.activate("ru") == "ru"
    render = digest_at(lambda: NOW)
    breached = [_alert(str(n), SlaStatus.BREACHED, -n) for n in range(1, 6)]
    title, text, is_breach = render(breached[:1] + [_alert("9", SlaStatus.AT_RISK, 10)])
    assert (title, is_breach) == ("SLA нарушен", True)
    assert text.splitlines()[0] == "1 заявка просрочена, 1 под угрозой"
    assert render(breached[:2])[1].splitlines()[0] == "2 заявки просрочены"
    assert render(breached)[1].splitlines() == ["5 заявок просрочено", "#5 #4 #3 #2 …",
                                                "Все они — в списке «SLA под угрозой»."]


def test_translated_units_keep_columns_narrow_and_headers_readable() -> None:
    i18n.activate("ru")
    assert [durations.span(s) for s in (45, 720, 18000, 259200)] == ["45с", "12м", "5ч", "3д"]
    assert durations.duration(timedelta(hours=2, minutes=5)) == "2 ч 05 мин"
    assert durations.countdown(timedelta(minutes=-3)) == "-3 мин"
    i18n.activate("az")
    assert max(len(durations.span(s)) for s in (45, 720, 18000, 259200)) <= 4  # the age column is 4 wide
    assert durations.countdown(timedelta(days=3, hours=4)) == "3 gün 4 saat"


def test_a_held_alert_is_told_with_the_time_left_when_it_is_told() -> None:
    i18n.activate("az")
    clock = [NOW]
    gate = NoticeGate(render=digest_at(lambda: clock[0]))
    assert gate.offer([_alert("1", SlaStatus.AT_RISK, 30)], NOW) is not None
    assert gate.offer([_alert("2", SlaStatus.AT_RISK, 30)], NOW + timedelta(seconds=20)) is None  # held
    clock[0] = NOW + timedelta(minutes=1)
    title, text, _ = gate.offer([], clock[0]) or ("", "", False)
    assert title == "SLA təhlükədə"
    assert "29 dəq sonra" in text


@pytest.mark.parametrize("day", range(1, 366, 17))
def test_english_dates_equal_strftime_and_translated_ones_name_day_and_month(day: int) -> None:
    from supportterm.ui.dates import short_when

    moment = datetime(2026, 1, 1, 9, 5) + timedelta(days=day)
    assert short_when(moment) == moment.strftime("%a %d %b %H:%M")
    i18n.activate("ru")
    assert short_when(datetime(2026, 11, 30, 9, 0)) == "пн 30 нояб. 09:00"
    i18n.activate("az")
    assert short_when(datetime(2026, 5, 3, 17, 45)) == "B. 03 may 17:45"
