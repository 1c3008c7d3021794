"""Provides HelpScreen: every key of the screen the agent came from, as currently mapped."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from supportterm.i18n import _


class HelpScreen(ModalScreen[None]):
    """A modal table of keys, built from the active bindings (so remapped keys show as remapped)."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", _("Close"), id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80; max-height: 90%; border: round $primary; background: $surface; padding: 0 1; }
    """

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._for = screen

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column(_("Key"), style="bold", no_wrap=True)
        table.add_column(_("Action"))
        table.add_column(_("Id"), style="dim", no_wrap=True)
        seen: set[str] = set()
        ours_first = sorted(
            self._for.active_bindings.values(), key=lambda a: "." not in (a.binding.id or "")
        )
        for active in ours_first:
            binding = active.binding
            ident = binding.id or binding.action
            if ident in seen:
                continue
            seen.add(ident)
            keys = [self.app.get_key_display(b) for k, b in _same_action(self._for, binding)]
            table.add_row(Text(", ".join(keys)), Text(_(binding.tooltip or binding.description)), ident)
        with VerticalScroll():
            yield Static(Text(_("Keys — Esc closes"), style="bold"))
            yield Static(table, id="help-table")


def _same_action(screen: Screen[object], binding: Binding) -> list[tuple[str, Binding]]:
    return [
        (k, a.binding) for k, a in screen.active_bindings.items()
        if (a.binding.id or a.binding.action) == (binding.id or binding.action)
    ]
