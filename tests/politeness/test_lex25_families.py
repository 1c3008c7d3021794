"""Tests the rules added in session 18 from the misses and false alarms of blind37 and blind38 (declared seen
after their one scoring by the checker after lex24).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "Cut the drama, please: the parcel is on its way.", "rude"),
    ("en", "Ordering twice was a bonehead mistake, honestly.", "rude"),
    ("en", "Stop being such a baby about a late box.", "rude"),
    ("en", "The form wasn't signed, which is why no one could process it.", "blame"),
    ("en", "Thank you, our very own delivery detective.", "sarcasm"),
    ("en", "Shouting at me was a charming way to start the conversation.", "sarcasm"),
    ("en", "Your note reached us, all four pages of it.", "sarcasm"),
    ("en", "Three calls in one hour, how efficient of you.", "sarcasm"),
    ("en", "Leaving the door open must have made the burglars' week.", "sarcasm"),
    ("en", "The wait outside isn't our headache, so please ask the venue.", "dismissive"),
    ("en", "The sizes are in the table, so you can just read it.", "dismissive"),
    ("en", "I would have thought it was obvious that the code expires.", "dismissive"),
    ("en", "I do not accept that the fee was hidden.", "argumentative"),
    ("en", "The price stays, no matter how many times it is questioned.", "argumentative"),
    ("en", "Asking for a refund misses the whole point of a deposit.", "argumentative"),
    ("en", "Let's not keep going around in circles.", "argumentative"),
    ("en", "Last year we invested about 4.5 million in the new warehouse.", "confidential"),
    ("ru", "Вы, видимо, держали телефон вверх ногами.", "rude"),
    ("ru", "Опять эта хрень с паролем.", "rude"),
    ("ru", "Для Вас это, похоже, умственная задача повышенной сложности.", "rude"),
    ("ru", "Штраф начислен, потому что Вы снова опоздали на смену.", "blame"),
    ("ru", "Нужно было продлить полис, а не тянуть до последнего.", "blame"),
    ("ru", "Писать нам об этом ещё раз смысла нет.", "dismissive"),
    ("ru", "Это не тема для обсуждения.", "dismissive"),
    ("ru", "Уверен, Вы справитесь и без нас.", "dismissive"),
    ("ru", "Такой продвинутый пользователь, как Вы, конечно, всё знает.", "sarcasm"),
    ("ru", "Какое оригинальное оправдание!", "sarcasm"),
    ("ru", "Отключение затронуло 2 тысячи квартир из наших 95 тысяч.", "confidential"),
    ("az", "Şifrəni hamıya göstərməklə hesabı özünüz təhlükəyə atdınız.", "blame"),
    ("az", "Təlimata əməl etmədiyiniz üçün cihaz xarab olub, qaydalara əməl etmədiyiniz üçün zəmanət yoxdur.", "blame"),
    ("az", "Sizin kimi yalançılara pul qaytarmırıq.", "rude"),
    ("az", "Təbrik edirik, ilin ən səbirsiz müştərisi adını qazandınız.", "sarcasm"),
    ("az", "Operatorlarımızın sayənizdə darıxmağa vaxtı qalmır.", "sarcasm"),
    ("az", "Bizim bununla işimiz yoxdur.", "dismissive"),
    ("az", "Bizi günahlandırmaq, kuryeri ittiham etmək düzgün deyil.", "argumentative"),
]

HARD_NEGATIVES = [
    ("en", "Your drawing made our whole team's day, thank you!"),
    ("en", "The card expired on 3 March, which is why the payment failed."),
    ("en", "I accept that the delay was our fault, and I'm sorry."),
    ("en", "Gift emails come from gifts@pantrybox.com; please check the Spam folder."),
    ("ru", "Я проверил заказ: Вы прибыли на адрес в 19:04, штраф отменён."),
    ("ru", "Мы прибыли на место через 20 минут после звонка."),
    ("ru", "Из наших 12 пунктов выдачи ближе всего к Вам пункт на Лесной, 5."),
    ("az", "Pul birbaşa Sizə deyil, bankın ayrıca hesabına köçür; Siz SMS alırsınız."),
    ("az", "Fırıldaqçılardan qorunmaq üçün ödənişi yalnız tətbiqdə edin."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex25_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex25_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("az", "Salam.\n\nMüraciətiniz bağlanılır.\n\nHörmətlə,\nSatal.az Dəstək xidməti"),
        ("ru", "Здравствуйте!\n\nЗаказ отменён.\n\nС уважением,\nOzon.ru Служба поддержки"),
        ("en", "Hi,\n\nYour refund is on its way.\n\nBest,\nshop.example Support Team"),
    ],
)
def test_a_brand_spelt_as_its_domain_signs_for_a_team(lang: str, reply: str) -> None:
    assert "impersonal_signature" in {f.category for f in check(reply, lang=lang).findings}


def test_a_person_named_after_the_greeting_is_no_team() -> None:
    reply = "Salam.\n\nMüraciətiniz qeydə alındı.\n\nHörmətlə,\nGünay Rzayeva, Satal.az"
    assert "impersonal_signature" not in {f.category for f in check(reply, lang="az").findings}
