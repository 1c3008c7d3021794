"""Tests that the Russian and Azerbaijani shared cues found from a plan made at import (no compiled
pattern used as a dict key per text; plain-string cues answered by their screen) are the cues the
plain search finds, in the same order."""

from __future__ import annotations

import random

from supportterm.politeness import tone_features
from supportterm.politeness.folding import fold
from supportterm.politeness.literals import may_match

from .labelled import replies


def _original_present(lang: str, folded: str) -> dict[str, float]:
    return {"S:" + name: 1.0 for name, rx in tone_features._SHARED[lang].items() if rx.search(folded)}


def _samples() -> list[tuple[str, str]]:
    rng = random.Random(31)
    words = [
        word
        for cues in tone_features._SHARED_CUES.values()
        for cue in cues.values()
        for word in cue.replace("(?<!\\w)", "").replace("(?:", "").replace(")", "").split("|")
    ]
    pieces = [*words, "спасибо", "мы", "наш", "biz", "tesekkur", "zehmet olmasa", ",", " ", "\n", "ё", "İ", "x"]
    randoms = [
        (" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))), lang)
        for lang in ("ru", "az")
        for _ in range(4000)
    ]
    return randoms + [(text, lang) for text, lang in replies() if lang in ("ru", "az")]


def test_plain_string_cues_are_exactly_their_screens() -> None:
    literal = tone_features._LITERAL_CUES
    assert {name for name, rx in tone_features._SHARED["ru"].items() if rx in literal} >= {"GRAT", "APOL", "HEDGE"}
    for text, lang in _samples():
        folded = fold(text, lang)
        for rx in literal:
            assert may_match(tone_features._SHARED_NEEDS[rx], folded) == bool(rx.search(folded)), (rx, folded)


def test_shared_cues_are_the_plain_searches_in_cue_order() -> None:
    for text, lang in _samples():
        folded = fold(tone_features.blank_names(text), lang)
        got = tone_features._shared_cues(lang, folded)
        assert list(got.items()) == list(_original_present(lang, folded).items()), (lang, folded)


def _original_opening_cues(folded: str, lang: str) -> list[str]:
    """The opening cues as `rx.match` on each head of `_SENTENCE.split` (the definition)."""
    heads = [sentence.lstrip() for sentence in tone_features._SENTENCE.split(folded)]
    cues = tone_features._OPENING.get(lang, tone_features._OPENING["en"])
    return [name for name, rx in cues.items() if any(rx.match(head) for head in heads)]


def _opening_cues(folded: str, lang: str) -> list[str]:
    feats = tone_features._surface_lines("", tone_features._cue_lines(folded), lang, 0)
    return [key[2:] for key in feats]


def test_cue_lines_find_the_opening_cues_of_the_split_heads() -> None:
    rng = random.Random(32)
    openers = [
        word
        for cues in tone_features._OPENING_CUES.values()
        for cue in cues.values()
        for word in cue.replace("(?:", "").replace(")", "").replace("(?!\\w", "").replace("\\b", "").split("|")
    ]
    marks = [".", "!", "?", ";", ":", ",", " ", " ", "  ", "\n", "\n\n", " \n ", "\t", "\xa0", "\u2028", "\u200b", "x"]
    pieces = openers + marks * 3
    samples = [
        ("".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 10))), lang)
        for lang in ("en", "ru", "az")
        for _ in range(8000)
    ]
    samples += [(text, lang) for text, lang in replies()]
    for text, lang in samples:
        folded = fold(tone_features.blank_names(text), lang)
        assert _opening_cues(folded, lang) == _original_opening_cues(folded, lang), (lang, folded)
