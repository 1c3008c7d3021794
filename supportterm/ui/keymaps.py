"""Provides the keymap presets ("default", "vim") and the catalogue of every binding id.

A preset is a mapping binding id -> keys, applied with Textual's `App.set_keymap` before the user's
own `[keymap]` table (user keys win). The default preset is the keys written in the code. The vim
preset adds what vim hands expect where it does not collide with a default meaning:

- `l` opens the ticket under the cursor and `h` goes back from a ticket (netrw, ranger, lf), so the
  view switch moves from `h`/`l` to `H`/`L` (plus `[`/`]` as before);
- `ctrl+f`/`ctrl+b` page like `ctrl+d`/`ctrl+u` in the inbox; `ctrl+e`/`ctrl+y` scroll a thread.

Left out on purpose: `gg` (Textual has no key sequences, `g` alone goes to the top in both presets),
`n`/`N` for the next match (`n` writes an internal note; the inbox search filters rather than jumps,
so there is no "next match"), and `:` for the palette (it would be typed into the composer).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

PRESETS: dict[str, dict[str, str]] = {
    "default": {},
    "vim": {
        "inbox.open": "enter,l",
        "inbox.next_view": "right_square_bracket,L",
        "inbox.prev_view": "left_square_bracket,H",
        "inbox.page_down": "pagedown,ctrl+f,ctrl+d",
        "inbox.page_up": "pageup,ctrl+b,ctrl+u",
        "ticket.back": "escape,q,h",
        "ticket.scroll_down": "j,ctrl+e",
        "ticket.scroll_up": "k,ctrl+y",
    },
}
PRESET_NAMES = tuple(PRESETS)


def effective_keymap(preset: str, user: dict[str, str]) -> dict[str, str]:
    """The preset's keys overlaid with the user's `[keymap]` (an unknown preset counts as default)."""
    return {**PRESETS.get(preset, {}), **user}


@dataclass(frozen=True, slots=True)
class BindingInfo:
    """One remappable binding as the code declares it."""

    id: str
    keys: str
    description: str
    owner: str
    """The class that declares it (a screen, a widget or the app)."""


def binding_catalog() -> dict[str, BindingInfo]:
    """Every binding with an id in the UI, found by importing each `supportterm.ui` module.

    Walking the package (rather than listing screens) keeps docs/keys.md honest when a screen is added.
    """
    import pkgutil

    import supportterm.ui as ui_package

    found: dict[str, BindingInfo] = {}
    for module_info in pkgutil.walk_packages(ui_package.__path__, "supportterm.ui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                _collect(value, found)
    return dict(sorted(found.items()))


def _collect(owner: type, found: dict[str, BindingInfo]) -> None:
    from textual.binding import Binding

    for binding in owner.__dict__.get("BINDINGS", ()):
        if isinstance(binding, Binding) and binding.id and binding.id not in found:
            found[binding.id] = BindingInfo(binding.id, binding.key, binding.tooltip or binding.description,
                                            owner.__name__)


def unknown_ids(keymap: dict[str, str], known: set[str]) -> list[str]:
    """Ids of a keymap that no binding has (typos in the user's `[keymap]`)."""
    return sorted(set(keymap) - known)
