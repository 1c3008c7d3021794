"""Tests that the session-14 checker shortcuts change no result.

`checker._chunks` now searches each chunk's closing paragraph break from `_CHUNK` characters after its
start instead of visiting every break; compared with the loop it replaces on edge cases, random texts
of breaks and letters, every labelled reply and the latency benchmark's kind of reply (labelled replies
joined by blank lines), the chunks must be the same. `checker._dedupe` now sorts by three C-level keys
and compares unpacked tuples; on random findings (ties, empty spans, runs of one category) and on the
findings of every labelled reply it must keep the same findings in the same order. A reply is folded
once and each chunk reads its part: that part must be the chunk folded alone (Greek final sigma, İ ı,
the Kelvin sign, quotes blanked by masking), on every labelled reply and on fuzz texts.
"""

from __future__ import annotations

import random

import pytest

from supportterm.politeness import checker
from supportterm.politeness.findings import Finding
from supportterm.politeness.folding import fold
from supportterm.politeness.masking import mask

from .labelled import random_texts, texts


def _original_chunks(text: str, size: int) -> list[tuple[int, int]]:
    """`checker._chunks` as it was: one `find` per paragraph break."""
    out = []
    start = cut = 0
    while cut >= 0:
        cut = text.find("\n\n", cut + 1)
        end = len(text) if cut < 0 else cut
        if end - start >= size or cut < 0:
            out.append((start, end))
            start = end
    return out


_EDGE_CASES = [
    "",
    "\n",
    "\n\n",
    "\n\n\n",
    "a\n\nb",
    "x" * 399 + "\n\n" + "y",
    "x" * 400 + "\n\n" + "y",
    "x" * 401 + "\n\n" + "y",
    "x" * 398 + "\n\n\n\n" + "y" * 500 + "\n\n",
    "\n\n" + "x" * 400 + "\n\n\n" + "y" * 400 + "\n\n",
    "x" * 1000,
]


def _joined(replies: list[str]) -> list[str]:
    """About 2 KB of replies joined by blank lines, as benchmarks/politeness_latency.py builds them."""
    out, parts = [], []
    for reply in replies:
        parts.append(reply)
        if sum(len(p) + 2 for p in parts) >= 2048:
            out.append("\n\n".join(parts)[:2048])
            parts = []
    return out


@pytest.mark.parametrize("size", [1, 2, 5, 400])
def test_chunks_are_unchanged(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(checker, "_CHUNK", size)
    fuzz = random_texts(["\n", "\n\n", "a", "bb ", "x" * 50, "x" * 200, "\r\n"], 3000, seed=14, longest=30)
    labelled = texts()
    for text in _EDGE_CASES + fuzz + labelled + _joined(labelled):
        assert checker._chunks(text) == _original_chunks(text, size), repr(text[:80])


def _original_dedupe(found: list[Finding]) -> tuple[Finding, ...]:
    """`checker._dedupe` as it was: one sort by a Python key, attributes read in the inner loop."""
    out: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, f.start - f.end, f.category)):
        for o in out[-8:]:
            if o.category == f.category and o.start <= f.start < max(o.end, o.start + 1):
                break
        else:
            out.append(f)
    return tuple(out)


def _random_findings(rng: random.Random) -> list[Finding]:
    """Up to 40 findings on a few offsets, categories and messages, so ties, zero-length spans, nesting
    and long runs of one category all come up."""
    out = []
    for _ in range(rng.randint(0, 40)):
        start = rng.randint(0, 30)
        end = start + rng.choice([-1, 0, 0, 1, 2, 5, 12])
        category = rng.choice(["rude", "blame", "shouting", "secret"])
        out.append(Finding(category, "error", start, end, rng.choice("ab"), None))
    return out


def test_dedupe_is_unchanged_on_random_findings() -> None:
    rng = random.Random(14)
    for _ in range(20_000):
        found = _random_findings(rng)
        new = checker._dedupe(list(found))
        assert new == _original_dedupe(found), found
        assert [id(f) for f in new] == [id(f) for f in _original_dedupe(found)], found  # the same objects


def test_dedupe_is_unchanged_on_every_labelled_reply(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[Finding]] = []
    dedupe = checker._dedupe

    def recorded(found: list[Finding]) -> tuple[Finding, ...]:
        calls.append(list(found))
        return dedupe(found)

    monkeypatch.setattr(checker, "_dedupe", recorded)
    labelled = texts()
    for text in labelled + _joined(labelled):
        checker.check(text)
    assert len(calls) > 1000
    for found in calls:
        assert dedupe(list(found)) == _original_dedupe(found)


def test_only_the_dotted_capital_i_lowers_to_two_characters() -> None:
    """`fold` replaces "İ" before `str.lower`, so its lowering is one character per character (its
    per-character fallback never runs) and a chunk's part of a folded reply is the chunk folded alone."""
    longer = [code for code in range(0x110000) if len(chr(code).lower()) != 1]
    assert longer == [0x130]


_FOLD_PIECES = [
    "Σ", "ΟΔΟΣ", "σ", "ς", "İ", "I", "ı", "i", "\u212a", "Ё", "ё", "’", "`", "\u00a0", "ß", "ǅ", "Ω", "\u0345",
    "'", ".", "a", "Word", "\n", "\n\n", "\n\n\n", " ", "x" * 150, "«q»", '"quote\n\nmore"', "`code`",
]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "ru", "az", "tr", "de"])
def test_each_chunk_of_the_folded_reply_is_the_chunk_folded_alone(lang: str) -> None:
    labelled = texts()
    fuzz = random_texts(_FOLD_PIECES, 3000, seed=14, longest=40)
    for text in labelled[::3] + _joined(labelled) + fuzz:
        masked = mask(text)
        folded = fold(masked, lang)
        for start, end in checker._chunks(text):
            assert folded[start:end] == fold(masked[start:end], lang), repr(text[start:end][:80])


def test_moved_findings_are_the_findings_with_their_spans_moved() -> None:
    found = tuple(_random_findings(random.Random(7))) + (
        Finding("language_mismatch", "warning", 0, 9, "m", None, "t {x}", (("x", "y"),)),
    )
    moved = checker._moved(found, 400)
    assert moved == [f._replace(start=f.start + 400, end=f.end + 400) for f in found]
    assert all(type(f) is Finding for f in moved)
