"""The code-point walk that checks `secrets._ignorecase_form` against `(?i)` for a set of literals.

Shared by the tests of each shortcut that searches a case-sensitive twin of a `(?i)` pattern in the
window's ignore-case form (test_lat13_secrets.py, test_lat15_secrets.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from supportterm.politeness import secrets

_KINDS = [re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d"), re.compile(r"\n"), re.compile(r"\.")]


def literal_characters(patterns: Iterable[re.Pattern[str]], extra: str) -> str:
    """Every letter of the patterns outside escapes, with `extra` (the spaces and signs a literal holds)."""
    chars = set(extra)
    for pattern in patterns:
        for part in re.split(r"(\\.)", pattern.pattern.removeprefix("(?i)")):
            if part[:1] != "\\":
                chars |= {ch for ch in part if ch.isalpha()}
    return "".join(sorted(chars))


def assert_form_matches_literals(literals: str) -> None:
    r"""Every code point matches a literal under `(?i)` exactly when both have the same form (one
    character), and the form keeps each character's `\w`, `\s`, `\d`, newline and full-stop kind."""
    form = secrets._ignorecase_form
    literal_forms = {form(literal) for literal in literals}
    alike = {literal: re.compile("(?i)" + re.escape(literal)) for literal in literals}
    any_literal = re.compile("(?i)[" + re.escape(literals) + "]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        char_form = form(char)
        assert len(char_form) == 1, hex(code)
        for kind in _KINDS:
            assert bool(kind.match(char)) == bool(kind.match(char_form)), (hex(code), kind.pattern)
        if char_form in literal_forms or any_literal.fullmatch(char):
            for literal in literals:
                same = char_form == form(literal)
                assert bool(alike[literal].fullmatch(char)) == same, (hex(code), literal)
