"""Provides small modal dialogs: pick one value from a list, or write a required note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from supportterm.domain.models import Priority, Status
from supportterm.i18n import _
from supportterm.ui.format import STATUS_LABEL


class ChoicePicker(ModalScreen[str | None]):
    """Choose one value with the keyboard; Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="picker.cancel")]
    DEFAULT_CSS = """
    ChoicePicker { align: center middle; }
    ChoicePicker OptionList { width: 44; height: auto; max-height: 14; border: round $primary; }
    """

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None) -> None:
        super().__init__()
        self._title, self._choices, self._current = title, choices, current

    def compose(self) -> ComposeResult:
        current = "  " + _("(current)")
        options = [Option(f"{label}{current if value == self._current else ''}", id=value)
                   for value, label in self._choices]
        picker = OptionList(*options)
        picker.border_title = self._title
        yield picker

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        values = [value for value, _ in self._choices]
        picker.highlighted = values.index(self._current) if self._current in values else 0
        picker.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def status_picker(current: Status | None) -> ChoicePicker:
    """A picker of ticket statuses."""
    return ChoicePicker(_("Set status"), [(s.value, _(STATUS_LABEL[s])) for s in Status],
                        current.value if current else None)


def priority_picker(current: Priority | None) -> ChoicePicker:
    """A picker of priorities, urgent first."""
    order = (Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW)
    return ChoicePicker(_("Set priority"), [(p.value, _(p.value)) for p in order],
                        current.value if current else None)


class NotePrompt(ModalScreen[str | None]):
    """Ask for a required internal note (escalation); ctrl+s accepts, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="note.cancel"),
        Binding("ctrl+s,ctrl+j", "accept", _("Escalate"), id="note.accept"),
    ]
    DEFAULT_CSS = """
    NotePrompt { align: center middle; }
    NotePrompt > Vertical { width: 72; height: 14; border: heavy $warning; background: $surface; }
    NotePrompt TextArea { height: 1fr; }
    """

    def __init__(self, title: str, hint: str) -> None:
        super().__init__()
        self._title, self._hint = title, hint

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._title
            yield Static(self._hint)
            yield TextArea(id="note-text", soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_accept(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if not text:
            self.notify(_("An escalation needs a note saying why and what was tried."), severity="warning")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question; y or Enter says yes, n or Esc says no (aerc's review step)."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", _("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", _("No"), id="confirm.no"),
    ]
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Static { width: 72; height: auto; border: heavy $error; background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        yield Static(Content(self._question + "\n\n" + _("y: send anyway   n / Esc: back to the text")))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
