"""docs/config.md documents exactly the keys config.py accepts, and every environment override.

A key added to `config.py` without a line in the docs (or a documented key the code no longer reads)
fails here, so the page stays true.
"""

from __future__ import annotations

import re
from pathlib import Path

from supportterm.config import ENV_OVERRIDES, KEYMAP_PRESETS, Settings, accepted_keys

DOC = (Path(__file__).resolve().parents[2] / "docs" / "config.md").read_text(encoding="utf-8")
KEY_ROW = re.compile(r"^\| `([a-z_.A-Z]+)` \| [^|]+ \| ([^|]+) \|", re.MULTILINE)
"""A row of a key table: | `key` | type | default | what it does |"""


def documented() -> dict[str, str]:
    """Documented key -> its default column, from the key tables (not the env or theme tables)."""
    rows = {key: default.strip() for key, default in KEY_ROW.findall(DOC)}
    return {key: default for key, default in rows.items() if not key.startswith(("SUPPORTTERM_", "NO_COLOR"))
            and not key.startswith("supportterm-")}


def test_every_accepted_key_is_documented_and_nothing_else() -> None:
    assert set(documented()) == accepted_keys()


def test_documented_defaults_match_the_code() -> None:
    defaults = Settings()
    docs = documented()
    for key in ("theme", "keymap_preset"):
        assert docs[key] == f'`"{getattr(defaults, key)}"`', key
    assert docs["sync_interval_s"] == f"`{defaults.sync_interval_s:g}`"
    assert docs["prefetch"] == f"`{defaults.prefetch}`"
    for key in ("auto_advance", "mouse"):
        assert docs[key] == f"`{str(getattr(defaults, key)).lower()}`", key


def test_every_environment_override_is_documented_with_its_key() -> None:
    rows = dict(re.findall(r"^\| `(SUPPORTTERM_[A-Z_]+)` \| `([a-z_]+)` \|", DOC, re.MULTILINE))
    assert rows == ENV_OVERRIDES


def test_presets_and_shipped_themes_are_named() -> None:
    from supportterm.ui.themes import builtin_themes

    for preset in KEYMAP_PRESETS:
        assert f'"{preset}"' in DOC
    shipped = set(re.findall(r"^\| `(supportterm-[a-z0-9-]+)` \|", DOC, re.MULTILINE))
    assert shipped == {spec.name for spec in builtin_themes()}
