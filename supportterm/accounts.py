"""Provides signing in to a profile: check a secret with the adapter's `whoami`, then keep it in the keyring.

Used by `supportterm login` (accounts_cli) and `supportterm doctor`. The secret is asked for without echo,
or, for adapters that declare `OAUTH` (Zendesk), obtained through the browser with `backends.oauth.login`
(authorization code + PKCE, loopback redirect). Nothing is stored before the helpdesk has accepted it, and
never anywhere but the OS keyring. httpx is imported only when a secret is checked, so the CLI stays fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from supportterm.config import Profile
from supportterm.errors import AuthError, ConfigError

if TYPE_CHECKING:
    import httpx

    from supportterm.backends.base import HelpdeskBackend
    from supportterm.backends.oauth import OAuthApp, Tokens
    from supportterm.domain.models import Agent

CHECK_TIMEOUT_S = 15.0
"""Seconds the sign-in check may take before the link is called too slow."""
OAUTH_WAIT_S = 300.0
"""Seconds the browser sign-in may take."""
OAUTH_CLIENT_SECRET_ENV = "SUPPORTTERM_OAUTH_CLIENT_SECRET"
"""For confidential OAuth clients: their secret never goes in config.toml (public PKCE clients need none)."""


@dataclass(frozen=True, slots=True)
class SignedIn:
    """What a successful login did (no secret in it)."""

    profile: str
    agent: Agent
    method: str
    """"oauth" or "secret"."""
    keyring: str
    """The keyring backend that now holds the secret."""
    refresh_stored: bool = False


def adapter_options(profile: Profile) -> dict[str, object]:
    """The options an adapter is built with (as `sync.session.build_engine` passes them)."""
    return {"url": profile.url, **({"user": profile.user} if profile.user else {}), **profile.options}


def uses_oauth(profile: Profile, backend: type[HelpdeskBackend]) -> bool:
    """True when `login` should run the browser flow for this profile rather than ask for a secret."""
    spec = backend.OAUTH
    if spec is None or not profile.options.get(spec.client_id_option):
        return False
    return not (spec.only_without_user and profile.user)


def oauth_app(profile: Profile, backend: type[HelpdeskBackend]) -> OAuthApp:
    """The OAuth client of the profile, with the endpoints the adapter declares."""
    from supportterm.backends.oauth import OAuthApp

    spec = backend.OAUTH
    if spec is None:
        raise ConfigError(f"The {backend.NAME} backend has no browser sign-in; run login without --oauth.")
    client_id = profile.options.get(spec.client_id_option)
    if not client_id:
        raise ConfigError(f"profiles.{profile.name}.{spec.client_id_option} is needed for the browser "
                          "sign-in: the OAuth client id your helpdesk admin registered.")
    parts = urlsplit(profile.url)
    root = f"{parts.scheme}://{parts.netloc}"
    return OAuthApp(f"{root}{spec.authorize_path}", f"{root}{spec.token_path}", str(client_id),
                    os.environ.get(OAUTH_CLIENT_SECRET_ENV) or None, spec.scopes,
                    json_token_request=spec.json_token_request)


def redirect_port(profile: Profile) -> int:
    """The loopback port of the OAuth redirect (0: any free port)."""
    raw = str(profile.options.get("oauth_redirect_port", "0") or "0")
    if not raw.isdigit() or int(raw) > 65535:
        raise ConfigError(f"profiles.{profile.name}.oauth_redirect_port must be a port number, not {raw!r}.")
    return int(raw)


def make_checked_client(profile: Profile, *, timeout: float = CHECK_TIMEOUT_S,
                        transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """The same HTTP client the sync engine uses (gzip, no redirects, the profile's TLS setting)."""
    from supportterm.backends.http import make_client

    return make_client(profile.url, transport=transport, timeout=timeout, verify=profile.verify_tls)


async def verify_secret(profile: Profile, secret: str, *, client: httpx.AsyncClient | None = None) -> Agent:
    """Ask the helpdesk who this secret signs in (the adapter's `whoami`).

    Raises:
        AuthError: refused; OfflineError: not reachable; ConfigError: the profile is wrong.
    """
    from supportterm.backends.registry import load_backend

    backend_cls = load_backend(profile.backend)
    own = client is None
    http = client or make_checked_client(profile)
    try:
        backend = backend_cls(adapter_options(profile), client=http, token=secret)
        try:
            return await backend.whoami()
        finally:
            await backend.aclose()
    finally:
        if own:
            await http.aclose()


async def oauth_sign_in(profile: Profile, *, open_browser: Callable[[str], object],
                        timeout: float = OAUTH_WAIT_S) -> Tokens:
    """Run the browser sign-in for the profile and return the granted tokens."""
    from supportterm.backends import oauth
    from supportterm.backends.registry import load_backend

    app = oauth_app(profile, load_backend(profile.backend))
    http = make_checked_client(profile)
    try:
        return await oauth.login(app, open_browser=open_browser, port=redirect_port(profile), timeout=timeout,
                                 http=http)
    finally:
        await http.aclose()


async def sign_in_with_secret(profile: Profile, secret: str) -> SignedIn:
    """Check `secret` with the helpdesk, then store it; a refused secret is never stored."""
    from supportterm.store.secrets import require_keyring, set_token

    keyring_name = require_keyring()
    secret = secret.strip()
    if not secret:
        raise AuthError("Nothing was entered, so nothing was stored.")
    agent = await verify_secret(profile, secret)
    set_token(profile.name, profile.user, secret)
    return SignedIn(profile.name, agent, "secret", keyring_name)


async def sign_in_with_oauth(profile: Profile, *, open_browser: Callable[[str], object],
                             timeout: float = OAUTH_WAIT_S) -> SignedIn:
    """Browser sign-in, check the access token with `whoami`, then store it (and the refresh token)."""
    from supportterm.store.secrets import delete_token, require_keyring, set_token

    keyring_name = require_keyring()
    tokens = await oauth_sign_in(profile, open_browser=open_browser, timeout=timeout)
    agent = await verify_secret(profile, tokens.access_token)
    set_token(profile.name, profile.user, tokens.access_token)
    if tokens.refresh_token:
        set_token(profile.name, profile.user, tokens.refresh_token, kind="refresh")
    else:
        delete_token(profile.name, profile.user, kind="refresh")  # an older one would no longer match
    return SignedIn(profile.name, agent, "oauth", keyring_name, refresh_stored=bool(tokens.refresh_token))


def sign_out(profile: Profile) -> bool:
    """Remove the profile's secrets from the keyring; False when none was stored."""
    from supportterm.store.secrets import delete_token, require_keyring

    require_keyring()
    removed = delete_token(profile.name, profile.user)
    refresh = delete_token(profile.name, profile.user, kind="refresh")
    return removed or refresh
