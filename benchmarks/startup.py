"""Start-up benchmark (issue 4 item 7, DESIGN §5): whole process start → first complete inbox paint.

    .venv/bin/python benchmarks/startup.py [--reps 7] [--tickets 10000,100000] [--json] [--timeline]

Runs, interleaved, `reps` times each (after one unmeasured warm-up run of each):
  baseline  `python benchmarks/baseline_app.py` (empty Textual app: Header, DataTable, Footer)
  <N>       `python -m supportterm --backend demo --url http://127.0.0.1:9` over a cached home of N
            tickets (benchmarks/_cache.py), with SUPPORTTERM_EXIT_AFTER_PAINT=1, SUPPORTTERM_TOKEN=x,
            SUPPORTTERM_HOME=<home>; the URL is a closed port, and the app exits before it syncs.
Each child runs on its own pseudo-terminal (pty.openpty, 120x40 set with TIOCSWINSZ, TERM=xterm-256color,
COLUMNS/LINES), whose output is drained continuously. Measured per run:
  paint     spawn → the first screen is on the terminal: the output read so far, without escape
            sequences, holds the baseline's header title (its first frame), or supportterm's rows (the
            ids of the first 5 rows of the first view, read from the cache) and its footer's
            `^p palette` key (the whole inbox).
            This is DESIGN's "start → first paint" and the figure the targets use (since session 4).
  wall      spawn → the child exited and was reaped (`os.wait4`): the paint, then App.exit, terminal
            restore and interpreter teardown. Shown as "exit". Textual's input thread polls in 100 ms
            selects and takes one more before it ends, so every app spends 100-200 ms quitting, in a
            step that depends on when it asked to: up to sessions 3 this was the target figure, and
            its ratio moved with that step, not with start-up work.
  first out spawn → the first byte on the terminal (roughly: imports done, driver started).
  cpu       user+sys CPU of the child (rusage).
  peak RSS  `ru_maxrss` of the child from `os.wait4` (KiB on Linux; reported in MiB).
Every run is checked: exit status 0 and a painted screen (above), so a run that exits before its
screen reached the terminal fails.
The order of the variants rotates every repetition so none is always first (a cold page cache, CPU
frequency drift). Ratios are median(variant) / median(baseline) of the same run.

The table also shows the range of per-repetition ratios ("paired") and the ratio of the fastest runs
("min/min", the least disturbed by other load on the machine); PASS/FAIL uses the ratio of medians.
Targets: 10k ≤ 1.25x baseline; 100k ≤ 1.5x baseline and peak RSS ≤ 150 MiB. A run that does not
exit within the hang guard (60 s) is killed and reported as HANG (the variant then FAILs).
`--timeline` also runs each variant instrumented (`_timeline_child.py`) and prints where its time goes:
imports, `InboxScreen.reload` calls and their view counts, paints, exit, interpreter teardown.
Exit status: 0 if every target passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _cache  # noqa: E402

COLS, ROWS = 120, 40
HANG_GUARD_S = 60.0
URL = "http://127.0.0.1:9"
TARGETS = {10_000: (1.25, None), 100_000: (1.5, 150.0)}
BASELINE_MARKS = ("BaselineApp",)
"""The baseline's first frame: its header title (it exits after that first refresh, before its
Footer has recomposed with the palette key)."""
SUPPORTTERM_MARKS = ("palette",)
"""With the rows' ids: supportterm's footer drawn with its keys (`^p palette` ends it)."""
"""Tickets -> (max ratio to baseline, max peak RSS MiB or None)."""
_ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]"
)


@dataclass
class Run:
    """One child run."""

    variant: str
    wall_s: float | None = None
    paint_s: float | None = None
    first_out_s: float | None = None
    cpu_s: float | None = None
    rss_mib: float | None = None
    status: int | None = None
    hang: bool = False
    painted: bool = True
    tail: str = ""


@dataclass
class Variant:
    """One thing started: its command line, environment and the check of what it drew."""

    name: str
    args: list[str]
    env: dict[str, str]
    expect_ids: list[str] = field(default_factory=list)
    marks: tuple[str, ...] = ()
    runs: list[Run] = field(default_factory=list)

    def painted_in(self, text: str) -> bool:
        """Whether the terminal shows the first screen: its marks and the rows' ids (supportterm)."""
        return (all(mark in text for mark in self.marks)
                and all(re.search(rf"(?<!\d){i}(?!\d)", text) for i in self.expect_ids))


PYCACHE = _cache.CACHE_ROOT / "pycache"
"""Bytecode of every child (baseline and supportterm alike), so both start from compiled modules as an
installed package does. Without it, PYTHONDONTWRITEBYTECODE=1 (set on this box) left supportterm's own
modules uncompiled: each start compiled them from source (~200 ms at 100k, the 'cost of new features')."""


def _base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPORTTERM_")}
    env.update(TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS), PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up run writes the .pyc files under PYCACHE
    for key in ("TEXTUAL", "TEXTUAL_DRIVER", "TEXTUAL_FPS", "TMUX", "NO_COLOR"):
        env.pop(key, None)
    return env


def _plain(out: bytearray) -> str:
    """The terminal output without escape sequences (what the screen says, in write order)."""
    return _ESCAPES.sub("", out.decode("utf-8", "replace"))


def run_in_pty(variant: Variant) -> Run:
    """Start the variant on a fresh 120x40 pty, drain it until the child exits; measure."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    run = Run(variant.name)
    out = bytearray()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        variant.args,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=variant.env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    pid, rusage, status = proc.pid, None, None
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 0.01)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: no process holds the terminal any more
                    chunk = b""
                if chunk:
                    if run.first_out_s is None:
                        run.first_out_s = time.perf_counter() - t0
                    out += chunk
                    if run.paint_s is None and variant.painted_in(_plain(out)):
                        run.paint_s = time.perf_counter() - t0
            done, status, rusage = os.wait4(pid, os.WNOHANG)
            if done == pid:
                run.wall_s = time.perf_counter() - t0
                break
            if time.perf_counter() - t0 > HANG_GUARD_S:
                run.hang = True
                os.killpg(pid, signal.SIGKILL)  # the child's own session, started above
                _, status, rusage = os.wait4(pid, 0)
                break
        # Whatever the child wrote just before exiting.
        while select.select([master], [], [], 0)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
        proc.returncode = 0  # reaped by os.wait4 above; keeps Popen from waiting again
    run.status = os.waitstatus_to_exitcode(status) if status is not None else None
    run.cpu_s = rusage.ru_utime + rusage.ru_stime if rusage else None
    run.rss_mib = rusage.ru_maxrss / 1024 if rusage else None
    text = _plain(out)
    run.painted = variant.painted_in(text)
    if run.hang or run.status != 0 or not run.painted:
        run.tail = text[-1500:]
    return run


def first_ids(home: Path, n: int = 5) -> list[str]:
    """Ids of the first rows of the first inbox view, read from the cached store."""
    from supportterm.domain.views import DEFAULT_VIEWS
    from supportterm.store import state
    from supportterm.store import tickets as cache
    from supportterm.store.db import connect

    conn = connect(_cache.store_file(home), readonly=True)
    try:
        me = state.get_state(conn, "me_id")
        return [t.id for t in cache.window(conn, DEFAULT_VIEWS[0], offset=0, limit=n, me=me)]
    finally:
        conn.close()


def variants(sizes: list[int], seed: int) -> list[Variant]:
    """The baseline and one supportterm variant per cache size (building caches as needed)."""
    out = [Variant("baseline", [sys.executable, str(ROOT / "benchmarks" / "baseline_app.py")], _base_env(),
                   marks=BASELINE_MARKS)]
    for n in sizes:
        # Built in a child: a child forked from a parent that filled a 100k store in-process reports
        # the parent's pages in its peak RSS (seen: 416 MiB for every variant, the baseline's too).
        build = [sys.executable, str(ROOT / "benchmarks" / "_cache.py"), "--tickets", str(n),
                 "--seed", str(seed)]
        subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
        home = _cache.ensure_home(n, seed)
        env = _base_env()
        env.update(SUPPORTTERM_EXIT_AFTER_PAINT="1", SUPPORTTERM_TOKEN="x", SUPPORTTERM_HOME=str(home))
        args = [sys.executable, "-m", "supportterm", "--backend", "demo", "--url", URL]
        out.append(Variant(f"{n // 1000}k", args, env, expect_ids=first_ids(home), marks=SUPPORTTERM_MARKS))
    return out


def _stats(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "stdev": statistics.stdev(values) if len(values) > 1 else 0.0,
    }


def _ratios(runs: list[Run], good: list[Run], base_runs: list[Run], base_good: list[Run], attr: str) -> dict:
    """Ratio of medians of one time (`wall_s` or `paint_s`) to the baseline's, of minimums, and paired."""
    values = [getattr(r, attr) for r in good]
    base_values = [getattr(b, attr) for b in base_good]
    if not values or not base_values:
        return {}
    pairs = [getattr(r, attr) / getattr(b, attr)
             for r, b in zip(runs, base_runs, strict=False) if r in good and b in base_good]
    return {"ratio": statistics.median(values) / statistics.median(base_values),
            "ratio_of_minimums": min(values) / min(base_values), "ratio_paired": _stats(pairs)}


def summarize(vs: list[Variant], sizes: list[int]) -> dict:
    """Per variant statistics, ratios to the baseline and the verdict of each target.

    The targets use `paint_s` (spawn -> the whole first screen on the terminal: DESIGN's "start ->
    first paint"); `wall_s` (spawn -> reaped) is shown beside it. The exit part of `wall_s` is not
    start-up: Textual's input thread polls in 100 ms selects and exits after one more, so every app
    waits 100-200 ms to quit, in steps that depend on when it asked to, plus interpreter teardown.
    """
    base = vs[0]

    def is_good(r: Run) -> bool:
        return not r.hang and r.status == 0 and r.painted and r.paint_s is not None and r.wall_s is not None

    base_good = [r for r in base.runs if is_good(r)]
    result: dict = {"variants": {}, "targets": []}
    for v in vs:
        good = [r for r in v.runs if is_good(r)]
        entry = {
            "runs": len(v.runs),
            "ok": len(good),
            "hangs": sum(r.hang for r in v.runs),
            "failed": [asdict(r) for r in v.runs if r not in good],
            "wall_s": _stats([r.wall_s for r in good]),
            "paint_s": _stats([r.paint_s for r in good]),
            "first_out_s": _stats([r.first_out_s for r in good if r.first_out_s]),
            "cpu_s": _stats([r.cpu_s for r in good if r.cpu_s is not None]),
            "rss_mib": _stats([r.rss_mib for r in v.runs if r.rss_mib is not None]),
            "all_wall_s": [round(r.wall_s, 4) if r.wall_s else None for r in v.runs],
            "all_paint_s": [round(r.paint_s, 4) if r.paint_s else None for r in v.runs],
        }
        entry.update(_ratios(v.runs, good, base.runs, base_good, "paint_s"))
        entry["exit"] = _ratios(v.runs, good, base.runs, base_good, "wall_s")
        result["variants"][v.name] = entry
    for n, v in zip(sizes, vs[1:], strict=True):
        max_ratio, max_rss = TARGETS.get(n, (None, None))
        entry = result["variants"][v.name]
        complete = entry["ok"] == entry["runs"] and entry["runs"] > 0
        if max_ratio is not None:
            ratio = entry.get("ratio")
            ok = complete and ratio is not None and ratio <= max_ratio
            result["targets"].append(
                {
                    "what": f"{v.name} first paint / baseline",
                    "target": f"<= {max_ratio}x",
                    "value": ratio,
                    "pass": ok,
                    "note": "" if complete else "some runs failed or hung",
                }
            )
        if max_rss is not None:
            rss = entry["rss_mib"]["max"] if entry["rss_mib"] else None
            ok = complete and rss is not None and rss <= max_rss
            result["targets"].append(
                {
                    "what": f"{v.name} peak RSS (max over runs)",
                    "target": f"<= {max_rss} MiB",
                    "value": rss,
                    "pass": ok,
                    "note": "" if complete else "some runs failed or hung",
                }
            )
    return result


def print_table(result: dict, meta: dict) -> None:
    print(
        f"start-up, {meta['reps']} interleaved runs each (+1 warm-up), {COLS}x{ROWS} pty, "
        f"python {meta['python']}, {meta['cpus']} CPUs, load {meta['load']}"
    )
    print(
        f"{'variant':<9} {'ok':>5} {'paint median':>12} {'[min - max]':>17} {'ratio':>6} {'paired':>11} "
        f"{'min/min':>7} | {'exit median':>11} {'ratio':>6} | {'cpu':>6} {'RSS MiB':>8}"
    )
    for name, e in result["variants"].items():
        p, w, c, m = e["paint_s"], e["wall_s"], e["cpu_s"], e["rss_mib"]
        other = name != "baseline"
        span = f"[{p['min'] * 1000:.0f} - {p['max'] * 1000:.0f}] ms" if p else "n/a"
        ratio = f"{e['ratio']:.2f}x" if "ratio" in e and other else ""
        minmin = f"{e['ratio_of_minimums']:.2f}x" if "ratio_of_minimums" in e and other else ""
        paired = (f"{e['ratio_paired']['min']:.2f}-{e['ratio_paired']['max']:.2f}x"
                  if e.get("ratio_paired") and other else "")
        exit_ratio = f"{e['exit']['ratio']:.2f}x" if e["exit"] and other else ""
        print(
            f"{name:<9} {e['ok']:>2}/{e['runs']:<2} "
            f"{(p['median'] * 1000 if p else float('nan')):>10.0f}ms {span:>17} {ratio:>6} {paired:>11} "
            f"{minmin:>7} | {(w['median'] * 1000 if w else float('nan')):>9.0f}ms {exit_ratio:>6} | "
            f"{(c['median'] * 1000 if c else float('nan')):>4.0f}ms {(m['max'] if m else float('nan')):>8.1f}"
        )
        for bad in e["failed"]:
            why = (
                "HANG (killed after %.0f s)" % HANG_GUARD_S
                if bad["hang"]
                else (f"exit {bad['status']}" if bad["status"] != 0 else "screen not painted")
            )
            print(f"   !! {name}: {why}; last output:\n{bad['tail'][-600:]}")
    print()
    for t in result["targets"]:
        value = t["value"]
        shown = (
            "n/a" if value is None else (f"{value:.2f}x" if t["target"].endswith("x") else f"{value:.1f} MiB")
        )
        print(
            f"{'PASS' if t['pass'] else 'FAIL'}  {t['what']:<34} {shown:>10}  "
            f"(target {t['target']}) {t['note']}"
        )


def timeline(v: Variant, runs: int = 3) -> dict:
    """Phases of one run of `v` under `_timeline_child.py` (the last of `runs`; the first warm the caches)."""
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    child = [sys.executable, str(ROOT / "benchmarks" / "_timeline_child.py"), out]
    child += ["baseline"] if v.name == "baseline" else ["supportterm", *v.args[3:]]
    probe = Variant(v.name, child, v.env, v.expect_ids)
    for _ in range(runs):
        run = run_in_pty(probe)
    events = json.loads(Path(out).read_text() or "[]")
    os.unlink(out)

    def spans(label: str) -> list[tuple[float, float]]:
        starts = [e[1] for e in events if e[0] == f"{label} start"]
        ends = [e[1] for e in events if e[0] == f"{label} end"]
        return list(zip(starts, ends, strict=False))

    at = {e[0]: e[1] for e in events}
    paints = [(a, b) for a, b in spans("paint") if b - a >= 1.0]
    return {
        "imports_done_ms": at.get("imports done"),
        "exit_ms": at.get("exit start"),
        "main_returned_ms": at.get("main returned"),
        "process_end_ms": run.wall_s and run.wall_s * 1000,
        "cpu_at_exit_ms": next((e[2] for e in events if e[0] == "exit start"), None),
        "parser_ms": sum(b - a for a, b in spans("parser")),
        "reloads": len(spans("reload")),
        "reload_ms": sum(b - a for a, b in spans("reload")),
        "view_counts_ms": sum(b - a for a, b in spans("view counts")),
        "paints": len(paints),
        "paint_ms": sum(b - a for a, b in paints),
        "first_paint_end_ms": paints[0][1] if paints else None,
        "status": run.status,
        "events": events,
    }


def print_timeline(tls: dict[str, dict], events: bool = False) -> None:
    print("timeline of one run each (ms since the interpreter started user code; _timeline_child.py);")
    print("imports = ui.app + store.db + cli imported; parser = cli.build_parser incl. what it imports;")
    print("reloads/counts/paints = total time inside InboxScreen.reload / its view counts / paints >= 1 ms;")
    print(
        "exit = App.exit called (first paint done); main ret = terminal restored; "
        "proc end = reaped by the parent"
    )
    print(
        f"{'variant':<9} {'imports':>8} {'parser':>7} {'reloads':>12} {'counts':>7} {'paints (>=1ms)':>15} "
        f"{'exit':>6} {'cpu@exit':>8} {'main ret':>8} {'proc end':>8}"
    )
    for name, t in tls.items():
        reloads = f"{t['reloads']} x = {t['reload_ms']:.0f}" if t["reloads"] else "-"
        print(
            f"{name:<9} {t['imports_done_ms'] or 0:>8.0f} {t.get('parser_ms', 0):>7.0f} {reloads:>12} "
            f"{t['view_counts_ms']:>7.0f} {t['paints']:>3} x = {t['paint_ms']:>5.0f}   "
            f"{t['exit_ms'] or 0:>6.0f} {t['cpu_at_exit_ms'] or 0:>8.0f} "
            f"{t['main_returned_ms'] or 0:>8.0f} {t['process_end_ms'] or 0:>8.0f}"
        )
    if events:
        for name, t in tls.items():
            print(f"events of {name} (name, wall ms, cpu ms):")
            print("  " + ", ".join(f"{what} {wall:.0f}/{cpu:.0f}" for what, wall, cpu in t["events"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--tickets", default="10000,100000", help="comma-separated cache sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="also run each variant once instrumented and print where the time goes",
    )
    parser.add_argument("--events", action="store_true", help="with --timeline: also list every timed event")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.tickets.split(",")]
    vs = variants(sizes, args.seed)
    for v in vs:  # warm-up: .pyc files, page cache
        run = run_in_pty(v)
        if run.hang or run.status != 0 or not run.painted:
            print(
                f"[startup] warm-up of {v.name} failed: hang={run.hang} status={run.status} "
                f"painted={run.painted}\n{run.tail[-600:]}",
                file=sys.stderr,
            )
    for rep in range(args.reps):
        order = vs[rep % len(vs) :] + vs[: rep % len(vs)]
        for v in order:
            v.runs.append(run_in_pty(v))
        print(
            f"[startup] rep {rep + 1}/{args.reps}: "
            + ", ".join(
                f"{v.name} {v.runs[-1].wall_s * 1000:.0f} ms" if v.runs[-1].wall_s else f"{v.name} HANG"
                for v in vs
            ),
            file=sys.stderr,
            flush=True,
        )
    meta = {
        "reps": args.reps,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "size": f"{COLS}x{ROWS}",
        "homes": {v.name: v.env.get("SUPPORTTERM_HOME") for v in vs[1:]},
    }
    result = summarize(vs, sizes)
    if args.timeline:
        result["timeline"] = {v.name: timeline(v) for v in vs}
    if args.json:
        print(json.dumps({"meta": meta, **result}, indent=1))
    else:
        print_table(result, meta)
        if args.timeline:
            print()
            print_timeline(result["timeline"], events=args.events)
    return 0 if all(t["pass"] for t in result["targets"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
