"""Provides the translation between "available" and Zammad's out-of-office fields of the agent's user.

Zammad has no online/offline switch for tickets; what an agent sets for itself is Out of Office
(Profile → Out of Office, `PUT /api/v1/users/out_of_office`): a flag, a date range and a replacement
agent who gets the notifications meanwhile. Zammad requires the dates and the replacement whenever the
flag is on, and counts the agent as out of office only on the days of the range.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from supportterm.errors import ConfigError


def is_out_of_office(user: dict[str, Any], today: date) -> bool:
    """Zammad's own rule (`User#out_of_office?`): the flag is on and today lies in the date range."""
    if user.get("out_of_office") is not True:
        return False
    start, end = _date(user.get("out_of_office_start_at")), _date(user.get("out_of_office_end_at"))
    return start is not None and end is not None and start <= today <= end


KEPT = ("out_of_office_start_at", "out_of_office_end_at", "out_of_office_replacement_id")
"""Sent back unchanged when the flag goes off: Zammad (up to 6.x) assigns every field of the request,
so leaving them out would erase the replacement the agent chose."""


def out_of_office_body(available: bool, today: date, away_days: int, replacement_id: int | None,
                       user: dict[str, Any]) -> dict[str, Any]:
    """The request that shows the agent as available (flag off, the rest kept as `user` has it) or away
    from today for `away_days`, covered by `replacement_id` (else the replacement stored in Zammad)."""
    if available:
        return {"out_of_office": False, **{key: user.get(key) for key in KEPT}}
    stored = user.get("out_of_office_replacement_id")
    replacement = replacement_id if replacement_id is not None else (stored if isinstance(stored, int)
                                                                     else None)
    if replacement is None:
        raise ConfigError("Zammad needs a replacement agent to show you as away: set one in Zammad "
                          "(Profile → Out of Office) or the profile option out_of_office_replacement "
                          "(a user id).")
    return {"out_of_office": True, "out_of_office_start_at": today.isoformat(),
            "out_of_office_end_at": (today + timedelta(days=away_days)).isoformat(),
            "out_of_office_replacement_id": replacement}


def _date(value: Any) -> date | None:
    """Zammad sends the range as dates ("2026-11-26"); a full timestamp counts by its date."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
