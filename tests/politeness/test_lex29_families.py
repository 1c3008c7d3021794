"""Tests the rules added in session 19 from the misses and false alarms of blind45 and blind46 (declared seen
after their one scoring by the checker after lex28). Each idea of a miss was written in the three languages where
it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness.folding import fold
from supportterm.politeness.signature import impersonal
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "If the form is too much of a challenge for you, send me the details.", "rude"),
    ("en", "Let me spell it out slowly for you.", "rude"),
    ("en", "Are you actually reading the emails we send?", "rude"),
    ("en", "None of this would have happened if you had read the label.", "blame"),
    ("en", "The trial ended on 3 May; that one's on your side, I'm afraid.", "blame"),
    ("en", "Parking isn't something we deal with.", "dismissive"),
    ("en", "Refunds for resold tickets aren't something we get into.", "dismissive"),
    ("en", "You'll have to take that up with your bank.", "dismissive"),
    ("en", "Whatever would we do without your weekly complaints.", "sarcasm"),
    ("en", "Funny how that keeps happening to you.", "sarcasm"),
    ("en", "Our drivers haven't learned to teleport yet.", "sarcasm"),
    ("en", "You need to understand that the price includes VAT.", "argumentative"),
    ("en", "We can go back and forth on this, but the fee stays.", "argumentative"),
    ("ru", "Если и это для Вас слишком сложно, напишите нам.", "rude"),
    ("ru", "Чтобы найти кнопку, не нужно быть гением.", "rude"),
    ("ru", "Срок годности стоило проверить до покупки.", "blame"),
    ("ru", "С жалобами на водителя разбирайтесь, пожалуйста, с ними напрямую.", "dismissive"),
    ("ru", "Жалобы на курьеров мы не принимаем.", "dismissive"),
    ("ru", "Без Вас бы совсем пропали, спасибо.", "sarcasm"),
    ("ru", "Курьеры пока не научились телепортироваться.", "sarcasm"),
    ("ru", "Вам стоит понимать, что билет невозвратный.", "argumentative"),
    ("ru", "Прежде чем возмущаться, прочитайте условия.", "argumentative"),
    ("az", "Belə isterik müştərilərlə danışmaq çətindir.", "rude"),
    ("az", "Siz bizim ən şikayətbaz müştərimizsiniz.", "rude"),
    ("az", "Gərək kodu vaxtında yoxlayaydınız, onda bu problem yaranmazdı.", "blame"),
    ("az", "Bu, kuryer şirkətinin problemidir, bizim yox.", "dismissive"),
    ("az", "Bir az axtarsanız, asanlıqla taparsınız.", "dismissive"),
    ("az", "Kuryerlərimiz hələ teleportasiya öyrənməyib.", "sarcasm"),
    ("az", "Bu, çox nikbin yanaşmadır.", "sarcasm"),
    ("az", "Başqa mağazalarla müqayisə etməyiniz düzgün deyil.", "argumentative"),
    ("az", "Bunu bir daha təkrarlamağa məcburam.", "argumentative"),
]

HARD_NEGATIVES = [
    ("en", "Most members use a 1500VA UPS, which fits under a desk."),
    ("en", "[cam:Stupid Garage Cam] ERR_STREAM_TIMEOUT rssi=-84"),
    ("en", "We will credit you 5,000 points on your next booking."),
    ("en", "I understand the new fee is frustrating; here is what it covers."),
    ("ru", "Я проверил всё ещё раз: заказ прибыл в пункт выдачи сегодня в 16:20."),
    ("ru", "Срок действия до 14.08.2031, фамилия и имя — VOROBEV VITALII, как в паспорте."),
    ("ru", "На следующее бронирование мы начислим Вам 5 000 бонусных рублей."),
    ("az", "Bu müddətdə dərslərə 012 555 40 40 nömrəsinə zəng edərək yazıla bilərsiniz."),
    ("az", "Kodu boşluq qoymadan, böyük hərflərlə yenidən daxil edin."),
    ("az", "Müştərilərimizə tövsiyəmiz: ödənişdən əvvəl ölçü cədvəlinə baxın."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex29_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex29_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Dəbli.az Operator #14", True),
        ("Dəbli.az Qaytarma və Dəyişmə Xidməti", True),
        ("Dəbli.az Nigar Əliyeva", False),
    ],
)
def test_a_shops_domain_before_who_signs(signature: str, expected: bool) -> None:
    assert impersonal(fold(signature, "az")) is expected


@pytest.mark.parametrize(
    ("signature", "expected"),
    [("Billing | Foundry Commons", True), ("Hannah Price | Foundry Commons", False), ("Jonas Eriksen / IT Support", False)],
)
def test_a_firms_name_by_its_last_word(signature: str, expected: bool) -> None:
    assert impersonal(fold(signature, "en")) is expected


def test_shouted_russian_still_shouts_beside_latin_capitals() -> None:
    assert "shouting" in found("ru", "ПЕРЕСТАНЬТЕ ПИСАТЬ НАМ КАЖДЫЙ ЧАС, VOROBEV.")
