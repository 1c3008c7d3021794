"""Provides FullTextScreen: all of one long message, a part at a time, read from the cache.

The thread shows a bounded slice of each body; this screen is the way to the rest. The body is
converted (HTML to text) once, off the UI thread, then shown in parts small enough to lay out quickly.
"""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from supportterm.domain.mail import readable
from supportterm.domain.models import Message
from supportterm.domain.text import inert, one_line
from supportterm.i18n import _
from supportterm.ui.screens.binding_order import KeepsBindingOrder
from supportterm.ui.widgets.key_bar import KeyBar

PART_CHARS = 50_000
"""Characters per part: Rich wraps this many in a few tens of milliseconds."""


def split_parts(text: str, size: int = PART_CHARS) -> list[str]:
    """`text` in parts of at most `size` characters, cut after a newline where one is near the end."""
    parts, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            newline = text.rfind("\n", start + size // 2, end)
            end = newline + 1 if newline != -1 else end
        parts.append(text[start:end])
        start = end
    return parts or [""]


class FullTextScreen(KeepsBindingOrder, Screen[None]):
    """One message's whole body, part by part; `]` and `[` (or n and p) move between parts, G and g to the
    last and first; arrows, page keys, home and end scroll within a part."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", _("Back"), id="full_text.back"),
        Binding("right_square_bracket,n", "part(1)", _("Next part"), id="full_text.next",
                key_display="]"),
        Binding("left_square_bracket,p", "part(-1)", _("Previous part"), id="full_text.prev",
                key_display="["),
        Binding("G", "last_part", _("Last part"), id="full_text.last", show=False),
        Binding("g", "first_part", _("First part"), id="full_text.first", show=False),
        Binding("j", "scroll(1)", _("Scroll down"), id="full_text.scroll_down", show=False),
        Binding("k", "scroll(-1)", _("Scroll up"), id="full_text.scroll_up", show=False),
    ]

    DEFAULT_CSS = """
    FullTextScreen #full-text-head { background: $panel; padding: 0 1; height: auto; }
    FullTextScreen #full-text-body { padding: 0 1; }
    """

    def __init__(self, message: Message) -> None:
        super().__init__()
        self.message = message
        self.parts: list[str] = []
        self.part = 0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(Text(_("Preparing the full text…")), id="full-text-head")
        with VerticalScroll(id="full-text-scroll"):
            yield Static(id="full-text-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.prepare()

    @work(exclusive=True, group="full-text", exit_on_error=False, description="Preparing the full text")
    async def prepare(self) -> None:
        """Convert the whole body once, in a thread (10 MB of HTML takes seconds)."""
        self.parts = await asyncio.to_thread(lambda: split_parts(readable(self.message.body)))
        self.show_part(0)

    def show_part(self, index: int) -> None:
        """Show part `index` (clamped) from its top."""
        if not self.parts:
            return
        self.part = max(0, min(index, len(self.parts) - 1))
        who = one_line(self.message.author_name or self.message.author_id, limit=80)
        total = sum(len(p) for p in self.parts)
        start = sum(len(p) for p in self.parts[: self.part])
        end = start + len(self.parts[self.part])
        head = Text(_("Message from {who} · part {part} of {parts} · characters {first}–{last} of {total}"
                      "  (] next, [ previous)").format(who=who, part=self.part + 1, parts=len(self.parts),
                                                        first=f"{start + 1:,}", last=f"{end:,}",
                                                        total=f"{total:,}"))
        self.query_one("#full-text-head", Static).update(head)
        self.query_one("#full-text-body", Static).update(Text(inert(self.parts[self.part])))
        self.query_one("#full-text-scroll", VerticalScroll).scroll_home(animate=False)

    def action_part(self, step: int) -> None:
        """Go to the next or previous part."""
        self.show_part(self.part + step)

    def action_last_part(self) -> None:
        """Go to the end of the message."""
        self.show_part(len(self.parts) - 1)

    def action_first_part(self) -> None:
        """Go to the start of the message."""
        self.show_part(0)

    def action_scroll(self, step: int) -> None:
        """Scroll the part by a few lines."""
        self.query_one("#full-text-scroll", VerticalScroll).scroll_relative(y=3 * step, animate=False)
