"""Tests that the tone features' session-11 shortcuts give the original patterns' answers: identifier
marks found by a class of ranges, !!/?? found by `in` tests (and, below, the English tokenisation)."""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import tone_features

from .labelled import texts

_ORIGINAL_MARK = re.compile(r"[\d_]|\.[^\W_]|\(\)")


def _marks(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("after", ["a", ")", "", " ", "\u212a", "5"])
def test_identifier_marks_start_where_the_original_pattern_starts_for_every_code_point(after: str) -> None:
    """The class of ranges plus look-behinds is `[\\d_]|\\.[^\\W_]|\\(\\)` for every first character
    (non-ASCII digits such as ٣ and ０, the Kelvin sign, superscripts, surrogates) and what follows."""
    text = "".join(chr(code) + after for code in range(0x110000))
    assert _marks(tone_features._IDENTIFIER_MARK, text) == _marks(_ORIGINAL_MARK, text)


def test_identifier_marks_and_blanking_on_random_texts_and_labelled_replies() -> None:
    rng = random.Random(12)
    alphabet = "ab3_.() é٣０-x:,/\n`İı\u212a'"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(30_000)]
    for text in samples + texts():
        assert _marks(tone_features._IDENTIFIER_MARK, text) == _marks(_ORIGINAL_MARK, text), text
        assert tone_features._blank_identifiers(text) == tone_features._IDENTIFIERS.sub(" ", text), text


def test_multipunct_by_in_tests_is_the_pattern() -> None:
    rng = random.Random(5)
    samples = ["".join(rng.choice("!?a .\n") for _ in range(rng.randint(0, 8))) for _ in range(20_000)]
    for text in samples + texts():
        assert tone_features._has_multipunct(text) == bool(tone_features._MULTIPUNCT.search(text)), text
