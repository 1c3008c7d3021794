"""Provides the garbage-collector policy of an interactive run: quiet while starting, frozen after.

Start-up allocates ~90k long-lived objects (Textual, the app's modules, the stylesheet); the cyclic
collector walked them ~145 times before the first paint (~80 ms at 100k tickets on the 2-core box),
and every later full collection walked them again (30-120 ms pauses in the middle of a page-down).
So `run_tui` pauses the collector until the inbox has painted; then `settle` collects once, moves
every survivor to the permanent generation (`gc.freeze`), and turns the collector back on, so later
collections only look at objects made since.

Only a run that called `pause_for_startup` is settled: apps built by tests never freeze the test
process's heap.
"""

from __future__ import annotations

import gc

_paused = False


def pause_for_startup() -> None:
    """Turn the cyclic collector off until `settle` (the first paint) or `resume` (start-up failed)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> None:
    """After the first paint: collect start-up's garbage once, freeze the survivors, collect again from
    now on. Does nothing unless `pause_for_startup` ran."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.collect()
    gc.freeze()
    gc.enable()


def resume() -> None:
    """Turn the collector back on without freezing (the app ended before its first paint)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
