"""Tests the rules added in session 21 from the misses and false alarms of blind55 (declared seen after its one
scoring by the checker after lex34). Each idea of a miss was written in the three languages where it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    ('en', 'She yelled at the driver like a maniac, apparently.', 'rude'),
    ('en', 'A child could have figured this out.', 'rude'),
    ('en', "The error here is yours, I'm afraid.", 'blame'),
    ('en', 'We warned you about the frost, but you still left the plants outside.', 'blame'),
    ('en', "There's nothing to see there until the parcel ships.", 'dismissive'),
    ('en', "We don't pass on special requests to the florists.", 'dismissive'),
    ('en', 'Facts are facts, and the fee was on the page.', 'argumentative'),
    ('en', "I'm not going to try to convince you again.", 'argumentative'),
    ('en', "I'll just ask the pilot to clear the sky up for you.", 'sarcasm'),
    ('en', 'Without emails like this one our days would be terribly boring.', 'sarcasm'),
    ('en', 'Congratulations on the quantity of mud you left in the boot.', 'sarcasm'),
    ('en', 'Some people prefer a hose and an old rag, which is a fine choice too.', 'sarcasm'),
    ('en', 'The clowns in this thread are not on our side.', 'rude'),
    ('en', "Those hysterical messages won't speed anything up.", 'rude'),
    ('ru', 'Ошибка тут Ваша, к сожалению.', 'blame'),
    ('ru', 'Мы же предупреждали про мороз, а Вы оставили растения на балконе.', 'blame'),
    ('ru', 'Мы не комментируем работу водителей, обращение закрыто.', 'dismissive'),
    ('ru', 'Факты есть факты, цена указана на сайте.', 'argumentative'),
    ('ru', 'Позвольте ещё раз поправить: доставка платная.', 'argumentative'),
    ('ru', 'Поздравляю с количеством грязи в багажнике.', 'sarcasm'),
    ('ru', 'Устали читать одно и то же.', 'rude'),
    ('ru', 'Пришли фото чека, проверим.', 'informal_address'),
    ('az', 'Səhv isə Sizdə idi, təəssüf.', 'blame'),
    ('az', 'Ödənişi vaxtında etmədiyiniz üçün bron ləğv olunub.', 'blame'),
    ('az', 'Faktlar faktdır, qiymət saytda yazılıb.', 'argumentative'),
    ('az', 'Mübahisəni uzatmaq istəmirəm, qərar dəyişməyəcək.', 'argumentative'),
    ('az', 'Belə məktublar olmasa, gün çox darıxdırıcı keçərdi.', 'sarcasm'),
    ('az', 'Bu da gözəl seçimdir, uğurlar.', 'sarcasm'),
    ('az', 'Bu isterik mesajlar heç nəyi sürətləndirmir.', 'rude'),
]

HARD_NEGATIVES = [
    ('en', 'You described our marshals as "absolute clowns", and while I won\'t repeat that to them, I agree the signs were poor.'),
    ('en', 'Please keep the column headings LEAD_NAME, FIRST_NAME, TYPE (ADULT / CHILD) as they are.'),
    ('en', 'We told you we would refund the fee, and you can expect it by Friday.'),
    ('en', "We have nothing to do with the company that called you; please don't share your card details."),
    ('en', "The mistake was ours, and I'm sorry."),
    ('ru', 'Телефон получателя — +7 903 214-77-90, как Вы и указали.'),
    ('ru', 'Деньги пришли на счёт вчера, спасибо за терпение.'),
    ('ru', 'Мы просили курьера позвонить заранее, а он не позвонил: приносим извинения.'),
    ('ru', 'Не могу не согласиться с тем, что ожидание было долгим.'),
    ('az', 'Sifarişiniz vaxtında çatdırılmadığı üçün üzr istəyirik.'),
    ('az', 'Bu, müştərilərimiz üçün sevindirici yenilikdir: çatdırılma indi pulsuzdur.'),
    ('az', 'Bu saxta saytla heç bir əlaqəmiz yoxdur, kart məlumatlarınızı paylaşmayın.'),
    ('en', "Please don't share your card details with anyone who calls."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex35_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex35_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()
