"""The demo adapter lists attachments with the thread and fetches one, streamed, under a size cap."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from conftest import attachments_in, ticket_with_attachments

from supportterm.backends.base import Capability
from supportterm.backends.demo import DemoBackend
from supportterm.backends.http import Meter, make_client
from supportterm.demo.server import DemoServer
from supportterm.domain.models import Attachment
from supportterm.errors import NotFound, OfflineError, TooLargeError


@pytest.fixture
async def backend(demo: DemoServer, agent_token: str) -> AsyncIterator[DemoBackend]:
    client = make_client(demo.url, meter=Meter())
    yield DemoBackend({"url": demo.url}, client=client, token=agent_token)
    await client.aclose()


def _meter(backend: DemoBackend) -> Meter:
    transport = backend.client._transport  # the metered transport make_client built
    return transport._meter  # type: ignore[attr-defined]


async def test_the_thread_lists_attachment_metadata_as_the_server_has_it(
    backend: DemoBackend, demo: DemoServer
) -> None:
    assert backend.CAPABILITIES & Capability.ATTACHMENTS
    ticket_id, message_id = ticket_with_attachments(demo)
    thread = await backend.get_thread(ticket_id)
    [message] = [m for m in thread if m.id == message_id]
    rows = demo.db._conn.execute("SELECT id, filename, content_type, size FROM attachments "
                                 "WHERE message_id = ? ORDER BY rowid", (message_id,)).fetchall()
    listed = [(a.id, a.filename, a.content_type, a.size) for a in message.attachments]
    assert listed == [tuple(r) for r in rows]
    assert all(a.message_id == message_id for a in message.attachments)


async def test_fetching_gives_the_exact_bytes(backend: DemoBackend, demo: DemoServer) -> None:
    ticket_id, _ = ticket_with_attachments(demo)
    for attachment in attachments_in(await backend.get_thread(ticket_id)):
        content = await backend.fetch_attachment(attachment)
        assert content == demo.db.attachment(attachment.id)[2]
        assert len(content) == attachment.size


async def test_an_announced_size_over_the_cap_is_refused_before_the_body_is_read(
    backend: DemoBackend, demo: DemoServer
) -> None:
    row = demo.db._conn.execute("SELECT m.ticket_id, a.id FROM attachments a JOIN messages m ON "
                                "m.id = a.message_id WHERE a.kind = 'pdf' LIMIT 1").fetchone()
    [attachment] = [a for a in attachments_in(await backend.get_thread(row[0])) if a.id == row[1]]
    assert attachment.size is not None and attachment.size > 4096  # a PDF: sent as is, not gzipped
    before = _meter(backend).snapshot()
    with pytest.raises(TooLargeError) as refused:
        await backend.fetch_attachment(attachment, limit=4096)
    assert attachment.filename in str(refused.value) and "at most 4 KB" in str(refused.value)
    assert _meter(backend).since(before)["bytes_in"] < 2048  # the headers, not the file


async def test_the_default_cap_is_25_mib() -> None:
    assert DemoBackend.MAX_ATTACHMENT_BYTES == 25 * 1024 * 1024


async def test_a_body_without_a_length_is_cut_off_at_the_cap() -> None:
    sent: list[int] = []

    async def endless() -> AsyncIterator[bytes]:
        for _ in range(1000):
            sent.append(1)
            yield b"x" * 8192

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "application/pdf"}, content=endless())

    meter = Meter()
    client = make_client("http://127.0.0.1:9", meter=meter, transport=httpx.MockTransport(handler))
    backend = DemoBackend({"url": "http://127.0.0.1:9"}, client=client, token="demo-x")
    with pytest.raises(TooLargeError, match="is over 64 KB"):
        await backend.fetch_attachment(Attachment(id="f1", message_id="m1", filename="big.pdf"), limit=65536)
    await client.aclose()
    assert len(sent) <= 10  # stopped after the cap, not after 8 MB
    assert meter.bytes_in < 100_000


async def test_unknown_attachment_and_unreachable_server_are_plain_errors(backend: DemoBackend) -> None:
    with pytest.raises(NotFound):
        await backend.fetch_attachment(Attachment(id="nope", message_id="m1", filename="x.pdf"))
    client = make_client("http://127.0.0.1:9")  # the discard port: nothing listens
    offline = DemoBackend({"url": "http://127.0.0.1:9"}, client=client, token="demo-x")
    with pytest.raises(OfflineError, match="could not be reached while downloading x.pdf"):
        await offline.fetch_attachment(Attachment(id="f1", message_id="m1", filename="x.pdf"))
    await client.aclose()
