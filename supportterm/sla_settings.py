"""Provides the `[sla]` and `[shift]` tables of config.toml: the local SLA policy, breach warnings, the
hand-off ticket and availability.

`config.py` calls `read_sla` and `read_shift` with its problem collector, so a bad value is reported
with its dotted key (`sla.first_response.urgent`) and a suggestion, and the default stands in. The
settings keep the values as written (strings, numbers), so `config show --json` can print them;
`SlaSettings.policy()` builds the domain's `SlaPolicy` from them.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportterm.domain.durations import parse_duration
from supportterm.domain.models import Priority
from supportterm.domain.sla import DEFAULT_FIRST_RESPONSE, DEFAULT_NEXT_RESPONSE, BusinessHours, SlaPolicy

Note = Callable[[str, str, str], None]
"""config's problem collector: note(key, message, suggestion)."""

SLA_KEYS = ("time_zone", "business_hours", "holidays", "first_response", "next_response", "warn_minutes",
            "bell", "notify")
SHIFT_KEYS = ("handoff_ticket", "availability")
_PRIORITIES = tuple(p.value for p in Priority)
_POLICIES: dict[tuple[object, ...], SlaPolicy] = {}
"""Policies built so far, by the settings that describe them (a config reload may add one)."""


def _hours_text(value: timedelta) -> str:
    hours = value.total_seconds() / 3600
    return f"{hours:g}h"


@dataclass(frozen=True, slots=True)
class SlaSettings:
    """`[sla]`: targets per priority, when the clock runs, and how breaches are announced."""

    time_zone: str = ""
    """IANA zone of the business hours and of follow-up times; "" means this machine's zone."""
    business_hours: dict[str, str] = field(default_factory=dict)
    """Day range -> hours, e.g. {"mon-fri": "09:00-18:00"}; empty means around the clock."""
    holidays: tuple[str, ...] = ()
    """Local dates (YYYY-MM-DD) without business hours."""
    first_response: dict[str, str] = field(
        default_factory=lambda: {p.value: _hours_text(v) for p, v in DEFAULT_FIRST_RESPONSE.items()})
    """Priority -> business time allowed for the first reply."""
    next_response: dict[str, str] = field(
        default_factory=lambda: {p.value: _hours_text(v) for p, v in DEFAULT_NEXT_RESPONSE.items()})
    """Priority -> business time allowed for each later reply."""
    warn_minutes: int = 30
    """Warn this many minutes before a ticket breaches (also where "at risk" starts)."""
    bell: bool = False
    """Ring the terminal bell with each breach warning."""
    notify: bool = True
    """Announce tickets that come close to breaching, and breaches, while the app runs."""

    def zone(self) -> tzinfo:
        """The configured zone, or this machine's."""
        return ZoneInfo(self.time_zone) if self.time_zone else local_zone()

    def policy(self) -> SlaPolicy:
        """The domain policy these settings describe (values were checked when read); the same object
        for the same settings, so the due times it memoises serve every caller (rows, header, watch)."""
        key = (self.time_zone, _zone_name(self.zone()), tuple(sorted(self.business_hours.items())),
               self.holidays, tuple(sorted(self.first_response.items())),
               tuple(sorted(self.next_response.items())), self.warn_minutes)
        found = _POLICIES.get(key)
        if found is None:
            if len(_POLICIES) >= 8:
                _POLICIES.clear()
            found = _POLICIES[key] = self._build_policy()
        return found

    def _build_policy(self) -> SlaPolicy:
        hours = (BusinessHours.parse(self.time_zone or _zone_name(self.zone()), self.business_hours,
                                     self.holidays) if self.business_hours else None)
        return SlaPolicy(
            first_response={Priority(k): parse_duration(v) for k, v in self.first_response.items()},
            next_response={Priority(k): parse_duration(v) for k, v in self.next_response.items()},
            hours=hours, at_risk_within=timedelta(minutes=self.warn_minutes),
        )


@dataclass(frozen=True, slots=True)
class ShiftSettings:
    """`[shift]`: what starting and ending a shift does beyond the local clock."""

    handoff_ticket: str = ""
    """Ticket the team agreed on: hand-off notes are posted there as internal notes ("" = keep local)."""
    availability: bool = True
    """Offer to set the agent's availability on the helpdesk at shift start and stop (when it can)."""


def local_zone() -> tzinfo:
    """This machine's IANA zone ($TZ, then /etc/localtime's target), so wall times follow its DST;
    UTC when neither names one."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = str(Path("/etc/localtime").resolve())
            name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
        except OSError:
            name = ""
    try:
        return ZoneInfo(name) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _zone_name(zone: tzinfo) -> str:
    return str(getattr(zone, "key", "UTC"))


def _suggest(word: str, known: tuple[str, ...] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f"Did you mean '{close[0]}'?" if close else ""


def read_sla(raw: object, note: Note) -> SlaSettings:
    """Check `[sla]`; each bad value is noted with its key and replaced by its default."""
    defaults = SlaSettings()
    if raw is None:
        return defaults
    if not isinstance(raw, dict):
        note("sla", "[sla] must be a table", 'e.g. [sla] time_zone = "Europe/Berlin"')
        return defaults
    _unknown_keys("sla", raw, SLA_KEYS, note)
    zone = _time_zone(raw.get("time_zone", ""), note)
    return SlaSettings(
        time_zone=zone,
        business_hours=_business_hours(raw.get("business_hours", {}), zone, note),
        holidays=_holidays(raw.get("holidays", []), note),
        first_response=_targets("first_response", raw.get("first_response", {}), defaults.first_response,
                                note),
        next_response=_targets("next_response", raw.get("next_response", {}), defaults.next_response, note),
        warn_minutes=_minutes(raw.get("warn_minutes", defaults.warn_minutes), defaults.warn_minutes, note),
        bell=_flag("sla.bell", raw.get("bell", defaults.bell), defaults.bell, note),
        notify=_flag("sla.notify", raw.get("notify", defaults.notify), defaults.notify, note),
    )


def read_shift(raw: object, note: Note) -> ShiftSettings:
    """Check `[shift]`."""
    defaults = ShiftSettings()
    if raw is None:
        return defaults
    if not isinstance(raw, dict):
        note("shift", "[shift] must be a table", 'e.g. [shift] handoff_ticket = "123"')
        return defaults
    _unknown_keys("shift", raw, SHIFT_KEYS, note)
    ticket = raw.get("handoff_ticket", "")
    if isinstance(ticket, int) and not isinstance(ticket, bool):
        ticket = str(ticket)
    if not isinstance(ticket, str):
        note("shift.handoff_ticket", f"must be a ticket id (a string), not {ticket!r}",
             'e.g. handoff_ticket = "123"')
        ticket = ""
    availability = _flag("shift.availability", raw.get("availability", True), True, note)
    return ShiftSettings(handoff_ticket=ticket.strip(), availability=availability)


def _unknown_keys(table: str, raw: dict[str, object], known: tuple[str, ...], note: Note) -> None:
    for key in raw:
        if key not in known:
            note(f"{table}.{key}", f"unknown key '{table}.{key}'",
                 _suggest(key, known) or "docs/config.md lists them.")


def _time_zone(value: object, note: Note) -> str:
    if value == "":
        return ""
    if not isinstance(value, str):
        note("sla.time_zone", f"must be a time zone name, not {value!r}", 'e.g. time_zone = "Europe/Berlin"')
        return ""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        from zoneinfo import available_timezones

        note("sla.time_zone", f"unknown time zone {value!r}",
             _suggest(value, available_timezones()) or 'Use an IANA name, e.g. "Asia/Baku".')
        return ""
    return value


def _business_hours(raw: object, zone: str, note: Note) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        note("sla.business_hours", "[sla.business_hours] maps day ranges to hours",
             '"mon-fri" = "09:00-18:00"')
        return {}
    good: dict[str, str] = {}
    for days, hours in raw.items():
        try:
            BusinessHours.parse(zone or "UTC", {days: hours})
        except ValueError as exc:
            note(f"sla.business_hours.{days}", str(exc), 'e.g. "mon-fri" = "09:00-18:00, 19:00-21:00"')
            continue
        good[days] = hours
    return good


def _holidays(raw: object, note: Note) -> tuple[str, ...]:
    if not isinstance(raw, list):
        note("sla.holidays", "must be a list of dates", 'e.g. holidays = ["2026-12-24", "2026-12-31"]')
        return ()
    good = []
    for index, item in enumerate(raw):
        text = item.isoformat() if isinstance(item, date) else item
        try:
            good.append(date.fromisoformat(str(text)).isoformat())
        except ValueError:
            note(f"sla.holidays[{index}]", f"not a date: {item!r}", "Write YYYY-MM-DD, e.g. \"2026-12-24\".")
    return tuple(good)


def _targets(name: str, raw: object, defaults: Mapping[str, str], note: Note) -> dict[str, str]:
    out = dict(defaults)
    if not isinstance(raw, dict):
        note(f"sla.{name}", f"[sla.{name}] maps priorities to durations", 'e.g. urgent = "1h", low = "2d"')
        return out
    for priority, value in raw.items():
        key = f"sla.{name}.{priority}"
        if priority not in _PRIORITIES:
            note(key, f"unknown priority {priority!r}", _suggest(priority, _PRIORITIES)
                 or f"Use one of: {', '.join(_PRIORITIES)}.")
            continue
        text = _duration_text(value)
        if text is None:
            note(key, f"not a duration: {value!r}", 'e.g. "4h", "90m", "1d" (business time)')
            continue
        out[priority] = text
    return out


def _duration_text(value: object) -> str | None:
    """A duration as "Nh"/"Nm" text, or None. Days ("2d") mean 24 h of business time each."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if text.endswith("d") and text[:-1].replace(".", "", 1).isdigit():
        text = f"{float(text[:-1]) * 24:g}h"
    try:
        parse_duration(text)
    except ValueError:
        return None
    return text


def _minutes(value: object, default: int, note: Note) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        note("sla.warn_minutes", f"must be a whole number of minutes (0 or more), not {value!r}",
             f"e.g. warn_minutes = {default}")
        return default
    return value


def _flag(key: str, value: object, default: bool, note: Note) -> bool:
    if not isinstance(value, bool):
        name = key.rsplit(".", 1)[1]
        note(key, f"must be true or false, not {value!r}", f"e.g. {name} = {str(default).lower()}")
        return default
    return value


def accepted_keys() -> set[str]:
    """The keys of both tables as docs/config.md names them (DAYS and PRIORITY are placeholders)."""
    plain = {f"sla.{k}" for k in SLA_KEYS if k not in ("business_hours", "first_response", "next_response")}
    tables = {"sla.business_hours.DAYS", "sla.first_response.PRIORITY", "sla.next_response.PRIORITY"}
    return plain | tables | {f"shift.{k}" for k in SHIFT_KEYS}
