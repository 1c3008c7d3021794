"""Provides FollowUpPrompt: when to come back to a ticket ("in 2h", "tomorrow 12:00; call them"), and
YesNo, a plain question for shift start and stop (set availability on the helpdesk?)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from supportterm.domain.followup import EXAMPLES, FollowUpTime, FollowUpTimeError, parse_follow_up
from supportterm.domain.text import one_line
from supportterm.i18n import _

CLEAR_WORDS = ("done", "clear", "none")
"""Typed instead of a time: the ticket's open follow-ups are done."""


@dataclass(frozen=True, slots=True)
class FollowUpChoice:
    """What the agent decided: a new follow-up (`when`, `note`) or `clear` the open ones."""

    when: FollowUpTime | None
    note: str = ""
    clear: bool = False


class FollowUpPrompt(ModalScreen[FollowUpChoice | None]):
    """One line: WHEN[; note]. Enter sets it, Esc cancels; a wrong time is explained in place."""

    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="followup.cancel")]
    DEFAULT_CSS = """
    FollowUpPrompt { align: center middle; }
    FollowUpPrompt > Vertical { width: 76; height: auto; border: heavy $accent; background: $surface;
                                padding: 0 1; }
    FollowUpPrompt #follow-up-error { color: $error; }
    """

    def __init__(self, title: str, *, now: Callable[[], datetime], zone: tzinfo,
                 open_items: Sequence[str] = ()) -> None:
        super().__init__()
        self._title, self._now, self._zone, self._open = title, now, zone, list(open_items)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._title
            examples = ", ".join(EXAMPLES[:6])
            hint = _("When? {examples}. Add '; note' for what to do.").format(examples=examples)
            if self._open:
                hint += "\n" + _("Open: {items}  ('done' clears them)").format(items="; ".join(self._open))
            yield Static(Content(hint))
            yield Input(placeholder=_("tomorrow 12:00; tell them about the fix"), id="follow-up-when")
            yield Static(id="follow-up-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text, _, note = event.value.partition(";")
        if text.strip().lower() in CLEAR_WORDS:
            self.dismiss(FollowUpChoice(None, clear=True))
            return
        try:
            when = parse_follow_up(text, self._now(), self._zone)
        except FollowUpTimeError as exc:
            self.query_one("#follow-up-error", Static).update(Content(one_line(str(exc))))
            return
        self.dismiss(FollowUpChoice(when, one_line(note.strip(), limit=500)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class YesNo(ModalScreen[bool]):
    """A plain yes/no question; y or Enter says yes, n or Esc says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", _("Yes"), id="yesno.yes"),
        Binding("n,escape", "answer(False)", _("No"), id="yesno.no"),
    ]
    DEFAULT_CSS = """
    YesNo { align: center middle; }
    YesNo > Static { width: 64; height: auto; border: heavy $accent; background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        yield Static(Content(self._question + "\n\n" + _("y / Enter: yes   n / Esc: no")))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
