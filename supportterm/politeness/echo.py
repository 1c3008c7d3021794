"""Provides `drop_echoed_insults`: a rude word the agent repeats from the customer's message, named as theirs.

Why: "A ripped saddle is not how a bike should arrive, and I understand why you'd call it crap" repeats the
customer's own word ("The bike you sent is crap") to agree with them, without quotation marks, so masking does
not hide it. The word is the customer's when their message holds it and the words just before it say that
someone calls, names or describes it so ("you'd call it", «Вы назвали», "adlandırırsınız").
"""

from __future__ import annotations

import re

from .findings import Finding

_NAMING_BEFORE = re.compile(
    r"(?i)(?:\bcall(?:s|ed|ing)?|\bdescrib(?:e|es|ed|ing)|\bsaid|\bsay|\bword|назвал\w*|называ\w*|назвать|нарекли"
    r"|adlandır\w*|deyirsiniz|dediniz|adlandırdınız)\s+(?:it|this|them|us|him|her|это|его|её|ее|нас|их|bunu|onu|bizi)?\s*"
    r"(?:as\s+|как\s+)?[\"'«“]?$"
)
_WINDOW = 40
_WORD = re.compile(r"\w+")


def drop_echoed_insults(found: list[Finding], text: str, customer_text: str | None) -> list[Finding]:
    """The findings without rude words that repeat the customer's own, said to be what they call it."""
    if not customer_text or not any(f.category == "rude" for f in found):
        return found
    theirs = " ".join(_WORD.findall(customer_text.lower()))
    out = []
    for f in found:
        if f.category == "rude":
            word = " ".join(_WORD.findall(text[f.start : f.end].lower()))
            if word and f" {word} " in f" {theirs} " and _NAMING_BEFORE.search(text, max(0, f.start - _WINDOW), f.start):
                continue
        out.append(f)
    return out
