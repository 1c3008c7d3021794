"""Provides instructions per cold politeness check, counted by callgrind: a speed measure no neighbour moves.

The latency benchmark (politeness_latency.py) times the checker on a shared machine whose speed for
CPU-bound Python changes by up to a factor of two from one second to the next, and from machine to
machine. Instruction counts do not: for the same tree, inputs and hash seed, callgrind gives the same
number whatever else runs. This script runs the latency benchmark's 2 KB replies (same seed, same mix)
under `valgrind --tool=callgrind` twice, once with a warm-up pass only and once with the warm-up and
one measured pass of cold checks, and prints the difference per check: loading, compiling and the
warm-up cancel out. `PYTHONHASHSEED=0`, because set order changes the order of some regex branches.

    .venv/bin/python benchmarks/politeness_instructions.py [--root TREE ...] [--lang en|ru|az]

Each root takes about three minutes (the two runs go in parallel). Use it to compare trees (a speed-up must lower
the count); milliseconds still come from politeness_latency.py.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "ru", "az")
PER_LANG = 30
"""Replies per language, as in politeness_latency.py (whose generator and seed are reused)."""


def _child(root: Path, langs: tuple[str, ...], passes: int) -> None:
    """Warm up on every sample, then run `passes` passes of cold checks (the counted part)."""
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import politeness_latency

    from supportterm.politeness import check
    from supportterm.politeness.checker import clear_cache

    rng = random.Random(5)
    by_lang = {lang: politeness_latency.replies(lang, PER_LANG, rng) for lang in LANGS}
    samples = [item for lang in langs for item in by_lang[lang]]
    for _ in range(1 + passes):
        for text, customer in samples:
            clear_cache()
            check(text, customer_text=customer)


def _start(root: Path, langs: tuple[str, ...], passes: int) -> subprocess.Popen[str]:
    """One child run under callgrind, started in the background."""
    argv = [sys.executable, __file__, "--child", str(passes), "--root", str(root), "--lang", ",".join(langs)]
    return subprocess.Popen(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=os.environ | {"PYTHONHASHSEED": "0"},
    )


def _collected(run: subprocess.Popen[str], root: Path) -> int:
    """The instruction count callgrind reports when `run` ends."""
    _, err = run.communicate()
    found = re.search(r"Collected : (\d+)", err)
    if run.returncode or found is None:
        raise RuntimeError(f"callgrind failed for {root}: {err[-800:]}")
    return int(found.group(1))


def per_check(root: Path, langs: tuple[str, ...]) -> float:
    """Instructions of one cold check, averaged over the samples of `langs` (both runs in parallel)."""
    measured, baseline = _start(root, langs, 1), _start(root, langs, 0)
    return (_collected(measured, root) - _collected(baseline, root)) / (PER_LANG * len(langs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, action="append", help="source tree(s) to compare")
    parser.add_argument("--lang", default=",".join(LANGS), help="comma-separated languages of the mix")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    langs = tuple(args.lang.split(","))
    roots = [r.resolve() for r in args.root or [ROOT]]
    if args.child is not None:
        _child(roots[0], langs, args.child)
        return 0
    for root in roots:
        print(f"{per_check(root, langs) / 1e6:8.3f} M instructions per cold check ({'+'.join(langs)})  {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
