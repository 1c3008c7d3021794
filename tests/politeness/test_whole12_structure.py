"""`Category.starts` remembers the patterns a first word can start: it must answer as it did before
(`originals.category_starts`), through `structure._starts_with`, for every language's greeting and
closing categories (Azerbaijani skeleton keys, Russian prefix keys), on edge cases and on every labelled line."""

from __future__ import annotations

import pytest

from supportterm.politeness import lexicons, structure
from supportterm.politeness.folding import fold

from .labelled import replies
from .originals import category_starts

LINES = [
    "", " ", "hi", "hi,", "hi marco, thanks", "hello", "hellothere", "'hi", "hi'", "_hi", "dear anna",
    "good morning", "best,", "best regards,", "bestregards", "здравствуйте!", "добрый день, вадим!",
    "здравствуйте", "с уважением,", "ən xoş arzularla,", "en xos arzularla,", "salam, nərmin",
    "hörmətlə,", "hormetle,", "İlqar", "ıhi", "hi\u212a", "\u212ahi", "٣ hi", "thanks! best regards",
]


def _check(line: str) -> None:
    for lang in ("en", "ru", "az", "de"):
        for name in ("greeting", "closing"):
            cat = lexicons.category(lang, name) or lexicons.category("en", name)
            for text in (line, fold(line, lang)):
                expected = cat is not None and category_starts(cat, text)
                assert structure._starts_with(lang, name, text) == expected
                assert structure._starts_with(lang, name, text) == expected  # remembered


@pytest.mark.parametrize("line", LINES)
def test_starts_with_as_category_starts(line: str) -> None:
    _check(line)


def test_starts_with_on_every_labelled_line() -> None:
    checked = 0
    for text, _ in replies():
        for row in text.splitlines()[:1] + text.splitlines()[-4:]:
            _check(row.strip())
            checked += 1
    assert checked > 1000
