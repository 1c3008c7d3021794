"""Provides Mark and the arithmetic that keeps marks on the text they were found in while the agent edits.

A mark is a span of the composer's text drawn with a style: a politeness finding (by severity) or an
unfilled `⟨name⟩` placeholder. Findings come from a check of an earlier version of the text, so after
every edit the marks are carried over: a mark wholly before or after the changed region keeps covering
the same characters (shifted when after), and a mark that touches the change is dropped until the next
check reports on the new text. Nothing here imports Textual; the widget (lint_text_area.py) draws marks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportterm.politeness import Finding

KINDS = ("error", "placeholder", "warning", "hint")
"""Mark kinds, most urgent first (a placeholder must be filled before sending, like an error is confirmed)."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span of the text, as `text[start:end]`."""

    start: int
    end: int
    kind: str
    """One of KINDS: a finding's severity, or "placeholder"."""
    finding: Finding | None = None
    """The politeness `Finding` this mark draws (None for a placeholder)."""

    @property
    def suggestion(self) -> str | None:
        """The finding's rewrite of `text[start:end]`, if it has one."""
        return self.finding.suggestion if self.finding is not None else None

    def shifted(self, delta: int) -> Mark:
        """The same mark `delta` characters later."""
        return Mark(self.start + delta, self.end + delta, self.kind, self.finding)


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (binary search over slices: C speed, no Python loop per char)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the longest common suffix, at most `limit`."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:] == b[len(b) - middle:]:
            low = middle
        else:
            high = middle - 1
    return low


def changed_region(old: str, new: str) -> tuple[int, int, int]:
    """(start, old_end, new_end): `old[start:old_end]` became `new[start:new_end]`, the rest is equal."""
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    return prefix, len(old) - suffix, len(new) - suffix


def carry(marks: Iterable[Mark], old: str, new: str) -> tuple[Mark, ...]:
    """The marks of `old` that still cover the same characters in `new`; the rest are dropped."""
    if old == new:
        return tuple(marks)
    start, old_end, new_end = changed_region(old, new)
    delta = new_end - old_end
    kept: list[Mark] = []
    for mark in marks:
        if mark.end <= start:
            kept.append(mark)
        elif mark.start >= old_end:
            kept.append(mark.shifted(delta))
    return tuple(kept)


def _rank(mark: Mark) -> tuple[int, int]:
    return (KINDS.index(mark.kind) if mark.kind in KINDS else len(KINDS), mark.start)


def by_urgency(marks: Iterable[Mark]) -> list[Mark]:
    """Errors first, then placeholders, warnings and hints; in text order within a kind."""
    return sorted(marks, key=_rank)


def mark_at(marks: Sequence[Mark], offset: int) -> Mark | None:
    """The mark the cursor is on (its end counts: the cursor sits there after typing a word); the most
    urgent one when marks overlap."""
    under = [m for m in marks if m.start <= offset <= m.end]
    return by_urgency(under)[0] if under else None


def next_mark(marks: Sequence[Mark], offset: int) -> Mark | None:
    """The first mark starting after `offset`, wrapping round to the first one in the text."""
    ordered = sorted(marks, key=lambda m: (m.start, m.end))
    for mark in ordered:
        if mark.start > offset:
            return mark
    return ordered[0] if ordered else None


def fix_target(marks: Sequence[Mark], offset: int) -> Mark | None:
    """The mark whose rewrite ctrl+f applies: the one under the cursor, else the nearest after it, else
    the first in the text (only marks with a suggestion count)."""
    fixable = [m for m in marks if m.suggestion is not None]
    if not fixable:
        return None
    under = mark_at(fixable, offset)
    if under is not None:
        return under
    after = [m for m in fixable if m.start > offset]
    return min(after or fixable, key=lambda m: (m.start, _rank(m)))


def line_starts(lines: Sequence[str], newline_length: int) -> list[int]:
    """Offset of the first character of each line, for text joined with a newline of that length."""
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + newline_length
    return starts


def location(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, given `line_starts`."""
    row = max(bisect_right(starts, offset) - 1, 0)
    return row, offset - starts[row]


def line_pieces(
    mark: Mark, lines: Sequence[str], starts: Sequence[int]
) -> Iterable[tuple[int, int, int]]:
    """(row, start column, end column) of each line a mark crosses; empty pieces are left out."""
    first_row, first_column = location(starts, mark.start)
    last_row, last_column = location(starts, mark.end)
    for row in range(first_row, min(last_row, len(lines) - 1) + 1):
        begin = first_column if row == first_row else 0
        end = last_column if row == last_row else len(lines[row])
        end = min(end, len(lines[row]))
        if end > begin:
            yield row, begin, end
