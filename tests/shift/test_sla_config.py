"""The `[sla]` and `[shift]` tables: read into the policy the notifier and summary use; each bad value is
reported with its dotted key and a suggestion, and its default stands in."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from supportterm.config import check_settings, load_settings
from supportterm.domain.models import Priority
from supportterm.domain.sla import SlaKind
from supportterm.errors import ConfigError


def _settings(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return check_settings(path)


def test_defaults_without_the_tables(tmp_path: Path) -> None:
    settings, problems = _settings(tmp_path, "")
    assert problems == []
    policy = settings.sla.policy()
    assert policy.first_response[Priority.URGENT] == timedelta(hours=1)
    assert policy.next_response[Priority.LOW] == timedelta(hours=48)
    assert policy.hours is None and policy.at_risk_within == timedelta(minutes=30)
    assert settings.sla.bell is False and settings.sla.notify is True
    assert settings.shift.handoff_ticket == "" and settings.shift.availability is True


def test_a_full_table_becomes_the_policy(tmp_path: Path) -> None:
    settings, problems = _settings(tmp_path, """
[sla]
time_zone = "Europe/Berlin"
holidays = ["2026-12-24", 2026-12-25]
warn_minutes = 20
bell = true
[sla.business_hours]
"mon-fri" = "09:00-18:00"
[sla.first_response]
urgent = "30m"
low = "2d"
[sla.next_response]
high = "90m"
[shift]
handoff_ticket = 1042
availability = false
""")
    assert problems == []
    sla = settings.sla
    policy = sla.policy()
    assert policy.first_response[Priority.URGENT] == timedelta(minutes=30)
    assert policy.first_response[Priority.LOW] == timedelta(hours=48)
    assert policy.first_response[Priority.HIGH] == timedelta(hours=4)  # untouched default
    assert policy.next_response[Priority.HIGH] == timedelta(minutes=90)
    assert policy.at_risk_within == timedelta(minutes=20) and sla.bell
    assert sla.holidays == ("2026-12-24", "2026-12-25")
    # Friday 17:45 Berlin, urgent: 15 min today, the other 15 on Monday 09:15 (weekend closed).
    since = datetime(2026, 11, 27, 16, 45, tzinfo=timezone.utc)
    assert policy.due(SlaKind.FIRST_RESPONSE, Priority.URGENT, since) == datetime(
        2026, 11, 30, 8, 15, tzinfo=timezone.utc)
    assert settings.shift.handoff_ticket == "1042" and settings.shift.availability is False


@pytest.mark.parametrize(("text", "key", "hint"), [
    ('[sla]\ntime_zone = "Europe/Berln"', "sla.time_zone", "Europe/Berlin"),
    ('[sla]\nwarn_minuts = 5', "sla.warn_minuts", "warn_minutes"),
    ('[sla.first_response]\nurgnt = "1h"', "sla.first_response.urgnt", "urgent"),
    ('[sla.next_response]\nhigh = "8"', "sla.next_response.high", "4h"),
    ('[sla.business_hours]\n"mon-fry" = "09:00-18:00"', "sla.business_hours.mon-fry", "mon-fri"),
    ('[sla.business_hours]\n"mon-fri" = "9-18"', "sla.business_hours.mon-fri", "09:00-18:00"),
    ('[sla]\nholidays = ["24.12.2026"]', "sla.holidays[0]", "YYYY-MM-DD"),
    ('[sla]\nwarn_minutes = -5', "sla.warn_minutes", "warn_minutes = 30"),
    ('[sla]\nbell = "yes"', "sla.bell", "bell = false"),
    ('[shift]\nhandoff_ticket = ["1"]', "shift.handoff_ticket", "123"),
    ('[shift]\nhandof_ticket = "1"', "shift.handof_ticket", "handoff_ticket"),
])
def test_each_problem_names_its_key(tmp_path: Path, text: str, key: str, hint: str) -> None:
    settings, problems = _settings(tmp_path, text)
    assert [p.key for p in problems] == [key]
    assert hint in str(problems[0])
    settings.sla.policy()  # the defaults that stood in still make a policy
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
        load_settings(tmp_path / "config.toml")


def test_the_machine_zone_comes_from_tz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Baku")
    settings, _ = _settings(tmp_path, '[sla.business_hours]\n"mon-fri" = "09:00-18:00"')
    assert str(settings.sla.zone()) == "Asia/Baku"
    assert str(settings.sla.policy().hours.tz) == "Asia/Baku"  # type: ignore[union-attr]


def test_config_show_json_can_print_the_tables(tmp_path: Path) -> None:
    import json

    from supportterm.settings_cli import settings_dict

    settings, _ = _settings(tmp_path, '[sla]\nholidays = ["2026-12-24"]\n[shift]\nhandoff_ticket = "7"')
    data = json.loads(json.dumps(settings_dict(settings)))
    assert data["sla"]["holidays"] == ["2026-12-24"] and data["shift"]["handoff_ticket"] == "7"
