"""Provides the aggregate score of a sealed (blind) evaluation set, without showing any of its items.

A sealed set is a gzipped tar of `en.jsonl`, `ru.jsonl` and `az.jsonl` (the item format of
tests/politeness/README.md) kept in tests/politeness/sealed/ so that it survives a new machine; its
items are never read while rules change. This prints only per-language and per-category numbers.

    .venv/bin/python tools/score_sealed.py [tests/politeness/sealed/blind7.tar.gz] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from politeness_report import LANGS, evaluate  # noqa: E402

DEFAULT = ROOT / "tests" / "politeness" / "sealed" / "blind7.tar.gz"


def sealed_items(path: Path) -> dict[str, list[dict[str, object]]]:
    """The items of each language file in the archive at `path`."""
    with tarfile.open(path, "r:gz") as archive:
        out = {}
        for lang in LANGS:
            member = archive.extractfile(f"{lang}.jsonl")
            if member is None:
                raise SystemExit(f"{path}: no {lang}.jsonl")
            text = member.read().decode("utf-8")
            out[lang] = [json.loads(line) for line in text.splitlines() if line.strip()]
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {lang: evaluate(items, verbose=False) for lang, items in sealed_items(args.archive).items()}
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for lang, res in results.items():
        p, r, f1 = res["needs_fix"]  # type: ignore[misc]
        print(f"{lang}  n={res['n']:3d}  needs-fix P {p:.3f} R {r:.3f} F1 {f1:.3f}  "
              f"false alarms {res['false_alarm_rate']:.1%}")
        for cat, (cp, cr, cf, support) in res["categories"].items():  # type: ignore[union-attr]
            print(f"    {cat:22s} P {cp:.2f} R {cr:.2f} F1 {cf:.2f}  (labelled {support})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
