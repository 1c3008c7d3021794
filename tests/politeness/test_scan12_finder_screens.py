"""Tests that the word finder running the screens of frequent keys changes nothing the scan finds.

`lexicon_scan._FREQUENT_KEYS` ("the", "and", "с", "на", …) have their screen run by `Index.finder`, so
their words reach the scan loop only where the screen matches (docs/politeness.md, Latency). The scan
is compared with one whose index screens nothing in the finder, and the finder's words with every
key word minus those whose screen fails, on edge cases (apostrophes, text edges, non-ASCII digits,
Turkish/Azerbaijani İ ı, the Kelvin sign), on random texts made of the entries' own words and on
every labelled reply.
"""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import lexicon_scan, lexicons
from supportterm.politeness.folding import fold
from supportterm.politeness.lexicon_scan import Index

from .labelled import texts as labelled_texts
from .test_lexicon_scan_shortcuts import EDGES

_WORD = re.compile(r"[\w']+")


def _build(lang: str) -> Index:
    cats = lexicons.BY_LANG[lang]
    return Index.build({n: c for n, c in cats.items() if n in lexicons.MAIN_PASS}, lang)


@pytest.fixture(scope="module")
def indexes() -> dict[str, tuple[Index, Index]]:
    """(index as shipped, index whose finder screens no key) per language."""
    shipped = {lang: _build(lang) for lang in ("en", "ru", "az")}
    for index in shipped.values():
        index.screen_frequent_keys()
    saved = dict(lexicon_scan._FREQUENT_KEYS)
    lexicon_scan._FREQUENT_KEYS.clear()
    try:
        plain = {lang: _build(lang) for lang in shipped}
        for index in plain.values():
            index.screen_frequent_keys()
    finally:
        lexicon_scan._FREQUENT_KEYS.update(saved)
    return {lang: (shipped[lang], plain[lang]) for lang in shipped}


def _texts(lang: str, index: Index) -> list[str]:
    """Edge cases around each screened key, random texts of the words its entries are made of, and
    every labelled reply: folded, as the scan reads them."""
    keys = sorted(index.screened_keys) or sorted(index.exact)[:20]
    words = sorted(
        {
            word
            for key in keys
            for name, ids in index.exact[key]
            for i in ids
            for word in _WORD.findall(index.categories[name].entries[i].source)
        }
    )
    rng = random.Random(12)
    glue = [" ", "  ", ", ", "'", "-", "\n", ". ", "_", "٣", "İ", "ı", "\u212a", "é", ""]
    randoms = []
    for _ in range(3000):
        picks = [rng.choice(keys if rng.random() < 0.3 else words) for _ in range(rng.randint(1, 14))]
        randoms.append("".join(word + rng.choice(glue) for word in picks))
    edges = [edge.replace("you", key) for edge in EDGES for key in keys]
    return [fold(text, lang) for text in EDGES + edges + randoms + labelled_texts(lang)]


def test_english_and_russian_finders_screen_their_frequent_keys(
    indexes: dict[str, tuple[Index, Index]],
) -> None:
    assert {"the", "and", "for"} <= indexes["en"][0].screened_keys
    assert {"с", "на", "спасибо"} <= indexes["ru"][0].screened_keys
    assert not indexes["az"][0].screened_keys  # its finder reads the skeleton spelling, its screens do not
    for shipped, plain in indexes.values():
        assert not plain.screened_keys
        for key in shipped.screened_keys:
            assert shipped._bundle(False, key).screen is None  # the finder ran it already
            assert (plain._bundle(False, key).screen is not None) == (len(plain.exact[key]) > 1)


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_the_scan_finds_what_it_found_without_finder_screens(
    lang: str, indexes: dict[str, tuple[Index, Index]]
) -> None:
    shipped, plain = indexes[lang]
    for folded in _texts(lang, shipped):
        assert shipped.scan(folded) == plain.scan(folded), folded


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_finder_drops_exactly_the_words_whose_screen_fails(
    lang: str, indexes: dict[str, tuple[Index, Index]]
) -> None:
    shipped, plain = indexes[lang]
    assert shipped.scan_finder is not None
    screened = shipped.screened_keys
    screens = {key: lexicon_scan._screen(shipped.exact[key], shipped.categories) for key in screened}
    for folded in _texts(lang, shipped):
        every = list(shipped.key_words(folded))
        assert every == list(plain.key_words(folded))
        found = [(m.start(1), m.group(1)) for m in shipped.scan_finder.finditer(folded) if m.start(1) >= 0]
        kept = [
            (at, word)
            for at, word in every
            if word not in screens or screens[word].match(folded, at)  # type: ignore[union-attr]
        ]
        assert found == kept, folded


def test_a_screen_that_cannot_be_embedded_leaves_the_finder_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_scan, "_finder_screens", lambda *args: {"the": "(?i)the"})
    index = _build("en")
    index.screen_frequent_keys()
    assert not index.screened_keys
    assert index.scan_finder is index.finder
    assert list(index.key_words("the end")) == [(0, "the"), (4, "end")]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_scan_screens_in_the_finder_only_after_a_few_chunks(lang: str) -> None:
    """One short check never compiles the screening finder; later chunks use it, finding the same."""
    index = _build(lang)
    folded = fold(labelled_texts(lang)[0], lang)
    first = index.scan(folded)
    assert index.scan_finder is index.finder and not index.screened_keys
    for _ in range(lexicon_scan._SCREENED_AFTER):
        assert index.scan(folded) == first
    assert index.scan_finder is not index.finder and index.screened_keys
    assert index.scan(folded) == first


_HEAD_BEFORE_FEW_WORDS = re.compile(
    r"(?:\(\?<!\[\\w'\]\))?"
    r"(?:[\w']|\[[^\]\\]*\]|\(\?:(?:[^()\\]|\\[^()])*\))+" + re.escape(lexicons._GAP) + r"(?![?*+{])"
)
"""`lexicon_scan._HEAD` before entries that go on with "…" (`lexicons._FEW_WORDS`) were merged."""


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_screens_merged_on_few_words_match_where_they_did(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    index = lexicon_scan.index(lang)
    merged = {
        key: source
        for key, specs in index.exact.items()
        if lexicons._FEW_WORDS in (source := lexicon_scan._screen_source(specs, index.categories))
    }
    with monkeypatch.context() as patch:
        patch.setattr(lexicon_scan, "_HEAD", _HEAD_BEFORE_FEW_WORDS)
        before = {key: lexicon_scan._screen_source(index.exact[key], index.categories) for key in merged}
    changed = sorted(key for key in merged if merged[key] != before[key])
    assert changed
    rng = random.Random(12)
    glue = [" ", "  ", ", ", "'", "-", " - ", "\n", ". ", "٣", "İ", "ı", "\u212a", ""]
    for key in changed:
        new, old = re.compile(merged[key]), re.compile(before[key])
        words = sorted(set(_WORD.findall(before[key].replace(r"\w", " ").replace(r"\n", " "))) | {key})
        texts = [
            key + " " + "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(0, 8)))
            for _ in range(300)
        ]
        for text in texts + [fold(text, lang) for text in labelled_texts(lang)[:200]]:
            for at in range(len(text)):
                assert (new.match(text, at) is None) == (old.match(text, at) is None), (key, text, at)
