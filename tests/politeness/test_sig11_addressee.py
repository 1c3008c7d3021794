"""`addressee.latin` uses one `str.translate` table: it must spell every name as the per-letter loop did."""

from __future__ import annotations

import pytest

from supportterm.politeness import addressee


def _latin_per_letter(word: str) -> str:
    """The original spelling: each letter looked up in the Cyrillic table, then the Azerbaijani one."""
    lowered = (
        word.replace("İ", "i").replace("I", "ı").lower()
        if any(ch in "əƏıİşŞçÇğĞöÖüÜ" for ch in word)
        else word.lower()
    )
    out = [addressee._CYRILLIC.get(ch) or addressee._AZERBAIJANI.get(ch) or ch for ch in lowered]
    return "".join(out).replace("_", "")


@pytest.mark.parametrize(
    "word",
    ["Michael", "Игорь", "Объявление", "Ёжик", "Rüfət", "İLQAR", "Ilqar", "IŞIQ", "Şəhla", "Çingiz",
     "Kelvin\u212a", "ǅemal", "Straße", "ẞIG", "Xanım", "Qasım", "Ыы", "ЩУКА", "Ǝli", ""],
)
def test_latin_matches_per_letter_lookup(word: str) -> None:
    assert addressee.latin(word) == _latin_per_letter(word)


def test_names_on_greeting_and_signature() -> None:
    assert addressee.names("Здравствуйте, Вера!\nГотово.\nИгорь") == frozenset({"vera", "^vera", "igor"})
    assert addressee.names("Hi Mark, done. Best, Priya") == frozenset({"mark", "^mark", "priya"})
    assert addressee.names("Salam, İlqar bəy!\nHazırdır.\nRüfət Əliyev") == frozenset({"ilqar", "^ilqar", "rufet", "eliyev"})
