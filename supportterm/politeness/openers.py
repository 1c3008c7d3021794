"""Provides `search_at_openers` and `finditer_at_openers`: search and finditer for a pattern whose matches
open with known words.

Why: a pattern that opens with a look-behind ("(?<!-)(?:закрываю|…)") gives `re` no first
character to skip to, so a search runs the pattern at every position of a 2 KB reply. When every
match must begin with one of a few strings (the openers), `str.find` lists the places a match can
start and the pattern is tried there only, in text order: the first success is the leftmost match,
the one `search` returns. A look-behind still sees the text before the place it is tried.
"""

from __future__ import annotations

import re


def opener_positions(text: str, openers: tuple[str, ...]) -> list[int]:
    """Every offset where one of `openers` occurs in `text`, ascending, without repeats."""
    found = set()
    for opener in openers:
        at = text.find(opener)
        while at >= 0:
            found.add(at)
            at = text.find(opener, at + 1)
    return sorted(found)


def search_at_openers(pattern: re.Pattern[str], text: str, openers: tuple[str, ...]) -> re.Match[str] | None:
    """The same match as `pattern.search(text)`, provided every match of `pattern` opens with an opener."""
    for at in opener_positions(text, openers):
        m = pattern.match(text, at)
        if m is not None:
            return m
    return None


def finditer_at_openers(pattern: re.Pattern[str], text: str, openers: tuple[str, ...]) -> list[re.Match[str]]:
    """The same matches as `pattern.finditer(text)`, provided every match opens with an opener and is
    not empty: like finditer, the next one is looked for where the previous one ended."""
    return finditer_at(pattern, text, opener_positions(text, openers))


def finditer_at(pattern: re.Pattern[str], text: str, positions: list[int]) -> list[re.Match[str]]:
    """The same matches as `pattern.finditer(text)`, provided every match is not empty and starts at one
    of `positions` (ascending, without repeats): the pattern is tried there only, in text order."""
    out: list[re.Match[str]] = []
    done = 0
    for at in positions:
        if at >= done and (m := pattern.match(text, at)) is not None:
            out.append(m)
            done = m.end()
    return out
