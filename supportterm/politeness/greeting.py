"""Provides `break_after_greeting`: the comma after an opening greeting read as the end of a sentence.

Who calls it: `Prepared`, on folded text, before the lexicon pass. "Hi Joan, read the FAQ." and
"Здравствуйте, закрываю заявку." open with a vocative; what follows is a new sentence, so entries
that must start a sentence ("Read the FAQ.", "Closing.") also match in one-line chat replies.
The comma becomes a full stop, so every offset stays the same.
"""

from __future__ import annotations

import re

_GREETING_COMMA = re.compile(
    r"(?m)^([ \t]*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)"
    r"|здравствуйте|добрый\s+(?:день|вечер)|доброе\s+утро|приветствую"
    r"|salam|salam\s+aleykum|hörmətli|xoş\s+gördük|(?:sabahınız|günortanız|axşamınız)\s+xeyir)"
    r"(?:[ \t]+[\w.'-]+){0,3}),"
)
"""A greeting at the start of a line, up to three name words, then the comma."""


def break_after_greeting(folded: str) -> str:
    """`folded` with the comma closing an opening greeting turned into a full stop (same length).

    The pattern is tried at line starts only, as its `^` allows: a search would try every position.
    """
    if "," not in folded[:120]:
        return folded
    start = 0
    while start >= 0:
        m = _GREETING_COMMA.match(folded, start)
        if m is not None:
            return folded[: m.end() - 1] + "." + folded[m.end() :]
        start = folded.find("\n", start)
        start = start + 1 if start >= 0 else -1
    return folded
