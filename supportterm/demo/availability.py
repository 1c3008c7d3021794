"""Provides the demo helpdesk's agent availability board: who is taking tickets right now.

Real helpdesks keep this per agent (Zendesk's agent status, Freshdesk's `available` flag, Zammad's
out-of-office); the demo keeps it in memory, per agent id, so `supportterm shift start|stop` has a real
endpoint to talk to. Handler threads share one board, hence the lock.
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from typing import Any


class AvailabilityBoard:
    """Agent id -> available, and when it last changed. Everyone starts unavailable."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: dict[str, tuple[bool, str]] = {}

    def get(self, agent_id: str) -> dict[str, Any]:
        """`{"agent_id", "available", "changed_at"}` (changed_at null until set)."""
        with self._lock:
            available, changed = self._state.get(agent_id, (False, None))
        return {"agent_id": agent_id, "available": available, "changed_at": changed}

    def set(self, agent_id: str, available: bool) -> dict[str, Any]:
        """Record a change; setting the same value again keeps its time (an idempotent PUT)."""
        with self._lock:
            current = self._state.get(agent_id)
            if current is None or current[0] != available:
                stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                self._state[agent_id] = (available, stamp)
        return self.get(agent_id)
