"""Provides the inbox search language: `status:open lang:ru "double charge" refund`.

Parsed into a `Query` of filters and full-text terms; the store turns it into SQL and an FTS5 match.
Unknown `key:` words are searched as text, so a customer's "error:500" still finds something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from supportterm.domain.models import Channel, Priority, Status

_TOKEN = re.compile(r'(-?\w+):("[^"]*"|\S+)|"([^"]*)"?|(\S+)', re.UNICODE)

STATUS_WORDS = {
    "active": (Status.NEW, Status.OPEN, Status.ON_HOLD),
    "hold": (Status.ON_HOLD,),
    **{s.value: (s,) for s in Status},
}


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search; empty fields mean "no constraint"."""

    statuses: tuple[Status, ...] = ()
    priorities: tuple[Priority, ...] = ()
    channels: tuple[Channel, ...] = ()
    languages: tuple[str, ...] = ()
    assignee: str | None = None
    """"me", "none", or a name/id fragment."""
    before: datetime | None = None
    after: datetime | None = None
    ticket_id: str | None = None
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=())
    """Filters that could not be understood, in words, for the search line."""

    @property
    def is_empty(self) -> bool:
        """True when the query constrains nothing."""
        return self == Query()


def _day(text: str) -> datetime:
    return datetime.combine(date.fromisoformat(text), datetime.min.time(), tzinfo=timezone.utc)


def _enum_values(kind: type, text: str, aliases: dict[str, tuple] | None = None) -> tuple:
    out: list = []
    for part in text.lower().split(","):
        if aliases and part in aliases:
            out.extend(aliases[part])
        else:
            out.append(kind(part))
    return tuple(out)


_FILTERS = {
    "status": lambda v: {"statuses": _enum_values(Status, v, STATUS_WORDS)},
    "priority": lambda v: {"priorities": _enum_values(Priority, v, {"urg": (Priority.URGENT,)})},
    "pri": lambda v: {"priorities": _enum_values(Priority, v, {"urg": (Priority.URGENT,)})},
    "channel": lambda v: {"channels": _enum_values(Channel, v, {"mail": (Channel.EMAIL,)})},
    "lang": lambda v: {"languages": tuple(v.lower().split(","))},
    "assignee": lambda v: {"assignee": v.lower() if v.lower() in ("me", "none") else v},
    "before": lambda v: {"before": _day(v)},
    "after": lambda v: {"after": _day(v)},
    "id": lambda v: {"ticket_id": v.lstrip("#")},
}


def parse(text: str) -> Query:
    """Parse a search line; never raises (bad filters are reported in `problems`)."""
    fields: dict[str, object] = {}
    words: list[str] = []
    phrases: list[str] = []
    problems: list[str] = []
    for match in _TOKEN.finditer(text):
        key, value, phrase, word = match.groups()
        if key is not None:
            value = value.strip('"')
            handler = _FILTERS.get(key.lower())
            if handler is None:
                words.extend(re.findall(r"\w+", f"{key} {value}"))
                continue
            try:
                fields.update(handler(value))
            except ValueError:
                problems.append(f"{key}:{value} is not understood")
        elif phrase is not None:
            if phrase.strip():
                phrases.append(phrase.strip())
        elif word.startswith("#") and word[1:].isdigit():
            fields["ticket_id"] = word[1:]
        else:
            words.extend(re.findall(r"\w+", word))
    return Query(words=tuple(words), phrases=tuple(phrases), problems=tuple(problems), **fields)  # type: ignore[arg-type]


def fts_match(query: Query, *, prefix_last: bool = True) -> str | None:
    """The FTS5 MATCH expression for the query's text part (every term quoted: no FTS syntax leaks).

    The last word gets a prefix star so results appear while the agent is still typing it.
    """
    parts = [f'"{p.replace(chr(34), " ")}"' for p in query.phrases]
    for index, word in enumerate(query.words):
        star = "*" if prefix_last and index == len(query.words) - 1 else ""
        parts.append(f'"{word}"{star}')
    return " AND ".join(parts) if parts else None
