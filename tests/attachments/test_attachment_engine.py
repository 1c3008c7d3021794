"""`SyncEngine.fetch_attachment`: saved whole under a safe, unused name, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from badserver import Answer, ScriptedServer
from conftest import attachments_in, ticket_with_attachments

from supportterm import paths
from supportterm.backends.base import Capability
from supportterm.config import Profile
from supportterm.demo.server import DemoServer
from supportterm.domain.models import Attachment
from supportterm.errors import BackendError, OfflineError
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync import downloads
from supportterm.sync.engine import SyncEngine
from supportterm.sync.session import build_engine, close_engine


async def _cached_attachment(engine: SyncEngine, demo: DemoServer) -> Attachment:
    """Fetch a thread with a file into the store, and take the attachment from the store."""
    ticket_id, _ = ticket_with_attachments(demo)
    await engine.fetch_thread(ticket_id)
    thread = engine.store.read(lambda c: cache.get_thread(c, ticket_id))
    return attachments_in(thread)[0]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


async def test_a_download_is_saved_whole_in_the_downloads_folder(
    demo_engine: SyncEngine, demo: DemoServer, tmp_path: Path
) -> None:
    attachment = await _cached_attachment(demo_engine, demo)
    saved = await demo_engine.fetch_attachment(attachment)
    assert saved.parent == paths.downloads_dir() == tmp_path / "downloads"  # SUPPORTTERM_HOME is tmp_path
    assert saved.name == attachment.filename
    assert saved.read_bytes() == demo.db.attachment(attachment.id)[2]
    again = await demo_engine.fetch_attachment(attachment)
    stem, dot, extension = attachment.filename.rpartition(".")
    assert again.name == f"{stem} (1).{extension}" and again.read_bytes() == saved.read_bytes()
    assert _files(saved.parent) == sorted([saved.name, again.name])  # no temp file left behind


async def test_the_downloads_folder_can_be_set_by_environment(
    demo_engine: SyncEngine, demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORTTERM_DOWNLOADS", str(tmp_path / "elsewhere"))
    saved = await demo_engine.fetch_attachment(await _cached_attachment(demo_engine, demo))
    assert saved.parent == tmp_path / "elsewhere"


async def test_a_hostile_name_stays_inside_the_folder(
    demo_engine: SyncEngine, demo: DemoServer, tmp_path: Path
) -> None:
    real = await _cached_attachment(demo_engine, demo)
    hostile = Attachment(id=real.id, message_id=real.message_id, filename="../../.bashrc\x1b[2J")
    folder = tmp_path / "dl"
    saved = await demo_engine.fetch_attachment(hostile, folder=folder)
    assert saved.parent == folder and saved.name == "_.._.bashrc[2J"
    assert not (tmp_path / ".bashrc").exists()


async def test_offline_is_a_plain_error_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    engine = build_engine(Profile(name="t", backend="demo", url="http://127.0.0.1:9"), store, token="demo-x")
    folder = tmp_path / "dl"
    with pytest.raises(OfflineError, match="could not be reached while downloading report.pdf"):
        await engine.fetch_attachment(Attachment(id="f1", message_id="m1", filename="report.pdf"),
                                      folder=folder)
    await close_engine(engine)
    assert _files(folder) == []


async def test_a_connection_cut_mid_file_leaves_no_partial_file(store: Store, tmp_path: Path) -> None:
    cut = Answer(200, b"%PDF-1.4 only the first part", headers={"Content-Type": "application/pdf"},
                 declared_length=500_000)
    folder = tmp_path / "dl"
    with ScriptedServer(lambda seen: cut) as server:
        engine = build_engine(Profile(name="t", backend="demo", url=server.url), store, token="demo-x")
        with pytest.raises(OfflineError, match="failed while downloading report.pdf"):
            await engine.fetch_attachment(Attachment(id="f1", message_id="m1", filename="report.pdf"),
                                          folder=folder)
        await close_engine(engine)
    assert _files(folder) == []


async def test_a_failed_disk_write_leaves_no_partial_file(
    demo_engine: SyncEngine, demo: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attachment = await _cached_attachment(demo_engine, demo)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(downloads.os, "fsync", disk_full)
    folder = tmp_path / "dl"
    with pytest.raises(OSError, match="No space left"):
        await demo_engine.fetch_attachment(attachment, folder=folder)
    assert _files(folder) == []


async def test_without_hard_links_the_name_is_still_never_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(downloads.os, "link", no_links)
    attachment = Attachment(id="f1", message_id="m1", filename="app.log")
    first = downloads.save_download(tmp_path, attachment, b"one")
    second = downloads.save_download(tmp_path, attachment, b"two")
    assert (first.name, second.name) == ("app.log", "app (1).log")
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    assert _files(tmp_path) == ["app (1).log", "app.log"]


async def test_a_helpdesk_without_attachments_says_so(demo_engine: SyncEngine, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    without = type(demo_engine.backend).CAPABILITIES & ~Capability.ATTACHMENTS
    monkeypatch.setattr(type(demo_engine.backend), "CAPABILITIES", without)
    folder = tmp_path / "dl"
    with pytest.raises(BackendError, match="cannot download attachments"):
        await demo_engine.fetch_attachment(Attachment(id="f1", message_id="m1", filename="x.pdf"),
                                           folder=folder)
    assert _files(folder) == []
