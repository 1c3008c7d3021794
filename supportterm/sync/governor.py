"""Provides the sync governor: when to sync next, given how the last cycle went.

Polling slows down while nothing changes (an idle helpdesk should cost almost nothing), returns to the
base interval as soon as something moves, honours the helpdesk's Retry-After and rate-limit headers,
and backs off exponentially with jitter while the link is down, so many agents coming back online at
once do not stampede the server.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from supportterm.sync.events import SyncReport


@dataclass
class Governor:
    """Decides the delay before the next sync cycle."""

    interval_s: float = 30.0
    """Poll interval while things change."""
    idle_max_s: float = 300.0
    """Longest poll interval reached after a long quiet spell."""
    idle_factor: float = 1.5
    """How much the interval grows per quiet cycle."""
    retry_first_s: float = 2.0
    """First retry delay after a failure; it doubles per further failure."""
    retry_max_s: float = 120.0
    rng: random.Random = field(default_factory=random.Random)
    quiet_cycles: int = 0
    failures: int = 0

    def next_delay(self, report: SyncReport) -> float:
        """Seconds to wait after a cycle that produced `report`."""
        if report.error is not None:
            self.failures += 1
            if report.retry_after is not None:
                return max(report.retry_after, 1.0) + self.rng.uniform(0.0, 1.0)
            backoff = min(self.retry_max_s, self.retry_first_s * 2 ** (self.failures - 1))
            return self.rng.uniform(backoff / 2, backoff)  # "equal jitter": never zero, spread out
        self.failures = 0
        if report.rate_reset_s is not None:
            return max(report.rate_reset_s, self.interval_s)
        moved = report.tickets_changed or report.messages_changed or report.outbox_delivered
        self.quiet_cycles = 0 if moved else self.quiet_cycles + 1
        return min(self.idle_max_s, self.interval_s * self.idle_factor**self.quiet_cycles)

    def activity(self) -> None:
        """The agent did something (sent, opened a ticket): poll at the base rate again."""
        self.quiet_cycles = 0
