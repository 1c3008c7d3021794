"""Provides inert display text: ticket content is hostile input and must never drive the terminal.

Control characters (escape sequences start with ESC or a C1 control) are replaced by visible symbols;
bidi overrides, zero-width and other invisible format characters are shown as `<U+XXXX>` so they
cannot disguise text; lone surrogates (JSON may carry them) become U+FFFD so nothing fails to encode.
Rendering code must also treat the result as plain text, never as markup.
"""

from __future__ import annotations

import json
import re

_FORMAT_RANGES = (
    # Unicode general categories Cf, Zl and Zp (Unicode 14, checked by tests/hostile/test_properties.py),
    # plus invisible fillers that are letters or marks by category but print as nothing.
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_FORMAT_RANGES}]")
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f\\ud800-\\udfff{_FORMAT_RANGES}]")
TAB_SIZE = 4


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" of that code, e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"<U+{code:04X}>"


def inert(text: str, *, limit: int | None = None) -> str:
    """Text safe to show: no control characters, visible invisibles, optionally cut to `limit`.

    Newlines are kept; tabs become spaces (a tab is a control character the terminal moves by).
    """
    if limit is not None and len(text) > limit:
        text = text[:limit] + f"\n… [{len(text) - limit:,} more characters not shown]"
    text = text.replace("\r\n", "\n")
    if "\t" in text:
        text = text.expandtabs(TAB_SIZE)
    return _UNSAFE.sub(_visible, text)


def one_line(text: str, *, limit: int = 1000) -> str:
    """Inert text on one line, for table cells and titles; cut at `limit` characters, because a cell
    never shows more and a megabyte subject must not cost a megabyte per repaint."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return inert(" ".join(text.split()))


def editable(text: str) -> str:
    """Text to put in an editor the agent sends from (a canned reply filled with the customer's name, a
    restored draft): control and invisible format characters are dropped rather than pictured, since
    what is shown is also what the customer gets; lone surrogates become U+FFFD."""
    return _UNSAFE.sub(_dropped, text.replace("\r\n", "\n"))


def _dropped(match: re.Match[str]) -> str:
    return "\ufffd" if 0xD800 <= ord(match.group()) <= 0xDFFF else ""


def terminal_safe_json(value: object) -> str:
    """JSON for a terminal or a file someone will `cat`: like `json.dumps(ensure_ascii=False)`, but
    C1 controls, lone surrogates and invisible format characters are written as \\uXXXX escapes (the
    same data), since some terminals obey UTF-8-encoded C1 controls and bidi overrides disguise text."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(value, ensure_ascii=False))


def _json_escape(match: re.Match[str]) -> str:
    return json.dumps(match.group()).strip('"')  # ensure_ascii: \\u0085, or a surrogate pair
