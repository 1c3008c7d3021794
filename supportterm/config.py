"""Provides the settings: profiles (which helpdesk, which user) and a few app options.

Read from `config.toml` in the config folder (or `--config` / `SUPPORTTERM_CONFIG`) with tomllib.
Secrets are never here: tokens live in the OS keyring (see `store.secrets`).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from supportterm import paths
from supportterm.domain.query import parse
from supportterm.domain.views import DEFAULT_VIEWS, View
from supportterm.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Profile:
    """One helpdesk account the agent works in."""

    name: str
    backend: str
    """Entry-point name of the adapter ("demo", ...)."""
    url: str
    user: str | None = None
    options: dict[str, object] = field(default_factory=dict)
    """Adapter-specific keys, checked by the adapter."""
    verify_tls: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything read from config.toml."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    default_profile: str | None = None
    sync_interval_s: float = 30.0
    """Seconds between automatic syncs."""
    theme: str = "textual-dark"
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, e.g. {"ticket.reply": "r,ctrl+r"}; help shows the keys as remapped."""
    views: tuple[View, ...] = DEFAULT_VIEWS
    """Inbox views in order; `[[views]]` tables replace the built-in list."""
    prefetch: int = 10
    """Threads at the top of the inbox fetched before they are opened (0: none)."""
    auto_advance: bool = False
    """After sending a reply or changing status, open the next ticket of the view."""


_TOP_KEYS = {"default_profile", "profiles", "sync_interval_s", "theme", "keymap", "views", "prefetch",
             "auto_advance"}
_VIEW_KEYS = {"id", "title", "query", "awaiting_only"}
_PROFILE_KEYS = {"backend", "url", "user", "verify_tls"}


def config_path() -> Path:
    """Where config.toml is read from."""
    explicit = os.environ.get("SUPPORTTERM_CONFIG")
    return Path(explicit) if explicit else paths.config_dir() / "config.toml"


def _unknown(key: str, known: set[str], where: Path) -> ConfigError:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return ConfigError(f"{where}: unknown key '{key}'.{hint}")


def load_settings(path: Path | None = None) -> Settings:
    """Read and check config.toml; a missing file means defaults."""
    path = path or config_path()
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}).") from exc
    for key in data:
        if key not in _TOP_KEYS:
            raise _unknown(key, _TOP_KEYS, path)
    sections = data.get("profiles", {})
    if not isinstance(sections, dict) or not all(isinstance(v, dict) for v in sections.values()):
        raise ConfigError(f"{path}: 'profiles' must hold tables, one [profiles.NAME] per profile.")
    profiles = {name: _profile(name, raw, path) for name, raw in sections.items()}
    try:
        interval = float(data.get("sync_interval_s", 30.0))
    except (TypeError, ValueError):
        raise ConfigError(f"{path}: sync_interval_s must be a number of seconds.") from None
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        raise ConfigError(f'{path}: [keymap] maps binding ids to keys, e.g. "ticket.reply" = "r,ctrl+r".')
    return Settings(
        profiles=profiles,
        default_profile=data.get("default_profile"),
        sync_interval_s=interval,
        theme=str(data.get("theme", "textual-dark")),
        keymap=dict(keymap),
        views=_views(data.get("views"), path),
        prefetch=int(data.get("prefetch", 10)),
        auto_advance=bool(data.get("auto_advance", False)),
    )


def _views(raw: object, path: Path) -> tuple[View, ...]:
    if raw is None:
        return DEFAULT_VIEWS
    if not isinstance(raw, list) or not raw or not all(isinstance(v, dict) for v in raw):
        raise ConfigError(f"{path}: views must be [[views]] tables with id, title and query.")
    out = []
    for index, item in enumerate(raw):
        for key in item:
            if key not in _VIEW_KEYS:
                raise _unknown(f"views[{index}].{key}", {f"views[{index}].{k}" for k in _VIEW_KEYS}, path)
        if not isinstance(item.get("id"), str) or not isinstance(item.get("title"), str):
            raise ConfigError(f"{path}: views[{index}] needs an id and a title.")
        problems = parse(str(item.get("query", ""))).problems
        if problems:
            raise ConfigError(f"{path}: views[{index}].query: {'; '.join(problems)}.")
        out.append(View(item["id"], item["title"], str(item.get("query", "")), bool(item.get("awaiting_only"))))
    return tuple(out)


def _profile(name: str, raw: dict[str, object], path: Path) -> Profile:
    for key in ("backend", "url"):
        if not isinstance(raw.get(key), str):
            raise ConfigError(f"{path}: profiles.{name}.{key} is required (a string).")
    options = {k: v for k, v in raw.items() if k not in _PROFILE_KEYS}
    return Profile(
        name=name, backend=str(raw["backend"]), url=str(raw["url"]),
        user=str(raw["user"]) if raw.get("user") else None, options=options,
        verify_tls=bool(raw.get("verify_tls", True)),
    )
