"""Every key binding of the UI has a Pilot test that presses it (issue 4: "a Pilot test for every key").

Binding ids are read from the UI's source (every `Binding(..., id=...)`), and a test claims the ids it
presses with `@pytest.mark.keys("inbox.down", ...)`. Both sides are read with `ast`, so the check costs
nothing at run time and a new binding without a test fails here with its id.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _calls(path: Path) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def binding_ids() -> set[str]:
    """Every `id=` given to a Binding in supportterm/ui."""
    return {kw.value.value for path in (ROOT / "supportterm" / "ui").rglob("*.py") for call in _calls(path)
            if _name(call) == "Binding" for kw in call.keywords
            if kw.arg == "id" and isinstance(kw.value, ast.Constant)}


def claimed_ids() -> set[str]:
    """Every id named in a `pytest.mark.keys(...)` of a test under tests/."""
    return {arg.value for path in (ROOT / "tests").rglob("test_*.py") for call in _calls(path)
            if _name(call) == "keys" and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Attribute) and call.func.value.attr == "mark"
            for arg in call.args if isinstance(arg, ast.Constant)}


def test_the_scan_finds_the_bindings_and_the_claims() -> None:
    ids = binding_ids()
    assert {"inbox.down", "ticket.reply", "app.quit"} <= ids
    assert "inbox.down" in claimed_ids()


def test_every_binding_is_pressed_by_a_pilot_test() -> None:
    missing = sorted(binding_ids() - claimed_ids())
    assert not missing, f"bindings without a Pilot test (add one, marked @pytest.mark.keys(...)): {missing}"


def test_no_test_claims_a_binding_that_does_not_exist() -> None:
    stale = sorted(claimed_ids() - binding_ids())
    assert not stale, f"tests claim binding ids that no longer exist: {stale}"
