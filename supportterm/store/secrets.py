"""Provides token lookup: `SUPPORTTERM_TOKEN` for scripts, otherwise the OS keyring.

Never a plaintext fallback: without a keyring backend the agent gets a message saying how to fix it.
"""

from __future__ import annotations

import os

from supportterm.errors import AuthError
from supportterm.logs import remember_secret

SERVICE = "supportterm"


def _account(profile: str, user: str | None) -> str:
    return f"{profile}:{user or ''}"


def get_token(profile: str, user: str | None) -> str | None:
    """The profile's secret, or None when none is stored."""
    env = os.environ.get("SUPPORTTERM_TOKEN")
    if env:
        remember_secret(env)
        return env
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        secret = keyring.get_password(SERVICE, _account(profile, user))
    except NoKeyringError as exc:
        raise AuthError(_NO_KEYRING) from exc
    except KeyringError as exc:
        raise AuthError(f"The OS keyring failed: {exc}") from exc
    remember_secret(secret)  # from now on it is masked in the log and in messages
    return secret


def set_token(profile: str, user: str | None, token: str) -> None:
    """Store the profile's secret in the keyring."""
    import keyring
    from keyring.errors import NoKeyringError

    remember_secret(token)
    try:
        keyring.set_password(SERVICE, _account(profile, user), token)
    except NoKeyringError as exc:
        raise AuthError(_NO_KEYRING) from exc


_NO_KEYRING = (
    "No OS keyring is available to hold your token. Start a Secret Service (GNOME Keyring, KWallet), "
    "or install a keyring backend such as 'keyrings.alt', or pass the token in SUPPORTTERM_TOKEN."
)
