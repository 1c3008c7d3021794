"""Provides `drop_negated`: removes blame and rude findings that the reply itself denies.

Lexicon words such as "your fault", "ваша вина", "günahınız" or "stupid" are what an agent writes
to *deny* blame as well: "this is not your fault", "это не ваша вина", "bu, sizin günahınız deyil",
"that is not a stupid question". A negation right before the match (at most an article or
"at all" between) or an Azerbaijani "deyil/yox" right after it turns the finding off.
"""

from __future__ import annotations

import re

from .findings import Finding
from .prepared import Prepared

NEGATABLE = frozenset({"blame", "rude"})
"""Categories whose words are also used to deny the fault ("not your fault")."""

_BEFORE = re.compile(
    r"(?:\b(?:not|never|no)|n't|(?<![\w-])(?:не|ни|heç\s+də|heç))"
    r"(?:\s+(?:a|an|the|at\s+all|really|even|by|по|də|da))?[\s,]+$"
)
_AFTER = re.compile(r"^\s+(?:deyil|deyildir|yox|yoxdur)(?!\w)")
_LOOK = 24
"""Characters looked at on each side of a match."""


def negated(folded: str, start: int, end: int) -> bool:
    """True when the folded text denies what `folded[start:end]` says."""
    return bool(
        _BEFORE.search(folded[max(0, start - _LOOK) : start]) or _AFTER.match(folded[end : end + _LOOK])
    )


def drop_negated(found: list[Finding], prep: Prepared) -> list[Finding]:
    """`found` without the blame and rude findings that are negated in the reply."""
    return [f for f in found if f.category not in NEGATABLE or not negated(prep.folded, f.start, f.end)]
