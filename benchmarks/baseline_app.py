"""The start-up baseline of DESIGN §5: an empty Textual app (Header, DataTable, Footer).

    .venv/bin/python benchmarks/baseline_app.py

It exits with status 0 right after its first paint (`call_after_refresh(self.exit)` from `on_mount`),
the same moment `SUPPORTTERM_EXIT_AFTER_PAINT=1` makes supportterm exit. `benchmarks/startup.py` runs
it under a pseudo-terminal beside supportterm and reports supportterm's times as ratios to it.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BaselineApp(App[int]):
    """Header, an empty DataTable, Footer; nothing else."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit, 0)


if __name__ == "__main__":
    app = BaselineApp()
    app.run()
    raise SystemExit(app.return_code or 0)
