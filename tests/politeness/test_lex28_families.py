"""Tests the rules added in session 19 from the misses and false alarms of blind43 and blind44 (declared seen
after their one scoring by the checker after lex27). Each idea of a miss was written in the three languages where
it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    ("en", "I covered this yesterday, but I'll go over it once more.", "argumentative"),
    ("en", "I have answered this three times already.", "argumentative"),
    ("en", "Please read it carefully this time: the fee is monthly.", "argumentative"),
    ("en", "Nobody here promised a delivery date.", "argumentative"),
    ("en", "We don't really do that, sorry.", "dismissive"),
    ("en", "As anyone who has owned a smartphone knows, the app needs an update.", "dismissive"),
    ("en", "That's between you and your landlord.", "dismissive"),
    ("en", "Opening hours are all on the internet.", "dismissive"),
    ("en", "We won't be replying to messages individually.", "dismissive"),
    ("en", "Congratulations on being the first customer to read the FAQ.", "sarcasm"),
    ("en", "Losing 3p must have been a devastating blow.", "sarcasm"),
    ("en", "I can see how a bright red button slipped past you.", "sarcasm"),
    ("en", "What a groundbreaking discovery: printers need paper.", "sarcasm"),
    ("en", "Sure, I'll just give the airline a ring and ask them to hold the plane. In all seriousness, it left on time.", "sarcasm"),
    ("en", "The refund failed because of your own typo in the IBAN.", "blame"),
    ("en", "It's a mistake on your side: the postcode is wrong.", "blame"),
    ("en", "The order was cancelled after ignoring the payment reminder.", "blame"),
    ("en", "I won't be lectured by someone who can't spell their own email.", "rude"),
    ("ru", "Похоже, документы снимали будто вы с закрытыми глазами.", "rude"),
    ("ru", "С этим справится даже бабушка.", "rude"),
    ("ru", "Опечатка с вашей стороны: в номере карты лишняя цифра.", "blame"),
    ("ru", "Подобными вопросами мы не занимаемся.", "dismissive"),
    ("ru", "Как знает любой, кто пользовался банком, перевод идёт до трёх дней.", "dismissive"),
    ("ru", "Не сомневаюсь, что Ваш будильник надёжнее наших серверов.", "sarcasm"),
    ("ru", "Посылка, видимо, сама решила поехать в Казань.", "sarcasm"),
    ("ru", "Гениальная мысль — отключить уведомления и ждать письма.", "sarcasm"),
    ("ru", "Я уже дважды на это ответил.", "argumentative"),
    ("ru", "Не делайте поспешных выводов: сервер работает.", "argumentative"),
    ("ru", "Система не ошибается, списание верное.", "argumentative"),
    ("az", "Belə müştərilərlə işləmək əsl əzabdır.", "rude"),
    ("az", "Sizin kimi bezdirici müştərilər çox olur.", "rude"),
    ("az", "Routeri siz zədələmisiniz, ona görə işləmir.", "blame"),
    ("az", "Nəticəni özünüz görürsünüz.", "blame"),
    ("az", "Bu, bizim məsuliyyətimizə aid deyil.", "dismissive"),
    ("az", "Bu cür xətalar özü-özünə keçib gedir.", "dismissive"),
    ("az", "Çox dəyərli müşahidədir, təşəkkürlər.", "sarcasm"),
    ("az", "Bəli, təsəvvür edin, işləyirik.", "sarcasm"),
    ("az", "Sistem səhv etmir, ödəniş düzgündür.", "argumentative"),
    ("az", "Operatorun bunu dediyinə inanmıram.", "argumentative"),
    ("az", "Növbəti dəfə düzgün yazmağı öyrən.", "informal_address"),
]

HARD_NEGATIVES = [
    ("en", "Stupid Cupid's Roundhouse show on 27 April is sold out, I'm afraid."),
    ("en", "Thank you for your patience; I'll go through the invoice with you line by line."),
    ("en", "There's no mistake on your end: the bank delayed the transfer."),
    ("en", "I understand how annoying the repeated prompt is; here is why it appears."),
    ("en", "The printed ticket shows the seat in the top corner."),
    ("ru", "Фото скола (Н 301 ВУ 797) мы получили в 07:58, до начала аренды."),
    ("ru", "Понимаю, как неприятно долго ждать; я проверил заказ, он уже у курьера."),
    ("ru", "Опечатки с Вашей стороны нет: банк задержал перевод на сутки."),
    ("az", "İki həftə gözləməyin nə qədər bezdirici olduğunu başa düşürəm."),
    ("az", "Şifrə — `PPPOE_SIFRESI`: bu dəyəri müqavilənizdəki öz məlumatınızla əvəz edin."),
    ("az", "Kuryer Sizə zəng edəcək; zəng maskalanmış +994 12 310 00 00 nömrəsindən gələcək."),
    ("az", "Dil öyrənmək üçün kurslarımız saytda var."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex28_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex28_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_a_technicians_master_code_is_a_secret() -> None:
    assert "secret" in found("ru", "На консоли введите мастер-код техников 7319# — он открывает замки.")


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("ru", "Спасибо за сообщение. Сейчас у нас очень большой поток обращений, поэтому заявку SY-61207 я закрываю."),
        ("en", "The fee was shown before you paid, so there isn't really anything for us to look at. I'll close this ticket."),
    ],
)
def test_closing_after_a_brush_off_is_dismissive(lang: str, body: str) -> None:
    assert "dismissive" in found(lang, body)
