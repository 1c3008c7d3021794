"""Tests that the session-13 shortcuts in the secret detectors change no result.

The `(?i)` context patterns (`_OWN_CONTEXT`, `_OTHER_PERSON`, `_NOT_A_PHONE`) are now searched one
top-level alternative at a time, each only when the window's `_ignorecase_form` holds one of its
literal strings. Compared with the plain searches on edge cases (Turkish/Azerbaijani İ and ı, the
Kelvin sign, the long s, old Cyrillic letter forms, capitals), on random texts and on windows of
every labelled reply; `_ignorecase_form` is checked on every code point.
"""

from __future__ import annotations

import re
import sys

import pytest

from supportterm.politeness import secrets

from .labelled import random_texts, texts

_SEARCHES = {
    "own": (secrets._OWN_WORDING, secrets._OWN_CONTEXT),
    "other": (secrets._OTHER_PERSON_WORDING, secrets._OTHER_PERSON),
    "not_a_phone": (secrets._NOT_A_PHONE_WORDING, secrets._NOT_A_PHONE),
}


@pytest.mark.parametrize("name", sorted(_SEARCHES))
def test_alternatives_rebuild_the_pattern(name: str) -> None:
    wording, pattern = _SEARCHES[name]
    joined = "|".join(wording.sources)
    assert pattern.pattern in ("(?i)" + joined, "(?i)(?:" + joined + ")")
    assert len(wording.sources) == len(wording.screens) == len(wording.patterns)


def test_alternatives_split_only_at_the_top_level() -> None:
    split = secrets._top_level_alternatives
    assert split(r"(?:a|b)c|d") == [r"(?:a|b)c", "d"]
    assert split(r"(?:a|b)") == ["a", "b"]
    assert split(r"(?:a|b)|(?:c)") == ["(?:a|b)", "(?:c)"]
    assert split(r"(?:a)(?:b|c)") == ["(?:a)(?:b|c)"]
    assert split(r"[|(]x|\|y|[]|]z") == ["[|(]x", r"\|y", "[]|]z"]
    assert split(r"[^]|]a|b") == ["[^]|]a", "b"]


def _literal_characters() -> str:
    """Every character of the literal strings the screens are built from (before their form)."""
    chars: set[str] = set()
    for wording, _ in _SEARCHES.values():
        for source in wording.sources:
            needs = secrets.required_literals(source)
            for term in needs or ():
                for choice in term:
                    for string in choice:
                        chars |= set(string)
    return "".join(sorted(chars))


def test_ignorecase_form_keeps_every_case_insensitive_match() -> None:
    """Wherever `(?i)` lets a character match a literal one, both have the same form (one character)."""
    literals = _literal_characters()
    assert "ı" in literals and "ü" in literals and "в" in literals
    any_literal = re.compile("(?i)[" + re.escape(literals) + "]")
    form = secrets._ignorecase_form
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert len(form(char)) == 1 or 0xD800 <= code <= 0xDFFF, hex(code)
        if any_literal.fullmatch(char):
            for literal in literals:
                if re.fullmatch("(?i)" + re.escape(literal), char):
                    assert form(char) == form(literal), (hex(code), literal)


def test_ignorecase_form_is_character_by_character() -> None:
    form = secrets._ignorecase_form
    for text in ["İSTİFADƏÇİ", "ıİiI", "ſᲀᲁ\u212a", "Ünvanınız", "ПИШИТЕ МНЕ", "ΣΑΣ Σ", "plain ascii"]:
        assert form(text) == "".join(map(form, text)) or "Σ" in text, text
        assert len(form(text)) == len(text)


_EDGE_CASES = [
    "",
    "Write to me at x@y.az",
    "REACH ME directly",
    "the address on your account",
    "on your PROFİLE",
    "on your profıle",
    "ON FİLE FOR YOU",
    "my e-mail",
    "MY EMAİL and my e\u0131mail",
    "ВАШ НОВЫЙ АДРЕС",
    "ваш ᲁругой aдрес",
    "ᲂставили котоᲃые вы указали",
    "который вы ᲁали",
    "ÜNVANINIZ",
    "unvaniniz",
    "ünvanınız",
    "HESABINIZDAKI",
    "hesabinizdaki",
    "NÖMRƏNİZ",
    "mənə birbaşa",
    "MƏNƏ ZƏNG",
    "Another Customer",
    "another \u212austomer",
    "ne\u0130ghbour",
    "ne\u0131ghbor",
    "COLLEAGUE",
    "друг\u1c81ого клиента",
    "ДРУГОЙ КЛИЕНТ",
    "BAŞQA MÜŞTƏRİ",
    "qonşu",
    "QONŞU",
    "tracking number ",
    "TRACKING NO",
    "ref. ",
    "REF.",
    "заказ №",
    "ЗАКАЗ ",
    "siFARİŞ ",
    "sifariş 12.",
    "izləmə kodu",
    "Order\n",
    "order 5.",
    "\u017fifariş",
    "con\u017fignment",
]
_PIECES = [
    "your ", "YOUR ", "on ", "address", "number", "account", "profile", "file ", "for ", "you ", "me",
    "my ", "e-mail", "email", "reach ", "call ", "write ", "to ", "gave ", "that ", "one ", "direct ",
    "ваш", "ВАШ", "его ", "адрес", "номер", "из ", "профиля", "мне ", "напрямую", "пишите ", "мой ",
    "котор", "ые ", "вы ", "указали", "ünvanınız", "ÜNVANINIZ", "nömrəniz", "mənə ", "zəng", "nömrə",
    "another ", "other ", "customer", "colleague", "neighbour", "NEIGHBOR", "друг", "ой ", "клиент",
    "сосед", "başqa ", "müştəri", "qonşu", "tracking ", "order ", "ref.", "заказ ", "sifariş ",
    "İ", "ı", "I", "i", "ſ", "\u212a", "\u1c80", "\u1c81", "\u1c82", " ", "  ", "\n", ".", ",", "7", "x",
]
_CASES = _EDGE_CASES + random_texts(_PIECES, 4000, 13, 14)


def _windows() -> list[str]:
    """Windows of every labelled reply around each "@" and digit, as `_theirs` takes them."""
    out = []
    for text in texts():
        for m in re.finditer(r"@|\d+", text):
            out.append(text[max(0, m.start() - secrets._CONTEXT) : m.end() + secrets._CONTEXT])
    return out


@pytest.mark.parametrize("source", ["cases", "labelled"])
def test_case_blind_searches_agree_with_the_patterns(source: str) -> None:
    windows = _CASES if source == "cases" else _windows()
    assert len(windows) > 1000
    for window in windows:
        form = secrets._ignorecase_form(window)
        for wording, pattern in _SEARCHES.values():
            assert wording.search(window, form) == bool(pattern.search(window)), (pattern.pattern[:30], window)
        assert secrets._names_other_person(window) == bool(secrets._OTHER_PERSON.search(window)), window


@pytest.mark.parametrize("source", ["cases", "labelled"])
def test_not_a_phone_agrees_with_the_search(source: str) -> None:
    cases = _CASES if source == "cases" else texts()
    for text in cases:
        for start in {*range(0, len(text), 7), len(text)} if source == "cases" else {
            m.start() for m in re.finditer(r"\d", text)
        }:
            expected = secrets._NOT_A_PHONE.search(text, max(0, start - 40), start) is not None
            assert secrets._not_a_phone(text, start) == expected, (text, start)
