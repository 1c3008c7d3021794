"""Provides `drop_negated` and `drop_names`: lexicon hits that the context shows are not meant.

Lexicon words such as "your fault", "ваша вина", "günahınız" or "stupid" are what an agent writes
to *deny* blame as well: "this is not your fault", "это не ваша вина", "bu, sizin günahınız deyil",
"that is not a stupid question". A negation right before the match (at most an article or
"at all" between) or an Azerbaijani "deyil/yox" right after it turns the finding off.

Informal pronouns written with a capital in the middle of a sentence are names, not address: the
shop "Твой Дом", the brand "Sənin Evin" (`drop_names`).
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


def _mid_sentence(text: str, start: int) -> bool:
    """True when the word at `start` follows other words of the same sentence."""
    before = text[:start].rstrip(" \t«\"'“„(")
    return bool(before) and before[-1] not in ".!?:;\n—–-"


def drop_names(found: list[Finding], prep: Prepared) -> list[Finding]:
    """`found` without informal-address hits that are capitalised mid-sentence (names of shops, brands)."""
    return [
        f
        for f in found
        if f.category != "informal_address"
        or not prep.text[f.start : f.start + 1].isupper()
        or not _mid_sentence(prep.text, f.start)
    ]
