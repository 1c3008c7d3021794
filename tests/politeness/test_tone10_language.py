"""Tests that language detection's byte-level counts and word split give the answers of the plain
regex scans: each property they rest on is checked on every code point, and `detect` is compared
with the original on edge cases and on every labelled reply."""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import language

from .labelled import original_detect, texts

_ORIGINAL_WORD = re.compile(r"[^\W\d_]+")
_CODE_POINTS = [chr(code) for code in range(0x110000)]


def test_a_letter_is_a_whole_word_and_a_space_is_never_in_one() -> None:
    """`_words` keeps `str.isalpha` tokens whole and trusts `str.split` to cut between words."""
    word_chars = set(_ORIGINAL_WORD.findall("\0".join(_CODE_POINTS)))
    assert not [ch for ch in _CODE_POINTS if ch.isalpha() and ch not in word_chars]
    assert not [ch for ch in _CODE_POINTS if ch.isspace() and ch in word_chars]


def test_cp1251_bytes_of_russian_letters_belong_to_them_alone() -> None:
    """`_russian_letters` counts the bytes that only а…я and ё encode to in cp1251."""
    counted = [ch for ch in _CODE_POINTS if language._russian_letters(ch)]
    assert "".join(counted) == "".join(sorted("абвгдежзийклмнопрстуфхцчшщъыьэюяё"))
    assert all(language._russian_letters(ch) == 1 for ch in counted)


@pytest.mark.parametrize(
    "text",
    [
        "Спасибо, мы проверим",
        "Salam, təşəkkür edirik",
        "İlahə, İşləmir: «yaddaş» — sonra",  # İ lowers to i + a combining dot, not a letter
        "Спасибо — the and you your to is are of for in it that this we our",
        "abc ²³ ½ Ⅻ ٣٤ x_y",  # non-decimal digits are word characters, decimal ones are not
        "mi\u00a0sun\u2003día\u3000über",  # Unicode spaces split words
        "Ѐ ђ ѣ Ѡ і ї є ґ абв",  # Cyrillic letters outside [а-яё]
        "ab\ud800cd ёж",  # a lone surrogate
        "\u212a sign и т",  # the Kelvin sign lowers to an ASCII k
        "дом",
        "до",
        "аб cd",
        "a b",
        "",
    ],
)
def test_detect_agrees_with_the_original_on_edge_cases(text: str) -> None:
    for default in ("en", ""):
        assert language.detect(text, default) == original_detect(text, default)


def test_detect_agrees_with_the_original_on_mixed_scripts() -> None:
    """Random mixes of Russian, Azerbaijani, English and odd characters, near the 40 % line."""
    rng = random.Random(10)
    pieces = "мы спасибо və üçün the and für i̇lahə — « » 3 ² _ x ё ə é ß ǅ \u00a0 \n".split(" ")
    for _ in range(5000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert language.detect(text, "") == original_detect(text, ""), text


def test_detect_agrees_with_the_original_on_every_labelled_reply() -> None:
    for text in texts():
        for cut in (600, 80):
            assert language.detect(text[:cut], "") == original_detect(text[:cut], ""), text[:cut]
