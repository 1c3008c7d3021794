"""Provides inert display text: ticket content is hostile input and must never drive the terminal.

Control characters (escape sequences start with ESC) are replaced by visible symbols; bidi overrides
and zero-width characters are shown as `<U+XXXX>` so they cannot disguise text. Rendering code must
also treat the result as plain text, never as markup.
"""

from __future__ import annotations

import re

_INVISIBLE = {
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _INVISIBLE:
        return f"<U+{code:04X}>"
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" of that code
    return "\ufffd"


def inert(text: str, *, limit: int | None = None) -> str:
    """Text safe to show: no control characters, visible invisibles, optionally cut to `limit`."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + f"\n… [{len(text) - limit:,} more characters not shown]"
    return _CONTROL.sub(_visible, text.replace("\r\n", "\n"))


def one_line(text: str) -> str:
    """Inert text on one line, for table cells and titles."""
    return inert(" ".join(text.split()))
