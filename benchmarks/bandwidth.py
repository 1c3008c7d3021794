"""Bandwidth benchmark of the sync engine against the demo helpdesk (issue 3 item 6, DESIGN §5 targets).

    .venv/bin/python benchmarks/bandwidth.py [--tickets 1000,10000] [--json]

For each size it seeds a demo helpdesk (simulate=False), puts `tests/proxy.py` between client and
server, and measures these steps of one agent's session, with the engine (`build_engine`, a fresh
store) and with a naive client doing the same work by full re-fetch (no cursor kept between cycles,
no ETag, no gzip: every cycle GETs all /changes pages, plus the open thread once one is open):

  first sync / usable inbox (first 50) / idle sync (twice) / open thread / new customer message /
  reply sent (queue + push) / next sync after the reply

Requests and bytes both ways are counted twice: by the engine's Meter and independently by the
proxy (TCP payload forwarded, requests/responses counted from HTTP/1.1 framing, new connections).
`supportterm sync --json` is also run through the proxy, and its printed counts are compared.

Time model (per link: 64 kbit/s + 600 ms RTT, 512 kbit/s + 300 ms RTT):
    time = (requests + new TCP connections) x RTT + (bytes out + bytes in) / bandwidth
(every request waits for its answer, as the engine's do; a new connection costs one extra RTT for
its handshake; both directions share the link's rate; no TLS, no slow start, no loss).
See benchmarks/README.md for the targets and the definition of the "minimal JSON".
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from proxy import FaultProxy, Stats  # noqa: E402

from supportterm.config import Profile  # noqa: E402
from supportterm.demo.server import create_demo_server  # noqa: E402
from supportterm.domain.models import ReplyDraft  # noqa: E402
from supportterm.store import tickets as cache  # noqa: E402
from supportterm.store.db import Store  # noqa: E402
from supportterm.sync.session import build_engine, close_engine  # noqa: E402

LINKS = {"64k/600ms": (64_000 / 8, 0.600), "512k/300ms": (512_000 / 8, 0.300)}
LIST_FIELDS = ("id", "subject", "status", "priority", "channel", "language", "requester_id", "assignee_id",
               "created_at", "updated_at", "due_at", "version", "last_customer_at", "last_agent_at",
               "message_count", "tags")
PERSON_FIELDS = ("id", "name", "email", "organization", "language")
WINDOW = 50
STEPS = ("first sync", "usable inbox (first 50)", "idle sync", "idle sync (again)", "open thread",
         "new customer message", "reply sent (queue + push)", "next sync after the reply")
ADMIN = {"Authorization": "Bearer demo-admin"}
AGENT = {"Authorization": "Bearer demo-aysel"}
CUSTOMER_TEXT = "Hello again, the export still fails with error 0x80070005 after the update. Any news?"
REPLY_TEXT = "Hello, thank you for the details. We reproduced the export error and are fixing it now."


def model_s(row: dict[str, Any], link: str) -> float:
    rate, rtt = LINKS[link]
    return (row["requests"] + row["connections"]) * rtt + (row["bytes_out"] + row["bytes_in"]) / rate


def wire_row(stats: Stats, meter: dict[str, int] | None = None) -> dict[str, Any]:
    """A step's counts: the proxy's as the row, the engine meter's beside them."""
    row: dict[str, Any] = {"requests": stats.requests, "connections": stats.connections,
                           "bytes_out": stats.up, "bytes_in": stats.down}
    if meter is not None:
        row.update(meter_requests=meter["requests"], meter_out=meter["bytes_out"], meter_in=meter["bytes_in"])
    row.update({f"t_{link}": round(model_s(row, link), 2) for link in LINKS})
    return row


class ProbeStore(Store):
    """A Store that calls `probe()` after every committed write (to spot when the inbox is usable)."""

    probe: Callable[[], None] | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        with super().transaction() as conn:
            yield conn
        if self.probe is not None:
            self.probe()


class Truth:
    """What the server holds, read directly (not through the proxy): tickets, people, the newest 50."""

    def __init__(self, api: httpx.Client) -> None:
        self.tickets: list[dict[str, Any]] = []
        people: dict[str, dict[str, Any]] = {}
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 2000, **({"cursor": cursor} if cursor else {})}
            page = api.get("/changes", params=params).json()
            self.tickets += page["tickets"]
            people.update({p["id"]: p for p in page["people"]})
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        refs = {t["requester_id"] for t in self.tickets} | {t["assignee_id"] for t in self.tickets}
        self.people = [people[i] for i in sorted(refs - {None})]
        newest = sorted(self.tickets, key=lambda t: t["updated_at"], reverse=True)
        cutoff = newest[WINDOW - 1]["updated_at"]
        self.must = {t["id"] for t in self.tickets if t["updated_at"] > cutoff}
        self.ties = {t["id"] for t in self.tickets if t["updated_at"] == cutoff}
        self.newest_id = newest[0]["id"]

    def minimal_json(self) -> bytes:
        """The list fields the store keeps plus the referenced people, as arrays of values."""
        data = [[[t[f] for f in LIST_FIELDS] for t in self.tickets],
                [[p[f] for f in PERSON_FIELDS] for p in self.people]]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    def window_in(self, conn: Any) -> bool:
        """Whether the store holds the first inbox screen (ties at the 50th place count as either)."""
        have = {r[0] for r in conn.execute("SELECT id FROM tickets")}
        return self.must <= have and len(self.ties & have) >= WINDOW - len(self.must)


async def engine_steps(url: str, server_api: httpx.Client, proxy: FaultProxy, truth: Truth,
                       home: Path) -> tuple[dict[str, dict[str, Any]], int]:
    """The engine's steps; returns the rows and the gzip size of the new customer message."""
    store = ProbeStore(home / "engine.sqlite3")
    engine = build_engine(Profile(name="bench", backend="demo", url=url), store, token="demo-aysel")
    rows: dict[str, dict[str, Any]] = {}
    start: dict[str, Any] = {}

    def usable() -> None:
        if "usable inbox (first 50)" not in rows and store.read(truth.window_in):
            rows["usable inbox (first 50)"] = wire_row(proxy.stats() - start["proxy"],
                                                       engine.meter.since(start["meter"]))

    async def step(name: str, action: Callable[[], Any]) -> Any:
        before, meter = proxy.stats(), engine.meter.snapshot()
        start.update(proxy=before, meter=meter)
        result = await action()
        rows[name] = wire_row(proxy.stats() - before, engine.meter.since(meter))
        return result

    try:
        store.probe = usable
        report = await step("first sync", engine.sync_once)
        store.probe = None
        assert report.error is None, report.error
        rows.setdefault("usable inbox (first 50)", dict(rows["first sync"]))
        assert (await step("idle sync", engine.sync_once)).error is None
        assert (await step("idle sync (again)", engine.sync_once)).error is None
        ticket_id = truth.newest_id
        await step("open thread", lambda: engine.fetch_thread(ticket_id))
        posted = server_api.post(f"/tickets/{ticket_id}/customer-messages", headers=ADMIN,
                                 json={"body": CUSTOMER_TEXT}).json()["message"]
        message_gz = len(gzip.compress(json.dumps(posted, ensure_ascii=False, separators=(",", ":"))
                                       .encode(), 9))
        report = await step("new customer message", engine.sync_once)
        assert report.error is None and report.messages_changed == 1, report
        version = store.read(lambda c: cache.get_ticket(c, ticket_id)).version

        async def reply() -> Any:
            await engine.queue_message(ticket_id, ReplyDraft(REPLY_TEXT), expect_version=version)
            return await engine.push()

        assert (await step("reply sent (queue + push)", reply)).outbox_delivered == 1
        assert (await step("next sync after the reply", engine.sync_once)).error is None
    finally:
        await close_engine(engine)
        store.close()
    return {name: rows[name] for name in STEPS}, message_gz


def naive_steps(url: str, server_api: httpx.Client, proxy: FaultProxy, truth: Truth) -> dict[str, Any]:
    """The same work by full re-fetch: all /changes pages (+ the open thread) every cycle, identity."""
    headers = {**AGENT, "Accept-Encoding": "identity"}
    rows: dict[str, dict[str, Any]] = {}
    ticket_id = truth.newest_id
    with httpx.Client(base_url=url + "/api/v1", headers=headers, timeout=60) as api:
        def cycle(thread: bool) -> None:
            cursor: str | None = None
            while True:
                page = api.get("/changes", params={"cursor": cursor} if cursor else {}).json()
                cursor = page["cursor"]
                if not page["has_more"]:
                    break
            if thread:
                api.get(f"/tickets/{ticket_id}/messages").raise_for_status()

        def step(name: str, action: Callable[[], None]) -> None:
            before = proxy.stats()
            action()
            rows[name] = wire_row(proxy.stats() - before)

        step("first sync", lambda: cycle(False))
        rows["usable inbox (first 50)"] = dict(rows["first sync"])  # oldest first: needs every page
        step("idle sync", lambda: cycle(False))
        step("idle sync (again)", lambda: cycle(False))
        step("open thread", lambda: api.get(f"/tickets/{ticket_id}/messages").raise_for_status())
        server_api.post(f"/tickets/{ticket_id}/customer-messages", headers=ADMIN,
                        json={"body": CUSTOMER_TEXT})
        step("new customer message", lambda: cycle(True))

        def reply() -> None:
            api.post(f"/tickets/{ticket_id}/messages", json={"body": REPLY_TEXT}).raise_for_status()
            cycle(True)  # a naive client re-fetches its view after an action

        step("reply sent (queue + push)", reply)
        step("next sync after the reply", lambda: cycle(True))
    return {name: rows[name] for name in STEPS}


def cli_check(url: str, proxy: FaultProxy, home: Path) -> list[dict[str, Any]]:
    """`supportterm sync --json` through the proxy (first, then idle): its own counts vs the proxy's."""
    env = {**os.environ, "SUPPORTTERM_HOME": str(home), "SUPPORTTERM_TOKEN": "demo-aysel",
           "SUPPORTTERM_USER": "aysel"}
    out = []
    for name in ("first sync", "idle sync"):
        before = proxy.stats()
        done = subprocess.run([sys.executable, "-m", "supportterm", "sync", "--backend", "demo", "--url", url,
                               "--json"], env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise SystemExit(f"supportterm sync failed: {done.stderr or done.stdout}")
        report, wire = json.loads(done.stdout.strip().splitlines()[-1]), proxy.stats() - before
        out.append({"step": name, "cli_requests": report["requests"], "cli_out": report["bytes_out"],
                    "cli_in": report["bytes_in"], "proxy_requests": wire.requests, "proxy_out": wire.up,
                    "proxy_in": wire.down})
    return out


def targets(engine: dict[str, dict[str, Any]], n: int, gz_minimal: int,
            message_gz: int) -> list[dict[str, Any]]:
    """DESIGN §5's sync targets, judged on the proxy's counts."""
    idle, new, first = engine["idle sync"], engine["new customer message"], engine["first sync"]
    usable = engine["usable inbox (first 50)"]
    total = lambda row: row["bytes_out"] + row["bytes_in"]  # noqa: E731
    ratio = total(first) / gz_minimal
    out = [
        ("idle sync: 1 request, <= 1 KB both ways",
         idle["requests"] == 1 and total(idle) <= 1024, f"{idle['requests']} req, {total(idle)} B"),
        ("new customer message: <= 2 requests, <= 1.5 KB + message gzip",
         new["requests"] <= 2 and total(new) <= 1536 + message_gz,
         f"{new['requests']} req, {total(new)} B (limit {1536 + message_gz} B)"),
        ("usable inbox (first 50) on 64k/600ms: <= 3 s", usable["t_64k/600ms"] <= 3.0,
         f"{usable['t_64k/600ms']:.2f} s ({usable['requests']} req, {usable['connections']} conn, "
         f"{total(usable)} B)"),
        (f"first sync of {n:,} tickets <= 1.3x gzip(minimal JSON)" + ("" if n == 1000 else " (target at 1k)"),
         ratio <= 1.3 if n == 1000 else None,
         f"{total(first)} B / {gz_minimal} B = {ratio:.2f}x "
         f"(bytes in only: {first['bytes_in'] / gz_minimal:.2f}x;"
         f" without the first-screen fetch: {(total(first) - total(usable)) / gz_minimal:.2f}x)"),
    ]
    return [{"target": t, "pass": ok, "measured": m} for t, ok, m in out]


def run_size(n: int, tmp: Path) -> dict[str, Any]:
    started = time.perf_counter()
    server = create_demo_server(tmp / f"demo-{n}.sqlite3", tickets=n, seed=1, simulate=False)
    server.start()
    seeded_s = time.perf_counter() - started
    proxy = FaultProxy(("127.0.0.1", int(server.url.rsplit(":", 1)[1]))).start()
    try:
        with httpx.Client(base_url=server.url + "/api/v1", headers=ADMIN, timeout=60) as server_api:
            truth = Truth(server_api)
            minimal = truth.minimal_json()
            gz_minimal = len(gzip.compress(minimal, 9))
            engine, message_gz = asyncio.run(engine_steps(proxy.url, server_api, proxy, truth, tmp / f"e{n}"))
            naive = naive_steps(proxy.url, server_api, proxy, truth)
        cli = cli_check(proxy.url, proxy, tmp / f"cli{n}")
    finally:
        proxy.stop()
        server.stop()
    return {"tickets": n, "seed_s": round(seeded_s, 2), "minimal_json_bytes": len(minimal),
            "minimal_json_gzip_bytes": gz_minimal, "message_gzip_bytes": message_gz,
            "engine": engine, "naive": naive, "cli_vs_proxy": cli,
            "targets": targets(engine, n, gz_minimal, message_gz)}


def print_table(result: dict[str, Any]) -> None:
    n = result["tickets"]
    print(f"\n== {n:,} tickets (seeded in {result['seed_s']} s); "
          f"minimal JSON {result['minimal_json_bytes']:,} B, "
          f"gzip {result['minimal_json_gzip_bytes']:,} B; proxy counts, meter in brackets ==")
    head = (f"{'step':<27} {'client':<6} {'req':>4} {'conn':>4} {'bytes out':>10} {'bytes in':>11} "
            f"{'meter out/in':>19} {'64k/600ms':>10} {'512k/300ms':>10}")
    print(head)
    print("-" * len(head))
    for step in STEPS:
        for client in ("engine", "naive"):
            row = result[client][step]
            meter = f"[{row['meter_out']}/{row['meter_in']}]" if "meter_out" in row else ""
            print(f"{step if client == 'engine' else '':<27} {client:<6} {row['requests']:>4} "
                  f"{row['connections']:>4} {row['bytes_out']:>10,} {row['bytes_in']:>11,} {meter:>19} "
                  f"{row['t_64k/600ms']:>9.2f}s {row['t_512k/300ms']:>9.2f}s")
    for c in result["cli_vs_proxy"]:
        keys = ("requests", "out", "in")
        same = [c[f"cli_{k}"] for k in keys] == [c[f"proxy_{k}"] for k in keys]
        print(f"supportterm sync --json, {c['step']}: reports {c['cli_requests']} req, "
              f"{c['cli_out']:,} B out, "
              f"{c['cli_in']:,} B in; proxy saw {c['proxy_requests']} req, {c['proxy_out']:,} B out, "
              f"{c['proxy_in']:,} B in{' (same)' if same else ''}")
    for t in result["targets"]:
        verdict = {True: "PASS", False: "FAIL", None: "INFO"}[t["pass"]]
        print(f"  {verdict}  {t['target']}: {t['measured']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", default="1000,10000", help="comma-separated sizes (default 1000,10000)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.tickets.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="supportterm-bw-") as tmp:
        results = [run_size(n, Path(tmp)) for n in sizes]
    if args.json:
        print(json.dumps({"links": {k: {"bytes_per_s": r, "rtt_s": t} for k, (r, t) in LINKS.items()},
                          "results": results}, indent=2))
    else:
        for result in results:
            print_table(result)
    return 0 if all(t["pass"] is not False for r in results for t in r["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
