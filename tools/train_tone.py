"""Provides the trainer of the tone score (supportterm/politeness/tone_weights.json).

Protocol (shared/data/politeness/README.md, after Danescu-Niculescu-Mizil et al. 2013): requests are
ranked by `Normalized Score`; the top quartile is polite and the bottom quartile impolite. In-domain
accuracy is 10-fold cross-validation on Wikipedia; cross-domain trains on Wikipedia and tests on Stack
Exchange. Only Wikipedia is ever fitted; Stack Exchange and TyDiP are only scored.

The model is a ridge regression on the normalised score. It is fitted on every Wikipedia request
(the middle half carries signal too); the test folds of the in-domain run are always held out. The
paper's stricter variant, fitted on quartile items only, is printed as well.

Needs numpy, scikit-learn and vaderSentiment (dev tools, not runtime dependencies):
    .venv/bin/pip install numpy scikit-learn vaderSentiment
    .venv/bin/python tools/train_tone.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from supportterm.politeness import tone  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "politeness"
ALPHA_WORDS, ALPHA_STRATEGY = 1.0, 1.0
MIN_DF = 2


def load(path: Path) -> tuple[list[str], np.ndarray]:
    """Texts and normalised scores of one corpus file."""
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["Request"] for r in rows], np.array([float(r["Normalized Score"]) for r in rows])


def quartiles(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the top/bottom-quartile items and their labels (1 = polite)."""
    low, high = np.percentile(scores, 25), np.percentile(scores, 75)
    idx = np.where((scores <= low) | (scores >= high))[0]
    return idx, (scores[idx] >= high).astype(int)


def valence_lexicon() -> dict[str, float]:
    """VADER word valences (MIT licence), words only."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z]+(?:'[a-z]+)?", parts[0]):
            out[parts[0]] = float(parts[1])
    return out


def fit(feats: list[dict[str, float]], y: np.ndarray, alpha: float) -> dict[str, float]:
    """Ridge weights as a feature→weight dict, with the intercept under `__intercept__`."""
    vec = DictVectorizer()
    model = Ridge(alpha=alpha).fit(vec.fit_transform(feats), y)
    weights = dict(zip(vec.get_feature_names_out(), model.coef_.tolist(), strict=True))
    weights["__intercept__"] = float(model.intercept_)
    return weights


def predict(weights: dict[str, float], feats: list[dict[str, float]]) -> np.ndarray:
    """Scores of a linear model, computed as the shipped scorer does."""
    b = weights.get("__intercept__", 0.0)
    return np.array([b + sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats])


def in_domain(feats: list[dict[str, float]], scores: np.ndarray, alpha: float, strict: bool) -> float:
    """10-fold accuracy on Wikipedia quartile items; `strict` fits on quartile items only."""
    idx, labels = quartiles(scores)
    accs = []
    for train, test in KFold(10, shuffle=True, random_state=0).split(idx):
        held = set(idx[test].tolist())
        pool = idx[train] if strict else np.array([i for i in range(len(scores)) if i not in held])
        w = fit([feats[i] for i in pool], scores[pool], alpha)
        accs.append(float(((predict(w, [feats[i] for i in idx[test]]) > 0) == labels[test]).mean()))
    return float(np.mean(accs))


def cross(weights: dict[str, float], feats: list[dict[str, float]], scores: np.ndarray) -> float:
    """Accuracy on the quartile items of another corpus."""
    idx, labels = quartiles(scores)
    return float(((predict(weights, [feats[i] for i in idx]) > 0) == labels).mean())


def binary_accuracy(path: Path, lang: str, weights: dict[str, float]) -> float:
    """Accuracy on a TyDiP binary file (score sign = label) with the strategy model."""
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    feats = [tone.strategy_features(r["sentence"], lang) for r in rows]
    labels = np.array([float(r["score"]) > 0 for r in rows])
    return float(((predict(weights, feats) > 0) == labels).mean())


def prune(weights: dict[str, float], texts: list[str]) -> dict[str, float]:
    """Drop word features seen in fewer than MIN_DF requests; round the rest."""
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(tone.english_features(t, {}).keys()))
    return {
        k: round(v, 5)
        for k, v in weights.items()
        if (not k.startswith(("u:", "b:", "^", "Q:")) or df[k] >= MIN_DF) and abs(v) >= 1e-5
    }


ABOUT = (
    "Tone model for supportterm (tools/train_tone.py). Trained on the Wikipedia part of the Stanford "
    "Politeness Corpus (CC BY 4.0, Danescu-Niculescu-Mizil et al. 2013). Valences from the VADER "
    "lexicon (MIT, Hutto & Gilbert 2014)."
)


def train(data: Path) -> tuple[dict[str, object], dict[str, float]]:
    """Fit both models on Wikipedia; returns the weights payload and the accuracies."""
    wiki, wiki_s = load(data / "stanford" / "wikipedia.annotated.csv")
    se, se_s = load(data / "stanford" / "stack-exchange.annotated.csv")
    valence = valence_lexicon()
    fw = [tone.english_features(t, valence) for t in wiki]
    fs = [tone.english_features(t, valence) for t in se]
    words = fit(fw, wiki_s, ALPHA_WORDS)
    shipped = prune(words, wiki)
    sw = [tone.strategy_features(t, "en") for t in wiki]
    ss = [tone.strategy_features(t, "en") for t in se]
    strategy = fit(sw, wiki_s, ALPHA_STRATEGY)
    results = {
        "wikipedia_10fold": in_domain(fw, wiki_s, ALPHA_WORDS, strict=False),
        "wikipedia_10fold_strict_quartiles_only": in_domain(fw, wiki_s, ALPHA_WORDS, strict=True),
        "wikipedia_to_stack_exchange": cross(words, fs, se_s),
        "wikipedia_to_stack_exchange_shipped_pruned": cross(shipped, fs, se_s),
        "strategy_model_wikipedia_10fold": in_domain(sw, wiki_s, ALPHA_STRATEGY, strict=False),
        "strategy_model_to_stack_exchange": cross(strategy, ss, se_s),
        "strategy_model_tydip_en": binary_accuracy(data / "tydip" / "en_test_binary.csv", "en", strategy),
        "strategy_model_tydip_ru": binary_accuracy(data / "tydip" / "ru_test_binary.csv", "ru", strategy),
    }
    payload = {
        "about": ABOUT,
        "scale": 2.0,
        "results": {k: round(v, 4) for k, v in results.items()},
        "valence": valence,
        "words": shipped,
        "strategy": {k: round(v, 5) for k, v in strategy.items()},
    }
    return payload, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "supportterm" / "politeness" / tone.WEIGHTS_FILE)
    args = parser.parse_args()
    payload, results = train(args.data)
    args.out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for name, value in results.items():
        print(f"{name:45s} {value:.2%}")
    size = args.out.stat().st_size / 1024
    print(f"weights: {args.out} ({size:.0f} KiB, {len(payload['words'])} features)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
