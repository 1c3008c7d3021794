"""Provides the detectors of credentials carried by URLs and connection strings.

A URL can be a key by itself: whoever has a Slack, Discord or Teams incoming-webhook URL can post to
the channel, a pre-signed S3 / GCS / Azure SAS link opens the file to anyone, and `?api_key=`,
`access_token=` or a Telegram `bot<id>:<token>` path carry the account's key. None of them needs a
"token" word nearby, so `secrets._keys` alone missed them. Connection strings carry keys as
`AccountKey=` / `SharedAccessKey=` / `ClientSecret=`, and `redis://:password@host` has a password
without a user name.

What stays fine: documented examples (`hooks.slack.com/services/T00000000/B00000000/XXXXXXXX…`,
`?api_key=YOUR_API_KEY`, `sig=<signature>`, `token=…`), values too short or too plain to be keys, and
one-time links meant for the customer (`/reset?token=…`, `/verify?…`, `/unsubscribe?…`), which are
theirs to use.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from .findings import Finding, finding, translatable

_AFTER_SCHEME = re.compile(r"://[^\s<>\"'«»“”]+")
"""A URL from its '://' on; the scheme is read backwards in Python (a pattern opening with the
scheme's letters is tried at every position of the paragraph)."""
_PATH_KEYS = (
    re.compile(r"(?i)^https?://hooks\.slack\.com/(?:services|workflows|triggers)/(\S+)"),
    re.compile(r"(?i)^https?://(?:[\w-]+\.)?discord(?:app)?\.com/api/webhooks/\d+/([\w-]+)"),
    re.compile(r"(?i)^https?://[\w.-]*webhook\.office\.com/webhookb2/(\S+)"),
    re.compile(r"(?i)^https?://outlook\.office(?:365)?\.com/webhook/(\S+)"),
    re.compile(r"(?i)^https?://api\.telegram\.org/bot\d+:([\w-]+)"),
)
"""Services whose URL path is the credential (incoming webhooks, bot tokens)."""
_KEY_PARAM = re.compile(
    r"(?i)[?&;](x-amz-signature|x-goog-signature|x-goog-credential|signature|sig|token|access_token|auth_token"
    r"|id_token|refresh_token|api_key|apikey|api-key|key|secret|client_secret|password|passwd|pwd|auth)"
    r"=([^&#\s]+)"
)
_ONE_TIME_LINK = re.compile(r"(?i)/(?:reset|password-reset|invite|invitation|verify|verification|confirm|"
                            r"unsubscribe|activate|activation|magic-link)\b")
_ONE_TIME_PARAMS = frozenset({"token", "sig", "signature"})
"""Parameters of a one-time link sent to the customer: their own to use."""
_REQUEST_PATH = re.compile(r"(?<![\w/:.])/[\w.~%-]+(?:/[\w.~%-]*)*\?[^\s<>\"'«»“”]+")
"""A request path without its scheme and host, as a server log prints it ('GET /v2/ebooks/88213/download?token=…');
a full URL's path is read with its URL (a '/' after a host or ':' never opens one)."""
_USERLESS_PASSWORD = re.compile(r"://:([^\s@/]{3,})@")
_CONNECTION_KEY = re.compile(
    r"(?i)(?:AccountKey|SharedAccessKey|SharedAccessSignature|ClientSecret|client_secret|SecretKey)"
    r"\s*=\s*([^;\s\"']+)"
)
_PLACEHOLDER = re.compile(r"(?i)^(?:your|ваш|sizin|<|\{|\[|\.\.\.|…|example|redacted|changeme|xxx|\*)")
_PLAIN = frozenset("xX0*._-/")
_MIN_LENGTH = 8


def _real(value: str) -> bool:
    """True for a value that can be a working credential: long, mixed, and not a documented stand-in."""
    value = unquote(value).rstrip(".,;:!?)")
    if len(value) < _MIN_LENGTH or _PLACEHOLDER.match(value) or set(value) <= _PLAIN:
        return False
    return any(ch.isdigit() for ch in value) or (value.lower() != value and value.upper() != value)


def _found(start: int, end: int, message: str) -> Finding:
    return finding("secret", start, end, message, "[redacted]")


def _in_url(text: str, m: re.Match[str]) -> list[Finding]:
    start = m.start()
    while start and (text[start - 1].isalnum() or text[start - 1] in "+.-"):
        start -= 1
    if start == m.start():
        return []
    url = text[start : m.end()].rstrip(".,;:!?)")
    for pattern in _PATH_KEYS:
        key = pattern.match(url)
        if key is not None:
            parts = [p for p in re.split(r"[/:@]", key.group(1)) if p]
            if parts and _real(parts[-1]):
                message = translatable("Webhook or bot URL: whoever has it can post as you.")
                return [_found(start + key.start(1), start + len(url), message)]
            return []
    return _key_params(url, start)


def _key_params(url: str, start: int) -> list[Finding]:
    """Key parameters of `url` (found at `start` of the text) that hold a real value."""
    out = []
    one_time = _ONE_TIME_LINK.search(url) is not None
    for p in _KEY_PARAM.finditer(url):
        if one_time and p.group(1).lower() in _ONE_TIME_PARAMS:
            continue
        if _real(p.group(2)):
            message = translatable("Key or signature inside a URL: keep it inside.")
            out.append(_found(start + p.start(2), start + p.end(2), message))
    return out


def url_credentials(text: str) -> list[Finding]:
    """Credentials carried by URLs (webhooks, signed links, key parameters) and connection strings."""
    out: list[Finding] = []
    if "://" in text:
        for m in _AFTER_SCHEME.finditer(text):
            out += _in_url(text, m)
        for m in _USERLESS_PASSWORD.finditer(text):
            if not _PLACEHOLDER.match(m.group(1)):
                message = translatable("Password inside a URL: keep it inside.")
                out.append(_found(m.start(1), m.end(1), message))
    if "?" in text and "=" in text:
        for m in _REQUEST_PATH.finditer(text):
            out += _key_params(m.group(), m.start())
    for m in _CONNECTION_KEY.finditer(text) if "=" in text else ():
        if _real(m.group(1)):
            message = translatable("Key in a connection string: keep it inside.")
            out.append(_found(m.start(1), m.end(1), message))
    return out
