"""Provides the features of the tone model, shared by the scorer (tone.py) and its trainer.

Two feature sets, both sparse dicts with language-independent names:
- `strategy_features`: the politeness strategies of Danescu-Niculescu-Mizil et al. (2013) found with
  per-language cue regexes (en, ru, az), for languages without a word model;
- `english_features`: those strategies, English-only strategies that need English word order
  (first/second person start, imperatives, counterfactuals, "you should"...), words, word pairs,
  sentence openers and VADER sentiment valences.
Names of things, not tone (links, e-mail addresses, @user names, code, formulas, numbers) are blanked
before words are taken: they differ from one community to the next and say nothing of politeness.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from .folding import fold

_SENT_START = r"(?:^|(?<=[.!?;:])\s+|\n)\s*"
"""The start of a sentence (or of a clause after ';' / ':'), as a regex prefix."""

_SHARED_CUES: dict[str, dict[str, str]] = {
    "en": {
        "GRAT": r"\b(?:thank|thanks|thx|thankyou|appreciate[ds]?|grateful)\b",
        "APOL": r"\b(?:sorry|oops|whoops|apologi[sz]e|apologies|excuse me|forgive me|pardon)\b",
        "PLEASE": r"(?<=\w)[\s,]+please\b",
        "PLEASE_START": _SENT_START + r"please\b",
        "GREET": _SENT_START + r"(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b",
        "DEFER": _SENT_START + r"(?:great|good|nice|interesting|cool|excellent|awesome|wonderful|fantastic"
        r"|brilliant|impressive|well done)\b",
        "HEDGE": r"\b(?:think|thought|guess|maybe|perhaps|possibly|probably|presumably|seems?|seemed"
        r"|appears?|suppose|suggest|wonder(?:ing|ed)?|might|assume|believe|likely|somewhat|kind of"
        r"|sort of|fairly|rather|in my opinion|not sure|apparently|usually|generally)\b",
        "SUBJ": r"\b(?:could|would) you\b|\bwould it be\b",
        "INDIC": r"\b(?:can|will) you\b",
        "FACT": r"\b(?:in fact|actually|really|honestly|surely|obviously|clearly|of course|the point"
        r"|the truth)\b",
        "DIRECT": _SENT_START + r"(?:so|then|and|but|or)\b",
        "DIRQ": _SENT_START + r"(?:why|what|how|who|where|when)\b",
        "YOUSTART": _SENT_START + r"(?:you|your|you're|you've|u|ur)\b",
        "WE": r"\b(?:we|our|us|let's)\b",
    },
    "ru": {
        "GRAT": r"спасиб|благодар",
        "APOL": r"извин|прости|простите|к сожалению|приносим извинения",
        "PLEASE": r"(?<=\w)[\s,]+пожалуйста|будьте добры",
        "PLEASE_START": _SENT_START + r"пожалуйста(?!\w)",
        "GREET": _SENT_START + r"(?:здравствуй|добр(?:ый|ое|ого)|привет|уважаем)",
        "DEFER": _SENT_START + r"(?:отлично|прекрасно|замечательно|хорошо|здорово)(?!\w)",
        "HEDGE": r"возможно|наверное|кажется|думаю|пожалуй|может быть|вероятно|по-моему",
        "SUBJ": r"не могли бы|не затруднит|могли бы вы|не могу ли я",
        "INDIC": r"(?<!\w)(?:можете|сможете) ли",
        "FACT": r"на самом деле|вообще-то|очевидно|конечно же|честно говоря",
        "DIRECT": _SENT_START + r"(?:так|и|но|а)(?!\w)",
        "DIRQ": _SENT_START + r"(?:почему|зачем|что|как)(?!\w)",
        "YOUSTART": _SENT_START + r"(?:вы|ты|ваш|твой)(?!\w)",
        "WE": r"(?<!\w)(?:мы|наш\w*|нам|нас)(?!\w)",
    },
    "az": {
        "GRAT": r"təşəkkür|sağ ol|minnətdar",
        "APOL": r"üzr|bağışla|təəssüf",
        "PLEASE": r"(?<=\w)[\s,]+(?:zəhmət olmasa|lütfən)|xahiş edirəm|xahiş edirik",
        "PLEASE_START": _SENT_START + r"(?:zəhmət olmasa|lütfən)(?!\w)",
        "GREET": _SENT_START + r"(?:salam|hörmətli|xoş gördük|sabahınız)",
        "DEFER": _SENT_START + r"(?:əla|çox yaxşı|gözəl|möhtəşəm)(?!\w)",
        "HEDGE": r"bəlkə|yəqin|deyəsən|məncə|zənnimcə|ehtimal",
        "SUBJ": r"bilərsinizmi|olarmı|mümkündürmü",
        "INDIC": r"edə bilərsiniz\?",
        "FACT": r"əslində|açığı|əlbəttə|aydındır",
        "DIRECT": _SENT_START + r"(?:və|amma|ancaq|yəni)(?!\w)",
        "DIRQ": _SENT_START + r"(?:niyə|nə üçün|nə|necə)(?!\w)",
        "YOUSTART": _SENT_START + r"(?:siz|sən|sizin|sənin)(?!\w)",
        "WE": r"(?<!\w)(?:biz|bizim|bizə)(?!\w)",
    },
}
"""Strategies of the 2013 paper with cue lists in every language the checker knows."""

_ENGLISH_CUES = {
    "FIRST_START": _SENT_START + r"(?:i|my|me|i'm|i've|i'd|i'll)\b",
    "FIRST": r"(?<=\w)\W+(?:i|my|me|mine|myself|i'm|i've|i'd|i'll)\b",
    "SECOND": r"(?<=\w)\W+(?:you|your|yours|yourself|you're|you've|u|ur)\b",
    "BTW": r"\bby the way\b|\bbtw\b",
    "WHY": r"\bwhy\b",
    "COUNTERFACTUAL": r"\b(?:would|could|should|might) have\b|\bif (?:you|i|we) had\b",
    "IMPERATIVE": _SENT_START + r"(?:show|try|read|check|look|stop|fix|give|post|see|add|explain|tell"
    r"|provide|use|make|do|don't|go|get|put|remove|change|edit|learn|google|search|note|consider|keep"
    r"|leave|answer|define|clarify|include|let)\b",
    "OBLIGE": r"\byou (?:should|must|need to|have to|ought to|shouldn't|mustn't)\b",
    "DID_YOU": r"\b(?:did|have|didn't|haven't|do|don't) you\b",
    "NEGATION": r"\b(?:not|no|never|nothing|nobody|none)\b|n't\b",
    "WHATEVER": r"\b(?:anyway|anyways|whatever)\b",
    "SMILEY": r"[:;]-?[)dp]|\(:",
    "EXCLAIM": r"!",
}
"""English strategies that need English word order or have no cue list in the other languages yet."""


def _compile(cues: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {name: re.compile(rx, re.M) for name, rx in cues.items()}


_SHARED = {lang: _compile(cues) for lang, cues in _SHARED_CUES.items()}
_ENGLISH = _compile(_ENGLISH_CUES)
_MULTIPUNCT = re.compile(r"[!?]{2,}")
_CAPS = re.compile(r"\b[A-ZА-ЯƏİÖÜĞŞÇ]{4,}\b")

_NAMES = re.compile(
    r"<url>|\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+|@[\w.\-]+"  # links, e-mail addresses, @user names
    r"|`[^`\n]*`|\$[^$\n]+\$"  # inline code, TeX formulas
    r"|\b\w+(?:[_.]\w+)+(?:\(\))?|\b\w+\(\)"  # identifiers, file names, calls
    r"|\b\d[\d.,:/-]*"  # numbers, dates, versions
)
"""Names of things rather than words: blanked before words are counted."""

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def blank_names(text: str) -> str:
    """`text` with links, addresses, @user names, code, formulas and numbers replaced by a space."""
    return _NAMES.sub(" ", text)


def _present(cues: dict[str, re.Pattern[str]], folded: str, prefix: str) -> dict[str, float]:
    return {prefix + name: 1.0 for name, rx in cues.items() if rx.search(folded)}


def strategies(text: str, lang: str, rude: int) -> dict[str, float]:
    """Which shared strategies `text` uses (1.0 each), its punctuation and capitals, and `rude`.

    Args:
        text: the reply, names already blanked.
        lang: en, ru or az (others fall back to the English cues, which rarely fire).
        rude: how many rude-lexicon words the text has.
    """
    folded = fold(text, lang)
    feats = _present(_SHARED.get(lang, _SHARED["en"]), folded, "S:")
    if _MULTIPUNCT.search(text):
        feats["S:MULTIPUNCT"] = 1.0
    if _CAPS.search(text):
        feats["S:CAPS"] = 1.0
    questions = text.count("?")
    if questions:
        feats["S:QUESTION"] = 1.0
    if questions > 1:
        feats["S:QUESTIONS"] = 1.0
    if rude:
        feats["S:RUDE"] = float(min(rude, 3))
    return feats


def strategy_features(text: str, lang: str, rude: int) -> dict[str, float]:
    """The strategy model's input: shared strategies and a bias, L2-normalised."""
    feats = strategies(blank_names(text), lang, rude)
    feats["S:BIAS"] = 1.0
    return normalised(feats)


def _openers(low: str, feats: dict[str, float]) -> None:
    """How each sentence starts ("^why", "^could_you") and which word opens a question ("Q:why")."""
    for sentence in _SENTENCE.split(low):
        words = _WORD.findall(sentence)
        if not words:
            continue
        feats["^" + words[0]] = 1.0
        if len(words) > 1:
            feats[f"^{words[0]}_{words[1]}"] = 1.0
        if sentence.rstrip().endswith("?"):
            feats["Q:" + words[0]] = 1.0


def english_features(
    text: str, valence: dict[str, float], rude: int, known: Callable[[str], bool]
) -> dict[str, float]:
    """Words, word pairs, openers, strategies and sentiment of English `text`, L2-normalised.

    Args:
        text: the reply.
        valence: word → VADER valence (-4 … 4).
        rude: how many rude-lexicon words the text has.
        known: keeps only the features the model has weights for, so that words it never saw do
            not shrink the others through the normalisation (the trainer filters the same way).
    """
    return normalised({k: v for k, v in english_raw(text, valence, rude).items() if known(k)})


def english_raw(text: str, valence: dict[str, float], rude: int) -> dict[str, float]:
    """Every English feature of `text`, before filtering and normalisation (the trainer's input)."""
    plain = blank_names(text)
    low = fold(plain, "en")
    words = _WORD.findall(low)
    feats: dict[str, float] = {f"u:{w}": 1.0 for w in words}
    feats.update({f"b:{a}_{b}": 1.0 for a, b in zip(words, words[1:], strict=False)})
    _openers(low, feats)
    feats.update(strategies(plain, "en", rude))
    feats.update(_present(_ENGLISH, low, "E:"))
    vals = [valence.get(w, 0.0) for w in words]
    feats["V:POS"] = sum(v for v in vals if v > 0) / 4
    feats["V:NEG"] = sum(v for v in vals if v < 0) / 4
    feats["V:MIN"] = min(vals, default=0.0) / 4
    feats["V:MAX"] = max(vals, default=0.0) / 4
    return {k: v for k, v in feats.items() if v}


def normalised(feats: dict[str, float]) -> dict[str, float]:
    """`feats` scaled to unit length, so long and short texts weigh alike."""
    norm = math.sqrt(sum(v * v for v in feats.values())) or 1.0
    return {k: v / norm for k, v in feats.items()}
