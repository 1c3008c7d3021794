"""docs/keys.md lists every binding id with its default and vim keys, as the code has them.

The catalogue is built by walking every `supportterm.ui` module, so a new screen's bindings must be
documented (and given ids) before this passes.
"""

from __future__ import annotations

import re
from pathlib import Path

from supportterm.config import KEYMAP_PRESETS
from supportterm.ui.keymaps import PRESETS, binding_catalog, effective_keymap

DOC = (Path(__file__).resolve().parents[2] / "docs" / "keys.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `([a-z_]+\.[a-z_]+)` \| `([^`]+)` \| `([^`]+)` \|", re.MULTILINE)


def test_every_binding_id_is_documented_with_its_keys() -> None:
    rows = {ident: (default, vim) for ident, default, vim in ROW.findall(DOC)}
    catalog = binding_catalog()
    assert len(catalog) >= 60
    assert set(rows) == set(catalog)
    for ident, info in catalog.items():
        assert rows[ident] == (info.keys, PRESETS["vim"].get(ident, info.keys)), ident


def test_presets_name_only_real_ids_and_match_the_config_choices() -> None:
    assert tuple(PRESETS) == KEYMAP_PRESETS
    assert set(PRESETS["vim"]) <= set(binding_catalog())


def test_user_keys_win_over_the_preset() -> None:
    keymap = effective_keymap("vim", {"inbox.open": "o,enter"})
    assert keymap["inbox.open"] == "o,enter" and keymap["ticket.back"] == "escape,q,h"
    assert effective_keymap("default", {}) == {}


SCREENS_WITH_WIDGETS = {"InboxScreen": ("TicketList",), "TicketScreen": ("Composer",)}
"""Bindings that are live together at one level: a screen and the widgets it composes. (A screen may
shadow an app key on purpose: `?` opens help and, on the help screen, closes it.)"""


def test_no_key_means_two_things_on_one_screen_in_either_preset() -> None:
    by_owner: dict[str, dict[str, str]] = {}
    for ident, info in binding_catalog().items():
        by_owner.setdefault(info.owner, {})[ident] = info.keys
    widgets = {w for group in SCREENS_WITH_WIDGETS.values() for w in group}
    screens = [owner for owner in by_owner if owner not in widgets]
    for preset in KEYMAP_PRESETS:
        for screen in screens:
            owners = (screen, *SCREENS_WITH_WIDGETS.get(screen, ()))
            bindings = {i: k for owner in owners for i, k in by_owner.get(owner, {}).items()}
            seen: dict[str, str] = {}
            for ident, keys in bindings.items():
                for key in PRESETS[preset].get(ident, keys).split(","):
                    # one action may sit under two ids (inbox.open, inbox.open_o) but not two actions
                    same = {seen.setdefault(key, ident), ident} <= {"inbox.open", "inbox.open_o"}
                    assert same or seen[key] == ident, (preset, screen, key, seen[key], ident)
