"""Provides KeepsBindingOrder: a remapped key keeps its place in the footer and the palette.

Textual applies a keymap by deleting the binding under its old key and adding it under the new one,
which moves it to the end of the list: remapping `r` (reply) pushed it past the right edge of the
footer at 80 columns. Screens with this mixin put every binding back in the order the code lists
them, after the keymap is applied.
"""

from __future__ import annotations

from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen

_LAST = 1_000_000


class KeepsBindingOrder(Screen):  # type: ignore[type-arg]
    """Mixin for the app's screens (put it first in the bases)."""

    @property
    def _binding_chain(self) -> list[tuple[DOMNode, BindingsMap]]:
        chain = super()._binding_chain
        if self.app._keymap:  # without a keymap nothing moved
            for node, bindings in chain:
                _restore_order(node._bindings, bindings)
        return chain


def _restore_order(original: BindingsMap, remapped: BindingsMap) -> None:
    """Sort `remapped` by where each binding (by id, else by key) stood in `original`."""
    by_id: dict[str, int] = {}
    by_key: dict[str, int] = {}
    for place, (key, bindings) in enumerate(original.key_to_bindings.items()):
        by_key.setdefault(key, place)
        for binding in bindings:
            if binding.id:
                by_id.setdefault(binding.id, place)

    def place_of(item: tuple[str, list[object]]) -> int:
        key, bindings = item
        return min((by_id.get(b.id, by_key.get(key, _LAST)) if b.id else by_key.get(key, _LAST)  # type: ignore[attr-defined]
                    for b in bindings), default=_LAST)

    remapped.key_to_bindings = dict(sorted(remapped.key_to_bindings.items(), key=place_of))
