"""Tests that the checker's speed shortcuts never change a result (benchmarks/politeness_golden.py checks
whole reports; these pin each shortcut on its own, on every labelled reply)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from supportterm.politeness import address, lexicon_scan, lexicons, masking, tone_features
from supportterm.politeness.folding import fold
from supportterm.politeness.literals import Needs, may_match, required_literals, shortest_match

SETS = Path(__file__).parent


def _texts(lang: str) -> list[str]:
    return [
        str(json.loads(line)["text"])
        for path in sorted(SETS.glob(f"*/{lang}.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"you\s+(?:are|were)\s+wrong", ((("wrong",), ("you",), ("are", "were")),)),
        (r"a|bc", None),  # one branch needs only a single letter: no shortcut
        (r"(?:ab|cd)x*ef", ((("ab", "cd"), ("ef",)),)),
        (r"(?i)secret", None),  # case-insensitive literals are not plain substrings
        (r"(?:token)?key", ((("key",),),)),  # an optional part is not required
        (r"(?<=never )mind", ((("mind",),),)),  # lookarounds are not consumed
        (r"sorry|apolog\w+", ((("sorry",),), (("apolog",),))),  # one set of needs per branch
    ],
)
def test_required_literals(pattern: str, needs: Needs | None) -> None:
    assert required_literals(pattern) == needs


def test_shortest_match() -> None:
    assert shortest_match(r"ab\d{3,}|xyz") == 3
    assert shortest_match(r"(?:sk|rk)_[0-9]{10,}") == 13


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_a_pattern_never_matches_where_its_literals_are_missing(lang: str) -> None:
    checked = {
        cat.scan: lexicon_scan.index(lang).scan_needs[name]
        for name, cat in lexicon_scan.index(lang).categories.items()
        if cat.scan is not None
    }
    cues = tone_features._SHARED.get(lang, {}).values()
    checked |= {rx: tone_features._SHARED_NEEDS.get(rx) for rx in cues}
    past_endings = ((address._AZ_PAST_ENDINGS,),)  # every past form ends in one of them
    checked |= {address._AZ_PAST: past_endings, address._RU_SAYING: address._RU_SAYING_NEEDS}
    for text in _texts(lang):
        folded = fold(text, lang)
        for pattern, needs in checked.items():
            if not may_match(needs, folded):
                assert pattern.search(folded) is None, (pattern.pattern, folded)


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_key_screens_agree_with_their_groups(lang: str) -> None:
    index = lexicon_scan.index(lang)
    for text in _texts(lang):
        folded = fold(text, lang)
        for word in lexicons._WORDS.finditer(folded):
            for bundle in index._bundles_of(word.group()):
                if bundle.screen is not None:
                    groups = bundle.compile_groups()
                    found = any(pattern.match(folded, word.start()) for _, pattern, _ in groups)
                    screened = bundle.screen.match(folded, word.start()) is not None
                    assert screened == found, (word.group(), folded)


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_the_word_finder_visits_every_word_with_entries(lang: str) -> None:
    index = lexicon_scan.index(lang)
    for text in _texts(lang):
        folded = fold(text, lang)
        keyed = lexicons.replace_all(folded, index.skeleton) if index.skeleton else folded
        visited = list(index.key_words(keyed))
        words = lexicons._WORDS.finditer(keyed)
        wanted = [(m.start(), m.group()) for m in words if index._bundles_of(m.group())]
        assert visited == wanted


def test_line_masks_blank_what_the_line_patterns_match() -> None:
    pieces = ["> quoted", "    code", "\tcode", "$ ls", "rm -rf x", "  git push", "text", "", "a > b", "\n"]
    rng = random.Random(3)
    texts = _texts("en") + [
        "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) + rng.choice(["", "\n"])
        for _ in range(2000)
    ]
    for text in texts:
        for pattern in masking._LINE_MASKS:
            assert masking._sub_lines(pattern, text) == pattern.sub(masking._blank, text)


def test_rewritten_patterns_match_as_the_originals() -> None:
    """Patterns reopened with a character so `re` can skip ahead find exactly what they used to."""
    originals = {
        masking._QUOTED: r"\"[^\"\n]{1,400}\"|«[^»\n]{1,400}»|“[^”\n]{1,400}”|„[^“”\n]{1,400}[“”]"
        r"|(?<!\w)'[^'\n]{1,200}'(?!\w)",
        masking._CONSTANT: r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b",
        tone_features._SENTENCE: r"(?<=[.!?;:])\s+|\n+",
        tone_features._CAPS: r"\b[A-ZА-ЯƏİÖÜĞŞÇ]{4,}\b",
        tone_features._MULTIPUNCT: r"[!?]{2,}",
        tone_features._WORD: r"[a-z]+(?:'[a-z]+)?|[!?]+",
    }
    texts = [t for lang in ("en", "ru", "az") for t in _texts(lang)]
    texts += [t.upper() for t in texts] + ["don't 'quoted' it's 'x'", "ERR_TIMEOUT a_B C_D", "wait!! what? ?"]
    for pattern, original in originals.items():
        old = re.compile(original)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in old.finditer(text)]
