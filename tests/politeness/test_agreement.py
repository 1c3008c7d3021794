"""The "ты" -> "вы" fix keeps Russian grammar: the words that agree with the pronoun go plural too."""

from __future__ import annotations

import pytest

from supportterm.politeness import check


def _applied(text: str) -> str:
    [fix] = [f for f in check(text, lang="ru").findings if f.category == "informal_address"][:1]
    assert fix.suggestion is not None
    return text[:fix.start] + fix.suggestion + text[fix.end:]


@pytest.mark.parametrize(("text", "fixed"), [
    ("Ты должен был прочитать инструкцию.", "Вы должны были прочитать инструкцию."),
    ("Ты получил письмо?", "Вы получили письмо?"),
    ("Ты прав, спасибо.", "Вы правы, спасибо."),
    ("Ты зарегистрировался вчера?", "Вы зарегистрировались вчера?"),
    ("Ты сама проверила настройки?", "Вы сами проверили настройки?"),
])
def test_the_fix_puts_the_agreeing_words_in_the_plural(text: str, fixed: str) -> None:
    assert _applied(text) == fixed


def test_a_present_tense_verb_keeps_its_own_finding() -> None:
    findings = [f for f in check("Ты можешь попробовать ещё раз?", lang="ru").findings
                if f.category == "informal_address"]
    assert [f.suggestion for f in findings] == ["Вы", "можете"]
