"""Provides the rules on the shape of a reply: greeting, closing and a human signature.

Only the first line and the last few lines are looked at; a chat follow-up without "Dear…" gets
a hint, never an error.
"""

from __future__ import annotations

from . import lexicons
from .findings import Finding, finding
from .prepared import Prepared
from .signature import signature_rule

_TAIL_LINES = 4
_SHORT_REPLY = 80
_EDGE = 400
"""Only the first and last characters are searched for the greeting, closing and signature."""
"""Shorter replies (chat one-liners) need no greeting or closing."""


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped of surrounding spaces.

    Split at newlines rather than found by a regex: a line pattern (any characters, one non-space,
    any characters) backtracked over every blank line.
    """
    out = []
    at = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped:
            start = at + len(line) - len(stripped)
            out.append((start, start + len(stripped.rstrip())))
        at += len(line) + 1
    return out


def _first_line(text: str) -> list[tuple[int, int]]:
    """`_lines(text)[:1]`, without reading past the first non-blank line."""
    at = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped:
            start = at + len(line) - len(stripped)
            return [(start, start + len(stripped.rstrip()))]
        at += len(line) + 1
    return []


def _last_lines(text: str, count: int) -> list[tuple[int, int]]:
    """`_lines(text)[-count:]`, read from the end: the lines before them are never looked at."""
    out = []
    end = len(text)
    for line in reversed(text.split("\n")):
        start = end - len(line)
        stripped = line.lstrip()
        if stripped:
            first = start + len(line) - len(stripped)
            out.append((first, first + len(stripped.rstrip())))
            if len(out) == count:
                break
        end = start - 1
    out.reverse()
    return out


def _starts_with(lang: str, name: str, line: str) -> bool:
    """`Category.starts(line)` of the language's category `name` (English when it has none)."""
    cat = lexicons.category(lang, name) or lexicons.category("en", name)
    return cat is not None and cat.starts(line)


def structure_rules(prep: Prepared) -> list[Finding]:
    """missing_greeting, missing_closing and impersonal_signature findings."""
    folded = prep.folded
    if len(folded) <= _EDGE:
        lines = _lines(folded)
    else:
        offset = len(folded) - _EDGE
        tail_lines = _last_lines(folded[offset:], _TAIL_LINES)
        lines = _first_line(folded[:_EDGE]) + [(s + offset, e + offset) for s, e in tail_lines]
    if not lines:
        return []
    out = []
    short = len(prep.text.strip()) < _SHORT_REPLY
    first = lines[0]
    if not short and not _starts_with(prep.lang, "greeting", folded[first[0] : first[1]]):
        out.append(finding("missing_greeting", first[0], first[0], suggestion=None))
    tail = lines[-_TAIL_LINES:] if len(lines) > 1 else []
    closing = None  # the last closing line of the tail counts: read from the end, it is found first
    for i in reversed(range(len(tail))):
        start, end = tail[i]
        if _starts_with(prep.lang, "closing", folded[start:end]):
            closing = i
            break
    if closing is None and not short:
        last = lines[-1]
        out.append(finding("missing_closing", last[1], last[1]))
    signature = tail[closing + 1 :] if closing is not None else _name_and_team(folded, tail)
    out += signature_rule(prep, signature, lines[-1])
    return out


_NAME_LINE_WORDS = 4
"""Words a signature's name line holds at most ("Maria Lopez Garcia"; "Dr. Anna Berg" has a "." and is
not one)."""


def _name_and_team(folded: str, tail: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Without a closing line, the signature is the last line, or the last two when the one above is a
    short line with no sentence punctuation: "Sarah Jones / Customer Support" is a person and their team
    (fine), not a team alone."""
    if len(tail) < 2:
        return tail[-1:]
    start, end = tail[-2]
    above = folded[start:end].strip()
    if above and len(above.split()) <= _NAME_LINE_WORDS and not any(ch in above for ch in ".!?:;,"):
        return tail[-2:]
    return tail[-1:]
