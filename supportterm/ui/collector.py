"""Provides the garbage-collector policy of an interactive run: quiet while starting, frozen after.

Start-up allocates ~90k long-lived objects (Textual, the app's modules, the stylesheet); the cyclic
collector walked them ~145 times before the first paint (~80 ms at 100k tickets on the 2-core box),
and every later full collection walked them again (30-120 ms pauses in the middle of a page-down).
So `run_tui` pauses the collector until the inbox has painted; then `settle` collects once, moves
every survivor to the permanent generation (`gc.freeze`), and turns the collector back on, so later
collections only look at objects made since. Even those (page and line caches, ~37k objects) took
10-40 ms per full collection, three times per 300 page-downs, so after settling the collector runs
only the young generations by itself, and the app calls `collect_when_idle` from a timer: a full
collection when no key came for a while (or at the latest every `FULL_AT_LEAST_EVERY_S`).

Only a run that called `pause_for_startup` is settled: apps built by tests never freeze the test
process's heap.
"""

from __future__ import annotations

import gc
import time

from supportterm.ui import activity

IDLE_S = 2.0
"""No key for this long: a full collection cannot delay one."""
FULL_AT_LEAST_EVERY_S = 60.0
"""Cyclic garbage that reached the old generation is freed at least this often, idle or not."""
_NO_AUTOMATIC_FULL = 1_000_000
"""gc threshold2: young collections between automatic full ones (i.e. never; the timer does them)."""

_paused = False
_settled = False
_last_full = 0.0


def pause_for_startup() -> None:
    """Turn the cyclic collector off until `settle` (the first paint) or `resume` (start-up failed)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> bool:
    """After the first paint: collect start-up's garbage once, freeze the survivors, collect again from
    now on (full collections by `collect_when_idle`). Does nothing unless `pause_for_startup` ran.

    Returns:
        Whether it settled (then the caller starts the `collect_when_idle` timer).
    """
    global _paused, _settled, _last_full
    if not _paused:
        return False
    _paused = False
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NO_AUTOMATIC_FULL)
    _settled, _last_full = True, time.monotonic()
    gc.enable()
    return True


def collect_when_idle() -> bool:
    """The timer's job: one full collection if the agent is not typing (or it is overdue).

    Returns:
        Whether it collected.
    """
    global _last_full
    now = time.monotonic()
    if not _settled or (activity.quiet_for() < IDLE_S and now - _last_full < FULL_AT_LEAST_EVERY_S):
        return False
    gc.collect()
    _last_full = now
    return True


def resume() -> None:
    """Turn the collector back on without freezing (the app ended before its first paint)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
