"""Provides InboxScreen: the views and the ticket table, read from the local store.

Only a window of the current view is loaded into the table; the row order is the store's, so what
the agent sees is what the cache holds, and sync changes arrive as `TicketsChanged` events.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from supportterm.domain.models import Priority, Ticket
from supportterm.domain.text import one_line
from supportterm.domain.views import DEFAULT_VIEWS, View
from supportterm.store import state
from supportterm.store import tickets as cache
from supportterm.sync.events import TicketsChanged
from supportterm.ui import format as fmt
from supportterm.ui.messages import InboxPainted, SyncEventReceived
from supportterm.ui.widgets.status_bar import StatusBar

WINDOW = 500
"""Rows loaded into the table at once; the rest of the view stays in SQLite."""

COLUMNS = (
    ("", "flag", 1), ("Pri", "priority", 4), ("Due", "due", 5), ("Status", "status", 7),
    ("Chan", "channel", 5), ("Lang", "language", 4), ("Customer", "customer", 18),
    ("Subject", "subject", None), ("Upd", "age", 4), ("Assignee", "assignee", 12), ("#", "id", 6),
)


class InboxScreen(Screen[None]):
    """The list of tickets of one view."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", id="inbox.down", show=False),
        Binding("k", "cursor_up", "Up", id="inbox.up", show=False),
        Binding("g", "first", "First", id="inbox.first", show=False),
        Binding("G", "last", "Last", id="inbox.last", show=False),
        Binding("enter,o", "open", "Open", id="inbox.open", tooltip="Open the ticket under the cursor"),
        Binding("right_square_bracket,l", "next_view", "Next view", id="inbox.next_view"),
        Binding("left_square_bracket,h", "prev_view", "Prev view", id="inbox.prev_view"),
        Binding("O", "outbox", "Outbox", id="inbox.outbox", tooltip="What waits to be delivered"),
        Binding("q", "app.quit", "Quit", id="inbox.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.views: tuple[View, ...] = DEFAULT_VIEWS
        self.view_index = 0
        self.ticket_ids: list[str] = []
        self._reader: sqlite3.Connection | None = None
        self._painted = False

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="views")
        yield DataTable(id="tickets", cursor_type="row", zebra_stripes=True)
        yield StatusBar()
        yield Footer()

    @property
    def reader(self) -> sqlite3.Connection:
        """This screen's read connection (WAL lets it read while sync writes)."""
        if self._reader is None:
            self._reader = self.app.store.reader()  # type: ignore[attr-defined]
        return self._reader

    def on_mount(self) -> None:
        self._set_columns(self.app.size.width)
        self.reload()

    def on_resize(self) -> None:
        if self._painted:
            self._set_columns(self.size.width)
            self.reload()

    def _set_columns(self, width: int) -> None:
        """Give the subject whatever the fixed columns leave, so nothing is cut off on the right."""
        table = self.query_one("#tickets", DataTable)
        table.clear(columns=True)
        fixed = sum(w or 0 for _, _, w in COLUMNS) + 2 * len(COLUMNS) + 2
        for label, key, column_width in COLUMNS:
            table.add_column(label, key=key, width=column_width or max(12, width - fixed))

    def on_screen_resume(self) -> None:
        if self._painted:
            self.reload()

    def reload(self) -> None:
        """Re-read the current view's window and counts from the store, keeping the cursor's ticket."""
        table = self.query_one("#tickets", DataTable)
        keep = self.current_ticket_id()
        me = state.get_state(self.reader, "me_id")
        view = self.views[self.view_index]
        rows = cache.window(self.reader, view, offset=0, limit=WINDOW, me=me)
        names = cache.person_names(self.reader, [t.requester_id for t in rows] + [t.assignee_id for t in rows])
        now = self.app.clock()  # type: ignore[attr-defined]
        table.clear()
        table.add_rows([_cells(t, names, now) for t in rows])
        self.ticket_ids = [t.id for t in rows]
        if keep in self.ticket_ids:
            table.move_cursor(row=self.ticket_ids.index(keep), animate=False)
        self._show_views(me)
        if not self._painted:
            self._painted = True
            self.call_after_refresh(self.app.post_message, InboxPainted())

    def _show_views(self, me: str | None) -> None:
        parts = Text()
        for index, view in enumerate(self.views):
            label = f" {view.title} {cache.count(self.reader, view, me=me)} "
            parts.append(label, style="reverse bold" if index == self.view_index else "dim")
            parts.append(" ")
        self.query_one("#views", Static).update(parts)

    def current_ticket_id(self) -> str | None:
        """Id of the ticket under the cursor, if any."""
        table = self.query_one("#tickets", DataTable)
        if not self.ticket_ids or table.cursor_row >= len(self.ticket_ids):
            return None
        return self.ticket_ids[max(0, table.cursor_row)]

    @on(SyncEventReceived)
    def _sync_event(self, message: SyncEventReceived) -> None:
        if isinstance(message.event, TicketsChanged) and self.is_current:
            self.reload()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the ticket under the cursor."""
        from supportterm.ui.screens.ticket import TicketScreen

        ticket_id = self.current_ticket_id()
        if ticket_id is not None:
            self.app.push_screen(TicketScreen(ticket_id, neighbours=list(self.ticket_ids)))

    def action_outbox(self) -> None:
        """Show the outbox."""
        from supportterm.ui.screens.outbox import OutboxScreen

        self.app.push_screen(OutboxScreen())

    def action_cursor_down(self) -> None:
        self.query_one("#tickets", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#tickets", DataTable).action_cursor_up()

    def action_first(self) -> None:
        self.query_one("#tickets", DataTable).move_cursor(row=0)

    def action_last(self) -> None:
        self.query_one("#tickets", DataTable).move_cursor(row=max(0, len(self.ticket_ids) - 1))

    def action_next_view(self) -> None:
        self.view_index = (self.view_index + 1) % len(self.views)
        self.reload()

    def action_prev_view(self) -> None:
        self.view_index = (self.view_index - 1) % len(self.views)
        self.reload()

    def on_unmount(self) -> None:
        if self._reader is not None:
            self._reader.close()


def _cells(ticket: Ticket, names: dict[str, str], now: datetime) -> list[str | Text]:
    """One table row. Every text from the helpdesk goes through `one_line` and into a Text, never markup."""
    pri_style = "bold red" if ticket.priority is Priority.URGENT else ("yellow" if ticket.priority is Priority.HIGH else "")
    due_text = fmt.due(ticket.due_at, now) if ticket.status.is_active else ""
    due_style = "bold red" if due_text.startswith("-") else ""
    return [
        Text("●", style="bold yellow") if ticket.awaiting_reply else Text(" "),
        Text(fmt.PRIORITY_LABEL[ticket.priority], style=pri_style),
        Text(due_text, style=due_style),
        fmt.STATUS_LABEL[ticket.status],
        fmt.CHANNEL_LABEL[ticket.channel],
        ticket.language or "",
        Text(one_line(names.get(ticket.requester_id, ticket.requester_id))),
        Text(one_line(ticket.subject)),
        fmt.age(ticket.updated_at, now),
        Text(one_line(names.get(ticket.assignee_id or "", "—"))),
        ticket.id,
    ]
