"""Provides `Prepared`: a reply in the three forms the rules need, computed once per check."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon_scan, lexicons
from .folding import fold
from .greeting import break_after_greeting
from .masking import mask


@dataclass(frozen=True, slots=True)
class Prepared:
    """The raw text, the text with quotes and code blanked, that masked text folded, and lexicon hits."""

    text: str
    masked: str
    folded: str
    lang: str
    hits: lexicons.Hits = field(default_factory=dict)
    """Matches of every main-pass lexicon category, found in one pass over the words."""

    @classmethod
    def of(cls, text: str, lang: str) -> Prepared:
        """Mask and fold `text` for the rules of `lang`."""
        return cls.from_masked(text, mask(text), lang)

    @classmethod
    def from_masked(cls, text: str, masked: str, lang: str) -> Prepared:
        """Fold `masked` (the output of `mask(text)`) and run the lexicon pass over it."""
        return cls.from_folded(text, masked, fold(masked, lang), lang)

    @classmethod
    def from_folded(cls, text: str, masked: str, folded: str, lang: str) -> Prepared:
        """`from_masked` with `masked` already folded (`fold(masked, lang)`): the checker folds a whole reply
        once and hands each chunk its part."""
        folded = break_after_greeting(folded)
        return cls(text, masked, folded, lang, lexicon_scan.scan(lang, folded))
