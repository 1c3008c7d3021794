"""Provides the demo helpdesk's attachments: which seeded messages carry files, and their bytes.

Only metadata is stored (id, message, name, type, size and a seed); the content is generated from the
seed when a client asks for it, byte for byte the same every time, so a 100k-ticket demo does not
carry gigabytes of fake PDFs. Three kinds, as customers send them: a PDF-like document, a real PNG
screenshot and a plain-text log file. Called by `seeding` (choose and insert) and `db` (reads).
"""

from __future__ import annotations

import random
import sqlite3
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SHARE_PER_MILLE = 30
"""Seeded messages with an attachment, per thousand (a few per hundred, as the brief asks)."""
ATTACHMENT_KEYS = ("id", "filename", "content_type", "size")
"""The attachment object of the API, in order (metadata only; content at /attachments/{id})."""


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of file customers attach."""

    name: str
    content_type: str
    filenames: tuple[str, ...]
    sizes: tuple[int, int]
    """Smallest and largest size in bytes."""


KINDS = (
    Kind("pdf", "application/pdf", ("invoice.pdf", "report.pdf", "contract-scan.pdf", "счёт-фактура.pdf",
                                     "hesabat.pdf"), (20_000, 400_000)),
    Kind("png", "image/png", ("screenshot.png", "error.png", "скриншот.png", "ekran şəkli.png"),
         (8_000, 300_000)),
    Kind("log", "text/plain; charset=utf-8", ("app.log", "sync-error.log", "vpn-client.log"),
         (2_000, 60_000)),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
def choose(message_ids: Iterable[str]) -> list[tuple[Any, ...]]:
    """Attachment rows for the seeded messages that get one (a stable hash of the id decides, so the
    same seed always gives the same files): (id, message_id, filename, content_type, size, kind, seed)."""
    rows: list[tuple[Any, ...]] = []
    for message_id in message_ids:
        digest = zlib.crc32(message_id.encode("utf-8"))
        if digest % 1000 >= SHARE_PER_MILLE:
            continue
        count = 2 if digest % 7 == 0 else 1
        for index in range(count):
            seed = zlib.crc32(f"{message_id}/{index}".encode())
            rng = random.Random(seed)
            kind = KINDS[(digest // 1000 + index) % len(KINDS)]
            size = rng.randint(*kind.sizes)
            rows.append((f"f{len(rows) + 1}", message_id, rng.choice(kind.filenames), kind.content_type,
                         size, kind.name, seed))
    return rows


def insert(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Store attachment rows made by `choose`."""
    conn.executemany("INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def objects_by_message(conn: sqlite3.Connection, message_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The API's attachment objects of these messages, by message id."""
    found: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(message_ids), 500):
        chunk = message_ids[start:start + 500]
        rows = conn.execute(
            f"SELECT message_id, id, filename, content_type, size FROM attachments WHERE message_id IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY rowid", chunk).fetchall()
        for message_id, *values in rows:
            found.setdefault(message_id, []).append(dict(zip(ATTACHMENT_KEYS, values, strict=True)))
    return found


def load(conn: sqlite3.Connection, attachment_id: str) -> tuple[str, str, bytes] | None:
    """(filename, content type, content) of one attachment, or None when there is no such id."""
    row = conn.execute("SELECT filename, content_type, size, kind, seed FROM attachments WHERE id = ?",
                       (attachment_id,)).fetchone()
    if row is None:
        return None
    filename, content_type, size, kind, seed = row
    return filename, content_type, content(kind, size, seed)


def content(kind: str, size: int, seed: int) -> bytes:
    """Exactly `size` bytes of a file of that kind, the same for the same seed."""
    rng = random.Random(seed)
    if kind == "png":
        return _png(size, rng)
    if kind == "log":
        return _log(size, rng)
    return _pdf(size, rng)


def _pdf(size: int, rng: random.Random) -> bytes:
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< >>\nstream\n"
    tail = b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return head + rng.randbytes(max(0, size - len(head) - len(tail))) + tail


_LETTERS = bytes(b"abcdefghijklmnopqrstuvwxyz "[i % 27] for i in range(256))
"""Maps random bytes to letters and spaces: the text of a PNG comment chunk."""


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(size: int, rng: random.Random) -> bytes:
    """A real 48x32 PNG (a coloured gradient), padded to `size` with a tEXt comment chunk."""
    width, height = 48, 32
    red, green, blue = rng.randrange(256), rng.randrange(256), rng.randrange(256)
    rows = b"".join(
        b"\x00" + bytes(c for x in range(width) for c in ((red + 4 * x) % 256, (green + 6 * y) % 256, blue))
        for y in range(height)
    )
    head = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(rows, 9)))
    end = _chunk(b"IEND", b"")
    keyword = b"Comment\x00"
    padding = max(0, size - len(head) - len(end) - 12 - len(keyword))
    filler = rng.randbytes(padding).translate(_LETTERS)
    return head + _chunk(b"tEXt", keyword + filler) + end


_LOG_LINES = (
    "INFO  [sync] connected to {host} in {ms} ms",
    "WARN  [vpn] keep-alive missed ({n} of 3)",
    "ERROR [vpn] tunnel dropped: connection reset by peer",
    "INFO  [auth] token refreshed for user {n}",
    "ERROR [mail] SMTP 451 temporary failure, retry in {n} s",
    "DEBUG [ui] render took {ms} ms",
)


def _log(size: int, rng: random.Random) -> bytes:
    lines: list[str] = []
    total = 0
    second = rng.randrange(86_400)
    while total < size:
        second += rng.randrange(1, 40)
        day, clock = 20 + second // 86_400 % 8, second % 86_400
        stamp = f"2026-11-{day:02d} {clock // 3600:02d}:{clock // 60 % 60:02d}:{clock % 60:02d}"
        text = rng.choice(_LOG_LINES).format(host=f"10.0.{rng.randrange(256)}.{rng.randrange(256)}",
                                             ms=rng.randrange(5, 900), n=rng.randrange(1, 60))
        line = f"{stamp} {text}\n"
        lines.append(line)
        total += len(line)
    return "".join(lines).encode("ascii")[:size]
