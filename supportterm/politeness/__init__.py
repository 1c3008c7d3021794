"""Provides the politeness and confidentiality checker (DESIGN §2 doctrine, §4 contract).

Pure Python over the standard library: it imports only `supportterm.domain`, never the UI.
The checker loads its lexicons when first imported (about 0.2 s; each entry's regex compiles when a
text first needs it), so the names below load lazily: `supportterm.politeness.cli.add_parser` can be
wired into the main CLI at no cost.

    >>> from supportterm.politeness import check
    >>> check("Hi Anna, the fix is live. Best regards, Omar").has_errors
    False
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checker import CATEGORIES, SEVERITY, Finding, Report, check
    from .folding import fold
    from .language import detect

__all__ = ["CATEGORIES", "SEVERITY", "Finding", "Report", "check", "detect", "fold"]

_HOMES = {
    "CATEGORIES": "checker",
    "SEVERITY": "checker",
    "Finding": "checker",
    "Report": "checker",
    "check": "checker",
    "fold": "folding",
    "detect": "language",
}


def __getattr__(name: str) -> Any:
    """Import the checker on first use of one of its names (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
