"""Provides `score`: a tone score from -1 (rude) to 1 (polite), in pure Python over a small weights file.

The model is a ridge regression trained by tools/train_tone.py on the Wikipedia part of the
Stanford Politeness Corpus (CC BY 4.0); its features are in tone_features.py, shared with the
trainer so both always agree. English has a word model (words, word pairs, politeness strategies,
VADER valences); Russian and Azerbaijani have a strategy-only model whose cues have their own word
lists. Other languages get no score (0.0): the cue lists would not fire and the score would only
reflect punctuation.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from itertools import chain

from . import lexicons
from .folding import fold
from .tone_features import english_cues, english_text, strategy_features, valence_features

WEIGHTS_FILE = "tone_weights.json"
WINDOW = 600
"""Characters scored: the model was trained on requests of a few sentences, and the opening of a
reply sets its tone; scoring more would cost time on every keystroke and add little."""

STRATEGY_LANGS = frozenset({"ru", "az"})
"""Languages scored by the strategy model (English has the word model)."""


def rude_count(text: str, lang: str) -> int:
    """How many words of the language's rude lexicon `text` has (0 when it has none)."""
    cat = lexicons.category(lang, "rude")
    return len(cat.finditer(fold(text, lang))) if cat else 0


def _load() -> dict[str, object]:
    try:
        raw = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(raw)
    return data if isinstance(data, dict) else {}


def unpack_valence(groups: dict[str, str]) -> dict[str, float]:
    """The valence lexicon from its packed form {"-1.5": "word word …"} (half the size of a flat dict)."""
    return {
        word: float(value)
        for value, words in groups.items()
        if isinstance(words, str)  # an older flat file gives an empty lexicon, not a crash
        for word in words.split()
    }


_MODEL = _load()
_VALENCE = unpack_valence(_MODEL.get("valence", {}))  # type: ignore[arg-type]
_WORDS: dict[str, float] = _MODEL.get("words", {})  # type: ignore[assignment]
_STRATEGY: dict[str, float] = _MODEL.get("strategy", {})  # type: ignore[assignment]
_SCALE = float(_MODEL.get("scale", 2.0))  # type: ignore[arg-type]


def _by_suffix(weights: dict[str, float], prefix: str) -> dict[str, float]:
    """Weights of the features named `prefix` + something, keyed by the something: looking a word up
    costs no "u:word" string per word."""
    return {k[len(prefix) :]: w for k, w in weights.items() if k.startswith(prefix)}


_UNIGRAMS = _by_suffix(_WORDS, "u:")
_BIGRAMS = _by_suffix(_WORDS, "b:")
_INTERCEPT = _WORDS.get("__intercept__", 0.0)


def _opener_names(weights: dict[str, float]) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    """The known opener features as tables of their names: "^w" by w, "^a_b" by a then b, "Q:w" by w.

    The scorer finds an opener's name by lookups, not by building "^" + word per sentence; the names
    are the weights' own keys. Words hold no "_", so "^a_b" splits at its one "_".
    """
    first: dict[str, str] = {}
    pair: dict[str, dict[str, str]] = {}
    question: dict[str, str] = {}
    for name in weights:  # about 5,000 names, at import: first characters tested, no startswith call
        if name[:1] == "^":
            if "_" in name:
                a, b = name[1:].split("_", 1)
                pair.setdefault(a, {})[b] = name
            else:
                first[name[1:]] = name
        elif name[:2] == "Q:":
            question[name[2:]] = name
    return first, pair, question


_OPENER_FIRST, _OPENER_PAIR, _OPENER_QUESTION = _opener_names(_WORDS)
_NO_PAIRS: dict[str, str] = {}


def raw_score(text: str, lang: str = "en", rude: int | None = None) -> float:
    """The model's prediction of the normalised politeness score (about -2 … 2, 0 = neutral)."""
    if rude is None:
        rude = rude_count(text, lang)
    if lang == "en" and _WORDS:
        return _english_score(text, rude)
    if lang in STRATEGY_LANGS and _STRATEGY:
        feats = strategy_features(text, lang, rude)
        return _STRATEGY.get("__intercept__", 0.0) + sum(_STRATEGY.get(k, 0.0) * v for k, v in feats.items())
    return 0.0


def _english_score(text: str, rude: int) -> float:
    """`english_features` and the dot product in one pass, without the dictionaries between them.

    The arithmetic is the same, term by term and in the same order (so the same float): the norm
    over the known features, then each weight times the feature divided by the norm, summed in
    `english_unfiltered`'s key order; features with value 0 add exactly nothing to either sum.
    """
    parts = english_text(text)
    # Words, pairs and openers are 1.0 features: only their weights are needed.
    ones = _known_word_weights(parts.words, parts.pairs)
    ones += map(_WORDS.__getitem__, _known_openers(parts.sentences))
    cues = [(_WORDS[k], v) for k, v in english_cues(parts, rude).items() if k in _WORDS]
    valences = [(_WORDS[k], v) for k, v in valence_features(parts.words, _VALENCE).items() if k in _WORDS]
    # The squares of the 1.0 features and of the cues (1.0, or the rude count) are integers: their
    # partial sums are exact in any grouping, so one float of the ones' count in their place gives
    # the same partial sums, and the same sum once the valences are added.
    norm = math.sqrt(sum([float(len(ones)), *(v * v for _, v in cues), *(v * v for _, v in valences)])) or 1.0
    unit_share = 1.0 / norm  # what each 1.0 feature becomes: v / norm with v = 1.0
    rest = [w * (v / norm) for w, v in chain(cues, valences)]
    return _INTERCEPT + sum(chain(map(unit_share.__mul__, ones), rest))


def _known_openers(sentences: list[tuple[list[str], bool]]) -> dict[str, None]:
    """The names of the known opener features (`tone_features._openers`) in its order: per sentence
    "^first", "^first_second", "Q:first" (a question), each name at its first occurrence."""
    first_names, pair_names, question_names = _OPENER_FIRST, _OPENER_PAIR, _OPENER_QUESTION
    known: dict[str, None] = {}
    for words, question in sentences:
        first = words[0]
        if first in first_names:
            known[first_names[first]] = None
        if len(words) > 1:
            name = pair_names.get(first, _NO_PAIRS).get(words[1])
            if name:
                known[name] = None
        if question and first in question_names:
            known[question_names[first]] = None
    return known


def _known_word_weights(words: list[str], pairs: set[str]) -> list[float]:
    """Weights of the known words (by first occurrence) then of the known pairs (in the set's order),
    the order in which `english_unfiltered` has their "u:" and "b:" features."""
    known = [w for w in map(_UNIGRAMS.get, dict.fromkeys(words)) if w is not None]  # one lookup a word
    known += [w for w in map(_BIGRAMS.get, pairs) if w is not None]
    return known


def score(text: str, lang: str = "en", *, rude: int | None = None) -> float:
    """Tone in [-1, 1]: below 0 leans impolite, above 0 polite; 0.0 for empty text.

    Args:
        text: the reply.
        lang: its language; English has a word model, Russian and Azerbaijani the strategy model,
            other languages score 0.0.
        rude: the number of rude-lexicon words when the caller has counted them already.
    """
    if not text.strip():
        return 0.0
    return round(math.tanh(_SCALE * raw_score(text[:WINDOW], lang, rude)), 3)
