"""Tests that the scan's groups, their entries marked by an empty group at the end and neighbours merged
by first atom, find the same entry and span as the named alternation they replace.

`lexicon_scan._group` joins the entries of one category that start with the same key word; a group
returns its first matching entry, so `_merged_in_order` regroups only neighbours whose first atoms
cannot match the same text, and `_marked` names each entry by an empty group after it
(docs/politeness.md, Latency, session 12). Every group of several entries is compared with the named
alternation (`(?P<gI>entry)|…`, longest entries first) at every word start of every labelled reply and
at every position of random texts made of its entries' own words with edge glue (apostrophes,
hyphens, non-ASCII digits, Turkish/Azerbaijani İ ı, the Kelvin sign), and the merging on synthetic
branches of every kind of first atom.
"""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import lexicon_scan
from supportterm.politeness.folding import fold
from supportterm.politeness.lexicons import compile_category

from .labelled import random_texts
from .labelled import texts as labelled_texts

_WORD = re.compile(r"[\w']+")
_GLUE = [" ", "  ", ", ", "'", "-", " - ", "\n", ". ", "_", "٣", "İ", "ı", "\u212a", "é", ""]


def _named_alternation(cat: lexicon_scan.Category, ids: tuple[int, ...]) -> re.Pattern[str]:
    """The group as it was: each entry in a group named after it, longest entries first."""
    ordered = sorted(ids, key=lambda i: -len(cat.entries[i].source))
    return re.compile("|".join(f"(?P<g{i}>{lexicon_scan._after_word_start(cat, i)})" for i in ordered))


def _same(old: re.Pattern[str], new: re.Pattern[str], text: str, positions: object) -> None:
    for at in positions:  # type: ignore[attr-defined]
        a, b = old.match(text, at), new.match(text, at)
        assert (a is None) == (b is None), (old.pattern[:80], text[at : at + 80])
        if a is not None and b is not None:
            assert (a.span(), a.lastgroup) == (b.span(), b.lastgroup), (old.pattern[:80], text[at : at + 80])


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_every_group_finds_the_entry_and_span_the_named_alternation_found(lang: str) -> None:
    index = lexicon_scan.index(lang)
    replies = "\n\n".join(fold(text, lang) for text in labelled_texts(lang))
    starts = [m.start() for m in re.finditer(r"(?<![\w'])[\w']", replies)]
    groups = 0
    for key, specs in [*index.exact.items(), *index.prefixes.items()]:
        for name, ids in specs:
            ids = tuple(dict.fromkeys(ids))
            if len(ids) < 2:
                continue
            groups += 1
            cat = index.categories[name]
            old = _named_alternation(cat, ids)
            new = lexicon_scan._group(name, cat, ids)[1]
            words = sorted({key} | set(_WORD.findall(old.pattern.replace(r"\w", " ").replace(r"\n", " "))))
            rng = random.Random(f"{key} {name}")
            texts = [
                "".join(rng.choice(words) + rng.choice(_GLUE) for _ in range(rng.randint(1, 10)))
                for _ in range(100)
            ]
            text = fold("\n".join(texts), lang)
            _same(old, new, text, range(len(text) + 1))
            # A key's words start with its first letter (Azerbaijani: in skeleton spelling, so every start).
            _same(
                old, new, replies, starts if index.skeleton else (a for a in starts if replies[a] == key[0])
            )
    assert groups > 200


_FIRST_ATOMS = [
    "a",
    "b",
    "'",
    ",",
    " ",
    "-",
    "[^\\w\\n.!?]+",
    "\\s+",
    "[ab]+",
    "[a-c]",
    "\\w+?",
    "(?:a|b)",
    "a?",
    "(?=a)",
]
_RESTS = ["", "a", "b", "ab", "'b", "[ab]", "\\s+a", "(?:a|)b", "a+", "b?", " "]


def test_merged_synthetic_branches_find_the_entry_and_span_they_found() -> None:
    """Branches of up to three atoms of every kind, each marked, in random order: the merged
    alternation returns the same branch and span as the plain one at every position of random texts."""
    rng = random.Random(13)
    texts = random_texts(["a", "b", "ab", "'", ",", " ", "-", "  ", "\n", "c"], 200, 13, 8)
    merges = 0
    for _ in range(3000):
        branches = [
            "".join(rng.choice(_FIRST_ATOMS) for _ in range(rng.randint(1, 2)))
            + rng.choice(_RESTS)
            + f"(?P<g{i}>)"
            for i in range(rng.randint(2, 7))
        ]
        plain = re.compile("|".join(branches))
        merged = re.compile("|".join(lexicon_scan._merged_in_order(branches)))
        merges += merged.pattern != plain.pattern
        for text in texts:
            _same(plain, merged, text, range(len(text) + 1))
    assert merges > 300


def test_a_marked_entry_is_named_by_its_empty_group() -> None:
    index = lexicon_scan.index("en")
    name, ids = index.exact["you"][0]
    cat = index.categories[name]
    for i in ids:
        assert lexicon_scan._marked(cat, i).endswith(f"(?P<g{i}>)")


def test_a_group_with_a_global_inline_flag_fails_as_the_named_alternation_did() -> None:
    """An entry whose inline flag would apply to its whole group is not merged into a pattern that
    compiles: the named alternation is compiled instead and `re` says what is wrong, as before."""
    cat = compile_category({"entries": ["re:(?i)you broke it", "re:you broke"]}, "en", "rude words", "rude")
    with pytest.raises(re.error, match="global flags"):
        re.compile("|".join(f"(?P<g{i}>{lexicon_scan._after_word_start(cat, i)})" for i in (0, 1)))
    with pytest.raises(re.error, match="global flags"):
        lexicon_scan._group("rude", cat, (0, 1))
