"""The process `test_shift_cli.py` kills with SIGKILL: an app holding the profile's store mid-shift.

    python shift_child.py PROFILE NOW_ISO

It opens the store (taking the profile lock, as the TUI does), records activity at NOW on the running
shift and says `ACTIVE`. After a line on stdin it opens a write transaction, writes a `stop` event
without committing, says `HOLDING` and waits to be killed: that stop must never be seen.
"""

from __future__ import annotations

import json
import sys
import threading

from supportterm import paths
from supportterm.domain.models import format_time, parse_time
from supportterm.store.db import Store
from supportterm.store.shift import ShiftLog


def main(profile: str, now_text: str) -> int:
    now = parse_time(now_text)
    assert now is not None
    store = Store(paths.store_path(profile))
    shift_log = ShiftLog(store, clock=lambda: now)
    current = shift_log.current()
    if current is None or not shift_log.activity():
        print("ERROR no running shift to record activity on", flush=True)
        return 1
    print(f"ACTIVE {current.id}", flush=True)
    sys.stdin.readline()
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO shift_events (shift_id, kind, at, data) VALUES (?, 'stop', ?, ?)",
            (current.id, format_time(now), json.dumps({})),
        )
        print("HOLDING", flush=True)
        threading.Event().wait()  # killed here, with the transaction open
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
