"""The real program on a real pseudo-terminal, over a cache full of the hostile corpus: what reaches the
terminal must be what a harmless cache produces, apart from cursor moves, colours and the text itself.

Two runs with the same keys (paint the inbox, open two tickets, quit): one over benign tickets, one over
the corpus. Every escape sequence that is not a cursor position or an SGR colour must be the same in both
(Textual's own mode switches and pointer shapes), so no title (OSC 0/2), clipboard write (OSC 52), link
(OSC 8), DCS, APC, C1 control, mode change or bidi override came from a ticket; and the hostile run shows
the control pictures, so the content was really on screen. Timeouts here only guard against hangs.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from factories import T0, make_message, make_ticket
from ui.helpers import seed_store

from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.domain.models import Person, Role
from supportterm.store.db import Store

from .corpus import CASES

pytestmark = pytest.mark.e2e

HANG_GUARD_S = 60.0
"""Seconds after which the child counts as hung (a guard, not a performance bound)."""
_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-9;?<>=$:]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[P_^X][^\x1b]*\x1b\\|.)", re.DOTALL)
_ROUTINE = re.compile(r"\x1b\[(?:\d+;\d+H|[0-9;:]*m)|\x1b\]22;default\x07")
"""Cursor positions and colours: they differ with the content, and are harmless. Also Textual's
pointer-shape reset (OSC 22 "default"): how often it is sent follows timing (3 or 4 times in two runs
of the same test), not the content; any other OSC 22 or OSC is still caught below."""


def _seed(store: Store, texts: list[str]) -> None:
    tickets, people, messages = [], [], []
    for index, text in enumerate(texts, start=1):
        people.append(Person(f"c{index}", text, Role.CUSTOMER, email=text[:100], organization=text))
        when = T0.replace(minute=0) if index > 2 else T0.replace(hour=23 - index)  # 1 and 2 on top
        tickets.append(make_ticket(str(index), subject=("PTY-FIRST " if index == 1 else "") + text,
                                   requester_id=f"c{index}", updated_at=when))
        messages.append(make_message(str(index), body=text if index > 1 else "\n".join(texts),
                                     author_id=f"c{index}", author_name=text))
    seed_store(store, tickets, messages, people)


def _cached_profile(home: Path, texts: list[str]) -> list[str]:
    """A profile whose helpdesk is unreachable and whose cache holds `texts`; returns the command line."""
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(
        '[profiles.work]\nbackend = "demo"\nurl = "http://127.0.0.1:9"\nuser = "aysel"\n', encoding="utf-8")
    store = Store(home / "data" / "work.sqlite3")
    try:
        _seed(store, texts)
    finally:
        store.close()
    return ["--profile", "work"]


def _run(home: Path, args: list[str], **env_extra: str) -> str:
    """Drive the TUI on a 140x40 pty (paint, open the first ticket, back, open the next, quit); return
    everything it wrote."""
    env = dict(os.environ, SUPPORTTERM_HOME=str(home), TERM="xterm-256color", COLORTERM="truecolor")
    env.update(env_extra)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "supportterm", *args], stdin=slave,
                            stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    out = bytearray()

    def until(done: Callable[[bytes], bool]) -> None:
        deadline = time.monotonic() + HANG_GUARD_S
        while not done(bytes(out)):
            if time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"hang guard; last output: {bytes(out[-300:])!r}")
            if select.select([master], [], [], 0.1)[0]:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    return
                out.extend(chunk)

    try:
        until(lambda o: b"PTY-FIRST" in o)
        os.write(master, b"\r")
        until(lambda o: o.count(b"CUSTOMER") >= 1)
        os.write(master, b"q")
        until(lambda o: o.rfind(b"PTY-FIRST") > o.rfind(b"CUSTOMER"))
        os.write(master, b"j\r")
        until(lambda o: o.count(b"CUSTOMER") >= 2)
        os.write(master, b"\x11")  # ctrl+q
        until(lambda o: False)
        assert proc.wait(HANG_GUARD_S) == 0, bytes(out[-2000:])
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return out.decode("utf-8", "replace")


def _special(output: str) -> Counter[str]:
    return Counter(s for s in _SEQUENCE.findall(output) if not _ROUTINE.fullmatch(s))


def test_hostile_cache_writes_nothing_to_the_terminal_a_benign_one_does_not(tmp_path: Path) -> None:
    hostile_texts = [c.text[:4000] for c in CASES]
    benign_texts = [f"Benign ticket number {n}" for n in range(len(hostile_texts))]
    benign = _run(tmp_path / "benign", _cached_profile(tmp_path / "benign", benign_texts))
    hostile = _run(tmp_path / "hostile", _cached_profile(tmp_path / "hostile", hostile_texts))
    _same_terminal_effects(benign, hostile, ("␛[2J", "<U+200B>", "[@click=app.quit]x[/]"))


def _same_terminal_effects(benign: str, hostile: str, painted: tuple[str, ...]) -> None:
    assert _special(hostile) == _special(benign)  # no title, clipboard, link, DCS, APC or mode change
    assert re.search(r"\x1b\][^2]|\x1b\]2[^2]", hostile) is None  # the only OSC is Textual's 22 (pointer)
    text = _SEQUENCE.sub("", hostile)
    left = sorted({f"U+{ord(c):04X}" for c in text
                   if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c not in "\r\n"})
    assert left == []  # no C1, BEL, bidi override or zero-width character outside escape sequences
    assert [p for p in painted if p not in text] == []  # the content was really on screen



def _demo_with(tmp_path: Path, name: str, texts: list[str]) -> tuple[DemoServer, list[str]]:
    """A quiet demo helpdesk where customers opened one ticket per text through its API, "PTY-FIRST"
    last (so first in the inbox); returns the server and the command line of a TUI on it."""
    server = create_demo_server(tmp_path / f"{name}.sqlite3", tickets=5, simulate=False)
    server.start()
    admin = {"Authorization": "Bearer demo-admin"}
    with httpx.Client(base_url=f"{server.url}/api/v1", headers=admin) as api:
        requester = api.get("/tickets", params={"limit": 1}).json()["tickets"][0]["requester_id"]
        for text in [*texts, "PTY-FIRST " + texts[0]]:
            created = api.post("/tickets", json={"customer_id": requester, "subject": text[:1000] or "-",
                                                  "body": text or "-", "channel": "email"})
            assert created.status_code == 201, created.text
    return server, ["--backend", "demo", "--url", server.url]


def test_hostile_tickets_from_a_real_helpdesk_api_leave_the_terminal_alone(tmp_path: Path) -> None:
    """As a new user would meet them: customers write the corpus through the demo helpdesk's API; the TUI
    syncs it live and shows it."""
    texts = [c.text[:100_000] for c in CASES if c.text.strip()]
    runs = {}
    for name, content in (("benign", [f"Benign ticket number {n}" for n in range(len(texts))]),
                          ("hostile", texts)):
        server, args = _demo_with(tmp_path, name, content)
        try:
            runs[name] = _run(tmp_path / name, args, SUPPORTTERM_TOKEN="demo-aysel", SUPPORTTERM_USER="aysel")
        finally:
            server.stop()
    _same_terminal_effects(runs["benign"], runs["hostile"], ("PTY-FIRST ␛[31mred␛[0m text",))
