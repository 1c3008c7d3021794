"""Architecture tests: the layer rules of DESIGN §3, checked on the code as it is.

Import hygiene runs in a fresh interpreter (harlequin's test_import_hygiene.py), because this test
process has long since imported everything. Layer rules between packages are checked on the source's
import statements, so they also hold for modules no test imports.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import supportterm

PACKAGE_DIR = Path(supportterm.__file__).parent

HEADLESS_PACKAGES = (
    "supportterm.domain", "supportterm.store", "supportterm.sync", "supportterm.backends",
    "supportterm.politeness", "supportterm.replies",
)
"""Imported with every submodule."""
HEADLESS_MODULES = ("supportterm.config", "supportterm.cli", "supportterm.errors", "supportterm.paths",
                    "supportterm.demo")
"""Imported alone (the demo package only, not its server)."""

_PROBE = """
import importlib, json, pkgutil, sys
for name in {packages!r}:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
for name in {modules!r}:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after_import(packages: tuple[str, ...] = (), modules: tuple[str, ...] = ()) -> set[str]:
    """`sys.modules` of a fresh interpreter after importing these (packages with all submodules)."""
    code = _PROBE.format(packages=packages, modules=modules)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def test_nothing_below_the_ui_imports_textual() -> None:
    loaded = _modules_after_import(HEADLESS_PACKAGES, HEADLESS_MODULES)
    assert {"supportterm.sync.engine", "supportterm.backends.demo", "supportterm.store.db"} <= loaded
    assert "textual" not in loaded


def test_domain_is_pure() -> None:
    loaded = _modules_after_import(("supportterm.domain",))
    assert "supportterm.domain.models" in loaded
    assert {"httpx", "sqlite3", "keyring", "textual"} & loaded == set()


def test_cli_starts_without_httpx_or_textual() -> None:
    loaded = _modules_after_import(modules=("supportterm.cli",))
    assert "supportterm.cli" in loaded
    assert {"httpx", "textual"} & loaded == set()


# Static layer rules -------------------------------------------------------------------------------

def imported_modules(source: str, package: str) -> set[str]:
    """Every module an import statement in `source` names, relative imports resolved in `package`.

    `from a import b` counts as both `a` and `a.b`, since `b` may be a submodule.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(parts + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _sources(subpackage: str) -> list[tuple[Path, str]]:
    """(file, package it belongs to) for every .py file under supportterm/<subpackage>."""
    out = []
    for path in sorted((PACKAGE_DIR / subpackage).rglob("*.py")):
        parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
        out.append((path, ".".join(parts[:-1])))
    return out


def _violations(subpackage: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path, package in _sources(subpackage):
        for module in imported_modules(path.read_text(encoding="utf-8"), package):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                out.append(f"{path.relative_to(PACKAGE_DIR.parent)} imports {module}")
    return out


def test_backends_do_not_import_store_sync_or_ui() -> None:
    assert _sources("backends")
    assert _violations("backends", ("supportterm.store", "supportterm.sync", "supportterm.ui")) == []


def test_ui_does_not_import_backends() -> None:
    assert _sources("ui")  # at least the package's __init__.py
    assert _violations("ui", ("supportterm.backends",)) == []


@pytest.mark.parametrize("subpackage", ["politeness", "replies"])
def test_checker_and_replies_import_only_domain(subpackage: str) -> None:
    siblings = {p.stem for p in PACKAGE_DIR.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    allowed = {"domain", subpackage, "__init__", "__main__"}
    forbidden = tuple(f"supportterm.{name}" for name in sorted(siblings - allowed))
    assert "supportterm.ui" in forbidden
    assert _violations(subpackage, forbidden) == []


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        ("import supportterm.store.db", "supportterm.backends", "supportterm.store.db"),
        ("from supportterm import sync", "supportterm.backends", "supportterm.sync"),
        ("from ..store import tickets", "supportterm.backends", "supportterm.store.tickets"),
        ("from ...backends.http import Meter", "supportterm.ui.screens", "supportterm.backends.http"),
        ("from . import http", "supportterm.backends", "supportterm.backends.http"),
        ("def f():\n    import supportterm.ui.app", "supportterm.sync", "supportterm.ui.app"),
    ],
)
def test_import_scanner_resolves_imports(source: str, package: str, expected: str) -> None:
    assert expected in imported_modules(source, package)
