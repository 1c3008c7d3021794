"""The demo helpdesk's attachments over real HTTP: listed on messages, fetched with their headers."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from supportterm.demo.attachments import choose, content
from supportterm.demo.db import DemoDB
from supportterm.demo.server import DemoServer, create_demo_server

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)
N_TICKETS = 150


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    srv = create_demo_server(tmp_path_factory.mktemp("demo") / "demo.db", tickets=N_TICKETS, simulate=False,
                             now=NOW)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def api(server: DemoServer) -> Iterator[httpx.Client]:
    login = next(iter(server.db.agents_by_login()))
    with httpx.Client(base_url=server.url + "/api/v1",
                      headers={"Authorization": f"Bearer demo-{login}"}) as client:
        yield client


@pytest.fixture(scope="module")
def messages(api: httpx.Client) -> list[dict[str, Any]]:
    tickets = api.get("/tickets", params={"limit": N_TICKETS}).json()["tickets"]
    found = []
    for ticket in tickets:
        found.extend(api.get(f"/tickets/{ticket['id']}/messages").json()["messages"])
    return found


def test_a_few_messages_in_a_hundred_list_attachment_metadata(messages: list[dict[str, Any]]) -> None:
    with_files = [m for m in messages if "attachments" in m]
    share = len(with_files) / len(messages)
    assert 0.01 <= share <= 0.06, (len(with_files), len(messages))
    kinds = {a["content_type"].split(";")[0] for m in with_files for a in m["attachments"]}
    assert kinds == {"application/pdf", "image/png", "text/plain"}
    for message in with_files:
        for attachment in message["attachments"]:
            assert set(attachment) == {"id", "filename", "content_type", "size"}  # metadata only
            assert attachment["size"] > 0 and attachment["filename"]
    assert all(m.get("attachments", [1]) for m in messages)  # the key is left out, never an empty list


def test_an_attachment_comes_with_type_length_and_name(
    api: httpx.Client, messages: list[dict[str, Any]]
) -> None:
    listed = [a for m in messages for a in m.get("attachments", ())]
    for kind in ("application/pdf", "image/png", "text/plain"):
        attachment = next(a for a in listed if a["content_type"].startswith(kind))
        response = api.get(f"/attachments/{attachment['id']}", headers={"Accept-Encoding": "identity"})
        assert response.status_code == 200
        assert response.headers["Content-Type"] == attachment["content_type"]
        assert int(response.headers["Content-Length"]) == attachment["size"] == len(response.content)
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment; filename=")
        assert unquote(disposition.split("filename*=UTF-8''")[1]) == attachment["filename"]
        assert response.headers["ETag"]
    png = next(a for a in listed if a["content_type"] == "image/png")
    body = api.get(f"/attachments/{png['id']}").content
    assert body.startswith(b"\x89PNG\r\n\x1a\n") and body.endswith(b"IEND\xaeB`\x82")


def test_only_text_attachments_are_gzipped(api: httpx.Client, messages: list[dict[str, Any]]) -> None:
    listed = [a for m in messages for a in m.get("attachments", ())]
    log = next(a for a in listed if a["content_type"].startswith("text/plain"))
    pdf = next(a for a in listed if a["content_type"] == "application/pdf")
    with api.stream("GET", f"/attachments/{log['id']}") as raw:
        wire = b"".join(raw.iter_raw())
        assert raw.headers["Content-Encoding"] == "gzip" and len(wire) < log["size"]
        assert len(gzip.decompress(wire)) == log["size"]
    response = api.get(f"/attachments/{pdf['id']}")
    assert "Content-Encoding" not in response.headers and len(response.content) == pdf["size"]


def test_the_same_seed_gives_the_same_files_byte_for_byte(tmp_path: Path) -> None:
    listings = []
    for name in ("one.db", "two.db"):
        db = DemoDB(tmp_path / name)
        db.ensure_seeded(40, 3, NOW)
        rows = db._conn.execute("SELECT id, message_id, filename, size, seed FROM attachments").fetchall()
        listings.append((rows, [zlib.crc32(db.attachment(r[0])[2]) for r in rows]))
        db.close()
    assert listings[0] == listings[1] and listings[0][0]
    assert choose(["m1", "m2"]) == choose(["m1", "m2"])
    assert all(len(content(kind, 5000, 1)) == 5000 for kind in ("pdf", "png", "log"))


def test_unknown_attachment_is_404_and_needs_a_token(server: DemoServer, api: httpx.Client) -> None:
    missing = api.get("/attachments/nope")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    anonymous = httpx.get(f"{server.url}/api/v1/attachments/f1")
    assert anonymous.status_code == 401
