"""Provides the delta-sync bookkeeping of the generic adapter, kept in the engine's opaque cursor.

Three styles, from best to worst for a slow link:
- `cursor`: the helpdesk's own change cursor (the last page's cursor resumes the next sync).
- `param`: a high-water timestamp sent as a query parameter (`updated_since=…`). Tickets at exactly
  the high-water second come back on the next poll (the parameter is taken as inclusive, so nothing
  changed later in the same second is missed); their fingerprints are kept and unchanged ones dropped.
- `snapshot`: the helpdesk cannot filter by change, so every poll lists everything and only tickets
  whose JSON fingerprint differs from the previous pass are reported. Costs a full listing per poll.

The adapter itself keeps no state: everything lives in `SyncState`, serialised as the cursor.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from supportterm.domain.models import Ticket, format_time, parse_time


@dataclass
class SyncState:
    """What the next `list_changed` call needs; JSON in the engine's cursor."""

    pos: dict[str, Any] | None = None
    """Paging position of an unfinished run (None: the next call starts a run)."""
    seen: dict[str, str] = field(default_factory=dict)
    """Fingerprints by ticket id: every ticket (snapshot) or those at the high-water second (param)."""
    run_seen: dict[str, str] = field(default_factory=dict)
    """Fingerprints gathered by the run in progress; they replace `seen` when it ends."""
    since: str | None = None
    """High-water timestamp (param style), ISO UTC."""
    run_high: str | None = None
    server: str | None = None
    """The helpdesk's own cursor (cursor style)."""
    etag: str | None = None
    """Tag of the last complete run's final page, for If-None-Match at the start of the next."""

    @classmethod
    def load(cls, cursor: str | None) -> SyncState:
        """The state in a cursor; a cursor this adapter cannot read starts over (a full sync)."""
        try:
            raw = json.loads(cursor) if cursor else {}
            return cls(**raw) if isinstance(raw, dict) else cls()
        except (ValueError, TypeError):
            return cls()

    def dump(self) -> str:
        """The cursor text (compact; unchanged fields are kept as they are)."""
        return json.dumps({k: v for k, v in asdict(self).items() if v not in (None, {}, "")},
                          separators=(",", ":"))

    @property
    def starting(self) -> bool:
        """Whether the next call starts a new run."""
        return self.pos is None


def keep_changed(
    style: str, state: SyncState, page: list[tuple[Ticket, str]], field_name: str
) -> list[Ticket]:
    """Tickets of one page that changed since the last run; records what this run has seen."""
    if style == "cursor":
        return [ticket for ticket, _ in page]
    changed = []
    for ticket, print_ in page:
        if state.seen.get(ticket.id) != print_:
            changed.append(ticket)
        if style == "snapshot":
            state.run_seen[ticket.id] = print_
            continue
        stamp = getattr(ticket, field_name)
        if isinstance(stamp, datetime):
            _raise_high_water(state, stamp, ticket.id, print_)
    return changed


def _raise_high_water(state: SyncState, stamp: datetime, ticket_id: str, print_: str) -> None:
    """Track the newest timestamp of the run and the fingerprints of the tickets at that second."""
    second = format_time(stamp)
    assert second is not None
    current = parse_time(state.run_high) if state.run_high else None
    if current is None or stamp.replace(microsecond=0) > current:
        state.run_high, state.run_seen = second, {ticket_id: print_}
    elif second == state.run_high:
        state.run_seen[ticket_id] = print_


def end_page(state: SyncState, style: str, next_pos: dict[str, Any] | None, server_cursor: str | None,
             etag: str | None) -> None:
    """Move the state past one page; at the end of a run, the run's findings become the baseline."""
    state.pos = next_pos
    if server_cursor:
        state.server = server_cursor
    if next_pos is not None:
        return
    state.etag = etag
    if style == "snapshot":
        state.seen, state.run_seen = state.run_seen, {}
    elif style == "param" and state.run_high is not None:
        state.since, state.seen = state.run_high, state.run_seen
        state.run_high, state.run_seen = None, {}
