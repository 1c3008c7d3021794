"""Provides `scan`: the main-pass lexicon matches of a paragraph, all categories in one pass.

Why it is shaped like this (each step measured on the 2 KB replies of benchmarks/politeness_latency.py):
- Entries are indexed by the word they start with (`Category.exact` / `prefixes`), so only a few
  regexes run per word; one big alternation of all entries tried at every position was 10× slower.
- Only words that start like an index key are visited: one regex per language, a trie of the keys,
  finds them in C. A Python loop over every word cost more than all the entry regexes together.
- Entries that cannot be indexed (raw regexes that open with a class or an optional word) are tried
  at every position, one pass per category; each pass is skipped when the text lacks all the strings
  one of which every match needs (`literals.required_literals`).
- The groups of one key (the same first word in several categories: "you …" is blame, sarcasm and
  dismissive) are screened by one alternation of all their entries; in 98 % of the places a key
  word occurs no entry matches, and the screen says so with one regex call instead of one per group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .folding import replace_all
from .lexicons import _GAP, _SKELETONS, BY_LANG, MAIN_PASS, Category, Hits
from .literals import Needs, may_match, required_literals

_Group = tuple[str, re.Pattern[str], tuple[int, ...]]
"""(category, pattern, entry ids): the entries of one category that start with the same word."""
_Bundle = tuple[re.Pattern[str] | None, tuple[_Group, ...]]
"""(screen, groups) of one index key; the screen is None when there is a single group to run."""

_WORD_START = r"(?<![\w'])"
"""How every entry built from the lexicon syntax opens (see `lexicons.entry_regex`)."""
_MEMO_LIMIT = 50_000
"""Words remembered per language before the memo starts over."""


def _group(name: str, cat: Category, ids: tuple[int, ...]) -> _Group:
    """One pattern for entries sharing a first word, longest entries first."""
    ids = tuple(dict.fromkeys(ids))
    if len(ids) == 1:
        return name, cat.patterns[ids[0]], ids
    ordered = sorted(ids, key=lambda i: -len(cat.entries[i].source))
    alternation = "|".join(f"(?P<g{i}>{cat.patterns[i].pattern})" for i in ordered)
    return name, re.compile(alternation), ids


def _bundle(groups: tuple[_Group, ...], categories: dict[str, Category]) -> _Bundle:
    """The groups of one key with their screen: an alternation that matches where any of them does.

    An alternation matches at a position exactly when one of its branches does, so a failed screen
    proves no group matches there. Entries are joined without their group names (two categories
    may share entry ids); a raw entry that cannot be joined (inline flags) leaves the key unscreened.
    The screen runs only where `Index.finder` found a word start, so the word-start look-behind that
    opens every entry built from the lexicon syntax always holds there and is left out of the screen:
    the branches then open with letters, which `re` rejects with one comparison.
    """
    if len(groups) == 1:
        return None, groups
    sources = [
        # Entries built from the lexicon syntax have no top-level "|" and can be joined bare.
        f"(?:{pattern})"
        if categories[name].entries[i].source.startswith("re:")
        else pattern.removeprefix(_WORD_START)
        for name, _, ids in groups
        for i in ids
        if (pattern := categories[name].patterns[i].pattern)
    ]
    try:
        screen = re.compile("|".join(_factored(list(dict.fromkeys(sources)))))
    except re.error:
        screen = None
    return screen, groups


_HEAD = re.compile(
    r"(?:\(\?<!\[\\w'\]\))?"  # the word-start look-behind every entry opens with
    r"(?:[\w']|\[[^\]\\]*\]|\(\?:(?:[^()\\]|\\[^()])*\))+"  # letters, classes, flat groups
    + re.escape(_GAP)
    + r"(?![?*+{])"
)
"""The first word of an entry's source with the gap after it: a whole atom sequence, never quantified."""


def _factored(sources: list[str]) -> list[str]:
    """`sources` with those sharing a first word and gap joined as word + gap + (?:rest|rest|…), nested.

    `re` tries an alternation's branches one by one and factors out only an opening that every
    branch shares; "you …" entries have about a hundred branches, and without this every one
    re-matched "you " and then its next word before failing. Merged level by level ("you have …",
    "you have no …"), a failing screen costs about one test per word it reads. A screen only says
    whether some entry matches at a position, and regrouping concatenations keeps exactly that.
    """
    by_head: dict[str, list[str]] = {}
    for source in sources:
        head = _HEAD.match(source)
        by_head.setdefault(head.group() if head else source, []).append(source)
    out = []
    for head, members in by_head.items():
        rests = [member[len(head) :] for member in members]
        if len(members) < 2 or not all(rests):
            out += members
        else:
            out.append(f"{head}(?:{'|'.join(_factored(rests))})")
    return out


_WORD_END = r"(?![\w'])"
_EXACT, _PREFIX = "=", "*"
"""Trie marks: a word equal to the key ends here; any word starting with the key ends here."""


def trie(exact: set[str], prefixes: set[str]) -> str:
    """A regex for the words equal to one of `exact` or starting with one of `prefixes`, as a trie.

    re tries the branches of an alternation one by one, so 300 flat keys would cost 300 tests per
    word; the trie costs about one test per letter. Below a prefix key nothing else is needed.
    """
    root: dict[str, dict] = {}
    for key, mark in sorted([(k, _EXACT) for k in exact] + [(k, _PREFIX) for k in prefixes]):
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[mark] = {}

    def branch(node: dict[str, dict]) -> str:
        if _PREFIX in node:
            return ""
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch != _EXACT]
        alternatives += [_WORD_END] if _EXACT in node else []
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(root)


@dataclass(frozen=True, slots=True)
class Index:
    """Every main-pass category of a language merged into one word index: one pass per check."""

    exact: dict[str, _Bundle]
    prefixes: dict[str, _Bundle]
    prefix_lengths: tuple[int, ...]
    heads: frozenset[str]
    """First two letters of every prefix key: most words skip the prefix loop."""
    categories: dict[str, Category]
    skeleton: tuple[tuple[str, str], ...] | None
    finder: re.Pattern[str] | None
    """Whole words that are an exact key or start with a prefix key (Azerbaijani: in skeleton spelling)."""
    scan_needs: dict[str, Needs | None] = field(default_factory=dict)
    """Per category with unindexed entries: strings one of which each of their matches contains."""
    memo: dict[str, tuple[_Bundle, ...]] = field(default_factory=dict)
    """Bundles of every word seen so far: replies reuse a small vocabulary."""

    @classmethod
    def build(cls, categories: dict[str, Category], lang: str) -> Index:
        """Merge the word tables of `categories`, one pattern per (category, first word)."""
        tables: tuple[dict[str, tuple[_Group, ...]], dict[str, tuple[_Group, ...]]] = ({}, {})
        for name, cat in categories.items():
            for table, merged in zip((cat.exact, cat.prefixes), tables, strict=True):
                for key, ids in table.items():
                    merged[key] = merged.get(key, ()) + (_group(name, cat, ids),)
        exact = {key: _bundle(g, categories) for key, g in tables[0].items()}
        prefixes = {key: _bundle(g, categories) for key, g in tables[1].items()}
        found = trie(set(exact), set(prefixes)) if exact or prefixes else None
        finder = re.compile(r"(?<![\w'])" + found + r"[\w']*") if found is not None else None
        return cls(
            exact,
            prefixes,
            tuple(sorted({len(k) for k in prefixes})),
            frozenset(k[:2] for k in prefixes),
            categories,
            _SKELETONS.get(lang),
            finder,
            {name: required_literals(cat.scan.pattern) for name, cat in categories.items() if cat.scan},
        )

    def scan(self, folded: str) -> Hits:
        """Matches of every category in `folded`, by category name, in text order per category."""
        hits: Hits = {name: [] for name in self.categories}
        if self.finder is not None:
            memo = self.memo
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
            # Same length and word bounds as `folded`: every skeleton letter maps to one letter.
            keyed = replace_all(folded, self.skeleton) if self.skeleton else folded
            for m in self.finder.finditer(keyed):
                word = m.group()
                bundles = memo.get(word)
                if bundles is None:
                    bundles = memo[word] = self._bundles_of(word)
                at = m.start()
                for screen, groups in bundles:
                    if screen is not None and screen.match(folded, at) is None:
                        continue
                    for name, pattern, ids in groups:
                        hit = pattern.match(folded, at)
                        if hit:
                            i = ids[0] if len(ids) == 1 else int((hit.lastgroup or "g0")[1:])
                            hits[name].append((hit.start(), hit.end(), self.categories[name].entries[i]))
        for name, cat in self.categories.items():
            if cat.scan is not None and may_match(self.scan_needs[name], folded):
                for hit in cat.scan.finditer(folded):
                    entry = cat.entries[cat.scan_ids[int((hit.lastgroup or "g0")[1:])]]
                    hits[name].append((hit.start(), hit.end(), entry))
        return hits

    def _bundles_of(self, word: str) -> tuple[_Bundle, ...]:
        """The bundles whose entries can start with `word` (by exact word, then by prefix)."""
        key = replace_all(word, self.skeleton) if self.skeleton else word
        found = (self.exact[key],) if key in self.exact else ()
        if key[:2] in self.heads:
            for n in self.prefix_lengths:
                if n > len(key):
                    break
                if key[:n] in self.prefixes:
                    found += (self.prefixes[key[:n]],)
        return found


INDEXES: dict[str, Index] = {
    lang: Index.build({n: c for n, c in cats.items() if n in MAIN_PASS}, lang)
    for lang, cats in BY_LANG.items()
}
_EMPTY = Index({}, {}, (), frozenset(), {}, None, None)


def scan(lang: str, folded: str) -> Hits:
    """Main-pass matches of `lang`'s lexicon in `folded` text (empty for languages without one)."""
    return INDEXES.get(lang, _EMPTY).scan(folded)
