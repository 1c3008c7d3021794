"""Tests that the tone features' shortcuts give the plain patterns' answers: the opening cues searched
once in the joined sentence heads, and "please" inside a sentence found from each "please"."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from supportterm.politeness import tone_features
from supportterm.politeness.folding import fold

SETS = Path(__file__).parent


def _texts() -> list[tuple[str, str]]:
    """Every labelled reply with its language (the sealed sets stay closed)."""
    return [
        (str(json.loads(line)["text"]), path.stem)
        for path in sorted(SETS.glob("*/*.jsonl"))
        if "sealed" not in path.parts and path.stem in ("en", "ru", "az")
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _original_openers(heads: list[str], lang: str) -> set[str]:
    """The opening cues as they were found: one `match` per head and cue."""
    cues = tone_features._OPENING.get(lang, tone_features._OPENING["en"])
    return {name for name, rx in cues.items() if any(map(rx.match, heads))}


def _openers(text: str, lang: str) -> set[str]:
    opening = {"S:" + name for name in tone_features._OPENING_CUES["en"]}
    return {k[2:] for k in tone_features._surface(text, _heads(text, lang), lang, 0) if k in opening}


def _heads(text: str, lang: str) -> list[str]:
    return [sentence.lstrip() for sentence in tone_features._SENTENCE.split(fold(text, lang))]


def _check(text: str, lang: str) -> None:
    assert _openers(text, lang) == _original_openers(_heads(text, lang), lang), (text, lang)
    folded = fold(text, "en")
    assert tone_features._please_inside(folded) == bool(tone_features._ENGLISH_PLEASE.search(folded)), text


@pytest.mark.parametrize(
    "text",
    [
        "Hi Anna,\n\nplease check. So, why? You\u2028see\rgood morning\fwell done",
        "ok please\nPlease, please, ,please x,please _ please\u00a0please ²please",
        "please",
        ", please",
        "a\tplease's pleased pleaseplease.",
        "Здравствуйте!\nПожалуйста, так и есть.\n\nСпасибо",
        "Salam! Zəhmət olmasa, yəni nə üçün? Sabahınız xeyir.",
        "İlahə, çox yaxşı",
        "",
    ],
)
def test_shortcuts_agree_on_edge_cases(text: str) -> None:
    for lang in ("en", "ru", "az", "de"):
        _check(text, lang)


def test_shortcuts_agree_on_random_texts() -> None:
    rng = random.Random(10)
    pieces = [
        "please", "Please", "hi", "good", "morning", "well", "done", "so", "you're", "u", "и", "а", "так",
        "пожалуйста", "зачем", "və", "ve", "nə", "üçün", "zehmet", "olmasa", "x", "_", ",", ".", "?", "!",
        ";", ":", "\n", "\n\n", " ", "\t", "\u00a0", "²", "İ", "ı",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 14)))
        for lang in ("en", "ru", "az"):
            _check(text, lang)


def test_shortcuts_agree_on_every_labelled_reply() -> None:
    for text, lang in _texts():
        _check(text, lang)
        _check(text, "en")


_ORIGINAL_WE = {
    "ru": tone_features._compile({"WE": r"(?<!\w)(?:мы|наш\w*|нам|нас)(?!\w)"}, "ru")["WE"],
    "az": tone_features._compile({"WE": r"(?<!\w)(?:biz|bizim|bizə)(?!\w)"}, "az")["WE"],
}
"""The "WE" cues as they were written, with their look-behind first."""


def _check_we(text: str) -> None:
    for lang, original in _ORIGINAL_WE.items():
        folded = fold(text, lang)
        assert bool(tone_features._SHARED[lang]["WE"].search(folded)) == bool(original.search(folded)), text


def test_we_cues_agree_with_the_originals() -> None:
    rng = random.Random(11)
    pieces = ["мы", "наш", "нам", "нас", "наша", "на", "м", "н", "biz", "bız", "bizim", "bizə", "bize", "b",
              "iz", "x", "_", "1", " ", ",", "\n", "ı", "İ"]
    for text in ["мы", "xмы", "наш_", "нас1", "biz", "bizimlə", "xbiz", "BİZ", "bızım", ""]:
        _check_we(text)
    for _ in range(5000):
        _check_we("".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))))
    for text, _ in _texts():
        _check_we(text)


def _original_valence(words: list[str], valence: dict[str, float]) -> dict[str, float]:
    vals = [valence.get(w, 0.0) for w in words]
    return {
        "V:POS": sum(v for v in vals if v > 0) / 4,
        "V:NEG": sum(v for v in vals if v < 0) / 4,
        "V:MIN": min(vals, default=0.0) / 4,
        "V:MAX": max(vals, default=0.0) / 4,
    }


def test_valences_are_the_same_floats() -> None:
    valence = {"good": 1.9, "bad": -2.5, "ok": 0.1, "meh": -0.3, "zero": 0.0}
    cases = [[], ["zero"], ["bad"], ["good", "bad", "ok", "meh", "x"] * 7]
    cases += [tone_features.english_text(text).words for text, _ in _texts()]
    for words in cases:
        expected = _original_valence(words, valence)
        got = tone_features.valence_features(words, valence)
        assert list(map(repr, got.values())) == list(map(repr, expected.values())), words
