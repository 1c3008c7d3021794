"""Cached SUPPORTTERM_HOME folders whose store holds N tickets, for the start-up and key benchmarks.

    .venv/bin/python benchmarks/_cache.py [--tickets 10000,100000] [--seed 1] [--rebuild]

Each home is `/work/main/.work/bench/home-<N>-s<seed>/` (git-ignored) and holds the store of the profile
`supportterm --backend demo --url URL` opens (`demo-adhoc`, under `data/`). It is filled from
`demo.seed.generate(N)` the way a first sync would fill it: tickets oldest change first, in pages of
2,000 (the engine's page size), each page one `Store.transaction()` with `upsert_people` (the people
not sent before, as the demo's /changes does) then `upsert_tickets`; so the FTS triggers run as in
real use. Thread messages are not cached (a sync pulls list fields only; threads come on demand).
`sync_state.me_id` is the demo agent a1 (aysel), so the "Mine" view has rows.

Seed times are shifted so the newest event is the build time (as the demo server does). A home is
built once; `built.json` records N, seed, schema version and how long each step took, and a home
whose record does not match is rebuilt. A build goes to a temporary folder renamed at the end, so an
interrupted build never leaves a half-filled home behind.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from supportterm import paths  # noqa: E402
from supportterm.domain.models import (  # noqa: E402
    Channel,
    Person,
    Priority,
    Role,
    Status,
    Ticket,
    utc,
)
from supportterm.store import state  # noqa: E402
from supportterm.store import tickets as cache  # noqa: E402
from supportterm.store.db import MIGRATIONS, Store  # noqa: E402

CACHE_ROOT = ROOT / ".work" / "bench"
PROFILE = "demo-adhoc"
"""Profile name of `supportterm --backend demo --url URL` (cli.resolve_profile)."""
ME_ID = "a1"
PAGE = 2000
"""Tickets per transaction: the sync engine's default page size."""
FORMAT = 1
"""Bump when the way a home is built changes, so old homes are rebuilt."""


def home_for(n: int, seed: int = 1) -> Path:
    """The cached home folder for `n` tickets of seed `seed` (may not exist yet)."""
    return CACHE_ROOT / f"home-{n}-s{seed}"


def store_file(home: Path) -> Path:
    """The store file inside a home (the same path `paths.store_path(PROFILE)` gives under it)."""
    return home / "data" / paths.store_path(PROFILE).name


def record(home: Path) -> dict[str, Any] | None:
    """The build record of a home, or None."""
    try:
        return json.loads((home / "built.json").read_text())
    except (OSError, ValueError):
        return None


def _valid(home: Path, n: int, seed: int) -> bool:
    rec = record(home)
    return (
        rec is not None
        and rec.get("tickets") == n
        and rec.get("seed") == seed
        and rec.get("schema") == len(MIGRATIONS)
        and rec.get("format") == FORMAT
        and store_file(home).exists()
    )


def ensure_home(n: int, seed: int = 1, *, rebuild: bool = False, log=None) -> Path:
    """A home with `n` cached tickets, built now if missing or out of date; returns its path."""
    home = home_for(n, seed)
    if not rebuild and _valid(home, n, seed):
        return home
    log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    log(f"[cache] building {home} ({n:,} tickets, seed {seed}) ...")
    rec = build(home, n, seed)
    log(
        f"[cache] built in {rec['seconds']['total']:.1f} s (generate {rec['seconds']['generate']:.1f} s, "
        f"convert {rec['seconds']['convert']:.1f} s, store {rec['seconds']['store']:.1f} s), "
        f"{rec['store_bytes'] / 2**20:.0f} MiB"
    )
    return home


# --- seed dicts (datetimes) -> domain objects -----------------------------------------------------


def _thread_stats(messages: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Per ticket: [message count, last public customer time, last public agent time] (as the demo)."""
    stats: dict[str, list[Any]] = {}
    for m in messages:
        st = stats.setdefault(m["ticket_id"], [0, None, None])
        st[0] += 1
        if m["visibility"] == "public":
            slot = 1 if m["author_role"] == "customer" else 2
            if st[slot] is None or m["created_at"] > st[slot]:
                st[slot] = m["created_at"]
    return stats


def convert(data: Any, now: datetime) -> tuple[list[Ticket], dict[str, Person]]:
    """Tickets (oldest change first) and people by id, times shifted so the newest event is `now`."""
    newest = max([t["updated_at"] for t in data.tickets] + [m["created_at"] for m in data.messages])
    shift = utc(now) - utc(newest)

    def at(dt: datetime | None) -> datetime | None:
        return None if dt is None else utc(dt) + shift

    stats = _thread_stats(data.messages)
    tickets = []
    for seq, t in enumerate(sorted(data.tickets, key=lambda t: t["updated_at"]), start=1):
        count, last_customer, last_agent = stats.get(t["id"], (0, None, None))
        tickets.append(
            Ticket(
                id=str(t["id"]),
                subject=t["subject"],
                status=Status(t["status"]),
                priority=Priority(t["priority"]),
                channel=Channel(t["channel"]),
                requester_id=t["requester_id"],
                created_at=at(t["created_at"]),
                updated_at=at(t["updated_at"]),
                language=t.get("language"),
                assignee_id=t.get("assignee_id"),
                due_at=at(t.get("due_at")),
                version=f"v{seq}",
                last_customer_at=at(last_customer),
                last_agent_at=at(last_agent),
                message_count=count,
                tags=tuple(t.get("tags") or ()),
            )
        )
    people = {
        a["id"]: Person(
            id=a["id"], name=a["name"], role=Role.AGENT, email=a.get("email"), language=a.get("language")
        )
        for a in data.agents
    }
    for c in data.customers:
        people[c["id"]] = Person(
            id=c["id"],
            name=c["name"],
            role=Role.CUSTOMER,
            email=c.get("email"),
            organization=c.get("organization"),
            language=c.get("language"),
        )
    return tickets, people


def _pages(tickets: list[Ticket], people: dict[str, Person]):
    """(people new to the client, tickets) per page of `PAGE`, as the demo's /changes sends them."""
    sent: set[str] = set()
    for start in range(0, len(tickets), PAGE):
        page = tickets[start : start + PAGE]
        new = []
        for t in page:
            for pid in (t.requester_id, t.assignee_id):
                if pid and pid not in sent and pid in people:
                    sent.add(pid)
                    new.append(people[pid])
        yield new, page


def build(home: Path, n: int, seed: int) -> dict[str, Any]:
    """Build the home from scratch (in a temporary folder renamed at the end); returns its record."""
    from supportterm.demo.seed import generate

    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    tmp = home.with_name(home.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    t0 = time.perf_counter()
    data = generate(n, seed=seed)
    t1 = time.perf_counter()
    now = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=1)
    tickets, people = convert(data, now)
    del data
    t2 = time.perf_counter()
    store = Store(store_file(tmp))
    page_seconds = []
    try:
        for new_people, page in _pages(tickets, people):
            p0 = time.perf_counter()
            with store.transaction() as conn:
                cache.upsert_people(conn, new_people)
                cache.upsert_tickets(conn, page)
            page_seconds.append(time.perf_counter() - p0)
        with store.transaction() as conn:
            state.put_state(conn, "me_id", ME_ID)
            state.put_state(conn, "me_name", people[ME_ID].name)
    finally:
        store.close()  # the last connection to close checkpoints the WAL into the database file
    t3 = time.perf_counter()
    for leftover in (store_file(tmp).with_suffix(".lock"),):
        leftover.unlink(missing_ok=True)
    rec = {
        "tickets": n,
        "seed": seed,
        "people": len(people),
        "schema": len(MIGRATIONS),
        "format": FORMAT,
        "now": now.isoformat(),
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "store_bytes": store_file(tmp).stat().st_size,
        "seconds": {
            "generate": round(t1 - t0, 2),
            "convert": round(t2 - t1, 2),
            "store": round(t3 - t2, 2),
            "total": round(t3 - t0, 2),
            "first_page": round(page_seconds[0], 3) if page_seconds else None,
            "last_page": round(page_seconds[-1], 3) if page_seconds else None,
        },
    }
    (tmp / "built.json").write_text(json.dumps(rec, indent=1))
    shutil.rmtree(home, ignore_errors=True)
    tmp.rename(home)
    return rec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", default="10000,100000", help="comma-separated sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true", help="rebuild even if a valid home exists")
    args = parser.parse_args(argv)
    for n in (int(x) for x in args.tickets.split(",")):
        home = ensure_home(n, args.seed, rebuild=args.rebuild)
        print(json.dumps({"home": str(home), **(record(home) or {})}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
