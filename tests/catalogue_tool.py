"""Provides `tool`: tools/i18n.py (the catalogue workflow) loaded as a module, for the i18n tests.

tools/ is not a package; the tests of the app's labels and of the checker's messages both read the
template and catalogues through it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load()
