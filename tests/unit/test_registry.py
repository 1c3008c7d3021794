"""Unit tests of backend discovery through the `supportterm.backends` entry-point group."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from supportterm.backends import registry
from supportterm.backends.demo import DemoBackend
from supportterm.errors import ConfigError


def test_backend_names_has_demo() -> None:
    assert "demo" in registry.backend_names()


def test_load_backend_returns_the_class() -> None:
    assert registry.load_backend("demo") is DemoBackend
    assert DemoBackend.NAME == "demo"


def test_unknown_backend_lists_the_installed_ones() -> None:
    with pytest.raises(ConfigError) as caught:
        registry.load_backend("nope")
    assert "Unknown backend 'nope'" in str(caught.value)
    assert "demo" in str(caught.value)


def _with_extra(monkeypatch: pytest.MonkeyPatch, name: str, target: str) -> None:
    points = registry._entry_points()
    points[name] = EntryPoint(name=name, value=target, group=registry.GROUP)
    monkeypatch.setattr(registry, "_entry_points", lambda: dict(points))


def test_a_plugin_that_is_not_a_backend_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_extra(monkeypatch, "odd", "supportterm.errors:ConfigError")
    with pytest.raises(ConfigError, match="not a HelpdeskBackend"):
        registry.load_backend("odd")


def test_load_all_warns_about_a_broken_plugin(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _with_extra(monkeypatch, "broken", "supportterm_no_such_module:Backend")
    loaded = registry.load_all()
    assert loaded["demo"] is DemoBackend
    assert "broken" not in loaded
    assert "backend 'broken' failed to load" in capsys.readouterr().err
