"""Provides `Prepared`: a reply in the three forms the rules need, computed once per check."""

from __future__ import annotations

from dataclasses import dataclass

from .folding import fold
from .masking import mask


@dataclass(frozen=True, slots=True)
class Prepared:
    """The raw text, the text with quotes and code blanked, and that masked text folded."""

    text: str
    masked: str
    folded: str
    lang: str

    @classmethod
    def of(cls, text: str, lang: str) -> Prepared:
        """Mask and fold `text` for the rules of `lang`."""
        masked = mask(text)
        return cls(text, masked, fold(masked, lang), lang)
