"""Provides the live helpdesks of the conformance suite: the demo, Request Tracker 5 and django-helpdesk.

Each starts once per session on a free loopback port with a fresh database, through the project's own
scripts in `.ci/services/` (`make services` installs them). A script exiting 3 means "cannot run
here" (not installed: no root or no apt); the tests of that helpdesk then skip with its message.
Every `Live` also speaks the helpdesk's own API directly, as a customer or another agent would, so the
tests check supportterm's work on the server itself.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest
from helpdesk_live import Live

from supportterm.backends.django_helpdesk import status_from_dh
from supportterm.backends.rt import STATUS_FROM_RT
from supportterm.demo.server import create_demo_server
from supportterm.domain.models import Status

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / ".ci" / "services"
CONTRACT = ROOT / "tests" / "contract"


def _contract_fakes() -> dict[str, Callable[[Path], AbstractContextManager["Live"]]]:
    """Hosted helpdesks we cannot reach, as fakes built from each vendor's documented API.

    Every `tests/contract/fake_*.py` defines KIND (the backend name) and `start(folder)`, a context
    manager yielding a `Live`; the conformance suite then runs against it like any live helpdesk.
    """
    found = {}
    for path in sorted(CONTRACT.glob("fake_*.py")):
        spec = importlib.util.spec_from_file_location(f"contract_{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found[module.KIND] = module.start
    return found


FAKES = _contract_fakes()
KINDS = ("demo", "rt", "django-helpdesk", "generic-dh", *FAKES)
DH_MAPPING = ROOT / "docs" / "mappings" / "django-helpdesk.toml"
"""The generic backend's worked mapping; kind "generic-dh" runs the suite through it."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoLive(Live):
    admin = {"Authorization": "Bearer demo-admin"}

    def _api(self, method: str, path: str, **kw: object) -> dict:
        headers = kw.pop("headers", None) or {"Authorization": f"Bearer {self.token}"}
        response = httpx.request(method, f"{self.url}/api/v1{path}", headers=headers, **kw)
        response.raise_for_status()
        return response.json()

    def create_ticket(self, subject: str, body: str) -> str:
        customer = self._api("GET", "/tickets", params={"limit": 1}, headers=self.admin)["tickets"][0]
        data = self._api("POST", "/tickets", headers=self.admin, json={
            "customer_id": customer["requester_id"], "subject": subject, "body": body, "channel": "email"})
        return str(data["ticket"]["id"])

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        messages = self._api("GET", f"/tickets/{ticket_id}/messages")["messages"]
        return [(m["body"], m["visibility"] == "public") for m in messages]

    def status(self, ticket_id: str) -> Status:
        return Status(self._api("GET", f"/tickets/{ticket_id}")["status"])

    def touch(self, ticket_id: str) -> None:
        self._api("POST", f"/tickets/{ticket_id}/customer-messages", headers=self.admin,
                  json={"body": "Any news? I am still waiting."})


class RTLive(Live):
    creds: dict[str, str]

    def _api(self, method: str, path: str, *, customer: bool = False, **kw: object) -> httpx.Response:
        who = ((self.creds["RT_CUSTOMER"], self.creds["RT_CUSTOMER_PASSWORD"]) if customer
               else (self.creds["RT_AGENT"], self.creds["RT_AGENT_PASSWORD"]))
        response = httpx.request(method, f"{self.url}{path}", auth=who, timeout=30, **kw)
        response.raise_for_status()
        return response

    def create_ticket(self, subject: str, body: str) -> str:
        data = self._api("POST", "/ticket", customer=True, json={
            "Queue": self.creds["RT_QUEUE"], "Subject": subject, "Content": body,
            "ContentType": "text/plain", "Requestor": self.creds["RT_CUSTOMER"]}).json()
        return str(data["id"])

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        history = self._api("GET", f"/ticket/{ticket_id}/history", params={
            "fields": "Type", "per_page": 100}).json()["items"]
        kinds = {str(t["id"]): t["Type"] for t in history}
        parts = self._api("GET", f"/ticket/{ticket_id}/attachments", params={
            "fields": "TransactionId,ContentType,Content", "per_page": 100}).json()["items"]
        return [(p["Content"], kinds[str(p["TransactionId"])] in ("Create", "Correspond"))
                for p in parts if p.get("ContentType") == "text/plain"
                and kinds.get(str(p["TransactionId"])) in ("Create", "Correspond", "Comment")]

    def status(self, ticket_id: str) -> Status:
        return STATUS_FROM_RT[self._api("GET", f"/ticket/{ticket_id}").json()["Status"]]

    def touch(self, ticket_id: str) -> None:
        self._api("POST", f"/ticket/{ticket_id}/correspond", customer=True,
                  json={"Content": "Any news? I am still waiting.", "ContentType": "text/plain"})


class DjangoHelpdeskLive(Live):
    creds: dict[str, str]

    def _api(self, method: str, path: str, *, token: str | None = None, **kw: object) -> dict:
        headers = {"Authorization": f"Token {token or self.creds['DH_ADMIN_TOKEN']}"}
        response = httpx.request(method, f"{self.url}/api{path}", headers=headers, timeout=30, **kw)
        response.raise_for_status()
        return response.json()

    def create_ticket(self, subject: str, body: str) -> str:
        # The API is staff-only: a customer's web-form ticket is modelled by the admin filing it
        # with the customer as submitter (the submitter is who django-helpdesk answers).
        data = self._api("POST", "/tickets/", json={
            "queue": int(self.creds["DH_QUEUE_ID"]), "title": subject, "description": body,
            "submitter_email": "customer@example.com", "priority": 3})
        return str(data["id"])

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        followups = self._api("GET", f"/tickets/{ticket_id}/")["followup_set"]
        return [(f["comment"], bool(f["public"])) for f in followups]

    def status(self, ticket_id: str) -> Status:
        data = self._api("GET", f"/tickets/{ticket_id}/")
        return status_from_dh(int(data["status"]), bool(data["on_hold"]))

    def touch(self, ticket_id: str) -> None:
        self._api("PATCH", f"/tickets/{ticket_id}/", json={"priority": 2})


def _service(script: str, name: str, folder: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """Start one service with its script in a fresh folder; stop it when the session ends."""
    run = subprocess.run([str(SERVICES / script), "start", str(folder), str(free_port())],
                         capture_output=True, text=True, timeout=300)
    if run.returncode == 3:
        pytest.skip(f"{name} is not available here: {run.stderr.strip()} (run 'make services' as root)")
    if run.returncode != 0:
        pytest.fail(f"{script} start failed (exit {run.returncode}):\n{run.stderr[-3000:]}")
    lines = (folder / "credentials.env").read_text().splitlines()
    try:
        yield folder, dict(line.split("=", 1) for line in lines if "=" in line)
    finally:
        subprocess.run([str(SERVICES / script), "stop", str(folder)], capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def dh_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One django-helpdesk for the session, shared by its own adapter and the generic mapping."""
    for _, creds in _service("django_helpdesk.sh", "django-helpdesk", tmp_path_factory.mktemp("dh")):
        yield creds


@pytest.fixture(scope="session", params=KINDS)
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """Each helpdesk in turn, started once for the whole session."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param in FAKES:
        with FAKES[request.param](folder) as fake:
            yield fake
        return
    if request.param == "demo":
        server = create_demo_server(folder / "demo.sqlite3", port=0, tickets=30, simulate=False)
        server.start()
        yield DemoLive("demo", server.url, "demo-aysel", wrong=({}, "demo-nobody"))
        server.stop()
        return
    if request.param == "rt":
        for _, creds in _service("rt.sh", "rt", folder):
            rt = RTLive("rt", creds["RT_URL"], creds["RT_TOKEN"], path="/REST/2.0",
                        wrong=({"user": "agent"}, "not-the-password"))
            rt.creds = creds
            yield rt
        return
    creds = request.getfixturevalue("dh_service")
    if request.param == "generic-dh":
        mapping = {"mapping": str(DH_MAPPING)}
        dh = DjangoHelpdeskLive("generic", creds["DH_URL"], creds["DH_TOKEN"], options=mapping,
                                wrong=(mapping, "not-the-password"))
    else:
        dh = DjangoHelpdeskLive("django-helpdesk", creds["DH_URL"], creds["DH_TOKEN"],
                                wrong=({"user": "agent"}, "not-the-password"))
    dh.creds = creds
    yield dh
