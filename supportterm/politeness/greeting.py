"""Provides `break_after_greeting`: the comma after an opening greeting read as the end of a sentence.

Who calls it: `Prepared`, on folded text, before the lexicon pass. "Hi Joan, read the FAQ." and
"Здравствуйте, закрываю заявку." open with a vocative; what follows is a new sentence, so entries
that must start a sentence ("Read the FAQ.", "Closing.") also match in one-line chat replies.
The comma becomes a full stop, so every offset stays the same.
"""

from __future__ import annotations

import re

_GREETING = (
    r"[ \t]*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)"
    r"|здравствуйте|добрый\s+(?:день|вечер)|доброе\s+утро|приветствую"
    r"|salam|salam\s+aleykum|hörmətli|xoş\s+gördük|(?:sabahınız|günortanız|axşamınız)\s+xeyir)"
    r"(?:[ \t]+[\w.'-]+){0,3},"
)
"""A greeting at the start of a line, up to three name words, then the comma."""
_GREETING_COMMA = re.compile(_GREETING)
"""Matched at the text's start (its first line)."""
_GREETING_COMMA_AFTER_NEWLINE = re.compile("\n" + _GREETING)
"""Searched for the other lines: it opens with the newline before the line, a literal `re` skips ahead
to, so the greeting is tried at line starts only (a `(?m)^` pattern was tried at every position)."""


def break_after_greeting(folded: str) -> str:
    """`folded` with the comma closing an opening greeting turned into a full stop (same length).

    The greeting of the first line that has one counts.
    """
    if folded.find(",", 0, 120) < 0:  # no slice copied
        return folded
    m = _GREETING_COMMA.match(folded) or _GREETING_COMMA_AFTER_NEWLINE.search(folded)
    if m is None:
        return folded
    return folded[: m.end() - 1] + "." + folded[m.end() :]
