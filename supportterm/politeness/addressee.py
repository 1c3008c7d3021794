"""Provides `names`: the names of the two people in a reply (greeted and signing), in Latin letters.

Why: echoing the customer's own e-mail address is fine even when their last message did not
contain it ("I've sent it to olga.mendes@…, the address on your account"), and so is the agent's
own ("reach me at maria.lopez@…" signed "Maria Lopez"). An address whose local part starts with
one of these names is taken to be theirs; another person's address is not. Russian and
Azerbaijani names are transliterated so "Здравствуйте, Вера!" matches vera.k@….
"""

from __future__ import annotations

import re

_SIGNATURE_WORDS = 4
"""A last line with more words than this is a sentence, not a signature."""
_WORD = re.compile(r"[^\W\d_][^\W\d_'-]+")
_NOT_NAMES = frozenset(
    "hi hello hey dear good morning afternoon evening day greetings mr mrs ms miss dr sir madam team "
    "здравствуйте добрый доброе утро день вечер уважаемый уважаемая привет приветствую господин госпожа "
    "salam hörmətli hormetli xoş sabahınız günortanız axşamınız xeyir bəy xanım müəllim "
    "there all everyone".split()
)
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)
_AZERBAIJANI = {"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "x": "x", "q": "q"}
_PREFIX = 4
"""Letters of the name that must open the address's local part (short names: all of them)."""


_TO_LATIN = str.maketrans({**_AZERBAIJANI, **_CYRILLIC})
"""Both letter tables as one `str.translate` table (no letter is in both): one C call per word."""
_AZERBAIJANI_LETTER = re.compile("[əƏıİşŞçÇğĞöÖüÜ]")


def latin(word: str) -> str:
    """`word` in Latin letters, lower case (Cyrillic and Azerbaijani letters transliterated; also used by `brand`)."""
    lowered = word.replace("İ", "i").replace("I", "ı").lower() if _is_azerbaijani(word) else word.lower()
    return lowered.translate(_TO_LATIN).replace("_", "")


def _is_azerbaijani(word: str) -> bool:
    return _AZERBAIJANI_LETTER.search(word) is not None


_CLAUSE_END = re.compile(r"(?<=[,!.?:;])")


def _greeting(line: str) -> str:
    """The greeting clause of a first line: "Hi Mark," of "Hi Mark, the line drops …" (one-line replies),
    or "Здравствуйте, Вера!" when the greeting word stands alone before the name."""
    parts = _CLAUSE_END.split(line, maxsplit=2)
    head = parts[0]
    if len(parts) > 1 and all(w.lower() in _NOT_NAMES for w in _WORD.findall(head)):
        head += parts[1]
    return head


def _one_line_signature(line: str) -> str:
    """The name after the closing of a one-line reply ("… Best, Priya"), or nothing."""
    tail = re.split(r"[,.!?]", line.rstrip(" .!"))[-1]
    return tail if 0 < len(_WORD.findall(tail)) <= _SIGNATURE_WORDS else ""


def names(text: str) -> frozenset[str]:
    """Latin spellings of the names in the reply's greeting and in a short last line (the signature)."""
    first = text.lstrip().split("\n", 1)[0]
    last = text.rstrip().rsplit("\n", 1)[-1][-60:]
    greeting = _WORD.findall(_greeting(first[:80]))
    if "\n" not in text.strip():
        words = greeting + _WORD.findall(_one_line_signature(first))
    else:
        words = list(greeting)
        last_words = _WORD.findall(last)  # counted and read from one scan
        if len(last_words) <= _SIGNATURE_WORDS:
            words += last_words
    found = {latin(word) for word in words if _is_name(word)}
    found |= {GREETED + latin(word) for word in greeting if _is_name(word)}
    return frozenset(found)


GREETED = "^"
"""Marks the Latin spelling of a name in the greeting (also present unmarked): only the customer's own first
name vouches for an initial ('o.demidova@' greeting Ольга), not the agent's signature."""


def _is_name(word: str) -> bool:
    return word[:1].isupper() and len(word) >= 3 and word.lower() not in _NOT_NAMES


def owns(local_part: str, greeted: frozenset[str]) -> bool:
    """True when a part of an address's local part (split at . _ + -) starts like one of the greeted names:
    'kwame.osei@' is Mr. Osei's own address as much as 'osei.k@' is; so is 'k.osei@' greeting Kwame (an
    initial, then a word: another person's address is caught by its wording first)."""
    split = re.split(r"[._+-]", local_part.lower())
    parts = [part for part in split if len(part) >= 3]
    if any(part[:_PREFIX] == name[:_PREFIX] for part in parts for name in greeted):
        return True
    # 'o.demidova@' greeting "Ольга": an initial and a surname, the initial the greeted first name's
    return len(split) > 1 and len(split[0]) == 1 and len(split[1]) >= 3 and GREETED + split[0] in {
        name[:2] for name in greeted
    }
