"""Provides the shift clock's one-line summary in the agent's language.

`ShiftView.header_text()` (domain) stays English: it is also the `header` of `supportterm shift --json`
and of scripts. This says the same thing through `_()`; in English the two are equal (a test checks).
"""

from __future__ import annotations

from supportterm.domain.shift import ZERO, ShiftState, ShiftView
from supportterm.i18n import _
from supportterm.ui.durations import duration as format_duration


def shift_line(view: ShiftView) -> str:
    """E.g. "On shift 2h 10m · 5h 50m left · break in 35m", translated."""
    if view.state is ShiftState.IDLE:
        return _("No shift")
    if view.state is ShiftState.ENDED:
        return _("Shift ended · {elapsed}").format(elapsed=format_duration(view.elapsed))
    if view.remaining >= ZERO:
        left = _("{duration} left").format(duration=format_duration(view.remaining))
    else:
        left = _("overtime {duration}").format(duration=format_duration(-view.remaining))
    head = _("On shift {elapsed} · {left}").format(elapsed=format_duration(view.elapsed), left=left)
    if view.state is ShiftState.ON_BREAK and view.break_remaining is not None:
        if view.break_remaining >= ZERO:
            rest = _("on break, {duration} left").format(duration=format_duration(view.break_remaining))
        else:
            rest = _("break over by {duration}").format(duration=format_duration(-view.break_remaining))
        return f"{head} · {rest}"
    if view.break_due:
        upcoming = _("break due")
    else:
        upcoming = _("break in {duration}").format(duration=format_duration(view.next_break_in))
    return f"{head} · {upcoming}" + (" · " + _("idle") if view.idle else "")
