"""Provides the log file and secret redaction: a rotated file in the platformdirs log folder, and a filter
that takes tokens, Authorization headers, passwords and keyring secrets out of every record.

An agent's token opens the whole helpdesk, and logs get attached to bug reports, so redaction happens on
the record itself (message, arguments, traceback) before any handler formats it. `redact` is also used
for text the agent sees (sync errors, crash reports), because servers like to echo a bad token back.
Called by `cli.main` once per process; the secrets are remembered where they are read (`store.secrets`)
or handed to the sync engine (`sync.session`).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from supportterm import paths
from supportterm.domain.text import inert

LOG_NAME = "supportterm.log"
MAX_BYTES = 1_000_000
"""Size at which the log rotates."""
BACKUPS = 3
"""Rotated files kept (supportterm.log.1 … .3)."""
MASK = "[REDACTED]"
MIN_SECRET = 4
"""Shorter values are not remembered: masking every "abc" in the log would hide more than it protects."""

_secrets: set[str] = set()
_secrets_lock = threading.Lock()

_PATTERNS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # Authorization: Bearer xyz / Proxy-Authorization: Basic xyz / "authorization": "token xyz"
    (re.compile(r"(?i)\b((?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?)(?:(bearer|basic|token|digest)\s+)?"
                r"[^\s\"',;}]+"), lambda m: m.group(1) + (m.group(2) + " " if m.group(2) else "") + MASK),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}"), r"\1 " + MASK),
    (re.compile(r"(?i)\b(token)\s+\d+-\d+-[0-9a-f]{8,}"), r"\1 " + MASK),  # RT: "token 1-14-<hex>"
    (re.compile(r"(?i)\b(auth\s*=\s*)\([^)]*\)"), r"\1" + MASK),  # httpx auth=(user, password) in a repr
    # password=…, "token": "…", api_key: …, ?access_token=… (query strings, JSON, form bodies, reprs)
    (re.compile(r"(?i)\b((?:[a-z]+[_-])?(?:password|passwd|pass|pwd|token|api[_-]?key|apikey|secret|auth)"
                r"[\"']?\s*[:=]\s*[\"']?)(?!\[REDACTED\])[^\s\"'&,;}\]]+"), r"\1" + MASK),
    # https://user:password@host
    (re.compile(r"\b([a-z][a-z0-9+.-]*://[^/\s:@]+):[^/\s@]+@", re.IGNORECASE), r"\1:" + MASK + "@"),
)


def remember_secret(value: str | None) -> None:
    """Mask this exact value wherever it shows up from now on (a token read from the keyring or env)."""
    if value and len(value.strip()) >= MIN_SECRET:
        with _secrets_lock:
            _secrets.add(value.strip())


def forget_secrets() -> None:
    """Drop the remembered values (tests; switching accounts)."""
    with _secrets_lock:
        _secrets.clear()


def redact(text: str) -> str:
    """`text` with remembered secrets and anything that looks like a credential masked."""
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record so no handler ever formats an unredacted message or traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = f"{record.msg!r} % {record.args!r}"
        # inert too: ticket content quoted in a record must not drive the terminal of whoever tails the log
        record.msg, record.args = inert(redact(message)), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = inert(redact(logging.Formatter().formatException(record.exc_info)))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = inert(redact(record.exc_text))
        if record.stack_info:
            record.stack_info = inert(redact(record.stack_info))
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files are created 0600: logs may quote ticket content."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def log_path() -> Path:
    """Where the current log file is."""
    return paths.log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send every record (ours, httpx's, textual's) through redaction into the rotated log file.

    Idempotent: a second call (tests run `main` many times) replaces the handler instead of adding one.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    path = log_path()
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                                         errors="backslashreplace", delay=True)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    remember_secret(os.environ.get("SUPPORTTERM_TOKEN"))
    return path
