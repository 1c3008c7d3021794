"""Reference forms of checker code that a faster form replaced: tests compare the two.

They live here, not in the package, so no production module keeps dead code for the tests' sake.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from supportterm.politeness import confidential


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
