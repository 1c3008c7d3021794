"""Provides `required_literals`: strings one of which every match of a regex contains.

Why: a regex that cannot open with a fixed character (lookbehinds, classes) is tried at every
position of the text, which costs more than a dozen `in` tests. When none of a pattern's required
strings occurs in the text, the pattern cannot match there, so the search is skipped: the result is
the same, only cheaper. Found from the parsed pattern (`re._parser`, the standard library's own
parser); when that is unavailable or a pattern is too loose, there is no shortcut and the regex runs.
"""

from __future__ import annotations

try:
    from re import _constants as sre
    from re import _parser
except ImportError:  # pragma: no cover - a Python without these modules runs every regex
    _parser = None  # type: ignore[assignment]

DIGIT_FIRST = r"[^\x00-/:-\u065f](?<=\d)"
r"""`\d` as a pattern's opening: the characters outside two ranges, which are "0"-"9" and U+0660 on
(every decimal digit: none lies between 9 and U+0660), checked as a digit after. `re` skips ahead by
range tests, cheaper than a digit lookup of every character; `\d` itself opens with a category `re`
cannot skip by. Written as a negated class because `[0-9\u0660-\U0010ffff]`, the same set, took 10 ms
to compile (`re` fills a table entry per code point of a range inside the BMP), 0.5 ms this way."""

Choice = frozenset[str]
"""Strings one of which every match contains."""
Needs = tuple[tuple[tuple[str, ...], ...], ...]
"""Per top-level alternative of a pattern, the choices all of which its matches satisfy."""


def required_literals(pattern: str) -> Needs | None:
    """What every match of `pattern` (compiled without flags) contains, or None when nothing is known.

    For each top-level alternative: the strings it needs, as choices (one string of each choice
    occurs in every match of that alternative). Only case-sensitive parts count (a literal under (?i)
    may match in other cases), and only parts every match consumes: literal runs, groups, repeats of
    at least one, and alternations whose every branch needs something of its own.
    """
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - an unparsable pattern simply gets no shortcut
        return None
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None
    terms = _terms(list(parsed))
    if not terms:
        return None
    kept = [_selective(term) for term in terms]
    return tuple(tuple(tuple(sorted(choice)) for choice in term) for term in kept) if all(kept) else None


def shortest_match(pattern: str) -> int:
    """The length of the shortest text `pattern` can match (0 when unknown)."""
    if _parser is None:
        return 0
    try:
        return int(_parser.parse(pattern).getwidth()[0])
    except Exception:  # noqa: BLE001 - unknown: no shortcut
        return 0


def may_match(needs: Needs | None, text: str) -> bool:
    """False only when no alternative's needs (from `required_literals`) are all met in `text`."""
    if needs is None:
        return True
    has = text.__contains__
    for term in needs:  # plain loops: this runs for every paragraph, nested generators cost more
        for choice in term:
            if not any(map(has, choice)):
                break
        else:
            return True
    return False


def _terms(items: list[tuple[object, object]]) -> list[list[Choice]] | None:
    """The needs of each top-level alternative of `items`, or None when one of them needs nothing."""
    if len(items) == 1:
        op, av = items[0]
        if op is sre.BRANCH:
            out: list[list[Choice]] = []
            for branch in av[1]:  # type: ignore[index]
                terms = _terms(list(branch))
                if terms is None:
                    return None
                out += terms
            return out
        if op is sre.SUBPATTERN and not av[1] & sre.SRE_FLAG_IGNORECASE:  # type: ignore[index]
            return _terms(list(av[3]))  # type: ignore[index]
    choices = _choices(items)
    return [choices] if choices else None


def _choices(items: list[tuple[object, object]]) -> list[Choice]:
    """Every choice a match of the sequence `items` must satisfy."""
    out: list[Choice] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if run:
            out.append(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN:
            _, add_flags, _, body = av  # type: ignore[misc]
            if not add_flags & sre.SRE_FLAG_IGNORECASE:
                out += _choices(list(body))
        elif op is sre.ATOMIC_GROUP:
            out += _choices(list(av))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = av  # type: ignore[misc]
            if low >= 1:
                out += _choices(list(body))
        elif op is sre.BRANCH:
            branches = [_best(_choices(list(branch))) for branch in av[1]]  # type: ignore[index]
            if all(branches):
                out.append(frozenset().union(*branches))  # type: ignore[arg-type]
    if run:
        out.append(frozenset({"".join(run)}))
    return out


_MIN_USEFUL = 2
"""A choice with a one-letter string is met by nearly every text: testing it costs more than it saves."""
_MAX_CHOICES = 3


def _selective(choices: list[Choice]) -> list[Choice]:
    """The few most selective choices (longest shortest string first), so a test fails early."""
    useful = [choice for choice in choices if min(map(len, choice)) >= _MIN_USEFUL]
    return sorted(useful, key=lambda choice: -min(map(len, choice)))[:_MAX_CHOICES]


def _best(choices: list[Choice]) -> Choice | None:
    """The choice whose shortest string is longest (the least likely to occur by chance)."""
    return max(choices, key=lambda choice: min(map(len, choice)), default=None)
