"""Provides `shouted_lines`: capitals spread over one-word sentences ("STOP. READING. THE. WRONG. PAGE.").

The sentence rule of tone_rules looks at one sentence at a time, so shouting cut into one-word
sentences slips past it. This rule looks at a whole line: at least three words in capitals
(acronyms such as API or VPN do not count) making up most of its letters.
"""

from __future__ import annotations

import re
from itertools import filterfalse

from .findings import Finding, finding
from .prepared import Prepared
from .tone_rules import ACRONYMS, field_list, first_caps_pair, to_fill_in

_LINE = re.compile(r"[^\n]+")
_THREE_CAPS = re.compile(
    r"[A-ZА-ЯЁƏÖÜĞŞÇİ][A-ZА-ЯЁƏÖÜĞŞÇİ]+[^a-zа-яёəıöüğşç]+?[A-ZА-ЯЁƏÖÜĞŞÇİ]{2,}[^a-zа-яёəıöüğşç]+?"
    r"[A-ZА-ЯЁƏÖÜĞŞÇİ]{2,}"
)
"""Three capitalised words with no small letter between: a paragraph without them is skipped.
(It opens with one capital, not {2,}, so `re` skips ahead to capitals; it starts with two capitals, so
it is searched from the first pair of them, which the sentence rule has just found.)"""
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3
_SHARE = 0.7


def shouted_lines(prep: Prepared) -> list[Finding]:
    """A shouting finding for every line written mostly in capitals."""
    out: list[Finding] = []
    first = first_caps_pair(prep.masked)
    if first < 0 or _THREE_CAPS.search(prep.masked, first) is None:
        return out
    for line in _LINE.finditer(prep.masked):
        if field_list(prep.text[line.start():line.end()]):
            continue
        tokens = list(filterfalse(to_fill_in, _WORD.findall(line.group())))
        if len(tokens) < _MIN_WORDS:
            continue  # greetings, names, sign-offs: too few words to test one by one
        upper = [w for w in tokens if w.isupper() and w not in ACRONYMS]
        if len(upper) < _MIN_WORDS:
            continue
        words = [w for w in tokens if w not in ACRONYMS]
        if sum(map(len, upper)) >= _SHARE * sum(map(len, words)):
            start = line.start() + len(line.group()) - len(line.group().lstrip())
            out.append(finding("shouting", start, line.start() + len(line.group().rstrip())))
    return out
