"""The generic adapter with docs/mappings/demo.toml against the embedded demo helpdesk on loopback:
the same engine, store and checks as the native demo adapter, with no adapter code at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from supportterm.config import Profile
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.domain.models import ReplyDraft, Role, Status, TicketPatch, Visibility
from supportterm.errors import ConflictError
from supportterm.store import state
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.engine import SyncEngine
from supportterm.sync.session import build_engine, close_engine

pytestmark = pytest.mark.e2e
MAPPING = Path(__file__).resolve().parents[2] / "docs" / "mappings" / "demo.toml"
ADMIN = {"Authorization": "Bearer demo-admin"}


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoServer]:
    server = create_demo_server(tmp_path / "demo.sqlite3", port=0, tickets=40, simulate=False)
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def engine(demo: DemoServer, store: Store) -> AsyncIterator[SyncEngine]:
    profile = Profile(name="generic-demo", backend="generic", url=demo.url, options={"mapping": str(MAPPING)})
    built = build_engine(profile, store, token="demo-aysel")
    yield built
    await close_engine(built)


def _ids(demo: DemoServer) -> list[str]:
    return [str(t["id"]) for t in _api(demo, "GET", "/tickets", params={"limit": 5})["tickets"]]


def _api(demo: DemoServer, method: str, path: str, **kw: object) -> dict:
    headers = kw.pop("headers", None) or {"Authorization": "Bearer demo-aysel"}
    response = httpx.request(method, f"{demo.url}/api/v1{path}", headers=headers, **kw)
    response.raise_for_status()
    return response.json()


async def test_first_sync_brings_every_ticket_and_an_idle_sync_is_one_304(
    engine: SyncEngine, demo: DemoServer
) -> None:
    first = await engine.sync_once()
    assert first.error is None and first.tickets_changed == 40
    assert engine.store.read(lambda c: state.get_state(c, "me_id")) == _api(demo, "GET", "/me")["id"]
    some = _ids(demo)[0]
    one = _api(demo, "GET", f"/tickets/{some}")
    cached = engine.store.read(lambda c: cache.get_ticket(c, some))
    assert cached is not None
    assert (cached.subject, cached.status.value) == (one["subject"], one["status"])
    assert cached.version == one["version"]
    assert cached.tags == tuple(one["tags"]) and cached.language == one["language"]

    idle = await engine.sync_once()
    assert (idle.requests, idle.tickets_changed) == (1, 0)
    assert idle.bytes_in + idle.bytes_out < 1024

    waiting = _ids(demo)[2]
    _api(demo, "POST", f"/tickets/{waiting}/customer-messages", headers=ADMIN, json={"body": "Any news?"})
    moved = await engine.sync_once()
    assert moved.tickets_changed == 1 and moved.requests <= 2


async def test_thread_reply_note_status_and_markers(engine: SyncEngine, demo: DemoServer) -> None:
    await engine.sync_once()
    backend, some = engine.backend, _ids(demo)[1]
    thread = await backend.get_thread(some)
    on_server = _api(demo, "GET", f"/tickets/{some}/messages")["messages"]
    assert [m.id for m in thread] == [m["id"] for m in on_server]
    assert thread[0].author_role is Role.CUSTOMER
    assert await backend.get_thread(some, after=thread[-1].id) == []

    version = (await backend.get_ticket(some)).version
    message, ticket = await backend.post_message(some, ReplyDraft("Please restart the client."),
                                                 marker="m-1", expect_version=version)
    assert message.marker == "m-1" and ticket is not None and ticket.version != version
    draft = ReplyDraft("Logs look fine.", Visibility.INTERNAL, Status.PENDING)
    note, _ = await backend.post_message(some, draft, marker="m-2")
    assert note.visibility is Visibility.INTERNAL
    on_server = _api(demo, "GET", f"/tickets/{some}/messages")["messages"]
    assert [(m["body"], m["visibility"]) for m in on_server[-2:]] == [
        ("Please restart the client.", "public"), ("Logs look fine.", "internal")]
    assert _api(demo, "GET", f"/tickets/{some}")["status"] == "pending"

    found = await backend.find_message(some, "m-1")
    assert found is not None and found.body == "Please restart the client."
    assert await backend.find_message(some, "never-sent") is None


async def test_updates_use_if_match_and_a_stale_version_is_a_conflict(
    engine: SyncEngine, demo: DemoServer
) -> None:
    backend, some = engine.backend, _ids(demo)[3]
    before = await backend.get_ticket(some)
    wanted = Status.PENDING if before.status is not Status.PENDING else Status.OPEN
    updated = await backend.update_ticket(some, TicketPatch(status=wanted), expect_version=before.version)
    assert updated.status is wanted and _api(demo, "GET", f"/tickets/{some}")["status"] == wanted.value
    assert updated.version != before.version
    with pytest.raises(ConflictError):
        await backend.update_ticket(some, TicketPatch(status=Status.CLOSED), expect_version=before.version)
    assert _api(demo, "GET", f"/tickets/{some}")["status"] == wanted.value


def test_the_cli_syncs_through_a_mapping_without_a_profile(demo: DemoServer, tmp_path: Path) -> None:
    """`supportterm sync --backend generic --url URL` with the mapping and token from the environment."""
    env = {**os.environ, "SUPPORTTERM_HOME": str(tmp_path / "home"), "SUPPORTTERM_MAPPING": str(MAPPING),
           "SUPPORTTERM_TOKEN": "demo-aysel"}
    command = [sys.executable, "-m", "supportterm", "sync", "--backend", "generic", "--url", demo.url,
               "--json"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["tickets_changed"] == 40
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert json.loads(again.stdout)["tickets_changed"] == 0 and json.loads(again.stdout)["requests"] == 1
