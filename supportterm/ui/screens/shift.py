"""Provides ShiftScreen: the shift's numbers (running or last), export to JSON/CSV, and the hand-off
note for the next shift (what the next agent sees when their shift starts)."""

from __future__ import annotations

import asyncio

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Static

from supportterm.domain.text import inert, one_line
from supportterm.i18n import _, ngettext
from supportterm.ui.dates import short_when
from supportterm.ui.durations import countdown
from supportterm.ui.screens.binding_order import KeepsBindingOrder
from supportterm.ui.screens.pickers import NotePrompt
from supportterm.ui.widgets.key_bar import KeyBar

SLA_LINES = 8
"""Tickets of the SLA watch listed here (at risk first); the inbox's SLA at risk view has all of them."""


def _reminders(conn: object) -> tuple[list, list]:  # type: ignore[type-arg]
    """Open follow-ups, soonest first, and the SLA watch."""
    from supportterm.store.reminders import load_watch
    from supportterm.store.shift import open_follow_ups

    # At risk first, soonest due first (still savable), then the latest breaches.
    watched = sorted(load_watch(conn).values(),  # type: ignore[arg-type]
                     key=lambda w: (w.status.value == "breached",
                                    w.due_at.timestamp() * (-1 if w.status.value == "breached" else 1)))
    return open_follow_ups(conn), watched  # type: ignore[arg-type]


class ShiftScreen(KeepsBindingOrder, Screen[None]):
    """Shift summary and hand-off."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", _("Back"), id="shift.back"),
        Binding("h", "handoff", _("Hand-off note"), id="shift.handoff",
                tooltip=_("Write the note the next shift sees at its start")),
        Binding("x", "export", _("Export"), id="shift.export",
                tooltip=_("Write the summary as JSON and CSV")),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="shift-summary")
        yield Static(id="shift-handoff")
        yield Static(id="shift-reminders")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    def _log(self) -> object:
        from supportterm.store.shift import ShiftLog

        return ShiftLog(self.app.store, clock=self.app.clock)  # type: ignore[attr-defined]

    @work(exclusive=True, group="shift-screen", exit_on_error=False, description="Shift summary")
    async def load(self) -> None:
        """Read the summary and the notes from the store (off the UI thread)."""
        from supportterm.store.shift import handoff_for, load_handoff

        log = self._log()
        summary = await asyncio.to_thread(log.summary)  # type: ignore[attr-defined]
        current = await asyncio.to_thread(log.current)  # type: ignore[attr-defined]
        shift_id = current.id if current else (summary.shift_id if summary else None)
        store = self.app.store  # type: ignore[attr-defined]
        mine = await asyncio.to_thread(store.read, lambda c: load_handoff(c, shift_id) if shift_id else None)
        earlier = await asyncio.to_thread(store.read, lambda c: handoff_for(c, shift_id))
        self._show(summary, mine, earlier)
        self._show_reminders(*await asyncio.to_thread(store.read, _reminders))

    def _show(self, summary: object, mine: object, earlier: object) -> None:
        table = Table(title=_("Shift summary"), box=None, show_header=False)
        table.add_column("metric", style="bold")
        table.add_column("value")
        if summary is None:
            table.add_row(_("no shift yet"), _("T starts one"))
        else:
            for key, value in summary.as_dict().items():  # type: ignore[attr-defined]
                # Text, not str: a Rich table reads str cells as markup; ticket ids come from the helpdesk.
                shown = "—" if value is None else one_line(str(value), limit=80)
                table.add_row(_(key.replace("_", " ")), Text(shown))
        self.query_one("#shift-summary", Static).update(table)
        text = Text()
        if earlier is not None:
            text.append(_("From the previous shift:") + "\n", style="bold")
            text.append(inert(getattr(earlier, "body", "")) + "\n\n")
        text.append(_("Your hand-off note (h to write):") + "\n", style="bold")
        text.append(inert(getattr(mine, "body", None) or _("none yet")), style="" if mine else "dim")
        self.query_one("#shift-handoff", Static).update(text)

    def _show_reminders(self, follow_ups: list, watched: list) -> None:  # type: ignore[type-arg]
        now, zone = self.app.clock(), self.app.settings.sla.zone()  # type: ignore[attr-defined]
        text = Text()
        text.append(_("Follow-ups (f on a ticket sets one):") + "\n", style="bold")
        for item in follow_ups:
            due = item.due_at <= now
            note = f" — {item.note}" if item.note else ""
            when = short_when(item.due_at.astimezone(zone))
            line = "  " + one_line(f"#{item.ticket_id} {when}{note}", limit=200)
            line += " " + _("(due)") if due else ""
            text.append(line + "\n", style="bold" if due else "")
        if not follow_ups:
            text.append("  " + _("none open") + "\n", style="dim")
        text.append(_("SLA at risk or breached:") + "\n", style="bold")
        for item in watched[:SLA_LINES]:
            left = countdown(item.due_at - now)
            state = _(item.status.value.replace("_", " "))
            text.append(f"  #{one_line(item.ticket_id, limit=40)} {state} ({left})\n")
        if len(watched) > SLA_LINES:
            more = len(watched) - SLA_LINES
            text.append("  " + ngettext("… and {count} more: the inbox's SLA at risk view lists them",
                                        "… and {count} more: the inbox's SLA at risk view lists them",
                                        more).format(count=more) + "\n", style="dim")
        if not watched:
            text.append("  " + _("none") + "\n", style="dim")
        self.query_one("#shift-reminders", Static).update(text)

    def action_handoff(self) -> None:
        """Write the hand-off note for the next shift."""
        prompt = NotePrompt(_("Hand-off note"), _("What should the next shift know? (ctrl+s saves)"))
        self.app.push_screen(prompt,
                             self._save_handoff)

    def _save_handoff(self, body: str | None) -> None:
        if body:
            self.run_worker(self._store_handoff(body), group="shift-screen", exit_on_error=False)

    async def _store_handoff(self, body: str) -> None:
        from supportterm.store.shift import save_handoff

        log = self._log()
        shift = await asyncio.to_thread(log.current) or await asyncio.to_thread(log.summary)  # type: ignore[attr-defined]
        shift_id = getattr(shift, "id", None) or getattr(shift, "shift_id", None)
        if shift_id is None:
            self.notify(_("Start a shift first (T)."), severity="warning")
            return
        store, now = self.app.store, self.app.clock()  # type: ignore[attr-defined]

        def save() -> None:
            with store.transaction() as conn:
                save_handoff(conn, shift_id, body, now=now)

        await asyncio.to_thread(save)
        self.notify(_("Hand-off note saved."), timeout=2)
        self.load()

    @work(exclusive=True, group="shift-export", exit_on_error=False, description="Exporting")
    async def action_export(self) -> None:
        """Write shift-<id>.json and .csv into the data folder."""
        from supportterm import paths

        summary = await asyncio.to_thread(self._log().summary)  # type: ignore[attr-defined]
        if summary is None:
            self.notify(_("No shift to export yet."))
            return
        base = paths.data_dir() / f"shift-{summary.shift_id}"
        await asyncio.to_thread(base.with_suffix(".json").write_text, summary.to_json(), "utf-8")
        await asyncio.to_thread(base.with_suffix(".csv").write_text, summary.to_csv(), "utf-8")
        self.notify(_("Written {path}.json and .csv").format(path=base), timeout=5)
