"""Credentials never reach another host after a redirect: two real loopback servers, the first redirecting
to the second (another port, and another host name), with the real client, adapter and sync engine.

Decision (checked here): `make_client` never follows redirects, so no header of ours (Authorization or
an adapter's own, such as an API-key header httpx would not strip) can follow one; the agent gets a plain
message naming the target. The second test pins httpx's own behaviour for anyone who turns following
on: it drops Authorization across origins but forwards other headers.
"""

from __future__ import annotations

import httpx
import pytest
from badserver import Answer, ScriptedServer, Seen, json_answer

from supportterm.backends.http import make_client
from supportterm.config import Profile
from supportterm.store import outbox
from supportterm.store.db import Store
from supportterm.sync.session import build_engine, close_engine

TOKEN = "demo-redirect-secret"


def _elsewhere(target: ScriptedServer, host: str) -> ScriptedServer:
    def route(seen: Seen) -> Answer:
        return Answer(302, "", {"Location": f"http://{host}:{target.port}{seen.path}"})

    return ScriptedServer(route)


def _collector(seen: Seen) -> Answer:
    return json_answer({"tickets": [], "people": [], "cursor": "1", "has_more": False})


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
async def test_sync_against_a_redirecting_helpdesk_sends_nothing_to_the_target(
    store: Store, host: str,
) -> None:
    with ScriptedServer(_collector) as target, _elsewhere(target, host) as helpdesk:
        engine = build_engine(Profile("work", "demo", helpdesk.url, user="aysel"), store, token=TOKEN)
        try:
            report = await engine.sync_once()
            await engine.queue_message("1", _draft(), expect_version=None)
            await engine.push()
        finally:
            await close_engine(engine)
    assert helpdesk.seen and all(s.headers.get("authorization") == f"Bearer {TOKEN}" for s in helpdesk.seen)
    assert target.seen == []  # not the token, not the reply body: nothing went there
    assert report.error is not None and "redirected (HTTP 302)" in report.error
    assert f"{host}:{target.port}" in report.error
    assert [i.state for i in store.read(outbox.items)] == [outbox.FAILED]  # kept, not lost


def _draft():  # type: ignore[no-untyped-def]
    from supportterm.domain.models import ReplyDraft, Visibility

    return ReplyDraft(body="reply that must not travel", visibility=Visibility.PUBLIC)


async def test_httpx_itself_strips_authorization_but_not_other_headers_across_origins() -> None:
    with ScriptedServer(_collector) as target, _elsewhere(target, "localhost") as helpdesk:
        client = make_client(helpdesk.url, headers={"Authorization": f"Bearer {TOKEN}", "X-Api-Key": TOKEN})
        async with client:
            response = await client.get("/api/v1/changes", follow_redirects=True)
    assert response.status_code == 200
    [arrived] = target.seen
    assert "authorization" not in arrived.headers
    assert arrived.headers.get("x-api-key") == TOKEN  # why supportterm does not follow redirects at all


async def test_redirect_is_not_followed_by_default() -> None:
    with ScriptedServer(_collector) as target, _elsewhere(target, "127.0.0.1") as helpdesk:
        async with make_client(helpdesk.url, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            response = await client.get("/api/v1/me")
    assert response.status_code == 302
    assert target.seen == []
    assert isinstance(response, httpx.Response)
