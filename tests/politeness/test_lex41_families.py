"""Tests the rules added in session 23 from the misses and false alarms of blind66 and blind67 (declared seen
after their one scoring by the checker after lex40). Each idea of a miss was written in the three languages where
it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ('en', 'That is what happens when our reminder is ignored for a whole season.', 'blame'),
    ('en', 'The manual asks for a re-check after a week, which you did not do.', 'blame'),
    ('en', 'The rim bent because you kept driving on a flat tyre.', 'blame'),
    ('en', 'Most likely you unplugged the hub yourself.', 'blame'),
    ('en', 'The signal is weak even though our installer suggested a different spot.', 'blame'),
    ('en', "There isn't anything further we can do for you.", 'dismissive'),
    ('en', 'The model number is printed on the back of the box, obviously.', 'dismissive'),
    ('en', 'Obviously a glass door requires a different hinge.', 'dismissive'),
    ('en', "Everything works on our side; try again sometime later.", 'dismissive'),
    ('en', 'Fees from your bank are no concern of ours.', 'dismissive'),
    ('en', 'A kitchen ruler, the industry gold standard.', 'sarcasm'),
    ('en', 'Spotting it only took you a month.', 'sarcasm'),
    ('en', 'I am sure that "brand new" charger was a real gem.', 'sarcasm'),
    ('en', 'Truly a heroic achievement, reading the leaflet.', 'sarcasm'),
    ('en', 'Checking your spam folder obviously is not your strong suit.', 'rude'),
    ('en', 'Judging by your manners, it was more luck than brains.', 'rude'),
    ('en', 'We earn roughly 30% on the house brand.', 'confidential'),
    ('ru', 'Будьте добры, внимательнее проверяйте адрес при заказе.', 'blame'),
    ('ru', 'Это, очевидно, указано в договоре.', 'dismissive'),
    ('ru', 'Ошибки вашего банка нас не касаются.', 'dismissive'),
    ('ru', 'Дальше уж как-нибудь сами.', 'dismissive'),
    ('ru', 'У нас всё работает, попробуйте как-нибудь потом.', 'dismissive'),
    ('ru', 'Спасибо за ценнейший отзыв.', 'sarcasm'),
    ('ru', 'Настоящий гений загадок, не иначе.', 'sarcasm'),
    ('ru', 'Видимо, туговато с пониманием.', 'rude'),
    ('ru', 'Не надо вести себя как гопник.', 'rude'),
    ('ru', 'Объясняю это уже третий раз.', 'argumentative'),
    ('ru', 'Мы зарабатываем около 30 % на этой модели.', 'confidential'),
    ('ru', 'Лучше купи билет заранее.', 'informal_address'),
    ('az', 'Filtri dəyişmədiyiniz üçün cihaz sıradan çıxıb.', 'blame'),
    ('az', 'Biz yalnız çap ilə məşğuluq.', 'dismissive'),
    ('az', 'Bu cür xırdalıqlar, əlbəttə, diqqətə layiq deyil.', 'sarcasm'),
    ('az', 'Gözləmək həqiqətən də əbədiyyətdir, bilirik.', 'sarcasm'),
    ('az', 'Hərfləri sökmək çətindirsə, zəng edin.', 'rude'),
    ('az', 'Bunu üçüncü dəfədir izah edirəm.', 'argumentative'),
]

HARD_NEGATIVES = [
    ('en', "Obviously this should never have happened, and I'm sorry it did."),
    ('en', "If the app still fails after the update, please try again and tell me what you see."),
    ('ru', 'Нужна только предварительная запись по телефону +7 (495) 000-12-34 или через форму на сайте.'),
    ('ru', 'Если захотите рассказать подробнее, я на связи по телефону +7 495 120-44-10, доб. 3.'),
    ('az', 'Paketə ildə iki planlı baxış (yaz və payız) daxildir.'),
    ('az', 'Uzun müddət cavab ala bilmədiyiniz üçün üzr istəyirik.'),
    ('az', 'Nəticədən razı qalmadığınız üçün təəssüflənirik.'),
    ('az', 'Maket hazırdır: istədiyiniz kimi böyük hərflərlə «SƏNİN STİLİN» yazılıb.'),
    ('az', 'Korporativ şərtlərə görə 30-dan çox pəncərə sifarişində 8 %, 50-dən çox sifarişdə isə 12 % endirim tətbiq olunur.'),
    ('az', '1000 ədəddən çox sifarişlərdə 5 ədəd nümunəni pulsuz göndəririk.'),
    ('az', 'Sifariş №NP-28840 (5000 ədəd etiket) artıq hazırdır.'),
    ('az', 'Ödənilmiş məbləğin 40%-ni növbəti sifarişə köçürə bilərik.'),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex41_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex41_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize("signature", ["Оператор № 7, онлайн-касса", "Онлайн-касса музея"])
def test_a_box_office_signs_for_nobody(signature: str) -> None:
    reply = f"Добрый день!\n\nБилет перенесён на 10 марта.\n\nХорошего дня!\n{signature}"
    assert "impersonal_signature" in {f.category for f in check(reply).findings}


@pytest.mark.parametrize(
    "body",
    [
        "I'm sure the courier enjoyed waiting in your hallway.",
        "I'm sure the accountant is thrilled.",
        "I'm sure you read the terms very carefully.",
    ],
)
def test_im_sure_about_someone_else_reads_as_sarcasm(body: str) -> None:
    assert "sarcasm" in found("en", body)


@pytest.mark.parametrize(
    "body",
    [
        "I'm sure we can sort this out today.",
        "I'm sure you'll love the new version.",
        "I'm sure that must have been worrying.",
        "I am sure the refund will arrive by Friday.",
        "I'm sure the team will get back to you soon.",
    ],
)
def test_sincere_im_sure_stays_fine(body: str) -> None:
    assert "sarcasm" not in found("en", body)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Thanks for your message. Alarm panels show that now and then. I'll close this ticket for now."),
        ("ru", "Спасибо за обращение. Такое иногда бывает с панелями. Обращение закрываю."),
        ("az", "Müraciətiniz üçün təşəkkür edirik. Panellərdə bu bəzən olur. Müraciətinizi bağlayıram."),
    ],
)
def test_closing_an_unsolved_ticket_is_dismissive(lang: str, body: str) -> None:
    assert "dismissive" in found(lang, body)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Great to hear it's working again! I'll close this ticket now."),
        ("en", "I've refunded the fee today, so I'm closing this ticket."),
        ("en", "Your new card is on its way and should arrive by Friday, so I'm closing this ticket."),
        ("ru", "Рада слышать, что всё работает! Обращение закрываю."),
        ("ru", "Обращение было закрыто ошибочно, я открыла его заново: проверка завершена."),
        ("az", "Problem həll olundu, müraciətinizi bağlayıram."),
    ],
)
def test_closing_a_solved_ticket_stays_fine(lang: str, body: str) -> None:
    assert "dismissive" not in found(lang, body)
