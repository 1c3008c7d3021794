"""Tests that the session-13 shortcuts in the secret detectors change no result.

The `(?i)` context patterns (`_OWN_CONTEXT`, `_OTHER_PERSON`, `_NOT_A_PHONE`) are now searched as
case-sensitive twins in the window's `_ignorecase_form`, every alternative opening with a literal.
Compared with the plain searches on edge cases (Turkish/Azerbaijani İ and ı, the Kelvin sign, the long
s, old Cyrillic letter forms, capitals, word starts), on random texts and on windows of every labelled
reply; `_ignorecase_form` is checked on every code point against `(?i)` and the classes.
"""

from __future__ import annotations

import re

import pytest

from supportterm.politeness import secrets

from .ignorecase_walk import assert_form_matches_literals, literal_characters
from .labelled import random_texts, texts

_SEARCHES = {
    "own": (secrets._OWN_WORDING, secrets._OWN_CONTEXT),
    "other": (secrets._OTHER_PERSON_WORDING, secrets._OTHER_PERSON),
    "not_a_phone": (secrets._NOT_A_PHONE_WORDING, secrets._NOT_A_PHONE),
}


def test_alternatives_split_only_at_the_top_level() -> None:
    split = secrets._top_level_alternatives
    assert split(r"(?:a|b)c|d") == [r"(?:a|b)c", "d"]
    assert split(r"(?:a|b)") == ["a", "b"]
    assert split(r"(?:a|b)|(?:c)") == ["(?:a|b)", "(?:c)"]
    assert split(r"(?:a)(?:b|c)") == ["(?:a)(?:b|c)"]
    assert split(r"[|(]x|\|y|[]|]z") == ["[|(]x", r"\|y", "[]|]z"]
    assert split(r"[^]|]a|b") == ["[^]|]a", "b"]


def test_alternatives_open_with_a_literal() -> None:
    opening = secrets._opening_literally
    assert opening(r"(?:reach|write\s+to)\s+me\b") == [r"reach\s+me\b", r"write\s+to\s+me\b"]
    assert opening(r"(?:(?:a|b)c|d)e") == ["ace", "bce", "de"]
    assert opening(r"\bmy\s+x") == [r"m(?<!\w.)y\s+x"]
    assert opening(r"your\s+(?:a|b)") == [r"your\s+(?:a|b)"]
    assert opening(r"(?:a|b)?c") == [r"(?:a|b)?c"]
    assert opening(r"(?:a|b){2}c") == [r"(?:a|b){2}c"]
    for wording, _ in _SEARCHES.values():
        for source in wording.sources:
            assert source[0].isalpha(), source


def test_twin_sources_are_in_form() -> None:
    assert secrets._form_source(r"ÜNVANINIZ\s+\W\S\bK") == r"ünvaniniz\s+\W\S\bk"
    assert secrets._form_source(r"hesabınızdakı|İD") == r"hesabinizdaki|id"


@pytest.mark.parametrize("name", sorted(_SEARCHES))
def test_patterns_hold_no_letter_in_a_class(name: str) -> None:
    _, pattern = _SEARCHES[name]
    for found in re.finditer(r"\[(\^?\]?[^]]*)\]", pattern.pattern):
        assert not re.search(r"(?<!\\)[^\W\d_]", found.group(1)), found.group()


def test_ignorecase_form_matches_as_case_insensitive_literals_do() -> None:
    literals = literal_characters((pattern for _, pattern in _SEARCHES.values()), " -.")
    assert "ı" in literals and "ü" in literals and "в" in literals and "k" in literals
    assert_form_matches_literals(literals)


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
    "xmy email",
    "_my number",
    "9my phone",
    "my\u212aey my address",
    "MY\tADDRESS",
    "reach\nme",
    "reach meow",
]
_PIECES = [
    "your ", "YOUR ", "on ", "address", "number", "account", "profile", "file ", "for ", "you ", "me",
    "my ", "xmy ", "_my ", "9my ", "e-mail", "email", "reach ", "call ", "write ", "to ", "gave ", "that ",
    "one ", "direct ",
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
            assert wording.search(form) == bool(pattern.search(window)), (pattern.pattern[:30], window)
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
