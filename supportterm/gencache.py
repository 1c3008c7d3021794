"""Provides a disk cache for the code Python compiles from dataclasses' generated source.

Python 3.11 builds each dataclass's `__init__`, `__repr__`, `__eq__`, `__hash__` and frozen
`__setattr__`/`__delattr__` by exec-ing source text it generates. Parsing and compiling that text was
about a third of the CPU supportterm's start-up spent beyond an empty Textual app (callgrind,
benchmarks/README.md, session 5): ours and Textual's ~100 dataclasses, every start. The text depends
only on a class's fields, so its compiled code can be kept the way `.pyc` files keep modules': keyed by
the exact source and the interpreter's version, ignored when unreadable, rebuilt when missing.

`install()` points the `exec` that `dataclasses` calls at the cache (a module global shadowing the
builtin; nothing else changes) and saves new entries when the process ends.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

HEADER = f"supportterm gencache 1\n{sys.version}\n".encode()
"""First bytes of the file: marshal's format and code objects belong to one interpreter build."""
MAX_ENTRIES = 5000
"""Past this many sources keep only this run's (a growing file would only mean the classes keep changing)."""


class CodeCache:
    """Compiled code by source text, loaded from and saved to one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.code = read_table(path)
        self.added = 0
        self.used: set[str] = set()

    def exec(self, source: object, globals: dict[str, Any] | None = None,  # noqa: A002 - as exec's
             locals: dict[str, Any] | None = None) -> None:  # noqa: A002
        """`exec` as `dataclasses` calls it, compiling each source text once per interpreter build."""
        if not isinstance(source, str):
            builtins.exec(source, globals, locals)  # type: ignore[arg-type]
            return
        self.used.add(source)
        code = self.code.get(source)
        if code is None:
            # dont_inherit: this module's `from __future__ import annotations` must not leak into
            # the generated code (dataclasses' own exec compiles it without future flags).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.code[source] = code
            self.added += 1
        builtins.exec(code, globals, locals)

    def save(self) -> None:
        """Write the table if this process compiled anything new (atomically; errors are ignored)."""
        if not self.added or sys.dont_write_bytecode:
            return
        table = self.code if len(self.code) <= MAX_ENTRIES else {k: self.code[k] for k in self.used}
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(HEADER + marshal.dumps(table))
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            tmp.unlink(missing_ok=True)
        self.added = 0


def read_table(path: Path) -> dict[str, CodeType]:
    """The cached table, or an empty one when the file is missing, foreign or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(HEADER):
        return {}
    try:
        table = marshal.loads(data[len(HEADER):])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(k, str) and isinstance(v, CodeType)}


def default_path() -> Path:
    """`gencache-<tag>.bin` in supportterm's cache folder."""
    from supportterm import paths

    return paths.cache_dir() / f"gencache-{sys.implementation.cache_tag}.bin"


def install(path: Path | None = None) -> CodeCache | None:
    """Route dataclasses' code generation through a cache at `path`, saved when the process ends.

    Without a usable cache folder nothing is installed: the app starts as it would without the cache.
    """
    try:
        path = path or default_path()
    except OSError:
        return None
    cache = CodeCache(path)
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    atexit.register(cache.save)
    return cache
