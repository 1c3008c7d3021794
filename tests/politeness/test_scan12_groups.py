"""Tests that a key's groups, without the word-start look-behind of their entries, match as before.

`lexicon_scan._group` leaves out the `(?<![\\w'])` that opens every entry built from the lexicon syntax,
because the scan matches a group only where the word finder found a word start. Each group is compared
with the alternation as it was (every entry whole) at every key word of edge cases (apostrophes, text
edges, non-ASCII digits, Turkish/Azerbaijani İ ı, the Kelvin sign) and of every labelled reply: same
span, same entry.
"""

from __future__ import annotations

import re

import pytest

from supportterm.politeness import lexicon_scan, lexicons
from supportterm.politeness.folding import fold
from supportterm.politeness.lexicon_scan import Index

from .labelled import texts as labelled_texts
from .test_lexicon_scan_shortcuts import EDGES


def _original(cat: lexicons.Category, ids: tuple[int, ...]) -> re.Pattern[str]:
    """The group as `_group` built it before: each entry's whole source, longest entries first."""
    ordered = sorted(dict.fromkeys(ids), key=lambda i: -len(cat.entries[i].source))
    return re.compile("|".join(f"(?P<g{i}>{cat.source(i)})" for i in ordered))


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_groups_match_where_the_whole_entries_did(lang: str) -> None:
    index: Index = lexicon_scan.index(lang)
    originals: dict[re.Pattern[str], re.Pattern[str]] = {}
    keys = sorted(index.exact)[:60]
    texts = EDGES + [edge.replace("you", key) for edge in EDGES for key in keys] + labelled_texts(lang)
    compared = found = 0
    for text in texts:
        folded = fold(text, lang)
        keyed = lexicons.replace_all(folded, index.skeleton) if index.skeleton else folded
        for at, word in index.key_words(keyed):
            for bundle in index._bundles_of(word):
                for name, pattern, ids in bundle.compile_groups():
                    if len(set(ids)) < 2:
                        continue  # the entry's own pattern, unchanged
                    original = originals.get(pattern)
                    if original is None:
                        original = originals[pattern] = _original(index.categories[name], ids)
                    new, old = pattern.match(folded, at), original.match(folded, at)
                    assert (new and (new.span(), new.lastgroup)) == (old and (old.span(), old.lastgroup)), (
                        word,
                        folded,
                    )
                    compared += 1
                    found += old is not None
    assert compared > 1000 and found > 20
    assert any(pattern.pattern != original.pattern for pattern, original in originals.items())
