"""Provides the local checks of `supportterm doctor`: config, backend, options, keyring, files, cache, log.

Each function looks at one thing and returns a `Check` saying OK, WARN, FAIL or SKIP and what to do about
it. None of them touches the network (doctor_net.py does) and none prints a secret: the keyring check
only says whether one is stored.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from supportterm.config import Problem, Profile, suggest

if TYPE_CHECKING:
    from supportterm.backends.base import HelpdeskBackend

OK, WARN, FAIL, SKIP = "OK", "WARN", "FAIL", "SKIP"
PROFILE_KEYS = ("url", "user", "verify_tls")
"""Profile keys that are not adapter options (config.Profile holds them apart)."""


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the doctor's report."""

    name: str
    status: str
    """OK, WARN (works, but look), FAIL (fix this) or SKIP (an earlier check failed)."""
    detail: str
    fix: str = ""


def config_check(name: str, file: Path, problems: list[Problem], profile: Profile | None) -> Check:
    """The config file parses and this profile's section is complete (errors name the file and key)."""
    errors = [p for p in problems if p.severity == "error"]
    own = [p for p in errors if p.key == f"profiles.{name}" or p.key.startswith(f"profiles.{name}.")]
    shared = [p for p in errors if not p.key.startswith("profiles.") or p.key == "profiles"]
    if own or shared or profile is None:
        first = (own or shared)[0] if (own or shared) else None
        detail = str(first) if first else f"{file}: no [profiles.{name}] section"
        more = len(own) + len(shared) - 1
        if more > 0:
            detail += f" (and {more} more: supportterm config validate lists them)"
        fix = (first.suggestion if first and first.suggestion
               else f"Edit {file}; docs/config.md describes every key.")
        return Check("config", FAIL, detail, fix)
    where = str(file) if file.exists() else f"{file} (absent; the profile comes from the environment)"
    return Check("config", OK, f"{where} parses; [profiles.{name}] is complete")


def backend_check(profile: Profile) -> tuple[Check, type[HelpdeskBackend] | None]:
    """The profile's backend is installed and imports."""
    from supportterm.backends.registry import backend_names, load_backend
    from supportterm.errors import ConfigError

    try:
        backend = load_backend(profile.backend)
    except ConfigError as exc:
        hint = suggest(profile.backend, tuple(backend_names()))
        fix = hint or "Install the adapter's package, or fix `backend`."
        return Check("backend", FAIL, str(exc), fix), None
    except Exception as exc:  # noqa: BLE001 - a third-party plug-in may fail to import in any way
        return Check("backend", FAIL, f"backend '{profile.backend}' failed to load: {exc!r}",
                     "Reinstall or update the adapter's package."), None
    return Check("backend", OK, f"'{profile.backend}' is installed ({backend.__module__})"), backend


def options_check(profile: Profile, backend: type[HelpdeskBackend]) -> Check:
    """Required options are there, unknown ones are named, and the adapter accepts the values."""
    from supportterm.accounts import adapter_options, make_checked_client
    from supportterm.errors import ConfigError

    options = adapter_options(profile)
    declared = {option.name for option in backend.OPTIONS}
    missing = [o.name for o in backend.OPTIONS if o.required and not o.secret and not options.get(o.name)]
    if missing:
        return Check("options", FAIL, f"profiles.{profile.name}.{missing[0]} is required by '{backend.NAME}'",
                     _option_help(backend, missing[0]))
    try:
        client = make_checked_client(profile)  # nothing is sent: only the constructor runs
        backend(options, client=client, token=None)
    except ConfigError as exc:
        return Check("options", FAIL, str(exc), f"Fix the [profiles.{profile.name}] section.")
    unknown = sorted(set(profile.options) - declared - set(PROFILE_KEYS))
    if unknown and declared:
        key = unknown[0]
        hint = suggest(key, tuple(declared)) or f"'{backend.NAME}' accepts: {', '.join(sorted(declared))}."
        return Check("options", WARN, f"profiles.{profile.name}.{key} is not a '{backend.NAME}' option and "
                     "is ignored", hint)
    return Check("options", OK, f"{len(options)} option(s) accepted by '{backend.NAME}'")


def _option_help(backend: type[HelpdeskBackend], name: str) -> str:
    option = next(o for o in backend.OPTIONS if o.name == name)
    return f"Add {name} = \"...\" ({option.help})."


def keyring_check(profile: Profile) -> tuple[Check, str | None]:
    """A keyring backend exists and holds a secret for the profile; returns the secret for the auth check."""
    from supportterm.errors import AuthError
    from supportterm.store.secrets import keyring_backend, stored_token

    env = os.environ.get("SUPPORTTERM_TOKEN")
    if env:
        return Check("keyring", OK, "SUPPORTTERM_TOKEN is set: it is used instead of the keyring"), env
    login = f"supportterm login --profile {profile.name}"
    try:
        backend = keyring_backend()
        if backend is None:
            fix = ("Start a Secret Service (GNOME Keyring, KWallet), install keyrings.alt and choose its "
                   "encrypted backend, or set SUPPORTTERM_TOKEN; docs/accounts.md has the steps.")
            return Check("keyring", FAIL, "no OS keyring backend is available to hold the token", fix), None
        secret = stored_token(profile.name, profile.user)
    except AuthError as exc:
        return Check("keyring", FAIL, str(exc), "docs/accounts.md lists the keyring options."), None
    if not secret:
        missing = f"{backend} holds no secret for '{profile.name}'"
        return Check("keyring", FAIL, missing, f"Run: {login}"), None
    if "plaintext" in backend.lower():
        return Check("keyring", WARN, f"{backend} keeps the secret for '{profile.name}' in a PLAIN FILE",
                     "Use a Secret Service, or keyrings.alt's EncryptedKeyring (docs/accounts.md)."), secret
    return Check("keyring", OK, f"{backend} holds a secret for '{profile.name}'"), secret


def _loose(path: Path, allowed: int) -> bool:
    return bool(stat.S_IMODE(path.stat().st_mode) & ~allowed & 0o777)


def data_check(store: Path) -> Check:
    """The data folder is 0700 and writable; the profile's database files are 0600."""
    folder = store.parent
    if not folder.is_dir():
        return Check("data", FAIL, f"{folder} does not exist", f"mkdir -m 700 -p {folder}")
    if _loose(folder, 0o700):
        mode = oct(stat.S_IMODE(folder.stat().st_mode))[2:]
        return Check("data", FAIL, f"{folder} is {mode}: others can list your cache", f"chmod 700 {folder}")
    if not os.access(folder, os.W_OK):
        return Check("data", FAIL, f"{folder} is not writable", f"Give yourself write access to {folder}.")
    files = [p for p in (store, Path(f"{store}-wal"), Path(f"{store}-shm")) if p.exists()]
    for path in files:
        if _loose(path, 0o600):
            mode = oct(stat.S_IMODE(path.stat().st_mode))[2:]
            return Check("data", FAIL, f"{path} is {mode}: ticket content is readable by others",
                         f"chmod 600 {path}")
    if not files:
        return Check("data", OK, f"{folder} (0700); no cache yet for this profile: the first sync makes it")
    return Check("data", OK, f"{folder} (0700), {len(files)} database file(s) 0600")


def cache_check(store: Path) -> Check:
    """SQLite's integrity check on the profile's cache (read-only: safe beside a running app)."""
    from supportterm.store.db import MIGRATIONS, connect

    if not store.exists():
        return Check("cache", SKIP, f"no cache at {store} yet")
    try:
        conn = connect(store, readonly=True)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tickets = conn.execute("SELECT count(*) FROM tickets").fetchone()[0] if version else 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return Check("cache", FAIL, f"{store} cannot be read as SQLite: {exc}", _recover(store))
    if result != ["ok"]:
        return Check("cache", FAIL, f"integrity check of {store} failed: {result[0]}", _recover(store))
    if version > len(MIGRATIONS):
        return Check("cache", FAIL, f"{store} was written by a newer supportterm (schema {version})",
                     "Update supportterm.")
    return Check("cache", OK, f"integrity ok, {tickets} ticket(s) cached, schema {version}")


def _recover(store: Path) -> str:
    return (f"Close supportterm, then: sqlite3 {store} '.recover' | sqlite3 {store}.recovered "
            "(keeps drafts and outbox), and move the recovered file in its place.")


def outbox_check(store: Path) -> Check:
    """Queued actions, held conflicts and failures, and saved drafts in the profile's cache."""
    if not store.exists():
        return Check("outbox", SKIP, "no cache yet")
    from supportterm.store.db import connect

    conn = connect(store, readonly=True)
    try:
        counts = dict(conn.execute("SELECT state, count(*) FROM outbox WHERE state != 'sent' GROUP BY state"))
        drafts = conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return Check("outbox", FAIL, f"the outbox cannot be read: {exc}", _recover(store))
    finally:
        conn.close()
    waiting = counts.get("queued", 0) + counts.get("sending", 0)
    held = counts.get("conflict", 0) + counts.get("failed", 0)
    detail = (f"{waiting} queued, {counts.get('conflict', 0)} conflict(s), {counts.get('failed', 0)} failed, "
              f"{drafts} draft(s) saved")
    if held:
        return Check("outbox", WARN, detail, "Open the app and press O: t retries, e edits, d cancels; on a "
                     "conflict, read the news in the ticket and press S to send anyway.")
    if waiting:
        return Check("outbox", OK, detail + " (sent at the next sync)")
    return Check("outbox", OK, detail)


LOG_TAIL_BYTES = 256 * 1024
"""How much of the end of the log is read for recent errors."""
RECENT = timedelta(hours=24)


def log_check(now: datetime | None = None) -> Check:
    """Where the log file is, that only you can read it, and the internal errors of the last day."""
    from supportterm.logs import log_path

    path = log_path()
    if not path.exists():
        return Check("log", OK, f"no log file yet; it will be {path}")
    if _loose(path, 0o600):
        return Check("log", FAIL, f"{path} is readable by others (it may quote tickets)", f"chmod 600 {path}")
    where = f"{path} ({path.stat().st_size // 1024} KB, 0600)"
    errors = recent_errors(path, (now or datetime.now()) - RECENT)
    if errors:
        return Check("log", WARN, f"{where}: {len(errors)} error(s) in the last 24 h, the last: {errors[-1]}",
                     f"Read {path}; attach it (secrets are masked) to a bug report if it is no link trouble.")
    return Check("log", OK, where)


def lexicon_check() -> Check:
    """Every politeness lexicon entry compiles (the checker compiles an entry only when a reply first
    needs it, so a team's broken edit would otherwise surface mid-reply as a checker error)."""
    from supportterm.politeness.validation import entry_count, validate

    errors = validate()
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return Check("lexicons", FAIL, f"{errors[0]}{more}",
                     "Fix the entry in that file; supportterm check --validate lists every one.")
    return Check("lexicons", OK, f"{entry_count():,} politeness lexicon entries compile")


def recent_errors(path: Path, since: datetime) -> list[str]:
    """ERROR and CRITICAL records logged after `since` (the log's own local timestamps)."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - LOG_TAIL_BYTES))
        lines = handle.read().decode("utf-8", errors="replace").splitlines()
    found = []
    for line in lines:
        parts = line.split(" ", 3)
        if len(parts) < 4 or parts[2] not in ("ERROR", "CRITICAL"):
            continue
        try:
            stamp = datetime.strptime(f"{parts[0]} {parts[1]}", "%Y-%m-%d %H:%M:%S,%f")
        except ValueError:
            continue
        if stamp >= since:
            found.append(parts[3][:200])
    return found
