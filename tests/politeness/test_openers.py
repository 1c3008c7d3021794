"""Tests `search_at_openers`: the rules that use it find exactly what a plain search finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from supportterm.politeness import address, closure, selfservice
from supportterm.politeness.folding import fold
from supportterm.politeness.openers import finditer_at_openers, opener_positions, search_at_openers

SETS = Path(__file__).parent

CASES = [
    ("closure", lang, closure._CLOSING[lang], openers) for lang, openers in closure.CLOSING_OPENERS.items()
] + [
    ("selfservice", lang, selfservice._YOURSELF[lang], openers)
    for lang, openers in selfservice.YOURSELF_OPENERS.items()
]


def _texts(lang: str) -> list[str]:
    """Every reply and customer message of the labelled sets in `lang`, folded as the rules see them."""
    out = []
    for path in sorted(SETS.glob(f"**/{lang}.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                out += [fold(str(item[key]), lang) for key in ("text", "customer_text") if item.get(key)]
    return out


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


@pytest.mark.parametrize(("rule", "lang", "pattern", "openers"), CASES)
def test_same_match_as_search_on_every_labelled_text(rule, lang, pattern, openers):
    texts = _texts(lang)
    found = 0
    for text in texts:
        # Several sentences joined: the leftmost match must win, as with search.
        for candidate in (text, text + "\n\n" + text):
            expected = _span(pattern.search(candidate))
            assert _span(search_at_openers(pattern, candidate, openers)) == expected, (rule, candidate)
            found += expected is not None
    assert texts and found, f"{rule}/{lang}: the sets should contain some matches to compare"


def test_finditer_same_matches_as_finditer_on_every_labelled_text():
    pattern, openers = address._RU_THANKS_PAST, address._RU_THANKS_OPENERS
    found = 0
    for text in _texts("ru"):
        candidate = text + "\n\n" + text
        expected = [m.span() for m in pattern.finditer(candidate)]
        assert [m.span() for m in finditer_at_openers(pattern, candidate, openers)] == expected, candidate
        found += len(expected)
    assert found, "the Russian sets should thank someone informally somewhere"


def test_opener_positions_are_sorted_and_distinct():
    assert opener_positions("сами можете сможете", ("можете", "сможете", "сам")) == [0, 5, 12, 13]
    assert opener_positions("abc", ("x",)) == []


def test_lookbehind_sees_text_before_the_opener():
    pattern = re.compile(r"(?<![\w-])(?:закрываю)\s+тикет")
    assert search_at_openers(pattern, "назакрываю тикет", ("закр",)) is None
    assert search_at_openers(pattern, "я закрываю тикет", ("закр",)).span() == (2, 16)
