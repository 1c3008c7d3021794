"""django-helpdesk 2.6 lists a follow-up's files (`followupattachment_set`); the adapter lists and fetches
them, but only from the helpdesk's own origin (its token goes with every request).

The server is a loopback ScriptedServer answering in the shape of django-helpdesk's serializers
(`FollowUpAttachmentSerializer`: id, followup, file, filename, mime_type, size).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from badserver import Answer, ScriptedServer, Seen, json_answer

from supportterm.backends.base import Capability
from supportterm.backends.django_helpdesk import DjangoHelpdeskBackend
from supportterm.backends.http import make_client
from supportterm.domain.models import Attachment
from supportterm.errors import BackendError, NotFound, TooLargeError

TOKEN = "0123456789abcdef0123456789abcdef01234567"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _ticket(base: str) -> dict[str, object]:
    files = [
        {"id": 11, "followup": 2, "file": f"{base}/media/helpdesk/attachments/7/2/invoice.pdf",
         "filename": "invoice.pdf", "mime_type": "application/pdf", "size": len(PDF)},
        {"id": 12, "followup": 2, "file": "https://cdn.example.net/helpdesk/attachments/7/2/photo.png",
         "filename": "photo.png", "mime_type": "image/png", "size": 2048},
    ]
    return {
        "id": 7, "queue": 1, "title": "Invoice", "submitter_email": "c@example.com", "assigned_to": None,
        "status": 1, "on_hold": False, "priority": 3, "due_date": None, "followup_set": [
            {"id": 1, "date": "2026-11-25T09:00:00Z", "comment": "The invoice is wrong.", "public": True,
             "user": None, "followupattachment_set": []},
            {"id": 2, "date": "2026-11-25T09:05:00Z", "comment": "", "public": True, "user": None,
             "followupattachment_set": files},
            {"id": 3, "date": "2026-11-25T09:06:00Z", "comment": "", "public": False, "user": 1,
             "followupattachment_set": []},
        ],
    }


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    def route(seen: Seen) -> Answer:
        if seen.path.startswith("/api/tickets/7/"):
            return json_answer(_ticket(srv.url))
        if seen.path == "/media/helpdesk/attachments/7/2/invoice.pdf":
            return Answer(200, PDF, {"Content-Type": "application/pdf"})
        return json_answer({"detail": "Not found."}, 404)

    srv = ScriptedServer(route)
    with srv:
        yield srv


async def test_files_are_listed_on_their_follow_up_even_without_a_comment(server: ScriptedServer) -> None:
    client = make_client(server.url)
    backend = DjangoHelpdeskBackend({"url": server.url}, client=client, token=TOKEN)
    thread = await backend.get_thread("7")
    await client.aclose()
    assert backend.CAPABILITIES & Capability.ATTACHMENTS
    assert [m.id for m in thread] == ["1", "2"]  # the bare internal follow-up 3 stays out
    files = thread[1].attachments
    assert [(a.id, a.message_id, a.filename, a.content_type, a.size) for a in files] == [
        ("11", "2", "invoice.pdf", "application/pdf", len(PDF)), ("12", "2", "photo.png", "image/png", 2048)]


async def test_a_file_on_the_helpdesk_is_fetched_with_the_token(server: ScriptedServer) -> None:
    client = make_client(server.url)
    backend = DjangoHelpdeskBackend({"url": server.url}, client=client, token=TOKEN)
    invoice, photo = (await backend.get_thread("7"))[1].attachments
    assert await backend.fetch_attachment(invoice) == PDF
    assert server.seen[-1].headers["authorization"] == f"Token {TOKEN}"
    with pytest.raises(TooLargeError):
        await backend.fetch_attachment(invoice, limit=1024)
    asked = len(server.seen)
    with pytest.raises(BackendError, match="on another server \\(cdn.example.net\\)"):
        await backend.fetch_attachment(photo)
    missing = Attachment(id="13", message_id="2", filename="gone.pdf", locator="/media/gone.pdf")
    with pytest.raises(NotFound):
        await backend.fetch_attachment(missing)
    await client.aclose()
    assert len(server.seen) == asked + 1  # the other-origin file was never requested; the missing one was
