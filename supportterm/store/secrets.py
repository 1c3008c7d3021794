"""Provides token lookup: `SUPPORTTERM_TOKEN` for scripts, otherwise the OS keyring.

Never a plaintext fallback: without a keyring backend the agent gets a message saying how to fix it.
"""

from __future__ import annotations

import os

from supportterm.errors import AuthError
from supportterm.logs import remember_secret

SERVICE = "supportterm"


def _account(profile: str, user: str | None, kind: str = "") -> str:
    base = f"{profile}:{user or ''}"
    return f"{base}:{kind}" if kind else base


def get_token(profile: str, user: str | None) -> str | None:
    """The profile's secret, or None when none is stored."""
    env = os.environ.get("SUPPORTTERM_TOKEN")
    if env:
        remember_secret(env)
        return env
    return stored_token(profile, user)


def set_token(profile: str, user: str | None, token: str, *, kind: str = "") -> None:
    """Store the profile's secret in the keyring (`kind="refresh"`: its OAuth refresh token)."""
    import keyring
    from keyring.errors import NoKeyringError

    remember_secret(token)
    try:
        keyring.set_password(SERVICE, _account(profile, user, kind), token)
    except NoKeyringError as exc:
        raise AuthError(_NO_KEYRING) from exc


def stored_token(profile: str, user: str | None, *, kind: str = "") -> str | None:
    """What the keyring holds for the profile, ignoring `SUPPORTTERM_TOKEN` (login, logout, doctor)."""
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        secret = keyring.get_password(SERVICE, _account(profile, user, kind))
    except NoKeyringError as exc:
        raise AuthError(_NO_KEYRING) from exc
    except KeyringError as exc:
        raise AuthError(f"The OS keyring failed: {exc}") from exc
    remember_secret(secret)
    return secret


def delete_token(profile: str, user: str | None, *, kind: str = "") -> bool:
    """Remove the profile's secret from the keyring; False when none was stored."""
    import keyring
    from keyring.errors import NoKeyringError, PasswordDeleteError

    try:
        if keyring.get_password(SERVICE, _account(profile, user, kind)) is None:
            return False
        keyring.delete_password(SERVICE, _account(profile, user, kind))
    except NoKeyringError as exc:
        raise AuthError(_NO_KEYRING) from exc
    except PasswordDeleteError:
        return False
    return True


def keyring_backend() -> str | None:
    """The keyring backend in use (`module.Class`), or None when there is none (headless Linux, CI)."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return None
    return f"{type(backend).__module__}.{type(backend).__name__}"


def require_keyring() -> str:
    """The keyring backend's name; AuthError with the documented options when there is none."""
    name = keyring_backend()
    if name is None:
        raise AuthError(_NO_KEYRING)
    return name


_NO_KEYRING = (
    "No OS keyring is available to hold your token. Start a Secret Service (GNOME Keyring, KWallet), "
    "or install a keyring backend such as 'keyrings.alt', or pass the token in SUPPORTTERM_TOKEN. "
    "docs/accounts.md explains each option; supportterm never writes the token to a plain file."
)
