"""Tests of tools/screenshots.py: the README's pictures come out the same for the same code, show the
demo's content in all three languages and carry no secret.

Each run seeds the demo helpdesk on 127.0.0.1, syncs it and drives the app with Pilot, so only two
of the pictures are drawn here (twice each, into temporary folders).
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUBSET = ("inbox", "composer-politeness")


def _load_tool() -> ModuleType:
    """tools/ is not a package: load the script by path (registered first, as its dataclasses need)."""
    name = "supportterm_screenshots_tool"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _screen_text(svg: Path) -> str:
    """The characters the SVG draws, spaces included, one terminal line per SVG text run."""
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg.read_text(encoding="utf-8"))
    return "\n".join(html.unescape(run).replace("\xa0", " ") for run in runs)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    tool = _load_tool()
    first = tool.render(tmp_path_factory.mktemp("first"), SUBSET)
    second = tool.render(tmp_path_factory.mktemp("second"), SUBSET)
    return first, second


def test_the_same_code_draws_the_same_files(two_runs: tuple[list[Path], list[Path]]) -> None:
    first, second = two_runs
    assert [p.name for p in first] == [f"{name}.svg" for name in SUBSET]
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes(), f"{one.name} differs between two runs"


def test_the_inbox_shows_three_languages_and_the_synced_status(
    two_runs: tuple[list[Path], list[Path]],
) -> None:
    text = _screen_text(two_runs[0][0])
    assert re.search(r"[А-Яа-яЁё]{4}", text), "no Russian ticket on the inbox picture"
    assert re.search(r"[əƏ]", text), "no Azerbaijani ticket on the inbox picture"
    assert "Synced" in text and "Not synced yet" not in text
    assert "On shift 5h 00m" in text


def test_the_composer_lists_the_politeness_findings(two_runs: tuple[list[Path], list[Path]]) -> None:
    text = _screen_text(two_runs[0][1])
    assert "PUBLIC REPLY" in text
    assert "argumentative" in text and "blame" in text


def test_no_token_or_secret_is_drawn(two_runs: tuple[list[Path], list[Path]]) -> None:
    tool = _load_tool()
    for svg in two_runs[0]:
        text = _screen_text(svg)
        assert tool.DEMO_TOKEN not in text
        assert not re.search(r"(?i)bearer|token|password\s*[:=]|api[_-]?key\s*[:=]", text), svg.name


def test_unknown_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown screenshots: nope"):
        _load_tool().render(tmp_path, ["nope"])


def test_the_readme_shows_committed_screenshots_of_the_tool() -> None:
    """Every picture the README shows is in docs/screenshots/, and every one the tool draws is there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"\]\((docs/screenshots/[\w.-]+\.svg)\)", readme)
    assert len(shown) >= 3
    assert all((ROOT / path).is_file() for path in shown), shown
    committed = {p.stem for p in (ROOT / "docs" / "screenshots").glob("*.svg")}
    assert {shot.name for shot in _load_tool().SHOTS} <= committed
