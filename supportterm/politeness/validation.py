"""Provides `validate`: every lexicon entry compiled now, for `supportterm check --validate`.

Why: the checker compiles an entry's regex only when a text first contains the word the entry starts
with, so a team's broken `re:` entry would surface only when that word is typed. Run after editing the
files in `lexicons/`, this lists every entry that does not compile, with its file, category and text.
"""

from __future__ import annotations

from . import lexicons
from .lexicons import Category, LexiconError


def validate(by_lang: dict[str, dict[str, Category]] | None = None) -> list[LexiconError]:
    """Compile every entry and category alternation of `by_lang` (default: the shipped lexicons); the
    errors, one per entry at fault (empty when all compile).

    The word index's groups and screens join the same entries as the category alternations, so an entry
    that passes here also joins there (a screen that cannot be built is skipped by design).
    """
    return [
        error
        for categories in (lexicons.BY_LANG if by_lang is None else by_lang).values()
        for cat in categories.values()
        for error in cat.validate()
    ]


def entry_count(by_lang: dict[str, dict[str, Category]] | None = None) -> int:
    """How many entries `validate` compiles (for its report)."""
    return sum(len(cat.entries) for cats in (lexicons.BY_LANG if by_lang is None else by_lang).values()
               for cat in cats.values())
