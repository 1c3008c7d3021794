"""Tests that the Azerbaijani cues, rewritten so that `re` can skip ahead (an alternative opening with
a class becomes one alternative per letter), find what the plainly mapped cues find, at the same spans;
and that the Russian and Azerbaijani "please" cues, found from their words backwards, are found where
their patterns match."""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import tone_features
from supportterm.politeness.folding import fold

from .labelled import random_texts, texts



def _plainly_mapped(cues: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """The cues as they were compiled: each letter of `_AZ_ASCII` replaced where it stands."""
    return {
        name: re.compile("".join(tone_features._AZ_ASCII.get(ch, ch) for ch in rx)) for name, rx in cues.items()
    }


_ORIGINAL_SHARED = _plainly_mapped(tone_features._SHARED_CUES["az"])
_ORIGINAL_OPENING = _plainly_mapped(tone_features._OPENING_CUES["az"])


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


def _check(text: str) -> None:
    for folded in (fold(text, "az"), text):
        for name, original in _ORIGINAL_SHARED.items():
            rewritten = tone_features._SHARED["az"][name]
            assert _span(rewritten.search(folded)) == _span(original.search(folded)), (name, folded)
        for name, original in _ORIGINAL_OPENING.items():
            rewritten = tone_features._OPENING["az"][name]
            assert _span(rewritten.match(folded)) == _span(original.match(folded)), (name, folded)


def test_only_alternatives_opening_with_a_class_change() -> None:
    assert tone_features._SHARED["az"]["FACT"].pattern.startswith("əsl[iı]nd[əe]|esl[iı]nd[əe]|a")
    assert tone_features._SHARED["az"]["APOL"].pattern.startswith("üzr|uzr|ba")
    unchanged = ("GRAT", "PLEASE", "HEDGE", "SUBJ", "INDIC", "WE")
    for name in unchanged:
        assert tone_features._SHARED["az"][name].pattern == _ORIGINAL_SHARED[name].pattern
    for name, original in _ORIGINAL_OPENING.items():
        assert tone_features._OPENING["az"][name].pattern == original.pattern
    assert tone_features._top_level_alternatives(r"\w[\s,]+(?:a|b)|c[|]d|e") == [r"\w[\s,]+(?:a|b)", "c[|]d", "e"]


@pytest.mark.parametrize(
    "text",
    [
        "Əslində, açığı, əlbəttə aydındır. Üzr istəyirəm, bağışlayın, təəssüf.",
        "Eslinde acigi achighi elbette aydindir uzr bagishlayin teessuf",
        "ƏSLİNDƏ AÇIĞI ƏLBƏTTƏ AYDINDIR ÜZR",
        "eslınde açıgı elbəttə ayd\u0131nd\u0131r \u212aelvin ızr üZr",
        "xəslində_əslində1 ²uzr ٣üzr",
        "e\u0307slinde İslində",
        "",
    ],
)
def test_rewritten_cues_agree_on_edge_cases(text: str) -> None:
    _check(text)


def test_rewritten_cues_agree_on_random_texts() -> None:
    pieces = [
        "ə", "e", "a", "ü", "u", "s", "l", "i", "ı", "İ", "I", "n", "d", "ç", "c", "h", "ğ", "g", "b", "t",
        "y", "r", "z", "sl", "lb", "tt", "zr", "əsl", "esl", "aç", "ac", "ayd", "ind", "ındır", " ", ",", "\n",
        "\u212a", "²", "٣", "_",
    ]
    for text in random_texts(pieces, 20000, 11, 12):
        _check(text)


def test_rewritten_cues_agree_on_every_labelled_reply() -> None:
    for text in texts():
        _check(text)


def _check_found(text: str) -> None:
    """Every Russian and Azerbaijani cue: `_found` (from the word backwards for "please") as `search`."""
    for lang in ("ru", "az"):
        for folded in (fold(text, lang), text):
            for name, rx in tone_features._SHARED[lang].items():
                assert tone_features._found(rx, folded) == bool(rx.search(folded)), (lang, name, folded)


def test_please_cues_are_found_from_their_words() -> None:
    assert {tone_features._SHARED["ru"]["PLEASE"], tone_features._SHARED["az"]["PLEASE"]} == set(
        tone_features._INSIDE_CUES
    )
    word, others = tone_features._INSIDE_CUES[tone_features._SHARED["az"]["PLEASE"]]
    assert word.pattern == "(?:z[əe]hm[əe]t olmasa|l[üu]tf[əe]n)"
    assert others is not None and others.pattern.startswith("xah")


@pytest.mark.parametrize(
    "text",
    [
        "Спасибо, пожалуйста. Сделайте, пожалуйста,пожалуйста x,пожалуйста",
        "пожалуйста", ", пожалуйста", "_ пожалуйста", "² пожалуйста", "٣\u2028, , пожалуйстапожалуйста",
        "будьте добры", "x\x1c\u00a0\u3000пожалуйста", "\u212a пожалуйста", ",\tпожалуйста",
        "Zəhmət olmasa, yoxlayın, zəhmət olmasa. Bunu, lütfən", "x lütfən", "x,lutfen", "x ,,zehmet olmasa",
        "xahiş edirəm", "XAHİŞ EDİRİK", "xahish edirem", "İ lütfən", "ı, zehmet olmasa", "lütfən lütfən",
        "x zəhmət olmas", "x\n\nzehmet olmasa", "",
    ],
)
def test_found_agrees_with_search_on_edge_cases(text: str) -> None:
    _check_found(text)


def test_found_agrees_with_search_on_random_texts() -> None:
    pieces = [
        "пожалуйста", "Пожалуйста", "будьте добры", "zəhmət olmasa", "zehmet olmasa", "lütfən", "lutfen",
        "xahiş edirəm", "xahish edirik", "x", "д", "_", "1", "²", "٣", "\u212a", "İ", "ı", ",", " ", "\t",
        "\n", "\u00a0", "\x1c", ".", "!",
    ]
    for text in random_texts(pieces, 20000, 12, 8):
        _check_found(text)


def test_found_agrees_with_search_on_every_labelled_reply() -> None:
    for text in texts():
        _check_found(text)


def _check_smiley(text: str) -> None:
    for low in (fold(text, "en"), text):
        assert tone_features._has_smiley(low) == bool(tone_features._SMILEY.search(low)), low


@pytest.mark.parametrize(
    "text",
    [":)", ";-p", ":-", "(:", "(", ":", ";", "a :d b", "x:-)", "::-d", ";;)", "(((:", ":-x :p", ":D", "; -)", ""],
)
def test_smiley_agrees_with_search_on_edge_cases(text: str) -> None:
    _check_smiley(text)


def test_smiley_agrees_with_search_on_random_texts_and_every_labelled_reply() -> None:
    pieces = [":", ";", "(", ")", "-", "d", "p", "D", "P", "x", " ", "\n", "İ", "\u212a", "²"]
    for text in random_texts(pieces, 20000, 13, 8):
        _check_smiley(text)
    for text in texts():
        _check_smiley(text)


def _original_strategies(sentences: list[tuple[list[str], bool]], pairs: set[str], low: str) -> dict[str, float]:
    """`_english_strategies` as it was: word sets built by Python loops, unions per strategy."""
    firsts = {words[0] for words, _ in sentences}
    rest = {w for words, _ in sentences for w in words[1:]}
    found = {
        "FIRST_START": bool(firsts & tone_features._FIRST_PERSON),
        "FIRST": bool(rest & tone_features._FIRST_PERSON),
        "SECOND": bool(rest & tone_features._SECOND_PERSON),
        "IMPERATIVE": bool(firsts & tone_features._IMPERATIVES),
        "WHY": "why" in firsts or "why" in rest,
        "NEGATION": bool((firsts | rest) & tone_features._NEGATIONS) or "n't" in low,
        "WHATEVER": bool((firsts | rest) & tone_features._WHATEVER),
        "BTW": "btw" in rest or "btw" in firsts or "by the way" in low,
        "COUNTERFACTUAL": bool(pairs & tone_features._COUNTERFACTUAL),
        "OBLIGE": bool(pairs & tone_features._OBLIGE),
        "DID_YOU": bool(pairs & tone_features._DID_YOU),
        "SMILEY": bool(tone_features._SMILEY.search(low)),
        "EXCLAIM": "!" in low,
    }
    return {"E:" + name: 1.0 for name, yes in found.items() if yes}


def _check_strategies(text: str) -> None:
    parts = tone_features.english_text(text)
    expected = _original_strategies(parts.sentences, parts.pairs, parts.low)
    for every_word in (None, set(parts.words)):
        feats: dict[str, float] = {}
        tone_features._english_strategies(parts.sentences, parts.pairs, parts.low, feats, every_word)
        assert list(feats.items()) == list(expected.items()), text


def test_english_strategies_agree_with_the_original() -> None:
    rng = random.Random(14)
    pieces = ["i", "my", "you", "your", "why", "not", "no", "whatever", "btw", "by", "the", "way", "show",
              "let", "would", "have", "should", "did", "don't", "isn't", ":)", "!", "?", ".", "\n", " ", ", "]
    for text in ["", "Why? I think you know. Btw, show me :) no!", "you", "i", "why"]:
        _check_strategies(text)
    for _ in range(5000):
        _check_strategies(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))))
    for text in texts():
        _check_strategies(text)
