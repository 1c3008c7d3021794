"""Tests that the session-14 screen of the unindexed entries in the skeleton spelling drops no match.

`lexicon_scan.Index.scan` now searches a category's unindexed entries (Azerbaijani "-malı idiniz",
"-saydınız", "-malısınız") only when the text the finder reads, in the skeleton spelling, holds one of
the strings every match shows there (`lexicon_scan._keyed_needs`). Compared with the scan without that
screen on every labelled reply, on the latency benchmark's kind of reply and on random texts made of the
entries' own pieces with edge glue (İ ı, ASCII stand-ins, the Kelvin sign, apostrophes, non-ASCII
digits), the hits must be the same; and wherever an unindexed alternation matches, its screen must pass.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import lexicon_scan
from supportterm.politeness.folding import fold
from supportterm.politeness.literals import may_match

from .labelled import random_texts, texts

_SKELETON = lexicon_scan._SKELETONS["az"]
_PIECES = [
    "malı", "məli", "mali", "meli", "malıydınız", "məliydiniz", "maliydiniz", "saydınız", "səydiniz",
    "saydiniz", "idiniz", "ıdınız", "idınız", " ", "  ", "\n", ", ", "-", "'", "olmam", "olma", "m", "s",
    "sınız", "siniz", "malısınız", "məlisiniz", "yd", "İ", "I", "ı", "i", "ə", "e", "a", "\u212a", "٣",
    "bunu", "etmə", "gözlə", "ödə", "yaz", "Malı", "MƏLİ", "İDİNİZ",
]  # fmt: skip


def _az_texts() -> list[str]:
    """Folded Azerbaijani texts: every labelled reply (the benchmark joins them by blank lines) and fuzz."""
    labelled = texts("az") + texts()[::5]
    joined = ["\n\n".join(labelled[i : i + 8]) for i in range(0, len(labelled), 8)]
    fuzz = random_texts(_PIECES, 6000, seed=14, longest=14)
    return [fold(text, "az") for text in labelled + joined + fuzz]


def test_azerbaijani_unindexed_entries_have_a_skeleton_screen() -> None:
    index = lexicon_scan.index("az")
    assert index.keyed_needs, "no Azerbaijani category has unindexed entries any more: drop the screen"
    assert any(needs is not None for needs in index.keyed_needs.values())
    assert lexicon_scan.index("en").keyed_needs == {}


def test_the_skeleton_screen_passes_wherever_an_unindexed_entry_matches() -> None:
    index = lexicon_scan.index("az")
    for name, needs in index.keyed_needs.items():
        scan = index.categories[name].scan
        assert scan is not None
        for folded in _az_texts():
            if scan.search(folded):
                assert may_match(needs, lexicon_scan.replace_all(folded, _SKELETON)), (name, folded)


def test_the_scan_finds_what_it_found_without_the_skeleton_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    index = lexicon_scan.index("az")
    folded_texts = _az_texts()
    screened = [index.scan(folded) for folded in folded_texts]
    for name in index.keyed_needs:
        monkeypatch.setitem(index.keyed_needs, name, None)  # None: no screen
    for folded, hits in zip(folded_texts, screened, strict=True):
        assert hits == index.scan(folded), folded


@pytest.mark.parametrize(
    "source",
    [
        r"m[aə]l\u0131 idiniz",  # an escaped skeleton letter: the replacement cannot see it
        r"x\N{LATIN SMALL LETTER SCHWA}liyik|abc",
        r"[\u0259a]bcdef\u0131",
    ],
)
def test_a_skeleton_letter_the_replacement_cannot_see_gives_no_screen(source: str) -> None:
    assert lexicon_scan._keyed_needs(source, _SKELETON) is None


def test_skeleton_letters_and_their_classes_read_as_their_stand_ins() -> None:
    needs = lexicon_scan._keyed_needs(r"(?P<g0>[m](?<!olmam)[aə]l[ıi] [iı]d[iı]n[iı]z(?!\w))", _SKELETON)
    assert needs == ((("li idiniz",),),)
    assert lexicon_scan._keyed_needs(r"(?P<g0>şəkil)|(?P<g1>\w+çü)", _SKELETON) == ((("sekil",),), (("cu",),))
    assert lexicon_scan._keyed_needs(r"(?P<g0>şəkil)|(?P<g1>\w+ç)", _SKELETON) is None  # one letter: no need
    two = lexicon_scan._keyed_needs(r"(?P<g0>şəkil)|(?P<g1>üzrlər)", _SKELETON)
    assert two == ((("sekil",),), (("uzrler",),))
