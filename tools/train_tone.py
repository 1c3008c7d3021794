"""Provides the trainer of the tone score (supportterm/politeness/tone_weights.json).

Protocol (shared/data/politeness/README.md, after Danescu-Niculescu-Mizil et al. 2013): requests are
ranked by `Normalized Score`; the top quartile is polite and the bottom quartile impolite. In-domain
accuracy is 10-fold cross-validation on Wikipedia; cross-domain trains on Wikipedia and tests on Stack
Exchange. Only Wikipedia is ever fitted, and hyperparameters (ridge strength, the minimum number of
requests a word feature must appear in) are chosen by that Wikipedia cross-validation alone; Stack
Exchange and TyDiP are scored once, with the chosen model, and never steer a choice.

The model is a ridge regression on the normalised score, fitted on every Wikipedia request (the
middle half carries signal too); the test folds of the in-domain run are always held out, and word
features are counted on the training folds only. The paper's stricter variant, fitted on quartile
items only, is printed as well.

Needs numpy, scikit-learn and vaderSentiment (dev tools, not runtime dependencies):
    .venv/bin/pip install numpy scikit-learn vaderSentiment
    .venv/bin/python tools/train_tone.py [--data DIR] [--out FILE]
    .venv/bin/python tools/train_tone.py --paper   # the paper's two SVMs rebuilt; scores Stack Exchange
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import paper_strategies  # noqa: E402

from supportterm.politeness import tone, tone_features  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "politeness"
ALPHAS_WORDS = (0.3, 1.0, 3.0)
MIN_DFS = (2, 3, 5)
ALPHAS_STRATEGY = (0.3, 1.0, 3.0, 10.0)
DECIMALS = 4
MAX_BYTES = 290 * 1024
"""Budget of the weights file (it is read when the checker loads); a little under the 300 KB target."""
WORD_PREFIXES = ("u:", "b:", "^", "Q:")
"""Features that name words; the others (strategies, valences) are always kept."""

Feats = list[dict[str, float]]
Say = Callable[[str], None]


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


def pack_valence(valence: dict[str, float]) -> dict[str, str]:
    """{"-1.5": "word word …"}: the lexicon grouped by value (tone.unpack_valence reverses it)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word, value in sorted(valence.items()):
        groups[f"{value:g}"].append(word)
    return {value: " ".join(words) for value, words in sorted(groups.items(), key=lambda kv: float(kv[0]))}


def kept(raw: Feats, pool: np.ndarray, min_df: int) -> set[str]:
    """Word features found in at least `min_df` requests of `pool`, plus every other feature seen."""
    df: Counter[str] = Counter()
    for i in pool:
        df.update(raw[i].keys())
    return {k for k, n in df.items() if n >= min_df or not k.startswith(WORD_PREFIXES)}


def restrict(raw: Feats, known: set[str]) -> Feats:
    """The features as the scorer sees them: unknown ones dropped, then L2-normalised."""
    return [tone_features.normalised({k: v for k, v in f.items() if k in known}) for f in raw]


def fit(feats: Feats, y: np.ndarray, alpha: float) -> dict[str, float]:
    """Ridge weights as a feature→weight dict, with the intercept under `__intercept__`."""
    vec = DictVectorizer()
    model = Ridge(alpha=alpha).fit(vec.fit_transform(feats), y)
    weights = dict(zip(vec.get_feature_names_out(), model.coef_.tolist(), strict=True))
    weights["__intercept__"] = float(model.intercept_)
    return weights


def predict(weights: dict[str, float], feats: Feats) -> np.ndarray:
    """Scores of a linear model, computed as the shipped scorer does."""
    b = weights.get("__intercept__", 0.0)
    return np.array([b + sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats])


def in_domain(raw: Feats, scores: np.ndarray, alpha: float, min_df: int, strict: bool = False) -> float:
    """10-fold accuracy on Wikipedia quartile items; `strict` fits on quartile items only."""
    idx, labels = quartiles(scores)
    accs = []
    for train, test in KFold(10, shuffle=True, random_state=0).split(idx):
        held = set(idx[test].tolist())
        pool = idx[train] if strict else np.array([i for i in range(len(scores)) if i not in held])
        known = kept(raw, pool, min_df)
        w = fit(restrict([raw[i] for i in pool], known), scores[pool], alpha)
        pred = predict(w, restrict([raw[i] for i in idx[test]], known))
        accs.append(float(((pred > 0) == labels[test]).mean()))
    return float(np.mean(accs))


def accuracy(pred: np.ndarray, scores: np.ndarray) -> float:
    """Accuracy of predictions on the quartile items of a corpus."""
    idx, labels = quartiles(scores)
    return float(((pred[idx] > 0) == labels).mean())


def binary_accuracy(path: Path, lang: str, weights: dict[str, float]) -> float:
    """Accuracy on a TyDiP binary file (score sign = label) with the strategy model."""
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    texts = [r["sentence"] for r in rows]
    feats = [tone_features.strategy_features(t, lang, tone.rude_count(t, lang)) for t in texts]
    labels = np.array([float(r["score"]) > 0 for r in rows])
    return float(((predict(weights, feats) > 0) == labels).mean())


def full_fit(raw: Feats, scores: np.ndarray, alpha: float, min_df: int) -> dict[str, float]:
    """The word model fitted on every request, rounded as shipped."""
    known = kept(raw, np.arange(len(raw)), min_df)
    return {k: round(v, DECIMALS) for k, v in fit(restrict(raw, known), scores, alpha).items()}


def choose(grid: dict[tuple[float, ...], float]) -> tuple[float, ...]:
    """The best setting by Wikipedia cross-validation; ties go to the stronger regularisation."""
    return max(grid, key=lambda k: (round(grid[k], 4), k))


ABOUT = (
    "Tone model for supportterm (tools/train_tone.py). Trained on the Wikipedia part of the Stanford "
    "Politeness Corpus (CC BY 4.0, Danescu-Niculescu-Mizil et al. 2013). Valences from the VADER "
    "lexicon (MIT, Hutto & Gilbert 2014)."
)


def within_budget(
    grid: dict[tuple[float, int], float], raw: Feats, scores: np.ndarray, packed: dict[str, str], say: Say
) -> tuple[float, int, dict[str, float]]:
    """The best (alpha, min_df) by cross-validation whose weights fit MAX_BYTES, and its weights."""
    for alpha, min_df in sorted(grid, key=lambda k: (-round(grid[k], 4), -k[0], -k[1])):
        words = full_fit(raw, scores, alpha, min_df)
        size = len(json.dumps([words, packed], ensure_ascii=False, separators=(",", ":")))
        if size <= MAX_BYTES:
            return alpha, min_df, words
        say(f"  alpha={alpha} min_df={min_df}: {size // 1024} KiB, over the {MAX_BYTES // 1024} KiB budget")
    raise SystemExit("no setting fits the size budget; raise MIN_DFS")


def train(data: Path, say: Say = print) -> tuple[dict[str, object], dict[str, float]]:
    """Choose and fit both models on Wikipedia; returns the weights payload and the accuracies."""
    wiki, wiki_s = load(data / "stanford" / "wikipedia.annotated.csv")
    se, se_s = load(data / "stanford" / "stack-exchange.annotated.csv")
    valence = valence_lexicon()
    packed = pack_valence(valence)
    raw = [tone_features.english_raw(t, valence, tone.rude_count(t, "en")) for t in wiki]

    grid: dict[tuple[float, int], float] = {}
    for alpha, min_df in itertools.product(ALPHAS_WORDS, MIN_DFS):
        grid[(alpha, min_df)] = in_domain(raw, wiki_s, alpha, min_df)
        say(f"  word model  alpha={alpha:<4} min_df={min_df}  Wikipedia 10-fold {grid[(alpha, min_df)]:.2%}")
    alpha, min_df, words = within_budget(grid, raw, wiki_s, packed, say)
    say(f"chosen by Wikipedia cross-validation within the size budget: alpha={alpha}, min_df={min_df}")
    fs = [
        tone_features.english_features(t, valence, tone.rude_count(t, "en"), words.__contains__) for t in se
    ]

    sw = [tone_features.strategy_features(t, "en", tone.rude_count(t, "en")) for t in wiki]
    s_grid = {(a,): in_domain(sw, wiki_s, a, 0) for a in ALPHAS_STRATEGY}
    (s_alpha,) = choose(s_grid)
    strategy = {k: round(v, DECIMALS) for k, v in fit(sw, wiki_s, s_alpha).items()}
    ss = [tone_features.strategy_features(t, "en", tone.rude_count(t, "en")) for t in se]
    results = {
        "wikipedia_10fold": grid[(alpha, min_df)],
        "wikipedia_10fold_strict_quartiles_only": in_domain(raw, wiki_s, alpha, min_df, strict=True),
        "wikipedia_to_stack_exchange": accuracy(predict(words, fs), se_s),
        "strategy_model_wikipedia_10fold": s_grid[(s_alpha,)],
        "strategy_model_to_stack_exchange": accuracy(predict(strategy, ss), se_s),
        "strategy_model_tydip_en": binary_accuracy(data / "tydip" / "en_test_binary.csv", "en", strategy),
        "strategy_model_tydip_ru": binary_accuracy(data / "tydip" / "ru_test_binary.csv", "ru", strategy),
    }
    payload = {
        "about": ABOUT,
        "scale": 2.0,
        "chosen": {"alpha": alpha, "min_df": min_df, "strategy_alpha": s_alpha},
        "results": {k: round(v, 4) for k, v in results.items()},
        "valence": packed,
        "words": words,
        "strategy": strategy,
    }
    return payload, results


PAPER_CS_LING = (0.02, 0.05, 0.1, 0.3)
PAPER_MIN_COUNTS = (1, 3, 20)
PAPER_CS_STRATEGIES = (0.01, 0.03, 0.1, 0.3, 1.0)


def paper_features(text: str, valence: dict[str, float], unigrams: bool) -> dict[str, float]:
    """The paper's features of a request: its 21 strategies, and its unigrams for the "Ling." model."""
    low = text.lower()
    feats = {"P:" + name: 1.0 for name in paper_strategies.strategies(low, valence)}
    if unigrams:
        for sentence in paper_strategies.split_sentences(low):
            feats.update({"w:" + token: 1.0 for token in paper_strategies.tokens(sentence)})
    return feats


def _int32(matrix: Any) -> Any:
    """LinearSVC takes only 32-bit sparse indices; DictVectorizer makes 64-bit ones."""
    matrix = matrix.tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def fit_svm(feats: Feats, labels: np.ndarray, c: float, min_count: int) -> tuple[DictVectorizer, LinearSVC]:
    """A linear SVM on binary features; unigrams seen in fewer than `min_count` requests are dropped."""
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.keys())
    known = {k for k, n in df.items() if n >= min_count or not k.startswith("w:")}
    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in f.items() if k in known} for f in feats])
    return vec, LinearSVC(C=c, max_iter=20000).fit(_int32(x), labels)


def svm_in_domain(feats: Feats, scores: np.ndarray, c: float, min_count: int) -> float:
    """10-fold accuracy of the paper's SVM on the Wikipedia quartile items (it is fitted on those only)."""
    idx, labels = quartiles(scores)
    accs = []
    for train, test in KFold(10, shuffle=True, random_state=0).split(idx):
        vec, svm = fit_svm([feats[i] for i in idx[train]], labels[train], c, min_count)
        pred = svm.predict(_int32(vec.transform([feats[i] for i in idx[test]])))
        accs.append(float((pred == labels[test]).mean()))
    return float(np.mean(accs))


def paper_models(data: Path, say: Say = print) -> dict[str, float]:
    """The paper's two SVMs rebuilt (21 strategies alone; "Ling.": unigrams and strategies).

    C and the unigram minimum are chosen by Wikipedia cross-validation (ties go to the smaller C,
    the stronger regularisation); the chosen models are then fitted on every Wikipedia quartile
    item and scored once on Stack Exchange and TyDiP-en. A diagnostic: nothing here is shipped.
    """
    wiki, wiki_s = load(data / "stanford" / "wikipedia.annotated.csv")
    se, se_s = load(data / "stanford" / "stack-exchange.annotated.csv")
    with (data / "tydip" / "en_test_binary.csv").open(encoding="utf-8") as fh:
        tydip = list(csv.DictReader(fh))
    valence = valence_lexicon()
    out: dict[str, float] = {}
    for name, unigrams, grid in (
        ("paper_strategies_svm", False, list(itertools.product(PAPER_CS_STRATEGIES, (1,)))),
        ("paper_ling_svm", True, list(itertools.product(PAPER_CS_LING, PAPER_MIN_COUNTS))),
    ):
        feats = [paper_features(t, valence, unigrams) for t in wiki]
        cv = {setting: svm_in_domain(feats, wiki_s, *setting) for setting in grid}
        for (c, min_count), acc in cv.items():
            say(f"  {name} C={c:<5} min_count={min_count:<3} Wikipedia 10-fold {acc:.2%}")
        c, min_count = max(cv, key=lambda k: (round(cv[k], 4), -k[0], k[1]))
        idx, labels = quartiles(wiki_s)
        vec, svm = fit_svm([feats[i] for i in idx], labels, c, min_count)
        se_idx, se_labels = quartiles(se_s)
        se_x = vec.transform([paper_features(se[i], valence, unigrams) for i in se_idx])
        ty_x = vec.transform([paper_features(r["sentence"], valence, unigrams) for r in tydip])
        ty_labels = np.array([float(r["score"]) > 0 for r in tydip])
        say(f"chosen {name}: C={c}, min_count={min_count}")
        out[f"{name}_wikipedia_10fold"] = cv[(c, min_count)]
        out[f"{name}_to_stack_exchange"] = float((svm.predict(_int32(se_x)) == se_labels).mean())
        out[f"{name}_tydip_en"] = float((svm.predict(_int32(ty_x)) == ty_labels).mean())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "supportterm" / "politeness" / tone.WEIGHTS_FILE)
    parser.add_argument(
        "--paper",
        action="store_true",
        help="rebuild the paper's SVMs and print their accuracies (writes nothing)",
    )
    args = parser.parse_args()
    if args.paper:
        for name, value in paper_models(args.data).items():
            print(f"{name:45s} {value:.2%}")
        return 0
    payload, results = train(args.data)
    args.out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for name, value in results.items():
        print(f"{name:45s} {value:.2%}")
    size = args.out.stat().st_size / 1024
    print(f"weights: {args.out} ({size:.0f} KiB, {len(payload['words'])} features)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
