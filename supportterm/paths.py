"""Provides where supportterm keeps config, data, cache and logs.

`SUPPORTTERM_HOME=DIR` puts everything under DIR (tests, benchmarks, portable use); otherwise the
platformdirs locations of the OS are used. Drafts and the outbox live in the data folder, never the
cache folder, because a cache may be wiped.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "supportterm"


def _home() -> Path | None:
    value = os.environ.get("SUPPORTTERM_HOME")
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir() -> Path:
    """Folder of config.toml, user themes and canned replies."""
    home = _home()
    if home is not None:
        return _ensure(home / "config")
    import platformdirs

    return _ensure(platformdirs.user_config_path(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Folder of the local store (tickets, outbox, drafts): things that must survive."""
    home = _home()
    if home is not None:
        return _ensure(home / "data")
    import platformdirs

    return _ensure(platformdirs.user_data_path(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Folder of things rebuilt when missing (compiled code, see gencache): safe to wipe."""
    home = _home()
    if home is not None:
        return _ensure(home / "cache")
    import platformdirs

    return _ensure(platformdirs.user_cache_path(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Folder of the rotated log file."""
    home = _home()
    if home is not None:
        return _ensure(home / "logs")
    import platformdirs

    return _ensure(platformdirs.user_log_path(APP_NAME, appauthor=False))


def downloads_dir() -> Path:
    """Folder attachments are saved to: `SUPPORTTERM_DOWNLOADS`, else `<SUPPORTTERM_HOME>/downloads`,
    else the user's Downloads folder (platformdirs)."""
    explicit = os.environ.get("SUPPORTTERM_DOWNLOADS")
    home = _home()
    if explicit:
        folder = Path(explicit).expanduser()
    elif home is not None:
        folder = home / "downloads"
    else:
        import platformdirs

        folder = platformdirs.user_downloads_path()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_path(profile: str) -> Path:
    """The SQLite file holding one profile's cache, outbox and drafts."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in profile) or "default"
    return data_dir() / f"{safe}.sqlite3"
