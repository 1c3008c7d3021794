"""Unit tests of the generic adapter's paging styles and delta sync, against a small fake JSON helpdesk
served through httpx.MockTransport (epoch timestamps, value maps, `updated_since` filtering)."""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from supportterm.backends.generic import GenericRestBackend
from supportterm.backends.http import make_client
from supportterm.domain.models import ChangeSet, Priority, Status

BASE = "http://helpdesk.test"
T0 = 1_760_000_000

MAPPING: dict[str, Any] = {
    "api": "/api", "time_format": "epoch",
    "auth": {"scheme": "header", "header": "X-Api-Key", "template": "{token}"},
    "endpoints": {
        "list": {"path": "/tickets", "items": "data"},
        "show": {"path": "/tickets/{ticket_id}", "result": "ticket"},
        "thread": {"path": "/tickets/{ticket_id}/comments", "items": "comments"},
        "reply": {"path": "/tickets/{ticket_id}/comments", "body": {"text": "{body}"}},
        "update": {"method": "PUT", "path": "/tickets/{ticket_id}", "body": {"state": "{status}"}},
    },
    "paging": {"style": "none"},
    "delta": {"style": "snapshot"},
    "ticket": {"id": "id", "subject": "title", "status": "state", "priority": "prio",
               "requester_id": "requester.email", "created_at": "created", "updated_at": "modified"},
    "message": {"id": "id", "body": "text", "created_at": "at"},
    "values": {"status": {"open": "open", "closed": "closed"},
               "priority": {"1": "urgent", "2": "high", "*": "normal"}},
}


class FakeHelpdesk:
    """Tickets behind one list endpoint that pages in the style asked for."""

    def __init__(self, style: str, count: int = 5, size: int = 2) -> None:
        self.style, self.size = style, size
        self.tickets = [{"id": n, "title": f"Problem {n}", "state": "open", "prio": n % 3,
                         "requester": {"email": f"c{n}@example.com"}, "created": T0 + n, "modified": T0 + n}
                        for n in range(1, count + 1)]
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert request.url.host == "helpdesk.test"  # next URLs naming another host are not followed
        assert request.headers["X-Api-Key"] == "secret"
        query = request.url.params
        chosen = [t for t in self.tickets if "updated_since" not in query
                  or t["modified"] >= int(query["updated_since"])]
        start = {"page": lambda: (int(query.get("page", 1)) - 1) * self.size,
                 "offset": lambda: int(query.get("offset", 0)),
                 "cursor": lambda: int(query.get("after", 0)),
                 }.get(self.style, lambda: int(query.get("page", 1)) * self.size - self.size)()
        size = int(query.get("per_page", self.size))
        page, rest = chosen[start:start + size], chosen[start + size:]
        body: dict[str, Any] = {"data": copy.deepcopy(page)}
        headers = {}
        following = {**dict(query), "page": str(int(query.get("page", 1)) + 1)}
        if self.style == "page":
            body["total"] = len(chosen)
        elif self.style == "cursor":
            body["next_cursor"] = str(start + size) if rest else None
        elif self.style == "link" and rest:
            link = f"{BASE}/api/tickets?{urlencode(following)}"
            headers["Link"] = f'<{link}>; rel="next", <{BASE}/api/tickets>; rel="first"'
        elif self.style == "next_url":
            body["next"] = f"https://elsewhere.example/api/tickets?{urlencode(following)}" if rest else None
        return httpx.Response(200, json=body, headers=headers)

    def backend(self, paging: dict[str, Any], delta: dict[str, Any] | None = None) -> GenericRestBackend:
        mapping = copy.deepcopy(MAPPING) | {"paging": paging}
        if delta:
            mapping["delta"] = delta
        client = make_client(BASE, transport=httpx.MockTransport(self.handle))
        return GenericRestBackend({"mapping": mapping}, client=client, token="secret")


async def _run(
    backend: GenericRestBackend, cursor: str | None, limit: int = 2
) -> tuple[list[str], str | None]:
    """One complete sync run, the way the engine drives it (pages until has_more is false)."""
    seen: list[str] = []
    while True:
        page: ChangeSet = await backend.list_changed(cursor, limit=limit)
        seen += [t.id for t in page.tickets]
        cursor = page.cursor
        if not page.has_more:
            return seen, cursor


PAGING = {
    "page": {"style": "page", "size_param": "per_page", "total": "total"},
    "page-without-total": {"style": "page", "size_param": "per_page"},
    "offset": {"style": "offset", "size_param": "per_page"},
    "cursor": {"style": "cursor", "param": "after", "next": "next_cursor", "size_param": "per_page"},
    "link": {"style": "link", "size_param": "per_page"},
    "next_url": {"style": "next_url", "next": "next", "size_param": "per_page"},
}


@pytest.mark.parametrize("name", sorted(PAGING))
async def test_each_paging_style_reads_every_ticket_once(name: str) -> None:
    fake = FakeHelpdesk(name.split("-")[0])
    ids, _ = await _run(fake.backend(PAGING[name]), None)
    assert ids == ["1", "2", "3", "4", "5"]
    assert len(fake.requests) == 3  # 5 tickets at 2 a page


async def test_an_exact_multiple_without_a_total_costs_one_empty_page() -> None:
    fake = FakeHelpdesk("offset", count=4)
    ids, _ = await _run(fake.backend(PAGING["offset"]), None)
    assert ids == ["1", "2", "3", "4"] and len(fake.requests) == 3


async def test_link_and_next_url_stay_on_the_profile_origin() -> None:
    fake = FakeHelpdesk("next_url")
    await _run(fake.backend(PAGING["next_url"]), None)
    assert [r.url.params.get("page") for r in fake.requests] == [None, "2", "3"]
    assert {str(r.url).split("/api")[0] for r in fake.requests} == {BASE}


async def test_values_and_epoch_times_are_mapped() -> None:
    fake = FakeHelpdesk("page")
    page = await fake.backend(PAGING["page"]).list_changed(None, limit=5)
    first = page.tickets[0]
    assert (first.status, first.priority) == (Status.OPEN, Priority.URGENT)
    assert first.requester_id == "c1@example.com"
    assert [t.priority for t in page.tickets[1:3]] == [Priority.HIGH, Priority.NORMAL]  # 2 -> high, 0 -> "*"
    assert first.created_at.timestamp() == T0 + 1
    assert {p.id for p in page.people} == {f"c{n}@example.com" for n in range(1, 6)}


async def test_param_delta_sends_the_high_water_mark_and_skips_unchanged_edge_tickets() -> None:
    fake = FakeHelpdesk("page")
    backend = fake.backend(PAGING["page"], {"style": "param", "param": "updated_since"})
    ids, cursor = await _run(backend, None)
    assert ids == ["1", "2", "3", "4", "5"]

    fake.requests.clear()
    idle, cursor = await _run(backend, cursor)
    assert idle == []  # ticket 5 comes back (the parameter is inclusive) but has not changed
    assert [r.url.params["updated_since"] for r in fake.requests] == [str(T0 + 5)]

    fake.tickets[1].update(modified=T0 + 5, state="closed")  # changed within the high-water second
    fake.tickets[2].update(modified=T0 + 60)
    changed, cursor = await _run(backend, cursor)
    assert changed == ["2", "3"]
    fake.requests.clear()
    assert (await _run(backend, cursor))[0] == []
    assert fake.requests[0].url.params["updated_since"] == str(T0 + 60)


async def test_snapshot_delta_reports_only_what_differs_from_the_last_pass() -> None:
    fake = FakeHelpdesk("next_url")
    backend = fake.backend(PAGING["next_url"])
    _, cursor = await _run(backend, None)
    assert (await _run(backend, cursor))[0] == []
    fake.tickets[3]["title"] = "Problem 4, now worse"
    changed, cursor = await _run(backend, cursor)
    assert changed == ["4"]
    assert (await _run(backend, cursor))[0] == []


async def test_a_run_broken_off_between_pages_resumes_from_the_cursor() -> None:
    fake = FakeHelpdesk("cursor")
    backend = fake.backend(PAGING["cursor"])
    first = await backend.list_changed(None, limit=2)
    assert first.has_more
    rest, _ = await _run(backend, first.cursor)  # e.g. after a restart: only the cursor survived
    assert [t.id for t in first.tickets] + rest == ["1", "2", "3", "4", "5"]


async def test_an_unreadable_cursor_starts_over() -> None:
    fake = FakeHelpdesk("page")
    ids, _ = await _run(fake.backend(PAGING["page"]), "not json at all")
    assert ids == ["1", "2", "3", "4", "5"]
