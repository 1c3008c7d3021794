"""`supportterm.replies` is pure Python: it imports only the standard library and `supportterm.domain`."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import supportterm.replies

PACKAGE = Path(supportterm.replies.__file__).parent


def absolute_imports(path: Path) -> set[str]:
    """Every module imported without a leading dot (relative imports stay inside the package)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
    return found


def test_source_imports_only_stdlib_and_domain() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) >= 5
    bad = {
        f"{path.name}: {module}"
        for path in files
        for module in absolute_imports(path)
        if module.split(".")[0] not in sys.stdlib_module_names and not module.startswith("supportterm.domain")
        and module != "__future__"
    }
    assert bad == set()


def test_importing_the_package_loads_nothing_else() -> None:
    code = ("import json, sys; import supportterm.replies as r; r.load_library(None); "
            "print(json.dumps(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(result.stdout))
    ours = {m for m in loaded if m.startswith("supportterm.")}
    assert all(m.startswith(("supportterm.domain", "supportterm.replies")) for m in ours), ours
    assert {"textual", "httpx", "rich", "platformdirs", "keyring", "sqlite3"} & loaded == set()


def test_modules_stay_small() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno - node.lineno + 1 <= 40, f"{path.name}:{node.name}"
