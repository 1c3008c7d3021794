"""Attachments on a live Request Tracker: a customer's files are listed with the thread and fetched.

Runs with the conformance suite's RT service (`pytest tests/live -k rt`); the other helpdesks skip:
django-helpdesk's API lists no attachments (docs/backends.md) and the demo has its own tests.
"""

from __future__ import annotations

import asyncio
import base64
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from supportterm.config import Profile
from supportterm.domain.models import Role
from supportterm.errors import TooLargeError
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.engine import SyncEngine
from supportterm.sync.session import build_engine, close_engine

if TYPE_CHECKING:
    from helpdesk_live import Live

pytestmark = pytest.mark.e2e

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
LOG = b"2026-11-25 09:12:03 ERROR [vpn] tunnel dropped\n" * 200


@pytest.fixture
async def rt_engine(live: Live, store: Store) -> AsyncIterator[SyncEngine]:
    if live.kind != "rt":
        pytest.skip("attachments are checked live on Request Tracker only")
    built = build_engine(Profile(name="live-rt", backend="rt", url=live.url, options=dict(live.options)),
                         store, token=live.token)
    report = await built.sync_once()
    assert report.error is None, report.error
    yield built
    await close_engine(built)


def _customer_sends_files(live: Live, ticket_id: str) -> None:
    files = [{"FileName": "../screen shot.png", "FileType": "image/png",
              "FileContent": base64.b64encode(PNG).decode()},
             {"FileName": "vpn.log", "FileType": "text/plain", "FileContent": base64.b64encode(LOG).decode()}]
    body = {"Content": "Screenshot and log attached.", "ContentType": "text/plain", "Attachments": files}
    live._api("POST", f"/ticket/{ticket_id}/correspond", customer=True, json=body)  # type: ignore[attr-defined]


async def test_files_are_listed_with_the_thread_and_fetched_whole(
    live: Live, rt_engine: SyncEngine, tmp_path: Path
) -> None:
    subject = f"VPN drops {uuid.uuid4().hex[:8]}"
    ticket_id = await asyncio.to_thread(live.create_ticket, subject, "My VPN drops every hour.")
    await asyncio.to_thread(_customer_sends_files, live, ticket_id)
    await rt_engine.sync_once()
    await rt_engine.fetch_thread(ticket_id)
    thread = rt_engine.store.read(lambda c: cache.get_thread(c, ticket_id))
    [message] = [m for m in thread if m.attachments]
    assert message.body.strip() == "Screenshot and log attached." and message.author_role is Role.CUSTOMER
    by_name = {a.filename: a for a in message.attachments}
    assert set(by_name) == {"screen shot.png", "vpn.log"}  # RT itself strips the path part
    assert by_name["vpn.log"].size == len(LOG) and by_name["screen shot.png"].size == len(PNG)
    assert by_name["screen shot.png"].content_type == "image/png"
    png = await rt_engine.fetch_attachment(by_name["screen shot.png"], folder=tmp_path)
    log = await rt_engine.fetch_attachment(by_name["vpn.log"], folder=tmp_path)
    assert (png.read_bytes(), log.read_bytes()) == (PNG, LOG)
    with pytest.raises(TooLargeError):
        await rt_engine.backend.fetch_attachment(by_name["vpn.log"], limit=1024)
