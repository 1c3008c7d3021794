"""Provides the trainer and the experiment of the learned backstop (supportterm/politeness/backstop.py).

Question: does a small sentence model, OR-ed with the rules, catch faulty replies of an author neither has
seen, without extra false alarms? Seventh try (Russian only), pre-registered in docs/politeness.md
("Learned backstop").

- Authors (groups of replies by one writer): S (the checker's authors: devset, heldout, paraphrase; always
  training data), A (tuning + blind1), B (tuning2), C (blind), D (blind3), d1-d4 (authors5/dN), d5-d12
  (authors6/dN), d13-d15 (authors8/dN), blind5, b7-b18 (blind7-blind18, declared seen in sessions 13-15; one
  author per language file). The rules baseline is this branch's checker with the backstop off. The sealed
  sets (tests/politeness/sealed/) are never training data: `--first-look-sealed` scores one language file
  of each archive with the frozen weights and prints aggregates only.
- Extra negatives: the polite top quartile of the Stanford Wikipedia requests only (English). A request
  whose CRC-32 is divisible by 4 is held out to measure false alarms on. Stack Exchange and TyDiP are test
  sets (data README): `--measure` reports the share of their polite requests flagged; nothing here fits,
  thresholds or chooses with them.
- Own texts (always training negatives, kept below every threshold): starter replies, demo agent strings,
  and for ru/az our hard negatives (test_families.py, test_backstop.py; for ru also
  tools/backstop_hard_negatives_ru.json, written for the seventh try).
- `--explore`: the settings grid, leave-one-author-out over A, B, C, D, d1-d15, blind5 (S always trains).
- `--loao`: the chosen settings' leave-one-author-out table (rules alone vs rules OR model).
- `--ship`: the model on every author group given, written to supportterm/politeness/backstop_weights.json.
- `--first-look`: score the new authors (`NEW_AUTHORS`; none in the seventh try) with the weights file.
- `--first-look-sealed ARCHIVE ...`: each sealed archive's language files, scored with the frozen weights
  (`--frozen`): rules alone vs rules OR model, needs-fix P/R/F1, false alarms, new false alarms; aggregates
  only, never an item.
- `--measure`: polite Stack Exchange / TyDiP requests flagged by the weights file, by the rules, and by
  rules OR model.

Each fold's threshold is chosen on its training authors alone: every training author's fine replies (and
one part of the training requests) are scored by a model that did not see them, and the threshold is the
lowest that keeps both within their budgets. The trigger screen (`backstop.py`) is set from the training
data before the threshold: the words worth at least `screen` hundredths.

The model sees body sentences only (`frame.body_span`: no greeting, closing or signature; quotes and code
are masked). Labels are per reply: a fine reply's or a polite request's sentences are negative; a reply
labelled with a tone category (rude, blame, dismissive, sarcasm, argumentative) is a bag whose sentences
are positive with weight 1/len(bag). Replies needing a fix only for other categories are left out: the
rules own those. A reply is flagged when a screened sentence reaches the threshold. Scores come from the
shipped scorer itself (`backstop.load` on the packed weights), so the trainer and the checker agree.

Needs numpy, scipy and scikit-learn (dev tools, not runtime dependencies):
    .venv/bin/python tools/train_backstop.py --explore
    .venv/bin/python tools/train_backstop.py --loao
    .venv/bin/python tools/train_backstop.py --ship en,ru,az
    .venv/bin/python tools/train_backstop.py --langs ru --first-look-sealed tests/politeness/sealed/X.tar.gz
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import subprocess
import sys
import tarfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from supportterm.politeness import backstop, check  # noqa: E402
from supportterm.politeness.backstop import SCALE, TONE_CATEGORIES, WEIGHTS_FILE  # noqa: E402
from supportterm.politeness.findings import HINT  # noqa: E402
from supportterm.politeness.folding import fold  # noqa: E402
from supportterm.politeness.masking import mask  # noqa: E402

LANGS = ("en", "ru", "az")
AUTHORS: dict[str, tuple[str, ...]] = {
    "S": ("devset", "heldout", "paraphrase"),
    "A": ("tuning", "blind1"),
    "B": ("tuning2",),
    "C": ("blind",),
    "D": ("blind3",),
    "d1": ("authors5/d1",),
    "d2": ("authors5/d2",),
    "d3": ("authors5/d3",),
    "d4": ("authors5/d4",),
    "d5": ("authors6/d5",),
    "d6": ("authors6/d6",),
    "d7": ("authors6/d7",),
    "d8": ("authors6/d8",),
    "d9": ("authors6/d9",),
    "d10": ("authors6/d10",),
    "d11": ("authors6/d11",),
    "d12": ("authors6/d12",),
    "d13": ("authors8/d13",),
    "d14": ("authors8/d14",),
    "d15": ("authors8/d15",),
    "blind5": ("blind5",),
    "b7": ("blind7",),
    "b8": ("blind8",),
    "b9": ("blind9",),
    "b10": ("blind10",),
    "b11": ("blind11",),
    "b12": ("blind12",),
    "b13": ("blind13",),
    "b14": ("blind14",),
    "b15": ("blind15",),
    "b16": ("blind16",),
    "b17": ("blind17",),
    "b18": ("blind18",),
    **{f"b{n}": (f"blind{n}",) for n in range(19, 29)},
}
NEW_AUTHORS: dict[str, tuple[str, ...]] = {}
"""Authors scored once by `--first-look` after a freeze. The sixth try's d10-d12 are training data since the
seventh try, whose first look is on sealed archives (`--first-look-sealed`)."""
FOLDS = ("A", "B", "C", "D", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12",
         "d13", "d14", "d15", "blind5", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16",
         "b17", "b18", *(f"b{n}" for n in range(19, 29)))
"""Left out one at a time; S is always training data (seventh try: 20 folds; session 13 adds b7-b10, session
14 b11-b16, session 15 b17-b18, session 17 b19-b28)."""
DATA = Path("/work/shared/data/politeness")
LOG = ROOT / "tools" / "train_backstop.log.jsonl"
EXPERIMENT = 11
PARTS = 8
"""Training requests are cut into parts; a model that leaves an author out also leaves out its part."""
CATEGORY_KEEP = 150
"""Weights kept per category model (they run only on flagged sentences)."""

BS4_SETTINGS: dict[str, dict[str, float]] = {
    # The fourth try's choice (--explore at 3f53c42); the fifth try keeps C, prefix, pairs and screen.
    "en": {"C": 0.3, "prefix": 5, "pairs": 1, "keep": 1500, "min_count": 2, "fa": 0.008, "pfa": 0.02,
           "pw": 0.3, "screen": 100, "negation": 0},
    "ru": {"C": 1.0, "prefix": 5, "pairs": 1, "keep": 1500, "min_count": 2, "fa": 0.008, "pfa": 0.02,
           "pw": 0.3, "screen": 100, "negation": 0},
    "az": {"C": 1.0, "prefix": 0, "pairs": 1, "keep": 1500, "min_count": 2, "fa": 0.008, "pfa": 0.02,
           "pw": 0.3, "screen": 100, "negation": 0},
}
GRID_BY_LANG: dict[str, list[dict[str, float]]] = {
    lang: [{**cfg, "negation": neg, "fa": fa} for neg in (0, 1) for fa in (0.004, 0.008)]
    for lang, cfg in BS4_SETTINGS.items()
}
"""Fifth and sixth tries, explored per language: negation marks off/on x fine-reply budget 0.4 % / 0.8 %."""
SETTINGS: dict[str, dict[str, float]] = {
    # The pre-registered rule's pick from --explore at 3d1d54f (docs/politeness.md, fifth try): ru the only
    # eligible setting; en and az none eligible (extra false alarms 0.43-1.1 points), so the smallest.
    "en": {**BS4_SETTINGS["en"], "negation": 0, "fa": 0.004},
    "ru": {**BS4_SETTINGS["ru"], "negation": 1, "fa": 0.004},
    "az": {**BS4_SETTINGS["az"], "negation": 0, "fa": 0.004},
}
"""The fifth try's settings (the shipped English model was fitted with SETTINGS["en"])."""
SETTINGS_V6: dict[str, dict[str, float]] = {
    # Sixth try, the pre-registered rule's pick from --explore at 3e14310: the only eligible setting per
    # language (mean extra false alarms <= 0.4 point): ru negation off, az negation on, both fa 0.4 %.
    "ru": {**BS4_SETTINGS["ru"], "negation": 0, "fa": 0.004},
    "az": {**BS4_SETTINGS["az"], "negation": 1, "fa": 0.004},
}
SETTINGS.update(SETTINGS_V6)
SETTINGS_V7: dict[str, dict[str, float]] = {
    # Seventh try (ru only), the pre-registered rule's pick from --explore at 925d2ad: no setting eligible
    # (mean extra false alarms 0.54 / 0.99 / 0.54 / 1.03 points > 0.4), so the smallest; negation off and on
    # at fa 0.4 % tie at 0.0054 (exact 0.556 vs 0.549 points), and the tie goes to negation on.
    "ru": {**BS4_SETTINGS["ru"], "negation": 1, "fa": 0.004},
}
SETTINGS.update(SETTINGS_V7)
SETTINGS_V10 = {lang: dict(cfg) for lang, cfg in SETTINGS.items()}
"""The settings before experiment 11 (its grid starts from them)."""
SETTINGS_V11: dict[str, dict[str, float]] = {
    # Experiment 11 (session 17), the pre-registered choice from tools/backstop_against_day.py at eb30040: the
    # best
    # pooled F1 against the rules of the day with pooled false alarms <= 6 %: en fa 1 %, ru fa 2 %, az screen
    # 50 and
    # fa 3 % (fits otherwise as shipped).
    "en": {**SETTINGS["en"], "fa": 0.01},
    "ru": {**SETTINGS["ru"], "fa": 0.02},
    "az": {**SETTINGS["az"], "screen": 50, "fa": 0.03},
}
"""Not shipped (docs/politeness.md, experiment 11): `tools/backstop_weights_v11*_frozen.json` were fitted with
`SETTINGS.update(SETTINGS_V11)` (and `RENDERED_OWN_LANGS = ("az",)` for v11b); SETTINGS keep what ships, fixed
per language from --explore before the new authors (or sealed sets) are scored."""
SETTINGS_V13: dict[str, dict[str, float]] = {lang: {**SETTINGS_V10[lang], "fa": 0.02} for lang in LANGS}
"""Experiment 13 (session 22, pre-registered in docs/politeness.md): the shipped fit at a 2 % fine-reply budget,
experiment 12's pick on 55 held-out authors."""
OWN_V13 = False
"""Experiment 13's own texts: also the rendered demo strings and the lex rounds' hard negatives, every language."""
OWN_V13_LEX = True
"""False in experiment 13b (en, ru): the lex rounds' hard negatives stay out of the own texts."""
REPAIRED_FINE: dict[str, list[str]] = {}
"""Experiment 13's part-3 repair (once per language): whole replies a failing test asserts fine."""


def add_blind_authors(through: int) -> None:
    """Experiments 12-13: the opened blind sets b29..b<through> join the authors (one author per set)."""
    for n in range(29, through + 1):
        AUTHORS[f"b{n}"] = (f"blind{n}",)


HARD_NEGATIVE_LANGS = ("ru", "az", "en")
"""Our hard negatives join our own texts: ru and az since the sixth try, en since the session-12 refit."""
HARD_NEGATIVES_V7 = ROOT / "tools" / "backstop_hard_negatives_ru.json"
"""Seventh try: our own polite Russian request and softening formulae and negated polite statements
(bodies; written as whole replies with test_families.py's greeting and sign-off)."""
EIGHTH_TRY_LANGS = ("ru", "en")
"""Own hard negatives also from `LEX8_CONSTRUCTIONS` and the sentences test_families.py asserts are not
flagged, which the sixth and seventh tries' loader missed: ru since the eighth try, en since its refit
(session 12); az keeps the sixth try's data, which its shipped model was fitted on."""


@dataclass
class Bag:
    """One reply or request: its body, its sentences' features, its label and whether the rules flag it."""

    folded: str
    start: int
    end: int
    sentences: list[list[str]]
    needs_fix: bool
    tone: bool
    rules: bool = False
    weight: float = 1.0

    @property
    def target(self) -> int | None:
        """1 for a tone fault, 0 for a fine reply, None when only non-tone categories are labelled."""
        return 1 if self.tone else 0 if not self.needs_fix else None


def bag_of(text: str, lang: str, prefix: int, needs_fix: bool, tone: bool, rules: bool, weight: float,
           pairs: bool, negation: bool) -> Bag:
    """The body of a reply as the checker's backstop sees it, and every sentence's features."""
    folded, start, end = backstop.body(text, fold(mask(text), lang), lang)
    neg = lang if negation else None
    feats = [backstop.features(backstop.keys(folded, s, e, prefix, neg), backstop.cue(folded, s, e), pairs)
             for s, e in backstop.sentences(folded, start, end)]
    return Bag(folded, start, end, feats, needs_fix, tone, rules, weight)


def load_items(author: str, lang: str) -> list[dict[str, object]]:
    """The labelled replies of one author in one language, from the working tree."""
    out = []
    for folder in {**AUTHORS, **NEW_AUTHORS}[author]:
        raw = (ROOT / "tests" / "politeness" / folder / f"{lang}.jsonl").read_text(encoding="utf-8")
        out += [json.loads(line) for line in raw.splitlines() if line.strip()]
    return out


def rules_flag(text: str, lang: str, customer: str | None) -> bool:
    """Whether the rules alone (backstop off) report an error or a warning."""
    saved = backstop.use({})
    try:
        report = check(text, lang=lang, customer_text=customer)
    finally:
        backstop.use(saved)
    return any(f.severity != HINT for f in report.findings)


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _top_quartile(name: str) -> list[str]:
    with (DATA / "stanford" / f"{name}.annotated.csv").open(encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: -float(r["Normalized Score"]))
    return [r["Request"] for r in rows[: len(rows) // 4]]


def wikipedia_requests(lang: str) -> list[str]:
    """Polite requests allowed for training: the Stanford Wikipedia top quartile (English only)."""
    return _top_quartile("wikipedia") if lang == "en" else []


_PLACEHOLDER = re.compile(r"\{\w+\}")
DEMO_AGENT_STRINGS = ("REPLIES", "GREET", "GREET_CHAT", "THANKS", "EMPATHY", "REASSURE", "UPDATE", "RESOLVED",
                      "CLOSING", "SIGNOFF")
"""The `*_talk` names whose strings an agent writes (the rest are customer texts and framing)."""


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _strings(v)]
    if isinstance(value, (tuple, list)):
        return [t for v in value for t in _strings(v)]
    return []


def own_texts(lang: str) -> list[str]:
    """Our own agent texts in `lang`: every shipped starter reply (rendered as the composer would) and
    the demo corpus's agent strings (placeholders filled with a name)."""
    from supportterm.demo.corpus import PACKS
    from supportterm.replies import load_library
    out = [r.body.replace("{{customer.first_name}}", "Anna").replace("{{agent.name}}", "Jane Doe")
           for r in load_library(None)[0] if r.language == lang]
    talk = PACKS[lang].talk
    for name in DEMO_AGENT_STRINGS:
        out += [_PLACEHOLDER.sub("Anna", t) for t in _strings(getattr(talk, name, ()))]
    return sorted(set(t for t in out if t.strip()))


RENDERED_OWN_LANGS: tuple[str, ...] = ()
"""Languages whose own texts also hold the rendered demo strings (11b used ("az",); not shipped)."""
RENDER_SEEDS = 3
"""Experiment 11b: each demo agent string is also rendered as the demo renders it, with this many seeds."""


def demo_rendered(lang: str) -> list[str]:
    """The demo agent strings of `lang` filled as the demo fills them (`Values`: real dates, amounts, names,
    gendered forms), `RENDER_SEEDS` times each: the texts an agent sees in the demo, which the "Anna" fill of
    `own_texts` does not reproduce (experiment 11's Azerbaijani model flagged a rendered demo reply)."""
    import random
    from datetime import datetime

    from supportterm.demo.corpus import PACKS
    from supportterm.demo.corpus.values import Values
    pack = PACKS[lang]
    talk = pack.talk
    keys = sorted(talk.REPLIES)
    out = []
    for seed in range(RENDER_SEEDS):
        rng = random.Random(seed)
        name = talk.FEMALE[seed % len(talk.FEMALE)] if seed % 2 else "Anna Smith"
        for name_ in DEMO_AGENT_STRINGS:
            for template in _strings(getattr(talk, name_, ())):
                key = keys[rng.randrange(len(keys))]
                values = Values(rng, pack, {"name": f"{name} Test" if " " not in name else name,
                                            "email": "anna@example.com"}, key, datetime(2026, 11, 12, 10, 0))
                values["agent"], values["agent_first"] = "Leyla Hasanova", "Leyla"
                try:
                    out.append(values.fill(template, female=bool(seed % 2)))
                except (KeyError, IndexError, ValueError):
                    continue
    return sorted(set(t for t in out if t.strip()))


def own_hard_negatives(lang: str) -> list[str]:
    """Our own fine sentences that look faulty (sixth try): the hard negatives and polite twins of
    tests/politeness/test_families.py and the hard negatives of test_backstop.py, written as whole replies
    the way those tests check them; since the seventh try also `HARD_NEGATIVES_V7` (ru)."""
    sys.path.insert(0, str(ROOT / "tests" / "politeness"))
    import test_backstop
    import test_families as fam
    bodies = [b for k, b in fam.HARD_NEGATIVES + fam.SESSION5_HARD_NEGATIVES if k == lang]
    bodies += [fine for k, _, _, fine in fam.CONSTRUCTIONS + fam.SESSION5_CONSTRUCTIONS if k == lang]
    if HARD_NEGATIVES_V7.exists():
        bodies += json.loads(HARD_NEGATIVES_V7.read_text(encoding="utf-8")).get(lang, [])
    if lang in EIGHTH_TRY_LANGS:
        bodies += [fine for k, _, _, fine in fam.LEX8_CONSTRUCTIONS if k == lang]
        bodies += asserted_fine(Path(fam.__file__).read_text(encoding="utf-8"), lang)
    out = [fam.GREET[lang] + b + fam.CLOSE[lang] for b in bodies]
    return out + list(test_backstop.HARD_NEGATIVES.get(lang, ()))


def lex_hard_negatives(lang: str) -> list[str]:
    """Experiment 13: every `*HARD_NEGATIVES` list of tests/politeness/test_lex*_families.py in `lang`, written
    as whole replies the way those tests check them (experiment 11b's model flagged four of them)."""
    import importlib

    from tests.politeness import test_families as fam
    out = []
    for path in sorted((ROOT / "tests" / "politeness").glob("test_lex*_families.py")):
        module = importlib.import_module(f"tests.politeness.{path.stem}")
        for name, value in vars(module).items():
            if not (name.endswith("HARD_NEGATIVES") and isinstance(value, (list, tuple))):
                continue
            out += [fam.GREET[lang] + item[1] + fam.CLOSE[lang] for item in value
                    if isinstance(item, tuple) and len(item) >= 2 and item[0] == lang and isinstance(item[1], str)]
    return out


_ASSERTED_FINE = re.compile(r'not in found\("(\w+)", "((?:[^"\\]|\\.)*)"\)')
"""A test_families.py assertion that a sentence is not flagged: `... not in found("ru", "...")`."""


def asserted_fine(source: str, lang: str) -> list[str]:
    """The sentences of `lang` a test module asserts are not flagged (eighth try: own hard negatives)."""
    return [json.loads(f'"{body}"') for k, body in _ASSERTED_FINE.findall(source) if k == lang]


def test_requests(lang: str) -> dict[str, list[str]]:
    """Polite requests only ever measured: Stack Exchange top quartile (en), TyDiP polite (en, ru)."""
    out = {"stack-exchange": _top_quartile("stack-exchange")} if lang == "en" else {}
    tydip = DATA / "tydip" / f"{lang}_test_binary.csv"
    if tydip.exists():
        with tydip.open(encoding="utf-8") as f:
            out["tydip"] = [r["sentence"] for r in csv.DictReader(f) if float(r["score"]) > 0]
    return out


def is_held_out(text: str) -> bool:
    """The fixed held-out quarter of the Wikipedia requests."""
    return _crc(text) % 4 == 0


def part_of(text: str) -> int:
    return (_crc(text) // 4) % PARTS


@dataclass
class Corpus:
    """One language's bags: replies by author, training requests by part, held-out requests."""

    lang: str
    authors: dict[str, list[Bag]]
    requests: dict[int, list[Bag]]
    held_requests: list[Bag]
    own: list[Bag]
    """Our own texts (starter replies, demo agent strings): always training negatives, and the threshold
    keeps every one of them below it."""


def item_bags(items: list[dict[str, object]], lang: str, cfg: dict[str, float], cache: dict) -> list[Bag]:
    """The bags of labelled replies, with the rules' flag (cached by text and customer text)."""
    prefix, pairs, neg = int(cfg["prefix"]), bool(cfg["pairs"]), bool(cfg.get("negation"))
    bags = []
    for item in items:
        text, customer = str(item["text"]), item.get("customer_text")
        key = (lang, text, customer)
        if key not in cache:
            cache[key] = rules_flag(text, lang, customer)  # type: ignore[arg-type]
        tone = any(c in TONE_CATEGORIES for c in item["categories"])  # type: ignore[union-attr]
        bags.append(bag_of(text, lang, prefix, bool(item["needs_fix"]), tone, cache[key], 1.0, pairs, neg))
    return bags


def load_corpus(lang: str, cfg: dict[str, float], authors: tuple[str, ...], cache: dict) -> Corpus:
    """Bags of every author and request; rule flags are computed once per text (cached across settings)."""
    prefix, pw, pairs, neg = int(cfg["prefix"]), cfg["pw"], bool(cfg["pairs"]), bool(cfg.get("negation"))
    by_author = {author: item_bags(load_items(author, lang), lang, cfg, cache) for author in authors}
    requests: dict[int, list[Bag]] = {p: [] for p in range(PARTS)}
    held = []
    for text in wikipedia_requests(lang):
        bag = bag_of(text, lang, prefix, False, False, False, pw, pairs, neg)
        if is_held_out(text):
            held.append(bag)
        else:
            requests[part_of(text)].append(bag)
    texts = own_texts(lang) + (own_hard_negatives(lang) if lang in HARD_NEGATIVE_LANGS else [])
    if lang in RENDERED_OWN_LANGS or OWN_V13:
        texts += demo_rendered(lang)
    if OWN_V13:
        texts += (lex_hard_negatives(lang) if OWN_V13_LEX else []) + REPAIRED_FINE.get(lang, [])
    own = [bag_of(text, lang, prefix, False, False, False, 1.0, pairs, neg) for text in sorted(set(texts))]
    return Corpus(lang, by_author, requests, held, own)


class Vocab:
    """Feature index: features seen in at least `min_count` training bags."""

    def __init__(self, bags: list[Bag], min_count: int) -> None:
        counts: Counter[str] = Counter()
        for bag in bags:
            counts.update({f for s in bag.sentences for f in s})
        self.names = sorted(f for f, n in counts.items() if n >= min_count)
        self.index = {f: i for i, f in enumerate(self.names)}

    def matrix(self, rows: list[list[str]]) -> csr_matrix:
        data: list[float] = []
        cols: list[int] = []
        indptr = [0]
        for feats in rows:
            counted = Counter(self.index[f] for f in feats if f in self.index)
            cols.extend(counted)
            data.extend(counted.values())
            indptr.append(len(cols))
        return csr_matrix((np.array(data, float), cols, indptr), shape=(len(rows), len(self.names)))


def _fit(x: csr_matrix, y: list[int], w: list[float], c: float) -> LogisticRegression:
    pos = sum(wi for yi, wi in zip(y, w, strict=True) if yi)
    neg = sum(wi for yi, wi in zip(y, w, strict=True) if not yi)
    balance = [wi * (0.5 / pos if yi else 0.5 / neg) * len(y) for yi, wi in zip(y, w, strict=True)]
    return LogisticRegression(C=c, max_iter=2000, solver="liblinear").fit(x, y, sample_weight=balance)


def _packed(names: list[str], coef: np.ndarray, bias: float, keep: int) -> dict[str, object]:
    """The scorer's form of a fitted model: its `keep` largest weights, in hundredths."""
    uni: dict[str, int] = {}
    pair: dict[str, dict[str, int]] = {}
    cues: dict[str, int] = {}
    for i in np.argsort(-np.abs(coef), kind="stable")[:keep]:
        weight = round(float(coef[i]) * SCALE)
        if not weight:
            continue
        kind, _, key = names[i].partition(":")
        if kind == "u":
            uni[key] = weight
        elif kind == "c":
            cues[key] = weight
        else:
            first, _, second = key.partition(" ")
            pair.setdefault(first, {})[second] = weight
    return {"bias": round(bias * SCALE), "uni": dict(sorted(uni.items())),
            "pair": {k: dict(sorted(v.items())) for k, v in sorted(pair.items())},
            "cue": dict(sorted(cues.items()))}


def fit(bags: list[Bag], cfg: dict[str, float], lang: str) -> dict[str, object]:
    """The packed sentence model with its screen (threshold still unset) fitted on `bags`."""
    train = [b for b in bags if b.target is not None]
    vocab = Vocab(train, int(cfg["min_count"]))
    rows, labels, weights = [], [], []
    for bag in train:
        for feats in bag.sentences:
            rows.append(feats)
            labels.append(bag.target or 0)
            weights.append(bag.weight / len(bag.sentences) if bag.target else bag.weight)
    clf = _fit(vocab.matrix(rows), labels, weights, cfg["C"])
    packed = _packed(vocab.names, clf.coef_[0], float(clf.intercept_[0]), int(cfg["keep"]))
    negation = {"negation": lang} if cfg.get("negation") else {}
    return {"prefix": int(cfg["prefix"]), "threshold": 0, "screen": int(cfg["screen"]), **negation, **packed}


def reply_score(model: backstop._Language, bag: Bag, screened: bool = True) -> int:
    """The best screened sentence's score, as the checker computes it; very low when there is none."""
    scored = model.scored(bag.folded, bag.start, bag.end, screened)
    return max(score for _, _, score in scored) if scored else -10**9


def threshold_for(scores: list[int], budget: float) -> int:
    """The lowest integer threshold that flags at most `budget` of `scores`."""
    ranked = sorted(scores, reverse=True)
    allowed = int(math.floor(budget * len(ranked)))
    return ranked[allowed] + 1 if allowed < len(ranked) else -10**9


def prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    """Precision, recall, F1 of 'needs a fix', the false-alarm rate on fine replies, and counts."""
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    fine = sum(not g for g in gold)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "FA": round(fp / fine if fine else 0.0, 3), "fp": fp, "fine": fine, "n": len(gold)}


class Folds:
    """Models fitted without given authors and request parts, cached (nested folds reuse them)."""

    def __init__(self, corpus: Corpus, cfg: dict[str, float], order: tuple[str, ...]) -> None:
        self.corpus, self.cfg = corpus, cfg
        self.order = order
        self._fits: dict[frozenset[str], dict[str, object]] = {}
        self._cache: dict[tuple[frozenset[str], int], tuple[dict[str, object], backstop._Language]] = {}

    def part(self, author: str) -> int:
        return self.order.index(author) % PARTS

    def model(self, left_out: frozenset[str]) -> tuple[dict[str, object], backstop._Language]:
        """The model fitted on every author but `left_out` and every request part but theirs, with the
        current setting's screen (the screen moves no weight, so fits are shared across screens)."""
        if left_out not in self._fits:
            parts = {self.part(a) for a in left_out}
            bags = [b for a, v in self.corpus.authors.items() if a not in left_out for b in v]
            bags += [b for p, v in self.corpus.requests.items() if p not in parts for b in v]
            bags += self.corpus.own
            self._fits[left_out] = fit(bags, self.cfg, self.corpus.lang)
        key = (left_out, int(self.cfg["screen"]))
        if key not in self._cache:
            packed = {**self._fits[left_out], "screen": int(self.cfg["screen"])}
            self._cache[key] = (packed, backstop._Language(packed))
        return self._cache[key]

    def threshold(self, left_out: frozenset[str]) -> int:
        """For the model without `left_out`: the lowest threshold keeping the out-of-author scores of its
        training authors' fine replies within `fa` and of their request parts within `pfa`."""
        fine: list[int] = []
        polite: list[int] = []
        for held in self.order:
            if held in left_out:
                continue
            _, model = self.model(left_out | {held})
            fine += [reply_score(model, b) for b in self.corpus.authors[held] if not b.needs_fix]
            polite += [reply_score(model, b) for b in self.corpus.requests[self.part(held)]]
        cut = threshold_for(fine, self.cfg["fa"])
        if polite:
            cut = max(cut, threshold_for(polite, self.cfg["pfa"]))
        _, model = self.model(left_out)
        return max([cut, *(reply_score(model, b) + 1 for b in self.corpus.own)])

    def final(self, left_out: frozenset[str]) -> tuple[dict[str, object], backstop._Language]:
        packed, _ = self.model(left_out)
        packed = {**packed, "threshold": self.threshold(left_out)}
        return packed, backstop._Language(packed)


def flags(bags: list[Bag], model: backstop._Language, screened: bool = True) -> list[bool]:
    return [reply_score(model, b, screened) >= model.threshold for b in bags]


def evaluate(bags: list[Bag], model: backstop._Language) -> dict[str, dict[str, float]]:
    """Rules alone, model alone and rules OR model on one author's replies; what the screen kept."""
    flagged = flags(bags, model)
    unscreened = flags(bags, model, screened=False)
    gold = [b.needs_fix for b in bags]
    rules = [b.rules for b in bags]
    tone = [i for i, b in enumerate(bags) if b.target is not None]
    return {"rules": prf(rules, gold), "model": prf(flagged, gold),
            "rules_or_model": prf([a or b for a, b in zip(rules, flagged, strict=True)], gold),
            "model_tone": prf([flagged[i] for i in tone], [bool(bags[i].target) for i in tone]),
            "screen": {"kept": sum(flagged), "unscreened": sum(unscreened)}}


def request_rate(bags: list[Bag], model: backstop._Language) -> float:
    return round(sum(flags(bags, model)) / len(bags), 4) if bags else 0.0


def cross_validate(corpus: Corpus, cfg: dict[str, float], folds: Folds) -> dict[str, object]:
    """Leave each author of `FOLDS` out in turn (training on every other author in the corpus).
    `folds` may carry models fitted for another budget (the budgets only move thresholds)."""
    folds.cfg = cfg
    out = {}
    for held in FOLDS:
        _, model = folds.final(frozenset({held}))
        res: dict[str, object] = evaluate(corpus.authors[held], model)
        res["wikipedia_held_model"] = request_rate(corpus.held_requests, model)
        out[held] = res
    return out


def summary(per_fold: dict[str, dict[str, object]]) -> dict[str, float]:
    """Means over the folds: F1 and FA of rules and of rules OR model, the gain, requests flagged."""
    def mean(key: str, metric: str) -> float:
        return round(sum(per_fold[a][key][metric] for a in per_fold) / len(per_fold), 4)  # type: ignore[index]

    rf1, bf1 = mean("rules", "F1"), mean("rules_or_model", "F1")
    rfa, bfa = mean("rules", "FA"), mean("rules_or_model", "FA")
    req = round(sum(per_fold[a]["wikipedia_held_model"] for a in per_fold) / len(per_fold), 4)  # type: ignore[misc]
    kept = sum(per_fold[a]["screen"]["kept"] for a in per_fold)  # type: ignore[index]
    unscreened = sum(per_fold[a]["screen"]["unscreened"] for a in per_fold)  # type: ignore[index]
    return {"rules_F1": rf1, "or_F1": bf1, "gain": round(bf1 - rf1, 4), "rules_FA": rfa, "or_FA": bfa,
            "extra_FA": round(bfa - rfa, 4), "model_F1": mean("model", "F1"),
            "model_tone_F1": mean("model_tone", "F1"), "model_tone_R": mean("model_tone", "R"),
            "wikipedia_held": req, "screen_kept": kept, "screen_unscreened": unscreened}


def log(entry: dict[str, object]) -> None:
    with LOG.open("a", encoding="utf-8") as out:
        record = {"experiment": EXPERIMENT, "commit": _commit(), **entry}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def _corpus_key(cfg: dict[str, float]) -> tuple[float, ...]:
    return (cfg["prefix"], cfg["pw"], cfg["pairs"], cfg.get("negation", 0))


def _fit_key(cfg: dict[str, float]) -> tuple[float, ...]:
    return (*_corpus_key(cfg), cfg["C"], cfg["keep"], cfg["min_count"])


def run_explore(langs: list[str]) -> None:
    """The grid, leave-one-author-out over `FOLDS`; logged per setting."""
    cache: dict = {}
    for lang in langs:
        corpora: dict[tuple[float, ...], Corpus] = {}
        fitted: dict[tuple[float, ...], Folds] = {}
        for cfg in GRID_BY_LANG[lang]:
            key = _corpus_key(cfg)
            if key not in corpora:
                corpora[key] = load_corpus(lang, cfg, tuple(AUTHORS), cache)
            if _fit_key(cfg) not in fitted:
                fitted[_fit_key(cfg)] = Folds(corpora[key], cfg, FOLDS)
            per_fold = cross_validate(corpora[key], cfg, fitted[_fit_key(cfg)])
            res = summary(per_fold)
            print(lang, cfg, res, flush=True)
            log({"mode": "explore", "lang": lang, "config": cfg, "mean": res, "folds": per_fold})


def starter_findings(lang: str) -> list[str]:
    """Backstop warnings on the shipped starter replies of `lang`, rendered as the composer would."""
    from supportterm.replies import load_library
    out = []
    for reply in load_library(None)[0]:
        if reply.language != lang:
            continue
        text = reply.body.replace("{{customer.first_name}}", "Anna").replace("{{agent.name}}", "Jane Doe")
        found = backstop.backstop_findings(text, fold(mask(text), lang), lang, [])
        out += [f"{reply.id}: {text[f.start:f.end]}" for f in found]
    return out


def run_loao(langs: list[str]) -> None:
    """The chosen settings' leave-one-author-out table, and the model on every author's checks."""
    cache: dict = {}
    for lang in langs:
        cfg = SETTINGS[lang]
        corpus = load_corpus(lang, cfg, tuple(AUTHORS), cache)
        folds = Folds(corpus, cfg, FOLDS)
        per_fold = cross_validate(corpus, cfg, folds)
        res = summary(per_fold)
        print(lang, cfg, res, flush=True)
        for held, r in per_fold.items():
            print("  ", held, {k: (v["F1"], v["FA"]) if isinstance(v, dict) and "F1" in v else v
                               for k, v in r.items()})
        log({"mode": "loao", "lang": lang, "config": cfg, "mean": res, "folds": per_fold})


def fit_categories(corpus: Corpus, flag: backstop._Language, prefix: int) -> dict[str, object]:
    """One-vs-rest category models on each tone-faulty reply's best sentence, labelled with its categories."""
    rows, cats = [], []
    for author in corpus.authors:
        for item, bag in zip(load_items(author, corpus.lang), corpus.authors[author], strict=True):
            scored = flag.scored(bag.folded, bag.start, bag.end, screened=False)
            if not bag.target or not scored:
                continue
            s, e, _ = max(scored, key=lambda t: t[2])
            keys = backstop.keys(bag.folded, s, e, prefix, flag.negation)
            feats = backstop.features(keys, backstop.cue(bag.folded, s, e))
            for cat in item["categories"]:  # type: ignore[union-attr]
                if cat in TONE_CATEGORIES:
                    rows.append(feats)
                    cats.append(cat)
    vocab = Vocab([Bag("", 0, 0, [r], True, True) for r in rows], 1)
    x = vocab.matrix(rows)
    out = {}
    for cat in TONE_CATEGORIES:
        y = [int(k == cat) for k in cats]
        if 0 < sum(y) < len(y):
            clf = LogisticRegression(C=1.0, max_iter=2000, solver="liblinear").fit(x, y)
            out[cat] = _packed(vocab.names, clf.coef_[0], float(clf.intercept_[0]), CATEGORY_KEEP)
    return out


def run_ship(langs: list[str], authors: tuple[str, ...], out_path: Path, note: str = "") -> None:
    """Fit every language of `langs` on `authors` (all of them training data) and write the weights."""
    cache: dict = {}
    out: dict[str, object] = {}
    for lang in langs:
        cfg = SETTINGS[lang]
        corpus = load_corpus(lang, cfg, authors, cache)
        packed, model = Folds(corpus, cfg, tuple(a for a in authors if a != "S")).final(frozenset())
        out[lang] = {**packed, "category": fit_categories(corpus, model, int(cfg["prefix"]))}
    disabled = [lang for lang in LANGS if lang not in langs]
    doc = {"version": EXPERIMENT, "langs": out, "disabled": disabled}
    out_path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    sizes = {lang: len(json.dumps(v, ensure_ascii=False, separators=(",", ":"))) for lang, v in out.items()}
    print(f"wrote {out_path} ({out_path.stat().st_size} bytes)", sizes)
    saved = backstop.use(backstop.load(doc))
    try:
        starters = {lang: starter_findings(lang) for lang in langs}
    finally:
        backstop.use(saved)
    print("starter findings", starters)
    log({"mode": "ship", "langs": langs, "authors": list(authors), "disabled": disabled,
         "bytes": out_path.stat().st_size, "per_lang": sizes, "starters": starters,
         **({"note": note} if note else {})})


def _shipped(path: Path) -> dict[str, backstop._Language]:
    return backstop.load(json.loads(path.read_text(encoding="utf-8")))


def run_first_look(langs: list[str], path: Path) -> None:
    """The new authors (`NEW_AUTHORS`), scored once with the frozen weights: rules alone vs rules OR model."""
    if not NEW_AUTHORS:
        print("no new authors (seventh try: --first-look-sealed)")
        return
    models = _shipped(path)
    cache: dict = {}
    for lang in langs:
        if lang not in models:
            continue
        model = models[lang]
        cfg = {"prefix": model.prefix, "pw": 1.0, "pairs": 1, "negation": int(model.negation is not None)}
        corpus = load_corpus(lang, cfg, tuple(NEW_AUTHORS), cache)
        per = {a: evaluate(bags, model) for a, bags in corpus.authors.items()}
        mean_rules = round(sum(r["rules"]["F1"] for r in per.values()) / len(per), 4)
        mean_or = round(sum(r["rules_or_model"]["F1"] for r in per.values()) / len(per), 4)
        new_fa = sum(r["rules_or_model"]["fp"] - r["rules"]["fp"] for r in per.values())
        fine = sum(r["rules"]["fine"] for r in per.values())
        rise = round(100 * new_fa / fine, 2) if fine else 0.0
        print(lang, "mean F1 rules", mean_rules, "rules OR model", mean_or,
              "gain", round(mean_or - mean_rules, 4), "new false alarms", new_fa, "of", fine, "fine,",
              rise, "points", flush=True)
        for a, r in per.items():
            print("  ", a, {k: v for k, v in r.items()})
        log({"mode": "first_look", "lang": lang, "weights": str(path.name), "per_author": per,
             "mean_rules_F1": mean_rules, "mean_or_F1": mean_or, "gain": round(mean_or - mean_rules, 4),
             "new_false_alarms": new_fa, "fine": fine, "fa_rise_points": rise})


def sealed_items(archive: Path, lang: str) -> list[dict[str, object]]:
    """The items of `lang`.jsonl in a sealed archive (a gzipped tar, as tools/score_sealed.py reads it);
    no other member is read."""
    with tarfile.open(archive, "r:gz") as tar:
        try:
            member = tar.extractfile(f"{lang}.jsonl")
        except KeyError:
            member = None
        if member is None:
            raise SystemExit(f"{archive.name}: no {lang}.jsonl")
        raw = member.read().decode("utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def _live_flag(text: str, lang: str | None, customer: str | None) -> bool:
    """Whether the checker itself, with the models in use, reports an error or a warning (`lang` None: the
    checker detects the reply's language, as tools/score_sealed.py and politeness_report.py call it)."""
    return any(f.severity != HINT for f in check(text, lang=lang or "auto", customer_text=customer).findings)


def sealed_look(items: list[dict[str, object]], lang: str, model: backstop._Language,
                cache: dict) -> dict[str, object]:
    """Aggregates of one sealed language file: rules alone vs rules OR model (needs-fix P/R/F1, false
    alarms and their counts), new false alarms, tone-category recall counts, and how often the checker
    with the model in use agrees with rules OR model. No text of any item is returned.

    The rules-alone baseline is the trainer's (every try's): `check(text, lang=lang)`, which does not look
    for a reply in another language. Beside it, `language_detected`: the same comparison with the checker
    detecting the language, as tools/score_sealed.py scores (it also catches language mismatch)."""
    cfg = {"prefix": model.prefix, "pw": 1.0, "pairs": 1, "negation": int(model.negation is not None)}
    bags = item_bags(items, lang, cfg, cache)
    res = evaluate(bags, model)
    flagged = flags(bags, model)
    either = [b.rules or f for b, f in zip(bags, flagged, strict=True)]
    cats: dict[str, dict[str, int]] = {}
    for item, bag, got in zip(items, bags, either, strict=True):
        for cat in item["categories"]:  # type: ignore[union-attr]
            if cat in TONE_CATEGORIES:
                c = cats.setdefault(str(cat), {"labelled": 0, "rules": 0, "rules_or_model": 0})
                c["labelled"] += 1
                c["rules"] += bag.rules
                c["rules_or_model"] += got
    gold = [b.needs_fix for b in bags]
    texts = [(str(item["text"]), item.get("customer_text")) for item in items]
    saved = backstop.use({})
    try:
        detected_rules = [_live_flag(t, None, c) for t, c in texts]  # type: ignore[arg-type]
        backstop.use({lang: model})
        agree = sum(_live_flag(t, lang, c) == got for (t, c), got in zip(texts, either, strict=True))  # type: ignore[arg-type]
        detected_both = [_live_flag(t, None, c) for t, c in texts]  # type: ignore[arg-type]
    finally:
        backstop.use(saved)
    detected = {"rules": prf(detected_rules, gold), "rules_or_model": prf(detected_both, gold)}
    detected["new_false_alarms"] = detected["rules_or_model"]["fp"] - detected["rules"]["fp"]  # type: ignore[assignment]
    detected["gain"] = round(detected["rules_or_model"]["F1"] - detected["rules"]["F1"], 4)  # type: ignore[assignment]
    rules, both = res["rules"], res["rules_or_model"]
    return {"n": len(items), "needs_fix": sum(b.needs_fix for b in bags), "rules": rules,
            "rules_or_model": both, "model": res["model"], "new_false_alarms": both["fp"] - rules["fp"],
            "gain": round(both["F1"] - rules["F1"], 4), "tone_recall": dict(sorted(cats.items())),
            "screen": res["screen"], "checker_agrees": agree, "language_detected": detected}


def run_first_look_sealed(archives: list[Path], langs: list[str], path: Path) -> None:
    """Each sealed archive's files of `langs` (those the weights file has a model for), scored once with the
    frozen weights: rules alone vs rules OR model, printed and logged as aggregates only."""
    models = _shipped(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    cache: dict = {}
    for lang in langs:
        if lang not in models:
            continue
        per: dict[str, dict[str, object]] = {}
        for archive in archives:
            per[archive.name] = sealed_look(sealed_items(archive, lang), lang, models[lang], cache)
        mean_rules = round(sum(r["rules"]["F1"] for r in per.values()) / len(per), 4)  # type: ignore[index]
        mean_or = round(sum(r["rules_or_model"]["F1"] for r in per.values()) / len(per), 4)  # type: ignore[index]
        new_fa = sum(int(r["new_false_alarms"]) for r in per.values())  # type: ignore[call-overload]
        fine = sum(int(r["rules"]["fine"]) for r in per.values())  # type: ignore[index]
        print(f"{lang}: weights {path.name} (sha256 {digest}); mean needs-fix F1 rules alone "
              f"{mean_rules:.4f}, rules OR model {mean_or:.4f}, gain {mean_or - mean_rules:+.4f}; "
              f"new false alarms {new_fa} of {fine} fine replies", flush=True)
        det = [r["language_detected"] for r in per.values()]
        det_rules = round(sum(d["rules"]["F1"] for d in det) / len(det), 4)  # type: ignore[index]
        det_or = round(sum(d["rules_or_model"]["F1"] for d in det) / len(det), 4)  # type: ignore[index]
        det_new = sum(int(d["new_false_alarms"]) for d in det)  # type: ignore[call-overload]
        print(f"{lang}: language detected (as score_sealed.py): mean F1 rules alone {det_rules:.4f}, "
              f"rules OR model {det_or:.4f}, gain {det_or - det_rules:+.4f}; new false alarms {det_new}",
              flush=True)
        for name, r in per.items():
            a, b = r["rules"], r["rules_or_model"]
            print(f"  {name}: n={r['n']} needing a fix {r['needs_fix']}, fine {a['fine']}")  # type: ignore[index]
            print(f"    rules alone    P {a['P']:.3f} R {a['R']:.3f} F1 {a['F1']:.3f}  false alarms "  # type: ignore[index]
                  f"{a['fp']} ({a['FA']:.1%})")  # type: ignore[index]
            print(f"    rules OR model P {b['P']:.3f} R {b['R']:.3f} F1 {b['F1']:.3f}  false alarms "  # type: ignore[index]
                  f"{b['fp']} ({b['FA']:.1%}); new {r['new_false_alarms']}; gain {r['gain']:+.4f}")  # type: ignore[index]
            recall = ", ".join(f"{c} {v['rules']}->{v['rules_or_model']} of {v['labelled']}"  # type: ignore[index]
                               for c, v in r["tone_recall"].items())  # type: ignore[union-attr]
            print(f"    tone recall (caught, rules -> rules OR model): {recall}")
            print(f"    model alone flags {r['screen']['kept']}; checker agrees with rules OR model on "  # type: ignore[index]
                  f"{r['checker_agrees']} of {r['n']}")
            d = r["language_detected"]
            da, db = d["rules"], d["rules_or_model"]  # type: ignore[index]
            print(f"    language detected (as score_sealed.py): rules alone F1 {da['F1']:.3f} (false alarms "
                  f"{da['fp']}), rules OR model F1 {db['F1']:.3f} (false alarms {db['fp']}); new "
                  f"{d['new_false_alarms']}; gain {d['gain']:+.4f}")  # type: ignore[index]
        log({"mode": "first_look_sealed", "lang": lang, "weights": path.name, "weights_sha256": digest,
             "archives": {a.name: hashlib.sha256(a.read_bytes()).hexdigest()[:16] for a in archives},
             "per_archive": per, "mean_rules_F1": mean_rules, "mean_or_F1": mean_or,
             "gain": round(mean_or - mean_rules, 4), "new_false_alarms": new_fa, "fine": fine,
             "language_detected": {"mean_rules_F1": det_rules, "mean_or_F1": det_or,
                                   "gain": round(det_or - det_rules, 4), "new_false_alarms": det_new}})


def run_measure(langs: list[str], path: Path) -> None:
    """Share of the test sets' polite requests flagged by the weights file's model and by the rules."""
    models = _shipped(path)
    for lang in langs:
        for name, texts in test_requests(lang).items():
            model = models.get(lang)
            by_model = 0
            by_rules = 0
            by_either = 0
            saved = backstop.use(models)
            try:
                for text in texts:
                    found = (bool(backstop.backstop_findings(text, fold(mask(text), lang), lang, []))
                             if model is not None else False)
                    ruled = rules_flag(text, lang, None)
                    by_model += found
                    by_rules += ruled
                    by_either += found or ruled
            finally:
                backstop.use(saved)
            res = {"n": len(texts), "model": round(by_model / len(texts), 4),
                   "rules": round(by_rules / len(texts), 4),
                   "rules_or_model": round(by_either / len(texts), 4),
                   "counts": {"model": by_model, "rules": by_rules, "rules_or_model": by_either},
                   "enabled": model is not None}
            print(lang, name, res, flush=True)
            log({"mode": "measure", "lang": lang, "set": name, "weights": str(path.name), **res})


def run_install(langs: list[str], frozen: Path, package: Path) -> None:
    """Copy the frozen models of `langs` into the package's weights file, leaving its other languages (the
    shipped English model) as they are; every language without a model is listed as disabled."""
    doc = json.loads(package.read_text(encoding="utf-8"))
    source = json.loads(frozen.read_text(encoding="utf-8"))["langs"]
    langs_out = {**doc["langs"], **{lang: source[lang] for lang in langs}}
    disabled = [x for x in LANGS if x not in langs_out]
    out = {"version": doc["version"], "langs": langs_out, "disabled": disabled}
    package.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"installed {langs} from {frozen.name} into {package}; disabled {out['disabled']}")
    log({"mode": "install", "langs": langs, "from": frozen.name, "disabled": out["disabled"]})


def use_v13(repaired: Path | None = None, lex: bool = True) -> None:
    """Switch to experiment 13 (13b with `lex` False): its settings, own texts and (after a part-3 failure)
    repaired sentences."""
    global EXPERIMENT, OWN_V13, OWN_V13_LEX
    EXPERIMENT, OWN_V13, OWN_V13_LEX = 13, True, lex
    SETTINGS.update(SETTINGS_V13)
    if repaired is not None:
        REPAIRED_FINE.update(json.loads(repaired.read_text(encoding="utf-8")))


def add_v13_arguments(parser: argparse.ArgumentParser) -> None:
    """Experiment 13's switches, shared with tools/backstop_against_day.py."""
    parser.add_argument("--v13", action="store_true", help="experiment 13's settings and own texts")
    parser.add_argument("--v13b", action="store_true", help="experiment 13b: --v13 without the lex hard negatives")
    parser.add_argument("--repaired", type=Path, help="experiment 13: JSON {lang: [whole replies]} kept fine")


def apply_v13_arguments(args: argparse.Namespace) -> None:
    if args.v13 or args.v13b:
        use_v13(args.repaired, lex=not args.v13b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--explore", action="store_true", help="settings grid, leave-one-author-out")
    parser.add_argument("--loao", action="store_true", help="the chosen settings' leave-one-author-out table")
    parser.add_argument("--ship", help="languages that pass, comma-separated ('' ships none)")
    parser.add_argument("--with-new", action="store_true", help="--ship: also train on the new authors")
    parser.add_argument("--first-look", action="store_true", help="score d10-d12 once with the weights file")
    parser.add_argument("--measure", action="store_true", help="polite test requests flagged")
    parser.add_argument("--install", help="copy these languages' frozen models into the package's weights")
    parser.add_argument("--first-look-sealed", nargs="+", type=Path, metavar="ARCHIVE",
                        help="score these sealed archives once with the --frozen weights (aggregates only)")
    parser.add_argument("--frozen", type=Path, default=ROOT / "tools" / "backstop_weights_v7_frozen.json")
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--out", type=Path, default=ROOT / "supportterm" / "politeness" / WEIGHTS_FILE)
    parser.add_argument("--note", default="", help="why, recorded with a --ship run in the log")
    parser.add_argument("--through", type=int, default=28, help="blind sets b29..bN join the authors")
    add_v13_arguments(parser)
    args = parser.parse_args()
    langs = [x for x in args.langs.split(",") if x]
    add_blind_authors(args.through)
    apply_v13_arguments(args)
    if args.explore:
        run_explore(langs)
    if args.loao:
        run_loao(langs)
    if args.ship is not None:
        authors = (*AUTHORS, *NEW_AUTHORS) if args.with_new else tuple(AUTHORS)
        run_ship([x for x in args.ship.split(",") if x], authors, args.out, args.note)
    if args.install is not None:
        run_install([x for x in args.install.split(",") if x], args.frozen, args.out)
    if args.first_look:
        run_first_look(langs, args.out)
    if args.first_look_sealed:
        run_first_look_sealed(args.first_look_sealed, langs, args.frozen)
    if args.measure:
        run_measure(langs, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
