"""Conformance suite: the same checks against the demo helpdesk, Request Tracker 5 and django-helpdesk.

Everything goes through the real engine (`build_engine` + a Store on tmp_path) over real HTTP, and the
results are checked through each helpdesk's own API (conftest `Live`). Services start once per session.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from proxy import FaultProxy

from supportterm.backends.base import Capability
from supportterm.config import Profile
from supportterm.domain.models import ReplyDraft, Role, Status, TicketPatch, Visibility
from supportterm.errors import AuthError
from supportterm.store import outbox
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.engine import SyncEngine
from supportterm.sync.session import build_engine, close_engine

if TYPE_CHECKING:
    from helpdesk_live import Live

pytestmark = pytest.mark.e2e


def _profile(live: Live, url: str | None = None, options: dict[str, object] | None = None) -> Profile:
    return Profile(name=f"live-{live.kind}", backend=live.kind, url=url or live.url,
                   options=dict(live.options if options is None else options))


@pytest.fixture
async def engine(live: Live, store: Store) -> AsyncIterator[SyncEngine]:
    """An engine on the live helpdesk, signed in and synced once."""
    built = build_engine(_profile(live), store, token=live.token)
    report = await built.sync_once()
    assert report.error is None, report.error
    yield built
    await close_engine(built)


def _unique(what: str) -> str:
    return f"{what} {uuid.uuid4().hex[:8]}"


async def _new_ticket(live: Live, engine: SyncEngine) -> str:
    """A customer opens a ticket on the helpdesk itself; one sync brings it in."""
    ticket_id = await asyncio.to_thread(live.create_ticket, _unique("VPN drops"), "My VPN drops every hour.")
    report = await engine.sync_once()
    assert report.error is None, report.error
    assert report.tickets_changed >= 1
    assert engine.store.read(lambda c: cache.get_ticket(c, ticket_id)) is not None
    return ticket_id


def _version(engine: SyncEngine, ticket_id: str) -> str | None:
    ticket = engine.store.read(lambda c: cache.get_ticket(c, ticket_id))
    assert ticket is not None
    return ticket.version


async def test_delta_sync_brings_a_new_ticket_and_an_idle_sync_moves_nothing(
    live: Live, engine: SyncEngine
) -> None:
    ticket_id = await _new_ticket(live, engine)
    idle = await engine.sync_once()
    assert idle.error is None
    assert (idle.tickets_changed, idle.messages_changed, idle.outbox_delivered) == (0, 0, 0)
    assert engine.store.read(lambda c: cache.get_ticket(c, ticket_id)) is not None


async def test_thread_reply_note_and_status_reach_the_helpdesk(live: Live, engine: SyncEngine) -> None:
    ticket_id = await _new_ticket(live, engine)
    await engine.fetch_thread(ticket_id)
    thread = engine.store.read(lambda c: cache.get_thread(c, ticket_id))
    assert [m.body for m in thread][:1] == ["My VPN drops every hour."]
    assert thread[0].author_role is Role.CUSTOMER

    reply, note = _unique("Please restart the client."), _unique("Checked the VPN logs.")
    await engine.queue_message(ticket_id, ReplyDraft(reply), expect_version=_version(engine, ticket_id))
    await engine.queue_message(ticket_id, ReplyDraft(note, Visibility.INTERNAL),
                               expect_version=_version(engine, ticket_id))
    await engine.queue_update(ticket_id, TicketPatch(status=Status.SOLVED),
                              expect_version=_version(engine, ticket_id))
    report = await engine.push()
    assert (report.error, report.outbox_delivered) == (None, 3)

    on_server = await asyncio.to_thread(live.thread, ticket_id)
    assert on_server.count((reply, True)) == 1, on_server
    assert on_server.count((note, False)) == 1, on_server
    assert await asyncio.to_thread(live.status, ticket_id) is Status.SOLVED


async def test_a_stale_reply_is_held_as_a_conflict(live: Live, engine: SyncEngine) -> None:
    if not engine.backend.CAPABILITIES & Capability.CONCURRENCY_TOKEN:  # per instance: generic mappings
        pytest.skip(f"{live.kind} has no concurrency token")
    ticket_id = await _new_ticket(live, engine)
    seen = _version(engine, ticket_id)
    if live.kind == "rt":
        time.sleep(1.1)  # RT's LastUpdated has 1-second resolution (docs/backends.md, known limits)
    await asyncio.to_thread(live.touch, ticket_id)
    reply = _unique("We are on it.")
    await engine.queue_message(ticket_id, ReplyDraft(reply), expect_version=seen)
    report = await engine.push()
    assert (report.outbox_delivered, report.outbox_conflicts) == (0, 1)
    assert all(body != reply for body, _ in await asyncio.to_thread(live.thread, ticket_id))


async def test_a_wrong_password_is_refused_with_a_plain_message(live: Live, store: Store) -> None:
    options, secret = live.wrong
    built = build_engine(_profile(live, options=options), store, token=secret)
    try:
        with pytest.raises(AuthError) as refused:
            await built.sign_in()
        report = await built.sync_once()
    finally:
        await close_engine(built)
    assert "refused" in str(refused.value).lower()
    assert "httpx" not in str(refused.value) and "Traceback" not in str(refused.value)
    assert report.online and report.error and "refused" in report.error.lower()


async def test_going_down_mid_sync_loses_nothing_and_delivers_once(live: Live, store: Store) -> None:
    target = urlsplit(live.url)
    with FaultProxy((target.hostname, target.port)) as proxy:
        built = build_engine(_profile(live, url=proxy.url + target.path), store, token=live.token)
        try:
            assert (await built.sync_once()).error is None
            ticket_id = await _new_ticket(live, built)
            reply = _unique("Sent while the link was down.")
            version = _version(built, ticket_id)
            item = await built.queue_message(ticket_id, ReplyDraft(reply), expect_version=version)

            proxy.go_down()
            down = await built.sync_once()
            assert not down.online and down.error and "could not be reached" in down.error
            kept = store.read(lambda c: outbox.items(c, ticket_id=ticket_id))
            assert [(i.id, i.state) for i in kept] == [(item.id, outbox.QUEUED)]

            proxy.go_up()
            up = await built.sync_once()
            assert (up.error, up.outbox_delivered) == (None, 1)
            again = await built.sync_once()
            assert again.outbox_delivered == 0
        finally:
            await close_engine(built)
    assert (await asyncio.to_thread(live.thread, ticket_id)).count((reply, True)) == 1
