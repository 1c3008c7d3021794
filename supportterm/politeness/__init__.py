"""Provides the politeness and confidentiality checker (DESIGN §2 doctrine, §4 contract).

Pure Python over the standard library: it imports only `supportterm.domain`, never the UI.

    >>> from supportterm.politeness import check
    >>> check("Hi Anna, the fix is live. Best regards, Omar").has_errors
    False
"""

from __future__ import annotations

from .checker import CATEGORIES, SEVERITY, Finding, Report, check
from .folding import fold
from .language import detect

__all__ = ["CATEGORIES", "SEVERITY", "Finding", "Report", "check", "detect", "fold"]
