"""Tests that the session-14 checker shortcuts change no result.

`checker._chunks` now searches each chunk's closing paragraph break from `_CHUNK` characters after its
start instead of visiting every break; compared with the loop it replaces on edge cases, random texts
of breaks and letters, every labelled reply and the latency benchmark's kind of reply (labelled replies
joined by blank lines), the chunks must be the same.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import checker

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
