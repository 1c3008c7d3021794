"""Provides `scan`: the main-pass lexicon matches of a paragraph, all categories in one pass.

Why it is shaped like this (each step measured on the 2 KB replies of benchmarks/politeness_latency.py):
- Entries are indexed by the word they start with (`Category.exact` / `prefixes`), so only a few
  regexes run per word; one big alternation of all entries tried at every position was 10× slower.
- Only words that start like an index key are visited: one regex per language, a trie of the keys,
  finds them in C, walking the text word by word inside one match (`_finder`: a look-behind opening
  made `re` try every position). A Python loop over every word cost more than all the entry regexes.
- Entries that cannot be indexed (raw regexes that open with a class or an optional word) are found
  by their bare alternation, which `re` can skip ahead by, and named by the grouped one only where a
  match starts (`Index._starts`); each pass is skipped when the text lacks all the strings one of
  which every match needs (`literals.required_literals`).
- The groups of one key (the same first word in several categories: "you …" is blame, sarcasm and
  dismissive) are screened by one alternation of all their entries; in 98 % of the places a key
  word occurs no entry matches, and the screen says so with one regex call instead of one per group.
- `re` tries an alternation's branches one by one, skipping with one test only a branch that opens
  with a character (or class) other than the one it reads; any other branch is entered. So screens
  merge their entries by whole first words, then by first atom (`_merged_by_first_atom`: "you're …",
  "you …" and "your …" share "you"), and groups merge neighbours where that cannot change which entry
  matches first (`_merged_in_order`). "(?:X)?" is written "(?:X|)" and a word run before a space is
  possessive: `re`'s repeat machinery cost more than the text it read. A failing "you" screen took
  4.6 µs, 2.9 µs after these (session 12).
- The finder runs the screens of a few frequent key words itself ("the", "and", "с", "на", …:
  `_FREQUENT_KEYS`), so those words reach the Python loop only where an entry may match: each visit
  of the loop cost about 0.5 µs before its screen even ran. That finder is compiled once an index has
  scanned a few chunks (`Index.screen_frequent_keys`), so a process checking one reply never pays for it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import lexicons
from .folding import replace_all
from .lexicons import _FEW_WORDS, _GAP, _SKELETONS, MAIN_PASS, Category, Entry, Hits
from .literals import Needs, may_match, required_literals

_Group = tuple[str, re.Pattern[str], tuple[int, ...]]
"""(category, pattern, entry ids): the entries of one category that start with the same word."""
_Spec = tuple[tuple[str, tuple[int, ...]], ...]
"""(category, entry ids) of every category with entries that start with one index key."""

_WORD_START = r"(?<![\w'])"
"""How every entry built from the lexicon syntax opens (see `lexicons.entry_regex`)."""
_MEMO_LIMIT = 50_000
"""Words remembered per language before the memo starts over."""


def _group(name: str, cat: Category, ids: tuple[int, ...]) -> _Group:
    """One pattern for entries sharing a first word, longest entries first.

    The scan matches a group only where `Index.finder` found a word start, so the word-start
    look-behind that opens every entry built from the lexicon syntax always holds there and is left
    out, as in `_screen_source`: every branch of the alternation tested it again (7 % of the groups'
    time). A group of one entry is the entry's own pattern, shared with the other rules. Each entry
    is named by an empty group after it (`_marked`) and neighbours are merged (`_merged_in_order`);
    where that alternation refers to groups, does not compile or would get a global inline flag,
    the plain named alternation `(?P<gI>entry)|…` is used (and names a broken entry).
    """
    ids = tuple(dict.fromkeys(ids))
    if len(ids) == 1:
        return name, cat.pattern(ids[0]), ids
    ordered = sorted(ids, key=lambda i: -len(cat.entries[i].source))
    named = "|".join(f"(?P<g{i}>{_after_word_start(cat, i)})" for i in ordered)
    try:
        if not _REFERS_TO_GROUPS.search(named):
            merged = _compiled_or_none("|".join(_merged_in_order([_marked(cat, i) for i in ordered])))
            if merged is not None and merged.flags == _PLAIN_FLAGS:  # not a global flag moved first
                return name, merged, ids
        return name, re.compile(named), ids
    except re.error:
        for i in ids:
            cat.pattern(i)  # raises a LexiconError naming the entry at fault
        raise


def _compiled_or_none(source: str) -> re.Pattern[str] | None:
    """`source` compiled, or None where it does not compile (the named alternation then says why)."""
    try:
        return re.compile(source)
    except re.error:
        return None


def _marked(cat: Category, i: int) -> str:
    """Entry `i` as a branch of its group: its source, then an empty group named after it.

    An empty group closed last names the entry as `(?P<gI>source)` did (`Match.lastgroup` is the group
    closed last), but the branch opens with the entry's first character, so `re` skips it with one test
    where that character differs and `_merged_in_order` can merge it with its neighbours.
    """
    source = _possessive_word_runs(_optional_groups_as_branches(_after_word_start(cat, i)))
    if cat.entries[i].source.startswith("re:"):  # a raw entry may have a top-level "|"
        source = f"(?:{source})"
    return f"{source}(?P<g{i}>)"


def _merged_in_order(branches: list[str]) -> list[str]:
    r"""`branches` with neighbours sharing their first atom joined as atom + (?:rest|rest|…), the rests
    merged the same way, where that changes neither which branch matches first nor where.

    A group returns its first matching entry, so unlike a screen it keeps the order of its branches:
    only a run of neighbours whose first atoms cannot match the same text is regrouped, each atom's
    branches in their order. A literal character is one such atom (two different ones exclude each
    other); a repeated class such as the gap `[^\w\n.!?]+` is another when each branch goes on
    with a character outside the class (the repeat can then only take the whole run, so it is tried
    once) and no literal of the run lies inside it.
    """
    out: list[str] = []
    run: dict[str, list[str]] = {}
    for branch in branches:
        end = 0 if branch.startswith("(") else _atom_end(branch)  # a group never joins: not measured
        atom, rest = branch[:end], branch[end:]
        if not _joins_run(atom, rest, run):
            out += _run_merged(run)
            run = {}
            if not _joins_run(atom, rest, run):
                out.append(branch)
                continue
        run.setdefault(atom, []).append(rest)
    return out + _run_merged(run)


def _run_merged(run: dict[str, list[str]]) -> list[str]:
    """The branches of a run of `_merged_in_order`, one per first atom."""
    return [
        atom + rests[0] if len(rests) == 1 else f"{atom}(?:{'|'.join(_merged_in_order(rests))})"
        for atom, rests in run.items()
    ]


_SPECIAL = frozenset("\\[](){}.^$|*+?")
_CLASS_REPEAT = re.compile(r"(\\[sSwWdD]|\[(?:[^\]\\]|\\.)+\])\+[?+]?")
"""A single-character class or escape repeated at least once (greedy, lazy or possessive)."""


def _joins_run(atom: str, rest: str, run: dict[str, list[str]]) -> bool:
    """Whether a branch opening with `atom` can join `run` (see `_merged_in_order`)."""
    if len(atom) == 1 and atom not in _SPECIAL:
        return all(len(other) == 1 or not _in_class(atom, other) for other in run)
    repeat = _CLASS_REPEAT.fullmatch(atom)
    if repeat is None:
        return False
    follows = rest[:1]
    if not follows or follows in _SPECIAL or _atom_end(rest) != 1 or _in_class(follows, atom):
        return False
    return all(other == atom or (len(other) == 1 and not _in_class(other, atom)) for other in run)


_CLASSES: dict[str, re.Pattern[str]] = {}


def _in_class(ch: str, repeat: str) -> bool:
    """Whether character `ch` matches the class that `repeat` (a `_CLASS_REPEAT`) repeats."""
    pattern = _CLASSES.get(repeat)
    if pattern is None:
        pattern = _CLASSES[repeat] = re.compile(_CLASS_REPEAT.fullmatch(repeat).group(1))  # type: ignore[union-attr]
    return pattern.fullmatch(ch) is not None


def _after_word_start(cat: Category, i: int) -> str:
    """The source of entry `i` without the word-start look-behind it opens with (raw entries: as written)."""
    source = cat.source(i)
    return source if cat.entries[i].source.startswith("re:") else source.removeprefix(_WORD_START)


def _screen(specs: _Spec, categories: dict[str, Category]) -> re.Pattern[str] | None:
    """`_screen_source` compiled, or None when the entries cannot be joined (inline flags)."""
    try:
        return re.compile(_screen_source(specs, categories))
    except re.error:
        return None


def _screen_source(specs: _Spec, categories: dict[str, Category]) -> str:
    """An alternation of every entry of one key: it matches where any of the key's groups does.

    An alternation matches at a position exactly when one of its branches does, so a failed screen
    proves no group matches there. Entries are joined without their group names (two categories
    may share entry ids); a raw entry that cannot be joined (inline flags) leaves the key unscreened.
    The screen runs only where `Index.finder` found a word start, so the word-start look-behind that
    opens every entry built from the lexicon syntax always holds there and is left out of the screen:
    the branches then open with letters, which `re` rejects with one comparison.
    """
    sources = [
        # Entries built from the lexicon syntax have no top-level "|" and can be joined bare; each
        # alternative of a raw entry loses the same look-behind where it opens with it.
        _possessive_word_runs(_optional_groups_as_branches(branch.removeprefix(_WORD_START)))
        for name, ids in specs
        for i in dict.fromkeys(ids)
        if (pattern := categories[name].source(i))
        for branch in (
            _opened(f"(?:{pattern})") if categories[name].entries[i].source.startswith("re:") else [pattern]
        )
    ]
    return "|".join(_factored(list(dict.fromkeys(sources))))


def _optional_groups_as_branches(source: str) -> str:
    r"""`source` with every greedy optional group "(?:X)?" written "(?:X|)": the same matches, tried in
    the same order (X first, then nothing).

    `re` runs "?" on a group through its general repeat machinery, about 0.1-0.2 µs per group reached,
    even when X fails on its first character; an alternation with an empty branch skips an X that opens
    with another character with one test. "you (?:\w+\s+)?(?:deleted|…)", "(?:are\s+)?" and the like
    made up a third of a failing "you" screen.
    """
    if ")?" not in source:
        return source
    opened: list[int] = []
    cuts: list[int] = []
    for i, ch, _depth in _structure(source, "()"):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:  # unbalanced: re.compile will say so
            start = opened.pop()
            if (
                source.startswith("(?:", start)
                and source[i + 1 : i + 2] == "?"
                and source[i + 2 : i + 3] not in ("?", "+")
            ):
                cuts.append(i)
    out, last = [], 0
    for i in cuts:
        out += [source[last:i], "|)"]
        last = i + 2
    return "".join(out) + source[last:]


_WORD_RUN_BEFORE_SPACE = re.compile(
    r"(\\w|\[\\w-\])\+(?![?+])(?=\\s(?![*?{]))"  # the word run to make possessive
    r"|\\.|\[\^?+\]?+(?:[^\]\\]++|\\.)*+\]|[^\\\[]++"  # escapes, classes, the rest: as they are
)


def _possessive_word_runs(source: str) -> str:
    r"""`source` with each "\w+" or "[\w-]+" followed by "\s" or "\s+" written possessive ("\w++").

    No word character or hyphen is a space, so a word run followed by a space matches only when it
    takes the whole run: possessive, it is tried once where `re` tried it at every length ("you
    (?:\w+\s+|)…": 0.5 µs of a failing screen for a six-letter word). Same matches, same order.
    """
    if "+\\s" not in source:
        return source
    return _WORD_RUN_BEFORE_SPACE.sub(lambda m: m.group(1) + "++" if m.group(1) else m.group(), source)


class Bundle:
    """The entries of one index key: the screen, and the groups it guards, compiled when first needed.

    In 98 % of the places a key word occurs the screen rejects it, so most groups are never compiled
    (compiling a key's groups cost as much as its screen). A key of a single group has no screen, and
    neither has one that `Index.scan_finder` screens itself (`_FREQUENT_KEYS`): its words reach the scan
    loop only where the screen matched.
    """

    __slots__ = ("screen", "groups", "_specs", "_categories")

    def __init__(self, specs: _Spec, categories: dict[str, Category], screened: bool = False) -> None:
        self._specs = specs
        self._categories = categories
        self.screen = _screen(specs, categories) if len(specs) > 1 and not screened else None
        self.groups: tuple[_Group, ...] | None = None
        """None until `compile_groups`: the scan reads it in its inner loop."""

    def compile_groups(self) -> tuple[_Group, ...]:
        """The groups of this key, compiled now if they were not yet."""
        if self.groups is None:
            self.groups = tuple(_group(name, self._categories[name], ids) for name, ids in self._specs)
        return self.groups


_HEAD = re.compile(
    r"(?:(?:\(\?<!\[\\w'\]\))?"  # the word-start look-behind every entry opens with
    r"(?:[\w']|\[[^\]\\]*\]|\(\?:(?:[^()\\]|\\[^()])*\))+"  # letters, classes, flat groups
    + re.escape(_GAP)
    + "|"
    + re.escape(_FEW_WORDS)  # "…": up to four words of any kind
    + r")(?![?*+{])"
)
"""The first word of an entry's source with the gap after it, or the lexicon syntax's few words: a whole
atom sequence, never quantified."""


def _factored(sources: list[str]) -> list[str]:
    """`sources` with those sharing a first word and gap joined as word + gap + (?:rest|rest|…), nested.

    `re` tries an alternation's branches one by one and factors out only an opening that every
    branch shares; "you …" entries have about a hundred branches, and without this every one
    re-matched "you " and then its next word before failing. Merged level by level ("you have …",
    "you have no …"), a failing screen costs about one test per word it reads. A screen only says
    whether some entry matches at a position, and regrouping concatenations keeps exactly that.
    Entries that go on with "…" (`_FEW_WORDS`) share it the same way: each copy tried every way of
    reading up to four words (about 4 µs each after Russian "вы", which had four of them).
    """
    by_head: dict[str, list[str]] = {}
    for source in dict.fromkeys(part for source in sources for part in _opened(source)):
        head = _HEAD.match(source)
        by_head.setdefault(head.group() if head else source, []).append(source)
    out = []
    for head, members in by_head.items():
        rests = [member[len(head) :] for member in members]
        if len(members) < 2 or not all(rests):
            out += members
        else:
            out.append(f"{head}(?:{'|'.join(_factored(rests))})")
    return _merged_by_first_atom(out)


def _merged_by_first_atom(sources: list[str]) -> list[str]:
    r"""`sources` with those sharing their first atom (a character, class, escape or group, with its
    quantifier) joined as atom + (?:rest|rest|…), the rests merged the same way.

    Whole-word heads leave branches that share only their first characters ("you're …", "you …",
    "you\s+…", "your …" under "you"): `re` skips a branch that opens with another character than the
    one it reads with one test, but enters every branch that opens with that character, and under "you"
    28 of 36 did. Merged, it enters one branch per distinct opening. Regrouping a concatenation keeps
    where the alternation matches, and where one source ends while others sharing its opening go on, it
    matches wherever they do: the screen keeps just the shared part.
    """
    by_atom: dict[str, list[str]] = {}
    for source in sources:
        end = _atom_end(source)
        by_atom.setdefault(source[:end], []).append(source[end:])
    out = []
    for atom, rests in by_atom.items():
        if len(rests) == 1 or not all(rests):
            out.append(atom + rests[0] if len(rests) == 1 else atom)
        else:
            factored = _merged_by_first_atom(rests)
            out.append(atom + (factored[0] if len(factored) == 1 else f"(?:{'|'.join(factored)})"))
    return out


_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}
"""Characters of an escape that names a code point: backslash, letter, hex digits."""
_QUANTIFIER = re.compile(r"(?:[?*+]|\{(?:[0-9]+|[0-9]*,[0-9]*)\})[?+]?")


def _atom_end(source: str) -> int:
    """Where the first atom of `source` ends, its quantifier included (the whole source when unsure)."""
    ch = source[:1]
    if ch == "\\":
        if source[1:2] in ("N", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"):
            return len(source)  # a named character, octal escape or backreference
        end = _ESCAPE_LENGTHS.get(source[1:2], 2)
    elif ch == "[":
        end = _class_end(source, 0) + 1
    elif ch == "(":
        close = _group_end(source)
        if close is None or source.startswith("(?#"):
            return len(source)
        end = close + 1
    elif not ch or ch in ")|*+?{":
        return len(source)
    else:
        end = 1
    if source[end : end + 1] not in ("?", "*", "+", "{"):
        return end
    quantifier = _QUANTIFIER.match(source, end)
    return quantifier.end() if quantifier else end


_MAX_OPENED = 32
"""Alternatives an opening group may be split into; beyond that the source stays as it is."""


def _opened(source: str) -> list[str]:
    """`source` as one source per alternative of the group it opens with: "(?:i'm|i am) …" gives
    "i'm …" and "i am …", each opened again in turn, so `_factored` can merge them by first word.

    A screen asks only whether some entry matches at a position, and (?:a|b)c matches exactly where
    ac or bc does. Merged, a branch opens with a letter, which `re` rejects with one comparison; a
    branch opening with a group is entered and tried: "i …" had about a hundred such branches and
    its failing screen cost 8 µs. A quantified group, a look-around or a named group stays whole.
    """
    if not source.startswith("(?:"):
        return [source]
    close = _group_end(source)
    if close is None or source[close + 1 : close + 2] in ("?", "*", "+", "{"):
        return [source]
    rest = source[close + 1 :]
    out = [part for alternative in _alternatives(source[3:close]) for part in _opened(alternative + rest)]
    return out if len(out) <= _MAX_OPENED else [source]


def _next_of(marks: str) -> re.Pattern[str]:
    """A pattern for everything up to the next of `marks` outside escapes and character classes (a "]"
    first in a class is literal), that character as group 1."""
    other = rf"[^\\\[{marks}]++"
    return re.compile(rf"(?:{other}|\\.|\[\^?+\]?+(?:[^\]\\]++|\\.)*+(?:\]|\Z))*+([{marks}])", re.DOTALL)


_NEXT_MARK = {"()|": _next_of("()|"), "()": _next_of("()")}


def _structure(source: str, marks: str = "()|") -> Iterator[tuple[int, str, int]]:
    """(offset, character, depth after it) of every "(", ")" and "|" of `source` (or only the
    parentheses: `marks`) outside escapes and character classes: the one walk `_group_end`,
    `_alternatives` and `_optional_groups_as_branches` share. Found by a regex (`_next_of`), so
    Python sees only those characters (a loop over every character was most of the time spent
    building a screen)."""
    depth = 0
    next_mark = _NEXT_MARK[marks].match
    found = next_mark(source)
    while found:
        ch = found.group(1)
        depth += 1 if ch == "(" else -1 if ch == ")" else 0
        yield found.start(1), ch, depth
        found = next_mark(source, found.end())


def _group_end(source: str) -> int | None:
    """The index of the parenthesis closing the group that opens `source`, or None."""
    return next((i for i, ch, depth in _structure(source, "()") if ch == ")" and depth == 0), None)


def _class_end(source: str, start: int) -> int:
    """The index of the "]" closing the character class opening at `start` (a "]" first is literal)."""
    i = start + 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of a group's body, split at "|" outside groups and classes."""
    cuts = [i for i, ch, depth in _structure(body) if ch == "|" and depth == 0]
    return [body[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(body)], strict=True)]


_REFERS_TO_GROUPS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
"""A backreference or a conditional: the pattern's meaning depends on its group numbers."""
_PLAIN_FLAGS = re.compile("").flags
_KEY = re.compile(r"[\w']+")
"""What every index key is (a run of the lexicon syntax's word characters): `_finder` relies on it."""


def _finder(exact: set[str], prefixes: set[str], screens: dict[str, str] | None = None) -> re.Pattern[str]:
    r"""The words of a text that are an exact key or start with a prefix key, as group 1 of each match.

    `(?<![\w'])TRIE[\w']*` opens with a look-behind, so `re` ran its matcher at every position of the
    text. Every key is a run of `[\w']`, so a key word starts where such a run starts; this pattern
    walks the text run by run inside one match instead: it skips non-word characters, tries the trie
    at the run's start, else skips the run (possessively: a run is never re-entered), until the trie
    matches or the text ends (`\Z`: group 1 unmatched, the caller stops). A match ends where its key
    word ends, so the next search starts on a non-word character, exactly where the look-behind
    version's next word start could be; the trie and `[\w']*` match as they did there.
    `screens` (exact key: its screen's source) leave out the words of a key whose screen fails there
    (`trie`).
    """
    found = trie(exact, prefixes, screens)
    if not all(_KEY.fullmatch(key) for key in exact | prefixes):
        return re.compile(r"(?<![\w'])(" + found + r"[\w']*)")
    return re.compile(r"[^\w']*+(?:[\w']++[^\w']*+)*?(?:(" + found + r"[\w']*)|\Z)")


_WORD_END = r"(?![\w'])"
_EXACT, _PREFIX = "=", "*"
"""Trie marks: a word equal to the key ends here; any word starting with the key ends here."""


def trie(exact: set[str], prefixes: set[str], screens: dict[str, str] | None = None) -> str:
    """A regex for the words equal to one of `exact` or starting with one of `prefixes`, as a trie.

    re tries the branches of an alternation one by one, so 300 flat keys would cost 300 tests per
    word; the trie costs about one test per letter. Below a prefix key nothing else is needed.
    An exact key with a screen in `screens` ends in a look-behind over the key that runs the screen
    at the word's start: the word is found only where the screen matches there.
    """
    root: dict[str, dict] = {}
    for key, mark in sorted([(k, _EXACT) for k in exact] + [(k, _PREFIX) for k in prefixes]):
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[mark] = {}

    def branch(node: dict[str, dict], key: str) -> str:
        if _PREFIX in node:
            return ""
        alternatives = [
            re.escape(ch) + branch(child, key + ch) for ch, child in sorted(node.items()) if ch != _EXACT
        ]
        if _EXACT in node:
            screen = screens.get(key) if screens else None
            screened = f"(?<=(?=(?:{screen})){re.escape(key)})" if screen is not None else ""
            alternatives += [_WORD_END + screened]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(root, "")


_SCREENED_AFTER = 8
"""Chunks an index scans with the plain finder before it compiles the screening one: a 2 KB reply is
about five chunks, so checking one reply never pays for the screens; an open composer does, once."""


class _FinderScreens:
    """What `Index.screen_frequent_keys` set up (mutable: an `Index` is frozen), and how many chunks
    the index scanned before."""

    __slots__ = ("finder", "keys", "scans")

    def __init__(self) -> None:
        self.finder: re.Pattern[str] | None = None
        self.keys: frozenset[str] = frozenset()
        self.scans = 0


@dataclass(frozen=True, slots=True)
class Index:
    """Every main-pass category of a language merged into one word index: one pass per check.

    The bundle of a key (its groups and screen) is compiled the first time a text contains a word
    with that key, so loading the checker compiles no entry regex (it took seconds for all of them).
    """

    exact: dict[str, _Spec]
    prefixes: dict[str, _Spec]
    prefix_lengths: tuple[int, ...]
    heads: frozenset[str]
    """First two letters of every prefix key: most words skip the prefix loop."""
    categories: dict[str, Category]
    skeleton: tuple[tuple[str, str], ...] | None
    finder: re.Pattern[str] | None
    """Whole words that are an exact key or start with a prefix key (Azerbaijani: in skeleton spelling),
    as group 1 of each match (`_finder`; `key_words` reads it). The scan uses it until it has read
    `_SCREENED_AFTER` chunks, then `scan_finder`."""
    scan_needs: dict[str, Needs | None] = field(default_factory=dict)
    """Per category with unindexed entries: strings one of which each of their matches contains."""
    keyed_needs: dict[str, Needs | None] = field(default_factory=dict)
    """Per category with unindexed entries, for a language with a skeleton: strings one of which each of
    their matches shows in the skeleton spelling (`_keyed_needs`), tested on the text the finder reads."""
    unindexed: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    """Per category with unindexed entries: where they match, found without group names (`_starts`)."""
    memo: dict[str, tuple[Bundle, ...]] = field(default_factory=dict)
    """Bundles of every word seen so far: replies reuse a small vocabulary."""
    bundles: dict[tuple[bool, str], Bundle] = field(default_factory=dict)
    """Bundles compiled so far, by (is a prefix key, key)."""
    lang: str = ""
    screening: _FinderScreens = field(default_factory=_FinderScreens)
    """The finder the scan uses and the keys whose screens it runs (`screen_frequent_keys`)."""

    @property
    def scan_finder(self) -> re.Pattern[str] | None:
        """The finder the scan uses now: `finder`, or once `screen_frequent_keys` ran, `finder` that
        finds the words of `screened_keys` only where their screen matches."""
        return self.screening.finder or self.finder

    @property
    def screened_keys(self) -> frozenset[str]:
        """Exact keys whose screen `scan_finder` runs: bundles made since have none of their own."""
        return self.screening.keys

    @classmethod
    def build(cls, categories: dict[str, Category], lang: str) -> Index:
        """Merge the word tables of `categories`, one group per (category, first word)."""
        tables: tuple[dict[str, _Spec], dict[str, _Spec]] = ({}, {})
        for name, cat in categories.items():
            for table, merged in zip((cat.exact, cat.prefixes), tables, strict=True):
                for key, ids in table.items():
                    merged[key] = merged.get(key, ()) + ((name, ids),)
        exact, prefixes = tables
        skeleton = _SKELETONS.get(lang)
        # The finder reads the skeleton spelling, the screens the folded text: only without a skeleton.
        finder = _finder(set(exact), set(prefixes)) if exact or prefixes else None
        return cls(
            exact,
            prefixes,
            tuple(sorted({len(k) for k in prefixes})),
            frozenset(k[:2] for k in prefixes),
            categories,
            skeleton,
            finder,
            {name: required_literals(cat.scan_source) for name, cat in categories.items() if cat.scan_source},
            _keyed_needs_of(categories, skeleton),
            lang=lang,
        )

    def screen_frequent_keys(self) -> None:
        """Compile the finder that runs the screens of `lang`'s `_FREQUENT_KEYS` and let the scan use it.

        The scan calls this after `_SCREENED_AFTER` chunks, not when the index is built: the screens
        double the English and Russian index's compile time (English 44 -> 92 ms), which a process that
        checks one short reply (`supportterm check FILE`) would pay for nothing. Either finder gives the
        scan the same matches. Azerbaijani gets none: its finder reads the skeleton spelling, the
        screens the folded text.
        """
        with _BUILDING:
            state = self.screening
            if state.finder is not None or self.finder is None:
                return
            screens = {} if self.skeleton else _finder_screens(self.lang, self.exact, self.prefixes, self.categories)
            try:
                finder = _finder(set(self.exact), set(self.prefixes), screens) if screens else self.finder
            except re.error:  # a screen that cannot be part of a larger pattern (inline flags)
                screens, finder = {}, self.finder
            state.keys = frozenset(screens)
            state.finder = finder

    def scan(self, folded: str) -> Hits:
        """Matches of every category in `folded`, by category name, in text order per category."""
        hits: Hits = {name: [] for name in self.categories}
        state = self.screening
        if state.finder is None:
            state.scans += 1
            if state.scans >= _SCREENED_AFTER:
                self.screen_frequent_keys()
        finder = state.finder or self.finder
        # Same length and word bounds as `folded`: every skeleton letter maps to one letter.
        keyed = replace_all(folded, self.skeleton) if self.skeleton else folded
        if finder is not None:
            memo = self.memo
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
            for m in finder.finditer(keyed):
                at = m.start(1)
                if at < 0:  # the finder's last match: no key word after the previous one
                    break
                word = m[1]  # a subscript is cheaper than calling m.group(1) (~0.1 µs a visit)
                bundles = memo.get(word)
                if bundles is None:
                    bundles = memo[word] = self._bundles_of(word)
                for bundle in bundles:
                    screen = bundle.screen
                    if screen is not None and screen.match(folded, at) is None:
                        continue
                    groups = bundle.groups
                    for name, pattern, ids in groups if groups is not None else bundle.compile_groups():
                        hit = pattern.match(folded, at)
                        if hit:
                            i = ids[0] if len(ids) == 1 else int((hit.lastgroup or "g0")[1:])
                            hits[name].append((hit.start(), hit.end(), self.categories[name].entries[i]))
        # `scan_needs` has a key for each category with unindexed entries (`Category.scan_source`).
        for name, needs in self.scan_needs.items():
            if may_match(needs, folded) and may_match(self.keyed_needs.get(name), keyed):
                hits[name] += self.unindexed_matches(name, folded)
        return hits

    def unindexed_matches(self, name: str, folded: str) -> list[tuple[int, int, Entry]]:
        """Matches of the entries of category `name` that no key word indexes, in text order."""
        cat = self.categories[name]
        scan: re.Pattern[str] = cat.scan  # type: ignore[assignment]
        starts = self.unindexed[name] if name in self.unindexed else self._starts(name)
        found = []
        for m in (starts or scan).finditer(folded):
            # The named alternation matches there as the bare one did; its group names the entry.
            hit: re.Match[str] = scan.match(folded, m.start()) if starts is not None else m  # type: ignore[assignment]
            found.append((hit.start(), hit.end(), cat.entries[cat.scan_ids[int((hit.lastgroup or "g0")[1:])]]))
        return found

    def key_words(self, keyed: str) -> Iterator[tuple[int, str]]:
        """(offset, word) of every word of `keyed` text that starts like an index key, in text order:
        `scan` looks up each of them but the words of `screened_keys` whose screen fails there."""
        for m in self.finder.finditer(keyed) if self.finder is not None else ():
            if m.start(1) < 0:
                break
            yield m.start(1), m.group(1)

    def _starts(self, name: str) -> re.Pattern[str] | None:
        r"""The unindexed entries of category `name` as one alternation without group names, or None.

        `Category.scan` names each entry's group so a match tells which entry it is, and an
        alternation of groups gives `re` no first character to skip ahead by: it ran its matcher at
        every position (Azerbaijani "m[aə]l[ıi] …" suffixes: 1.1 M instructions per check). Joined
        bare, the entries open with letters and `re` skips to them in C; the named alternation then
        runs only where a match starts. Group names change no match, so both match at the same
        places with the same spans; entries that refer to groups (backreferences, conditionals) or
        set global flags keep the named alternation (None).
        """
        cat = self.categories[name]
        sources = [cat.source(i) for i in cat.scan_ids]
        starts = None
        if not any(_REFERS_TO_GROUPS.search(source) for source in sources):
            try:
                starts = re.compile("|".join(sources))
            except re.error:
                pass
            if starts is not None and starts.flags != _PLAIN_FLAGS:
                starts = None
        self.unindexed[name] = starts
        return starts

    def _bundles_of(self, word: str) -> tuple[Bundle, ...]:
        """The bundles whose entries can start with `word` (by exact word, then by prefix)."""
        key = replace_all(word, self.skeleton) if self.skeleton else word
        found = (self._bundle(False, key),) if key in self.exact else ()
        if key[:2] in self.heads:
            for n in self.prefix_lengths:
                if n > len(key):
                    break
                if key[:n] in self.prefixes:
                    found += (self._bundle(True, key[:n]),)
        return found

    def _bundle(self, prefix: bool, key: str) -> Bundle:
        """The bundle of an index key, its screen compiled on first use."""
        bundle = self.bundles.get((prefix, key))
        if bundle is None:
            specs = (self.prefixes if prefix else self.exact)[key]
            screened = not prefix and key in self.screened_keys
            bundle = self.bundles[prefix, key] = Bundle(specs, self.categories, screened)
        return bundle

    def compile_all(self) -> None:
        """Compile every bundle and alternation now (tests compare this with compiling on demand)."""
        for prefix, table in ((False, self.exact), (True, self.prefixes)):
            for key in table:
                self._bundle(prefix, key).compile_groups()
        for cat in self.categories.values():
            cat.scan  # noqa: B018 (compiled for the check it makes)


def _keyed_needs_of(
    categories: dict[str, Category], skeleton: tuple[tuple[str, str], ...] | None
) -> dict[str, Needs | None]:
    """`_keyed_needs` of each category with unindexed entries (none without a skeleton)."""
    if not skeleton:
        return {}
    return {
        name: _keyed_needs(cat.scan_source, skeleton) for name, cat in categories.items() if cat.scan_source
    }


def _keyed_needs(source: str, skeleton: tuple[tuple[str, str], ...]) -> Needs | None:
    r"""Strings one of which every match of `source` over folded text shows in the `skeleton` spelling
    (the text `Index.scan` hands its finder), or None when nothing is known.

    Why: the Azerbaijani unindexed entries ("-malı idiniz", "-saydınız", "-malısınız") have no literal of
    two letters in the folded spelling (`[aə]l[ıi] [iı]d[iı]n[iı]z`), so `required_literals` knows
    nothing and their alternations were searched in every chunk (56 µs of a cold Azerbaijani check),
    though they match in few. In the skeleton spelling `[ıi]` is the one letter "i" ("li idiniz").
    `source` is read with each skeleton letter written as its stand-in: where the entry matches the
    folded text, the skeleton text holds each literal of that reading at the same offsets (a literal
    letter or a class of letters with one stand-in reads as that stand-in there, and nothing else
    becomes a literal). A letter the replacement cannot see (an escape such as `ə`) stays a
    skeleton letter, which the skeleton text never holds: then nothing is known.
    """
    needs = required_literals(replace_all(source, skeleton))
    letters = "".join(old for old, _new in skeleton)
    if needs is None or any(
        ch in letters for term in needs for choice in term for string in choice for ch in string
    ):
        return None
    return needs


_FREQUENT_KEYS = {
    "en": (
        "the", "and", "for", "in", "our", "was", "thanks", "kind", "to", "from", "can", "at", "same", "up",
        "only", "customer", "didn't", "per", "should", "user", "now",
    ),
    "ru": (
        "с", "в", "на", "спасибо", "и", "что", "если", "все", "по", "уже", "только", "до", "всего", "за",
        "можно", "еще", "для", "ошибка", "у", "раз", "снова", "же", "его", "была", "там", "сами", "от",
        "больше", "к",
    ),
}  # fmt: skip
"""Key words frequent in replies whose screen `Index.scan_finder` runs itself (`_finder_screens`).

Each visit of a key word in the scan loop costs about 0.5 µs of Python (the loop, the memo, the call)
before its screen (or its one group) runs, and these fail in 95 % of their places: "the" comes 24
times in a 2 KB English reply. Run in the finder, a failed screen costs no Python at all. A reply that
lacks one of these words still compiles its screen, with the finder, so a word is here only if it
comes about once or more per reply of the latency benchmark and its screen compiles in at most ~3 ms
per time it comes ("the": 7 ms for 24; "you", 58 ms for 7, and "if", 8 ms for 2, are not here).
"""


def _finder_screens(
    lang: str, exact: dict[str, _Spec], prefixes: dict[str, _Spec], categories: dict[str, Category]
) -> dict[str, str]:
    """The screen source of each of `lang`'s `_FREQUENT_KEYS` that `_finder` can run for the scan.

    Dropping a word where its key's screen fails drops nothing the scan would find only when that
    key's bundle is the word's only one: an exact key no prefix key starts. The screen of a key of
    one group is built the same way (the bundle has none: it runs its group at every word). A screen
    that refers to groups by number or name would mean something else inside the finder, so that key
    stays unscreened there.
    """
    screens = {}
    for key in _FREQUENT_KEYS.get(lang, ()):
        specs = exact.get(key)
        if specs is None or any(key[:n] in prefixes for n in range(1, len(key) + 1)):
            continue
        source = _screen_source(specs, categories)
        if not _REFERS_TO_GROUPS.search(source) and "(?P<" not in source:
            screens[key] = source
    return screens


_INDEXES: dict[str, Index] = {}
_BUILDING = threading.Lock()
_EMPTY = Index({}, {}, (), frozenset(), {}, None, None)


def index(lang: str) -> Index:
    """The word index of `lang`'s main-pass categories, built the first time `lang` is checked."""
    found = _INDEXES.get(lang)
    if found is None:
        with _BUILDING:  # a warm-up worker and a check on another thread build it once
            found = _INDEXES.get(lang)
            if found is None:
                cats = lexicons.BY_LANG.get(lang)
                if cats is None:
                    return _EMPTY
                found = _INDEXES[lang] = Index.build({n: c for n, c in cats.items() if n in MAIN_PASS}, lang)
    return found


def scan(lang: str, folded: str) -> Hits:
    """Main-pass matches of `lang`'s lexicon in `folded` text (empty for languages without one)."""
    return index(lang).scan(folded)
