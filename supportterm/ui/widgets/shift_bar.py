"""Provides ShiftBar: the shift clock, always visible (elapsed, remaining, next break, follow-ups due).

It re-reads the shift from the store on every tick instead of counting ticks, so a `supportterm shift
break` typed in another pane, or a restart after a crash, shows the truth.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from supportterm.i18n import _, ngettext


class ShiftBar(Static):
    """One line under the header."""

    DEFAULT_CSS = """
    ShiftBar { height: 1; padding: 0 1; background: $boost; color: $text-muted; }
    ShiftBar.-due { color: $warning; text-style: bold; }
    """

    def on_mount(self) -> None:
        # The first tick comes after the first paint: the shift modules cost ~20-55 ms to import, and at
        # 100k tickets the first paint takes longer than a fixed 50 ms from mount.
        self.update(" ")
        self.call_after_refresh(self.set_timer, 0.05, self.tick)
        self.set_interval(1.0, self.tick, name="shift-clock")

    def tick(self) -> None:
        """Recompute the shift line from the store (a single indexed read)."""
        from supportterm.store.shift import ShiftLog, follow_ups_due
        from supportterm.ui.shift_text import shift_line

        app = self.app
        log = ShiftLog(app.store, clock=app.clock)  # type: ignore[attr-defined]
        view = log.view(last_activity=getattr(app, "last_activity", None))
        due = len(app.store.read(lambda c: follow_ups_due(c, view.now)))  # type: ignore[attr-defined]
        self.set_class(bool(view.break_due) or due > 0, "-due")
        hint = "   " + _("(T start/stop shift · B break/resume)")
        self.update(Text(shift_line(view) + follow_up_text(due) + hint))


def follow_up_text(due: int) -> str:
    """The bar's follow-up part: nothing, or how many reminders wait (the "Follow-ups" view lists them)."""
    if due <= 0:
        return ""
    return " · " + ngettext("{count} follow-up due", "{count} follow-ups due", due).format(count=due)
