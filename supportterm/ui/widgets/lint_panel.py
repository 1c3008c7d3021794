"""Provides LintPanel: the politeness checker's findings for the reply being written.

The check runs after a short pause in typing, in a thread worker (pure Python, ~ms per 2 KB), so
typing never waits; an internal note is checked for secrets only.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "hint": "dim"}
SHOWN = 4


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


class LintPanel(Static):
    """A few lines under the composer: each finding with its place, message and suggested rewrite."""

    DEFAULT_CSS = """
    LintPanel { height: auto; max-height: 6; padding: 0 1; background: $boost; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.findings: list[object] = []
        self.tone: float | None = None

    def show_report(self, text: str, report: object) -> None:
        """Display a politeness report for `text`."""
        order = {"error": 0, "warning": 1, "hint": 2}
        self.findings = sorted(report.findings, key=lambda f: (order.get(f.severity, 3), f.start))  # type: ignore[attr-defined]
        self.tone = getattr(report, "tone", None)
        out = Text()
        tone = f"tone {self.tone:+.2f}" if self.tone is not None else ""
        if not self.findings:
            out.append(f"✓ no problems found  {tone}", style="green")
        for finding in self.findings[:SHOWN]:
            line, column = position(text, finding.start)
            out.append(f"{finding.severity.upper():7} ", style=SEVERITY_STYLE.get(finding.severity, ""))
            out.append(f"{line}:{column} {finding.category}: {finding.message}")
            if finding.suggestion is not None:
                out.append(f"  → {finding.suggestion!r} (ctrl+f applies)", style="italic")
            out.append("\n")
        if len(self.findings) > SHOWN:
            out.append(f"… {len(self.findings) - SHOWN} more  {tone}", style="dim")
        self.update(out)

    @property
    def errors(self) -> list[object]:
        """Findings of severity error (sending asks for confirmation)."""
        return [f for f in self.findings if f.severity == "error"]  # type: ignore[attr-defined]

    def clear(self) -> None:
        """Nothing to show (empty composer)."""
        self.findings, self.tone = [], None
        self.update("")
