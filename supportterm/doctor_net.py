"""Provides the network checks of `supportterm doctor`: DNS and TCP reachability, TLS, sign-in, clock skew.

Short timeouts everywhere: a doctor that hangs on a dead link is no help. The sign-in goes through the
same HTTP client and adapter the sync engine uses, and the server's Date header of that exchange gives
the clock skew. The secret is handed to the adapter and never appears in a detail line.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from supportterm.config import Profile
from supportterm.doctor_checks import FAIL, OK, SKIP, WARN, Check
from supportterm.errors import AuthError, ConfigError, OfflineError, SupportTermError

DNS_TIMEOUT_S = 3.0
TCP_TIMEOUT_S = 3.0
TLS_TIMEOUT_S = 5.0
AUTH_TIMEOUT_S = 10.0
SKEW_WARN_S = 60.0
"""More than this and SLA countdowns and "updated 2 min ago" start to lie."""
SKEW_FAIL_S = 300.0
"""More than this and OAuth tokens and TLS certificates may be refused."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Host and port the profile's url points at."""

    scheme: str
    host: str
    port: int

    @property
    def loopback(self) -> bool:
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return self.host == "localhost"


def endpoint(url: str) -> Endpoint | None:
    """The url's scheme, host and port, or None when it has no usable host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    return Endpoint(parts.scheme, parts.hostname, port)


def reach_check(profile: Profile) -> Check:
    """DNS resolves the host and a TCP connection opens, each within a few seconds."""
    where = endpoint(profile.url)
    if where is None:
        return Check("reach", FAIL, f"url {profile.url!r} is not an http(s) address",
                     f"Set profiles.{profile.name}.url to e.g. https://help.example.com")
    try:
        infos = _resolve(where)
    except TimeoutError:
        return Check("reach", FAIL, f"DNS did not answer for {where.host} within {DNS_TIMEOUT_S:g} s",
                     "Check your network and DNS settings (resolvectl status).")
    except socket.gaierror as exc:
        return Check("reach", FAIL, f"DNS cannot resolve {where.host} ({exc.strerror})",
                     f"Check the spelling of profiles.{profile.name}.url, or your VPN/DNS.")
    errors = []
    for family, kind, proto, _, address in infos:
        try:
            with socket.socket(family, kind, proto) as sock:
                sock.settimeout(TCP_TIMEOUT_S)
                sock.connect(address)
            return Check("reach", OK, f"{where.host} resolves to {address[0]}; TCP port {where.port} opens")
        except OSError as exc:
            errors.append(f"{address[0]}: {exc.strerror or type(exc).__name__}")
    return Check("reach", FAIL, f"TCP port {where.port} of {where.host} does not open ({'; '.join(errors)})",
                 "Is the helpdesk up and the port right? A firewall or proxy may block it.")


def _resolve(where: Endpoint) -> list[tuple]:  # type: ignore[type-arg]
    """getaddrinfo within DNS_TIMEOUT_S. It has no timeout of its own, so it runs in a daemon thread
    that a hung resolver cannot keep alive past the command's end."""
    result: list[object] = []

    def lookup() -> None:
        try:
            result.append(socket.getaddrinfo(where.host, where.port, type=socket.SOCK_STREAM))
        except OSError as exc:
            result.append(exc)

    thread = threading.Thread(target=lookup, name="doctor-dns", daemon=True)
    thread.start()
    thread.join(DNS_TIMEOUT_S)
    if not result:
        raise TimeoutError(where.host)
    if isinstance(result[0], OSError):
        raise result[0]
    return result[0]  # type: ignore[return-value]


def tls_check(profile: Profile) -> Check:
    """The certificate verifies; a profile with verify_tls = false gets a loud warning either way."""
    where = endpoint(profile.url)
    if where is None:
        return Check("tls", SKIP, "no usable url")
    if where.scheme == "http":
        if where.loopback:
            return Check("tls", OK, "plain HTTP on loopback: nothing crosses the network")
        return Check("tls", WARN, "PLAIN HTTP: the token and every ticket cross the network unencrypted",
                     f"Use https:// in profiles.{profile.name}.url.")
    verified, detail = _handshake(where)
    if not profile.verify_tls:
        state = "the certificate does verify" if verified else f"the certificate does not verify: {detail}"
        return Check("tls", WARN, f"TLS VERIFICATION IS OFF for this profile ({state}): anyone on the path "
                     "can read your token", f"Remove verify_tls = false from [profiles.{profile.name}]"
                     + (" now." if verified else " once the server has a trusted certificate."))
    if not verified:
        return Check("tls", FAIL, f"the certificate of {where.host} does not verify: {detail}",
                     "Install the helpdesk's CA in the system store (or SSL_CERT_FILE); for a test install "
                     "only, verify_tls = false.")
    return Check("tls", OK, detail)


def _handshake(where: Endpoint) -> tuple[bool, str]:
    context = ssl.create_default_context()
    try:
        with socket.create_connection((where.host, where.port), timeout=TLS_TIMEOUT_S) as raw:
            with context.wrap_socket(raw, server_hostname=where.host) as tls:
                cert = tls.getpeercert() or {}
                version = tls.version()
    except ssl.SSLCertVerificationError as exc:
        return False, exc.verify_message or str(exc)
    except (ssl.SSLError, OSError) as exc:
        return False, f"TLS handshake failed ({exc})"
    expires = cert.get("notAfter")
    until = f", valid until {expires}" if isinstance(expires, str) else ""
    return True, f"certificate of {where.host} verified ({version}{until})"


def auth_and_clock_checks(profile: Profile, secret: str | None, *,
                          clock: Callable[[], datetime] | None = None) -> list[Check]:
    """Sign in with the adapter's `whoami`, then compare the server's Date header with our clock."""
    now = clock or (lambda: datetime.now(timezone.utc))
    return asyncio.run(_auth_and_clock(profile, secret, now))


async def _auth_and_clock(profile: Profile, secret: str | None, now: Callable[[], datetime]) -> list[Check]:
    from supportterm.accounts import make_checked_client

    dates: list[tuple[str, datetime]] = []

    async def remember_date(response: object) -> None:
        value = getattr(response, "headers", {}).get("Date")
        if value:
            dates.append((value, now()))

    client = make_checked_client(profile, timeout=AUTH_TIMEOUT_S)
    client.event_hooks["response"].append(remember_date)
    try:
        if secret is None:
            auth = Check("auth", SKIP, "no secret to sign in with")
            await _touch(client)  # still read a Date header for the clock check
        else:
            auth = await _sign_in(profile, secret, client)
    finally:
        await client.aclose()
    return [auth, _clock_check(dates)]


async def _sign_in(profile: Profile, secret: str, client: object) -> Check:
    from supportterm.accounts import verify_secret
    from supportterm.logs import redact

    login = f"supportterm login --profile {profile.name}"
    try:
        agent = await verify_secret(profile, secret, client=client)  # type: ignore[arg-type]
    except AuthError as exc:
        return Check("auth", FAIL, redact(str(exc)), f"The secret was refused or has expired. Run: {login}")
    except OfflineError as exc:
        return Check("auth", FAIL, redact(str(exc)), "The link is down or too slow; try again later.")
    except ConfigError as exc:
        return Check("auth", FAIL, redact(str(exc)), f"Fix the [profiles.{profile.name}] section.")
    except SupportTermError as exc:
        return Check("auth", FAIL, redact(str(exc)), "Is the url the helpdesk's? See docs/backends.md.")
    email = f" <{agent.email}>" if agent.email else ""
    return Check("auth", OK, f"signed in as {agent.name}{email} (id {agent.id})")


async def _touch(client: object) -> None:
    try:
        await client.get("/")  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - only the Date header matters; reach reports the link itself
        pass


def _clock_check(dates: list[tuple[str, datetime]]) -> Check:
    if not dates:
        return Check("clock", SKIP, "the helpdesk sent no Date header")
    header, local = dates[-1]
    try:
        server = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return Check("clock", SKIP, f"the helpdesk's Date header is not a date ({header[:40]!r})")
    if server.tzinfo is None:
        server = server.replace(tzinfo=timezone.utc)
    skew = (local - server).total_seconds()
    side = "ahead of" if skew > 0 else "behind"
    detail = f"your clock is {abs(skew):.0f} s {side} the helpdesk's"
    fix = "Turn on time sync: timedatectl set-ntp true (or your OS's date and time settings)."
    if abs(skew) > SKEW_FAIL_S:
        return Check("clock", FAIL, detail + ": sign-in tokens and SLA countdowns go wrong", fix)
    if abs(skew) > SKEW_WARN_S:
        return Check("clock", WARN, detail + ": SLA countdowns will be off", fix)
    return Check("clock", OK, detail + " (the Date header has 1 s resolution)")
