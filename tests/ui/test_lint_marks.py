"""The arithmetic behind the composer's highlights: marks carried across edits, cut into lines, and the
mark ctrl+f and ctrl+n pick. Pure functions, so a property test can throw arbitrary edits at them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from supportterm.politeness.findings import Finding
from supportterm.ui.widgets.lint_marks import (
    Mark,
    carry,
    changed_region,
    fix_target,
    line_pieces,
    line_starts,
    mark_at,
    next_mark,
)


def _finding(start: int, end: int, suggestion: str | None = "x") -> Finding:
    return Finding("rude", "error", start, end, "m", suggestion)


def _mark(start: int, end: int, suggestion: str | None = "x", kind: str = "error") -> Mark:
    return Mark(start, end, kind, _finding(start, end, suggestion))


def test_marks_before_the_change_stay_after_it_shift_and_touching_it_drop() -> None:
    old = "Hi. This is a stupid question, you idiot."
    before, touched, after = _mark(4, 8), _mark(14, 20), _mark(35, 40)
    new = old.replace("stupid", "silly")
    assert changed_region(old, new) == (15, 20, 19)  # the shared "s" is not part of the change
    assert carry([before, touched, after], old, new) == (before, after.shifted(-1))
    assert new[34:39] == "idiot"


def test_typing_right_after_or_right_before_a_mark_keeps_it() -> None:
    old = "a stupid b"
    mark = _mark(2, 8)
    assert carry([mark], old, "a stupidly b") == (mark,)
    assert carry([mark], old, "a xstupid b") == (mark.shifted(1),)


@given(
    old=st.text(alphabet="ab\n⟨é", max_size=30),
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=5),
    cut=st.tuples(st.integers(0, 30), st.integers(0, 30)),
    insert=st.text(alphabet="ab\n⟨é", max_size=5),
)
def test_a_carried_mark_always_covers_the_same_characters(
    old: str, spans: list[tuple[int, int]], cut: tuple[int, int], insert: str
) -> None:
    marks = [_mark(min(a, b), max(a, b)) for a, b in spans if max(a, b) <= len(old)]
    start, end = sorted(min(c, len(old)) for c in cut)
    new = old[:start] + insert + old[end:]
    for mark in carry(marks, old, new):
        original = next(m for m in marks if m.finding is mark.finding)
        assert new[mark.start:mark.end] == old[original.start:original.end]


def test_a_mark_across_lines_is_cut_into_one_piece_per_line() -> None:
    lines = ["Hello ⟨x⟩,", "", "you should", "have read"]
    starts = line_starts(lines, 1)
    text = "\n".join(lines)
    mark = _mark(text.index("you"), text.index(" read"))
    assert list(line_pieces(mark, lines, starts)) == [(2, 0, 10), (3, 0, 4)]
    with_crlf = line_starts(lines, 2)
    assert with_crlf[2] == len("Hello ⟨x⟩,") + 2 + 0 + 2


def test_the_fix_is_the_mark_under_the_cursor_else_the_next_else_the_first() -> None:
    first, no_rewrite, last = _mark(0, 5), _mark(10, 15, suggestion=None), _mark(20, 25)
    marks = [first, no_rewrite, last]
    assert fix_target(marks, 3) is first
    assert fix_target(marks, 5) is first  # the cursor just after a word is still on it
    assert fix_target(marks, 12) is last  # under a mark without a rewrite: the next one that has one
    assert fix_target(marks, 30) is first
    assert fix_target([no_rewrite], 12) is None


def test_next_mark_wraps_and_overlaps_prefer_the_most_urgent() -> None:
    hint, error = _mark(0, 20, kind="hint"), _mark(5, 9)
    placeholder = Mark(30, 35, "placeholder")
    marks = [hint, error, placeholder]
    assert next_mark(marks, 0) is error
    assert next_mark(marks, 5) is placeholder
    assert next_mark(marks, 31) is hint
    assert mark_at(marks, 6) is error
    assert next_mark([], 0) is None
