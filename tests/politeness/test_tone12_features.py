"""Tests that the tone features' session-11 shortcuts give the original patterns' answers: identifier
marks found by a class of ranges, !!/?? found by `in` tests (and, below, the English tokenisation)."""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import tone, tone_features

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


def _english_samples() -> list[str]:
    rng = random.Random(21)
    pieces = ["why", "could", "you", "please", "i", "my", "me", "your", "thanks", "so", "what", "hi", "let",
              "don't", "it's", "!", "?", "?!", ".", ";", ":", "\n", "\n\n", " ", ", ", "2.4", "x_y", ":)"]
    randoms = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(5000)]
    return ["", "Why? Could you? could you! So what.", *randoms, *texts("en")]


def test_known_openers_are_the_trainers_openers_the_model_knows_in_order() -> None:
    """The scorer's table lookups name the same opener features, in the same first-occurrence order."""
    for text in _english_samples():
        parts = tone_features.english_text(text[: tone.WINDOW])
        feats: dict[str, float] = {}
        tone_features._openers(parts.sentences, feats)
        assert list(tone._known_openers(parts.sentences)) == [k for k in feats if k in tone._WORDS], text


def test_english_strategies_from_counts_agree_with_the_set_of_other_words() -> None:
    for text in _english_samples():
        parts = tone_features.english_text(text)
        rest = {w for words, _ in parts.sentences for w in words[1:]}
        feats: dict[str, float] = {}
        tone_features._english_strategies(parts.sentences, parts.pairs, parts.low, feats, set(parts.words), parts.words)
        assert ("E:FIRST" in feats) == bool(rest & tone_features._FIRST_PERSON), text
        assert ("E:SECOND" in feats) == bool(rest & tone_features._SECOND_PERSON), text
        plain: dict[str, float] = {}
        tone_features._english_strategies(parts.sentences, parts.pairs, parts.low, plain)
        assert list(feats.items()) == list(plain.items()), text


def test_the_fused_english_score_is_the_trainers_dot_product_on_random_texts() -> None:
    for text in _english_samples()[:6000]:
        text = text[: tone.WINDOW]
        feats = tone_features.english_features(text, tone._VALENCE, 1, tone._WORDS.__contains__)
        expected = tone._INTERCEPT + sum(tone._WORDS.get(k, 0.0) * v for k, v in feats.items())
        assert tone.raw_score(text, "en", 1) == expected, text
