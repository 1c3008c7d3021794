"""Tests of the learned backstop (supportterm/politeness/backstop.py) and its shipped weights.

The trainer (tools/train_backstop.py) and the scorer must agree on words, sentences and features; the
scorer must be deterministic, cost nothing in a language whose weights are disabled, score only what its
trigger screen passes, defer to rule findings, and stay silent on our own starter replies and on the hard
negatives an agent writes daily.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportterm.politeness import backstop, check
from supportterm.politeness.findings import ERROR, WARNING, finding
from supportterm.politeness.folding import fold
from supportterm.politeness.greeting import break_after_greeting
from supportterm.politeness.masking import mask

SETS = Path(__file__).parent
_TOY = {
    "prefix": 0,
    "threshold": 50,
    "screen": 100,
    "bias": -100,
    "uni": {"google": 150, "yourself": 100, "please": -80, "obviously": 40},
    "pair": {"just": {"google": 200}, backstop.START: {"obviously": 300}},
    "cue": {"!": 60},
    "category": {
        "dismissive": {"bias": 0, "uni": {"google": 200}, "pair": {}, "cue": {}},
        "rude": {"bias": 0, "uni": {"obviously": 100}, "pair": {}, "cue": {}},
    },
}


@pytest.fixture
def toy() -> Iterator[None]:
    """The toy English model in place of the shipped weights."""
    saved = backstop.use(backstop.load({"langs": {"en": _TOY}}))
    yield
    backstop.use(saved)


def _findings(text: str, lang: str = "en") -> list[tuple[str, str]]:
    found = backstop.backstop_findings(text, fold(mask(text), lang), lang, [])
    return [(f.category, text[f.start : f.end]) for f in found]


def test_sentences_words_and_cues() -> None:
    text = "thanks for waiting.\n\nyou could just google it!\nok (then)"
    spans = backstop.sentences(text, 0, len(text))
    words = ["thanks for waiting", "you could just google it", "ok (then)"]
    assert [text[s:e].strip() for s, e in spans] == words
    assert [backstop.cue(text, s, e) for s, e in spans] == ["", "!", ""]
    assert backstop.keys(text, *spans[2], 0) == ["ok", "then"]
    feats = backstop.features(backstop.keys(text, *spans[1], 0), "!")
    assert "p:just google" in feats and "c:!" in feats and "p:<s> you" in feats and "u:it" in feats


def test_sentence_at_matches_sentences() -> None:
    """The screen's original local sentence search (the reference the byte outline is tested against)
    finds the same spans as the trainer's split. (Imported here: tools/train_backstop.py imports this module
    without its package.)"""
    from .originals import sentence_at

    text = "hi. you could just google it! ok?\nwhy… not\nend"
    for s, e in backstop.sentences(text, 0, len(text)):
        for at in range(s, e):
            if not text[at].isspace():
                assert sentence_at(text, at) == (s, e)


def test_prefix_cuts_words() -> None:
    text = "вы сами удалили файл."
    assert backstop.keys(text, 0, len(text) - 1, 5) == ["вы", "сами", "удали", "файл"]


def test_negation_marks_words_in_the_clause() -> None:
    """Words a negator governs weigh apart ("не проблема" is not "проблема"); the scope ends at a comma,
    Azerbaijani "deyil" marks the words before it; without a language words are read plainly."""
    ru = "не проблема, это можно сделать без старой сим."
    assert backstop.keys(ru, 0, len(ru), 5, "ru") == [
        "не", "~пробл", "это", "можно", "сдела", "без", "~старо", "~сим"]
    assert backstop.keys(ru, 0, len(ru), 5) == ["не", "пробл", "это", "можно", "сдела", "без", "старо", "сим"]
    az = "indi, bu sizin səhviniz deyil ödənişi bank gecikdirib"
    assert backstop.keys(az, 0, len(az), 0, "az") == [
        "indi", "~bu", "~sizin", "~səhviniz", "deyil", "ödənişi", "bank", "gecikdirib"]
    en = "this is not your fault, we fixed it"
    assert backstop.keys(en, 0, len(en), 0, "en") == [
        "this", "is", "not", "~your", "~fault", "we", "fixed", "it"]


def test_negated_trigger_is_screened_through_its_negator() -> None:
    """A model whose strong word is a negated one finds the sentence through the negator."""
    raw = {"prefix": 0, "threshold": 50, "screen": 100, "bias": -10, "negation": "ru",
           "uni": {"~виноваты": 200}, "pair": {}, "cue": {}}
    model = backstop.load({"langs": {"ru": raw}})["ru"]
    text = "спасибо. вы не виноваты. вы виноваты."
    # The plain "вы виноваты." holds no trigger: only the negated sentence is scored.
    assert model.scored(text, 0, len(text)) == [(8, 23, 190)]


def test_scorer_matches_the_trainers_features(toy: None) -> None:
    """A sentence's score is the bias plus the weights of its named features, counted."""
    model = backstop.load({"langs": {"en": _TOY}})["en"]
    flat = {"u:" + k: v for k, v in _TOY["uni"].items()}  # type: ignore[attr-defined]
    pairs: dict[str, dict[str, int]] = _TOY["pair"]  # type: ignore[assignment]
    flat |= {"p:" + a + " " + b: v for a, t in pairs.items() for b, v in t.items()}
    flat |= {"c:" + k: v for k, v in _TOY["cue"].items()}  # type: ignore[attr-defined]
    items = [json.loads(line) for line in (SETS / "devset" / "en.jsonl").read_text("utf-8").splitlines()]
    texts = [str(i["text"]).casefold() for i in items]
    texts += ["just google google it yourself!", "obviously. please"]
    for text in texts:
        for s, e in backstop.sentences(text, 0, len(text)):
            named = backstop.features(backstop.keys(text, s, e, 0), backstop.cue(text, s, e))
            assert model.sentence_score(text, s, e) == model.flag.bias + sum(flat.get(f, 0) for f in named)


def test_screen_passes_only_sentences_with_a_trigger(toy: None) -> None:
    """Triggers are words worth >= `screen` in some context: google (150, 350 after just), obviously
    (340 at a sentence start), yourself (100); please (-80) is not one."""
    model = backstop.load({"langs": {"en": _TOY}})["en"]
    text = "please wait. obviously not. ask yourself. google it. fine."
    picked = [text[s:e].strip() for s, e in model.candidates(text, 0, len(text))]
    assert picked == ["obviously not", "ask yourself", "google it"]
    first = "google it. fine."
    assert [first[s:e] for s, e in model.candidates(first, 0, len(first))] == ["google it"]
    assert model.candidates("googled it; fine.", 0, 17) == []
    everything = [text[s:e].strip() for s, e, _ in model.scored(text, 0, len(text), screened=False)]
    assert everything == ["please wait", "obviously not", "ask yourself", "google it", "fine"]


def test_flags_a_sentence_with_category_and_plain_message(toy: None) -> None:
    text = "Hello Maria,\n\nThanks for writing. You could just google it!\n\nKind regards,\nTom"
    assert _findings(text) == [("dismissive", "You could just google it!")]
    found = backstop.backstop_findings(text, fold(mask(text), "en"), "en", [])
    assert found[0].severity == WARNING
    assert found[0].message == "This sentence may read as dismissive to the customer; consider rephrasing."


def test_greeting_sign_off_quotes_and_code_are_not_scored(toy: None) -> None:
    assert _findings("Hello Just Google,\n\nThe export works now.\n\nKind regards,\nTom") == []
    assert _findings("Hello Tom,\n\nThe export works now.\n\nKind regards,\nJust Google") == []
    assert _findings("Hello Tom,\n\nThe export works now. Just google it.\n\nKind regards,\nAnna")
    assert _findings('You wrote "just google it" earlier.\nThe fix is live now, thanks.') == []
    assert _findings("Run `just google it` in the shell.\nThe fix is live now, thanks.") == []


def test_rule_findings_on_the_sentence_silence_it(toy: None) -> None:
    text = "Thanks for waiting. You could just google it!\nThe fix is live now, thanks."
    folded = fold(mask(text), "en")
    start = text.index("You")
    assert len(backstop.backstop_findings(text, folded, "en", [])) == 1
    tone = finding("dismissive", start, start + 10, "x")
    assert backstop.backstop_findings(text, folded, "en", [tone]) == []
    error = finding("confidential", start + 4, start + 9, "x")
    assert error.severity == ERROR
    assert backstop.backstop_findings(text, folded, "en", [error]) == []
    hint = finding("negative_wording", start, start + 10, "x")
    assert len(backstop.backstop_findings(text, folded, "en", [hint])) == 1


def test_trainer_and_checker_agree(toy: None) -> None:
    """The trainer's reply score (best screened body sentence) reaches the threshold exactly when the
    checker's backstop warns, on every English reply of our sets."""
    model = backstop.load({"langs": {"en": _TOY}})["en"]
    for folder in ("devset", "tuning2", "authors5/d1"):
        for line in (SETS / folder / "en.jsonl").read_text("utf-8").splitlines():
            text = str(json.loads(line)["text"])
            folded, start, end = backstop.body(text, fold(mask(text), "en"), "en")
            scored = model.scored(folded, start, end)
            flagged = bool(scored) and max(score for _, _, score in scored) >= model.threshold
            assert flagged == bool(_findings(text)), text[:60]


def test_deterministic(toy: None) -> None:
    text = "Thanks for waiting. Obviously you could just google it yourself!\nOk."
    first = backstop.backstop_findings(text, fold(mask(text), "en"), "en", [])
    reloaded = backstop.load(json.loads(json.dumps({"langs": {"en": _TOY}})))
    saved = backstop.use(reloaded)
    try:
        again = backstop.backstop_findings(text, fold(mask(text), "en"), "en", [])
    finally:
        backstop.use(saved)
    assert first == again and first


def test_finding_spans_the_sentence_in_the_typed_text(toy: None) -> None:
    text = "Hi Tom,\n\nAll fixed. Obviously, google it!  Thanks.\n\nBest regards,\nAnna"
    folded = break_after_greeting(fold(mask(text), "en"))
    found = backstop.backstop_findings(text, folded, "en", [])
    assert [text[f.start : f.end] for f in found] == ["Obviously, google it!"]


@pytest.mark.parametrize("lang", sorted(backstop.languages()))
def test_shipped_model_is_deterministic(lang: str) -> None:
    """The shipped weights, loaded again, give the same findings (integer scores: no float order)."""
    path = Path(backstop.__file__).with_name(backstop.WEIGHTS_FILE)
    fresh = backstop.load(json.loads(path.read_text("utf-8")))
    lines = (SETS / "authors5" / "d1" / f"{lang}.jsonl").read_text("utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    texts = [str(i["text"]) for i in items]
    first = [backstop.backstop_findings(t, fold(mask(t), lang), lang, []) for t in texts]
    saved = backstop.use(fresh)
    try:
        again = [backstop.backstop_findings(t, fold(mask(t), lang), lang, []) for t in texts]
    finally:
        backstop.use(saved)
    assert first == again and any(first)


def test_disabled_languages_cost_nothing(monkeypatch: pytest.MonkeyPatch, toy: None) -> None:
    """A language without weights returns before any work: the framing is never called."""

    def no_work(*args: object) -> None:
        raise AssertionError("a disabled language was framed")

    monkeypatch.setattr(backstop, "body_span", no_work)
    monkeypatch.setattr(backstop, "break_after_greeting", no_work)
    monkeypatch.setattr(backstop, "_sentence_ends", no_work)
    assert backstop.backstop_findings("Вы сами виноваты.", "вы сами виноваты.", "ru", []) == []


def test_shipped_weights_file() -> None:
    """Every language is either shipped or listed as disabled; each is under 100 KB."""
    path = Path(backstop.__file__).with_name(backstop.WEIGHTS_FILE)
    data = json.loads(path.read_text("utf-8"))
    assert set(data["langs"]) | set(data["disabled"]) == {"en", "ru", "az"}
    assert not set(data["langs"]) & set(data["disabled"])
    for raw in data["langs"].values():
        assert len(json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode()) <= 100_000
    assert backstop.languages() == frozenset(data["langs"])


@pytest.mark.parametrize(
    "name", ["backstop_weights_frozen.json", "backstop_weights_d5d6.json", "backstop_weights_v5_frozen.json"]
)
def test_unshipped_weights_stay_small_and_load(name: str) -> None:
    """The frozen model (scored once on d5/d6) and its refit with d5/d6 (for the lead's blind scoring):
    each language under 100 KB, loadable by the scorer with its screen."""
    path = Path(backstop.__file__).parents[2] / "tools" / name
    data = json.loads(path.read_text("utf-8"))
    assert set(data["langs"]) == {"en", "ru", "az"}
    for raw in data["langs"].values():
        assert len(json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode()) <= 100_000
    for model in backstop.load(data).values():
        assert model.trigger is not None and model.threshold > model.flag.bias


def _starters() -> list[tuple[str, str]]:
    from supportterm.replies import load_library

    out = []
    for reply in load_library(None)[0]:
        text = reply.body.replace("{{customer.first_name}}", "Anna").replace("{{agent.name}}", "Jane Doe")
        out.append((reply.language, text))
    return out


@pytest.mark.parametrize(("lang", "text"), _starters(), ids=lambda v: v[:30] if isinstance(v, str) else v)
def test_starter_replies_stay_clean(lang: str, text: str) -> None:
    assert _findings(text, lang) == []


DEMO_AGENT_STRINGS = ("REPLIES", "GREET", "GREET_CHAT", "THANKS", "EMPATHY", "REASSURE", "UPDATE", "RESOLVED",
                      "CLOSING", "SIGNOFF")
"""The demo corpus's agent texts (`*_talk`), as tools/train_backstop.py takes them as negatives."""


def _texts_of(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    values = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else ()
    return [t for v in values for t in _texts_of(v)]


def _demo_agent_strings() -> list[tuple[str, str]]:
    from supportterm.demo.corpus import PACKS

    return [(lang, re.sub(r"\{\w+\}", "Anna", t)) for lang, pack in PACKS.items()
            for name in DEMO_AGENT_STRINGS for t in _texts_of(getattr(pack.talk, name, ())) if t.strip()]


def test_demo_agent_strings_stay_clean() -> None:
    """Our own demo agent texts (training negatives held under the threshold) get no model warning."""
    texts = _demo_agent_strings()
    assert len(texts) > 300
    assert [(lang, t) for lang, t in texts if _findings(t, lang)] == []


HARD_NEGATIVES = {
    "en": [
        "Hello! We fixed the export, please try again.",
        "What compiler are you using? Could you send us the build log?",
        "Thanks for the details. Could you tell me which browser version you are on?",
        "I'm sorry for the trouble. The refund was issued today and should arrive in 5 business days.",
        'You wrote "this is a joke of a product"; I understand the frustration and I am on it.',
        "Please run `kill -9 4711` and then restart the service; it should come back within a minute.",
        "This is not your fault: the certificate expired on our side. We have renewed it.",
        "Could you check whether the invoice address is correct? If not, I can update it for you.",
    ],
    "ru": [
        "Здравствуйте! Мы исправили выгрузку, попробуйте, пожалуйста, ещё раз.",
        "Подскажите, пожалуйста, какой версией браузера Вы пользуетесь?",
        "Это не Ваша вина: сертификат истёк на нашей стороне. Мы его уже обновили.",
        "Приносим извинения за неудобства. Возврат оформлен сегодня, деньги придут за 5 рабочих дней.",
        "Это не ошибка с Вашей стороны: платёж задержал банк-эквайер. Мы уже связались с ним.",
        "Вы совершенно правы, в инструкции была опечатка. Мы её исправили, спасибо, что написали.",
        "К сожалению, вернуть средства за прошлый месяц мы не можем, но можем продлить подписку бесплатно.",
        "Вы написали: «это издевательство, а не сервис». Понимаю Ваше раздражение и уже передал заявку.",
        "Мы проверили журнал: заказ отправлен вчера, трек-номер придёт на Вашу почту в течение часа.",
    ],
    "az": [
        "Salam! İxracı düzəltdik, zəhmət olmasa yenidən cəhd edin.",
        "Zəhmət olmasa, hansı brauzer versiyasından istifadə etdiyinizi bildirin.",
        "Bu sizin günahınız deyil: sertifikatın müddəti bizim tərəfimizdə bitib. Artıq yenilədik.",
        "Narahatlığa görə üzr istəyirik. Geri ödəniş bu gün edildi, 5 iş günü ərzində hesabınıza düşəcək.",
        # The third try's az model warned on "Bu sizin … deyil" ("this is not your …") and stays disabled.
        "Bu sizin səhviniz deyil: ödənişi bank gecikdirib. Artıq onlarla əlaqə saxlamışıq.",
        "Tamamilə haqlısınız, təlimatda yazı səhvi var idi. Düzəltdik, yazdığınız üçün təşəkkür edirik.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, v in HARD_NEGATIVES.items() for t in v])
def test_hard_negatives_stay_clean(lang: str, text: str) -> None:
    report = check(text, lang=lang)
    assert [f for f in report.findings if "may read as" in f.message] == []


def test_remembered_sentence_scores_match_fresh_ones_and_are_forgotten_on_clear(toy: None) -> None:
    model = backstop.load({"langs": {"en": _TOY}})["en"]
    backstop.use({"en": model})
    folded = fold("Just google it! Please wait. Just google it? Obviously", "en")
    spans = backstop.sentences(folded, 0, len(folded))
    fresh = [model.flag.score(backstop.keys(folded, s, e, 0), backstop.cue(folded, s, e)) for s, e in spans]
    assert [model.sentence_score(folded, s, e) for s, e in spans] == fresh
    assert [model.sentence_score(folded, s, e) for s, e in spans] == fresh  # from memory now
    assert fresh[0] != fresh[2]  # same words, another end mark: another score
    assert model.scores
    backstop.clear_cache()
    assert not model.scores
