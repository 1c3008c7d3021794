"""Key-latency benchmark (issue 4 item 7, DESIGN §5): moving and paging through a 100k inbox.

    .venv/bin/python benchmarks/keys.py [--tickets 100000] [--samples 300] [--json]

In-process, `SupportTermApp.run_test(size=(120, 40))` over the cached home of `benchmarks/_cache.py`
(100k tickets), `auto_sync=False`, and `transport=httpx.MockTransport(-> 503)`: the engine's one start-up
sync is answered by the mock, nothing reaches the network (the count of mock requests is reported).
The inbox shows its first view ("All open", 54k of the 100k tickets).

Key sequences (each starts from the top of the view with an empty page cache):
  j         `samples` x down                 k         as many x up, from where j ended
  pagedown  `samples` x page down            pageup    as many x page up, from where pagedown ended
  G, g      end / first, alternating, each with the page cache emptied first ("cold": the first
            jump after the view was (re)loaded, e.g. after every sync that changed tickets)
  mix       a seeded random mix: j 40 %, k 25 %, pagedown 15 %, pageup 10 %, G 5 %, g 5 %

Three measures, clearly apart:
  A "work"     (the target)  time of the key's action (`TicketList.action_move/page/jump`, called
               directly) plus `render_line(y)` for every visible line, i.e. the work of a full repaint of
               the list: reading pages from the store as needed, building and styling the rows. An upper
               bound for j/k, which Textual repaints as 2 lines unless the list scrolls.
  B "pipeline" the real Textual path without Pilot: a `Key` event is sent to the driver; the action and
               the screen's update tick (`Screen._on_timer_update`: layout, compositor, write to the
               headless driver) are timed by wrappers installed for the benchmark. Reported:
                 ui work   = action + the repaint tick that drew the list (UI-thread time for the key)
                 key→frame = from sending the key to the end of that repaint; it includes Textual's frame
                             pacing (the update timer ticks at 60 fps, so 0-16.7 ms of waiting).
  C "pilot"    `await pilot.press(key)` round trip, for reference only: ~65 ms of it is Pilot's own
               waiting for idle (STYLE Part 2 fact 1).
Target: p99 ≤ 16 ms per key type, judged on A (and shown for B's ui work).

Also measured on a read connection of the same store (what runs at start-up and on every sync): the
`cache.count` of each view, the first page read (window of 100 + person names), the cost of page reads at
growing offsets, and `InboxScreen.reload()` in the running app.
Exit status: 0 if every target passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _cache  # noqa: E402

SIZE = (120, 40)
TARGET_MS = 16.0
URL = "http://127.0.0.1:9"
KEY_TYPES = ("j", "k", "pagedown", "pageup", "G", "g", "mix")
"""Rows of the report; G and g come from one alternating sequence."""
LEGEND = (
    "A = action + render_line of every visible line, called directly (the target; wall, and CPU of",
    "    the process); B = a real Key event: ui work = action + the repaint tick, key→frame adds dispatch",
    "    and 0-16.7 ms of frame pacing; C = pilot.press round trip (includes ~65 ms of Pilot waiting).",
    "G and g: the page cache is emptied before each (the first jump after a view (re)load).",
)
MIX = (("j", 40), ("k", 25), ("pagedown", 15), ("pageup", 10), ("G", 5), ("g", 5))


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values_s: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values_s]
    return {
        "n": len(ms),
        "p50": pct(ms, 50),
        "p99": pct(ms, 99),
        "max": max(ms),
        "mean": statistics.fmean(ms),
    }


def timed(fn: Callable[[], Any], reps: int = 5) -> dict[str, float]:
    """Median wall and CPU milliseconds of `fn` over `reps` calls."""
    wall, cpu = [], []
    for _ in range(reps):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return {"wall_ms": statistics.median(wall) * 1000, "cpu_ms": statistics.median(cpu) * 1000}


# --- store reads (start-up and every sync) ------------------------------------------------------


def store_costs(home: Path) -> dict[str, Any]:
    """Counts per view, the first page read and page reads at growing offsets, on a read connection."""
    from supportterm.domain.views import DEFAULT_VIEWS
    from supportterm.store import state
    from supportterm.store import tickets as cache
    from supportterm.store.db import connect

    conn = connect(_cache.store_file(home), readonly=True)
    try:
        me = state.get_state(conn, "me_id")
        counts = {}
        for view in DEFAULT_VIEWS:
            counts[view.id] = {
                "rows": cache.count(conn, view, me=me),
                **timed(lambda v=view: cache.count(conn, v, me=me)),
            }
        all_counts = timed(lambda: [cache.count(conn, v, me=me) for v in DEFAULT_VIEWS])
        first = DEFAULT_VIEWS[0]

        def first_page() -> None:
            rows = cache.window(conn, first, offset=0, limit=100, me=me)
            cache.person_names(conn, [t.requester_id for t in rows] + [t.assignee_id for t in rows])

        total = counts[first.id]["rows"]
        offsets = sorted({o for o in (0, 1_000, 10_000) if o < total} | {total // 2, max(0, total - 100)})
        by_offset = {
            str(off): timed(lambda o=off: cache.window(conn, first, offset=o, limit=100, me=me), 3)
            for off in offsets
        }
        plan = [
            r[3]
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM tickets"
                + cache._where(first, me)[0]
                + " ORDER BY updated_at DESC, id DESC LIMIT 100 OFFSET 0",
                cache._where(first, me)[1],
            )
        ]
        return {
            "views": counts,
            "all_views": all_counts,
            "first_view": first.id,
            "first_page": timed(first_page),
            "window_by_offset": by_offset,
            "window_plan": plan,
        }
    finally:
        conn.close()


# --- the app ------------------------------------------------------------------------------------


class Probe:
    """Timestamps of the list's actions and of the screen's repaint ticks (measure B)."""

    def __init__(self) -> None:
        self.screen: Any = None
        self.widget: Any = None
        self.armed = False
        self.actions: list[tuple[float, float]] = []
        self.frames: list[tuple[float, float]] = []
        self.painted = asyncio.Event()
        self.acted = asyncio.Event()

    def reset(self) -> None:
        self.actions.clear()
        self.frames.clear()
        self.painted.clear()
        self.acted.clear()


PROBE: Probe | None = None


def install_probe() -> Callable[[], None]:
    """Wrap `Screen._on_timer_update` (before the app starts: the timer binds it when created)."""
    from textual.screen import Screen

    original = Screen._on_timer_update

    def on_timer_update(self: Screen) -> None:
        probe = PROBE
        relevant = (
            probe is not None
            and probe.armed
            and self is probe.screen
            and (
                probe.widget in self._dirty_widgets
                or self._layout_required
                or self._scroll_required
                or self._repaint_required
            )
        )
        start = time.perf_counter()
        original(self)
        if relevant:
            probe.frames.append((start, time.perf_counter()))
            probe.painted.set()

    Screen._on_timer_update = on_timer_update  # type: ignore[method-assign]
    return lambda: setattr(Screen, "_on_timer_update", original)


def wrap_actions(widget: Any, probe: Probe) -> None:
    """Instance wrappers of the list's actions (Textual looks actions up on the instance)."""
    for name in ("action_move", "action_page", "action_jump"):
        method = getattr(widget, name)

        def wrapper(*args: Any, _method: Callable[..., Any] = method) -> Any:
            start = time.perf_counter()
            try:
                return _method(*args)
            finally:
                probe.actions.append((start, time.perf_counter()))
                probe.acted.set()

        setattr(widget, name, wrapper)


def plan(samples: int, jumps: int, seed: int) -> list[tuple[str, list[str], bool]]:
    """(name, keys, restart first?) per sequence; k continues from where j ended, pageup from pagedown."""
    rng = random.Random(seed)
    keys, weights = zip(*MIX, strict=True)
    return [
        ("j", ["j"] * samples, True),
        ("k", ["k"] * samples, False),
        ("pagedown", ["pagedown"] * samples, True),
        ("pageup", ["pageup"] * samples, False),
        ("G/g", ["G", "g"] * jumps, True),
        ("mix", rng.choices(keys, weights, k=samples), True),
    ]


def direct_action(tl: Any, key: str) -> Callable[[], None]:
    return {
        "j": lambda: tl.action_move(1),
        "k": lambda: tl.action_move(-1),
        "pagedown": lambda: tl.action_page(1),
        "pageup": lambda: tl.action_page(-1),
        "G": lambda: tl.action_jump(-1),
        "g": lambda: tl.action_jump(0),
    }[key]


def label(name: str, key: str) -> str:
    """The row a sample is reported in: G/g samples split by key."""
    return key if name == "G/g" else name


def restart(tl: Any) -> None:
    """Top of the view, empty page cache (as right after the view was loaded)."""
    tl.show(tl._source, tl.count)


async def measure_work(pilot: Any, tl: Any, keys: list[tuple[str, list[str], bool]]) -> dict[str, Any]:
    """A: each key's action plus `render_line` of every visible line, called directly."""
    from supportterm.ui import activity

    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    depth: dict[str, dict[str, int]] = {}
    for name, seq, fresh in keys:
        if fresh:
            restart(tl)
            await pilot.pause()
        deepest = 0
        for key in seq:
            if name == "G/g":
                tl._pages.clear()
            act = direct_action(tl, key)
            activity.key_pressed()  # as the app's on_event does for every real key
            w, c = time.perf_counter(), time.process_time()
            act()
            for y in range(tl.size.height):
                tl.render_line(y)
            wall.setdefault(label(name, key), []).append(time.perf_counter() - w)
            cpu.setdefault(label(name, key), []).append(time.process_time() - c)
            deepest = max(deepest, tl.cursor)
            await asyncio.sleep(0.002)  # let the app process the refresh it queued
        depth[name] = {"max_cursor": deepest, "end_cursor": tl.cursor}
        await pilot.pause()
    return {"A": {k: {**summary(v), "cpu": summary(cpu[k])} for k, v in wall.items()}, "A_depth": depth}


async def measure_pipeline(
    pilot: Any, app: Any, tl: Any, keys: list[tuple[str, list[str], bool]], probe: Probe
) -> dict[str, Any]:
    """B: real `Key` events sent to the driver; the action and the repaint tick timed by the probe."""
    from textual import events

    wrap_actions(tl, probe)
    probe.screen, probe.widget = app.screen, tl
    work: dict[str, list[float]] = {}
    latency: dict[str, list[float]] = {}
    missing: dict[str, int] = {}
    for name, seq, fresh in keys:
        if fresh:
            restart(tl)
            await pilot.pause()
        for key in seq:
            row = label(name, key)
            if name == "G/g":
                tl._pages.clear()
            before = (tl.cursor, tl.scroll_offset.y)
            probe.reset()
            probe.armed = True
            sent = time.perf_counter()
            app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
            try:
                await asyncio.wait_for(probe.acted.wait(), 2.0)
                if (tl.cursor, tl.scroll_offset.y) != before:  # else nothing to repaint (e.g. k at the top)
                    await asyncio.wait_for(probe.painted.wait(), 2.0)
            except TimeoutError:
                missing[row] = missing.get(row, 0) + 1
            probe.armed = False
            if probe.frames and probe.actions:
                (a0, a1), (f0, f1) = probe.actions[0], probe.frames[0]
                work.setdefault(row, []).append((a1 - a0) + (f1 - f0))
                latency.setdefault(row, []).append(f1 - sent)
            await asyncio.sleep(0.005)
    return {
        row: {
            "ui_work": summary(work[row]) if work.get(row) else None,
            "key_to_frame": summary(latency[row]) if latency.get(row) else None,
            "no_repaint": missing.get(row, 0),
        }
        for row in KEY_TYPES
    }


async def measure_pilot(pilot: Any, tl: Any, samples: int) -> dict[str, Any]:
    """C: `pilot.press` round trips, for reference (no mix)."""
    times: dict[str, list[float]] = {}
    for name in ("j", "k", "pagedown", "pageup", "G/g"):
        restart(tl)
        await pilot.pause()
        if name in ("k", "pageup"):  # start below the top, so the keys move the cursor
            await pilot.press(*([{"k": "j", "pageup": "pagedown"}[name]] * (samples + 1)))
        seq = ["G", "g"] * (samples // 2) if name == "G/g" else [name] * samples
        for key in seq:
            if name == "G/g":
                tl._pages.clear()
            start = time.perf_counter()
            await pilot.press(key)
            times.setdefault(label(name, key), []).append(time.perf_counter() - start)
    return {k: summary(v) for k, v in times.items()}


async def run_app(home: Path, samples: int, jumps: int, pilot_samples: int, seed: int) -> dict[str, Any]:
    """Start the app over the cached store and run measures A, B and C."""
    import httpx

    from supportterm.config import Profile
    from supportterm.store.db import Store
    from supportterm.ui.app import SupportTermApp
    from supportterm.ui.screens.inbox import InboxScreen

    global PROBE
    requests: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        requests.append(f"{request.method} {request.url.path}")
        return httpx.Response(503)

    os.environ.pop("SUPPORTTERM_EXIT_AFTER_PAINT", None)
    os.environ["SUPPORTTERM_HOME"] = str(home)
    from supportterm.ui import activity, collector

    activity.favour_the_ui_thread()  # as `supportterm` (cli.run_tui) does
    collector.pause_for_startup()  # as run_tui does too; the app settles it after painting
    store = Store(_cache.store_file(home))
    profile = Profile(name=_cache.PROFILE, backend="demo", url=URL)
    app = SupportTermApp(
        profile=profile, store=store, token="x", auto_sync=False, transport=httpx.MockTransport(refuse)
    )
    probe = PROBE = Probe()
    uninstall = install_probe()
    keys = plan(samples, jumps, seed)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()  # the engine's one sync, answered 503 by the mock
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, InboxScreen), screen
            tl = screen.ticket_list
            out: dict[str, Any] = {
                "list": {"rows": tl.count, "height": tl.size.height, "width": tl.size.width},
                "reload": timed(screen.reload),
            }
            await pilot.pause()
            out.update(await measure_work(pilot, tl, keys))
            out["B"] = await measure_pipeline(pilot, app, tl, keys, probe)
            out["C"] = await measure_pilot(pilot, tl, pilot_samples)
    finally:
        uninstall()
        PROBE = None
        store.close()
    out["mock_requests"] = requests
    return out


def verdicts(result: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for kind in KEY_TYPES:
        a = result["app"]["A"][kind]
        out.append(
            {
                "what": f"{kind}: work (A) p99",
                "value_ms": a["p99"],
                "target_ms": TARGET_MS,
                "pass": a["p99"] <= TARGET_MS,
            }
        )
    return out


def print_table(result: dict[str, Any]) -> None:
    meta, app, st = result["meta"], result["app"], result["store"]
    print(
        f"keys, {meta['tickets']:,} cached tickets, view '{st['first_view']}' {app['list']['rows']:,} rows, "
        f"list {app['list']['width']}x{app['list']['height']} in {SIZE[0]}x{SIZE[1]}; "
        f"python {meta['python']}, {meta['cpus']} CPUs, load {meta['load']}"
    )
    print(
        f"mock transport requests (none reached the network): {len(app['mock_requests'])} "
        f"{sorted(set(app['mock_requests']))}"
    )
    print()
    head = (
        f"{'key':<9} {'n':>4} | {'A work p50':>10} {'p99':>7} {'max':>7} {'cpu p50':>7} {'p99':>6} | "
        f"{'B ui work p50':>13} {'p99':>7} | {'B key→frame p50':>15} {'p99':>7} | "
        f"{'C pilot p50':>11} {'p99':>6}"
    )
    print(head)
    print("-" * len(head))
    nan = {"p50": float("nan"), "p99": float("nan")}  # not measured (C has no mix) or no sample
    for kind in KEY_TYPES:
        a, b, c = app["A"][kind], app["B"][kind], app["C"].get(kind) or nan
        bw, bl = b["ui_work"] or nan, b["key_to_frame"] or nan

        def ms(value: float, width: int, digits: int) -> str:
            return f"{'n/a':>{width + 2}}" if math.isnan(value) else f"{value:>{width}.{digits}f}ms"

        print(
            f"{kind:<9} {a['n']:>4} | {ms(a['p50'], 8, 2)} {ms(a['p99'], 5, 1)} {ms(a['max'], 5, 0)} "
            f"{ms(a['cpu']['p50'], 5, 1)} {ms(a['cpu']['p99'], 4, 0)} | "
            f"{ms(bw['p50'], 11, 2)} {ms(bw['p99'], 5, 1)} | {ms(bl['p50'], 13, 2)} {ms(bl['p99'], 5, 1)} | "
            f"{ms(c['p50'], 9, 1)} {ms(c['p99'], 4, 0)}"
            + (f"  ({b['no_repaint']} timed out)" if b["no_repaint"] else "")
        )
    for line in LEGEND:
        print(line)
    print(
        "deepest cursor row per sequence (A): "
        + ", ".join(f"{k} {v['max_cursor']:,}" for k, v in app["A_depth"].items())
    )
    print("(k continues from where j ended, pageup from where pagedown ended)")
    print()
    print("store reads (read connection; median of 5; wall / cpu ms) - run at start-up and on every sync:")
    for vid, v in st["views"].items():
        print(f"  count {vid:<11} {v['rows']:>7,} rows  {v['wall_ms']:7.1f} / {v['cpu_ms']:6.1f}")
    print(
        f"  all 8 view counts           {st['all_views']['wall_ms']:7.1f} / {st['all_views']['cpu_ms']:6.1f}"
        "   (InboxScreen.reload runs these + the current view's count)"
    )
    print(
        f"  first page (100 rows+names) {st['first_page']['wall_ms']:7.1f} / "
        f"{st['first_page']['cpu_ms']:6.1f}"
    )
    print(f"  InboxScreen.reload() in app {app['reload']['wall_ms']:7.1f} / {app['reload']['cpu_ms']:6.1f}")
    print(
        "  page read (window of 100) by offset: "
        + ", ".join(
            f"{int(o):,}: {v['wall_ms']:.1f}/{v['cpu_ms']:.1f}" for o, v in st["window_by_offset"].items()
        )
    )
    print(f"  window query plan: {st['window_plan']}")
    print()
    for v in result["verdicts"]:
        print(
            f"{'PASS' if v['pass'] else 'FAIL'}  {v['what']:<24} {v['value_ms']:7.1f} ms  "
            f"(target <= {v['target_ms']:.0f} ms)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1, help="seed of the cached data and of the mix")
    parser.add_argument("--samples", type=int, default=300, help="keys per j/k/pagedown/pageup/mix sequence")
    parser.add_argument("--jumps", type=int, default=40, help="keys per G and g sequence")
    parser.add_argument("--pilot-samples", type=int, default=20, help="pilot.press round trips per key")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    home = _cache.ensure_home(args.tickets, args.seed)
    store = store_costs(home)
    app = asyncio.run(run_app(home, args.samples, args.jumps, args.pilot_samples, args.seed))
    result = {
        "meta": {
            "tickets": args.tickets,
            "samples": args.samples,
            "jumps": args.jumps,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "home": str(home),
        },
        "store": store,
        "app": app,
    }
    result["verdicts"] = verdicts(result)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print_table(result)
    return 0 if all(v["pass"] for v in result["verdicts"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
