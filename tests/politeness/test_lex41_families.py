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

