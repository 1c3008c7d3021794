"""`signature._generic` screens a part by the strings the entries' matches must hold (`_generic_split`)
before the joined alternation: it must accept exactly the parts `_generic_whole().fullmatch` accepts."""

from __future__ import annotations

import random

import pytest

from supportterm.politeness import lexicons, signature
from supportterm.politeness.folding import fold

from .labelled import replies
from .originals import category_finditer


def _original(part: str) -> bool:
    part = " ".join(part.strip(signature._EDGE_PUNCTUATION).split())
    return bool(part) and signature._generic_whole().fullmatch(part) is not None


EDGES = [
    "customer support team", "support", "the support team", "agent 214", "anna petrova", "служба поддержки",
    "команда таскер", "оператор № 7", "dəstək xidməti", "müştəri xidmətləri", "7-ci pəncərə", "b", "", " ",
    "'support", "-support", "support'", "x support team", "İlqar", "ı", "kelvin\u212a team", "٣ support",
    "reservations team", "quickdrop support team", "helpdeskbot", "отдел по работе с клиентами",
    "satış şöbəsi", "satış şobesi", "şöbə", "sobe", "abc xidməti", "a b c komandası", "a b c d komandası",
    "nərmin quliyeva", "good morning olivia,", "здравствуйте!", "desk 7", "no. 12", "#4", "team\u212a",
]


@pytest.mark.parametrize("part", EDGES)
def test_screened_generic_accepts_what_the_whole_alternation_accepts(part: str) -> None:
    assert signature._generic(part) == _original(part)


def test_same_on_random_parts() -> None:
    rng = random.Random(11)
    words = ("support team desk the customer care agent 214 şöbəsi şobesi şöbə xidməti komandası müştəri "
             "отдел поддержки служба команда nərmin anna bot helpdesk service no. # 7 ٣ - , ' İ ı \u212a"
             ).split()
    for _ in range(20000):
        part = " ".join(rng.choice(words) for _ in range(rng.randint(0, 5)))
        assert signature._generic(part) == _original(part)


def test_same_on_every_labelled_line() -> None:
    checked = 0
    for text, lang in replies():
        lang = lang if lang in ("en", "ru", "az") else "en"
        for row in fold(text, lang).splitlines()[-6:]:
            for part in [row, *signature._PART_BREAK.split(row), signature._NUMBERED.sub(" ", row)]:
                assert signature._generic(part) == _original(part)
                checked += 1
    assert checked > 1000


_CATEGORIES = [
    cat
    for lang in ("en", "ru", "az")
    for name in ("closing", "greeting")
    if (cat := lexicons.category(lang, name)) is not None
]
LINES = [
    "", "best regards,", "best,", "thanks! best regards, anna", "ən xoş arzularla,", "en xos arzularla,",
    "ən xoş ar", "təşəkkür edirik,", "tesekkur edirik", "с уважением,", "с уважение", "hörmətlə, nərmin",
    "hormetle", "İlqar hörmətlə", "hörmətləİ", "best\u212a regards", "best regards'", "'best regards",
    "yours sincerely, support team", "… today. yours sincerely,", "спасибо, хорошего дня! команда «таскер»",
]


def _by_span(hits: list[tuple[int, int, object]]) -> list[tuple[int, int, str]]:
    """Hits in span order; two entries on one span (a labelled closing line has such a pair) ordered by
    their source, since entries themselves have no order."""
    return sorted((start, end, entry.source) for start, end, entry in hits)  # type: ignore[attr-defined]


@pytest.mark.parametrize("line", LINES)
def test_closing_matches_as_finditer(line: str) -> None:
    for cat in _CATEGORIES:
        for text in (line, fold(line, cat.lang)):
            assert _by_span(signature._matches(cat, text)) == _by_span(category_finditer(cat, text))


def test_closing_matches_on_every_labelled_line() -> None:
    checked = 0
    for text, lang in replies():
        lang = lang if lang in ("en", "ru", "az") else "en"
        for row in fold(text, lang).splitlines()[-4:]:
            for cat in _CATEGORIES:
                assert _by_span(signature._matches(cat, row)) == _by_span(category_finditer(cat, row))
                checked += 1
    assert checked > 1000


def test_two_closing_entries_on_one_span_do_not_break_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited lexicon may hold two entries matching the same closing ("thanks", "thanks(?: a lot)?"):
    the matches are ordered by span, never by comparing entries (which have no order: TypeError)."""
    from supportterm.politeness import check
    from supportterm.politeness.checker import clear_cache

    text = "Hi Anna,\n\nThe fix is live now.\n\nBest regards, Support Team"  # closing and signature on one line
    clear_cache()
    before = check(text, lang="en")
    original = lexicons.Category.finditer

    def doubled(self: lexicons.Category, folded: str) -> list[tuple[int, int, lexicons.Entry]]:
        found = original(self, folded)
        return found + [(s, e, lexicons.Entry(entry.source + " (copy)", None, None)) for s, e, entry in found]

    monkeypatch.setattr(lexicons.Category, "finditer", doubled)
    clear_cache()
    assert check(text, lang="en") == before
    assert any(f.category == "impersonal_signature" for f in before.findings)
