"""Provides OutboxScreen: everything the agent sent that the helpdesk does not have yet.

Each item shows its state in words (queued, sending, failed with the reason, conflict) and can be
retried, cancelled or taken back into the composer for editing.
"""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from supportterm.domain.text import one_line
from supportterm.i18n import _
from supportterm.store import outbox
from supportterm.sync.events import OutboxChanged
from supportterm.ui.messages import SyncEventReceived
from supportterm.ui.screens.binding_order import KeepsBindingOrder
from supportterm.ui.widgets.key_bar import KeyBar
from supportterm.ui.widgets.status_bar import StatusBar

STATE_STYLE = {
    outbox.QUEUED: "yellow", outbox.SENDING: "cyan", outbox.FAILED: "bold red", outbox.CONFLICT: "bold magenta",
}


def describe(item: outbox.OutboxItem) -> str:
    """What an item does, in a few words."""
    if item.kind == "message":
        kind = _("note") if item.payload.get("visibility") == "internal" else _("reply")
        return f"{kind}: {one_line(item.payload.get('body', ''))[:60]}"
    fields = ", ".join(f"{k}→{v}" for k, v in item.payload.items() if not k.startswith("was:"))
    return _("update: {fields}").format(fields=fields)


class OutboxScreen(KeepsBindingOrder, Screen[None]):
    """The outbox, oldest first."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", _("Back"), id="outbox.back"),
        Binding("t", "retry", _("Retry"), id="outbox.retry", tooltip=_("Send the selected item again now")),
        Binding("d", "cancel", _("Cancel"), id="outbox.cancel", tooltip=_("Withdraw the selected item")),
        Binding("e", "edit", _("Edit"), id="outbox.edit",
                tooltip=_("Withdraw the selected reply and reopen it in the composer")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[outbox.OutboxItem] = []
        self._reader: sqlite3.Connection | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(Text(_("Outbox — what the helpdesk has not confirmed yet")), id="views")
        table: DataTable[str | Text] = DataTable(id="outbox-table", cursor_type="row")
        table.add_column("#", key="ticket", width=7)
        table.add_column(_("State"), key="state", width=9)
        table.add_column(_("Tries"), key="tries", width=5)
        table.add_column(_("What"), key="what")
        table.add_column(_("Problem"), key="problem")
        yield table
        yield StatusBar()
        yield KeyBar()

    def on_mount(self) -> None:
        self._reader = self.app.store.reader()  # type: ignore[attr-defined]
        self.reload()

    def reload(self) -> None:
        """Re-read the outbox from the store."""
        assert self._reader is not None
        self.items = outbox.items(self._reader)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.items:
            table.add_row(
                Text(one_line(item.ticket_id, limit=40)),  # Text: a str cell would be read as markup
                Text(item.state, style=STATE_STYLE.get(item.state, "")), str(item.attempts),
                Text(describe(item)), Text(one_line(item.error or "")),
            )
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))

    @on(SyncEventReceived)
    def _sync_event(self, message: SyncEventReceived) -> None:
        if isinstance(message.event, OutboxChanged):
            self.reload()

    def _selected(self) -> outbox.OutboxItem | None:
        row = self.query_one(DataTable).cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    @work(exclusive=True, group="outbox", exit_on_error=False, description="Retrying")
    async def action_retry(self) -> None:
        """Send the selected item again (for a conflict: without the version check)."""
        item, engine = self._selected(), self.app.engine  # type: ignore[attr-defined]
        if item is None or engine is None:
            return
        await engine.retry(item.id)
        self.app.push_outbox()  # type: ignore[attr-defined]

    @work(exclusive=True, group="outbox", exit_on_error=False, description="Cancelling")
    async def action_cancel(self) -> None:
        """Withdraw the selected item; an item already sending cannot be withdrawn."""
        item, engine = self._selected(), self.app.engine  # type: ignore[attr-defined]
        if item is None or engine is None:
            return
        if await engine.cancel(item.id) is None:
            self.notify(_("It is already on its way to the helpdesk; it cannot be withdrawn."),
                        severity="warning")
        self.reload()

    @work(exclusive=True, group="outbox", exit_on_error=False, description="Editing")
    async def action_edit(self) -> None:
        """Withdraw a reply and reopen its text as a draft in the ticket's composer."""
        from supportterm.domain.models import Visibility
        from supportterm.ui.screens.ticket import TicketScreen

        item, engine = self._selected(), self.app.engine  # type: ignore[attr-defined]
        if item is None or engine is None or item.kind != "message":
            self.notify(_("Only replies and notes can be edited."))
            return
        if await engine.cancel(item.id) is None:
            self.notify(_("It is already on its way to the helpdesk; it cannot be edited."),
                        severity="warning")
            return
        visibility = Visibility(item.payload["visibility"])
        await engine.save_draft(item.ticket_id, visibility, item.payload["body"])
        self.app.switch_screen(TicketScreen(item.ticket_id))

    def on_unmount(self) -> None:
        if self._reader is not None:
            self._reader.close()
