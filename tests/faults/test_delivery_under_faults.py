"""Fault test: 216 replies sent through a real TCP proxy that keeps breaking arrive exactly once.

A real demo helpdesk (its own SQLite file) sits behind `proxy.FaultProxy`; a real `SyncEngine`
(store on tmp_path, token demo-aysel) queues replies on 8 tickets in waves of 9 and delivers them
with `sync_once()` / `push()` while the proxy injects one fault per cycle, in rotation: the request
cut mid-way (the server never gets it whole), the response cut after the server applied the write,
added latency, a bandwidth cap, refused connections (nothing listening), connections reset on
accept, a response stalled past the client's timeout, and a server crash + restart on the same
port and database while a reply's response is in flight. Which POST of a cycle a fault meets, and
how far into it, come from a seeded RNG; the test is bounded by counts (waves, cycles), not time.

Then every reply must exist exactly once on the server (by marker and by body), the outbox must be
empty and no pending local copy may be left. Nobody else writes to these tickets, so a conflict is
spurious: it is counted and sent anyway (as the agent would), and there must be none (see
test_lost_response_then_next_reply_is_no_conflict). The
counts are printed (run with `-s`) and recorded as junit properties: sent, delivered, duplicated,
lost, the faults armed and fired, spurious conflicts.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from proxy import FaultProxy

from supportterm.config import Profile
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.domain.models import ReplyDraft
from supportterm.store import outbox
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.engine import SyncEngine
from supportterm.sync.session import build_engine, close_engine

pytestmark = pytest.mark.e2e

SEED = 20261126
N_TICKETS = 24
REPLY_TICKETS = 8
WAVES = 24
PER_WAVE = 9  # 24 waves x 9 = 216 replies
CYCLES_PER_WAVE = 2
DRAIN_CYCLES = 30
KINDS = ("cut_request", "cut_response", "latency", "refused", "restart", "throttle", "reset", "stall")
TIMEOUT = httpx.Timeout(5.0, connect=2.0)
STALL_TIMEOUT = httpx.Timeout(0.5, connect=2.0)
POST = b"POST "


class Helpdesk:
    """The demo server behind the proxy; `restart()` replaces it on the same port and file."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.server = create_demo_server(db_path, tickets=N_TICKETS, seed=3, simulate=False)
        self.server.start()
        self.port = int(self.server.url.rsplit(":", 1)[1])
        self.restarts = 0

    def start_again(self) -> None:
        """A new server process-alike on the same port and database (after `server.stop()`)."""
        self.server = create_demo_server(self.db_path, port=self.port, simulate=False)
        self.server.start()
        self.restarts += 1


@pytest.fixture
def helpdesk(tmp_path: Path) -> Iterator[Helpdesk]:
    desk = Helpdesk(tmp_path / "demo.sqlite3")
    yield desk
    desk.server.stop()


@pytest.fixture
def proxy(helpdesk: Helpdesk) -> Iterator[FaultProxy]:
    with FaultProxy(("127.0.0.1", helpdesk.port)) as running:
        yield running


async def wait_for(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    """Bounded polling; the timeout only guards against a hang."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.005)


class FaultRun:
    """Drives the engine cycle by cycle, one fault per cycle, and counts what happened."""

    def __init__(self, engine: SyncEngine, proxy: FaultProxy, desk: Helpdesk, rng: random.Random) -> None:
        self.engine, self.proxy, self.desk, self.rng = engine, proxy, desk, rng
        self.cycles = 0
        self.armed: Counter[str] = Counter()
        self.fired: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.conflicts = 0

    async def cycle(self, kind: str) -> None:
        """Arm one fault of `kind`, run a cycle (sync_once or push, alternating), then heal. A fault
        aimed at the k-th POST may find fewer POSTs in the cycle: then up to two more cycles run."""
        self.cycles += 1
        run = self.engine.sync_once if self.cycles % 2 else self.engine.push
        queued = self.engine.store.read(outbox.pending_count)
        skip = self.rng.randrange(max(1, min(queued, 4)))  # which POST of the cycle it meets
        self.armed[kind] += 1
        resets = self.proxy.stats().resets
        if kind == "cut_request":
            self.proxy.add_fault("up", "cut", after=self.rng.randrange(20, 320), trigger=POST, skip=skip)
        elif kind == "cut_response":
            self.proxy.add_fault("down", "cut", after=self.rng.randrange(0, 400), trigger=POST, skip=skip)
        elif kind == "latency":
            delay = self.rng.uniform(0.002, 0.015)
            self.proxy.latency = {"up": delay, "down": delay}
        elif kind == "throttle":
            rate = self.rng.choice((32_000, 64_000, 128_000))
            self.proxy.bandwidth = {"up": rate, "down": rate}
        elif kind == "refused":
            self.proxy.go_down()
        elif kind == "reset":
            self.proxy.cut_all()  # so the cycle needs a new connection
            self.proxy.reset_next(self.rng.randrange(1, 3))
        elif kind in ("stall", "restart"):
            if kind == "stall":
                self.engine.backend.client.timeout = STALL_TIMEOUT
            self.proxy.add_fault("down", "hold", trigger=POST, skip=skip)
        for _ in range(3):
            if kind == "restart":
                await self._crash_and_restart(run)
            else:
                self._note(await run())
            if not self.proxy.pending_faults() or not self.engine.store.read(outbox.pending_count):
                break
        unfired = self._heal(kind)
        if self.proxy.stats().resets > resets if kind == "reset" else not unfired:
            self.fired[kind] += 1
        await self.send_held_anyway()

    async def _crash_and_restart(self, run: Callable[[], Any]) -> None:
        """The server applies a reply and dies before its response gets out; a new one starts."""
        holds = self.proxy.stats().holds
        task = asyncio.ensure_future(run())
        await wait_for(lambda: task.done() or self.proxy.stats().holds > holds, "a held response")
        if self.proxy.stats().holds > holds:
            await asyncio.to_thread(self.desk.server.stop)
            self.proxy.cut_all()  # the held response dies with the server
            await asyncio.to_thread(self.desk.start_again)
        self._note(await asyncio.wait_for(task, 30))

    def _heal(self, kind: str) -> int:
        """Undo every fault; returns how many armed faults never fired."""
        unfired = self.proxy.clear_faults()
        self.proxy.release()
        self.proxy.latency = {"up": 0.0, "down": 0.0}
        self.proxy.bandwidth = {"up": None, "down": None}
        self.engine.backend.client.timeout = TIMEOUT
        if kind == "refused":
            self.proxy.go_up()
        return unfired

    def _note(self, report: Any) -> None:
        if report.error:
            self.errors[report.error.split(" while ")[0]] += 1
        assert report.outbox_failed == 0, f"an item failed under faults: {report}"

    async def send_held_anyway(self) -> None:
        """Nobody else touches these tickets, so every conflict is spurious (see
        test_lost_response_then_next_reply_is_no_conflict); count it and send anyway, as the agent would."""
        held = self.engine.store.read(lambda c: [i.id for i in outbox.items(c) if i.state == outbox.CONFLICT])
        self.conflicts += len(held)
        for item_id in held:
            await self.engine.retry(item_id)


def pending(store: Store) -> int:
    return store.read(outbox.pending_count)


async def test_replies_arrive_exactly_once_under_faults(
    helpdesk: Helpdesk, proxy: FaultProxy, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    rng = random.Random(SEED)
    store = Store(tmp_path / "client" / "faults.sqlite3")
    engine = build_engine(Profile(name="faults", backend="demo", url=proxy.url), store, token="demo-aysel")
    engine.backend.client.timeout = TIMEOUT
    sent: dict[str, tuple[str, str]] = {}  # marker -> (ticket id, body)
    try:
        first = await engine.sync_once()
        assert first.error is None, first.error
        ids = sorted(store.read(lambda c: [r[0] for r in c.execute("SELECT id FROM tickets")]))
        targets = ids[:REPLY_TICKETS]
        run = FaultRun(engine, proxy, helpdesk, rng)
        for wave in range(WAVES):
            for _ in range(PER_WAVE):
                ticket_id = rng.choice(targets)
                ticket = store.read(lambda c, t=ticket_id: cache.get_ticket(c, t))
                body = f"Reply {len(sent) + 1:03d} on #{ticket_id}: thank you for your patience."
                item = await engine.queue_message(ticket_id, ReplyDraft(body), expect_version=ticket.version)
                sent[item.marker] = (ticket_id, body)
            for c in range(CYCLES_PER_WAVE):
                await run.cycle(KINDS[(wave * CYCLES_PER_WAVE + c) % len(KINDS)])
        drained = 0
        while pending(store) and drained < DRAIN_CYCLES:
            drained += 1
            run._note(await engine.sync_once())
            await run.send_held_anyway()
        final = await engine.sync_once()
        assert final.error is None, final.error
    finally:
        await close_engine(engine)

    counts, stray = _server_counts(helpdesk.server, sent)
    delivered = sum(1 for n in counts.values() if n >= 1)
    duplicated = sum(n - 1 for n in counts.values() if n > 1)
    lost = sum(1 for n in counts.values() if n == 0)
    stats = proxy.stats()
    summary = {
        "sent": len(sent), "delivered": delivered, "duplicated": duplicated, "lost": lost,
        "cycles": run.cycles, "drain_cycles": drained, "restarts": helpdesk.restarts,
        "armed": dict(run.armed), "fired": dict(run.fired), "cuts": stats.cuts, "holds": stats.holds,
        "resets": stats.resets,
        "connections": stats.connections, "spurious_conflicts": run.conflicts,
        "cycle_errors": dict(run.errors),
    }
    print(f"\nFAULTS {summary}")
    for key, value in summary.items():
        record_property(key, value)

    local = store.read(lambda c: (
        c.execute("SELECT count(*) FROM messages WHERE outbox_id IS NOT NULL OR id LIKE 'local-%'")
        .fetchone()[0],
        Counter(r[0] for r in c.execute("SELECT marker FROM messages WHERE marker IS NOT NULL")),
        [tuple(r) for r in c.execute("SELECT state, count(*) FROM outbox GROUP BY state")],
    ))
    store.close()
    assert len(sent) >= 200
    assert run.conflicts == 0, "nobody else writes to these tickets: a conflict is the engine's fault"
    assert (lost, duplicated, stray) == (0, 0, 0), summary
    assert delivered == len(sent)
    assert local[0] == 0, "a pending local copy of a delivered reply is left"
    assert all(local[1][m] == 1 for m in sent), "the local thread lacks or repeats a reply"
    assert local[2] == [(outbox.SENT, len(sent))], f"outbox not empty: {local[2]}"
    assert run.fired.keys() == set(KINDS), f"some kinds of fault never struck: {run.fired}"


def _server_counts(server: DemoServer, sent: dict[str, tuple[str, str]]) -> tuple[dict[str, int], int]:
    """Per marker, how many messages carry it on the server (asked directly, not through the proxy),
    cross-checked by body; plus replies with one of our bodies but another marker (must be 0)."""
    counts: dict[str, int] = {}
    bodies = {body: marker for marker, (_, body) in sent.items()}
    with httpx.Client(base_url=server.url + "/api/v1", headers={"Authorization": "Bearer demo-admin"}) as api:
        for marker, (ticket_id, _) in sent.items():
            found = api.get(f"/tickets/{ticket_id}/messages", params={"marker": marker}).json()["messages"]
            counts[marker] = len(found)
        stray = 0
        for ticket_id in {t for t, _ in sent.values()}:
            thread = api.get(f"/tickets/{ticket_id}/messages").json()["messages"]
            by_body = Counter(m["body"] for m in thread if m["body"] in bodies)
            for body, n in by_body.items():
                assert n == counts[bodies[body]], f"body count {n} != marker count for {body!r}"
            stray += sum(1 for m in thread if m["body"] in bodies and m["marker"] != bodies[m["body"]])
    return counts, stray


async def test_lost_response_then_next_reply_is_no_conflict(proxy: FaultProxy, tmp_path: Path) -> None:
    store = Store(tmp_path / "client" / "conflict.sqlite3")
    engine = build_engine(Profile(name="c", backend="demo", url=proxy.url), store, token="demo-aysel")
    try:
        assert (await engine.sync_once()).error is None
        ticket_id = store.read(lambda c: c.execute("SELECT min(id) FROM tickets").fetchone()[0])
        version = store.read(lambda c: cache.get_ticket(c, ticket_id)).version
        for body in ("First answer.", "Second answer."):
            await engine.queue_message(ticket_id, ReplyDraft(body), expect_version=version)
        proxy.add_fault("down", "cut", trigger=POST)  # the first reply lands; its response is lost
        assert (await engine.push()).error is not None
        report = await engine.push()
    finally:
        await close_engine(engine)
        states = store.read(lambda c: [i.state for i in outbox.items(c)])
        store.close()
    assert (report.outbox_delivered, report.outbox_conflicts, states) == (2, 0, [])
