"""Tests the rules added in session 19 from the misses and false alarms of blind41 and blind42 (declared seen
after their one scoring by the checker after lex26p). Each idea of a miss was written in the three languages where
it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "Your IT guy was a total clown when he set up those permissions.", "rude"),
    ("en", "Stop jumping up and down at the gate like a clown.", "rude"),
    ("en", "Write it on something that outlasts your attention span.", "rude"),
    ("en", "You really should have downloaded the invoices before closing the account.", "blame"),
    ("en", "That's what the red Cancel booking button is for.", "dismissive"),
    ("en", "I'm sure your resident genius tested every single endpoint.", "sarcasm"),
    ("en", "A three-day wait must have felt like an eternity.", "sarcasm"),
    ("en", "What a thrilling find: time zones exist.", "sarcasm"),
    ("en", "Congratulations, you've discovered the search bar.", "sarcasm"),
    ("en", "We were beginning to miss you after a whole hour.", "sarcasm"),
    ("en", "Thanks for giving us the wrong address, the courier loved the trip.", "sarcasm"),
    ("en", "That is simply not the case, and you know it.", "argumentative"),
    ("en", "Before writing again, please check your facts.", "argumentative"),
    ("en", "To repeat myself: the plan renews monthly.", "argumentative"),
    ("en", "We now have 12,300 teams on the Business plan.", "confidential"),
    ("ru", "Тут, извините, надо думать головой.", "rude"),
    ("ru", "Разобраться в этом под силу даже школьнику.", "rude"),
    ("ru", "Стоило внимательнее прочитать договор перед оплатой.", "blame"),
    ("ru", "Как нетрудно догадаться, сначала нужно войти в аккаунт.", "dismissive"),
    ("ru", "Объяснять каждому, как пользоваться приложением, мы не нанимались.", "dismissive"),
    ("ru", "Больше не смеем Вас задерживать.", "dismissive"),
    ("ru", "Настойчивость, достойная лучшего применения.", "sarcasm"),
    ("ru", "Ваша вера в мгновенный возврат, безусловно, трогательна.", "sarcasm"),
    ("ru", "Спасибо, что оставили в заявке неверный адрес.", "sarcasm"),
    ("ru", "Я не буду объяснять очевидное ещё раз.", "argumentative"),
    ("ru", "Спорить с условиями тарифа здесь совершенно бессмысленно.", "argumentative"),
    ("az", "Bunu görməmək üçün adam çox fərasətsiz olmalıdır.", "rude"),
    ("az", "Ağlı başında olan insan bunu etməzdi.", "rude"),
    ("az", "Müqaviləni daha diqqətlə oxumalı idiniz.", "blame"),
    ("az", "Bizdə daha təcili sorğular var, gözləyin.", "dismissive"),
    ("az", "Mağaza ilə özünüz danışarsınız.", "dismissive"),
    ("az", "Bu qədər dərin texniki təhlil üçün təşəkkürlər.", "sarcasm"),
    ("az", "Bundan gözəl plan ola bilməz, əlbəttə.", "sarcasm"),
    ("az", "Belə səbr hər adamda tapılmır.", "sarcasm"),
    ("az", "Faktları yoxlayın, sonra yazın.", "argumentative"),
]

HARD_NEGATIVES = [
    ("en", "Our clown show for kids starts at 3 pm in Hall B; tickets are €8."),
    ("en", "You can download the invoices under Billing → History at any time."),
    ("en", "The Cancel booking button is at the bottom of the booking page."),
    ("en", "Thanks for letting us know the address was wrong; I've updated it to 12 Elm Street."),
    ("en", "I checked the facts with the warehouse: your parcel left on Monday."),
    ("en", "Thanks for confirming everything works now! I'm closing this ticket."),
    ("en", "Your old password was 123456, which is why we ask everyone to choose a longer one now."),
    ("en", "We sent the code to +44 7700 900412, the number you registered with us."),
    ("ru", "Перед оплатой, пожалуйста, прочитайте договор: ключевые условия я выделила ниже."),
    ("ru", "Спасибо, что подтвердили: всё работает. Обращение закрываю."),
    ("ru", "Анализы можно прислать на vet@hvostilapa.ru, врач посмотрит их до консультации."),
    ("ru", "Аккаунт взломали, потому что у Вас был пароль «password123». Смените его, пожалуйста."),
    ("az", "Qaytarma tamamlandı, 35 AZN kartınıza köçürüldü. Müraciətinizi bağlayıram."),
    ("az", "Müqaviləni imzalamazdan əvvəl diqqətlə oxumağınızı tövsiyə edirik."),
    ("az", "Sizi səbirsizliklə gözləyirik, ustamız sabah saat 10:00-da gələcək."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex27_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex27_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", 'Log in with the user "tm_install" and the password "Kam3ra!Baku".'),
        ("ru", "Логин «admin», пароль «Kam3ra!Baku»."),
        ("az", "İstifadəçi adı «tm_install», şifrə «Kam3ra!Baku»."),
    ],
)
def test_a_password_in_quotes_is_a_secret(lang: str, body: str) -> None:
    assert "secret" in found(lang, body)


def test_another_persons_address_at_a_documentation_domain_is_named_by_her() -> None:
    body = "I've already contacted her at hannah.wiese@webmail.example, and she'll bring your card back."
    assert "secret" in found("en", body)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("ru", "Благодарим за обращение. Обращение закрыто; если вопрос всё ещё актуален, создайте, пожалуйста, новое."),
        ("ru", "Ваш вопрос рассмотрен, обращение № 55107 закрываю."),
        ("az", "Sorğunuza baxılıb və bağlanıb."),
        ("en", "Thanks for your message. Refunds are handled by another team, so I'm closing this ticket."),
    ],
)
def test_closing_with_nothing_but_formalities_is_dismissive(lang: str, body: str) -> None:
    reply = {"en": "Hello,\n\n", "ru": "Здравствуйте.\n\n", "az": "Salam.\n\n"}[lang] + body
    assert "dismissive" in {f.category for f in check(reply, lang=lang).findings}
