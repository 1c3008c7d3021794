"""Provides `score`: a tone score from -1 (rude) to 1 (polite), in pure Python over a small weights file.

The model is a linear regression trained by tools/train_tone.py on the Wikipedia part of the
Stanford Politeness Corpus (CC BY 4.0). English replies use words, word pairs, politeness strategies
(gratitude, apology, hedges, direct questions, ...) and sentiment valences (VADER lexicon, MIT);
Russian and Azerbaijani replies use the same strategies, detected with their own cue lists, and a
strategy-only model. The feature code here is shared with the trainer so both always agree.
"""

from __future__ import annotations

import json
import math
import re
from importlib import resources

from . import lexicons
from .folding import fold

WEIGHTS_FILE = "tone_weights.json"
WINDOW = 600
"""Characters scored: the model was trained on requests of a few sentences, and the opening of a
reply sets its tone; scoring more would cost time on every keystroke and add little."""

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_SENT_START = r"(?:^|[.!?]\s+|\n)\s*"
_CUES: dict[str, dict[str, str]] = {
    "en": {
        "GRAT": r"\b(?:thank|thanks|thx|appreciate)",
        "APOL": r"\b(?:sorry|apologi[sz]e|apologies|excuse me|forgive)",
        "PLEASE": r"\bplease\b",
        "GREET": r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b",
        "HEDGE": r"\b(?:think|guess|maybe|perhaps|possibly|probably|seems?|suppose|suggest|wonder(?:ing)?"
        r"|might)\b",
        "SUBJ": r"\b(?:could|would) you\b",
        "INDIC": r"\b(?:can|will) you\b",
        "FACT": r"\b(?:actually|in fact|really|honestly|obviously|clearly|the point)\b",
        "DIRECT": _SENT_START + r"(?:so|then|and|but|or)\b",
        "DIRQ": _SENT_START + r"(?:why|what|how|who)\b",
        "YOUSTART": _SENT_START + r"(?:you|your|u|ur)\b",
        "WE": r"\b(?:we|our|us)\b",
    },
    "ru": {
        "GRAT": r"спасиб|благодар",
        "APOL": r"извин|прости|к сожалению|приносим извинения",
        "PLEASE": r"пожалуйста|будьте добры",
        "GREET": r"^\s*(?:здравствуй|добр(?:ый|ое|ого)|привет|уважаем)",
        "HEDGE": r"возможно|наверное|кажется|думаю|пожалуй|может быть",
        "SUBJ": r"не могли бы|не затруднит|могли бы вы",
        "INDIC": r"(?<!\w)(?:можете|сможете) ли",
        "FACT": r"на самом деле|вообще-то|очевидно|конечно же",
        "DIRECT": _SENT_START + r"(?:так|и|но|а)(?!\w)",
        "DIRQ": _SENT_START + r"(?:почему|зачем|что|как)(?!\w)",
        "YOUSTART": _SENT_START + r"(?:вы|ты|ваш|твой)(?!\w)",
        "WE": r"(?<!\w)(?:мы|наш\w*|нам|нас)(?!\w)",
    },
    "az": {
        "GRAT": r"təşəkkür|sağ ol|minnətdar",
        "APOL": r"üzr|bağışla|təəssüf",
        "PLEASE": r"zəhmət olmasa|xahiş edirəm|xahiş edirik|lütfən",
        "GREET": r"^\s*(?:salam|hörmətli|xoş gördük|sabahınız)",
        "HEDGE": r"bəlkə|yəqin|deyəsən|məncə|zənnimcə",
        "SUBJ": r"bilərsinizmi|olarmı|mümkündürmü",
        "INDIC": r"edə bilərsiniz\?",
        "FACT": r"əslində|açığı|əlbəttə|aydındır",
        "DIRECT": _SENT_START + r"(?:və|amma|ancaq|yəni)(?!\w)",
        "DIRQ": _SENT_START + r"(?:niyə|nə üçün|nə|necə)(?!\w)",
        "YOUSTART": _SENT_START + r"(?:siz|sən|sizin|sənin)(?!\w)",
        "WE": r"(?<!\w)(?:biz|bizim|bizə)(?!\w)",
    },
}
"""Politeness strategies of Danescu-Niculescu-Mizil et al. (2013), as cue regexes per language."""
_COMPILED = {lang: {name: re.compile(rx, re.M) for name, rx in cues.items()} for lang, cues in _CUES.items()}
_MULTIPUNCT = re.compile(r"[!?]{2,}")
_CAPS = re.compile(r"\b[A-ZА-ЯƏİÖÜĞŞÇ]{4,}\b")


def strategies(text: str, lang: str, rude: int | None = None) -> dict[str, float]:
    """Strategy features (language-independent names) of `text`; `rude` is a known count of rude words."""
    folded = fold(text, lang)
    cues = _COMPILED.get(lang, _COMPILED["en"])
    feats = {f"S:{name}": min(len(rx.findall(folded)), 3) / 1.5 for name, rx in cues.items()}
    feats["S:MULTIPUNCT"] = 1.0 if _MULTIPUNCT.search(text) else 0.0
    feats["S:CAPS"] = 1.0 if _CAPS.search(text) else 0.0
    feats["S:QUESTIONS"] = min(text.count("?"), 4) / 2
    if rude is None:
        cat = lexicons.category(lang, "rude")
        rude = len(cat.finditer(folded)) if cat else 0
    feats["S:RUDE"] = float(rude)
    return {k: v for k, v in feats.items() if v}


def _normalized(feats: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in feats.values())) or 1.0
    return {k: v / norm for k, v in feats.items()}


def _openers(text: str) -> dict[str, float]:
    """How each sentence starts ("^why", "^could_you") and which word opens a question ("Q:why")."""
    feats: dict[str, float] = {}
    for sentence in _SENTENCE.split(text.lower()):
        words = _WORD.findall(sentence)
        if not words:
            continue
        feats["^" + words[0]] = 1.0
        if len(words) > 1:
            feats[f"^{words[0]}_{words[1]}"] = 1.0
        if sentence.rstrip().endswith("?"):
            feats["Q:" + words[0]] = 1.0
    return feats


def english_features(text: str, valence: dict[str, float], rude: int | None = None) -> dict[str, float]:
    """Words, word pairs, sentence openers, strategies and sentiment of an English text, L2-normalised."""
    words = _WORD.findall(text.lower())
    feats: dict[str, float] = {f"u:{w}": 1.0 for w in words}
    feats.update({f"b:{a}_{b}": 1.0 for a, b in zip(words, words[1:], strict=False)})
    feats.update(_openers(text))
    feats.update(strategies(text, "en", rude))
    vals = [valence.get(w, 0.0) for w in words]
    feats["V:POS"] = sum(v for v in vals if v > 0) / 4
    feats["V:NEG"] = sum(v for v in vals if v < 0) / 4
    feats["V:MIN"] = min(vals + [0.0]) / 4
    feats["V:MAX"] = max(vals + [0.0]) / 4
    return _normalized({k: v for k, v in feats.items() if v})


def strategy_features(text: str, lang: str, rude: int | None = None) -> dict[str, float]:
    """Strategy features only, L2-normalised (the model for languages without a word model)."""
    feats = strategies(text, lang, rude)
    feats["S:BIAS"] = 1.0
    return _normalized(feats)


def _load() -> dict[str, object]:
    try:
        raw = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(raw)
    return data if isinstance(data, dict) else {}


_MODEL = _load()
_VALENCE: dict[str, float] = _MODEL.get("valence", {})  # type: ignore[assignment]
_WORDS: dict[str, float] = _MODEL.get("words", {})  # type: ignore[assignment]
_STRATEGY: dict[str, float] = _MODEL.get("strategy", {})  # type: ignore[assignment]
_SCALE = float(_MODEL.get("scale", 2.0))  # type: ignore[arg-type]


def raw_score(text: str, lang: str = "en", rude: int | None = None) -> float:
    """The model's prediction of the normalised politeness score (about -2 … 2, 0 = neutral)."""
    if lang == "en" and _WORDS:
        feats, weights = english_features(text, _VALENCE, rude), _WORDS
    else:
        feats, weights = strategy_features(text, lang, rude), _STRATEGY
    return float(weights.get("__intercept__", 0.0)) + sum(weights.get(k, 0.0) * v for k, v in feats.items())


def score(text: str, lang: str = "en", *, rude: int | None = None) -> float:
    """Tone in [-1, 1]: below 0 leans impolite, above 0 polite; 0.0 for empty text.

    Args:
        text: the reply.
        lang: its language; English has a word model, others the strategy model.
        rude: the number of rude-lexicon words when the caller has counted them already.
    """
    if not text.strip():
        return 0.0
    return round(math.tanh(_SCALE * raw_score(text[:WINDOW], lang, rude)), 3)
