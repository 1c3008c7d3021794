"""The compiled-code cache for dataclasses (supportterm/gencache.py): same classes, warm or cold."""

from __future__ import annotations

import dataclasses
import inspect
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from supportterm import gencache


def make_class() -> type:
    """A frozen, slotted dataclass with defaults, a factory and annotations, built afresh."""

    @dataclasses.dataclass(frozen=True, slots=True)
    class Item:
        name: str
        count: int = 0
        tags: tuple[str, ...] = ()
        extra: list[int] = dataclasses.field(default_factory=list, compare=False)

    return Item


def use(monkeypatch: pytest.MonkeyPatch, path: Path) -> gencache.CodeCache:
    """A cache at `path` that dataclasses use for this test only (no atexit save), written as .pyc
    files would be (this machine's test environment sets PYTHONDONTWRITEBYTECODE)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = gencache.CodeCache(path)
    monkeypatch.setattr(dataclasses, "exec", cache.exec, raising=False)
    return cache


def behaviour(cls: type) -> tuple[object, ...]:
    a, b = cls("x", 2), cls("x", 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.count = 3
    returns = inspect.signature(cls.__init__).return_annotation
    names = [f.name for f in dataclasses.fields(cls)]
    return a == b, hash(a) == hash(b), repr(a), cls("y").extra, returns, names


def test_warm_cache_compiles_nothing_and_builds_the_same_class(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    expected = behaviour(make_class())  # plain dataclasses, no cache
    path = tmp_path / "cache.bin"

    cold = use(monkeypatch, path)
    assert behaviour(make_class()) == expected
    assert cold.added > 0
    cold.save()
    assert path.exists()

    warm = use(monkeypatch, path)
    assert behaviour(make_class()) == expected
    assert warm.added == 0  # every generated method came from the file
    assert expected[4] is None  # `-> None` stays an object: the cache's own future import did not leak


@pytest.mark.parametrize("content", [b"", b"not a cache", gencache.HEADER + b"\x00\x01garbage",
                                     b"supportterm gencache 1\nPython 0.0\n" + b"x" * 20])
def test_damaged_or_foreign_file_is_ignored_then_replaced(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                          content: bytes) -> None:
    path = tmp_path / "cache.bin"
    path.write_bytes(content)
    cache = use(monkeypatch, path)
    assert cache.code == {}
    make_class()
    cache.save()
    assert gencache.read_table(path)  # readable again


def test_nothing_is_written_when_bytecode_writing_is_off(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    cache = use(monkeypatch, tmp_path / "cache.bin")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    make_class()
    cache.save()
    assert not (tmp_path / "cache.bin").exists()


def test_the_command_fills_the_cache_once(tmp_path: Path) -> None:
    env = {**os.environ, "SUPPORTTERM_HOME": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "supportterm", "--version"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    files = list((tmp_path / "cache").glob("gencache-*.bin"))
    assert len(files) == 1
    first = files[0].stat()
    assert len(gencache.read_table(files[0])) > 20  # the config's and domain's classes, at least

    subprocess.run(command, env=env, check=True, capture_output=True)
    again = files[0].stat()
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)  # nothing new: kept


def test_an_unusable_cache_folder_installs_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SUPPORTTERM_HOME", str(blocker))  # cache_dir() cannot be made under a file
    monkeypatch.delattr(dataclasses, "exec", raising=False)
    assert gencache.install() is None
    assert not hasattr(dataclasses, "exec")


def test_past_the_limit_the_file_keeps_only_this_run_s_code(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "cache.bin"
    stale = {f"x = {n}\n": compile(f"x = {n}\n", "<string>", "exec") for n in range(gencache.MAX_ENTRIES)}
    path.write_bytes(gencache.HEADER + marshal.dumps(stale))
    cache = use(monkeypatch, path)
    expected = behaviour(make_class())
    cache.save()

    kept = gencache.read_table(path)
    assert kept and kept.keys() == cache.used  # the next start still finds this run's classes
    warm = use(monkeypatch, path)
    assert behaviour(make_class()) == expected
    assert warm.added == 0
