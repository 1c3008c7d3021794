"""Provides LintTextArea: the composer's TextArea, drawing politeness findings and unfilled placeholders
in the text itself.

Textual's TextArea draws syntax highlights from `_highlights` (row -> [(start byte, end byte, name)]),
rebuilt by `_build_highlight_map` after every edit, undo and load, with styles looked up by name in
`TextAreaTheme.syntax_styles`. This subclass appends its own names (`lint.error`, `lint.warning`,
`lint.hint`, `lint.placeholder`) after any syntax highlights, so they are drawn on top, and takes their
styles from component classes: theme variables, so every theme (and NO_COLOR) gets a legible style, and
each kind differs by more than colour (reverse, bold, underline, italic).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea

from supportterm.replies import unfilled
from supportterm.ui.widgets.lint_marks import (
    KINDS,
    Mark,
    carry,
    fix_target,
    line_pieces,
    line_starts,
    location,
    mark_at,
    next_mark,
)

if TYPE_CHECKING:
    from supportterm.politeness import Finding

HIGHLIGHT_PREFIX = "lint."
"""Highlight names of marks are `lint.<kind>`; the theme's own names never start with it."""
REMEMBERED_REPORTS = 8
"""Findings of this many recent checks are kept by text, so an undo back to a checked text shows its
findings at once instead of waiting for the check to run again."""


class LintTextArea(TextArea):
    """A TextArea that keeps the checker's findings highlighted on the text they were found in."""

    COMPONENT_CLASSES = TextArea.COMPONENT_CLASSES | {f"lint--{kind}" for kind in KINDS}

    DEFAULT_CSS = """
    LintTextArea {
        & .lint--error { color: $text-error; text-style: bold reverse; }
        & .lint--placeholder { color: $text-accent; text-style: italic reverse; }
        & .lint--warning { color: $text-warning; text-style: bold underline; }
        & .lint--hint { color: $text-secondary; text-style: underline; }
    }
    """

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        # TextArea.__init__ loads the document, which builds the highlight map: these must exist first.
        self._reports: dict[str, tuple[Mark, ...]] = {}
        self._marks_text = ""
        self._finding_marks: tuple[Mark, ...] = ()
        self._marks: tuple[Mark, ...] = ()
        super().__init__(text, **kwargs)

    @property
    def marks(self) -> tuple[Mark, ...]:
        """What is highlighted now: findings still valid for the current text, and unfilled placeholders."""
        return self._marks

    def show_findings(self, text: str, findings: Iterable[Finding]) -> None:
        """Highlight the findings of a check of `text` (the text may have changed since: marks the
        edits touched are dropped until the next check)."""
        marks = tuple(
            Mark(f.start, f.end, f.severity, f)
            for f in findings
            if f.severity in KINDS and f.end > f.start
        )
        self._reports.pop(text, None)
        self._reports[text] = marks
        while len(self._reports) > REMEMBERED_REPORTS:
            del self._reports[next(iter(self._reports))]  # the oldest (dicts keep insertion order)
        self._marks_text, self._finding_marks = text, marks
        self._build_highlight_map()
        self.refresh()

    def forget_reports(self) -> None:
        """The same text would now be checked differently (public reply / internal note switched)."""
        self._reports.clear()

    def clear_findings(self) -> None:
        """No findings to draw (the composer is empty); placeholders are still drawn."""
        self.show_findings(self.text, ())

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        text = self.document.text
        known = self._reports.get(text)
        if known is not None:
            self._finding_marks = known  # a checked text again, e.g. after an undo
        else:
            self._finding_marks = carry(self._finding_marks, self._marks_text, text)
        self._marks_text = text
        placeholders = tuple(Mark(slot.start, slot.end, "placeholder") for slot in unfilled(text))
        self._marks = self._finding_marks + placeholders
        self._add_highlights(self._marks)

    def _add_highlights(self, marks: tuple[Mark, ...]) -> None:
        lines = self.document.lines
        starts = line_starts(lines, len(self.document.newline))
        for mark in marks:
            for row, begin, end in line_pieces(mark, lines, starts):
                line = lines[row]
                start_byte = len(line[:begin].encode("utf-8"))
                end_byte = start_byte + len(line[begin:end].encode("utf-8"))
                self._highlights[row].append((start_byte, end_byte, HIGHLIGHT_PREFIX + mark.kind))

    def mark_style(self, kind: str) -> Style:
        """The style of a kind of mark in the current theme (only what the component class sets)."""
        return self.get_component_rich_style(f"lint--{kind}", partial=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        theme = self._theme
        if theme is not None:
            wanted = {HIGHLIGHT_PREFIX + kind: self.mark_style(kind) for kind in KINDS}
            styles = theme.syntax_styles
            if any(styles.get(name) is not style for name, style in wanted.items()):
                # A fresh dict: the theme object is a shallow copy sharing its dict with the built-in theme.
                theme.syntax_styles = {**styles, **wanted}
        return super().render_lines(crop)

    @property
    def cursor_offset(self) -> int:
        """The cursor as a character offset into `text`."""
        return self.document.get_index_from_location(self.cursor_location)

    def mark_under_cursor(self) -> Mark | None:
        """The highlighted span the cursor is on, if any."""
        return mark_at(self._marks, self.cursor_offset)

    def _location(self, offset: int) -> tuple[int, int]:
        return location(line_starts(self.document.lines, len(self.document.newline)), offset)

    def go_to_next_mark(self) -> Mark | None:
        """Move the cursor to the start of the next highlighted span (wrapping); None when there is none."""
        mark = next_mark(self._marks, self.cursor_offset)
        if mark is not None:
            self.move_cursor(self._location(mark.start))
        return mark

    def apply_fix(self, rewrite: Callable[[str], str] = str) -> Mark | None:
        """Replace the span under (or nearest after) the cursor with its suggested rewrite (passed through
        `rewrite`), as one undoable edit. The cursor stays put, or moves to the end of the rewrite when it
        was inside the span."""
        offset = self.cursor_offset
        mark = fix_target(self._marks, offset)
        if mark is None or mark.suggestion is None:
            return None
        inside = mark.start <= offset <= mark.end
        start, end = self._location(mark.start), self._location(mark.end)
        self.history.checkpoint()  # the fix is its own undo step, apart from the typing before it
        self.replace(rewrite(mark.suggestion), start, end, maintain_selection_offset=not inside)
        self.history.checkpoint()
        return mark
