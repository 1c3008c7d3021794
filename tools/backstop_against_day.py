"""Provides experiment 11: the learned backstop judged against the rules of the day, per blind author.

Question: how much does the backstop add to the checker on replies of authors the rules had not been tuned
on, at larger false-alarm budgets than the shipped 0.4 %? Every seen blind set (blind7-blind28) was tuned on
right after it was opened, so today's rules hide any gain there; `tools/rules_before_opening.json` keeps the
verdicts of the rules as they were just before each set entered the repository. For each set and language:

    prediction = rules of that day (backstop off)  OR  model fitted without that set's author

The model is `tools/train_backstop.py`'s sentence model (same features, scorer and own negatives), fitted
once per left-out author (42 authors per language; S always trains). Its threshold for a held-out set is the
lowest that keeps the out-of-author scores of every *other* author's fine replies within the budget `fa`
(and their request parts within `pfa`), and every own text (starter replies, demo strings, hard negatives)
below it. Those out-of-author scores come from the models that left each other author out (which did see
the held-out set: a small leak on the threshold, never on the held-out set's own scores), so one fit per
author serves every budget.

Prints, per language and setting, the pooled needs-fix F1, recall and false alarms over the 22 sets of: the
rules of the day, the checker of the day (rules OR the backstop shipped then), and rules of the day OR this
model. Logged to tools/train_backstop.log.jsonl as experiment 11. Needs numpy, scipy and scikit-learn (dev
tools).

    .venv/bin/python tools/backstop_against_day.py [--langs en,ru,az] [--budgets 0.004,0.01,0.02]
        [--through 61] [--fits shipped]

`--through N` (session 21, experiment 12) adds the blind sets b29..bN as authors and as judged sets (their day's
verdicts are in rules_before_opening.json too); `--fits shipped` fits only the shipped setting.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import train_backstop as tb  # noqa: E402

VERDICTS = json.loads((ROOT / "tools" / "rules_before_opening.json").read_text(encoding="utf-8"))
HELD_OUT = tuple(f"b{n}" for n in range(7, 29))
"""The authors judged: the blind sets with a day's verdicts (blind7-blind28)."""
BUDGETS = (0.004, 0.01, 0.02, 0.03, 0.05)
FIT_GRID: dict[str, list[dict[str, float]]] = {
    lang: [
        {**tb.SETTINGS_V10[lang], **change}
        for change in ({}, {"screen": 50}, {"C": tb.SETTINGS_V10[lang]["C"] * 3})
    ]
    for lang in tb.LANGS
}
"""Per language: the shipped setting, a looser trigger screen, a weaker regularisation."""


def _day(author: str, lang: str, kind: str) -> list[bool]:
    return [c == "1" for c in VERDICTS[f"blind{author[1:]}"][lang][kind]]


def pooled(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    return tb.prf(pred, gold)


def run(lang: str, cfg: dict[str, float], budgets: tuple[float, ...], cache: dict) -> list[dict[str, object]]:
    """Every budget's pooled numbers for one fit setting."""
    corpus = tb.load_corpus(lang, cfg, tuple(tb.AUTHORS), cache)
    order = tuple(a for a in tb.AUTHORS if a != "S")
    folds = tb.Folds(corpus, cfg, order)
    models = {a: folds.model(frozenset({a}))[1] for a in order}
    oof_fine = {
        a: [tb.reply_score(models[a], b) for b in corpus.authors[a] if not b.needs_fix] for a in order
    }
    oof_polite = {a: [tb.reply_score(models[a], b) for b in corpus.requests[folds.part(a)]] for a in order}
    own_top = {a: max(tb.reply_score(models[a], b) for b in corpus.own) for a in HELD_OUT}
    held_scores = {a: [tb.reply_score(models[a], b) for b in corpus.authors[a]] for a in HELD_OUT}
    gold = [b.needs_fix for a in HELD_OUT for b in corpus.authors[a]]
    rules = [f for a in HELD_OUT for f in _day(a, lang, "rules")]
    checker = [f for a in HELD_OUT for f in _day(a, lang, "checker")]
    out = []
    for fa in budgets:
        pred: list[bool] = []
        per_set = {}
        for a in HELD_OUT:
            fine = [s for o in order if o != a for s in oof_fine[o]]
            polite = [s for o in order if o != a for s in oof_polite[o]]
            cut = tb.threshold_for(fine, fa)
            if polite:
                cut = max(cut, tb.threshold_for(polite, cfg["pfa"]))
            cut = max(cut, own_top[a] + 1)
            mine = [r or s >= cut for r, s in zip(_day(a, lang, "rules"), held_scores[a], strict=True)]
            per_set[a] = tb.prf(mine, [b.needs_fix for b in corpus.authors[a]])["F1"]
            pred += mine
        sets_at_bar = sum(f >= 0.9 for f in per_set.values())
        out.append(
            {
                "fa": fa,
                "rules_day": pooled(rules, gold),
                "checker_day": pooled(checker, gold),
                "rules_day_or_model": pooled(pred, gold),
                "sets_at_0.9": sets_at_bar,
                "per_set_F1": per_set,
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default=",".join(tb.LANGS))
    parser.add_argument("--budgets", default=",".join(map(str, BUDGETS)))
    parser.add_argument("--through", type=int, default=28)
    parser.add_argument("--fits", choices=("grid", "shipped"), default="grid")
    tb.add_v13_arguments(parser)
    args = parser.parse_args()
    budgets = tuple(float(x) for x in args.budgets.split(","))
    tb.EXPERIMENT = 11
    if args.through > 28:
        global HELD_OUT
        tb.add_blind_authors(args.through)
        HELD_OUT = tuple(f"b{n}" for n in range(7, args.through + 1))
        tb.EXPERIMENT = 12
    tb.apply_v13_arguments(args)
    cache: dict = {}
    for lang in args.langs.split(","):
        for cfg in FIT_GRID[lang][:1] if args.fits == "shipped" else FIT_GRID[lang]:
            for res in run(lang, cfg, budgets, cache):
                r, c, m = res["rules_day"], res["checker_day"], res["rules_day_or_model"]
                print(
                    f"{lang} C={cfg['C']} screen={cfg['screen']} fa={res['fa']}: "
                    f"rules {r['F1']:.3f}/{r['FA']:.3f}"
                    f"  checker-of-day {c['F1']:.3f} R {c['R']:.3f} FA {c['FA']:.3f}  rules OR model "
                    f"{m['F1']:.3f} R {m['R']:.3f} FA {m['FA']:.3f}; sets >= 0.9: {res['sets_at_0.9']}/{len(HELD_OUT)}",
                    flush=True,
                )
                tb.log({"mode": "against_day", "lang": lang, "config": cfg, **res})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
