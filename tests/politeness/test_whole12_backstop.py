"""The backstop's byte screen (`_Language.candidates` over `_Outline`, or `_CodePageOutline` for mostly
non-ASCII triggers, test_bs13_backstop.py) and its one-loop sentence score
(`_Language._flag_score`) must give what the original string search and `keys` + `_Linear.score` gave.

The originals are copied here as they were before session 11: the trigger regex searched over the text,
sentence bounds from `sentence_at`, scores from `keys` and `_Linear.score`. Both are compared on edge
cases (non-ASCII digits and letters, Turkish/Azerbaijani İ ı, the Kelvin sign, apostrophes, "?" and "…"
sentence ends, text edges), on random texts and on every labelled reply, for the shipped models and for
a model whose negators mark words.
"""

from __future__ import annotations

import json
import random

import pytest

from supportterm.politeness import backstop
from supportterm.politeness.folding import fold
from supportterm.politeness.greeting import break_after_greeting
from supportterm.politeness.masking import mask

from .labelled import texts
from .originals import sentence_at


def _original_candidates(model: backstop._Language, folded: str, start: int, end: int,
                         covered: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """`candidates` as it was: the trigger regex over the text, `sentence_at` for the bounds."""
    out: list[tuple[int, int]] = []
    assert model.trigger is not None
    search = model.trigger.search
    backwards = folded[::-1]
    spans = covered or []
    i = 0
    at = start if start == 0 and model.trigger.match(" " + folded[:end]) else -1
    if at < 0:
        hit = search(folded, max(start - 1, 0), end)
        at = hit.start() + 1 if hit else -1
    while at >= 0:
        s, e = sentence_at(folded, at, backwards)
        s, e = max(s, start), min(e, end)
        while i < len(spans) and spans[i][1] <= s:
            i += 1
        if not any(x < e for x, _ in spans[i : i + 1]):
            out.append((s, e))
        hit = search(folded, e, end)
        at = hit.start() + 1 if hit else -1
    return out


def _original_score(model: backstop._Language, folded: str, s: int, e: int) -> int:
    words = backstop.keys(folded, s, e, model.prefix, model.negation)
    return model.flag.score(words, backstop.cue(folded, s, e))


def _models() -> dict[str, backstop._Language]:
    """The shipped models, the Azerbaijani weights read as Russian with a prefix (forward negators), and
    the English weights with trigger words holding characters the byte outline reads as spaces ("2-ci",
    "e.g", "w/o": a model's words are whitespace tokens; a refit found "2-ci" and the screen missed it)."""
    from pathlib import Path

    raw = json.loads(Path(backstop.__file__).with_name(backstop.WEIGHTS_FILE).read_text("utf-8"))["langs"]
    models = backstop.load({"langs": raw})
    models["ru"] = backstop.load({"langs": {"ru": {**raw["az"], "negation": "ru", "prefix": 5}}})["ru"]
    punctuated = {"2-ci": 500, "e.g": 500, "w/o": 500, "ölçü-biçi": 500}
    en = {**raw["en"], "uni": {**raw["en"]["uni"], **punctuated}}
    models["en-punctuated"] = backstop.load({"langs": {"en": en}})["en"]
    # A real Russian model (the seventh try's, not shipped): mostly non-ASCII triggers (code page outline).
    frozen = Path(__file__).parents[2] / "tools" / "backstop_weights_v7_frozen.json"
    models["ru-frozen"] = backstop.load(json.loads(frozen.read_text("utf-8")))["ru"]
    assert not models["ru-frozen"].outlined and models["en"].outlined and models["az"].outlined
    return models


MODELS = _models()

EDGES = [
    "", " ", "you", "you.", " you", "you you", "'you", "you'", "_you", "you_", "yoü", "üyou", "you—no",
    "—you", "“you”", "«you»", "you…really?", "really?you", "it's you!\nyou", "\nyou\n", "you\u212a",
    "\u212ayou", "٣you", "you٣", "you3", "3you", "İyou", "ıyou you", "yourself, obviously", "not even close",
    "bilmərik", "bilmerik", "biz bilmərik.", "—bilmərik", "bilmərikx", "xbilmərik", "bu sizin səhviniz deyil",
    "deyil, bu", "bizdə", "bizdə?", "bizdən", "İbizdə", "bizdəİ", "😀you 😀", "you😀", "a?b?c", "a…b…c",
    "не проблема, не знаю", "вы сами не", "ok then!! you  wrong?",
    "hi marco. you can — that's your own token",
    "4.2-ci bənd", "2-ci", " 2 ci", "2.ci", "x2-ci", "2-cix", "e.g. this", "eg", "e g", "w/o it", "w o",
    "ölçü-biçi", "olcu-bici", "ölçü biçi",
    "вы сами виноваты", "Вы сами. не", "да-да, конечно", "да да", "не-а", "ну вы и", "ё", "выK", "İвы",
]


def _variants(text: str, lang: str) -> list[str]:
    return [text, break_after_greeting(fold(mask(text), lang))]


def _check(text: str, rng: random.Random) -> None:
    for lang, model in MODELS.items():
        for folded in _variants(text, lang.split("-")[0]):
            end = len(folded)
            assert model.candidates(folded, 0, end) == _original_candidates(model, folded, 0, end)
            for s, e in backstop.sentences(folded, 0, end) + [(0, end)]:
                assert model._flag_score(folded, s, e) == _original_score(model, folded, s, e)
            if end > 2:
                start, stop = sorted(rng.sample(range(end + 1), 2))
                spans = [(x, x + rng.randint(0, 6)) for x in rng.sample(range(end), 2)]
                covered = backstop._merged(spans)
                assert model.candidates(folded, start, stop, covered) == _original_candidates(
                    model, folded, start, stop, covered)


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases(text: str) -> None:
    _check(text, random.Random(text))


def test_random_texts() -> None:
    rng = random.Random(12)
    pieces = ["you", "us", "not", "read", "really", "even", "my", "bilmərik", "deyil", "bizdə", "bu", "не",
              "сами", " ", " ", " ", ",", ".", "!", "?", "…", "\n", "'", "_", "—", "“", "ə", "ı", "İ",
              "\u212a", "٣", "3", "x", "e", "😀"]
    for _ in range(3000):
        _check("".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))), rng)


def test_every_labelled_reply() -> None:
    rng = random.Random(7)
    replies = texts()
    assert len(replies) > 1000
    for text in replies:
        _check(text, rng)
