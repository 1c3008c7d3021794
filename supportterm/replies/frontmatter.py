"""Provides `split`: TOML front matter between `+++` lines, and the Markdown body after it.

A canned-reply file looks like this::

    +++
    title = "Delay notice"
    language = "en"
    tags = ["delay", "pending"]
    shortcut = "delay"
    +++
    Dear {{customer.first_name}}, …

Errors carry the 1-based line in the file, so the library can say "greeting.md:3: …".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

FENCE = "+++"
_TOML_LINE = re.compile(r"at line (\d+)")


class FrontMatterError(ValueError):
    """A file whose front matter is missing, unterminated or not valid TOML."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed file: its front matter as a dict and its body."""

    meta: dict[str, Any]
    body: str
    body_line: int
    """1-based line in the file where `body` starts."""
    key_lines: dict[str, int]
    """1-based line of each top-level key in the front matter, for error messages."""


def _key_lines(lines: list[str], first: int) -> dict[str, int]:
    """Line of each `key = …` at the top level of the front matter (lines[first:] numbered from 2)."""
    out: dict[str, int] = {}
    for number, line in enumerate(lines, start=first):
        match = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", line)
        if match and match.group(1) not in out:
            out[match.group(1)] = number
    return out


def split(text: str) -> Document:
    """Parse a canned-reply file; raises `FrontMatterError` with the line at fault."""
    lines = text.removeprefix("\ufeff").split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(f"the file must start with a '{FENCE}' line and TOML front matter", 1)
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise FrontMatterError(f"the front matter is not closed by a second '{FENCE}' line", 1) from None
    front = lines[1:close]
    try:
        meta = tomllib.loads("\n".join(front))
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) + 1 if found else None
        raise FrontMatterError(f"front matter is not valid TOML: {exc}", line) from None
    body_lines = lines[close + 1:]
    skipped = 0
    while skipped < len(body_lines) and not body_lines[skipped].strip():
        skipped += 1
    body = "\n".join(body_lines[skipped:]).rstrip()
    return Document(meta, body, close + 2 + skipped, _key_lines(front, 2))
