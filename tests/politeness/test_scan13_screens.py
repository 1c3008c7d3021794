"""Tests that the key screens, merged by first atom, with optional groups as alternations and
possessive word runs, match exactly where they did.

`lexicon_scan._screen_source` joins the branches that share a first character, class, escape or group
(`_merged_by_first_atom`), writes "(?:X)?" as "(?:X|)" (`_optional_groups_as_branches`) and a word run
before a space possessive (`_possessive_word_runs`), so `re` enters fewer branches of a failing screen
(docs/politeness.md, Latency, session 12). A screen only says whether some entry of its key may match
at a position, so each key's screen is compared with the source those three steps leave out: at every
word start of random texts made of the key's entries' own words with edge glue (apostrophes, hyphens,
non-ASCII digits, Turkish/Azerbaijani İ ı, the Kelvin sign) and of every labelled reply, and on
synthetic sources with every kind of atom.
"""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import lexicon_scan
from supportterm.politeness.folding import fold

from .labelled import random_texts
from .labelled import texts as labelled_texts

_WORD = re.compile(r"[\w']+")
_GLUE = [" ", "  ", ", ", "'", "-", " - ", "\n", ". ", "! ", "_", "٣", "İ", "ı", "\u212a", "é", ""]


def _without_new_steps(source_of: object) -> str:
    """`source_of()` with `_merged_by_first_atom`, `_optional_groups_as_branches` and
    `_possessive_word_runs` left out."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lexicon_scan, "_merged_by_first_atom", lambda sources: sources)
        patch.setattr(lexicon_scan, "_optional_groups_as_branches", lambda source: source)
        patch.setattr(lexicon_scan, "_possessive_word_runs", lambda source: source)
        return source_of()  # type: ignore[operator, no-any-return]


def _starts(source: str, text: str) -> list[int]:
    """Every word start of `text` where the screen `source` matches."""
    return [m.start() for m in re.finditer(rf"(?<![\w'])(?=(?:{source}))", text)]


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_every_screen_matches_at_the_word_starts_it_matched_at(lang: str) -> None:
    index = lexicon_scan.index(lang)
    keys = sorted(
        key
        for key, specs in index.exact.items()
        if len(specs) > 1 or key in lexicon_scan._FREQUENT_KEYS.get(lang, ())
    )
    replies = "\n\n".join(fold(text, lang) for text in labelled_texts(lang))
    changed = 0
    for key in keys:
        specs = index.exact[key]
        new = lexicon_scan._screen_source(specs, index.categories)
        old = _without_new_steps(lambda: lexicon_scan._screen_source(specs, index.categories))  # noqa: B023
        if new == old:
            continue
        changed += 1
        words = sorted({key} | set(_WORD.findall(old.replace(r"\w", " ").replace(r"\n", " "))))
        rng = random.Random(key)
        texts = [
            "".join(rng.choice(words) + rng.choice(_GLUE) for _ in range(rng.randint(1, 10)))
            for _ in range(150)
        ]
        text = fold("\n".join([*texts, *(key + glue + key for glue in _GLUE)]), lang)
        assert _starts(new, text) == _starts(old, text), key
        assert _starts(new, replies) == _starts(old, replies), key
    assert changed > len(keys) // 2


_ATOMS = [
    "a",
    "b",
    "ab",
    "a?",
    "a+",
    "a*?",
    "a{2}",
    "a{1,2}",
    "a{,2}",
    "a{2,}+",
    "a{",
    "\\.",
    "\\x61",
    "\\u0062",
    "\\U00000061",
    "\\s+",
    "\\w+",
    "[ab]",
    "[^a]",
    "[]a]",
    "[\\]b]",
    "[a-c]+",
    "(?:a|b)",
    "(?:ab|)",
    "(?:a)?",
    "(?:b(?:a)?)?",
    "(?:a)??",
    "(?:a)?+",
    "(a)",
    "(?=a)",
    "(?!b)",
    "(?<!a)",
    "(?<=b)",
    "\\b",
    ".",
    "$",
    "^",
]


def test_merged_synthetic_sources_match_where_their_alternation_did() -> None:
    """Sources of two to four atoms of every kind: the screen source matches where the plain
    alternation of the sources does, at every position of random texts."""
    rng = random.Random(13)
    texts = random_texts(["a", "b", "c", "aa", "ab", ".", " ", "\n", "]"], 300, 13, 8)
    for _ in range(1500):
        sources = [
            "".join(rng.choice(_ATOMS) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))
        ]
        merged = lexicon_scan._optional_groups_as_branches("|".join(lexicon_scan._factored(sources)))
        plain = re.compile("|".join(sources))
        screen = re.compile(merged)
        for text in texts:
            for at in range(len(text) + 1):
                assert (screen.match(text, at) is None) == (plain.match(text, at) is None), (
                    sources,
                    merged,
                    text,
                )


@pytest.mark.parametrize("atom", [atom for atom in _ATOMS if atom not in ("ab", "a{")])
def test_an_atom_ends_after_its_quantifier(atom: str) -> None:
    assert lexicon_scan._atom_end(atom + "z") == len(atom)


def test_unsure_atoms_keep_the_rest_whole() -> None:
    for source in ["\\1a", "\\N{LATIN SMALL LETTER A}b", "(?#x)a", "*a", "|a"]:
        assert lexicon_scan._atom_end(source) == len(source)


def test_optional_groups_become_alternations_with_an_empty_branch() -> None:
    assert lexicon_scan._optional_groups_as_branches("(?:a)?b") == "(?:a|)b"
    assert lexicon_scan._optional_groups_as_branches("(?:a(?:b)?)?c") == "(?:a(?:b|)|)c"
    for kept in ["(?:a)??b", "(?:a)?+b", "(a)?b", "(?=a)?", "[(?:]?", "\\(?:a\\)?", "(?:a){0,1}"]:
        assert lexicon_scan._optional_groups_as_branches(kept) == kept


def _structure_char_by_char(source: str) -> list[tuple[int, str, int]]:
    """`lexicon_scan._structure` as it was: a Python loop over every character."""
    found, depth, i = [], 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = lexicon_scan._class_end(source, i)
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            found.append((i, ch, depth))
        i += 1
    return found


def test_the_structure_walk_finds_what_the_character_loop_found() -> None:
    pieces = ["\\", "[", "]", "^", "(", ")", "|", "a", "\\]", "\\[", "?", ":", "\n", "[^]", "[]"]
    sources = [
        lexicon_scan._screen_source(specs, index.categories)
        for index in (lexicon_scan.index(lang) for lang in ("en", "ru", "az"))
        for specs in list(index.exact.values())[:60]
    ]
    for source in sources + random_texts(pieces, 100_000, 12, 14):
        walked = _structure_char_by_char(source)
        assert list(lexicon_scan._structure(source)) == walked, source
        assert list(lexicon_scan._structure(source, "()")) == [mark for mark in walked if mark[1] != "|"], (
            source
        )


def test_word_runs_before_a_space_become_possessive() -> None:
    assert lexicon_scan._possessive_word_runs("(?:\\w+\\s+|)x[\\w-]+\\s") == "(?:\\w++\\s+|)x[\\w-]++\\s"
    for kept in [
        "\\\\w+\\s",
        "[\\w+\\s]",
        "\\w+\\s*",
        "\\w+\\s?",
        "\\w+?\\s",
        "\\w+\\s{2}",
        "[\\w']+\\s",
        "\\w+ ",
    ]:
        assert lexicon_scan._possessive_word_runs(kept) == kept


def test_no_word_character_or_hyphen_is_a_space() -> None:
    """Why a word run before a space can be possessive: the two classes share no code point."""
    every = "".join(map(chr, range(0x110000)))
    assert not re.search(r"(?=[\w-])\s", every)
