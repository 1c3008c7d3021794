"""Tests that the session-15 shortcuts in the Azerbaijani and Russian verb rules change no result.

`_az_past_forms` tries `_AZ_PAST` only at the word ending in d[ıiüu]n (and the word before it) instead
of at every place one of the 18 openers occurs (`finditer_at_openers`, the form before). Compared on
edge cases (İ and ı, dotted and dotless capitals after folding, apostrophes, digits and "_" glued to a
form, "başa düşmədin" across spaces and lines, "yenidən oxudun"), on random texts of the forms'
pieces, and on every labelled reply, folded as the rule reads it. The Russian "спасибо, что написал"
search is skipped in a text without "что": every match of its pattern holds that word.
"""

from __future__ import annotations

from supportterm.politeness import address
from supportterm.politeness.folding import fold
from supportterm.politeness.literals import required_literals
from supportterm.politeness.openers import finditer_at_openers

from .labelled import random_texts, replies


def _original(text: str) -> list[tuple[int, int]]:
    """The matches as the rule found them before: at every opener, after a search for any ending."""
    if address._AZ_PAST_ENDING.search(text) is None:
        return []
    return [m.span() for m in finditer_at_openers(address._AZ_PAST, text, address._AZ_PAST_OPENERS)]


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in address._az_past_forms(text)]


_EDGE_CASES = [
    "",
    "etdin",
    "Sən etdin.",
    "etdiniz",
    "etdin_",
    "etdin9",
    "9etdin",
    "_etdin",
    "xetdin",
    "etdın yazdin yazdın",
    "başa düşmədin",
    "başa  düşmədin",
    "başa\ndüşmədin",
    "başa düşmədin?",
    "nə başa düşmədin",
    "yenidən oxudun",
    "yenidən  oxudun",
    "sən oxudun",
    "oxudunuz",
    "gördün, bildin; verdin!",
    "gördün'",
    "gördün’",
    "göndərdin.göndərdin",
    "aldın-aldin",
    "dedin dedin",
    "sildin\tyoxladin",
    "açdın bağladın",
    "etmədin oxumadın",
    "gəldin",
    "gəldİn",
    "din dın dün dun",
    "edin, yoxlayın, baxdın",
    "d\u0131n",
    "etd\u0131n etdİn",
]
_PIECES = [
    "etd", "yazd", "gör", "oxu", "bil", "bas", "göndər", "al", "ded", "sil", "yoxla", "etmə", "oxuma", "başa",
    "düşmə", "gəl", "ver", "aç", "bağla", "yenidən", "din", "dın", "dün", "dun", "d", "ın", "in", "iniz", "ı",
    "i", "İ", "ə", "_", "9", "'", "’", " ", "  ", "\n", "\t", ".", ",", "-", "x",
]


def test_past_forms_agree_on_edge_cases_and_random_texts() -> None:
    for text in _EDGE_CASES + random_texts(_PIECES, 6000, 15, 14):
        assert _spans(text) == _original(text), text


def test_past_forms_agree_on_every_labelled_reply() -> None:
    found = 0
    for text, lang in replies():
        for form in {fold(text, "az"), fold(text, lang)}:
            expected = _original(form)
            assert _spans(form) == expected, form
            found += len(expected)
    assert found > 0


def test_every_thanks_past_match_holds_that_word() -> None:
    """`_ru_imperatives` skips the "спасибо, что написал" search in a text without `_RU_THANKS_THAT`."""
    needs = required_literals(address._RU_THANKS_PAST.pattern)
    assert needs is not None
    assert all((address._RU_THANKS_THAT,) in term for term in needs), needs
    found = 0
    for text, lang in replies():
        for form in {fold(text, "ru"), fold(text, lang)}:
            matches = finditer_at_openers(address._RU_THANKS_PAST, form, address._RU_THANKS_OPENERS)
            assert all(address._RU_THANKS_THAT in m.group() for m in matches), form
            found += len(matches)
    assert found > 0
