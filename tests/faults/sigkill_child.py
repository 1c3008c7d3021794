"""The process `test_sigkill.py` kills: an agent's supportterm that saves a draft, queues replies, sends.

    python sigkill_child.py URL TAG N_REPLIES [--pause]

Uses the store of profile "kill" under $SUPPORTTERM_HOME and the token in $SUPPORTTERM_TOKEN. It
syncs once, saves a draft on the fourth ticket, queues N replies round-robin on the first three
tickets (each with the version the agent saw), printing one line per step once it is committed:

    SYNCED / DRAFT <ticket> / QUEUED <i> <marker> / PUSHING / PUSHED <json report>

With --pause it waits for a line on stdin before pushing (so the parent can kill it "while queued").
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from dataclasses import asdict

from supportterm import paths
from supportterm.config import Profile
from supportterm.domain.models import ReplyDraft, Visibility
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.session import build_engine, close_engine

PROFILE = "kill"
DRAFT = "Draft that must survive kill -9: Здравствуйте! Salam!"


def say(line: str) -> None:
    print(line, flush=True)


async def main(url: str, tag: str, n_replies: int, pause: bool) -> int:
    store = Store(paths.store_path(PROFILE))
    engine = build_engine(Profile(name=PROFILE, backend="demo", url=url), store,
                          token=os.environ["SUPPORTTERM_TOKEN"])
    try:
        report = await engine.sync_once()
        if report.error:
            say(f"ERROR {report.error}")
            return 1
        say("SYNCED")
        ids = store.read(lambda c: [r[0] for r in c.execute("SELECT id FROM tickets ORDER BY id LIMIT 4")])
        await engine.save_draft(ids[3], Visibility.PUBLIC, DRAFT)  # a reply would consume its draft
        say(f"DRAFT {ids[3]}")
        for i in range(n_replies):
            ticket_id = ids[i % 3]
            version = store.read(lambda c, t=ticket_id: cache.get_ticket(c, t)).version
            body = f"{tag} reply {i} on #{ticket_id}: we are on it."
            item = await engine.queue_message(ticket_id, ReplyDraft(body), expect_version=version)
            say(f"QUEUED {i} {item.marker}")
        if pause:
            sys.stdin.readline()
        say("PUSHING")
        say(f"PUSHED {json.dumps(asdict(await engine.push()))}")
        return 0
    finally:
        await close_engine(engine)
        store.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), "--pause" in sys.argv[4:])))
