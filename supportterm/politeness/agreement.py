"""Provides Russian verb agreement for the "ты" -> "вы" rewrite.

Swapping the pronoun alone turns "ты должен был прочитать" into "вы должен был", which is wrong and reads
worse than the original. After "ты" the words that agree with it (past tense, short adjectives, "должен")
are put in the plural too, and the finding's span grows to cover them, so one key applies a correct fix.
"""

from __future__ import annotations

import re

from .findings import Finding

_SHORT = {"должен": "должны", "должна": "должны", "прав": "правы", "права": "правы", "уверен": "уверены",
          "уверена": "уверены", "готов": "готовы", "готова": "готовы", "согласен": "согласны",
          "согласна": "согласны", "обязан": "обязаны", "обязана": "обязаны", "был": "были", "была": "были",
          "сам": "сами", "сама": "сами", "один": "одни", "одна": "одни", "виноват": "виноваты",
          "виновата": "виноваты", "занят": "заняты", "занята": "заняты"}
_PAST = re.compile(r"^(\w+?)(л|ла|лся|лась)$")
_WORD = re.compile(r"\s+(\w+)")


def _plural(word: str) -> str | None:
    lower = word.lower()
    if lower in _SHORT:
        return _SHORT[lower]
    match = _PAST.match(lower)
    if match and len(match.group(1)) >= 2:
        return match.group(1) + ("лись" if match.group(2) in ("лся", "лась") else "ли")
    return None


def agree(text: str, findings: list[Finding]) -> list[Finding]:
    """Findings with each "ты" -> "вы" rewrite extended over the words that agree with it."""
    out = []
    for f in findings:
        if f.category == "informal_address" and f.suggestion and text[f.start:f.end].lower() == "ты":
            end, words = f.end, [f.suggestion]
            while (m := _WORD.match(text, end)) and (plural := _plural(m.group(1))) is not None:
                words.append(plural)
                end = m.end()
            if end != f.end:
                f = f._replace(end=end, suggestion=" ".join(words))
        out.append(f)
    return out
