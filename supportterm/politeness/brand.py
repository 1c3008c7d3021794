"""Provides `drop_company_mailboxes`: an e-mail address at the company's own domain is nobody's private one.

The secret rule flags an address that is neither the customer's nor a role mailbox ("support@",
"billing@"). Agents also give the company's other mailboxes ("results@vetzabota.ru", "anna.k@dabli.az")
and sign with the brand the domain spells, often in another script («ВетЗабота», "Dəbli"). When a word
of the signature (the last lines, not the one with the address), or two of its words run together,
spells the domain's name, the address is the company's. A brand named in the body is not enough: it may
be another customer's firm ("«Günəş Market» … aynur.m@gunesmarket.az"). Free mail providers are never
a brand: "gmail" in "check your Gmail" proves nothing.
"""

from __future__ import annotations

import re

from .addressee import latin
from .findings import Finding

_FREE_MAIL = frozenset(
    "gmail googlemail yahoo outlook hotmail live msn icloud me mac aol proton protonmail pm gmx web yandex ya "
    "mail inbox list bk rambler ukr zoho fastmail tutanota hey".split()
)
_SIGNATURE_LINES = 3
"""Non-empty lines at the end of a reply that may hold its signature ("Никита, поддержка «ВетЗабота»")."""
_MIN_LABEL = 4
"""A shorter name ("abc") would be spelt by chance by some word of the reply."""
_WORD = re.compile(r"[^\W_]+")
_SECOND_SPELLINGS = str.maketrans(
    {"х": "h", "ц": "c", "щ": "sch", "й": "i", "ю": "iu", "я": "ia", "ж": "j", "ş": "sh", "ç": "ch"}
)
"""The other common Latin spellings of the letters `addressee.latin` spells one way ('Himki', 'Cvetok', 'Shirvan')."""


def _spellings(text: str) -> set[str]:
    """Latin spellings of each word of `text` and of each pair of neighbouring words run together."""
    out: set[str] = set()
    for form in (text, text.lower().translate(_SECOND_SPELLINGS)):
        words = [latin(w) for w in _WORD.findall(form)]
        out.update(words)
        out.update(a + b for a, b in zip(words, words[1:], strict=False))
    return out


def _label(address: str) -> str:
    """The name a domain spells: 'results@lab.vetzabota.ru' -> 'vetzabota' (hyphens dropped)."""
    parts = address.rsplit("@", 1)[-1].lower().split(".")
    return (parts[-2] if len(parts) >= 2 else parts[0]).replace("-", "")


def drop_company_mailboxes(found: list[Finding], text: str) -> list[Finding]:
    """`found` without the secret findings on an address at a domain its signature names."""
    mailboxes = [f for f in found if f.category == "secret" and "@" in text[f.start : f.end]]
    if not mailboxes:
        return found
    signature = [line for line in text.splitlines() if line.strip()][-_SIGNATURE_LINES:]
    spelt = _spellings("\n".join(line for line in signature if "@" not in line))
    ours = {
        id(f)
        for f in mailboxes
        if len(label := _label(text[f.start : f.end])) >= _MIN_LABEL and label not in _FREE_MAIL and label in spelt
    }
    return [f for f in found if id(f) not in ours]
