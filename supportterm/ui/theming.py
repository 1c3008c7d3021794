"""Provides the glue between theme files and the running app: Textual themes, ANSI palettes, defaults.

`install_themes` registers every theme and picks the one to start with; `choose_theme` decides what
`theme = "auto"` means on the terminal at hand (`fit_terminal` applies it once a real terminal is
attached); `use_palette` gives the ANSI palette of a theme (how "red" in a ticket row looks);
`app_defaults` fills the app's own
variables for themes that do not define them (Textual's built-ins, users' minimal files), computed
from the current theme because Textual cannot parse a default that refers to another variable.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from rich.terminal_theme import TerminalTheme
from textual.theme import Theme

from supportterm.ui.contrast import best_text_on, blend
from supportterm.ui.themes import (
    DEFAULT_THEME,
    NO_COLOR_THEME,
    PALETTE_ALL,
    ThemeProblem,
    ThemeSpec,
    all_themes,
)

if TYPE_CHECKING:
    from textual.app import App


def no_color() -> bool:
    """Whether the user asked for no colour (https://no-color.org).

    Set at all counts, as Textual counts it. The app then asks Textual for native ANSI colours, so
    Textual strips them (its NoColor filter) instead of greying truecolour: Textual 8.2.8's
    Monochrome filter fails on unstyled segments.
    """
    return os.environ.get("NO_COLOR") is not None


AUTO_THEME = "auto"
"""The configured theme when the user chose none: the default, or the ANSI theme on a 16-colour terminal."""
FEW_COLOUR_SYSTEMS = frozenset({"standard", "windows", None})
"""Rich's colour systems (from TERM/COLORTERM) where truecolour themes are rounded to 16 colours or none."""


def choose_theme(wanted: str | None, colour_system: str | None, no_colour: bool) -> str:
    """The theme to draw with.

    NO_COLOR beats everything; a theme the user named is kept; "auto" (or nothing) is the default
    theme, except on terminals with 16 colours or fewer, where Rich would round the truecolour
    themes' shades to whatever ANSI colour is nearest (panels and text merge), so the ANSI theme,
    drawn by the terminal's own palette, reads better.

    Args:
        wanted: The configured theme (`theme`, `SUPPORTTERM_THEME` or `--theme`).
        colour_system: Rich's detected colour system: "truecolor", "256", "standard", "windows" or None.
        no_colour: Whether NO_COLOR is set.
    """
    if no_colour:
        return NO_COLOR_THEME
    if wanted and wanted != AUTO_THEME:
        return wanted
    return NO_COLOR_THEME if colour_system in FEW_COLOUR_SYSTEMS else DEFAULT_THEME


def textual_theme(spec: ThemeSpec) -> Theme:
    """The Textual theme of a theme file."""
    return Theme(name=spec.name, dark=spec.dark, ansi=spec.ansi, variables=dict(spec.variables),
                 **spec.colors)


def terminal_theme(spec: ThemeSpec) -> TerminalTheme | None:
    """The ANSI palette of a truecolour theme as Rich wants it (None for ANSI themes)."""
    if spec.ansi or not spec.palette:
        return None
    from supportterm.ui.contrast import rgb

    colours = [rgb(spec.palette[name]) for name in PALETTE_ALL]
    background = rgb(spec.colors.get("background", spec.palette["black"]))
    foreground = rgb(spec.colors.get("foreground", spec.palette["white"]))
    return TerminalTheme(background, foreground, colours[:8], colours[8:])


class ThemeBook:
    """The themes read at start-up, with their palettes, for the app's lifetime."""

    def __init__(self, specs: list[ThemeSpec], problems: list[ThemeProblem]) -> None:
        self.specs = {spec.name: spec for spec in specs}
        self.problems = problems
        self.palettes = {name: p for name, spec in self.specs.items() if (p := terminal_theme(spec))}

    @classmethod
    def load(cls) -> ThemeBook:
        """Built-in and user themes."""
        return cls(*all_themes())


def install_themes(app: App[object], wanted: str | None, book: ThemeBook | None = None) -> list[str]:
    """Register every theme and switch to `wanted` (NO_COLOR picks the ANSI theme).

    Returns:
        Problems to show the user once (broken user theme files, an unknown theme name).
    """
    book = book or ThemeBook.load()
    app.supportterm_themes = book  # type: ignore[attr-defined]
    for spec in book.specs.values():
        app.register_theme(textual_theme(spec))
    messages = [str(problem) for problem in book.problems]
    name = choose_theme(wanted, "truecolor", no_color())  # the terminal is known later: fit_terminal
    if name not in app.available_themes:
        # Textual's own default stands in if even the shipped themes are missing (a broken install).
        fallback = DEFAULT_THEME if DEFAULT_THEME in app.available_themes else "textual-dark"
        messages.append(f"theme {name!r} is not known; using {fallback}. "
                        "'supportterm themes' lists the themes.")
        name = fallback
    if app.is_running or app.theme == name:
        use_palette(app, name, quiet=app.theme != name)
        app.theme = name
    else:
        start_with(app, name)
    return messages


def start_with(app: App[object], name: str) -> None:
    """Make `name` the theme of an app that has not started: nothing is styled yet, so the stylesheet
    only needs the theme's variables, the app its theme classes and ANSI palette.

    Setting `App.theme` would also queue a full CSS re-parse and restyle (~5-9 ms of every start-up)
    for a stylesheet that has not been parsed once. Does what Textual 8.2.8's theme watcher does
    otherwise (classes, the ANSI-to-truecolour filter); the theme snapshots check the result.
    """
    from textual.app import App as TextualApp

    app.set_reactive(TextualApp.theme, name)
    use_palette(app, name, quiet=True)
    dark = app.current_theme.dark
    classes = {cls: False for cls in app.classes if cls.startswith("-theme-")}
    classes.update({f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark})
    app.update_classes(classes, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)  # noqa: SLF001 - as the theme watcher does
    app.stylesheet.set_variables(app.get_css_variables())


def fit_terminal(app: App[object], wanted: str | None) -> None:
    """Switch an "auto" theme to the ANSI one when the real terminal has 16 colours or fewer.

    Called once the app runs in a terminal (not headless: tests and screenshots draw truecolour
    whatever TERM says). Rich reads TERM and COLORTERM when the app's console is made.
    """
    name = choose_theme(wanted, app.console.color_system, no_color())
    if name != app.theme and name in app.available_themes and (wanted or AUTO_THEME) == AUTO_THEME:
        app.theme = name


def use_palette(app: App[object], name: str, *, quiet: bool = False) -> None:
    """Draw ANSI colours (ticket rows, status, findings) with the theme's palette, if it has one.

    `quiet` sets the palette without Textual's watcher, for a theme about to be switched to: the
    theme's own change then refreshes the CSS once for both (each refresh re-parses the stylesheet,
    about 5 ms at start-up).
    """
    book: ThemeBook | None = getattr(app, "supportterm_themes", None)
    theme = app.get_theme(name)
    dark = theme is None or theme.dark
    palette = book.palettes.get(name) if book else None
    if palette is None:
        from textual._ansi_theme import ALABASTER, MONOKAI  # Textual's own defaults, for its themes

        palette = MONOKAI if dark else ALABASTER
    field = "ansi_theme_dark" if dark else "ansi_theme_light"
    if quiet:
        app.set_reactive(getattr(type(app), field), palette)
    else:
        setattr(app, field, palette)


def app_defaults(theme: Theme) -> dict[str, str]:
    """Values of the app's own variables for a theme that does not set them."""
    if theme.ansi:
        return {
            "label-reply-background": "ansi_green", "label-reply-foreground": "ansi_black",
            "label-note-background": "ansi_yellow", "label-note-foreground": "ansi_black",
            "note-background": "ansi_default", "banner-background": "ansi_red",
            "banner-foreground": "ansi_bright_white",
        }
    background = _hex(theme.background, "#121212" if theme.dark else "#efefef")
    success = _hex(theme.success, "#4ebf71")
    warning = _hex(theme.warning, "#ffa62b")
    error = _hex(theme.error, "#ba3c5b")
    reply, note, banner = (blend(background, c, 0.45) for c in (success, warning, error))
    return {
        "label-reply-background": reply, "label-reply-foreground": best_text_on(reply),
        "label-note-background": note, "label-note-foreground": best_text_on(note),
        "note-background": blend(background, warning, 0.08),
        "banner-background": banner, "banner-foreground": best_text_on(banner),
    }


def _hex(value: str | None, fallback: str) -> str:
    """A theme colour as "#rrggbb" (Textual themes may use names or rgb())."""
    if not value:
        return fallback
    from textual.color import Color, ColorParseError

    try:
        return Color.parse(value).hex6
    except ColorParseError:
        return fallback
