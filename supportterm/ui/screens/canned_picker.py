"""Provides CannedPicker: find a canned reply by typing, the ticket's language first (ctrl+t, or `::`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from supportterm.domain.text import one_line
from supportterm.i18n import _
from supportterm.replies import LibraryReply, rank

SHOWN = 30


class CannedPicker(ModalScreen[LibraryReply | None]):
    """A search box over the reply library; Enter inserts the highlighted reply, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="canned.cancel"),
        Binding("down", "move(1)", _("Next"), id="canned.next", show=False),
        Binding("up", "move(-1)", _("Previous"), id="canned.previous", show=False),
    ]
    DEFAULT_CSS = """
    CannedPicker { align: center middle; }
    CannedPicker > Vertical { width: 80; height: 20; border: round $primary; background: $surface; }
    CannedPicker OptionList { height: 1fr; }
    """

    def __init__(self, replies: list[LibraryReply], *, language: str | None, query: str = "") -> None:
        super().__init__()
        self._replies, self._language, self._query = replies, language, query
        self._shown: list[LibraryReply] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            language = self._language or _("any")
            box.border_title = _("Canned replies — {language} first").format(language=language)
            yield Input(value=self._query, placeholder=_("type to filter: title, shortcut, tag"))
            yield OptionList()

    def on_mount(self) -> None:
        self._refill(self._query)
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def _refill(self, query: str) -> None:
        self._shown = rank(self._replies, query, language=self._language)[:SHOWN]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([
            Option(Content(one_line(f"[{r.language or '--'}] {r.title}  ·  {r.shortcut}  ({r.source})")))
            for r in self._shown
        ])
        if self._shown:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self._shown:
            options.highlighted = max(0, min(len(self._shown) - 1, (options.highlighted or 0) + step))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        index = self.query_one(OptionList).highlighted
        self.dismiss(self._shown[index] if self._shown and index is not None else None)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
