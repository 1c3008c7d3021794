"""GET /api/v1/tickets: the newest tickets in one answer, for a new client's first screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest

from supportterm.demo.server import create_demo_server

pytestmark = pytest.mark.e2e

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.fixture()
def api(tmp_path: Path) -> Iterator[httpx.Client]:
    server = create_demo_server(tmp_path / "demo.db", tickets=80, simulate=False, now=NOW)
    server.start()
    try:
        with httpx.Client(base_url=server.url + "/api/v1", headers={"Authorization": "Bearer demo-aysel"}) as c:
            yield c
    finally:
        server.stop()


def test_newest_first_with_every_referenced_person(api: httpx.Client) -> None:
    everything = api.get("/changes", params={"limit": 2000}).json()["tickets"]
    answer = api.get("/tickets", params={"limit": 10})
    assert answer.status_code == 200
    body = answer.json()
    newest = sorted(everything, key=lambda t: t["updated_at"], reverse=True)[:10]
    assert [t["updated_at"] for t in body["tickets"]] == [t["updated_at"] for t in newest]
    people = {p["id"] for p in body["people"]}
    assert {t["requester_id"] for t in body["tickets"]} <= people
    assert {t["assignee_id"] for t in body["tickets"] if t["assignee_id"]} <= people


def test_a_change_moves_the_ticket_to_the_top_and_the_etag_moves_with_it(api: httpx.Client) -> None:
    first = api.get("/tickets", params={"limit": 5})
    tag = first.headers["ETag"]
    assert api.get("/tickets", params={"limit": 5}, headers={"If-None-Match": tag}).status_code == 304
    oldest = api.get("/changes", params={"limit": 1}).json()["tickets"][0]
    api.patch(f"/tickets/{oldest['id']}", json={"priority": "urgent"})
    again = api.get("/tickets", params={"limit": 5}, headers={"If-None-Match": tag})
    assert again.status_code == 200
    assert again.json()["tickets"][0]["id"] == oldest["id"]


def test_a_newest_first_run_sends_every_ticket_once_newest_first_then_hands_over(api: httpx.Client) -> None:
    everything = api.get("/changes", params={"limit": 2000}).json()["tickets"]
    seen: list[dict] = []
    people: list[str] = []
    params: dict[str, object] = {"order": "newest", "limit": 10}
    while True:
        page = api.get("/changes", params=params).json()
        seen += page["tickets"]
        people += [p["id"] for p in page["people"]]
        if not page["has_more"]:
            break
        params = {"cursor": page["cursor"], "limit": 30}
    assert sorted(t["id"] for t in seen) == sorted(t["id"] for t in everything)
    newest = sorted(everything, key=lambda t: t["updated_at"], reverse=True)[:10]
    assert {t["id"] for t in seen[:10]} == {t["id"] for t in newest}
    assert len(people) == len(set(people))  # each person once per run
    referenced = {t["requester_id"] for t in seen} | {t["assignee_id"] for t in seen if t["assignee_id"]}
    assert referenced <= set(people)
    # The run ends with an ordinary cursor: nothing new, and the first idle poll with the tag is a 304.
    last = api.get("/changes", params={"cursor": page["cursor"], "limit": 30})
    assert last.json()["tickets"] == []
    idle = api.get("/changes", params={"cursor": page["cursor"], "limit": 30},
                   headers={"If-None-Match": last.headers["ETag"]})
    assert idle.status_code == 304
