"""Provides `KeyBar`: the line at the bottom of every screen naming the keys that work there.

Why not Textual's `Footer`: it mounts one widget per key, restyles each of them twice while binding
(`FooterKey.compact` starts True, the footer's False) and recomposes, so re-lays out the whole screen,
whenever the bindings change. With the inbox's 13 keys that was about 240 M of the 1,870 M
instructions of a whole start-up (valgrind, benchmarks/startup.py's 10k run): the largest single
cost between the imports and the first usable screen. `KeyBar` draws one line of text from
`Screen.active_bindings` (so remapped keys and `binding_order` apply as they did) and only repaints
when the bindings change. A click on a key presses it, as on the footer.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class KeyItem(NamedTuple):
    """One key as drawn: what it shows and what a click presses."""

    key: str
    label: str
    description: str
    enabled: bool
    action: str = ""
    tooltip: str = ""


KEPT_ACTION = "help"
"""The key that stays when the line is too narrow for all of them: help lists the rest."""


class KeyBar(Widget, can_focus=False):
    """The keys of the focused widget and its screen, then the palette key at the right edge."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, KeyItem]] = []
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def items(self) -> tuple[list[KeyItem], KeyItem | None]:
        """The keys to show (one per action, in binding order) and the palette key, if any."""
        app = self.app
        shown: dict[str, KeyItem] = {}
        palette: KeyItem | None = None
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            item = KeyItem(key, app.get_key_display(binding), binding.description, enabled, binding.action,
                           tooltip or binding.tooltip)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = item
            elif binding.show and binding.action not in shown:
                shown[binding.action] = item
        return list(shown.values()), palette

    def render(self) -> Text:
        keys, palette = self.items()
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover")
        width = self.size.width
        palette_cells = self._cells(palette) + 1 if palette else 0  # 1: the bar before it
        right = palette_cells
        kept: list[KeyItem] = []
        if sum(map(self._cells, keys)) > width - right:
            kept = [item for item in keys if item.action == KEPT_ACTION]
            keys = [item for item in keys if item.action != KEPT_ACTION]
            right += sum(map(self._cells, kept))
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for item in keys:
            if line.cell_len + self._cells(item) > width - right:
                break  # whole keys only: a key cut in half reads as another key
            self._append(line, item, key_style, text_style, hover_style)
        for item in kept:
            self._append(line, item, key_style, text_style, hover_style)
        if palette is not None and width >= line.cell_len + palette_cells:
            line.append(" " * (width - palette_cells - line.cell_len) + "▕")
            self._append(line, palette, key_style, text_style, hover_style)
        return line

    @staticmethod
    def _parts(item: KeyItem) -> tuple[str, str]:
        """The key (padded) and its description as drawn."""
        return f" {item.label} ", f"{item.description} " if item.description else ""

    def _cells(self, item: KeyItem) -> int:
        return sum(map(cell_len, self._parts(item)))

    def _append(self, line: Text, item: KeyItem, key_style: object, text_style: object,
                hover_style: object) -> None:
        start = line.cell_len
        key, description = self._parts(item)
        line.append(key, key_style)  # type: ignore[arg-type]
        line.append(description, text_style)  # type: ignore[arg-type]
        if not item.enabled:
            line.stylize("dim", start)
        if self._hover == len(self._spans):
            line.stylize(hover_style, start)  # type: ignore[arg-type]
        self._spans.append((start, line.cell_len, item))

    def _item_at(self, x: int) -> int | None:
        return next((index for index, (start, end, _) in enumerate(self._spans) if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._item_at(event.x)
        if hover != self._hover:
            self._hover = hover
            # The binding's tooltip for the key under the pointer, as Textual's footer showed it.
            self.tooltip = (self._spans[hover][2].tooltip or None) if hover is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._item_at(event.x)
        if index is None:
            return
        event.stop()
        item = self._spans[index][2]
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
