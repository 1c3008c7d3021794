"""Tests of `fold`: Azerbaijani/Turkish dotted and dotless i, Russian ё, and offsets kept."""

from __future__ import annotations

import pytest

from supportterm.politeness import fold


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("SİZİN", "az", "sizin"),
        ("HESABINIZ", "az", "hesabınız"),
        ("İlkin IŞIQ", "az", "ilkin ışıq"),
        ("Iğdır", "tr", "ığdır"),
        ("I AM HERE", "en", "i am here"),
        ("İstanbul", "en", "istanbul"),
        ("Ёлка ЁЖ", "ru", "елка еж"),
        ("don’t", "en", "don't"),
    ],
)
def test_fold(text: str, lang: str, expected: str) -> None:
    assert fold(text, lang) == expected


@pytest.mark.parametrize("lang", ["en", "ru", "az", "tr", "de"])
def test_fold_keeps_every_offset(lang: str) -> None:
    text = "İİ Iı ẞ ǅ ŉ ﬁ Ё ’x\u00a0y ΣΑΣ"
    assert len(fold(text, lang)) == len(text)


def test_python_lower_is_wrong_for_azerbaijani() -> None:
    # Why fold exists: str.lower() adds a combining dot and turns I into i.
    assert "SİZİN".lower() != "sizin"
    assert "HESABINIZ".lower() != "hesabınız"
