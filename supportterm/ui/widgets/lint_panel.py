"""Provides LintPanel: the politeness checker's findings for the reply being written.

The check runs after a short pause in typing, in a thread worker (pure Python, ~ms per 2 KB), so
typing never waits; an internal note is checked for secrets only. The panel heads the list with the
count per severity, marks the finding the cursor is on (▶) and keeps it in view, and lists the
`⟨name⟩` placeholders still waiting for a value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from supportterm.i18n import _, ngettext
from supportterm.ui.finding_text import category_label, finding_message
from supportterm.ui.widgets.lint_marks import KINDS, Mark

if TYPE_CHECKING:
    from supportterm.politeness import Finding, Report

LABEL = {"error": _("ERROR"), "warning": _("WARNING"), "hint": _("HINT"), "placeholder": _("FILL IN")}


def label_cell(kind: str) -> str:
    """The row's severity label, padded to 8 cells; a longer one ("ВНИМАНИЕ") still gets its space."""
    label = LABEL.get(kind, kind.upper())
    return f"{label:8}" if len(label) < 8 else label + " "


def counted(kind: str, count: int) -> str:
    """"1 error", "3 warnings" in the agent's language (Russian has three forms)."""
    forms = {
        "error": ngettext("{count} error", "{count} errors", count),
        "warning": ngettext("{count} warning", "{count} warnings", count),
        "hint": ngettext("{count} hint", "{count} hints", count),
        "placeholder": ngettext("{count} placeholder", "{count} placeholders", count),
    }
    return forms[kind].format(count=count)


def tone_text(tone: float | None) -> str:
    """The tone score after the counts, or nothing."""
    return "   " + _("tone {score}").format(score=f"{tone:+.2f}") if tone is not None else ""
SHOWN = 4
CURRENT = "▶ "


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def counts_line(marks: Sequence[Mark], tone: float | None, style: Callable[[str], Style]) -> Text:
    """"2 errors · 1 warning · 0 hints" (placeholders only when there are some), then the tone."""
    out = Text()
    for kind in KINDS:
        count = sum(1 for m in marks if m.kind == kind)
        if kind == "placeholder" and not count:
            continue
        if out:
            out.append(" · ", style=style("muted"))
        out.append(counted(kind, count), style=style(kind if count else "muted"))
    if tone is not None:
        out.append(tone_text(tone), style=style("muted"))
    return out


def window(length: int, current: int | None, size: int = SHOWN) -> range:
    """Which rows to show: the first `size`, or a run that keeps the current one in view."""
    if current is None or current < size:
        return range(min(length, size))
    return range(current - size + 1, current + 1)


class LintPanel(Static):
    """A few lines under the composer: counts, then each finding with its place, message and rewrite."""

    COMPONENT_CLASSES = {f"lint-panel--{name}" for name in (*KINDS, "muted", "ok")}

    DEFAULT_CSS = """
    LintPanel {
        height: auto; max-height: 6; padding: 0 1; background: $boost;
        text-wrap: nowrap; text-overflow: ellipsis;  /* one row per finding: the window stays exact */
        & .lint-panel--error { color: $text-error; text-style: bold; }
        & .lint-panel--placeholder { color: $text-accent; text-style: bold; }
        & .lint-panel--warning { color: $text-warning; }
        & .lint-panel--hint { color: $text-muted; }
        & .lint-panel--muted { color: $text-muted; }
        & .lint-panel--ok { color: $text-success; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.findings: list[Finding] = []
        """The last report's findings, most severe first."""
        self.tone: float | None = None
        self.current: object | None = None
        """The finding (or placeholder mark) the cursor is on, or None."""
        self._checked_text: str | None = None
        """The text of the last report (None before the first): where the findings' places are read."""
        self._live_text = ""
        self._placeholders: tuple[Mark, ...] = ()
        self._rewrite: Callable[[str], str] = str

    def show_report(self, text: str, report: Report, rewrite: Callable[[str], str] = str) -> None:
        """Display a politeness report for `text`; `rewrite` shows suggestions as ctrl+f would insert them."""
        order = {kind: rank for rank, kind in enumerate(KINDS)}
        self.findings = sorted(report.findings, key=lambda f: (order.get(f.severity, 9), f.start))
        self.tone = report.tone
        self._checked_text = text
        self._rewrite = rewrite
        self._draw()

    def follow(self, text: str, marks: Sequence[Mark], current: Mark | None) -> None:
        """Track the editor: its unfilled placeholders and the mark under the cursor."""
        placeholders = tuple(m for m in marks if m.kind == "placeholder")
        under = current.finding if current is not None and current.finding is not None else current
        if (placeholders, under) == (self._placeholders, self.current):
            return
        self._live_text, self._placeholders, self.current = text, placeholders, under
        self._draw()

    def _style(self, name: str) -> Style:
        """A style of the current theme (component classes use theme variables, never fixed colours)."""
        if f"lint-panel--{name}" not in self.COMPONENT_CLASSES:
            name = "muted"
        return self.get_component_rich_style(f"lint-panel--{name}", partial=True)

    def _finding_rows(self) -> list[tuple[object, Text]]:
        rows: list[tuple[object, Text]] = []
        for finding in self.findings:
            severity = finding.severity
            line, column = position(self._checked_text or "", finding.start)
            row = Text()
            row.append(label_cell(severity), style=self._style(severity))
            row.append(f"{line}:{column} {category_label(finding.category)}")
            if finding.suggestion is not None:
                # before the message: at 80 columns the rewrite must not be the part cut off
                row.append(f" → {self._rewrite(finding.suggestion)!r} (ctrl+f)", style="italic")
            row.append(f": {finding_message(finding)}")
            rows.append((finding, row))
        return rows

    def _placeholder_rows(self) -> list[tuple[object, Text]]:
        rows: list[tuple[object, Text]] = []
        for mark in self._placeholders:
            line, column = position(self._live_text, mark.start)
            row = Text()
            row.append(label_cell("placeholder"), style=self._style("placeholder"))
            name = self._live_text[mark.start:mark.end]
            row.append(f"{line}:{column} " + _("Fill in {names} before sending.").format(names=name))
            rows.append((mark, row))
        return rows

    def _draw(self) -> None:
        findings = self._finding_rows()
        errors = sum(1 for f in self.findings if f.severity == "error")
        rows = findings[:errors] + self._placeholder_rows() + findings[errors:]  # most urgent first
        if not rows:
            ok = Text("✓ " + _("no problems found") + tone_text(self.tone), style=self._style("ok"))
            self.update(ok if self._checked_text else "")
            return
        kinds = [Mark(0, 0, f.severity) for f in self.findings]
        out = counts_line([*kinds, *self._placeholders], self.tone, self._style)
        current = next((i for i, (item, _row) in enumerate(rows) if item == self.current), None)
        shown = window(len(rows), current)
        for index in shown:
            row = rows[index][1].copy()
            out.append("\n")
            if index == current:
                row.stylize("bold")
            out.append(CURRENT if index == current else "  ", style="bold")
            out.append_text(row)
        hidden = len(rows) - len(shown)
        if hidden:
            out.append("\n  … " + _("{count} more (ctrl+n visits each)").format(count=hidden),
                       style=self._style("muted"))
        self.update(out)

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error (sending asks for confirmation)."""
        return [f for f in self.findings if f.severity == "error"]

    def clear(self) -> None:
        """Nothing to show (empty composer)."""
        self.findings, self.tone, self.current = [], None, None
        self._checked_text, self._live_text, self._placeholders = None, "", ()
        self.update("")
