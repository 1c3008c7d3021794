"""Provides `mask`: blanks the parts of a reply that are not the agent's own words.

Quoted customer text ("> " lines, text in quotes, « », “ ”, „ “), code spans in backticks, fenced
and indented code, upper-case constants (YOUR_API_TOKEN) and shell commands are replaced by spaces
before the tone and address rules run, so "kill -9", a quoted insult or `abort()` never trigger
them. Spaces keep every offset.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.M | re.S)
_PEM = re.compile(r"-----BEGIN [A-Z ]+-----.*?(?:-----END [A-Z ]+-----|\Z)", re.S)
_QUOTE_LINE = re.compile(r"^[ \t]*>[^\n]*", re.M)
_INDENTED = re.compile(r"^(?: {4}|\t)[^\n]*", re.M)
_SHELL = re.compile(
    r"^[ \t]*(?:[$#%] |sudo |kill |killall |pkill |git |docker |kubectl |systemctl |rm |curl |ssh )[^\n]*",
    re.M,
)
_BACKTICK = re.compile(r"`[^`\n]+`")
_CONSTANT = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z0-9]*(?:_[A-Z0-9]+)+\b")
"""Upper-case identifiers with underscores (YOUR_API_TOKEN, ERR_TIMEOUT) are code, not shouting.
The word boundary is checked after the first capital, so `re` can skip ahead to capitals."""
_QUOTED = re.compile(
    r"\"[^\"\n]{1,400}\"|«[^»\n]{1,400}»|“[^”\n]{1,400}”|„[^“”\n]{1,400}[“”]"
    r"|'(?<!\w')[^'\n]{1,200}'(?!\w)"
)
"""Every branch opens with its quote character (the word check before ' comes after it), so `re`
skips to quote characters instead of trying every position: 10× faster on replies with apostrophes."""
_QUOTE_CHARS = ('"', "«", "“", "„", "'")
_ALWAYS = ("",)
"""Hints every text contains (`"" in text` is always true)."""
_MASKS = (
    (_PEM, ("-----BEGIN",)),
    (_FENCE, ("```", "~~~")),
    (_QUOTE_LINE, (">",)),
    (_INDENTED, ("    ", "\t")),
    (_SHELL, _ALWAYS),
    (_BACKTICK, ("`",)),
    (_CONSTANT, ("_",)),
    (_QUOTED, _QUOTE_CHARS),
)
"""Each mask with the substrings it needs: a reply without them skips that regex. The shell commands
are searched for always: their twin in `_LINE_MASKS` skips from newline to newline in C, cheaper than
the twelve `in` tests of their words (and "rm " is in most replies, as in "confirm ")."""
_QUOTES_ONLY = ((_QUOTE_LINE, (">",)), (_QUOTED, _QUOTE_CHARS))
_LINE_MASKS = {
    pattern: re.compile("\n" + pattern.pattern.removeprefix("^"), pattern.flags & ~re.M)
    for pattern in (_QUOTE_LINE, _INDENTED, _SHELL)
}
"""Masks that match from the start of a line to at most its end, each with a twin that starts at the
newline before the line: `re` finds a literal first character fast, while a `^` pattern is tried at
every position (and "rm " or ">" occur in most replies, so the hints rarely skip these)."""


_NOT_NEWLINE = re.compile(r"[^\n]")


def stretch_around(text: str, mark: str) -> tuple[int, int]:
    r"""(start, end) of the stretch of `text` from the word holding the first `mark` to the word holding
    the last, cut at a space or a newline; empty when `mark` is absent.

    Why: a pattern that opens with `\b` or a look-behind is tried at every position; when each of its
    matches holds `mark` and no space or newline, searching this stretch (`finditer(text, start, end)`,
    whose look-behinds and `\b` still see the characters just outside) finds the same matches."""
    first = text.find(mark)
    if first < 0:
        return 0, 0
    return stretch_between(text, first, text.rfind(mark))


def stretch_between(text: str, first: int, last: int) -> tuple[int, int]:
    """(start, end) of the stretch of `text` from the word holding offset `first` to the word holding
    offset `last`, cut at a space or a newline (see `stretch_around`)."""
    start = max(text.rfind(" ", 0, first), text.rfind("\n", 0, first)) + 1
    ends = [i for i in (text.find(" ", last), text.find("\n", last)) if i >= 0]
    return start, min(ends, default=len(text))


def _blank(match: re.Match[str]) -> str:
    """The match as spaces, its newlines kept."""
    text = match.group()
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)


def mask(text: str) -> str:
    """`text` with quotes, code and commands blanked out; same length, newlines kept."""
    return _apply(text, _MASKS)


def mask_quotes(text: str) -> str:
    """`text` with only quoted customer text blanked (for checks that must still see code)."""
    return _apply(text, _QUOTES_ONLY)


def _may_hold_fence(text: str) -> bool:
    """`"```" in text or "~~~" in text`, each tested only when its character occurs at all.

    Why: `in` looks for one character at memchr speed but for three at about a nanosecond a
    character, and most replies hold no backtick and no tilde: ~4 -> ~1 µs on a 2 KB reply."""
    return ("`" in text and "```" in text) or ("~" in text and "~~~" in text)


def _apply(text: str, masks: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]) -> str:
    for pattern, hints in masks:
        if _may_hold_fence(text) if pattern is _FENCE else any(map(text.__contains__, hints)):
            if pattern in _LINE_MASKS:
                text = _sub_lines(pattern, text)
            elif pattern is _CONSTANT:  # every constant holds "_" and no space: only that stretch is searched
                start, end = stretch_around(text, "_")
                text = text[:start] + pattern.sub(_blank, text[start:end]) + text[end:]
            else:
                text = pattern.sub(_blank, text)
    return text


def _sub_lines(pattern: re.Pattern[str], text: str) -> str:
    """`pattern.sub(_blank, text)` for a line mask: the first line, then every newline + line."""
    parts = []
    done = 0
    first = pattern.match(text)
    if first is not None:
        parts.append(_blank(first))
        done = first.end()
    for m in _LINE_MASKS[pattern].finditer(text, done):
        start = m.start() + 1  # the line after the newline, which holds no newline itself
        parts += [text[done:start], " " * (m.end() - start)]
        done = m.end()
    return "".join(parts) + text[done:] if parts else text
