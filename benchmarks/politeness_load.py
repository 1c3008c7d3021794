"""Provides the load-time benchmark of the politeness checker: whole processes, one tree against another.

What an agent waits for before the first check: a fresh `python` that (1) imports the checker, (2) imports
it and checks one 2 KB reply (en, ru, az: from benchmarks/politeness_latency.py's mix), (3) runs
`supportterm check FILE` on one short reply (the CLI path without --batch). `python -c pass` is measured
too, as the interpreter's own floor. Each `--root` (a source tree, e.g. /work/main and a worktree) runs
every case once per repeat, the roots alternating and their order flipping each repeat, so a noisy
machine slows both alike; the medians of wall time and of CPU time (user + system, from the child's
rusage) are printed, with each root's ratio to the first root. Compare trees that both have their
`.pyc` files (`--compile-pyc` writes them): a fresh worktree has none when PYTHONDONTWRITEBYTECODE is
set, and compiling the sources made its imports look ~0.1 s slower.

`--callgrind` runs each case once per root under `valgrind --tool=callgrind` instead and prints the
instructions executed (steady to better than 1 % here, where wall time varies by half; about 50× slower).

    .venv/bin/python benchmarks/politeness_load.py --root /work/main --root . [--repeats 7] [--json]
    .venv/bin/python benchmarks/politeness_load.py --root /work/main --root . --callgrind
Times are reported, never judged: there is no target for them in DESIGN §5.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SHORT_REPLY = "Hello Anna,\n\nyou should have read the manual first. The fix is live now.\n\nBest,\nOmar\n"


def _reply(lang: str) -> tuple[str, str | None]:
    """One 2 KB reply of `lang` with its customer message, built as the latency benchmark builds them
    (read from the data files here, so building it imports no checker)."""
    items = [
        json.loads(line)
        for line in (HERE / "tests/politeness/devset" / f"{lang}.jsonl").read_text("utf-8").splitlines()
    ]
    rng = random.Random(5)
    bodies = [str(i["text"]) for i in items]
    customers = [str(i["customer_text"]) for i in items if i.get("customer_text")]
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < 2048:
        parts.append(rng.choice(bodies))
    return "\n\n".join(parts)[:2048], rng.choice(customers)


def cases(workdir: Path) -> dict[str, list[str]]:
    """Name → argv (after the interpreter) of every measured process."""
    short = workdir / "short.txt"
    short.write_text(SHORT_REPLY, "utf-8")
    out = {
        "python -c pass": ["-c", "pass"],
        "import supportterm.politeness": ["-c", "import supportterm.politeness"],
        "import the checker": ["-c", "import supportterm.politeness.checker"],
    }
    for lang in ("en", "ru", "az"):
        text, customer = _reply(lang)
        data = workdir / f"reply_{lang}.json"
        data.write_text(json.dumps({"text": text, "customer": customer}), "utf-8")
        out[f"import + first check, 2 KB {lang}"] = [
            "-c",
            "import json, sys; from supportterm.politeness import check; "
            f"d = json.load(open({str(data)!r}, encoding='utf-8')); "
            "check(d['text'], customer_text=d['customer'])",
        ]
    out["supportterm check SHORT (CLI)"] = ["-m", "supportterm", "check", str(short)]
    return out


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONSTARTUP", None)
    return env


def run_once(root: Path, argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child process with `root` first on its path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *argv], env=_env(root), capture_output=True, cwd=root, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # `check` exits 1 when the reply has an error finding
        raise RuntimeError(f"{argv} in {root} failed: {done.stderr.decode(errors='replace')[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def instructions(root: Path, argv: list[str]) -> int:
    """Instructions one child process executes, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *argv],
        env=_env(root), capture_output=True, cwd=root, check=False, text=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind gave no count for {argv} in {root}: {done.stderr[-500:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", action="append", type=Path, help="source tree to import (repeatable)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--callgrind", action="store_true", help="count instructions instead of timing")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--compile-pyc", action="store_true", help="write each tree's .pyc files first")
    args = parser.parse_args()
    roots = [r.resolve() for r in (args.root or [HERE])]
    for root in roots if args.compile_pyc else ():  # .pyc files, as an installed package has them
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "supportterm")],
                       capture_output=True, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        measured = cases(Path(tmp))
        results: dict[str, dict[str, dict[str, float]]] = {name: {} for name in measured}
        if args.callgrind:
            for name, argv in measured.items():
                for root in roots:
                    results[name][str(root)] = {"instructions": instructions(root, argv)}
        else:
            samples: dict[tuple[str, Path], list[tuple[float, float]]] = {}
            for repeat in range(args.repeats):
                order = roots if repeat % 2 == 0 else roots[::-1]
                for name, argv in measured.items():
                    for root in order:
                        samples.setdefault((name, root), []).append(run_once(root, argv))
            for (name, root), runs in samples.items():
                results[name][str(root)] = {
                    "wall_s": statistics.median(w for w, _ in runs),
                    "cpu_s": statistics.median(c for _, c in runs),
                }
    if args.json:
        print(json.dumps({"roots": [str(r) for r in roots], "results": results}, indent=1))
        return 0
    print("roots: " + ", ".join(f"[{i}] {r}" for i, r in enumerate(roots)))
    for name, by_root in results.items():
        cells = []
        first = by_root[str(roots[0])]
        for i, root in enumerate(roots):
            row = by_root[str(root)]
            if args.callgrind:
                ratio = row["instructions"] / first["instructions"]
                cells.append(f"[{i}] {row['instructions'] / 1e6:9.1f} M instr ({ratio:.3f}x)")
            else:
                ratio = row["cpu_s"] / first["cpu_s"] if first["cpu_s"] else float("nan")
                cells.append(f"[{i}] wall {row['wall_s']:6.3f} s cpu {row['cpu_s']:6.3f} s ({ratio:.2f}x)")
        print(f"{name:36s} " + "  ".join(cells))
    if not args.callgrind:
        print(f"medians of {args.repeats} runs per root; ratios are CPU time against root [0]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
