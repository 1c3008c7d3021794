"""Provides `SinceCursor`: delta sync over an "updated since T, oldest first, page N" ticket list.

Freshdesk and Zammad list tickets changed since a timestamp, sorted by update time, with page numbers
and no server cursor. Asking again from exactly the newest change seen can miss tickets: a filter that
is exclusive, second-resolution timestamps, or a search index that lags behind the database. So the
cursor asks from a little earlier (an *overlap* before the newest change, and never later than a
*horizon* the adapter names, e.g. "server time minus index lag") and drops what it already delivered
by (id, updated_at). Nothing is missed, nothing is reported twice, and an idle poll reports nothing.
When more than a page of tickets falls inside the overlap, it pages instead of asking again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from supportterm.domain.models import parse_time, utc


def _iso(value: datetime) -> str:
    return utc(value).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass
class SinceCursor:
    """Where the next list call starts, and what inside that window was already delivered."""

    since: datetime | None = None
    """Ask for tickets updated at or after this (None: the adapter's first-sync start)."""
    top: datetime | None = None
    """Newest `updated_at` delivered so far."""
    seen: dict[str, str] = field(default_factory=dict)
    """id -> updated_at (as the helpdesk wrote it) of tickets delivered with updated_at >= since."""
    page: int = 1

    @classmethod
    def load(cls, text: str | None) -> SinceCursor:
        """Read a cursor written by `dump`; anything else (another adapter's cursor) starts over."""
        if not text:
            return cls()
        try:
            data = json.loads(text)
            return cls(since=parse_time(data.get("since")), top=parse_time(data.get("top")),
                       seen={str(k): str(v) for k, v in dict(data.get("seen") or {}).items()},
                       page=max(1, int(data.get("page", 1))))
        except (ValueError, TypeError, AttributeError):
            return cls()

    def dump(self) -> str:
        data = {"since": _iso(self.since) if self.since else None,
                "top": _iso(self.top) if self.top else None, "seen": self.seen, "page": self.page}
        return json.dumps(data, separators=(",", ":"))

    def is_fresh(self, ticket_id: str, updated_at: str) -> bool:
        """Whether this version of the ticket has not been delivered yet."""
        return self.seen.get(ticket_id) != updated_at

    def advance(
        self, page_items: Sequence[tuple[str, str]], *, full: bool, overlap: timedelta,
        horizon: datetime | None = None,
    ) -> SinceCursor:
        """The cursor after a page of (id, updated_at) items; `full` when the helpdesk has more pages."""
        stamps = [t for t in (parse_time(u) for _, u in page_items) if t is not None]
        top = max([*stamps, *([self.top] if self.top else [])], default=None)
        since = self.since
        if top is not None:
            candidate = top - overlap
            if horizon is not None:
                candidate = min(candidate, horizon)
            since = candidate if since is None else max(since, candidate)
        seen = {**self.seen, **{i: u for i, u in page_items}}
        if since is not None:
            seen = {i: u for i, u in seen.items() if (parse_time(u) or since) >= since}
        if since == self.since:
            page = self.page + 1 if full else self.page
        else:
            page = 1
        return SinceCursor(since=since, top=top, seen=seen, page=page)
