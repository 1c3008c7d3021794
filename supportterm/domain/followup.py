"""Provides the follow-up time parser: "in 2h", "tomorrow 12:00", "mon 9:00" to a UTC instant.

The agent types these when setting a reminder on a ticket ("update the customer tomorrow 12:00").
Relative amounts ("in 2h") are elapsed time; days and clock times are wall times in the agent's zone,
resolved with `zoneinfo`, so "tomorrow 09:00" stays 09:00 on the day the clocks change. Pure: `now`
and the zone are passed in, so tests freeze both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from supportterm.domain.models import utc

DEFAULT_TIME = time(9, 0)
"""The time a bare day ("tomorrow", "fri") means: the start of a usual working day."""
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNITS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60}
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(w|d|h|m)[a-z]*")
EXAMPLES = ("in 2h", "in 90m", "in 1h30m", "17:30", "tomorrow", "tomorrow 12:00", "mon 9:00",
            "2026-12-01 10:00")
"""What the prompt shows as a hint; the tests parse each one."""


class FollowUpTimeError(ValueError):
    """The text is not a time the parser understands; the message says what would be."""


@dataclass(frozen=True, slots=True)
class FollowUpTime:
    """A parsed follow-up time: the instant, and how to say it back to the agent."""

    due_at: datetime
    """Aware UTC instant."""
    local: datetime
    """The same instant in the agent's zone (for "Follow-up set for Mon 09:00")."""

    def describe(self) -> str:
        """A short confirmation text, e.g. "Mon 30 Nov 09:00"."""
        return self.local.strftime("%a %d %b %H:%M")


def parse_follow_up(text: str, now: datetime, zone: tzinfo) -> FollowUpTime:
    """Turn what the agent typed into a due instant after `now`.

    Accepted: `in 2h` / `in 90m` / `in 1h30m` / `in 2 days` (elapsed time; "in" may be left out);
    `HH:MM` (today, or tomorrow once passed); `today|tomorrow [HH:MM]`; a weekday `mon..sun [HH:MM]`
    (its next occurrence after now); `YYYY-MM-DD [HH:MM]`. A day without a time means 09:00.

    Raises:
        FollowUpTimeError: unreadable, or not in the future.
    """
    words = " ".join(text.strip().lower().split())
    if not words:
        raise FollowUpTimeError("say when, e.g. " + ", ".join(EXAMPLES[:4]))
    now = utc(now)
    relative = _relative(words)
    if relative is not None:
        due = now + relative
    else:
        due = _absolute(words, now, zone)
    if due <= now:
        raise FollowUpTimeError(f"{text.strip()!r} is not in the future")
    due = due.replace(microsecond=0)
    return FollowUpTime(due, due.astimezone(zone))


def _relative(words: str) -> timedelta | None:
    """`in 2h`, `1h30m`, `in 2 days` as a timedelta; None when the text is not an amount."""
    body = words.removeprefix("in ").replace(" ", "")
    if not body or _AMOUNT.sub("", body):
        return None
    seconds = sum(float(n) * _UNITS[u] for n, u in _AMOUNT.findall(body))
    if seconds <= 0:
        raise FollowUpTimeError(f"{words!r} is no time from now")
    return timedelta(seconds=round(seconds))


def _absolute(words: str, now: datetime, zone: tzinfo) -> datetime:
    parts = words.split(" ")
    if len(parts) > 2:
        raise FollowUpTimeError(f"cannot read {words!r}; try e.g. " + ", ".join(EXAMPLES[:6]))
    today = now.astimezone(zone).date()
    if len(parts) == 1 and ":" in parts[0]:
        at = _clock(parts[0])
        due = _wall(today, at, zone)
        return due if due > now else _wall(today + timedelta(days=1), at, zone)
    day_word = parts[0]
    at = _clock(parts[1]) if len(parts) == 2 else DEFAULT_TIME
    if day_word == "today":
        return _wall(today, at, zone)
    if day_word == "tomorrow":
        return _wall(today + timedelta(days=1), at, zone)
    if day_word[:3] in _WEEKDAYS and _is_weekday_word(day_word):
        target = _WEEKDAYS.index(day_word[:3])
        for ahead in range(8):  # today still counts when its time is ahead
            day = today + timedelta(days=ahead)
            if day.weekday() == target and (due := _wall(day, at, zone)) > now:
                return due
    try:
        return _wall(date.fromisoformat(day_word), at, zone)
    except ValueError:
        pass
    raise FollowUpTimeError(f"cannot read {words!r}; try e.g. " + ", ".join(EXAMPLES[:6]))


def _is_weekday_word(word: str) -> bool:
    full = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return word in _WEEKDAYS or word in full or word in ("tues", "thur", "thurs")


def _clock(text: str) -> time:
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
    if match is None or int(match[1]) > 23 or int(match[2] or 0) > 59:
        raise FollowUpTimeError(f"{text!r} is not a time of day (use HH:MM, e.g. 09:30)")
    return time(int(match[1]), int(match[2] or 0))


def _wall(day: date, at: time, zone: tzinfo) -> datetime:
    """A local wall time as a UTC instant. In the spring-forward gap the time is read with the offset
    before the change (it lands just after the gap); a fall-back time means its first occurrence."""
    return datetime.combine(day, at).replace(tzinfo=zone).astimezone(timezone.utc)
