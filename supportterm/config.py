"""Provides the settings: profiles (which helpdesk, which user) and the app's options.

Read from `config.toml` in the config folder (or `--config` / `SUPPORTTERM_CONFIG`) with tomllib, then
overridden by environment variables (`ENV_OVERRIDES`; env beats file). Secrets are never here: tokens
live in the OS keyring (see `store.secrets`). Every key is documented in docs/config.md, and
tests/unit/test_config_docs.py keeps that page and `accepted_keys()` equal.

`check_settings` collects every problem (file, key, message, suggestion) for `supportterm config
validate`; `load_settings` raises the first error, which is what the app and the other commands want.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from supportterm import paths
from supportterm.domain.query import parse
from supportterm.domain.views import DEFAULT_VIEWS, View
from supportterm.errors import ConfigError
from supportterm.i18n import UI_LANGUAGE_CHOICES
from supportterm.sla_settings import ShiftSettings, SlaSettings, read_shift, read_sla
from supportterm.sla_settings import accepted_keys as sla_keys

KEYMAP_PRESETS = ("default", "vim")
AUTO_THEME = "auto"
"""The theme when none is chosen: supportterm-dark, or supportterm-16 on 16-colour terminals (ui/theming)."""
SECRET_WORDS = ("token", "password", "secret", "api_key", "apikey", "passwd")
"""Profile option names that look like credentials: refused in config.toml, hidden by `config show`."""


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
    """Everything read from config.toml and the environment."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    default_profile: str | None = None
    sync_interval_s: float = 30.0
    """Seconds between automatic syncs."""
    theme: str = AUTO_THEME
    """A shipped theme, a user theme from `<config dir>/themes/`, a Textual built-in, or "auto"."""
    mouse: bool = True
    """Whether the app takes the mouse (clicks, wheel); false leaves it to the terminal (select, scroll)."""
    ui_language: str = "auto"
    """The app's own labels: "en", "ru", "az", or "auto" (SUPPORTTERM_LANG, then the locale); i18n.py."""
    keymap_preset: str = "default"
    """"default" or "vim"; `keymap` entries are applied over the preset."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, e.g. {"ticket.reply": "r,ctrl+r"}; help shows the keys as remapped."""
    views: tuple[View, ...] = DEFAULT_VIEWS
    """Inbox views in order; `[[views]]` tables replace the built-in list."""
    prefetch: int = 10
    """Threads at the top of the inbox fetched before they are opened (0: none)."""
    auto_advance: bool = False
    """After sending a reply or changing status, open the next ticket of the view."""
    columns: tuple[str, ...] = ()
    """Inbox columns in order, each "key" or "key:width" (empty: the built-in layout)."""
    sla: SlaSettings = field(default_factory=SlaSettings)
    """`[sla]`: local SLA policy and breach warnings (sla_settings.py)."""
    shift: ShiftSettings = field(default_factory=ShiftSettings)
    """`[shift]`: hand-off ticket and availability."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the settings, said so the user can fix it without reading code."""

    file: str
    """The config file, or "environment" for an env override."""
    key: str
    """Dotted key (`profiles.work.url`, `views[0].query`) or the variable's name."""
    message: str
    suggestion: str = ""
    severity: str = "error"
    """"error" stops the app; "warning" is reported and the value ignored."""

    def __str__(self) -> str:
        hint = f" {self.suggestion}" if self.suggestion else ""
        where = f"{self.file}: {self.key}" if self.key else self.file
        return f"{where}: {self.message}.{hint}"


_TOP_KEYS = {"default_profile", "profiles", "sync_interval_s", "theme", "keymap_preset", "keymap", "views",
             "prefetch", "ui_language", "auto_advance", "columns", "sla", "shift", "mouse"}
_VIEW_KEYS = {"id", "title", "query", "awaiting_only", "sla_risk", "follow_ups"}
_PROFILE_KEYS = {"backend", "url", "user", "verify_tls"}

ENV_OVERRIDES: dict[str, str] = {
    "SUPPORTTERM_THEME": "theme",
    "SUPPORTTERM_PROFILE": "default_profile",
    "SUPPORTTERM_KEYMAP_PRESET": "keymap_preset",
    "SUPPORTTERM_SYNC_INTERVAL_S": "sync_interval_s",
    "SUPPORTTERM_PREFETCH": "prefetch",
    "SUPPORTTERM_AUTO_ADVANCE": "auto_advance",
    "SUPPORTTERM_MOUSE": "mouse",
}
"""Environment variable -> the top-level key it overrides."""


INBOX_COLUMNS = ("flag", "priority", "due", "status", "channel", "language", "customer", "subject", "age",
                 "assignee", "id")
"""Column names `columns` accepts (the inbox's catalogue, ui/widgets/ticket_row.py, has the same)."""


def accepted_keys() -> set[str]:
    """Every key config.toml accepts, as docs/config.md names them (NAME and ID are placeholders)."""
    return (
        (_TOP_KEYS - {"profiles", "views", "keymap", "sla", "shift"})
        | sla_keys()
        | {f"profiles.NAME.{key}" for key in _PROFILE_KEYS}
        | {f"views.{key}" for key in _VIEW_KEYS}
        | {"keymap.ID"}
    )


def config_path() -> Path:
    """Where config.toml is read from."""
    explicit = os.environ.get("SUPPORTTERM_CONFIG")
    return Path(explicit) if explicit else paths.config_dir() / "config.toml"


def suggest(key: str, known: set[str] | tuple[str, ...]) -> str:
    """ "Did you mean 'x'?" for the closest known name, or nothing."""
    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"Did you mean '{close[0]}'?" if close else ""


def load_settings(path: Path | None = None) -> Settings:
    """Read and check config.toml and the environment; a missing file means defaults.

    Raises:
        ConfigError: the first error, naming the file, the key and the fix.
    """
    settings, problems = check_settings(path)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ConfigError(str(errors[0]))
    return settings


def check_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """The effective settings and every problem found (defaults stand in for bad values)."""
    path = path or config_path()
    problems: list[Problem] = []
    data: dict[str, object] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), "", f"not valid TOML ({exc})", "Fix the line it names."))
            return _with_env(Settings(), problems), problems
    reader = _Reader(str(path), problems)
    settings = reader.settings(data)
    return _with_env(settings, problems), problems


class _Reader:
    """Turns the parsed TOML into Settings, noting a Problem for each bad value."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file, self.problems = file, problems

    def note(self, key: str, message: str, suggestion: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(self.file, key, message, suggestion, severity))

    def settings(self, data: dict[str, object]) -> Settings:
        for key in data:
            if key not in _TOP_KEYS:
                hint = suggest(key, _TOP_KEYS) or "docs/config.md lists every key."
                self.note(key, f"unknown key '{key}'", hint)
        defaults = Settings()
        return Settings(
            profiles=self.profiles(data.get("profiles", {})),
            default_profile=self.text(data, "default_profile", None),
            sync_interval_s=self.number(data, "sync_interval_s", defaults.sync_interval_s, float),
            theme=self.text(data, "theme", defaults.theme) or defaults.theme,
            ui_language=self.language(data.get("ui_language", defaults.ui_language)),
            keymap_preset=self.preset(data.get("keymap_preset", defaults.keymap_preset)),
            keymap=self.keymap(data.get("keymap", {})),
            views=self.views(data.get("views")),
            prefetch=int(self.number(data, "prefetch", defaults.prefetch, int)),
            auto_advance=self.flag(data, "auto_advance", defaults.auto_advance),
            mouse=self.flag(data, "mouse", defaults.mouse),
            columns=self.columns(data.get("columns", [])),
            sla=read_sla(data.get("sla"), self.note),
            shift=read_shift(data.get("shift"), self.note),
        )

    def text(self, data: dict[str, object], key: str, default: str | None) -> str | None:
        value = data.get(key, default)
        if value is not None and not isinstance(value, str):
            self.note(key, f"must be a string, not {value!r}", f'e.g. {key} = "{default or "work"}"')
            return default
        return value

    def number(
        self, data: dict[str, object], key: str, default: float, kind: Callable[[object], float]
    ) -> float:
        value = data.get(key, default)
        try:
            if isinstance(value, bool):
                raise ValueError(value)
            number = kind(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            self.note(key, f"must be a number, not {value!r}", f"e.g. {key} = {default:g}")
            return default
        if number < 0:
            self.note(key, "must not be negative", f"e.g. {key} = {default:g}")
            return default
        return number

    def flag(self, data: dict[str, object], key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.note(key, f"must be true or false, not {value!r}", f"e.g. {key} = {str(default).lower()}")
            return default
        return value

    def columns(self, raw: object) -> tuple[str, ...]:
        example = 'e.g. columns = ["priority", "due", "status", "customer:24", "subject", "id"]'
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            self.note("columns", "must be a list of column names", example)
            return ()
        for entry in raw:
            key, _, width = entry.partition(":")
            if key not in INBOX_COLUMNS:
                self.note("columns", f"unknown column {key!r}",
                          suggest(key, INBOX_COLUMNS) or f"Columns: {', '.join(INBOX_COLUMNS)}.")
                return ()
            if width and not (width.isdigit() and 0 < int(width) <= 200):
                self.note("columns", f"width of {key!r} must be 1-200, not {width!r}", example)
                return ()
        if raw and "subject" not in [e.partition(":")[0] for e in raw]:
            self.note("columns", "the subject column is missing", example)
            return ()
        return tuple(raw)

    def preset(self, value: object) -> str:
        if value not in KEYMAP_PRESETS:
            self.note("keymap_preset", f"unknown preset {value!r}",
                      suggest(str(value), KEYMAP_PRESETS) or f"Use one of: {', '.join(KEYMAP_PRESETS)}.")
            return "default"
        return str(value)

    def language(self, value: object) -> str:
        if value not in UI_LANGUAGE_CHOICES:
            self.note("ui_language", f"unknown language {value!r}",
                      suggest(str(value), UI_LANGUAGE_CHOICES)
                      or f"Use one of: {', '.join(UI_LANGUAGE_CHOICES)}.")
            return "auto"
        return str(value)

    def keymap(self, raw: object) -> dict[str, str]:
        if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
            self.note("keymap", "[keymap] maps binding ids to keys", 'e.g. "ticket.reply" = "r,ctrl+r".')
            return {}
        return dict(raw)

    def profiles(self, sections: object) -> dict[str, Profile]:
        if not isinstance(sections, dict) or not all(isinstance(v, dict) for v in sections.values()):
            self.note("profiles", "'profiles' must hold tables",
                      "Write one [profiles.NAME] section per profile.")
            return {}
        found = {}
        for name, raw in sections.items():
            profile = self.profile(name, raw)
            if profile is not None:
                found[name] = profile
        return found

    def profile(self, name: str, raw: dict[str, object]) -> Profile | None:
        ok = True
        for key in ("backend", "url"):
            if not isinstance(raw.get(key), str):
                self.note(f"profiles.{name}.{key}", f"profiles.{name}.{key} is required (a string)",
                          'e.g. backend = "demo", url = "https://help.example.com"')
                ok = False
        for key in raw:
            if any(word in key.lower() for word in SECRET_WORDS):
                self.note(f"profiles.{name}.{key}", "looks like a secret; secrets never go in config.toml",
                          "Remove it: the token is asked for once and kept in the OS keyring.")
                ok = False
        if not ok:
            return None
        options = {k: v for k, v in raw.items() if k not in _PROFILE_KEYS}
        return Profile(
            name=name, backend=str(raw["backend"]), url=str(raw["url"]),
            user=str(raw["user"]) if raw.get("user") else None, options=options,
            verify_tls=bool(raw.get("verify_tls", True)),
        )

    def views(self, raw: object) -> tuple[View, ...]:
        if raw is None:
            return DEFAULT_VIEWS
        if not isinstance(raw, list) or not raw or not all(isinstance(v, dict) for v in raw):
            self.note("views", "views must be [[views]] tables with id, title and query",
                      'e.g. [[views]] id = "urgent" title = "Urgent" query = "priority:urgent"')
            return DEFAULT_VIEWS
        out = [view for index, item in enumerate(raw) if (view := self.view(index, item)) is not None]
        return tuple(out) or DEFAULT_VIEWS

    def view(self, index: int, item: dict[str, object]) -> View | None:
        where = f"views[{index}]"
        for key in item:
            if key not in _VIEW_KEYS:
                self.note(f"{where}.{key}", f"unknown key '{where}.{key}'",
                          suggest(f"{where}.{key}", {f"{where}.{k}" for k in _VIEW_KEYS}))
        if not isinstance(item.get("id"), str) or not isinstance(item.get("title"), str):
            self.note(where, f"{where} needs an id and a title", 'e.g. id = "mine", title = "Mine"')
            return None
        problems = parse(str(item.get("query", ""))).problems
        if problems:
            self.note(f"{where}.query", f"{where}.query: {'; '.join(problems)}", "See docs/config.md, views.")
            return None
        return View(item["id"], item["title"], str(item.get("query", "")), bool(item.get("awaiting_only")),
                    sla_risk=bool(item.get("sla_risk")), follow_ups=bool(item.get("follow_ups")))


def _with_env(settings: Settings, problems: list[Problem]) -> Settings:
    """Apply `ENV_OVERRIDES` present in the environment (env beats file)."""
    raw = {key: os.environ[name] for name, key in ENV_OVERRIDES.items() if os.environ.get(name)}
    if not raw:
        return settings
    env_problems: list[Problem] = []
    reader = _Reader("environment", env_problems)
    data: dict[str, object] = dict(raw)
    for key in ("sync_interval_s", "prefetch"):
        if key in data:
            kind = float if key == "sync_interval_s" else int
            data[key] = reader.number(data, key, getattr(settings, key), kind)
    for key in ("auto_advance", "mouse"):
        if key not in data:
            continue
        value = str(data[key]).lower()
        if value not in ("1", "0", "true", "false", "yes", "no"):
            reader.note(key, f"must be 1/0 or true/false, not {value!r}", f"e.g. SUPPORTTERM_{key.upper()}=1")
            data.pop(key)
        else:
            data[key] = value in ("1", "true", "yes")
    if "keymap_preset" in data:
        data["keymap_preset"] = reader.preset(data["keymap_preset"])
    names = {key: name for name, key in ENV_OVERRIDES.items()}
    problems.extend(Problem(p.file, names.get(p.key, p.key), p.message, p.suggestion, p.severity)
                    for p in env_problems)
    from dataclasses import replace

    return replace(settings, **data)  # type: ignore[arg-type]
