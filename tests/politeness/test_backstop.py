"""Tests of the learned backstop's scorer (tools/backstop_model.py).

The experiment in docs/politeness.md ("Learned backstop") decided not to ship weights, so the
checker does not call the backstop and the package has no weights file. These tests pin the parts
the trainer shares with the scorer (sentences, features) and the scorer's behaviour on a small
hand-written model: masking, deference to rule errors, category choice, determinism.
"""

from __future__ import annotations

from collections.abc import Iterator

import backstop_model as backstop
import pytest

from supportterm.politeness import check
from supportterm.politeness.findings import WARNING, finding
from supportterm.politeness.folding import fold
from supportterm.politeness.masking import mask

_CATS = {
    "dismissive": {"bias": 0.0, "w": {"w:google": 2.0, "w:bizim": 1.0, "s:проблем": 1.0}},
    "blame": {"bias": 0.0, "w": {"w:your": 1.0, "b:your fault": 3.0}},
}
_TOY = {
    "en": {
        "threshold": 1.0,
        "bias": -2.0,
        "flag": {"b:just google": 4.0, "b:your fault": 4.0},
        "category": _CATS,
    },
    "ru": {"threshold": 1.0, "bias": -2.0, "flag": {"s:пробл": 1.5, "w:ваша": 2.0}, "category": _CATS},
    "az": {"threshold": 1.0, "bias": -2.0, "flag": {"w:bizim": 1.5, "w:problemimiz": 2.0}, "category": _CATS},
}


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    backstop.sentence_score.cache_clear()
    monkeypatch.setattr(backstop, "_MODELS", _TOY)
    yield
    backstop.sentence_score.cache_clear()


def run(text: str, lang: str, found: list | None = None) -> list:  # type: ignore[type-arg]
    masked = mask(text)
    return backstop.backstop_findings(masked, fold(masked, lang), lang, found or [])


def test_sentence_spans_are_trimmed_and_skip_letterless_pieces() -> None:
    text = "Hi Anna.  Please restart it!\n\n-- \n42.\nThanks"
    spans = backstop.sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Hi Anna.", "Please restart it!", "Thanks"]


def test_features_have_words_pairs_cues_and_stems_only_where_morphology_needs_them() -> None:
    en = backstop.features("just google it!", "en")
    assert {"w:just", "b:<s> just", "b:just google", "b:google it", "c:!"} <= en
    assert not any(f.startswith("s:") for f in en)
    ru = backstop.features("это ваша проблема?", "ru")
    assert {"s:пробл", "w:ваша", "c:?"} <= ru
    assert backstop.features("это ваша проблема?", "ru") == ru


def test_flags_a_sentence_with_its_span_category_and_message(toy_model: None) -> None:
    text = "Hello Tom. Just google it. Regards, Ann"
    (hit,) = run(text, "en")
    assert text[hit.start : hit.end] == "Just google it."
    assert hit.severity == WARNING and hit.category == "dismissive"
    assert hit.message == "This sentence may read as dismissive to the customer."
    (blame,) = run("Hello. This was your fault. Regards, Ann", "en")
    assert blame.category == "blame" and blame.message.endswith("read as blaming to the customer.")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('Hi Tom, you wrote "just google it" and that is fair. Regards, Ann', "en"),
        ("Hi Tom,\n\n> Just google it, you said.\n\nThanks for the log. Ann", "en"),
        ("Run `just google it` in the demo shell. Regards, Ann", "en"),
        ("Вы написали «это ваша проблема», и я понимаю Ваше раздражение.", "ru"),
        ('Siz "bu bizim problemimiz deyil" yazmısınız, təşəkkür edirik.', "az"),
    ],
)
def test_quotes_and_code_never_fire(toy_model: None, text: str, lang: str) -> None:
    assert run(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Это ваша проблема.", "ru"), ("Bu bizim problemimiz deyil.", "az"), ("Just google it.", "en")],
)
def test_clear_cases_per_language(toy_model: None, text: str, lang: str) -> None:
    (hit,) = run(text, lang)
    assert (hit.start, hit.end) == (0, len(text)) and hit.category == "dismissive"


def test_a_sentence_with_a_rule_error_is_left_to_the_rule(toy_model: None) -> None:
    text = "Just google it."
    assert run(text, "en", [finding("dismissive", 0, 4)]) == []
    assert len(run(text, "en", [finding("missing_greeting", 0, 4)])) == 1


def test_scores_are_deterministic_and_unknown_languages_get_nothing(toy_model: None) -> None:
    folded = fold("Just google it.", "en")
    first = backstop.sentence_score(folded, "en")
    backstop.sentence_score.cache_clear()
    assert backstop.sentence_score(folded, "en") == first == pytest.approx(2.0)
    assert 0.5 < backstop.probability(folded, "en") < 1.0
    assert run("Just google it.", "de") == []


def test_not_shipped_so_the_checker_reports_only_rule_findings() -> None:
    assert backstop.languages() == frozenset()
    report = check("Hello Tom. Please look at the settings page. Regards, Ann", lang="en")
    assert all("may read as" not in f.message for f in report.findings)
