"""Provides the themes: shipped TOML files and the user's own, read into Textual themes.

Built-in themes live in the repository's top-level `themes/` folder; the wheel carries them as
`supportterm/_themes` (hatch force-include). An editable install leaves that copy in site-packages
while the package imports from the source tree, so the loader also looks beside the source
(STYLE Part 2, fact 9). User themes are `<config dir>/themes/*.toml` in the same format; a user theme
with a built-in's name replaces it. Every problem names the file and the key.

A theme file has `name`, `description`, `dark`, optional `ansi`, a `[colors]` table (Textual's theme
colours; only `primary` is required), `[variables]` (Textual and app variables, see `APP_VARIABLES`)
and an optional `[palette]` of the 16 ANSI colours: ticket rows, the status bar and the checker's
findings use ANSI colour names, and the palette decides how those look in this theme (Textual's
ANSI-to-truecolour filter; without a palette, Textual's default one for dark or light themes).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_THEME = "supportterm-dark"
NO_COLOR_THEME = "supportterm-16"
"""Chosen when NO_COLOR is set: Textual then strips its ANSI colours and keeps bold and reverse."""

COLOR_KEYS = ("primary", "secondary", "accent", "warning", "error", "success", "foreground", "background",
              "surface", "panel", "boost")
REQUIRED_COLORS = ("primary",)
PALETTE_KEYS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
PALETTE_ALL = PALETTE_KEYS + tuple(f"bright_{name}" for name in PALETTE_KEYS)
TOP_KEYS = ("name", "description", "dark", "ansi", "colors", "variables", "palette")
APP_VARIABLES = ("label-reply-background", "label-reply-foreground", "label-note-background",
                 "label-note-foreground", "note-background", "banner-background", "banner-foreground")
"""Variables app.tcss uses beyond Textual's own; themes that lack them get defaults (`app_defaults`)."""


@dataclass(frozen=True, slots=True)
class ThemeProblem:
    """Why a theme file could not be used."""

    file: Path
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else str(self.file)
        return f"{where}: {self.message}"


class ThemeFileError(ValueError):
    """A theme file that cannot be used; carries the problem."""

    def __init__(self, problem: ThemeProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ThemeSpec:
    """One theme as read from its file."""

    name: str
    source: Path
    description: str = ""
    dark: bool = True
    ansi: bool = False
    """Colours are ANSI names drawn by the terminal's own palette (16-colour terminals)."""
    colors: dict[str, str] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    palette: dict[str, str] = field(default_factory=dict)
    """ANSI colour name -> "#rrggbb"; empty for ANSI themes."""


def builtin_theme_dirs() -> list[Path]:
    """Where the shipped themes may be: inside the installed package, then beside the source tree."""
    found = []
    packaged = Path(__file__).resolve().parents[1] / "_themes"  # supportterm/_themes, as packaged
    if packaged.is_dir():
        found.append(packaged)
    source = Path(__file__).resolve().parents[2] / "themes"
    if source.is_dir():
        found.append(source)
    return found


def user_theme_dir() -> Path:
    """The folder of the user's own theme files: `themes/` beside config.toml."""
    from supportterm.config import config_path

    return config_path().parent / "themes"


def read_theme(path: Path) -> ThemeSpec:
    """Read and check one theme file.

    Raises:
        ThemeFileError: naming the file and the key at fault.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ThemeFileError(ThemeProblem(path, "", f"not readable TOML ({exc})")) from exc
    for key in data:
        if key not in TOP_KEYS:
            raise _error(path, key, f"unknown key{_did_you_mean(key, TOP_KEYS)}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or name != name.strip().lower().replace(" ", "-"):
        raise _error(path, "name", 'required: a lower-case name without spaces, e.g. name = "my-dark"')
    for flag in ("dark", "ansi"):
        if not isinstance(data.get(flag, False), bool):
            raise _error(path, flag, "must be true or false")
    ansi = bool(data.get("ansi", False))
    colors = _table(path, data, "colors", COLOR_KEYS)
    for key in REQUIRED_COLORS:
        if key not in colors:
            raise _error(path, f"colors.{key}", "required")
    for key, value in colors.items():
        _check_colour(path, f"colors.{key}", value, ansi=ansi)
    variables = _table(path, data, "variables", None)
    for key, value in variables.items():
        if _is_colour_variable(key):
            _check_colour(path, f"variables.{key}", value, ansi=ansi, allow_css=True)
    palette = _table(path, data, "palette", PALETTE_ALL)
    if not ansi:
        missing = [key for key in PALETTE_ALL if key not in palette]
        if palette and missing:  # none at all means Textual's default palette
            raise _error(path, f"palette.{missing[0]}", "all 16 ANSI colours or none, as \"#rrggbb\"")
        for key, value in palette.items():
            _check_colour(path, f"palette.{key}", value, ansi=False)
    elif palette:
        raise _error(path, "palette", "an ANSI theme uses the terminal's palette; remove [palette]")
    return ThemeSpec(name=name, source=path, description=str(data.get("description", "")),
                     dark=bool(data.get("dark", True)), ansi=ansi, colors=colors, variables=variables,
                     palette=palette)


def _table(path: Path, data: dict[str, object], key: str, allowed: tuple[str, ...] | None) -> dict[str, str]:
    raw = data.get(key, {})
    if not isinstance(raw, dict):
        raise _error(path, key, f"must be a table: [{key}]")
    for name, value in raw.items():
        if allowed is not None and name not in allowed:
            raise _error(path, f"{key}.{name}", f"unknown key{_did_you_mean(name, allowed)}")
        if not isinstance(value, str):
            raise _error(path, f"{key}.{name}", 'must be a string, e.g. "#1f5fa8"')
    return dict(raw)


def _is_colour_variable(key: str) -> bool:
    return key.endswith(("background", "foreground", "color", "-muted")) or key in APP_VARIABLES


def _check_colour(path: Path, key: str, value: str, *, ansi: bool, allow_css: bool = False) -> None:
    """Truecolour themes use "#rrggbb" (so contrast can be computed); ANSI themes use ANSI names."""
    from textual.color import Color, ColorParseError

    if ansi:
        if not (value.startswith("ansi_") or (allow_css and value == "transparent")):
            raise _error(path, key, f"{value!r}: an ANSI theme uses ANSI names, e.g. \"ansi_bright_red\"")
        try:
            Color.parse(value)
        except ColorParseError:
            raise _error(path, key, f"{value!r} is not an ANSI colour name") from None
        return
    from supportterm.ui.contrast import rgb

    try:
        rgb(value)
        if not value.startswith("#"):
            raise ValueError(value)
    except ValueError:
        raise _error(path, key, f'{value!r} is not a colour; write it as "#rrggbb"') from None


def _error(path: Path, key: str, message: str) -> ThemeFileError:
    return ThemeFileError(ThemeProblem(path, key, message))


def _did_you_mean(key: str, known: tuple[str, ...]) -> str:
    import difflib

    close = difflib.get_close_matches(key, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(known)}"


def read_theme_dir(folder: Path) -> tuple[list[ThemeSpec], list[ThemeProblem]]:
    """Every `*.toml` of a folder, in name order: the themes read and the problems of the others."""
    loaded: list[ThemeSpec] = []
    failed: list[ThemeProblem] = []
    if not folder.is_dir():
        return loaded, failed
    for path in sorted(folder.glob("*.toml")):
        try:
            loaded.append(read_theme(path))
        except ThemeFileError as exc:
            failed.append(exc.problem)
    return loaded, failed


def builtin_themes() -> list[ThemeSpec]:
    """The shipped themes (the first folder found that holds them)."""
    for folder in builtin_theme_dirs():
        loaded, failed = read_theme_dir(folder)
        if failed:  # a broken shipped theme is a packaging bug, not a user mistake
            raise ThemeFileError(failed[0])
        if loaded:
            return loaded
    return []


def all_themes(user_dir: Path | None = None) -> tuple[list[ThemeSpec], list[ThemeProblem]]:
    """Built-in themes then the user's (a user theme replaces a built-in of the same name)."""
    by_name = {spec.name: spec for spec in builtin_themes()}
    users, failed = read_theme_dir(user_dir if user_dir is not None else user_theme_dir())
    for spec in users:
        by_name[spec.name] = spec
    return list(by_name.values()), failed
