"""Provides InboxScreen: the views and the ticket table, read from the local store.

Only a window of the current view is loaded into the table; the row order is the store's, so what
the agent sees is what the cache holds, and sync changes arrive as `TicketsChanged` events.
"""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static
from textual.worker import Worker, get_current_worker

from supportterm.domain.models import Priority, Status, Ticket, TicketPatch
from supportterm.domain.sla import local_due_times
from supportterm.domain.views import DEFAULT_VIEWS, View
from supportterm.i18n import _, ngettext
from supportterm.store import state
from supportterm.store import tickets as cache
from supportterm.sync.events import TicketsChanged
from supportterm.ui import actions
from supportterm.ui.messages import InboxPainted, SyncEventReceived
from supportterm.ui.screens.binding_order import KeepsBindingOrder
from supportterm.ui.widgets.key_bar import KeyBar
from supportterm.ui.widgets.shift_bar import ShiftBar
from supportterm.ui.widgets.status_bar import StatusBar
from supportterm.ui.widgets.ticket_list import Page, TicketList
from supportterm.ui.widgets.ticket_row import Column, columns_from, header_text

NEIGHBOURS = 200
"""Tickets around the cursor handed to the ticket view for J/K."""


class InboxScreen(KeepsBindingOrder, Screen[None]):
    """The list of tickets of one view."""

    AUTO_FOCUS = "#tickets"
    """Focused from the start: focusing it after the first paint changed the footer's keys and cost a
    second full layout and paint before the inbox was usable."""

    BINDINGS = [
        Binding("o", "open", _("Open"), id="inbox.open_o", show=False,
                tooltip=_("Open the ticket under the cursor")),
        Binding("right_square_bracket,l", "next_view", _("Next view"), id="inbox.next_view"),
        Binding("left_square_bracket,h", "prev_view", _("Prev view"), id="inbox.prev_view"),
        Binding("x", "mark", _("Mark"), id="inbox.mark", tooltip=_("Mark the ticket for a bulk action")),
        Binding("a", "assign_to_me", _("Take"), id="inbox.assign",
                tooltip=_("Assign the marked tickets (or the one under the cursor) to me")),
        Binding("s", "set_status", _("Status"), id="inbox.status",
                tooltip=_("Set the status of the marked tickets")),
        Binding("p", "set_priority", _("Priority"), id="inbox.priority",
                tooltip=_("Set the priority of the marked tickets")),
        Binding("C", "close_tickets", _("Close"), id="inbox.close", show=False,
                tooltip=_("Mark the marked tickets solved")),
        Binding("O", "outbox", _("Outbox"), id="inbox.outbox", tooltip=_("What waits to be delivered")),
        Binding("slash", "search", _("Search"), id="inbox.search", tooltip=_("Search this view (offline)")),
        Binding("escape", "clear_search", _("Clear search"), id="inbox.clear_search", show=False),
        Binding("q", "app.quit", _("Quit"), id="inbox.quit"),
    ]

    def __init__(self, views: tuple[View, ...] = DEFAULT_VIEWS) -> None:
        super().__init__()
        self.views: tuple[View, ...] = views
        self.view_index = 0
        self._reader: sqlite3.Connection | None = None
        self._painted = False
        self._search_timer: Timer | None = None
        self._suspended = False
        self._counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield ShiftBar()
        yield Static(id="views")
        yield Input(placeholder=_('search: words, "phrase", status: lang: channel: priority: assignee:me '
                                  'before: after: #id'), id="search")
        yield Static(id="columns")
        yield TicketList(id="tickets", now=self.app.clock, columns=self.columns)  # type: ignore[attr-defined]
        yield StatusBar()
        yield KeyBar()

    @property
    def reader(self) -> sqlite3.Connection:
        """This screen's read connection (WAL lets it read while sync writes)."""
        if self._reader is None:
            self._reader = self.app.store.reader()  # type: ignore[attr-defined]
        return self._reader

    @property
    def ticket_list(self) -> TicketList:
        """The virtual list of the current view."""
        return self.query_one("#tickets", TicketList)

    @property
    def ticket_ids(self) -> list[str]:
        """Ids of the first rows of the view (neighbours for J/K, prefetch, tests)."""
        return self.ticket_list.ids_from(0, NEIGHBOURS)

    @property
    def columns(self) -> tuple[Column, ...]:
        """The inbox columns from config (`columns`), or the built-in layout."""
        return columns_from(self.app.settings.columns)  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.reload()
        self.ticket_list.focus()

    def on_screen_suspend(self) -> None:
        self._suspended = True

    def on_screen_resume(self) -> None:
        # Only after another screen was on top: the first show is already painted by on_mount.
        if self._suspended:
            self._suspended = False
            self.reload()

    def on_resize(self) -> None:
        self._draw_header()
        self._draw_views()

    def _draw_header(self) -> None:
        """The column titles, fitted to the current width."""
        self.query_one("#columns", Static).update(header_text(self.size.width - 1, self.columns))

    def reload(self) -> None:
        """Re-read the current view's count from the store; rows are read as they are painted."""
        keep = self.current_ticket_id()
        me = state.get_state(self.reader, "me_id")
        view = self.views[self.view_index]
        reader = self.reader
        search = self.search_text

        total = cache.count(reader, view, me=me, search=search)
        policy = self.app.settings.sla.policy()  # type: ignore[attr-defined]

        def page(offset: int, limit: int, *, after: Ticket | None = None,
                 before: Ticket | None = None) -> Page:
            rows = cache.window(reader, view, offset=offset, limit=limit, me=me, search=search, total=total,
                                after=after, before=before)
            ids = [t.requester_id for t in rows] + [t.assignee_id for t in rows]
            return Page(offset, rows, cache.person_names(reader, ids), local_due_times(rows, policy))

        self.ticket_list.at_risk_within = policy.at_risk_within
        self.ticket_list.show(page, total, keep=keep)
        self._draw_header()
        self._show_views(me)
        if not self._painted:
            self._painted = True
            self.call_after_refresh(self.app.post_message, InboxPainted())

    def _show_views(self, me: str | None) -> None:
        """Redraw the views line now with the counts known so far; recount in a thread worker (eight
        COUNTs take ~40 ms at 100k tickets: never before the first paint, never on the UI thread)."""
        self._draw_views()
        self._count_views(me)

    def _draw_views(self) -> None:
        labels = []
        for view in self.views:
            count = self._counts.get(view.id)
            labels.append(f" {_(view.title)} {'…' if count is None else count} ")
        first, last = visible_views([len(label) + 1 for label in labels], self.view_index,
                                    max(20, self.size.width - 4))
        parts = Text("‹ " if first > 0 else "", style="dim")
        for index in range(first, last):
            parts.append(labels[index], style="reverse bold" if index == self.view_index else "dim")
            parts.append(" ")
        if last < len(labels):
            parts.append("› ", style="dim")
        if self.search_text:
            found = self.ticket_list.count
            said = ngettext("search: {count} found", "search: {count} found", found).format(count=found)
            parts.append(f" {said} ", style="bold yellow")
        if self.ticket_list.marked:
            marked = len(self.ticket_list.marked)
            said = ngettext("{count} marked", "{count} marked", marked).format(count=marked)
            parts.append(f" {said} ", style="bold green")
        self.query_one("#views", Static).update(parts)

    @work(thread=True, exclusive=True, group="count-views", exit_on_error=False, description="Counting")
    def _count_views(self, me: str | None) -> None:
        counts = {}
        try:
            with self.app.store.busy_reader() as reader:  # type: ignore[attr-defined]
                for view in self.views:
                    if get_current_worker().is_cancelled:
                        return
                    counts[view.id] = cache.count(reader, view, me=me)
        except sqlite3.OperationalError:  # interrupted: the app is quitting
            return
        self.app.call_from_thread(self._counted, counts, get_current_worker())

    def _counted(self, counts: dict[str, int], worker: Worker[None]) -> None:
        # A replaced count (exclusive group) may still finish after its successor, with a stale `me`
        # or stale rows: only a worker that was not cancelled may draw.
        if worker.is_cancelled:
            return
        self._counts = counts
        self._draw_views()

    @property
    def search_text(self) -> str:
        """What the agent typed in the search line."""
        return self.query_one("#search", Input).value.strip()

    def action_search(self) -> None:
        """Show and focus the search line."""
        field = self.query_one("#search", Input)
        field.display = True
        self.set_focus(field)  # at once: Widget.focus would defer it past the keys already queued

    def action_clear_search(self) -> None:
        """Empty and hide the search line, back to the whole view."""
        field = self.query_one("#search", Input)
        if field.value:
            field.value = ""
            self.reload()
        field.display = False
        self.ticket_list.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        # Results as you type, but one query per pause rather than per key on a 100k cache.
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(0.12, self._run_search)

    def _run_search(self) -> None:
        self.reload()
        problems = self.views[self.view_index].parsed(self.search_text).problems
        if problems:
            self.notify("; ".join(problems), severity="warning", timeout=3)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.reload()
        self.ticket_list.focus()

    def current_ticket_id(self) -> str | None:
        """Id of the ticket under the cursor, if any."""
        ticket = self.ticket_list.current
        return ticket.id if ticket else None

    @on(SyncEventReceived)
    def _sync_event(self, message: SyncEventReceived) -> None:
        if isinstance(message.event, TicketsChanged) and self.is_current:
            self.reload()

    @on(TicketList.Selected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the ticket under the cursor, with its neighbours for J/K."""
        from supportterm.ui.screens.ticket import TicketScreen

        ticket_list = self.ticket_list
        ticket_id = self.current_ticket_id()
        if ticket_id is not None:
            start = max(0, ticket_list.cursor - NEIGHBOURS // 2)
            neighbours = ticket_list.ids_from(start, NEIGHBOURS)
            self.app.push_screen(TicketScreen(ticket_id, neighbours=neighbours))

    def action_mark(self) -> None:
        """Mark or unmark the ticket under the cursor."""
        self.ticket_list.toggle_mark()
        self._show_views(state.get_state(self.reader, "me_id"))

    def _targets(self) -> list[str]:
        marked = sorted(self.ticket_list.marked)
        current = self.current_ticket_id()
        return marked or ([current] if current else [])

    def _bulk(self, patch: TicketPatch) -> None:
        targets = self._targets()
        if targets:
            self.run_worker(self._apply(targets, patch), group="bulk", exit_on_error=False)

    async def _apply(self, targets: list[str], patch: TicketPatch) -> None:
        done = await actions.update(self.app, targets, patch)  # type: ignore[arg-type]
        if done:
            self.ticket_list.marked.clear()
            updated = ngettext("{count} ticket updated; sending…", "{count} tickets updated; sending…",
                               done)
            self.notify(updated.format(count=done), timeout=2)

    def action_assign_to_me(self) -> None:
        """Assign the marked tickets (or the current one) to me."""
        targets = self._targets()
        if targets:
            self.run_worker(actions.assign_to_me(self.app, targets), group="bulk", exit_on_error=False)  # type: ignore[arg-type]
            self.ticket_list.marked.clear()

    def action_set_status(self) -> None:
        """Pick a status for the marked tickets (or the current one)."""
        from supportterm.ui.screens.pickers import status_picker  # not before the first paint (TextArea)

        current = self.ticket_list.current
        self.app.push_screen(status_picker(current.status if current else None),
                             lambda v: self._bulk(TicketPatch(status=Status(v))) if v else None)

    def action_set_priority(self) -> None:
        """Pick a priority for the marked tickets (or the current one)."""
        from supportterm.ui.screens.pickers import priority_picker

        current = self.ticket_list.current
        self.app.push_screen(priority_picker(current.priority if current else None),
                             lambda v: self._bulk(TicketPatch(priority=Priority(v))) if v else None)

    def action_close_tickets(self) -> None:
        """Solve the marked tickets (or the current one)."""
        self._bulk(TicketPatch(status=Status.SOLVED))

    def action_outbox(self) -> None:
        """Show the outbox."""
        from supportterm.ui.screens.outbox import OutboxScreen

        self.app.push_screen(OutboxScreen())

    def action_next_view(self) -> None:
        self.view_index = (self.view_index + 1) % len(self.views)
        self.reload()

    def action_prev_view(self) -> None:
        self.view_index = (self.view_index - 1) % len(self.views)
        self.reload()

    def on_unmount(self) -> None:
        if self._reader is not None:
            self._reader.close()


def visible_views(widths: list[int], current: int, room: int) -> tuple[int, int]:
    """The run of views (first, last+1) that fits `room` cells and shows the current one: on an 80-column
    terminal the later views (Pending, Solved, SLA at risk...) would otherwise be cut off unseen."""
    first, last, used = current, current + 1, widths[current]
    while True:
        grew = False
        if last < len(widths) and used + widths[last] <= room:
            used, last, grew = used + widths[last], last + 1, True
        if first > 0 and used + widths[first - 1] <= room:
            first, used, grew = first - 1, used + widths[first - 1], True
        if not grew:
            return first, last
