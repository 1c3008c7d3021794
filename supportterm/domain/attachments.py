"""Provides safe handling of attachment names and sizes: what the thread shows and what the disk gets.

A file name comes from whoever wrote to the helpdesk, so it is hostile input twice over: on screen
(shown through `one_line`) and on disk, where `../../.bashrc`, `CON`, a bidi override or a 4 KB name
must not escape the downloads folder, hide the file or fail the write. Pure: the caller does the I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from supportterm.domain.models import Attachment
from supportterm.domain.text import one_line

MAX_NAME_BYTES = 180
"""UTF-8 bytes of a saved name; file systems allow 255, and " (123)" plus a temp suffix must still fit."""
MAX_EXTENSION = 16
FALLBACK_NAME = "attachment"
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Controls, invisible format characters (bidi overrides, zero-width), surrogates, unassigned."""
_REPLACED = re.compile(r'[/\\:<>"|?*]')
"""Path separators and the characters Windows refuses in names (a download folder may be shared)."""
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
)


def safe_filename(name: str, *, fallback: str = FALLBACK_NAME) -> str:
    """A name that is safe to create inside the downloads folder and still looks like the original.

    No path separators, no `..`, no control or invisible characters, no leading dots (hidden files),
    no trailing dots or spaces, no Windows device names, at most `MAX_NAME_BYTES` bytes of UTF-8 with
    the extension kept. An empty result becomes `fallback` (itself sanitised).
    """
    text = " ".join(name.split())  # tabs, newlines and runs of spaces become one space
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    text = unicodedata.normalize("NFC", _REPLACED.sub("_", text))
    text = text.lstrip(". ").rstrip(". ")
    if text.split(".")[0].lower() in _WINDOWS_DEVICES:
        text = "_" + text
    text = _cap(text)
    if not text:
        return FALLBACK_NAME if fallback == name else safe_filename(fallback, fallback=FALLBACK_NAME)
    return text


def _cap(name: str) -> str:
    """Cut `name` to `MAX_NAME_BYTES` bytes of UTF-8, keeping a short extension whole."""
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > MAX_EXTENSION:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    budget = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:budget].decode("utf-8", errors="ignore").rstrip(". ")
    return cut + suffix


def name_variants(name: str) -> Iterator[str]:
    """`name`, then `stem (1).ext`, `stem (2).ext`, ... for when a file of that name already exists."""
    yield name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    number = 1
    while True:
        yield f"{stem} ({number}){suffix}"
        number += 1


def human_size(size: int | None) -> str:
    """A size the way people read it: `512 B`, `240 KB`, `3.4 MB` (binary units, as file managers)."""
    if size is None or size < 0:
        return "size unknown"
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    if size < 1024**3:
        return f"{size / 1024**2:.1f} MB"
    return f"{size / 1024**3:.1f} GB"


def attachment_line(attachment: Attachment) -> str:
    """One line of the thread's attachment list: `📎 report.pdf  240 KB`, inert."""
    return f"📎 {one_line(attachment.filename, limit=120) or FALLBACK_NAME}  {human_size(attachment.size)}"
