"""Provides a due time as the agent reads it: "Mon 30 Nov 09:00", day and month in the agent's language.

`strftime("%a %d %b")` would name them in the C locale's English whatever the UI speaks; in English this
gives exactly that text (tests/unit/test_durations.py), so the domain's `FollowUpTime.describe` and the
screens agree.
"""

from __future__ import annotations

from datetime import datetime

from supportterm.i18n import _


def short_when(moment: datetime) -> str:
    """Weekday, day, month and time of `moment` (already in the agent's zone)."""
    weekdays = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
    months = (_("Jan"), _("Feb"), _("Mar"), _("Apr"), _("May"), _("Jun"), _("Jul"), _("Aug"), _("Sep"),
              _("Oct"), _("Nov"), _("Dec"))
    # The same order reads right in Russian ("пн 30 нояб. 09:00") and Azerbaijani ("B.e. 30 noy 09:00").
    return f"{weekdays[moment.weekday()]} {moment.day:02d} {months[moment.month - 1]} {moment:%H:%M}"
