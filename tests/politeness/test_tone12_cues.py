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
