"""Tests that the session-15 shortcut in the phone rule of the secret detectors changes no result.

The `(?i)` searches before a phone number (`_COMPANY_CONTACTS` over 300 characters, `_PHONE_CONTEXT` over
40) are now case-sensitive twins searched in the window's `_ignorecase_form`, from one character after
its start when the window does not start the text (`_wording_before`). Compared with the plain
searches at every position of edge cases (Turkish/Azerbaijani İ and ı, the Kelvin sign, the long s,
old Cyrillic letter forms, fullwidth and Arabic-Indic digits, apostrophes, word starts cut by the
window), of random texts and at every digit of every labelled reply; `_ignorecase_form` is checked on
every code point for the literals of both patterns, as test_lat13_secrets.py does for the others.
"""

from __future__ import annotations

import re

import pytest

from supportterm.politeness import secrets

from .ignorecase_walk import assert_form_matches_literals, literal_characters
from .labelled import random_texts, texts

_WORDINGS = {
    "company": (secrets._COMPANY_WORDING, secrets._COMPANY_CONTACTS, secrets._COMPANY_CONTACTS_BEFORE),
    "phone": (secrets._PHONE_WORDING, secrets._PHONE_CONTEXT, 40),
}


def _original(pattern: re.Pattern[str], text: str, start: int, width: int) -> bool:
    return pattern.search(text, max(0, start - width), start) is not None


def test_twins_open_with_letters_and_hold_no_letter_in_a_class() -> None:
    for wording, pattern, _ in _WORDINGS.values():
        for source in wording.sources:
            assert source[0].isalpha(), source
        for found in re.finditer(r"\[(\^?\]?[^]]*)\]", pattern.pattern):
            assert not re.search(r"(?<!\\)[^\W\d_]", found.group(1)), found.group()


def test_ignorecase_form_matches_the_literals_as_case_insensitive_search_does() -> None:
    literals = literal_characters((pattern for _, pattern, _ in _WORDINGS.values()), " .")
    assert {"ə", "ö", "ш", "x", "s", "z"} <= set(literals)
    assert_form_matches_literals(literals)


_EDGE_CASES = [
    "",
    "7",
    "Contact us: 7",
    "CONTACT US 7",
    "contact usa 7",
    "recontact us 7",
    "Our hotline 7",
    "tour hotline 7",
    "détour hotline 7",
    "_our number 7",
    "9our phone 7",
    "OUR HOTLİNE 7",
    "our hotl\u0131ne 7",
    "our \u017fupport line 7",
    "call us\u212a 7",
    "Call us\n7",
    "свяжитесь с нами 7",
    "СВЯЖИТЕСЬ НАМ 7",
    "позвоните нам 7",
    "с нами можно 7",
    "наш телефон 7",
    "НАШ WHATSAPP 7",
    "наᲃ номер 7",
    "Bizimlə əlaqə 7",
    "BİZİMLƏ 7",
    "bizə zəng 7",
    "BIZƏ ZƏNG 7",
    "qaynar xətt 7",
    "QAYNAR XƏTT 7",
    "əlaqə nömrəmiz 7",
    "ƏLAQƏ NÖMRƏMİZ 7",
    "phone: 7",
    "PHONE 7",
    "tel. 7",
    "тел. 7",
    "ТЕЛ 7",
    "моб. 7",
    "nömrə 7",
    "NÖMRƏ 7",
    "nomre 7",
    "reach him 7",
    "REACH THEM 7",
    "reach\nher 7",
    "reach   hers 7",
    "what's app 7",
    "whatsapp\u2019s 7",
    "tele\uff10\uff11 7",
    "call \u0661\u0662 7",
    "x" * 290 + " our hotline 7",
    "x" * 299 + "our hotline 7",
    "x" * 300 + "our hotline 7",
    "x" * 301 + "our hotline 7",
    "t" + "our hotline".ljust(300) + "7",
    "t" + "our hotline".ljust(299) + "7",
    " " + "our hotline".ljust(300) + "7",
    "y" * 33 + "phone 7",
    "y" * 36 + "phone 7",
    "y" * 37 + "phone 7",
]
_PIECES = [
    "contact ", "reach ", "call ", "text ", "message ", "us", "us ", "our ", "tour ", "hotline", "helpline",
    "support ", "line", "whatsapp", "phone", "number", "tel", "mobile", "him", "her", "them",
    "свяж", "итесь ", "связаться ", "позвоните ", "пишите ", "напишите ", "нам", "с ", "нами ", "можно",
    "наш", "его ", "телефон", "номер", "горяч", "тел.", "моб", "звоните",
    "bizimlə", "bizə ", "zəng", "yaz", "qaynar ", "xətt", "əlaqə ", "nömrəmiz", "nömrə", "telefon", "mobil",
    "İ", "ı", "I", "i", "ſ", "\u212a", "\u1c80", "\u1c83", "'", "\u2019", "\uff11", "\u0661",
    " ", "  ", "\n", "\t", ".", ",", ":", "7", "x", "_",
]
_CASES = _EDGE_CASES + random_texts(_PIECES, 3000, 15, 16)


@pytest.mark.parametrize("name", sorted(_WORDINGS))
def test_wording_before_agrees_on_edge_cases_and_random_texts(name: str) -> None:
    """At the rule's width and at narrow ones, so that windows start inside the short texts too."""
    wording, pattern, rule_width = _WORDINGS[name]
    for width in (rule_width, 5, 12, 21):
        for text in _CASES:
            for start in range(len(text) + 1):
                expected = _original(pattern, text, start, width)
                assert secrets._wording_before(wording, text, start, width) == expected, (text, start, width)


@pytest.mark.parametrize("name", sorted(_WORDINGS))
def test_wording_before_agrees_on_every_labelled_reply(name: str) -> None:
    wording, pattern, width = _WORDINGS[name]
    checked = 0
    for text in texts():
        for m in re.finditer(r"\d|\+|\(", text):
            expected = _original(pattern, text, m.start(), width)
            assert secrets._wording_before(wording, text, m.start(), width) == expected, (text, m.start())
            checked += 1
    assert checked > 10_000


def _original_password_like(value: str) -> bool:
    """`secrets._password_like` as it was: the character tests as generators."""
    if secrets._PLACEHOLDER.match(value) or value.rstrip(".,;:!?").isalpha():
        return False
    return any(ch.isalpha() for ch in value) and any(not ch.isalpha() for ch in value)


def test_password_like_is_unchanged() -> None:
    pieces = ["a", "Z", "ı", "İ", "ə", "я", "\u212a", "ª", "ʼ", "1", "\uff11", "\u0661", "!", ".", "-", "_",
              "*", "x", "•", " ", "your", "http"]
    values = ["", "abc", "abc1", "123", "Winter2024!", "x1", "••••", "ab.", "\u212a1", "ªª", "ʼa"]
    values += random_texts(pieces, 3000, 16, 10)
    values += [m.group(1) for text in texts() for m in secrets._AFTER_SLASH.finditer(text)]
    for value in values:
        assert secrets._password_like(value) == _original_password_like(value), value
