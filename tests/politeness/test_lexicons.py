"""Tests of the lexicon files and their entry syntax (teams edit these files)."""

from __future__ import annotations

import re

import pytest

from supportterm.politeness import lexicons
from supportterm.politeness.findings import CATEGORIES

KNOWN = set(CATEGORIES) | {"greeting", "closing", "confidential_figures", "confidential_markers"} | set(
    lexicons.WORD_LISTS
)


@pytest.mark.parametrize("lang", lexicons.LANGUAGES)
def test_every_file_parses_into_known_categories(lang: str) -> None:
    raw = lexicons.load_raw(lang)
    assert raw and set(raw) <= KNOWN
    compiled = lexicons.BY_LANG[lang]
    assert all(cat.entries for cat in compiled.values())


@pytest.mark.parametrize(
    ("entry", "lang", "text", "matches"),
    [
        ("idiot*", "en", "you idiots", True),
        ("idiot*", "en", "idiotic", True),
        ("stupid", "en", "stupidity", False),
        ("{you're|you are} wrong", "en", "you are wrong", True),
        ("not {our|my} problem", "en", "not my problem", True),
        ("we have ... customers", "en", "we have more than 25,000 customers", True),
        ("we have ... customers", "en", "we have customers", True),
        ("как я уже писал*|говорил*", "ru", "как я уже говорила", True),
        ("sən", "az", "sen", True),
        ("sənin", "az", "SƏNİN", False),  # entries match folded text only
        ("re:\\d{3}", "en", "abc 123", True),
    ],
)
def test_entry_syntax(entry: str, lang: str, text: str, matches: bool) -> None:
    pattern = re.compile(lexicons.entry_regex(entry, lang))
    assert bool(pattern.search(text)) is matches


def test_bad_entry_is_rejected() -> None:
    with pytest.raises(ValueError):
        lexicons.compile_category({"entries": [42]}, "en", "message")


def test_suggestions_and_messages_survive_compilation() -> None:
    cat = lexicons.compile_category(
        {"message": "m", "entries": [{"match": "ты", "suggest": "вы", "message": "x"}]}, "ru", "d"
    )
    [(start, end, entry)] = cat.finditer("а ты где")
    assert (start, end, entry.suggest, entry.message, cat.message) == (2, 4, "вы", "x", "m")


def test_punctuation_and_optional_phrases_in_entries() -> None:
    """A bare comma or dash between entry words is allowed by the gap; '{a|b}?' is optional."""
    import re

    from supportterm.politeness.folding import fold
    from supportterm.politeness.lexicons import entry_regex

    assert re.search(entry_regex("no {offence|offense}, but", "en"), "no offence, but this")
    assert re.search(entry_regex("не нравится — не пользуйтесь", "ru"), "не нравится — не пользуйтесь")
    optional = entry_regex("вы {опять|снова}? что-то сломали", "ru")
    assert re.search(optional, fold("Вы что-то сломали", "ru"))
    assert re.search(optional, fold("Вы опять что-то сломали", "ru"))
    assert not re.search(optional, fold("Вы вчера что-то сломали", "ru"))


@pytest.mark.parametrize(
    ("entry", "lang", "text", "matches"),
    [
        ("{ваше}? {третье|пятое} письмо за сегодня", "ru", "это пятое письмо за сегодня", True),
        ("{ваше}? {третье|пятое} письмо за сегодня", "ru", "это ваше пятое письмо за сегодня", True),
        ("{ваше}? {третье|пятое} письмо за сегодня", "ru", "вашепятое письмо за сегодня", False),
        ("{please}? stop wasting {our|my} time", "en", "so, stop wasting our time", True),
    ],
)
def test_a_leading_optional_phrase_may_be_absent(entry: str, lang: str, text: str, matches: bool) -> None:
    """A leading "{…}?" was silently required (its "?" dropped, the entry indexed under it); session 18."""
    cat = lexicons.compile_category({"entries": [entry]}, lang, "m")
    assert bool(cat.finditer(text)) == matches


def test_a_leading_optional_phrase_indexes_the_word_after_it() -> None:
    cat = lexicons.compile_category({"entries": ["{ваше}? пятое письмо"]}, "ru", "m")
    assert set(cat.exact) == {"ваше", "пятое"} and not cat.scan_ids
