"""The store keeps attachment metadata with the thread: written with messages, read with them, migrated."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from factories import make_message, make_ticket

from supportterm.domain.models import Attachment
from supportterm.store import tickets as cache
from supportterm.store.db import MIGRATIONS, Store, connect, migrate


def _files(message_id: str) -> tuple[Attachment, ...]:
    return (
        Attachment(id="a1", message_id=message_id, filename="report.pdf", size=245_760,
                   content_type="application/pdf", locator="/attachment/a1"),
        Attachment(id="a2", message_id=message_id, filename="../../.bashrc\x1b[31m", size=None),
    )


def test_attachments_round_trip_with_their_thread_in_order(store: Store) -> None:
    plain = make_message("7", id="m1")
    with_files = make_message("7", id="m2", attachments=_files("m2"))
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("7")])
        cache.upsert_messages(conn, [plain, with_files])
    thread = store.read(lambda c: cache.get_thread(c, "7"))
    assert [m.id for m in thread] == ["m1", "m2"]
    assert thread[0].attachments == ()
    assert thread[1].attachments == _files("m2")  # hostile names are stored as sent, sanitised on use
    assert thread[1] == with_files


def test_a_refetched_message_replaces_its_attachment_list(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_messages(conn, [make_message("7", id="m2", attachments=_files("m2"))])
    fewer = make_message("7", id="m2", attachments=_files("m2")[1:])
    with store.transaction() as conn:
        cache.upsert_messages(conn, [fewer])
    assert store.read(lambda c: cache.attachments_of(c, "7")) == {"m2": _files("m2")[1:]}
    with store.transaction() as conn:
        cache.upsert_messages(conn, [replace(fewer, attachments=())])
    assert store.read(lambda c: cache.attachments_of(c, "7")) == {}


def test_attachments_of_other_tickets_stay_apart(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_messages(conn, [make_message("7", id="m2", attachments=_files("m2")),
                                     make_message("8", id="m3", attachments=_files("m3")[:1])])
    assert set(store.read(lambda c: cache.attachments_of(c, "8"))) == {"m3"}
    assert [len(m.attachments) for m in store.read(lambda c: cache.get_thread(c, "7"))] == [2]


def test_a_version_5_cache_gains_the_attachments_table_and_keeps_its_messages(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = connect(path)
    for step, script in enumerate(MIGRATIONS[:5], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={step};\nCOMMIT;")
    with conn:
        cache.upsert_tickets(conn, [make_ticket("7")])
        conn.execute("INSERT INTO messages (id, ticket_id, author_id, author_role, visibility, body, "
                     "created_at) VALUES ('m1', '7', 'c1', 'customer', 'public', 'hi', "
                     "'2026-11-25T09:00:00Z')")
    assert migrate(conn) == len(MIGRATIONS) >= 6
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    [message] = cache.get_thread(conn, "7")
    assert (message.body, message.attachments) == ("hi", ())
    columns = {row[1] for row in conn.execute("PRAGMA table_info(attachments)")}
    assert {"message_id", "id", "ticket_id", "filename", "size", "content_type", "locator"} <= columns
    conn.close()


def test_content_is_never_stored(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_messages(conn, [make_message("7", id="m2", attachments=_files("m2"))])
    reader = sqlite3.connect(store.path)
    types = {row[2].upper() for row in reader.execute("PRAGMA table_info(attachments)")}
    reader.close()
    assert "BLOB" not in types
