"""Reference forms of checker code that a faster form replaced: tests compare the two.

They live here, not in the package, so no production module keeps dead code for the tests' sake.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from supportterm.politeness import confidential, lexicons


def sentence_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence end in `text`: how the figure rules listed them before session 11."""
    return tuple(m.span() for m in confidential._SENTENCE_END.finditer(text))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] from the list of every sentence end, bisected: the definition
    `confidential.sentence_bounds` keeps to."""
    breaks = sentence_breaks(text)
    before = bisect_right(breaks, start, key=lambda b: b[1])  # breaks ending at or before `start`
    left = breaks[before - 1][1] if before else 0
    i = bisect_left(breaks, (end, -1))
    return left, breaks[i][0] if i < len(breaks) else len(text)


DIGIT = re.compile(r"\d")


def category_finditer(cat: lexicons.Category, folded: str) -> list[tuple[int, int, lexicons.Entry]]:
    """`Category.finditer` before its key-word shortcut: every word looked up, then the unindexed scan."""
    out = []
    for m in lexicons._WORDS.finditer(folded):
        for i in cat._ids(m.group()):
            hit = cat.pattern(i).match(folded, m.start())
            if hit:
                out.append((hit.start(), hit.end(), cat.entries[i]))
    scan = cat.scan
    if scan is not None:
        for hit in scan.finditer(folded):
            out.append((hit.start(), hit.end(), cat.entries[cat.scan_ids[int((hit.lastgroup or "g0")[1:])]]))
    return out


def category_starts(cat: lexicons.Category, folded: str) -> bool:
    """`Category.starts` before it remembered each first word's patterns."""
    first = lexicons._WORDS.match(folded)
    if first is not None and any(cat.pattern(i).match(folded, 0) for i in cat._ids(first.group())):
        return True
    scan = cat.scan
    return scan is not None and scan.match(folded) is not None
