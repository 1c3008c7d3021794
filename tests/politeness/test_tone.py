"""Tests of the tone score: range, direction, the shipped weights and the recorded accuracies."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from supportterm.politeness import tone

WEIGHTS = resources.files("supportterm.politeness").joinpath(tone.WEIGHTS_FILE)


def test_weights_file_is_small_and_has_all_parts() -> None:
    raw = WEIGHTS.read_bytes()
    assert len(raw) < 1024 * 1024
    data = json.loads(raw)
    assert {"words", "strategy", "valence", "results"} <= set(data)


def test_recorded_in_domain_accuracy_meets_the_target() -> None:
    results = json.loads(WEIGHTS.read_bytes())["results"]
    assert results["wikipedia_10fold"] >= 0.84


@pytest.mark.parametrize(
    ("polite", "rude", "lang"),
    [
        (
            "Thanks so much for your help! Could you please check the log when you have a moment?",
            "Why did you break it again?? Fix it now.",
            "en",
        ),
        (
            "Здравствуйте! Спасибо за терпение, не могли бы вы, пожалуйста, прислать журнал?",
            "Почему опять не работает?? Вы что, тупой?",
            "ru",
        ),
        (
            "Salam! Səbriniz üçün təşəkkür edirik, zəhmət olmasa jurnalı göndərə bilərsinizmi?",
            "Niyə yenə işləmir?? Axmaqsınız?",
            "az",
        ),
    ],
)
def test_polite_scores_above_rude(polite: str, rude: str, lang: str) -> None:
    assert tone.score(polite, lang) > tone.score(rude, lang)
    assert tone.score(polite, lang) > 0 > tone.score(rude, lang)


def test_range_and_empty_text() -> None:
    assert tone.score("") == 0.0
    for text in ["!!!!!!!! ?????", "thanks " * 500, "x" * 10000]:
        assert -1.0 <= tone.score(text) <= 1.0
