"""Provides the latency benchmark of the politeness checker (DESIGN §5: 2 KB, median ≤ 2 ms, p99 ≤ 5 ms).

Replies of about 2 KB are built from the labelled sets (a mix of English, Russian and Azerbaijani,
fine and faulty paragraphs, with a customer message as context). Two measurements:
- cold: the checker's per-line cache is cleared before every call (a reply pasted or opened);
- typing: one character is inserted at a random place before every call, as in the composer,
  where only the edited line misses the cache. The DESIGN target applies to both.
Both run after a warm-up pass that checks every sample once: the checker compiles a lexicon entry
the first time a text contains the word it starts with, and that pass (reported as "first pass",
not judged) is where those compilations happen; benchmarks/politeness_load.py measures loading.

The shared machine runs CPU-bound Python at one of two speeds a factor of two apart, so a fixed
reference loop is timed before and after every block of checks; the targets are judged on the
blocks run at full speed (reference within 15 % of the run's fastest), and all blocks are printed too.

    .venv/bin/python benchmarks/politeness_latency.py [--rounds N] [--json] [--root TREE]
Exit status 1 when a target is missed or too few blocks ran at full speed to judge. --root picks the source tree whose checker is imported.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 2048
MEDIAN_MS, P99_MS = 2.0, 5.0
BLOCK = 10
"""Checks between two reference timings: short enough that the machine's speed rarely changes inside."""
REFERENCE_LOOP = 20_000
FULL_SPEED = 1.15
"""A block counts as full speed when its reference loop took at most this times the run's fastest."""
MIN_FULL_SPEED_SHARE = 0.2
NOMINAL_REFERENCE_MS = 1.0
"""The reference loop's time at full speed on the machines of sessions 5-8 (1.0-1.4 ms measured): the
speed the DESIGN targets were first measured at. Medians are also printed in units of the loop, scaled to
this, as information; the verdict uses measured milliseconds only."""


def replies(lang: str, count: int, rng: random.Random) -> list[tuple[str, str | None]]:
    """`count` replies of about SIZE characters in `lang`, each with a customer message."""
    items = [
        json.loads(line)
        for line in (ROOT / "tests/politeness/devset" / f"{lang}.jsonl").read_text("utf-8").splitlines()
    ]
    bodies = [str(i["text"]) for i in items]
    customers = [str(i["customer_text"]) for i in items if i.get("customer_text")]
    out = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < SIZE:
            parts.append(rng.choice(bodies))
        out.append(("\n\n".join(parts)[:SIZE], rng.choice(customers)))
    return out


def reference_ms() -> float:
    """Milliseconds of a fixed pure-Python loop (about 1 ms at full speed): the machine's speed now.

    On the shared 2-core machine the same CPU-bound loop runs at one of two speeds, a factor of two
    apart (a neighbour sharing the core), and thread CPU time follows it, so neither wall nor CPU
    time of a single run says what the code costs. Timing this loop beside every block of checks does.
    """
    start = time.perf_counter()
    sum(i * i for i in range(REFERENCE_LOOP))
    return (time.perf_counter() - start) * 1000


def calibrated(block: Callable[[], list[float]]) -> tuple[list[float], float]:
    """The check times of `block` and the slower of the best reference times before and after it."""
    before = min(reference_ms() for _ in range(3))
    times = block()
    after = min(reference_ms() for _ in range(3))
    return times, max(before, after)


def cold_block(samples: list[tuple[str, str | None]]) -> list[float]:
    """Milliseconds of one check() of every sample, each on a cold cache."""
    from supportterm.politeness import check
    from supportterm.politeness.checker import clear_cache

    times = []
    for text, customer in samples:
        clear_cache()
        start = time.perf_counter()
        check(text, customer_text=customer)
        times.append((time.perf_counter() - start) * 1000)
    return times


def typing_block(sample: tuple[str, str | None], edits: int, rng: random.Random) -> list[float]:
    """Milliseconds of check() after each of `edits` one-character insertions, cache kept."""
    from supportterm.politeness import check

    text, customer = sample
    check(text, customer_text=customer)
    times = []
    for _ in range(edits):
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice("abcdeo ,.") + text[at:]
        start = time.perf_counter()
        check(text, customer_text=customer)
        times.append((time.perf_counter() - start) * 1000)
    return times


Blocks = list[tuple[list[float], float]]
"""(check times, reference time) of every block of a measurement."""


def cold_blocks(samples: list[tuple[str, str | None]], rounds: int) -> Blocks:
    """`rounds` passes over `samples`, in blocks of BLOCK checks, each block calibrated."""
    return [
        calibrated(lambda at=at: cold_block(samples[at : at + BLOCK]))
        for _ in range(rounds)
        for at in range(0, len(samples), BLOCK)
    ]


def typing_blocks(samples: list[tuple[str, str | None]], rounds: int, rng: random.Random) -> Blocks:
    """For every sample, `rounds` edits and checks as one calibrated block (the cache is kept)."""
    from supportterm.politeness.checker import clear_cache

    clear_cache()
    return [calibrated(lambda sample=sample: typing_block(sample, rounds, rng)) for sample in samples]


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    if not ordered:
        return {"n": 0, "median_ms": float("nan"), "p99_ms": float("nan"), "max_ms": float("nan")}
    return {
        "n": len(ordered),
        "median_ms": statistics.median(ordered),
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "max_ms": ordered[-1],
    }


def judged(blocks: Blocks, fastest: float) -> dict[str, float]:
    """Summaries of all blocks and of the full-speed ones (reference within FULL_SPEED of the fastest)."""
    full = [t for times, ref in blocks if ref <= fastest * FULL_SPEED for t in times]
    every = [t for times, _ in blocks for t in times]
    out = {f"all {k}": v for k, v in summary(every).items()}
    out |= {f"full-speed {k}": v for k, v in summary(full).items()}
    out["full-speed share"] = sum(ref <= fastest * FULL_SPEED for _, ref in blocks) / len(blocks)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the sample replies")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--root", type=Path, default=ROOT, help="source tree whose checker is imported")
    args = parser.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    rng = random.Random(5)
    samples = {lang: replies(lang, 30, rng) for lang in ("en", "ru", "az")}
    cold_block([("", None)])  # loads the checker: the first pass times checks, not the import
    # Warm-up: every sample once; it compiles the lexicon entries they need (reported, not judged).
    first = summary(cold_block([item for s in samples.values() for item in s]))
    measured = {f"cold {lang}": cold_blocks(s, args.rounds) for lang, s in samples.items()}
    mixed = [item for s in samples.values() for item in s]
    rng.shuffle(mixed)
    measured["cold all"] = cold_blocks(mixed, args.rounds)
    measured["typing all"] = typing_blocks(mixed, args.rounds, rng)
    fastest = min(ref for blocks in measured.values() for _, ref in blocks)
    results: dict[str, object] = {"first pass": first, "reference loop, fastest ms": fastest}
    results |= {name: judged(blocks, fastest) for name, blocks in measured.items()}
    results["at the nominal reference speed"] = {
        name: r["full-speed median_ms"] * NOMINAL_REFERENCE_MS / fastest
        for name, r in results.items()
        if isinstance(r, dict) and "full-speed median_ms" in r
    }
    verdict = _verdict(results)
    if args.json:
        print(json.dumps(results | {"verdict": verdict}, indent=1))
    else:
        _print(results, fastest, verdict)
    return 0 if verdict == "pass" else 1


def _verdict(results: dict[str, object]) -> str:
    """pass / fail on the full-speed blocks of "cold all" and "typing all", or "machine too busy"."""
    verdicts = []
    for name in ("cold all", "typing all"):
        r = results[name]
        assert isinstance(r, dict)
        if r["full-speed share"] < MIN_FULL_SPEED_SHARE:
            return "machine too busy"
        verdicts.append(r["full-speed median_ms"] <= MEDIAN_MS and r["full-speed p99_ms"] <= P99_MS)
    return "pass" if all(verdicts) else "fail"


def _print(results: dict[str, object], fastest: float, verdict: str) -> None:
    first = results["first pass"]
    assert isinstance(first, dict)
    print(f"first pass n={first['n']:.0f} median {first['median_ms']:.3f} ms  max {first['max_ms']:.2f} ms (not judged)")
    print(f"reference loop: fastest {fastest:.3f} ms; full speed = blocks whose reference is ≤ {FULL_SPEED}× that")
    for name, r in results.items():
        if not isinstance(r, dict) or name in ("first pass", "at the nominal reference speed"):
            continue
        print(
            f"{name:10s} full speed ({r['full-speed share']:4.0%} of blocks) median {r['full-speed median_ms']:.3f} ms"
            f"  p99 {r['full-speed p99_ms']:.3f} ms | all blocks median {r['all median_ms']:.3f} ms"
            f"  p99 {r['all p99_ms']:.3f} ms  max {r['all max_ms']:.2f} ms"
        )
    scaled = results["at the nominal reference speed"]
    assert isinstance(scaled, dict)
    print(
        f"scaled to a {NOMINAL_REFERENCE_MS} ms reference loop (information, not judged): "
        + ", ".join(f"{name} median {ms:.2f} ms" for name, ms in scaled.items())
    )
    print(f"targets: median ≤ {MEDIAN_MS} ms, p99 ≤ {P99_MS} ms per 2 KB reply, judged at full speed: {verdict}")


if __name__ == "__main__":
    raise SystemExit(main())
