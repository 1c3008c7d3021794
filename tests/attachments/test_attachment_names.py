"""Attachment names are hostile input: what the disk gets (`safe_filename`) and what the thread shows."""

from __future__ import annotations

import unicodedata
from itertools import islice

import pytest

from supportterm.domain.attachments import (
    MAX_NAME_BYTES,
    attachment_line,
    human_size,
    name_variants,
    safe_filename,
)
from supportterm.domain.models import Attachment

HOSTILE = [
    "../../.bashrc",
    "..\\..\\Windows\\System32\\evil.dll",
    "/etc/passwd",
    "..",
    ".",
    "...",
    "",
    "   ",
    ".hidden",
    "report\x1b[31m.pdf",
    "invoice\u202egnp.exe",  # right-to-left override: shows as "invoiceexe.png"
    "zero\u200bwidth.txt",
    "new\nline.txt",
    "tab\there.log",
    "nul\x00byte.png",
    "C1\x9bcontrol.txt",
    "CON",
    "con.txt",
    "a:b|c?d*e<f>g\"h.txt",
    "x" * 1000 + ".pdf",
    "ф" * 300 + ".png",
    "name. . .",
    "\ud800lone-surrogate.txt",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_becomes_one_safe_plain_file_name(name: str) -> None:
    safe = safe_filename(name)
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and ".." not in safe.split("/")
    assert not safe.startswith(".") and not safe.startswith(" ")
    assert not safe.endswith(".") and not safe.endswith(" ")
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in safe)
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe.split(".")[0].lower() not in ("con", "nul", "prn", "aux")


def test_sanitising_keeps_what_makes_the_name_recognisable() -> None:
    assert safe_filename("report.pdf") == "report.pdf"
    assert safe_filename("ekran şəkli.png") == "ekran şəkli.png"
    assert safe_filename("счёт-фактура.pdf") == "счёт-фактура.pdf"
    assert safe_filename("../../.bashrc") == "_.._.bashrc"
    assert safe_filename(".hidden") == "hidden"
    assert safe_filename("invoice\u202egnp.exe") == "invoicegnp.exe"
    assert safe_filename("new\nline.txt") == "new line.txt"
    assert safe_filename("CON") == "_CON"


def test_an_empty_result_takes_the_fallback_and_the_fallback_is_sanitised_too() -> None:
    assert safe_filename("..", fallback="attachment-f7") == "attachment-f7"
    assert safe_filename("", fallback="../x") == "_x"
    assert safe_filename("\x00\x01", fallback="") == "attachment"


def test_a_long_name_is_cut_in_whole_characters_and_keeps_its_extension() -> None:
    safe = safe_filename("ф" * 300 + ".png")
    assert safe.endswith(".png") and len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert set(safe.removesuffix(".png")) == {"ф"}
    long_extension = safe_filename("a." + "b" * 400)
    assert len(long_extension.encode("utf-8")) <= MAX_NAME_BYTES


def test_variants_number_the_name_before_its_extension() -> None:
    assert list(islice(name_variants("report.pdf"), 3)) == ["report.pdf", "report (1).pdf", "report (2).pdf"]
    assert list(islice(name_variants("README"), 2)) == ["README", "README (1)"]


@pytest.mark.parametrize(("size", "shown"), [
    (None, "size unknown"), (0, "0 B"), (1023, "1023 B"), (1024, "1 KB"), (240 * 1024, "240 KB"),
    (1024 * 1024 - 1, "1024 KB"), (5 * 1024 * 1024 + 1, "5.0 MB"), (3 * 1024**3, "3.0 GB"),
])
def test_sizes_read_as_people_read_them(size: int | None, shown: str) -> None:
    assert human_size(size) == shown


def test_the_thread_line_is_inert_and_on_one_line() -> None:
    hostile = Attachment(id="1", message_id="m1", filename="a\x1b]8;;http://evil\x07[b]bold[/b]\nx.pdf",
                         size=240 * 1024)
    line = attachment_line(hostile)
    assert line.startswith("📎 ") and line.endswith("  240 KB")
    assert "\x1b" not in line and "\x07" not in line and "\n" not in line
    assert attachment_line(Attachment(id="2", message_id="m1", filename="")) == "📎 attachment  size unknown"
