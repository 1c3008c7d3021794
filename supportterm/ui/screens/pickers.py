"""Provides small modal pickers (status today; priority and assignee reuse the same shape)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from supportterm.domain.models import Status
from supportterm.ui.format import STATUS_LABEL


class StatusPicker(ModalScreen[Status | None]):
    """Choose a ticket status with the keyboard; Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="picker.cancel")]
    DEFAULT_CSS = """
    StatusPicker { align: center middle; }
    StatusPicker OptionList { width: 40; height: auto; max-height: 12; border: round $primary; }
    """

    def __init__(self, current: Status) -> None:
        super().__init__()
        self._current = current

    def compose(self) -> ComposeResult:
        options = [Option(f"{STATUS_LABEL[s]}{'  (current)' if s is self._current else ''}", id=s.value)
                   for s in Status]
        picker = OptionList(*options)
        picker.border_title = "Set status"
        yield picker

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        picker.highlighted = list(Status).index(self._current)
        picker.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Status(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
