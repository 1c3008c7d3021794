"""Provides `ScanCursor`: Zammad's delta-sync position, a keyset scan plus a check of the index-lag window.

Zammad's ticket search runs on Elasticsearch, which is filled by background jobs behind the
database, so a ticket changed at 10:00:03 can turn up in the index after one changed at 10:00:05 was
already listed. The scan itself is a keyset on `updated_at` (an idle poll asks for anything newer than
the newest change seen: an empty list). The *window* runs from the last verified point to that newest
change; once the lag has passed it (or every two lags on a busy helpdesk), a poll also asks how many
tickets the index holds in it (`only_total_count`, a few bytes). More than were delivered means a
late one arrived: the window is read again and only the unseen tickets are reported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

from supportterm.domain.models import parse_time


def es_stamp(value: datetime) -> str:
    """A timestamp for the Elasticsearch query string: milliseconds, colons escaped (they are syntax)."""
    text = value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return text.replace(":", r"\:")


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).isoformat(timespec="microseconds") if value else None


@dataclass
class ScanCursor:
    """Where the next search starts and what the unverified window holds."""

    top: datetime | None = None
    """Newest `updated_at` delivered."""
    floor: datetime | None = None
    """Everything changed before this was verified delivered; late tickets may still appear after it."""
    checked: datetime | None = None
    """Server time of the last verification (a count, or a read of the whole window)."""
    seen: dict[str, str] = field(default_factory=dict)
    """id -> updated_at (as Zammad wrote it) of the tickets delivered since `floor`."""
    page: int = 1
    more: bool = False
    """The last page was full: the scan goes on from `top` (inclusive, skipping what was seen)."""
    reread: bool = False
    """The index counted tickets in the window that were never delivered: it is read again."""

    @classmethod
    def load(cls, text: str | None) -> ScanCursor:
        """Read a cursor written by `dump`; anything else (another adapter's cursor) starts over."""
        try:
            data = json.loads(text) if text else {}
            return cls(top=parse_time(data.get("top")), floor=parse_time(data.get("floor")),
                       checked=parse_time(data.get("checked")),
                       seen={str(k): str(v) for k, v in dict(data.get("seen") or {}).items()},
                       page=max(1, int(data.get("page", 1))), more=bool(data.get("more")),
                       reread=bool(data.get("reread")))
        except (ValueError, TypeError, AttributeError):
            return cls()

    def dump(self) -> str:
        return json.dumps({"top": _iso(self.top), "floor": _iso(self.floor), "checked": _iso(self.checked),
                           "seen": self.seen, "page": self.page, "more": self.more, "reread": self.reread},
                          separators=(",", ":"))

    def query(self, start: datetime) -> str:
        """The search for the next page; `start` is where a first sync begins."""
        if self.reread:
            return self.window_query()
        if self.top is None:
            return f"updated_at:>={es_stamp(start)}"
        return f"updated_at:{'>=' if self.more else '>'}{es_stamp(self.top)}"

    def window_query(self) -> str:
        assert self.floor is not None and self.top is not None
        return f"updated_at:[{es_stamp(self.floor)} TO {es_stamp(self.top)}]"

    def is_fresh(self, ticket_id: str, updated_at: str) -> bool:
        return self.seen.get(ticket_id) != updated_at

    def after_page(self, items: Sequence[tuple[str, str]], *, full: bool, now: datetime,
                   lag: timedelta) -> ScanCursor:
        """The cursor after a page of (id, updated_at) read at server time `now`."""
        seen = {**self.seen, **dict(items)}
        if self.reread:
            if full:
                return replace(self, seen=seen, page=self.page + 1)
            return replace(self, seen=seen, page=1, reread=False)._verified(now, lag)
        stamps = [t for t in (parse_time(u) for _, u in items) if t is not None]
        top = max([*stamps, *([self.top] if self.top else [])], default=None)
        if top is None:
            return replace(self, seen=seen, page=1, more=False)
        floor, checked = self.floor, self.checked
        if floor is None:  # the first page of a first sync read everything up to the index's horizon
            floor, checked = min(top, now - lag), now
        page = self.page + 1 if full and self.more and top == self.top else 1
        return ScanCursor(top=top, floor=floor, checked=checked, seen=_since(seen, floor), page=page,
                          more=full)

    def check_due(self, now: datetime, lag: timedelta) -> bool:
        """Whether a finished scan should count the window now: once the lag has passed the newest
        change (the last check it needs), or when the last check is two lags old (a busy helpdesk,
        whose newest change never gets older than the lag)."""
        if self.more or self.reread or self.top is None or self.floor is None or self.floor >= self.top:
            return False
        return now - lag >= self.top or self.checked is None or now - self.checked >= 2 * lag

    def counted(self, total: int, now: datetime, lag: timedelta) -> ScanCursor:
        """The cursor after the index counted `total` tickets in the window at server time `now`."""
        if total > len(self.seen):
            return replace(self, reread=True, page=1)
        return self._verified(now, lag)

    def _verified(self, now: datetime, lag: timedelta) -> ScanCursor:
        """The index agreed with what was delivered: what is older than the lag is settled."""
        assert self.top is not None and self.floor is not None
        floor = max(self.floor, min(self.top, now - lag))
        return replace(self, floor=floor, checked=now, seen=_since(self.seen, floor))


def _since(seen: dict[str, str], floor: datetime) -> dict[str, str]:
    return {i: u for i, u in seen.items() if (parse_time(u) or floor) >= floor}
