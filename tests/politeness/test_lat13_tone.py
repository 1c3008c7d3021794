"""Tests that the session-13 English tone shortcuts change no result.

`english_text` now maps `_WORD.findall` over the sentences (no Python loop) and the scorer looks each
known word and pair up once (`dict.get`); compared with the loop and lookups they replace on every
labelled reply and on edge cases, the sentences, words and pair order must be the same, and the
word weights the same list in the same order.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import tone, tone_features
from supportterm.politeness.folding import fold

from .labelled import texts

_EDGE_CASES = [
    "",
    " ",
    "\n\n",
    "Why? Because.",
    "hi!!  you?\n\nwell...  ok;fine: done",
    "don't won't rock'n'roll 'quoted' you're",
    "Thanks, Anna.\n \n\tBest regards",
    "ÉCOLE café naïve 123 x_y a.b.c f()",
]
_CASES = _EDGE_CASES + [text[: tone.WINDOW] for text in texts("en") + texts()[::7]]


def _original_english_text(text: str) -> tone_features.EnglishText:
    """`english_text` as it was: one loop over the sentences."""
    plain = tone_features.blank_names(text)
    low = fold(plain, "en")
    sentences, heads = [], []
    for sentence in tone_features._SENTENCE.split(low):
        heads.append(sentence.lstrip())
        words = tone_features._WORD.findall(sentence)
        if words:
            sentences.append((words, sentence.rstrip().endswith("?")))
    words = [w for sentence_words, _ in sentences for w in sentence_words]
    return tone_features.EnglishText(plain, low, sentences, heads, words, tone_features._pairs(words))


def _original_word_weights(words: list[str], pairs: set[str]) -> list[float]:
    known = [tone._UNIGRAMS[w] for w in dict.fromkeys(words) if w in tone._UNIGRAMS]
    known += [tone._BIGRAMS[p] for p in pairs if p in tone._BIGRAMS]
    return known


@pytest.mark.parametrize("chunk", [slice(i, i + 1500) for i in range(0, len(_CASES), 1500)])
def test_english_text_and_word_weights_are_unchanged(chunk: slice) -> None:
    for text in _CASES[chunk]:
        new, old = tone_features.english_text(text), _original_english_text(text)
        assert new == old, text
        assert list(new.pairs) == list(old.pairs), text
        weights = tone._known_word_weights(new.words, new.pairs)
        assert weights == _original_word_weights(old.words, old.pairs), text
