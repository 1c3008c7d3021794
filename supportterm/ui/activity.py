"""Provides the time of the agent's last key, so that background work waits for a pause in typing.

Threads share one interpreter lock. A worker thread busy in Python code (the SLA watch reads and
judges a few thousand cached tickets) takes the lock from the UI thread every switch interval, and
every SQLite call of the UI thread hands it over again: a page-down that costs 3 ms alone took
10-35 ms while such a thread ran (p99 over 200 page reads: 2.9 ms alone, 35-77 ms beside a busy
thread on the 2-core box). So periodic background jobs wait until no key came for `QUIET_S`, and an
interactive run shortens the switch interval so the UI thread gets the lock back sooner.
"""

from __future__ import annotations

import asyncio
import sys
import time

QUIET_S = 1.0
"""No key for this long: the agent has paused, background work can run."""
UI_SWITCH_INTERVAL_S = 0.001
"""The interpreter's thread switch interval in an interactive run (Python's default is 5 ms)."""

_last_key = 0.0


def key_pressed() -> None:
    """Note a key (called for every key the app receives, bound or not)."""
    global _last_key
    _last_key = time.monotonic()


def quiet_for() -> float:
    """Seconds since the last key."""
    return time.monotonic() - _last_key


async def wait_for_quiet(quiet_s: float = QUIET_S, at_most_s: float = 30.0) -> None:
    """Wait until no key came for `quiet_s`, but never longer than `at_most_s` (reminders must still
    come during a long burst of typing)."""
    deadline = time.monotonic() + at_most_s
    while (wait := quiet_s - quiet_for()) > 0 and time.monotonic() < deadline:
        await asyncio.sleep(min(wait, max(0.0, deadline - time.monotonic())) + 0.01)


def favour_the_ui_thread() -> None:
    """Shorten the thread switch interval for an interactive run (see the module docstring)."""
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
