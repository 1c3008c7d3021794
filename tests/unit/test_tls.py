"""TLS verification is on: a self-signed helpdesk (a real HTTPS server on loopback) is refused with a plain
message and nothing is sent; `verify_tls = false` in a profile lets it through and shows a lasting warning
in the status bar of every screen."""

from __future__ import annotations

import ssl
import subprocess
from pathlib import Path

import pytest
from badserver import Answer, ScriptedServer, Seen, json_answer
from factories import make_ticket
from ui.helpers import make_app, seed_store, settle

from supportterm.config import Profile
from supportterm.domain.models import ReplyDraft, Visibility
from supportterm.store import outbox
from supportterm.store.db import Store
from supportterm.sync.session import build_engine, close_engine
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.status_bar import TLS_OFF, StatusBar


@pytest.fixture
def self_signed(tmp_path: Path) -> ssl.SSLContext:
    """A server context with a fresh self-signed certificate for 127.0.0.1 (no CA knows it)."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def _helpdesk(seen: Seen) -> Answer:
    if seen.path.startswith("/api/v1/me"):
        return json_answer({"id": "a1", "name": "Aysel", "role": "agent"})
    return json_answer({"tickets": [], "people": [], "cursor": "1", "has_more": False})


async def _sync(store: Store, profile: Profile) -> tuple[str | None, list[str]]:
    engine = build_engine(profile, store, token="tls-token-123")
    try:
        await engine.queue_message("7", ReplyDraft("hello", Visibility.PUBLIC), expect_version=None)
        report = await engine.sync_once()
    finally:
        await close_engine(engine)
    return report.error, [i.state for i in store.read(outbox.items)]


async def test_self_signed_helpdesk_is_refused_and_the_reply_stays_queued(
    store: Store, self_signed: ssl.SSLContext,
) -> None:
    with ScriptedServer(_helpdesk, tls=self_signed) as server:
        error, states = await _sync(store, Profile("work", "demo", server.url, user="aysel"))
    assert server.seen == []  # the handshake failed: no request, no token
    assert error is not None and "certificate could not be verified" in error
    assert "verify_tls = false" in error
    assert states == [outbox.QUEUED]


async def test_verify_tls_false_lets_the_same_server_through(
    store: Store, self_signed: ssl.SSLContext,
) -> None:
    with ScriptedServer(_helpdesk, tls=self_signed) as server:
        error, _ = await _sync(store, Profile("work", "demo", server.url, user="aysel", verify_tls=False))
    assert server.seen  # it talked to the server
    assert error is None or "certificate" not in error


@pytest.mark.parametrize("verify", [True, False])
async def test_status_bar_warns_on_every_screen_while_tls_is_off(store: Store, verify: bool) -> None:
    seed_store(store, [make_ticket("1")])
    app = make_app(store, profile=Profile("work", "demo", "https://helpdesk.example", verify_tls=verify))
    app.start_engine = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        shown_inbox = app.screen.query_one(StatusBar).render().plain
        app.push_screen(TicketScreen("1"))
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen)
        shown_ticket = app.screen.query_one(StatusBar).render().plain
    for shown in (shown_inbox, shown_ticket):
        assert (TLS_OFF in shown) is (not verify)
