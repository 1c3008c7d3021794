"""Provides the evaluation report of the politeness checker on the labelled reply sets.

Prints, per language and per set (tests/politeness/devset and heldout): precision, recall and F1 of
each category, the F1 of "needs a fix" (any error or warning finding) and the false-alarm rate (share
of fine replies that got an error or a warning). Hints are advice and are not scored.

    .venv/bin/python tools/politeness_report.py
        [--set dev|heldout|tuning|paraphrase|blind1|tuning2|blind|blind3|d1..d15|blind5|blind7..blind69|both]
        [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from supportterm.politeness import check  # noqa: E402
from supportterm.politeness.findings import HINT  # noqa: E402

SETS = {name: ROOT / "tests" / "politeness" / folder for name, folder in (
    ("dev", "devset"), ("heldout", "heldout"), ("tuning", "tuning"), ("paraphrase", "paraphrase"),
    ("blind1", "blind1"), ("tuning2", "tuning2"), ("blind", "blind"), ("blind3", "blind3"),
    ("d1", "authors5/d1"), ("d2", "authors5/d2"), ("d3", "authors5/d3"), ("d4", "authors5/d4"),
    ("blind5", "blind5"), ("d5", "authors6/d5"), ("d6", "authors6/d6"), ("d7", "authors6/d7"),
    ("d8", "authors6/d8"), ("d9", "authors6/d9"), ("d10", "authors6/d10"), ("d11", "authors6/d11"),
    ("d12", "authors6/d12"), ("d13", "authors8/d13"), ("d14", "authors8/d14"), ("d15", "authors8/d15"),
    ("blind7", "blind7"), ("blind8", "blind8"), ("blind9", "blind9"), ("blind10", "blind10"),
    ("blind11", "blind11"), ("blind12", "blind12"), ("blind13", "blind13"),
    ("blind14", "blind14"), ("blind15", "blind15"), ("blind16", "blind16"), ("blind17", "blind17"),
    ("blind18", "blind18"), ("blind19", "blind19"), ("blind20", "blind20"),
    ("blind21", "blind21"), ("blind22", "blind22"),
    ("blind23", "blind23"), ("blind24", "blind24"),
    ("blind25", "blind25"), ("blind26", "blind26"), ("blind27", "blind27"), ("blind28", "blind28"), ("blind29", "blind29"), ("blind30", "blind30"), ("blind31", "blind31"), ("blind32", "blind32"), ("blind33", "blind33"), ("blind34", "blind34"), ("blind35", "blind35"), ("blind36", "blind36"), ("blind37", "blind37"), ("blind38", "blind38"), ("blind39", "blind39"), ("blind40", "blind40"), ("blind41", "blind41"), ("blind42", "blind42"), ("blind43", "blind43"), ("blind44", "blind44"), ("blind45", "blind45"), ("blind46", "blind46"), ("blind47", "blind47"), ("blind48", "blind48"), ("blind49", "blind49"), ("blind50", "blind50"), ("blind51", "blind51"), ("blind52", "blind52"), ("blind53", "blind53"), ("blind54", "blind54"), ("blind55", "blind55"), ("blind56", "blind56"), ("blind57", "blind57"), ("blind58", "blind58"), ("blind59", "blind59"), ("blind60", "blind60"), ("blind61", "blind61"), ("blind62", "blind62"), ("blind63", "blind63"), ("blind64", "blind64"), ("blind65", "blind65"), ("blind66", "blind66"), ("blind67", "blind67"), ("blind68", "blind68"), ("blind69", "blind69"))}
LANGS = ("en", "ru", "az")


def load(path: Path) -> list[dict[str, object]]:
    """The JSON lines of one labelled file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predicted(item: dict[str, object]) -> set[str]:
    """Categories of the error and warning findings the checker reports for one item."""
    report = check(str(item["text"]), customer_text=item.get("customer_text"))  # type: ignore[arg-type]
    return {f.category for f in report.findings if f.severity != HINT}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (1.0 where nothing was expected and nothing found)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(items: list[dict[str, object]], verbose: bool) -> dict[str, object]:
    """Scores of one labelled file."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    fix = [0, 0, 0]
    fine = false_alarms = 0
    for item in items:
        want, got = set(item["categories"]), predicted(item)  # type: ignore[arg-type]
        for cat in want | got:
            counts[cat][0 if cat in want and cat in got else 1 if cat in got else 2] += 1
        needs, flagged = bool(item["needs_fix"]), bool(got)
        fix[0 if needs and flagged else 1 if flagged else 2] += int(needs or flagged)
        fine += not needs
        false_alarms += flagged and not needs
        if verbose and (want != got or needs != flagged):
            print(f"  want {sorted(want)} got {sorted(got)}: {str(item['text'])[:110]!r}")
    return {
        "n": len(items),
        "needs_fix": prf(*fix),
        "false_alarm_rate": false_alarms / fine if fine else 0.0,
        "categories": {cat: (*prf(*c), c[0] + c[2]) for cat, c in sorted(counts.items())},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "both"), default="both")
    parser.add_argument("--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    names = ("dev", "heldout") if args.set == "both" else (args.set,)
    results = {}
    for name in names:
        for lang in LANGS:
            if args.verbose:
                print(f"[{name} {lang}]")
            results[f"{name}/{lang}"] = evaluate(load(SETS[name] / f"{lang}.jsonl"), args.verbose)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for key, res in results.items():
        p, r, f1 = res["needs_fix"]  # type: ignore[misc]
        print(
            f"{key:12s} n={res['n']:3d}  needs-fix P {p:.2f} R {r:.2f} F1 {f1:.2f}  "
            f"false alarms {res['false_alarm_rate']:.1%}"
        )
        for cat, (cp, cr, cf, support) in res["categories"].items():  # type: ignore[union-attr]
            print(f"    {cat:22s} P {cp:.2f} R {cr:.2f} F1 {cf:.2f}  (labelled {support})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
