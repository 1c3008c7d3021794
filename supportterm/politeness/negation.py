"""Provides `drop_negated` and `drop_names`: lexicon hits that the context shows are not meant.

Lexicon words such as "your fault", "ваша вина", "günahınız" or "stupid" are what an agent writes
to *deny* blame as well: "this is not your fault", "это не ваша вина", "bu, sizin günahınız deyil",
"that is not a stupid question". A negation right before the match (at most an article or
"at all" between) or an Azerbaijani "deyil/yox" right after it turns the finding off.

Informal pronouns written with a capital in the middle of a sentence are names, not address: the
shop "Твой Дом", the brand "Sənin Evin"; so is a rude word opening a Title Case run mid-sentence,
"the Stupid Fast Cache plugin" (`drop_names`).
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
_BEFORE_WORDS = ("no", "never", "n't", "не", "ни", "heç")
r"""One of these is in every match of `_BEFORE` ("no" in "not"): a window without any skips the search,
which its opening (`\b`, a look-behind) makes `re` try at each of the window's positions."""
_AFTER = re.compile(
    r"^\s+(?:deyil|deyildir|deyildi|deyilmiş|yox|yoxdur|yoxdu|olmadığ\w*|olmadan|olmayıb|olmamışdır|olmamışdı)(?!\w)"
)
"""'bu, Sizin günahınız deyildi', 'Sizin günahınız olmadığı təsdiqlənərsə', 'Sizin təqsiriniz olmadan' (without):
an Azerbaijani denial after the word."""
_SELF_BEFORE = re.compile(
    r"(?:\b(?:my|our)|(?<![\w-])(?:мой|моя|мое|мои|mənim))(?:\s+(?:own|really|possibly))?\s+$"
)
_SELF_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:(?:from|on)\s+my\s+(?:side|part|end)|of\s+mine|с\s+моей\s+стороны|məndən)(?!\w)"
)
"""'My stupid question', 'a stupid question from my side': the agent's self-deprecation, not an insult."""
_SELF_BEFORE_WORDS = ("my", "our", "мо", "mənim")
"""One of these is in every match of `_SELF_BEFORE` ("мо" in мой/моя/мое/мои): the same shortcut."""
_LOOK = 24
"""Characters looked at on each side of a match."""


def negated(folded: str, start: int, end: int) -> bool:
    """True when the folded text denies what `folded[start:end]` says."""
    before, after = folded[max(0, start - _LOOK) : start], folded[end : end + _LOOK]
    has = before.__contains__
    denied = (any(map(has, _BEFORE_WORDS)) and _BEFORE.search(before)) or _AFTER.match(after)
    own = any(map(has, _SELF_BEFORE_WORDS)) and _SELF_BEFORE.search(before)
    return bool(denied or own or _SELF_AFTER.match(after))


def drop_negated(found: list[Finding], prep: Prepared) -> list[Finding]:
    """`found` without the blame and rude findings that are negated in the reply."""
    return [f for f in found if f.category not in NEGATABLE or not negated(prep.folded, f.start, f.end)]


def _mid_sentence(text: str, start: int) -> bool:
    """True when the word at `start` follows other words of the same sentence."""
    before = text[:start].rstrip(" \t«\"'“„(")
    return bool(before) and before[-1] not in ".!?:;\n—–-"


_NEXT_CAPITALISED = re.compile(r"[ \t]+[^\W\d_]")


def _title_case_name(text: str, end: int) -> bool:
    """True when the next word is capitalised too: "the Stupid Fast Cache plugin" names a product."""
    m = _NEXT_CAPITALISED.match(text, end)
    return m is not None and m.group()[-1].isupper()


_NUMBERED_TITLE = re.compile(r"((?:[ \t]+[^\W\d_][\w'’-]*){1,4})[ \t]+v?\d")
"""A run of one to four words and then a number: "Stupid Zombies 3", "Dumb Ways 2 v1.4"."""


def _numbered_title(text: str, end: int) -> bool:
    """True when Title Case words and a number follow: "Stupid Zombies 3 version 2.1.4 crashed" names a
    game even where it opens the sentence, which `_mid_sentence` cannot tell from an insult."""
    m = _NUMBERED_TITLE.match(text, end)
    return m is not None and all(word[0].isupper() for word in m.group(1).split())


_TITLE_WORD = r"[ \t]+[^\W\d_a-zа-яё][^\W\d_A-ZА-ЯЁ][\w-]*"
"""A Title Case word after a space (a capital, then a lower-case letter: words in capitals are shouting, not names)."""
_TITLE_RUN = re.compile(rf"{_TITLE_WORD}['’]s(?!\w)|(?:{_TITLE_WORD}){{2}}")
"""A Title Case word in the possessive, or two of them, next: "Stupid Cupid's Roundhouse show" names a band and
"[cam:Stupid Garage Cam]" a device, even where the rude word opens the sentence."""


def _is_name(f: Finding, text: str) -> bool:
    if f.category not in ("informal_address", "rude"):
        return False
    if not text[f.start : f.start + 1].isupper():
        return False
    if not _mid_sentence(text, f.start):
        return f.category == "rude" and (_numbered_title(text, f.end) or _TITLE_RUN.match(text, f.end) is not None)
    return f.category == "informal_address" or _title_case_name(text, f.end)


def drop_names(found: list[Finding], prep: Prepared) -> list[Finding]:
    """`found` without hits capitalised mid-sentence: informal pronouns in names of shops and brands,
    rude words in a product's Title Case name ("the Stupid Fast Cache plugin")."""
    return [f for f in found if not _is_name(f, prep.text)]
