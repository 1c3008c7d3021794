"""Tests the rules added in session 16 from the misses of blind25 and blind26 (declared seen after their one
scoring by the checker after lex18c).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words.
"""

from __future__ import annotations

import pytest

from supportterm.politeness.addressee import owns
from tests.politeness.test_families import found

FAMILIES = [
    # sarcasm
    ("en", "We would never have noticed the whole website being down without you.", "sarcasm"),
    ("en", "The terms are on page one; I hear it's a thrilling read.", "sarcasm"),
    ("en", "Six messages in an hour! We're honored to be on your mind.", "sarcasm"),
    ("en", "No, the whole team is lounging around enjoying the queue with you.", "sarcasm"),
    ("ru", "Какой впечатляющий анализ, прямо настоящий детектив.", "sarcasm"),
    ("ru", "Найдёте дешевле — обязательно расскажите, мы тоже запишемся.", "sarcasm"),
    ("ru", "Всего третье письмо за день, мы впечатлены.", "sarcasm"),
    ("ru", "Забыли паспорт в сейфе — классика жанра.", "sarcasm"),
    ("az", "Gecə zəng etməyiniz işi lap sürətləndirdi, sağ olun.", "sarcasm"),
    ("az", "Belə məsləhətlərə görə sizi işə dəvət edəcəyik.", "sarcasm"),
    ("az", "Beş dəqiqə gözləmək, təbii ki, əsl faciədir.", "sarcasm"),
    # argumentative
    ("en", "Let me stop you right there: the price was correct.", "argumentative"),
    ("en", "I do not agree for a second that the lens is faulty.", "argumentative"),
    ("en", "Since this is now the fourth time we've discussed it, the answer is no.", "argumentative"),
    ("az", "Sizə yenə də xatırladıram ki, limit dəyişməyib.", "argumentative"),
    # dismissive
    ("en", "Have a proper look at the menu and you'll see it.", "dismissive"),
    ("en", "Check the website for news, I guess.", "dismissive"),
    ("ru", "Тратить на это время мы не будем.", "dismissive"),
    ("ru", "Пишите в банк, пусть они и разбираются.", "dismissive"),
    ("az", "Kuryerlə özünüz maraqlanın.", "dismissive"),
    ("az", "Restoranın menyusu bizim məsələmiz deyil.", "dismissive"),
    # rude, blame
    ("en", "Reading a label is apparently a stretch for you.", "rude"),
    ("en", "Do you need a dictionary for the word 'refund'?", "rude"),
    ("en", "If you had been a little more careful, none of this would have happened.", "blame"),
    ("ru", "Давайте без визга, пожалуйста.", "rude"),
    ("az", "Bu, sizin səhlənkarlığınızın nəticəsidir.", "blame"),
    ("az", "Parolu yadda saxlaya bilməyən adama nə deyək.", "rude"),
    # a third probe of put-downs (general knowledge, lex19b; other words than the probe)
    ("en", "Heaven forbid you should check the tracking page.", "sarcasm"),
    ("en", "Fancy that, the parcel came on the promised day.", "sarcasm"),
    ("en", "Such drama over a five-minute delay.", "sarcasm"),
    ("en", "It's a kettle, not a spaceship.", "rude"),
    ("en", "Your attitude has been noted.", "rude"),
    ("en", "You do realize this is a bank, not a charity?", "rude"),
    ("ru", "Обойдитесь, пожалуйста, без истерик в письмах. Обойдитесь без истерик.", "rude"),
    ("ru", "Это Ваши личные проблемы, а не наши.", "rude"),
    ("ru", "Столько крика из-за одной ложки.", "sarcasm"),
    ("ru", "Никому ещё не удавалось сломать этот замок.", "sarcasm"),
    ("az", "Bu, sizin şəxsi probleminizdir.", "rude"),
    ("az", "Biz bank deyilik, şikayət kitabı deyilik.", "rude"),
    ("az", "Əlbəttə, nəzəriyyənizi komandaya ötürəcəyik.", "sarcasm"),
]

HARD_NEGATIVES = [
    ("en", "You shouldn't have to wait longer because of our mistake, so I've sent it by express."),
    ("en", "It's possible to share a camera: open Settings > Sharing and add the person's email."),
    ("en", "I can't agree more: the new layout is easier, and I've passed your note on."),
    ("ru", "В договоре это написано сложно, сейчас объясню проще."),
    ("ru", "Номер операции 7741-220-918, справку прикладываю."),
    ("ru", "Это открытие сезона, поэтому бассейн работает до 23:00."),
    ("az", "Çatda hər gün 08:00–23:00 cavab veririk, cavab müddəti 10 dəqiqəyədək."),
    ("az", "Sənədləri korporativ@example.az ünvanına göndərin."),
    ("en", "Reading the long terms is tedious, so here is the short version."),
    ("en", "If the delay causes a problem, we'll refund the delivery fee."),
    ("ru", "Если у всех остальных устройств интернет работает, проверим Ваш роутер."),
    ("ru", "Не дай бог потерять карту: заблокируйте её сразу в приложении."),
    ("az", "İnternet qalan hamıda işləyirsə, Sizin modemi yoxlayaq."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex19_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex19_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_an_address_with_the_greeted_surname_in_it_is_the_customers() -> None:
    assert owns("kwame.osei", frozenset({"osei"}))
    assert owns("osei.k", frozenset({"osei"}))
    assert not owns("kwame.mensah", frozenset({"osei"}))
    assert not owns("k.os", frozenset({"osei"}))  # parts under three letters name no one
