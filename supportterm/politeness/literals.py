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

Choice = frozenset[str]
"""Strings one of which every match contains."""


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of `pattern` (compiled without flags), or None.

    Only case-sensitive parts count (a literal under (?i) may match in other cases), and only parts
    every match consumes: literal runs, groups, repeats of at least one, and alternations whose every
    branch has its own required strings. Of several choices the one whose shortest string is longest
    is kept: long strings rarely occur by chance.
    """
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - an unparsable pattern simply gets no shortcut
        return None
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None
    best = _best(_choices(list(parsed)))
    return tuple(sorted(best)) if best else None


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


def _best(choices: list[Choice]) -> Choice | None:
    """The choice whose shortest string is longest (the least likely to occur by chance)."""
    return max(choices, key=lambda choice: min(map(len, choice)), default=None)


def may_match(needs: tuple[str, ...] | None, text: str) -> bool:
    """False only when `text` has none of `needs` (the result of `required_literals`)."""
    return needs is None or any(need in text for need in needs)
