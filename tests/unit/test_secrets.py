"""Unit tests of token lookup: the environment first, then the OS keyring, never a plaintext file."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from supportterm.errors import AuthError
from supportterm.store.secrets import SERVICE, get_token, set_token


def test_keyring_round_trip(memory_keyring) -> None:
    assert get_token("work", "aysel") is None
    set_token("work", "aysel", "s3cret")
    assert get_token("work", "aysel") == "s3cret"
    assert get_token("work", "boris") is None  # per user
    assert get_token("home", "aysel") is None  # per profile
    assert SERVICE in {service for service, _ in memory_keyring.passwords}


def test_env_token_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    set_token("work", "aysel", "from-keyring")
    monkeypatch.setenv("SUPPORTTERM_TOKEN", "from-env")
    assert get_token("work", "aysel") == "from-env"


def test_no_keyring_is_an_auth_error_that_says_how_to_fix_it() -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(AuthError, match="keyrings.alt"):
        get_token("work", "aysel")
    with pytest.raises(AuthError, match="SUPPORTTERM_TOKEN"):
        set_token("work", "aysel", "s3cret")


def test_env_token_needs_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("SUPPORTTERM_TOKEN", "from-env")
    assert get_token("work", None) == "from-env"
