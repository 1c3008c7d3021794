"""Provides a tiny JSON path evaluator for the generic adapter's mappings.

Syntax: dotted keys with list steps, e.g. `results`, `ticket.requester.email`, `followup_set[0].date`,
`messages[-1].id`, `tags[*]`, `followup_set[*].id`. An empty path means the value itself. Keys are
plain names (letters, digits, `_`, `-`, `@`, `$`); that covers the JSON APIs helpdesks serve and keeps
mappings readable. Evaluation never raises on missing data: a step that does not apply yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_STEP_RE = re.compile(r"(?P<key>[A-Za-z0-9_\-@$]+)|\[(?P<index>-?\d+|\*)\]|(?P<dot>\.)")


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a path: a key of an object, an index of a list, or every item of a list."""

    key: str | None = None
    index: int | None = None
    every: bool = False

    def apply(self, item: Any) -> list[Any]:
        """What this step reaches from `item` (nothing when it does not apply)."""
        if self.key is not None:
            return [item[self.key]] if isinstance(item, dict) and self.key in item else []
        if not isinstance(item, list):
            return []
        if self.every:
            return list(item)
        assert self.index is not None
        return [item[self.index]] if -len(item) <= self.index < len(item) else []


@dataclass(frozen=True, slots=True)
class JsonPath:
    """A parsed path; `text` is kept for messages and for writing the mapping back."""

    text: str
    steps: tuple[Step, ...]

    @property
    def is_multi(self) -> bool:
        """Whether the path can yield several values (it has a `[*]` step)."""
        return any(step.every for step in self.steps)

    def values(self, data: Any) -> list[Any]:
        """Every value the path reaches in `data`, in document order."""
        current = [data]
        for step in self.steps:
            current = [found for item in current for found in step.apply(item)]
        return current

    def first(self, data: Any) -> Any:
        """The first value the path reaches, or None."""
        found = self.values(data)
        return found[0] if found else None

    def items(self, data: Any) -> list[Any] | None:
        """The list the path names: a `[*]` path's values, or the list it reaches (None if not a list)."""
        if self.is_multi:
            return self.values(data)
        found = self.first(data)
        return found if isinstance(found, list) else None


def parse_path(text: str) -> JsonPath:
    """Parse `text`; ValueError names the position of the first character that is not understood."""
    steps: list[Step] = []
    position, expect_key = 0, True
    while position < len(text):
        match = _STEP_RE.match(text, position)
        if match is None:
            raise ValueError(f"unexpected {text[position]!r} at position {position + 1} of '{text}'")
        if match.group("dot"):
            if expect_key:
                raise ValueError(f"a key is missing before position {position + 1} of '{text}'")
            expect_key = True
        elif match.group("key") is not None:
            if not expect_key:
                raise ValueError(f"a '.' is missing before position {position + 1} of '{text}'")
            steps.append(Step(key=match.group("key")))
            expect_key = False
        else:
            index = match.group("index")
            steps.append(Step(every=True) if index == "*" else Step(index=int(index)))
            expect_key = False
        position = match.end()
    if text and expect_key:
        raise ValueError(f"'{text}' ends with '.'")
    return JsonPath(text, tuple(steps))
