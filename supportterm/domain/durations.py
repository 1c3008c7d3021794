"""Provides `parse_duration`: "8h", "7h30m", "90m" as a timedelta, for config and the shift commands.

Its own module so that reading the config (SLA targets, shift lengths) at start-up does not import
the shift model (`domain.shift`: four dataclasses and its enums, ~8 ms) before the inbox has painted.
"""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([hms])")


def parse_duration(text: str) -> timedelta:
    """Parse "8h", "7h30m", "90m", "1.5h", "45s" into a timedelta.

    Raises:
        ValueError: empty, unitless or malformed text (a bare "8" is ambiguous, so it is refused).
    """
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned or _DURATION.sub("", cleaned):
        raise ValueError(f"not a duration: {text!r} (use e.g. 8h, 7h30m or 90m)")
    unit = {"h": 3600, "m": 60, "s": 1}
    seconds = sum(float(n) * unit[u] for n, u in _DURATION.findall(cleaned))
    if seconds <= 0:
        raise ValueError(f"a duration must be positive: {text!r}")
    return timedelta(seconds=round(seconds))
