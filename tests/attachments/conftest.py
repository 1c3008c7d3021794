"""Shared fixtures of the attachment tests: one seeded demo helpdesk on loopback, an engine on it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone

import pytest

from supportterm.config import Profile
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.domain.models import Attachment, Message
from supportterm.store.db import Store
from supportterm.sync.engine import SyncEngine
from supportterm.sync.session import build_engine, close_engine

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    folder = tmp_path_factory.mktemp("demo")
    srv = create_demo_server(folder / "demo.db", tickets=120, simulate=False, now=NOW)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def agent_token(demo: DemoServer) -> str:
    return f"demo-{next(iter(demo.db.agents_by_login()))}"


@pytest.fixture
async def demo_engine(demo: DemoServer, store: Store, agent_token: str) -> AsyncIterator[SyncEngine]:
    engine = build_engine(Profile(name="t", backend="demo", url=demo.url), store, token=agent_token)
    yield engine
    await close_engine(engine)


def ticket_with_attachments(demo: DemoServer) -> tuple[str, str]:
    """(ticket id, message id) of a seeded message that has an attachment."""
    row = demo.db._conn.execute(
        "SELECT m.ticket_id, m.id FROM attachments a JOIN messages m ON m.id = a.message_id "
        "ORDER BY a.rowid LIMIT 1").fetchone()
    return row[0], row[1]


def attachments_in(thread: list[Message]) -> list[Attachment]:
    return [a for m in thread for a in m.attachments]
