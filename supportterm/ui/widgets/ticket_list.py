"""Provides TicketList: a virtual list of tickets that reads only the rows on screen from the store.

A Line-API `ScrollView` (toolong's pattern): the widget knows the view's row count, asks a page source
for the rows it paints, and keeps a few pages in an LRU cache; 100,000 tickets cost the same as 100.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from supportterm.domain.models import Ticket
from supportterm.i18n import _
from supportterm.ui.widgets.ticket_row import AT_RISK, COLUMNS, Column, line_width, row_segments

PAGE = 100
"""Rows read from the store at once."""


@dataclass(frozen=True, slots=True)
class Page:
    """Rows `start .. start+len(tickets)` of the current view, with the names they reference."""

    start: int
    tickets: list[Ticket]
    names: dict[str, str]
    local_due: dict[str, datetime] = field(default_factory=dict)
    """The local policy's due times of the page's tickets the helpdesk gives none for (computed once
    per page read, not per painted line)."""


class PageSource(Protocol):
    """Reads one page of the view from the store. Must be quick: it runs while painting."""

    def __call__(self, offset: int, limit: int, *, after: Ticket | None = None,
                 before: Ticket | None = None) -> Page:
        """Rows `offset .. offset+limit`; `after`/`before` name the neighbouring row already read, so
        the store can seek to it instead of counting `offset` rows (see `store.tickets.window`)."""


class TicketList(ScrollView, can_focus=True):
    """The inbox list: one line per ticket, a cursor, and keys to move it."""

    BINDINGS = [
        Binding("down,j", "move(1)", _("Down"), show=False, id="inbox.down"),
        Binding("up,k", "move(-1)", _("Up"), show=False, id="inbox.up"),
        Binding("pagedown,ctrl+d", "page(1)", _("Page down"), show=False, id="inbox.page_down"),
        Binding("pageup,ctrl+u", "page(-1)", _("Page up"), show=False, id="inbox.page_up"),
        Binding("home,g", "jump(0)", _("First"), show=False, id="inbox.first"),
        Binding("end,G", "jump(-1)", _("Last"), show=False, id="inbox.last"),
        Binding("enter", "select", _("Open"), id="inbox.open", tooltip=_("Open the ticket under the cursor")),
    ]
    DEFAULT_CSS = """
    TicketList { height: 1fr; }
    """

    cursor: reactive[int] = reactive(0, repaint=False)
    """Moving it repaints two lines, not the whole list (see watch_cursor)."""

    class Selected(Message):
        """The agent pressed Enter on a ticket."""

        def __init__(self, ticket_id: str) -> None:
            super().__init__()
            self.ticket_id = ticket_id

    def __init__(self, *, now: Callable[[], datetime], columns: tuple[Column, ...] = COLUMNS,
                 id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.columns = columns
        self._now = now
        self._source: PageSource | None = None
        self._count = 0
        self._pages: LRUCache[int, Page] = LRUCache(maxsize=64)
        self._lines: LRUCache[tuple[int, bool, bool, int, str, Style], Strip] = LRUCache(maxsize=512)
        self._base_styles: dict[tuple[str, bool], Style] = {}
        """The widget's theme colours under every row, per (theme, focus): `rich_style` costs ~65 us."""
        """Rendered rows; building a row's Text costs ~0.2 ms, so a repaint reuses them."""
        self.at_risk_within = AT_RISK
        """A due time closer than this is drawn as at risk (the inbox sets `[sla] warn_minutes`)."""
        self.marked: set[str] = set()
        """Tickets marked for a bulk action (kept across view switches until used or cleared)."""

    def show(self, source: PageSource, count: int, *, keep: str | None = None) -> None:
        """Point the list at a view (`count` rows from `source`), keeping ticket `keep` under the cursor
        if it is still in the first page."""
        self._source, self._count = source, count
        self._pages.clear()
        self._lines.clear()
        self.virtual_size = Size(self.size.width, count)
        target = 0
        if keep is not None:
            first = self._page(0)
            ids = [t.id for t in first.tickets] if first else []
            target = ids.index(keep) if keep in ids else min(self.cursor, max(0, count - 1))
        self.cursor = min(target, max(0, count - 1))
        self.refresh()

    @property
    def count(self) -> int:
        """Rows in the current view."""
        return self._count

    def _page(self, number: int) -> Page | None:
        if self._source is None:
            return None
        page = self._pages.get(number)
        if page is None:
            start = number * PAGE
            previous, following = self._pages.get(number - 1), self._pages.get(number + 1)
            if number > 0 and previous is not None and len(previous.tickets) == PAGE:
                page = self._source(start, PAGE, after=previous.tickets[-1])
            elif following is not None and following.tickets:
                page = self._source(start, PAGE, before=following.tickets[0])
            else:
                page = self._source(start, PAGE)
            self._pages[number] = page
        return page

    def ticket_at(self, index: int) -> Ticket | None:
        """The ticket at row `index`, read through the page cache."""
        if not 0 <= index < self._count:
            return None
        page = self._page(index // PAGE)
        offset = index % PAGE
        return page.tickets[offset] if page and offset < len(page.tickets) else None

    def ids_from(self, start: int, limit: int) -> list[str]:
        """Ticket ids of rows `start .. start+limit` (for J/K in the ticket view and prefetch)."""
        return [t.id for i in range(start, min(self._count, start + limit)) if (t := self.ticket_at(i))]

    @property
    def current(self) -> Ticket | None:
        """The ticket under the cursor."""
        return self.ticket_at(self.cursor)

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.size.width
        # The theme is part of the key and the widget's own style goes under every row, so rows and the
        # empty space below them follow the theme (a theme switch must not reuse old colours). Focus
        # changes only the cursor row's look (and the base style, if CSS tints a focused list): the
        # focus arriving just after the first paint must not rebuild every row.
        look = (self.app.theme, self.has_focus)
        base = self._base_styles.get(look)
        if base is None:
            base = self._base_styles[look] = self.rich_style
        is_cursor = index == self.cursor
        key = (index, is_cursor, is_cursor and self.has_focus, width, self.app.theme, base)
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        ticket = self.ticket_at(index)
        if ticket is None:
            return Strip.blank(width, base)
        page = self._pages.get(index // PAGE)
        names = page.names if page else {}
        segments = row_segments(ticket, names, self._now(), width, marked=ticket.id in self.marked,
                                cursor=is_cursor, focus=self.has_focus, columns=self.columns,
                                base=base, local_due=page.local_due.get(ticket.id) if page else None,
                                at_risk=self.at_risk_within)
        line = line_width(width, self.columns)
        # One Strip per row (crop_extend + simplify made three, each with seven small caches to allocate).
        strip = Strip(segments, line) if line == width else Strip(segments, line).crop_extend(0, width, base)
        self._lines[key] = strip
        return strip

    def watch_cursor(self, old: int, new: int) -> None:
        top = int(self.scroll_offset.y)
        height = max(1, self.size.height)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, immediate=True)
        self.refresh_row(old)
        self.refresh_row(new)

    def refresh_row(self, index: int) -> None:
        """Repaint one row of the list (ScrollView.refresh_lines takes list rows, not screen rows)."""
        self.refresh_lines(index, 1)

    def on_focus(self) -> None:
        self.refresh_row(self.cursor)

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the row; a click on the cursor's row (or a double click) opens it."""
        index = int(self.scroll_offset.y) + event.y
        if not 0 <= index < self._count:
            return
        if index == self.cursor or event.chain > 1:
            self.cursor = index
            self.action_select()
        else:
            self.cursor = index

    def on_blur(self) -> None:
        self.refresh_row(self.cursor)

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(self._count - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        self.action_move(step * max(1, self.size.height - 1))

    def action_jump(self, where: int) -> None:
        self.cursor = max(0, self._count - 1) if where < 0 else 0

    def toggle_mark(self) -> None:
        """Mark or unmark the ticket under the cursor, then move down (mutt's `t`, aerc's `x`)."""
        ticket = self.current
        if ticket is None:
            return
        self.marked.symmetric_difference_update({ticket.id})
        self._lines.clear()
        self.refresh_row(self.cursor)
        self.action_move(1)

    def action_select(self) -> None:
        ticket = self.current
        if ticket is not None:
            self.post_message(self.Selected(ticket.id))

    def on_resize(self) -> None:
        self._lines.clear()
        self.virtual_size = Size(self.size.width, self._count)
