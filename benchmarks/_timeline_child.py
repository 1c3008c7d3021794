"""Child process of `startup.py --timeline`: runs the baseline or supportterm with timestamps of phases.

    python benchmarks/_timeline_child.py OUT.json baseline
    python benchmarks/_timeline_child.py OUT.json supportterm --backend demo --url URL

Wraps (in this process only) the imports, `cli.build_parser` (with its imports), `Store()`,
`InboxScreen.reload` and its view counts, `Screen._compositor_refresh` and `App.exit`, and writes
[(event, wall ms, cpu ms)] since the start of the interpreter's user code to OUT.json. The wrappers
cost a few microseconds per call.
"""

from __future__ import annotations

import json
import sys
import time

T0, C0 = time.perf_counter(), time.process_time()
EVENTS: list[tuple[str, float, float]] = []


def mark(what: str) -> None:
    EVENTS.append(
        (what, round((time.perf_counter() - T0) * 1000, 1), round((time.process_time() - C0) * 1000, 1))
    )


def wrap(cls: type, name: str, label: str) -> None:
    original = getattr(cls, name)

    def wrapper(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        mark(f"{label} start")
        try:
            return original(self, *args, **kwargs)
        finally:
            mark(f"{label} end")

    setattr(cls, name, wrapper)


def main() -> int:
    out, which, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    code = 0
    try:
        if which == "baseline":
            sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
            import baseline_app
            from textual.app import App
            from textual.screen import Screen

            mark("imports done")
            wrap(Screen, "_compositor_refresh", "paint")
            wrap(App, "exit", "exit")
            app = baseline_app.BaselineApp()
            app.run()
            code = app.return_code or 0
        else:
            from textual.app import App
            from textual.screen import Screen

            import supportterm.cli as cli
            import supportterm.store.db
            import supportterm.ui.app  # noqa: F401 - what run_tui imports, timed here
            from supportterm.ui.screens.inbox import InboxScreen

            mark("imports done")
            build_parser = cli.build_parser

            def timed_parser():  # type: ignore[no-untyped-def]
                mark("parser start")
                try:
                    return build_parser()
                finally:
                    mark("parser end")

            cli.build_parser = timed_parser
            wrap(supportterm.store.db.Store, "__init__", "store open")
            wrap(InboxScreen, "reload", "reload")
            wrap(InboxScreen, "_show_views", "view counts")
            wrap(Screen, "_compositor_refresh", "paint")
            wrap(App, "exit", "exit")
            from supportterm.ui.app import SupportTermApp
            from supportterm.ui.widgets.shift_bar import ShiftBar

            wrap(SupportTermApp, "__init__", "app init")
            wrap(SupportTermApp, "on_unmount", "app unmount")
            wrap(ShiftBar, "tick", "shift tick")
            wrap(supportterm.store.db.Store, "close", "store close")
            code = cli.main(args)
    finally:
        mark("main returned")
        with open(out, "w") as handle:
            json.dump(EVENTS, handle)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
