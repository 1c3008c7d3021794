"""Session 13's backstop shortcuts must give what the original forms gave.

- `_CodePageOutline` (the screen of a model whose trigger words are mostly Cyrillic, searched in cp1251
  bytes) against the trigger regex over the text with `sentence_at` bounds;
- `_Language._flag_score`'s negation loop (words in a negator's scope marked as it goes, and a word that
  starts with "~" cut a letter longer) against `keys` + `_Linear.score`.

Compared on edge cases (characters outside cp1251, ё, "'", "-", "~", digits, Latin letters, sentence
ends), on random texts and on every labelled reply, for the shipped models, every frozen model in
tools/, and made-up models that reach the code page outline's corners (exact hits; more trigger
letters than it has bytes; trigger letters it lacks).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from supportterm.politeness import backstop

from .labelled import replies
from .test_whole12_backstop import _original_candidates, _original_score, _variants

TOOLS = Path(__file__).parents[2] / "tools"


def _shipped() -> dict[str, dict[str, object]]:
    path = Path(backstop.__file__).with_name(backstop.WEIGHTS_FILE)
    return json.loads(path.read_text("utf-8"))["langs"]


def _made_up(uni: dict[str, int], **raw: object) -> backstop._Language:
    """A Russian-reading model whose trigger words are `uni` (worth 500 each)."""
    return backstop.load({"langs": {"ru": {"prefix": 5, "threshold": 300, "screen": 100, "negation": "ru",
                                           "bias": 0, "uni": uni, **raw}}})["ru"]


def _models() -> dict[str, backstop._Language]:
    """name -> model: shipped, frozen (tools/backstop_weights_*.json) and made up."""
    models = {f"shipped-{lang}": model for lang, model in backstop.load({"langs": _shipped()}).items()}
    for path in sorted(TOOLS.glob("backstop_weights_*.json")):
        for lang, model in backstop.load(json.loads(path.read_text("utf-8"))).items():
            models[f"{path.stem}-{lang}"] = model
    cyrillic = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
    # No "-": every trigger letter has a byte of its own, so hits are exact on cp1251 text.
    models["exact"] = _made_up({"вы": 500, "сами": 500, "не": 500, "виноват": 500, "ваш'": 500, "6": 500})
    # More trigger letters (upper and lower case, Latin too) than `_CODES` has bytes.
    letters = cyrillic + cyrillic.upper() + "abcdefghij"
    many = {ch + cyrillic[i % 32] + "ы": 500 for i, ch in enumerate(letters)}
    models["many-letters"] = _made_up(many)
    # Trigger letters cp1251 lacks (Azerbaijani ə, Ukrainian ґ is there, ѐ is not), "~" words, punctuation.
    models["outside"] = _made_up({"вəы": 500, "ѐж": 500, "ґанок": 500, "~сами": 500, "да-да": 500, "т.е": 500,
                                  "сами": 50, "не": 50}, negation="ru")
    models["plain-ru"] = _made_up({"вы": 500, "сами": 500}, negation=None)
    return models


MODELS = _models()


def test_models_reach_both_outlines() -> None:
    """The Russian models take the code page outline, exact for "exact" only; the others the ASCII one."""
    assert not MODELS["shipped-ru"].outlined
    assert MODELS["shipped-en"].outlined and MODELS["shipped-az"].outlined
    assert isinstance(MODELS["shipped-ru"].byte_screen()[1], backstop._CodePageOutline)
    assert MODELS["exact"].byte_screen()[1].exact_words
    assert not MODELS["shipped-ru"].byte_screen()[1].exact_words  # "да-да"
    assert not MODELS["many-letters"].byte_screen()[1].exact_words
    assert not MODELS["outside"].byte_screen()[1].exact_words


EDGES = [
    "", " ", "вы", "вы.", " вы", "вы вы", "'вы", "вы'", "_вы", "вы_", "вə", "əвы", "выə", "вы\u0301",
    "\u0301вы",
    "вы\u212a", "\u212aвы", "٣вы", "вы٣", "6вы", "вы6", "6", " 6 ", "vы", "вы'ы", "ваш'", "ваш' ", "ваш''",
    "вы’", "’вы", "«вы»", "№вы", "вы№", "µвы", "вы€", "ёвы", "вы ё", "ё", "Ё", "ВЫ", "Вы сами", "вы?сами",
    "вы…сами", "вы!сами", "вы\nсами", "сами?", "?", "??вы", "вы??", "да-да", "да да", "да—да", "да?да",
    "да…да",
    "да-да-да", "-да-да", "т.е", "т.е.", "т е", "т?е", "вəы", "в?ы", "вəы.", "ѐж", "ѐжик", "?ж", "ґанок",
    "ґанки",
    "~сами", "вы ~сами", "не сами", "не ~сами", "не сами, ~сами", "не, сами", "не ~", "~", "~~сами", "сами~",
    "вы ~самиааа", "не виноват; вы сами", "ни сами: не вы", "😀вы 😀", "вы😀", "\ud800вы", "вы\ud800",
    "\x98вы", "вы\x00", "abc вы def", "выabc", "abcвы", "вы сами виноваты, не мы. Да-да!",
    "АаЫы ЯяЫы zaы jaы", "zaы", "Zaы", "ЯЯы", "ǅвы", "ǆ",
]
"""Characters outside cp1251 next to trigger words (ə, U+0301, Kelvin sign, Arabic digit, emoji, a lone
surrogate, ѐ), ones inside it that are word characters (µ, ё) or not (’, №, €), "?" for real, "~" words."""


def _check(text: str, rng: random.Random, models: dict[str, backstop._Language]) -> None:
    for name, model in models.items():
        lang = "en" if name.endswith("-en") else "az" if name.endswith("-az") else "ru"
        for folded in _variants(text, lang):
            end = len(folded)
            assert model.candidates(folded, 0, end) == _original_candidates(model, folded, 0, end), name
            for s, e in backstop.sentences(folded, 0, end) + [(0, end)]:
                assert model._flag_score(folded, s, e) == _original_score(model, folded, s, e), name
            if end > 2:
                start, stop = sorted(rng.sample(range(end + 1), 2))
                spans = [(x, x + rng.randint(0, 6)) for x in rng.sample(range(end), 2)]
                covered = backstop._merged(spans)
                assert model.candidates(folded, start, stop, covered) == _original_candidates(
                    model, folded, start, stop, covered), name


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases(text: str) -> None:
    _check(text, random.Random(repr(text)), MODELS)


def test_views_keep_offsets() -> None:
    """One byte per character; "." in `ends` exactly where a sentence ends."""
    outline = MODELS["shipped-ru"].byte_screen()[1]
    for text in EDGES:
        ends, spaced, _ = outline.views(text)
        assert len(ends) == len(text) and len(spaced) == len(text) + 1
        assert [i for i, b in enumerate(ends) if b == ord(".")] == [
            i for i, ch in enumerate(text) if ch in backstop.ENDS]


def test_random_texts() -> None:
    rng = random.Random(13)
    pieces = ["вы", "сами", "не", "ни", "да", "виноват", "ваш", "т", "е", "ж", "ы", "ə", "ѐ", "ґ", "~", "'",
              "’", "-", "—", " ", " ", " ", ",", ";", ":", ".", "!", "?", "…", "\n", "_", "6", "٣", "z", "Я",
              "ё", "\u0301", "😀", "№", "µ"]
    for _ in range(1500):
        _check("".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))), rng, MODELS)


def test_every_labelled_reply() -> None:
    """Every model on the replies of its language; the code page models on every reply."""
    rng = random.Random(13)
    everything = replies()
    assert len(everything) > 1000
    by_lang = {"en": {}, "az": {}, "ru": {}}
    for name, model in MODELS.items():
        lang = "en" if name.endswith("-en") else "az" if name.endswith("-az") else "ru"
        by_lang[lang][name] = model
    for text, lang in everything:
        own = {n: m for n, m in by_lang.get(lang, {}).items()}
        code_page = {n: m for n, m in MODELS.items() if not m.outlined and n not in own}
        _check(text, rng, {**own, **code_page})
