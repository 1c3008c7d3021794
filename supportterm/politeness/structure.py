"""Provides the rules on the shape of a reply: greeting, closing and a human signature.

Only the first line and the last few lines are looked at; a chat follow-up without "Dear…" gets
a hint, never an error.
"""

from __future__ import annotations

import re

from . import lexicons
from .findings import Finding, finding
from .prepared import Prepared

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_TAIL_LINES = 4
_SHORT_REPLY = 80
_EDGE = 400
"""Only the first and last characters are searched for the greeting, closing and signature."""
"""Shorter replies (chat one-liners) need no greeting or closing."""


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped of surrounding spaces."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        start = m.start() + len(line) - len(line.lstrip())
        out.append((start, m.start() + len(line.rstrip())))
    return out


def _starts_with(lang: str, name: str, line: str) -> bool:
    cat = lexicons.category(lang, name) or lexicons.category("en", name)
    return cat is not None and cat.starts(line)


def _is_generic(lang: str, line: str) -> bool:
    """True when the whole line is a department, team or numbered agent rather than a name."""
    line = line.strip(" ,.-—–!")
    for code in dict.fromkeys((lang, "en", "ru", "az")):
        cat = lexicons.category(code, "impersonal_signature")
        if cat is not None and cat.fullmatch(line):
            return True
    return False


def structure_rules(prep: Prepared) -> list[Finding]:
    """missing_greeting, missing_closing and impersonal_signature findings."""
    head, tail_text = prep.folded[:_EDGE], prep.folded[-_EDGE:]
    lines = _lines(head)[:1] + [
        (s + len(prep.folded) - len(tail_text), e + len(prep.folded) - len(tail_text))
        for s, e in _lines(tail_text)[-_TAIL_LINES:]
    ]
    if len(prep.folded) <= _EDGE:
        lines = _lines(prep.folded)
    if not lines:
        return []
    out = []
    short = len(prep.text.strip()) < _SHORT_REPLY
    first = lines[0]
    if not short and not _starts_with(prep.lang, "greeting", prep.folded[first[0] : first[1]]):
        out.append(finding("missing_greeting", first[0], first[0], suggestion=None))
    tail = lines[-_TAIL_LINES:] if len(lines) > 1 else []
    closing = [i for i, (s, e) in enumerate(tail) if _starts_with(prep.lang, "closing", prep.folded[s:e])]
    if not closing and not short:
        last = lines[-1]
        out.append(finding("missing_closing", last[1], last[1]))
    signature = tail[closing[-1] + 1 :] if closing else tail[-1:]
    if signature and all(_is_generic(prep.lang, prep.folded[s:e]) for s, e in signature):
        s, e = signature[0]
        out.append(finding("impersonal_signature", s, e, suggestion="{{agent.name}}"))
    elif not signature or len(lines) == 1:
        out += _inline_signature(prep, lines[-1])
    return out


_SENTENCE_END = re.compile(r"[.!?]\s+")
_NAME_AND_TEAM = re.compile(r",| from | из | (?:və|и|and) ")
"""'Maria Lopez, Customer Support', 'Anna from Support': a person signs for the team."""
_WORDS_AFTER_CLOSING = 5
_WORDS_WITHOUT_CLOSING = 2


def _inline_signature(prep: Prepared, line: tuple[int, int]) -> list[Finding]:
    """A signature on the closing's own line ("Kind regards, Customer Care Team") or closing a
    one-line reply ("… like everyone else. Support"), as chat and web forms send them."""
    start, end = line
    text = prep.folded[start:end]
    cat = lexicons.category(prep.lang, "closing") or lexicons.category("en", "closing")
    closings = cat.finditer(text) if cat is not None else []
    if closings:
        cut, limit = max(e for _, e, _ in closings), _WORDS_AFTER_CLOSING
    else:
        ends = list(_SENTENCE_END.finditer(text))
        cut, limit = (ends[-1].end() if ends else 0), _WORDS_WITHOUT_CLOSING
    rest = text[cut:].strip(" ,")
    if not rest or cut == 0 or len(rest.split()) > limit or _SENTENCE_END.search(rest + " "):
        return []
    if _NAME_AND_TEAM.search(rest) or not _is_generic(prep.lang, rest):
        return []
    at = start + text.index(rest, cut)
    return [finding("impersonal_signature", at, at + len(rest), suggestion="{{agent.name}}")]
