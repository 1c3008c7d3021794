"""Provides the readability check of a theme: every text colour against every background it is drawn on.

Used by the theme tests and by `supportterm themes --check` (so a user can check their own file).
The pairs mirror where the app draws text: the body text, muted text and the theme colours used as
text (border titles, the shift bar, footer keys) on the background, surface and panel; the ANSI
colours of ticket rows, status and findings (through the theme's palette) on the same; and each
label bar (reply, internal note, banner, cursor) with its own foreground.

ANSI themes are drawn by the terminal's own palette, which no file can know; they are measured
against xterm's default palette on black as a reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.constants import DIM_FACTOR

from supportterm.ui.contrast import AA_NORMAL_TEXT, blend, contrast_ratio
from supportterm.ui.themes import ThemeSpec

TEXT_COLOURS = ("foreground", "primary", "accent", "warning", "error", "success")
TEXT_VARIABLES = ("text-muted", "footer-key-foreground")
PALETTE_TEXT = ("red", "green", "yellow", "blue", "magenta", "cyan")
"""ANSI colours the widgets use for text (cells, status bar, outbox states, findings). A breached SLA
is drawn in reverse (the row's background on red), which is the same pair as red text."""
LABELS = (("label-reply-foreground", "label-reply-background"),
          ("label-note-foreground", "label-note-background"),
          ("banner-foreground", "banner-background"),
          ("block-cursor-foreground", "block-cursor-background"),
          ("foreground", "note-background"))

XTERM = {
    "ansi_black": "#000000", "ansi_red": "#cd0000", "ansi_green": "#00cd00", "ansi_yellow": "#cdcd00",
    "ansi_blue": "#0000ee", "ansi_magenta": "#cd00cd", "ansi_cyan": "#00cdcd", "ansi_white": "#e5e5e5",
    "ansi_bright_black": "#7f7f7f", "ansi_bright_red": "#ff0000", "ansi_bright_green": "#00ff00",
    "ansi_bright_yellow": "#ffff00", "ansi_bright_blue": "#5c5cff", "ansi_bright_magenta": "#ff00ff",
    "ansi_bright_cyan": "#00ffff", "ansi_bright_white": "#ffffff",
}
"""xterm's default 16 colours: the reference terminal for ANSI themes."""
XTERM_DEFAULT_FG, XTERM_DEFAULT_BG = "#e5e5e5", "#000000"


@dataclass(frozen=True, slots=True)
class Pair:
    """Text of one colour drawn on another, and how readable it is."""

    what: str
    foreground: str
    background: str

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)


def _resolver(spec: ThemeSpec):  # type: ignore[no-untyped-def]
    """Name -> "#rrggbb" for this theme: its file first, then what Textual and the app fill in for
    what the file leaves out (so a minimal user theme is measured as it is drawn); ANSI names
    through xterm's palette."""
    from supportterm.ui.theming import app_defaults, textual_theme

    theme = textual_theme(spec)
    filled = {**theme.to_color_system().generate(), **app_defaults(theme)}

    def resolve(name: str, *, background: bool = False) -> str | None:
        value = spec.variables.get(name) or spec.colors.get(name)
        if value is None and not spec.ansi and filled.get(name, "").startswith("#"):
            value = filled[name][:7]
        if name == "foreground" and value is None and spec.ansi:
            value = "ansi_default"
        if value is None:
            return None
        if value == "ansi_default":
            return XTERM_DEFAULT_BG if background else XTERM_DEFAULT_FG
        return XTERM.get(value, value) if spec.ansi else value
    return resolve


def text_pairs(spec: ThemeSpec) -> list[Pair]:
    """Every (text, background) pair the app draws in this theme."""
    resolve = _resolver(spec)
    grounds = {g: c for g in ("background", "surface", "panel") if (c := resolve(g, background=True))}
    if spec.ansi:  # Textual draws surface and panel transparent: the terminal's background shows
        grounds = {"background": XTERM_DEFAULT_BG}
    texts = {t: c for t in TEXT_COLOURS + TEXT_VARIABLES if (c := resolve(t))}
    palette = spec.palette or ({} if spec.ansi else _textual_palette(spec.dark))
    texts.update({f"palette.{name}": palette[name] for name in PALETTE_TEXT if name in palette})
    pairs = [Pair(f"{text} on {ground}", fg, bg)
             for text, fg in texts.items() for ground, bg in grounds.items()]
    if not spec.ansi and "foreground" in texts:  # "dim" text (ids, hints, inactive tabs) is blended
        pairs += [Pair(f"dim foreground on {ground}", blend(bg, texts["foreground"], DIM_FACTOR), bg)
                  for ground, bg in grounds.items()]
    for fg_name, bg_name in LABELS:
        fg, bg = resolve(fg_name), resolve(bg_name, background=True)
        if fg and bg:
            pairs.append(Pair(f"{fg_name} on {bg_name}", fg, bg))
    return pairs


def _textual_palette(dark: bool) -> dict[str, str]:
    """Textual's default ANSI palette (used for themes without `[palette]`) as name -> "#rrggbb"."""
    from textual._ansi_theme import ALABASTER, MONOKAI

    from supportterm.ui.themes import PALETTE_ALL

    colours = (MONOKAI if dark else ALABASTER).ansi_colors
    return {name: "#{:02x}{:02x}{:02x}".format(*colour)
            for name, colour in zip(PALETTE_ALL, colours, strict=True)}


def unreadable(spec: ThemeSpec, minimum: float = AA_NORMAL_TEXT) -> list[Pair]:
    """The pairs below `minimum` (WCAG AA for normal text by default)."""
    return [pair for pair in text_pairs(spec) if pair.ratio < minimum]
