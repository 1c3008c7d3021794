"""Tests that the shortcuts in the secret, figure, address and language scans change no result: each
pinned on its edge (Unicode digits, quotes that hide a number, case folding to ASCII) and on every
labelled reply."""

from __future__ import annotations

import re

import pytest

from supportterm.politeness import address, confidential, language, secrets
from supportterm.politeness.literals import DIGIT_FIRST
from supportterm.politeness.prepared import Prepared

from . import originals
from .labelled import original_detect, texts

_DIGIT_FIRST = re.compile(DIGIT_FIRST)

_ORIGINAL_DIGIT_RUN = re.compile(r"\d[\d\s().-]{7,}\d")


def test_no_decimal_digit_lies_between_nine_and_the_range_start() -> None:
    """The digit patterns open with "0"-"9" and U+0660 on: that must hold every `\\d`."""
    assert not [code for code in range(ord("9") + 1, 0x660) if chr(code).isdecimal()]
    assert chr(0x660).isdecimal()


def test_the_digit_opening_class_is_nine_and_below_plus_u0660_on() -> None:
    """`DIGIT_FIRST` is written as a negated class (cheap to compile): it accepts exactly "0"-"9" below
    U+0660 and every decimal digit above; so does the phone opening, with "(" to "9"."""
    opening = re.compile(DIGIT_FIRST.split("(?<=")[0])
    phone = re.compile(secrets._PHONE.pattern.split("(?<!")[0])
    below = [chr(code) for code in range(0x660)]
    assert [ch for ch in below if opening.match(ch)] == list("0123456789")
    assert [ch for ch in below if phone.match(ch)] == [chr(code) for code in range(ord("("), ord("9") + 1)]
    digits = [chr(code) for code in range(0x660, 0x110000) if chr(code).isdecimal()]
    assert all(opening.match(ch) and phone.match(ch) for ch in digits)
    assert opening.match("\U0010ffff") and phone.match("\U0010ffff")


@pytest.mark.parametrize(
    "text",
    [
        "call ٠١٢٣٤٥٦٧٨٩ now",  # Arabic-Indic digits
        "call ０１２ ３４５ ６７８ now",  # fullwidth digits
        "²³¹ ²³¹ ²³¹ ²³¹",  # superscripts are digits but not decimal: \d skips them
        "+7 (912) 604-33-81",
        "12345678",  # one short of a run
        "1234\n56789",  # a run across a line break
        "“quoted” 1 2 3 4 5",
        "",
    ],
)
def test_digit_patterns_match_as_plain_digit_classes(text: str) -> None:
    assert bool(secrets._DIGIT_RUN.search(text)) == bool(_ORIGINAL_DIGIT_RUN.search(text))
    assert bool(_DIGIT_FIRST.search(text)) == bool(re.search(r"\d", text))


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_digit_patterns_agree_on_every_labelled_reply(lang: str) -> None:
    for text in texts(lang):
        assert bool(secrets._DIGIT_RUN.search(text)) == bool(_ORIGINAL_DIGIT_RUN.search(text)), text
        assert bool(_DIGIT_FIRST.search(text)) == bool(re.search(r"\d", text)), text


def test_a_number_only_in_quotes_is_no_phone() -> None:
    """The run found in the raw text is reused only when masking the quotes changed nothing."""
    quoted = 'You wrote "call me on 0207 946 0958", our phone number is below.'
    assert secrets._contacts(quoted, frozenset(), frozenset(), frozenset()) == []
    bare = "Please call my colleague, phone 0207 946 0958."
    assert secrets._contacts(bare, frozenset(), frozenset(), frozenset())


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the update, we will fix it.",
        "The \u212a sign lowers to an ASCII k: the and you",  # Kelvin sign: lower() makes it ASCII
        "snake_case the_and you2 your 3rd",  # digits and underscores split words
        "Спасибо, мы проверим",
        "Salam, təşəkkür edirik",
        "Danke und bitte",
        "a b",
        "",
    ],
)
def test_language_ascii_shortcut_detects_as_before(text: str) -> None:
    assert language.detect(text) == original_detect(text)
    assert language.detect(text, default="") == original_detect(text, default="")


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_language_detects_every_labelled_reply_as_before(lang: str) -> None:
    for text in texts(lang):
        assert language.detect(text[:600]) == original_detect(text[:600]), text


def test_bare_stems_are_found_at_every_kind_of_clause_end() -> None:
    """The walk skips clause ends whose letter before ends no stem; the stems themselves still count."""
    prep = Prepared.of("Faylı yaz, sonra pəncərəni bağla və yenidən gir\nSonra sil.", "az")
    found = {prep.text[f.start : f.end] for f in address.verb_rules(prep)}
    assert {"yaz", "bağla", "gir", "sil"} <= found
    assert all(stem[-1] in address._AZ_STEM_FINALS for stem in address._AZ_BARE_STEMS)


_ORIGINAL_NUMBER = re.compile(
    r"(?:[$€£₽₼]\s*\d|\b(?:EUR|USD|GBP|AZN|RUB)\s*\d|\d[\d\s.,]*\s*(?:%|[kKmM]\b|bn\b|mln|млн|млрд|тыс|milyon|milyard|min\b|million|billion|"
    r"thousand|manat|рубл|faiz|процент|percent|\$|€)|\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d{3,})"
)
"""The plain form of `confidential._NUMBER` (session 14 added the units faiz, процент, percent)."""


@pytest.mark.parametrize(
    "text",
    ["EUR 5", "EUR5", "xEUR 5", "_USD 5", "ЁRUB 5", "€ 5", "£\n3", "1 000", "1\u00a0000", "12%", "5k", "5 km", "99",
     "999", "٣٤٥", "RUB", "GBP x9", "AZN", "version 2", ""],
)
def test_number_pattern_finds_what_the_original_finds(text: str) -> None:
    for start in range(len(text) + 1):
        assert bool(confidential._NUMBER.search(text, start)) == bool(_ORIGINAL_NUMBER.search(text, start))
        assert bool(confidential._NUMBER.search(text, 0, start)) == bool(_ORIGINAL_NUMBER.search(text, 0, start))


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_number_pattern_agrees_on_every_labelled_sentence(lang: str) -> None:
    for text in texts(lang):
        breaks = originals.sentence_breaks(text)
        for left, right in zip((0, *(e for _, e in breaks)), (*(s for s, _ in breaks), len(text))):
            found = confidential._NUMBER.search(text, left, right)
            assert bool(found) == bool(_ORIGINAL_NUMBER.search(text, left, right)), text[left:right]


@pytest.mark.parametrize(
    ("window", "named"),
    [
        ("Ask your Colleague at 0207 946 0958", True),
        ("ANOTHER CUSTOMER wrote 0207 946 0958", True),
        ("my neighbor's phone", True),
        ("call us on 0207 946 0958", False),
        ("the ne\u0130ghbour's phone", True),  # (?i) lets İ match i though İ lower-cases to i + dot
        ("the ne\u0131ghbour's phone", True),  # (?i) lets dotless ı match i: searched, as it is not ASCII
        ("другой клиент оставил номер", True),
        ("başqa müştəri", True),
    ],
)
def test_other_person_screen_agrees_with_the_search(window: str, named: bool) -> None:
    assert secrets._names_other_person(window) == bool(secrets._OTHER_PERSON.search(window))
    assert secrets._names_other_person(window) == named
