"""End-to-end tests of the demo helpdesk: a real server on 127.0.0.1, a tmp_path database, httpx.

Every endpoint of docs/api.md is exercised over real HTTP, because the demo is also the yardstick
for the client's byte budget: gzip, ETags and 304s must be real, not mocked.
"""

from __future__ import annotations

import gzip
import json
import shutil
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

from supportterm.demo.db import DemoDB
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.demo.simulator import Simulator

pytestmark = pytest.mark.e2e

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)
N_TICKETS = 120
ADMIN = {"Authorization": "Bearer demo-admin"}


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed once per module; each test gets a copy, so tests are isolated and still fast."""
    path = tmp_path_factory.mktemp("demo") / "template.db"
    db = DemoDB(path)
    db.ensure_seeded(N_TICKETS, 1, NOW)
    db.close()
    return path


@pytest.fixture()
def server(seeded_file: Path, tmp_path: Path) -> Iterator[DemoServer]:
    path = tmp_path / "demo.db"
    shutil.copyfile(seeded_file, path)
    srv = create_demo_server(path, simulate=False, now=NOW)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture()
def login(server: DemoServer) -> str:
    return next(iter(server.db.agents_by_login()))


@pytest.fixture()
def api(server: DemoServer, login: str) -> Iterator[httpx.Client]:
    """A client authenticated as the first seeded agent, like the TUI's adapter."""
    with httpx.Client(base_url=server.url + "/api/v1", headers={"Authorization": f"Bearer demo-{login}"},
                      timeout=10) as client:
        yield client


Page = tuple[list[Any], list[Any], str]


def sync_all(api: httpx.Client, cursor: str | None = None, limit: int = 500) -> Page:
    """Follow has_more to the end; return every ticket, every person and the final cursor."""
    tickets: list[Any] = []
    people: list[Any] = []
    while True:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        page = api.get("/changes", params=params).raise_for_status().json()
        tickets += page["tickets"]
        people += page["people"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return tickets, people, cursor


def pick_ticket(api: httpx.Client, status: str | None = None) -> dict[str, Any]:
    tickets, _, _ = sync_all(api)
    return next(t for t in tickets if status is None or t["status"] == status)


# ---- auth, identity, small reads ----------------------------------------------------------------

def test_healthz_needs_no_token(server: DemoServer) -> None:
    r = httpx.get(server.url + "/healthz")
    assert r.status_code == 200 and r.json() == {"ok": True}


def test_missing_or_wrong_token_is_401_json(server: DemoServer) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic demo-admin"}):
        r = httpx.get(server.url + "/api/v1/me", headers=headers)
        assert r.status_code == 401
        assert r.json()["error"] == "unauthorized" and r.json()["message"]
        assert r.headers["WWW-Authenticate"].startswith("Bearer")


def test_tokens_are_scoped(server: DemoServer, api: httpx.Client) -> None:
    """The admin token is the customer side; an agent cannot write as a customer."""
    assert httpx.get(server.url + "/api/v1/me", headers=ADMIN).status_code == 403
    assert api.post("/_demo/activity").json()["error"] == "forbidden"
    assert httpx.get(server.url + "/api/v1/agents", headers=ADMIN).status_code == 200


def test_me_agents_canned(api: httpx.Client, login: str, server: DemoServer) -> None:
    me = api.get("/me").json()
    assert me["role"] == "agent" and me["id"] == server.db.agents_by_login()[login]["id"]
    assert set(me) == {"id", "role", "name", "email", "organization", "language"}
    agents = api.get("/agents").json()["agents"]
    assert me in agents and all(a["role"] == "agent" for a in agents)
    canned = api.get("/canned").json()["canned"]
    assert {c["language"] for c in canned} >= {"en", "ru", "az"}
    assert set(canned[0]) == {"id", "title", "body", "language", "tags"}


# ---- delta sync --------------------------------------------------------------------------------

def test_full_sync_returns_every_ticket_and_person(api: httpx.Client) -> None:
    page = api.get("/changes").json()
    assert page["has_more"] is False and len(page["tickets"]) == N_TICKETS
    stamps = [t["updated_at"] for t in page["tickets"]]
    assert stamps == sorted(stamps)  # oldest change first
    assert max(stamps) == "2026-11-25T09:30:00Z"  # seeded data ends at `now`
    referenced = {t["requester_id"] for t in page["tickets"]} | {
        t["assignee_id"] for t in page["tickets"] if t["assignee_id"]}
    assert {p["id"] for p in page["people"]} == referenced
    ticket = page["tickets"][0]
    assert list(ticket) == ["id", "subject", "status", "priority", "channel", "language", "requester_id",
                            "assignee_id", "created_at", "updated_at", "due_at", "last_customer_at",
                            "last_agent_at", "message_count", "tags", "version"]


def test_paged_sync_sends_each_person_once(api: httpx.Client) -> None:
    everything = api.get("/changes").json()
    first = api.get("/changes", params={"limit": 25}).json()
    assert first["has_more"] is True and len(first["tickets"]) == 25
    tickets, people, _ = sync_all(api, limit=25)
    assert [t["id"] for t in tickets] == [t["id"] for t in everything["tickets"]]
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids))
    assert set(ids) == {p["id"] for p in everything["people"]}


def test_delta_after_a_change_holds_only_that_ticket(api: httpx.Client) -> None:
    _, _, cursor = sync_all(api)
    empty = api.get("/changes", params={"cursor": cursor}).json()
    assert empty == {"tickets": [], "people": [], "cursor": cursor, "has_more": False}
    ticket = pick_ticket(api)
    api.patch(f"/tickets/{ticket['id']}", json={"priority": "urgent" if ticket["priority"] != "urgent"
                                                else "low"}).raise_for_status()
    delta = api.get("/changes", params={"cursor": cursor}).json()
    assert [t["id"] for t in delta["tickets"]] == [ticket["id"]]
    assert delta["people"] == []  # the client has them already
    assert delta["cursor"] != cursor


def test_idle_poll_is_a_bodiless_304(api: httpx.Client) -> None:
    _, _, cursor = sync_all(api)
    params = {"cursor": cursor, "fields": "status,updated_at"}
    first = api.get("/changes", params=params)
    etag = first.headers["ETag"]
    idle = api.get("/changes", params=params, headers={"If-None-Match": etag})
    assert idle.status_code == 304 and idle.content == b""
    ticket = pick_ticket(api)
    api.post(f"/tickets/{ticket['id']}/messages", json={"body": "A note.", "visibility": "internal"})
    changed = api.get("/changes", params=params, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert [t["id"] for t in changed.json()["tickets"]] == [ticket["id"]]


def test_bad_cursor_and_limit_are_400(api: httpx.Client) -> None:
    assert api.get("/changes", params={"cursor": "zz.1"}).json()["error"] == "bad_request"
    assert api.get("/changes", params={"cursor": "abc.999999"}).status_code == 400
    assert api.get("/changes", params={"limit": 0}).status_code == 400
    assert api.get("/changes", params={"limit": 2001}).status_code == 400


def test_gzip_is_applied_when_asked(api: httpx.Client) -> None:
    zipped = api.get("/changes", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert zipped.num_bytes_downloaded < len(zipped.content) / 3
    plain = api.get("/changes", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert plain.num_bytes_downloaded == len(plain.content) == int(plain.headers["Content-Length"])
    assert plain.json() == zipped.json()
    assert plain.headers["ETag"] != zipped.headers["ETag"]  # two representations, two strong tags
    small = api.get("/me", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small.headers  # 256 bytes or less: not worth it


def test_gzip_request_body_is_accepted(api: httpx.Client) -> None:
    ticket = pick_ticket(api)
    raw = gzip.compress(json.dumps({"body": "Сжатый ответ.", "visibility": "internal"}).encode())
    r = api.post(f"/tickets/{ticket['id']}/messages", content=raw,
                 headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 201 and r.json()["message"]["body"] == "Сжатый ответ."


def test_field_selection(api: httpx.Client) -> None:
    page = api.get("/changes", params={"fields": "subject,status"}).json()
    assert all(list(t) == ["id", "subject", "status"] for t in page["tickets"])
    one = api.get(f"/tickets/{page['tickets'][0]['id']}", params={"fields": "version"}).json()
    assert list(one) == ["id", "version"]
    bad = api.get("/changes", params={"fields": "subject,password"})
    assert bad.status_code == 400 and "password" in bad.json()["message"]


def test_ticket_etag_and_304(api: httpx.Client) -> None:
    ticket = pick_ticket(api)
    first = api.get(f"/tickets/{ticket['id']}")
    assert first.json() == ticket
    again = api.get(f"/tickets/{ticket['id']}", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


# ---- threads and writes ------------------------------------------------------------------------

def test_thread_fetch_after_and_marker(api: httpx.Client) -> None:
    ticket = pick_ticket(api)
    thread = api.get(f"/tickets/{ticket['id']}/messages").json()["messages"]
    assert len(thread) == ticket["message_count"] >= 1
    assert all(m["author_name"] for m in thread)
    sent = api.post(f"/tickets/{ticket['id']}/messages",
                    json={"body": "Hello, we are on it.", "visibility": "public", "marker": "mk-1"}).json()
    newer = api.get(f"/tickets/{ticket['id']}/messages", params={"after": thread[-1]["id"]}).json()
    assert newer["messages"] == [sent["message"]]
    found = api.get(f"/tickets/{ticket['id']}/messages", params={"marker": "mk-1"}).json()["messages"]
    assert [m["id"] for m in found] == [sent["message"]["id"]] and found[0]["marker"] == "mk-1"
    assert api.get(f"/tickets/{ticket['id']}/messages", params={"marker": "nope"}).json() == {"messages": []}
    assert api.get(f"/tickets/{ticket['id']}/messages", params={"after": "m0"}).status_code == 400


def test_reply_is_idempotent_by_marker(api: httpx.Client, server: DemoServer, login: str) -> None:
    ticket = pick_ticket(api, "open")
    body = {"body": "Thank you, it is fixed.", "visibility": "public", "status": "solved", "marker": "r-42"}
    first = api.post(f"/tickets/{ticket['id']}/messages", json=body,
                     headers={"If-Match": ticket["version"]})
    assert first.status_code == 201
    created = first.json()
    me = server.db.agents_by_login()[login]
    assert created["message"]["author_id"] == me["id"] and created["message"]["author_name"] == me["name"]
    assert created["ticket"]["status"] == "solved" and created["ticket"]["version"] != ticket["version"]
    assert created["ticket"]["last_agent_at"] == created["message"]["created_at"]
    assert created["ticket"]["message_count"] == ticket["message_count"] + 1
    # The response was "lost"; the client sends again with its old If-Match: same result, no duplicate.
    repeat = api.post(f"/tickets/{ticket['id']}/messages", json=body, headers={"If-Match": ticket["version"]})
    assert repeat.status_code == 200
    assert repeat.json()["message"] == created["message"]
    thread = api.get(f"/tickets/{ticket['id']}/messages").json()["messages"]
    assert len(thread) == ticket["message_count"] + 1


def test_stale_if_match_is_412_with_current_ticket(api: httpx.Client) -> None:
    ticket = pick_ticket(api, "open")
    moved = api.patch(f"/tickets/{ticket['id']}", json={"status": "pending"}).json()
    stale = api.patch(f"/tickets/{ticket['id']}", json={"status": "solved"},
                      headers={"If-Match": ticket["version"]})
    assert stale.status_code == 412
    assert stale.json()["error"] == "conflict" and stale.json()["ticket"] == moved
    reply = api.post(f"/tickets/{ticket['id']}/messages", json={"body": "Hi"},
                     headers={"If-Match": ticket["version"]})
    assert reply.status_code == 412
    ok = api.patch(f"/tickets/{ticket['id']}", json={"status": "solved"},
                   headers={"If-Match": moved["version"]})
    assert ok.status_code == 200 and ok.json()["status"] == "solved"


def test_patch_ticket(api: httpx.Client, server: DemoServer) -> None:
    ticket = pick_ticket(api, "open")
    agent_id = api.get("/me").json()["id"]
    r = api.patch(f"/tickets/{ticket['id']}", json={"status": "on_hold", "assignee_id": agent_id})
    assert r.status_code == 200
    patched = r.json()
    assert patched["status"] == "on_hold" and patched["assignee_id"] == agent_id
    assert patched["version"] != ticket["version"] and patched["updated_at"] >= ticket["updated_at"]
    same = api.patch(f"/tickets/{ticket['id']}", json={"status": "on_hold"}).json()
    assert same["version"] == patched["version"]  # a change to nothing is not a change
    for bad in ({"status": "gone"}, {"priority": "meh"}, {"subject": "x"}, {}, {"assignee_id": "zz"}):
        assert api.patch(f"/tickets/{ticket['id']}", json=bad).status_code == 400
    assert api.patch("/tickets/999999", json={"status": "open"}).status_code == 404


def test_customer_message_reopens_pending_ticket(api: httpx.Client, server: DemoServer) -> None:
    ticket = pick_ticket(api, "open")
    api.patch(f"/tickets/{ticket['id']}", json={"status": "pending"}).raise_for_status()
    r = httpx.post(f"{server.url}/api/v1/tickets/{ticket['id']}/customer-messages",
                   json={"body": "Any news?"}, headers=ADMIN)
    assert r.status_code == 201
    out = r.json()
    assert out["ticket"]["status"] == "open"
    assert out["message"]["author_id"] == ticket["requester_id"]
    assert out["message"]["author_role"] == "customer"
    assert out["ticket"]["last_customer_at"] == out["message"]["created_at"]


def test_customer_opens_ticket(api: httpx.Client, server: DemoServer) -> None:
    customer = pick_ticket(api)["requester_id"]
    body = {"customer_id": customer, "subject": "Cannot log in", "body": "Help, please.", "channel": "chat"}
    r = httpx.post(f"{server.url}/api/v1/tickets", json=body, headers=ADMIN)
    assert r.status_code == 201
    ticket = r.json()["ticket"]
    assert ticket["status"] == "new" and ticket["message_count"] == 1 and ticket["due_at"]
    assert int(ticket["id"]) > max(int(t["id"]) for t in sync_all(api)[0] if t["id"] != ticket["id"])
    bad = httpx.post(f"{server.url}/api/v1/tickets", json=body | {"channel": "fax"}, headers=ADMIN)
    assert bad.status_code == 400


def test_demo_activity_shows_up_in_the_delta(api: httpx.Client, server: DemoServer) -> None:
    _, _, cursor = sync_all(api)
    r = httpx.post(f"{server.url}/api/v1/_demo/activity", headers=ADMIN)
    assert r.status_code == 201
    made = r.json()
    assert made["message"]["author_role"] == "customer"
    assert made["message"]["ticket_id"] == made["ticket"]["id"]
    delta = api.get("/changes", params={"cursor": cursor}).json()
    assert [t["id"] for t in delta["tickets"]] == [made["ticket"]["id"]]


# ---- errors ------------------------------------------------------------------------------------

def test_not_found_is_json(api: httpx.Client, server: DemoServer) -> None:
    for path in ("/nothing", "/tickets/999999", "/tickets/999999/messages"):
        r = api.get(path)
        assert r.status_code == 404 and r.json()["error"] == "not_found"
    assert httpx.get(server.url + "/favicon.ico").json()["error"] == "not_found"
    assert api.delete("/me").status_code == 405


def test_bad_bodies(api: httpx.Client) -> None:
    ticket = pick_ticket(api)
    url = f"/tickets/{ticket['id']}/messages"
    malformed = api.post(url, content=b"{not json", headers={"Content-Type": "application/json"})
    assert malformed.status_code == 400 and malformed.json()["error"] == "bad_request"
    assert api.post(url, json=["a list"]).status_code == 400
    assert api.post(url, json={"body": "   "}).status_code == 400
    assert api.post(url, json={"body": "x", "visibility": "secret"}).status_code == 400
    huge = api.post(url, json={"body": "x" * ((1 << 20) + 1)})
    assert huge.status_code == 413 and huge.json()["error"] == "too_large"
    assert api.get("/me").status_code == 200  # the connection is still usable


def test_oversized_request_is_refused_unread(api: httpx.Client) -> None:
    ticket = pick_ticket(api)
    r = api.post(f"/tickets/{ticket['id']}/messages", content=b"x" * ((4 << 20) + 1))
    assert r.status_code == 413


def test_internal_error_is_a_json_500(api: httpx.Client, server: DemoServer, monkeypatch: pytest.MonkeyPatch
                                      ) -> None:
    def broken(ticket_id: str) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(server.db, "ticket", broken)
    r = api.get("/tickets/1001")
    assert r.status_code == 500 and r.json()["error"] == "internal"
    assert "secret detail" not in r.text and "Traceback" not in r.text


def test_keep_alive(api: httpx.Client) -> None:
    r1 = api.get("/me")
    r2 = api.get("/agents")
    assert r1.http_version == r2.http_version == "HTTP/1.1"
    assert r1.headers.get("Connection") != "close"


# ---- database and simulator --------------------------------------------------------------------

def test_existing_database_is_reused(tmp_path: Path, seeded_file: Path) -> None:
    path = tmp_path / "demo.db"
    shutil.copyfile(seeded_file, path)
    with create_demo_server(path, simulate=False, now=NOW) as first:
        made = httpx.post(first.url + "/api/v1/_demo/activity", headers=ADMIN).json()
    with create_demo_server(path, simulate=False, tickets=5) as second:
        token = {"Authorization": f"Bearer demo-{next(iter(second.db.agents_by_login()))}"}
        ticket = httpx.get(f"{second.url}/api/v1/tickets/{made['ticket']['id']}", headers=token).json()
        assert ticket == made["ticket"]


def test_simulator_acts_and_stops_promptly(tmp_path: Path, seeded_file: Path) -> None:
    path = tmp_path / "demo.db"
    shutil.copyfile(seeded_file, path)
    server = create_demo_server(path, simulate=True, interval=(0.05, 0.1), now=NOW)
    start_seq = server.db.latest_seq()
    server.start()
    deadline = time.monotonic() + 5
    while server.db.latest_seq() < start_seq + 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.db.latest_seq() >= start_seq + 3
    began = time.monotonic()
    server.stop()
    assert time.monotonic() - began < 1.0
    db = DemoDB(path)
    settled = db.latest_seq()
    time.sleep(0.2)
    assert db.latest_seq() == settled
    tickets, _, _, _, _ = db.changes(start_seq, start_seq, 100)
    assert tickets and all(t["last_customer_at"] == t["updated_at"] for t in tickets)
    db.close()


def test_simulator_follow_up_reopens(tmp_path: Path, seeded_file: Path) -> None:
    """Follow-ups land on live tickets; one on a pending or solved ticket reopens it."""
    path = tmp_path / "demo.db"
    shutil.copyfile(seeded_file, path)
    db = DemoDB(path)
    simulator = Simulator(db, seed=3)
    results = [simulator.act_once() for _ in range(12)]
    for ticket, message in results:
        assert message["author_role"] == "customer" and message["author_id"] == ticket["requester_id"]
        assert ticket["status"] in ("new", "open", "on_hold")
    db.close()


def test_concurrent_replies_are_all_kept(api: httpx.Client, server: DemoServer, login: str) -> None:
    """ThreadingHTTPServer runs requests in parallel; the lock must keep every write and every count."""
    from concurrent.futures import ThreadPoolExecutor

    ticket = pick_ticket(api)
    headers = {"Authorization": f"Bearer demo-{login}"}

    def reply(i: int) -> int:
        with httpx.Client(base_url=server.url + "/api/v1", headers=headers, timeout=10) as client:
            r = client.post(f"/tickets/{ticket['id']}/messages", json={"body": f"Note {i}", "marker": f"c{i}",
                                                                        "visibility": "internal"})
            return r.status_code

    with ThreadPoolExecutor(8) as pool:
        assert sorted(pool.map(reply, range(24))) == [201] * 24
    after = api.get(f"/tickets/{ticket['id']}").json()
    assert after["message_count"] == ticket["message_count"] + 24


def test_two_processes_on_one_file_stamp_distinct_numbers(tmp_path: Path, seeded_file: Path) -> None:
    """Counters live in the file, not in memory: two demos on one database must not collide."""
    path = tmp_path / "demo.db"
    shutil.copyfile(seeded_file, path)
    one, two = DemoDB(path), DemoDB(path)
    start = one.latest_seq()
    a, _, _ = one.add_message("1001", author_id="a1", role="agent", body="one", visibility="internal")
    b, _, _ = two.add_message("1002", author_id="a1", role="agent", body="two", visibility="internal")
    assert {a["version"], b["version"]} == {f"v{start + 1}", f"v{start + 2}"}
    assert one.latest_seq() == two.latest_seq() == start + 2
    one.close()
    two.close()
