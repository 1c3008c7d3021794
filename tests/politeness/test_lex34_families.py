"""Tests the rules added in session 20 from the misses and false alarms of blind53 and blind54 (declared seen after
their one scoring by the checker after lex33). Each idea of a miss was written in the three languages where it reads
naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    ("en", "Please stop writing like a spoiled child.", "rude"),
    ("en", "Pairing a watch is not rocket science.", "rude"),
    ("en", "Shouting at the driver just makes you look ridiculous.", "rude"),
    ("en", "This is the fourth time I've explained the fee.", "argumentative"),
    ("en", "The email couldn't have been clearer.", "argumentative"),
    ("en", "Congratulations, you've found the one button that resets everything.", "sarcasm"),
    ("en", "A very creative way to charge a phone.", "sarcasm"),
    ("en", "Needless to say, the app has to be updated first.", "dismissive"),
    ("en", "That's beyond what support handles; have a read there.", "dismissive"),
    ("en", "The crack is down to you forgetting the case.", "blame"),
    ("en", "The charger label says 5 V for a reason, and ignoring it is what broke the battery.", "blame"),
    ("en", "We now have 3 million active members.", "confidential"),
    ("ru", "Тон сбавьте, пожалуйста.", "rude"),
    ("ru", "Яснее объяснить я не могла.", "argumentative"),
    ("ru", "Гениальный подход, ничего не скажешь.", "sarcasm"),
    ("ru", "Эти вопросы решайте самостоятельно.", "dismissive"),
    ("ru", "Вы сами от него отказались, так что результат вполне ожидаем.", "blame"),
    ("az", "Bu suala üçüncü dəfədir cavab verirəm.", "argumentative"),
    ("az", "Təbii ki, ev tərəziniz bizimkindən qat-qat dəqiqdir.", "sarcasm"),
    ("az", "Bir neçə gün gözləyin, özü düzələcək.", "dismissive"),
    ("az", "Etibarsız satıcıdan sifariş etmisiniz, problem də bundandır.", "blame"),
]

HARD_NEGATIVES = [
    ("en", "You're right, I'll give you that: the email went out late, and I'm sorry."),
    ("en", "The instructions could have been clearer; I've asked the team to rewrite them."),
    ("en", "Needless to say, we're very sorry for the delay."),
    ("en", "Which plan you pick is down to you."),
    ("en", "Run python manage.py runserver, then open http://127.0.0.1:8000 in your browser."),
    ("ru", "90 дней действуют для абонентских договоров, отсюда и путаница в сроках."),
    ("ru", "Мы не публикуем внутреннюю статистику, поэтому назвать число клиентов не могу."),
    ("az", "Problem bir neçə saata öz-özünə həll olunacaq, sistem yenilənir."),
    ("az", "Rəyiniz bizim üçün əsl ilham mənbəyidir, təşəkkür edirik."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex34_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex34_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_a_refusal_said_to_be_the_usual_practice_is_being_set_aside() -> None:
    text = "По внутренней статистике, которую мы обычно не публикуем, у нас 61 400 платящих клиентов."
    assert "confidential" in found("ru", text)


def test_a_number_given_to_reach_another_customer_is_theirs() -> None:
    assert "secret" in found("en", "You're welcome to confirm this with her yourself on 07700 914 386.")
