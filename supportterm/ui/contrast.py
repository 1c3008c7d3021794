"""Provides WCAG 2.x contrast arithmetic for theme colours (relative luminance, ratio, alpha blend).

Pure functions of "#rrggbb" strings, so the theme tests and `supportterm themes --check` share one
definition of "readable" (WCAG AA: 4.5:1 for normal text).
"""

from __future__ import annotations

AA_NORMAL_TEXT = 4.5
"""WCAG 2.x level AA minimum for text below 18pt (every terminal cell counts as small text)."""


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """The 0-255 channels of "#rrggbb" (or "#rgb")."""
    value = hex_colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) not in (6, 8):
        raise ValueError(f"not a hex colour: {hex_colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    r, g, b = (_linear(c) for c in rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21; symmetric."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def blend(base: str, over: str, alpha: float) -> str:
    """`over` painted at `alpha` opacity on `base` (what "$warning 40%" on a background looks like)."""
    mixed = (round(b + (o - b) * alpha) for b, o in zip(rgb(base), rgb(over), strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def best_text_on(background: str, candidates: tuple[str, ...] = ("#000000", "#ffffff")) -> str:
    """The candidate with the highest contrast on `background` (label text on a coloured bar)."""
    return max(candidates, key=lambda c: contrast_ratio(c, background))
