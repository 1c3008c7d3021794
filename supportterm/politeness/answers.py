"""Provides `drop_answered_no`: "No, you weren't charged." answering the customer's question is no argument.

Why: the same words contradict an assertion ("You charged me twice!" – "No, you weren't charged twice. Look
again.") and reassure after a question ("Was I charged for the failed payment?" – "No, you weren't charged.").
No word list can tell them apart; the customer's last message can. A "No, you" + negated auxiliary finding is
dropped only when that message asks a yes/no question about the customer (was I, have I, did I, am I, …).
English only, and only when the customer's message is known.
"""

from __future__ import annotations

import re

from .findings import Finding
from .prepared import Prepared

_NO_YOU = re.compile(
    r"(?i)no,?\s+you\s+(?:weren't|wasn't|aren't|haven't|hadn't|didn't|were\s+not|are\s+not|have\s+not|did\s+not)\b"
)
"""The reply's answer: "No, you" and a negated auxiliary, at the finding's start."""
_YES_NO_ABOUT_ME = re.compile(
    r"(?i)(?:^|[.!?]\s*|\n)\s*(?:was|were|have|has|had|did|am|is|are|do|does|will|would|could|can)\s+"
    r"(?:i|we|my|our|me)\b[^?\n]*\?"
)
"""The customer's yes/no question about themselves ("Was I charged …?", "Have we been billed …?")."""


def drop_answered_no(found: list[Finding], whole: Prepared, customer_text: str | None) -> list[Finding]:
    """`found` without argumentative "No, you weren't …" findings answering the customer's yes/no question."""
    if not customer_text or whole.lang != "en" or "?" not in customer_text:
        return found
    if not _YES_NO_ABOUT_ME.search(customer_text):
        return found
    return [
        f for f in found if f.category != "argumentative" or not _NO_YOU.match(whole.text, f.start)
    ]
