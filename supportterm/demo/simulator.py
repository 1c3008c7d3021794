"""Provides the demo's customers who keep writing: a thread that now and then opens a ticket or follows up.

A demo that never changes cannot show delta sync, SLA clocks or the "customer is waiting" marks,
so while it runs, every 20-60 s (random) a customer writes. `act_once` is also what
`POST /api/v1/_demo/activity` calls, so tests and benchmarks trigger the very same change on demand.
"""

from __future__ import annotations

import logging
import random
import threading
from typing import Any

from supportterm.demo.db import DemoDB

log = logging.getLogger(__name__)

FOLLOW_UP_SHARE = 0.6
"""How often the simulator writes on an existing ticket rather than opening a new one."""


class Simulator:
    """Customers acting on the demo database, on a timer thread or one step at a time.

    Args:
        db: the demo database (thread-safe).
        seed: seeds both the choices (who writes, on what) and the generated text.
        interval: the (min, max) seconds between two actions of the background thread.
    """

    def __init__(self, db: DemoDB, seed: int = 1, interval: tuple[float, float] = (20.0, 60.0)) -> None:
        from supportterm.demo.seed import Activity  # the text generator is heavy; only a demo needs it

        self._db = db
        self._activity = Activity(seed)
        self._rng = random.Random(seed)
        self._interval = interval
        self._lock = threading.Lock()
        """`act_once` runs on the timer thread and on HTTP threads; the generators are not thread-safe."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def act_once(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Make one customer write now: a follow-up on a recent live ticket, or a new ticket.

        A follow-up on a pending or solved ticket reopens it. Returns (ticket, message) as the API
        shows them.
        """
        with self._lock:
            now = self._db.now()
            ticket, customer = self._db.pick_writer(self._rng, FOLLOW_UP_SHARE)
            if ticket is not None:
                body = self._activity.follow_up(ticket, customer, now)
                result, message, _ = self._db.add_message(ticket["id"], author_id=customer["id"],
                                                          role="customer", body=body)
            else:
                fields, body = self._activity.new_ticket(customer, now)
                result, message, _ = self._db.create_ticket(fields | {"customer_id": customer["id"]}, body)
        return result, message

    def start(self) -> None:
        """Start the background thread (a daemon: it must never keep the process alive)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="demo-simulator", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread; it wakes from its wait at once, so this returns within one action."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self._rng.uniform(*self._interval)):
            try:
                self.act_once()
            except Exception:  # a failed step must not end the demo's activity for good
                log.exception("demo simulator: one step failed")
