"""Provides durations in the agent's language: "5h" in a column, "2h 05m" in a header, "3d 4h" left.

The domain formats durations in English for the CLI's JSON and for scripts (`domain.shift.format_duration`,
`domain.sla.countdown_text`); the screens use these instead. In English they give exactly the same text
(tests/unit/test_durations.py). Units are abbreviations, which do not change with the number in Russian
or Azerbaijani, so plain `_()` fits; phrases that spell a counted word use `ngettext` where they are
built (ui/sla_text.py). A column's units (`span`) have their own messages, so a translation can keep
them to a letter or two (the age column is 4 cells wide) while headers and notices use the usual
abbreviations ("2 ч 05 мин", "2 saat 05 dəq").
"""

from __future__ import annotations

from datetime import timedelta

from supportterm.i18n import _


def span(seconds: float) -> str:
    """One unit, for a narrow column: "45s", "12m", "5h" (up to two days), "3d"."""
    seconds = abs(seconds)
    if seconds < 60:
        return _("{n}s").format(n=int(seconds))
    if seconds < 3600:
        return _("{n}m").format(n=int(seconds // 60))
    if seconds < 86400 * 2:
        return _("{n}h").format(n=int(seconds // 3600))
    return _("{n}d").format(n=int(seconds // 86400))


def duration(value: timedelta) -> str:
    """Hours and minutes, for the shift header: "2h 05m", "35m", "<1m" (the magnitude of a negative)."""
    seconds = abs(int(value.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return _hours_minutes(hours, rest // 60)


def countdown(remaining: timedelta) -> str:
    """Time left to a due time: "3d 4h", "2h 05m", "45m", "<1m"; overdue gets a leading "-"."""
    seconds = int(remaining.total_seconds())
    sign = "-" if seconds < 0 else ""
    days, rest = divmod(abs(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    if days:
        return sign + _("{days}d {hours}h").format(days=days, hours=hours)
    return sign + _hours_minutes(hours, rest // 60)


def _hours_minutes(hours: int, minutes: int) -> str:
    if hours:
        return _("{hours}h {minutes}m").format(hours=hours, minutes=f"{minutes:02d}")
    if minutes:
        return _("{minutes}m").format(minutes=minutes)  # not the column's "{n}m": a header has more room
    return _("<1m")
