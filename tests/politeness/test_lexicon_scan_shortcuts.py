"""Tests that the lexicon scan's faster passes find exactly what the plain patterns they replace find.

`lexicon_scan._finder` walks the text run by run instead of opening with a word-start look-behind, and
`Index._starts` finds the unindexed entries' matches without their group names (docs/politeness.md,
Latency, session 10). Each is compared with the original pattern on edge cases (apostrophes, text
edges, non-ASCII digits, Turkish/Azerbaijani İ ı, the Kelvin sign), on random texts and on every
labelled reply.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from supportterm.politeness import lexicon_scan, lexicons
from supportterm.politeness.findings import MESSAGES
from supportterm.politeness.folding import fold
from supportterm.politeness.lexicon_scan import Index, trie

SETS = Path(__file__).parent
EDGES = [
    "",
    " ",
    "you",
    "you ",
    " you",
    "'you'",
    "you'",
    "'you",
    "your's you're yourself",
    "x_you you_x _you",
    "you\nyou\tyou",
    "١٢٣you you٣ ²you",
    "İyou ıyou you̇",
    "Kyou \u212ayou you\u212a",
    "...you!!!you???",
    "yoyou youyou",
    "blah blah blah",
    "'''",
]


def _texts(lang: str) -> list[str]:
    return [
        fold(str(json.loads(line)["text"]), lang)
        for path in sorted(SETS.glob(f"**/{lang}.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _look_behind_finder(index: Index) -> re.Pattern[str]:
    """The finder as it was: a word-start look-behind, the trie of the keys, the rest of the word."""
    return re.compile(r"(?<![\w'])" + trie(set(index.exact), set(index.prefixes)) + r"[\w']*")


def _random_texts(words: list[str], count: int) -> list[str]:
    rng = random.Random(10)
    glue = [" ", "  ", "'", "-", ", ", "\n", ".", "_", "٣", "İ", "ı", "\u212a", "é", ""]
    return [
        "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(0, 12))) for _ in range(count)
    ]


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_the_finder_visits_the_words_the_look_behind_finder_visits(lang: str) -> None:
    index = lexicon_scan.index(lang)
    original = _look_behind_finder(index)
    keys = sorted(index.exact)[:40] + sorted(index.prefixes)[:10]
    words = keys + [key[:-1] for key in keys] + [key + "s" for key in keys] + ["x", "'", "q'", "123"]
    texts = EDGES + [e.replace("you", key) for e in EDGES for key in keys[:5]] + _random_texts(words, 3000)
    for text in texts + _texts(lang):
        keyed = lexicons.replace_all(text, index.skeleton) if index.skeleton else text
        assert list(index.key_words(keyed)) == [(m.start(), m.group()) for m in original.finditer(keyed)], text


def test_keys_that_are_not_word_runs_keep_the_look_behind_finder() -> None:
    finder = lexicon_scan._finder({"e-mail", "you"}, {"abc"})
    assert finder.pattern.startswith(r"(?<![\w'])")
    index = Index({}, {}, (), frozenset(), {}, None, finder)
    assert list(index.key_words("re-e-mail you abcd")) == [(3, "e-mail"), (10, "you"), (14, "abcd")]


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_unindexed_entries_match_where_their_named_alternation_does(lang: str) -> None:
    index = lexicon_scan.index(lang)
    texts = _texts(lang) + EDGES + ["malı idiniz", "etməli idiniz etməlisiniz", "yazmalıydınız", "Kmalısınız"]
    for name, cat in index.categories.items():
        if cat.scan is None:
            continue
        assert index._starts(name) is not None  # the shipped entries can all be joined bare
        for text in texts:
            expected = [
                (m.start(), m.end(), cat.entries[cat.scan_ids[int((m.lastgroup or "g0")[1:])]])
                for m in cat.scan.finditer(text)
            ]
            assert index.unindexed_matches(name, text) == expected, text


def test_unindexed_entries_that_refer_to_groups_keep_the_named_alternation() -> None:
    raw = {"entries": ["re:(?P<a>a)(?P=a)x", "re:[bc]y"], "message": "m"}
    category = lexicons.compile_category(raw, "en", MESSAGES["rude"], "rude")
    index = Index.build({"rude": category}, "en")
    assert index._starts("rude") is None
    assert [(s, e) for s, e, _ in index.scan("aax cy")["rude"]] == [(0, 3), (4, 6)]
    plain = Index.build({"rude": lexicons.compile_category({"entries": ["re:[bc]y"]}, "en", "m")}, "en")
    assert plain._starts("rude") is not None
    assert [(s, e) for s, e, _ in plain.scan("aax cy by")["rude"]] == [(4, 6), (7, 9)]
