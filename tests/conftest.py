"""Shared fixtures for every test: an isolated home, an in-memory keyring, a store on tmp_path.

The autouse fixtures keep the developer's own config, data and keyring out of every test (harlequin's
`no_discovered_config`). Tests reach no network: HTTP goes through `httpx.MockTransport` (see
`fakes.FakeHelpdesk`) or to a server on 127.0.0.1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend

# Tests import the helpers beside this file as plain modules (`from factories import make_ticket`).
sys.path.insert(0, str(Path(__file__).parent))

from supportterm import i18n  # noqa: E402
from supportterm.store.db import Store  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict, for one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SUPPORTTERM_HOME and the XDG folders at tmp_path; drop the caller's config and token."""
    monkeypatch.setenv("SUPPORTTERM_HOME", str(tmp_path))
    for name in ("SUPPORTTERM_CONFIG", "SUPPORTTERM_TOKEN", "SUPPORTTERM_USER", "SUPPORTTERM_THEME",
                 "SUPPORTTERM_PROFILE", "SUPPORTTERM_KEYMAP_PRESET", "SUPPORTTERM_SYNC_INTERVAL_S",
                 "SUPPORTTERM_PREFETCH", "SUPPORTTERM_AUTO_ADVANCE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))
    return tmp_path


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A test may activate a catalogue; the next one reads English labels again."""
    yield
    i18n.activate("en")


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """Install an in-memory keyring; the previous backend comes back after the test."""
    # Registering the current value with monkeypatch restores it afterwards without asking keyring
    # to discover the OS backends (slow, and it may talk to D-Bus).
    monkeypatch.setattr(
        keyring.core, "_keyring_backend", getattr(keyring.core, "_keyring_backend", None), raising=False
    )
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store (real SQLite, WAL) on tmp_path, closed afterwards."""
    opened = Store(tmp_path / "store" / "test.sqlite3")
    yield opened
    opened.close()
