"""Provides `backstop_findings`: a small learned sentence model that catches tone the lexicons miss.

The rules generalise poorly to authors they have never seen (docs/politeness.md, "Learned
backstop"). This module scores each sentence of the masked, folded reply with a per-language
logistic regression over word unigrams, word pairs, short stems (ru, az) and two punctuation cues,
trained by tools/train_backstop.py; a sentence above the language's threshold becomes a `warning`
in the tone category its second (multinomial) model predicts. Features live here so the trainer and
a future checker hook agree. Pure Python over a small JSON weights file; no numpy at scoring time.
Not in the package: the experiment shipped no model and nothing at runtime calls this.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from supportterm.politeness.findings import ERROR, WARNING, Finding

WEIGHTS_FILE = "backstop_weights.json"
TONE_CATEGORIES = ("rude", "blame", "dismissive", "sarcasm", "argumentative")
"""The DESIGN §4 categories the model learns: the ones a sentence's wording carries."""
STEM_LANGS = frozenset({"ru", "az"})
"""Languages whose rich morphology gets a five-letter stem feature per word."""
STEM = 5

_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")
_WORD = re.compile(r"\w+(?:'\w+)?")
_MIN_LETTERS = 3


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence or line of `masked`, trimmed, with a few letters at least."""
    out = []
    for match in _SENTENCE.finditer(masked):
        start, end = match.span()
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        if sum(ch.isalpha() for ch in masked[start:end]) >= _MIN_LETTERS:
            out.append((start, end))
    return out


def features(folded: str, lang: str) -> frozenset[str]:
    """The binary features of one folded sentence (shared with the trainer)."""
    words = _WORD.findall(folded)
    feats = {"w:" + w for w in words}
    padded = ["<s>", *words]
    feats.update("b:" + a + " " + b for a, b in zip(padded, padded[1:], strict=False))
    if lang in STEM_LANGS:
        feats.update("s:" + w[:STEM] for w in words if len(w) > STEM)
    if "!" in folded:
        feats.add("c:!")
    if "?" in folded:
        feats.add("c:?")
    return frozenset(feats)


def _load() -> dict[str, dict[str, object]]:
    try:
        raw = (Path(__file__).with_name(WEIGHTS_FILE)).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(raw)
    langs = data.get("langs", {}) if isinstance(data, dict) else {}
    return langs if isinstance(langs, dict) else {}


_MODELS = _load()


def languages() -> frozenset[str]:
    """Languages the shipped weights cover."""
    return frozenset(_MODELS)


@lru_cache(maxsize=2048)
def sentence_score(folded: str, lang: str) -> float:
    """The model's logit that this folded sentence needs a fix (0.0 for a language it lacks)."""
    model = _MODELS.get(lang)
    if not model:
        return 0.0
    weights: dict[str, float] = model["flag"]  # type: ignore[assignment]
    return float(model["bias"]) + sum(weights.get(f, 0.0) for f in features(folded, lang))  # type: ignore[arg-type]


def probability(folded: str, lang: str) -> float:
    """The model's probability that this folded sentence needs a fix."""
    return 1.0 / (1.0 + math.exp(-sentence_score(folded, lang)))


def category(folded: str, lang: str) -> str:
    """The tone category the second model finds most likely for a flagged sentence."""
    per_cat: dict[str, dict[str, object]] = _MODELS[lang]["category"]  # type: ignore[assignment]
    feats = features(folded, lang)
    best, best_score = TONE_CATEGORIES[0], -math.inf
    for cat, model in per_cat.items():
        weights: dict[str, float] = model["w"]  # type: ignore[assignment]
        value = float(model["bias"]) + sum(weights.get(f, 0.0) for f in feats)  # type: ignore[arg-type]
        if value > best_score:
            best, best_score = cat, value
    return best


def message(cat: str) -> str:
    """The plain message of a model finding."""
    return f"This sentence may read as {_ADJECTIVES.get(cat, cat)} to the customer."


_ADJECTIVES = {
    "rude": "rude",
    "blame": "blaming",
    "dismissive": "dismissive",
    "sarcasm": "sarcastic",
    "argumentative": "argumentative",
}


def backstop_findings(masked: str, folded: str, lang: str, found: list[Finding]) -> list[Finding]:
    """Warnings for sentences the model flags that no error finding already covers.

    Args:
        masked: the reply with quotes and code blanked (`masking.mask`), so they never fire.
        folded: `masked` folded for `lang` (same length).
        lang: the reply's language; others get no findings.
        found: the rule findings so far; a sentence overlapping an error is left to the rule.
    """
    model = _MODELS.get(lang)
    if not model:
        return []
    threshold = float(model["threshold"])  # type: ignore[arg-type]
    errors = [(f.start, f.end) for f in found if f.severity == ERROR]
    out = []
    for start, end in sentence_spans(masked):
        sentence = folded[start:end]
        if sentence_score(sentence, lang) < threshold:
            continue
        if any(s < end and start < e for s, e in errors):
            continue
        cat = category(sentence, lang)
        out.append(Finding(cat, WARNING, start, end, message(cat)))
    return out
