"""Tests the rules added in session 17 from the misses and false alarms of blind31 and blind32 (declared seen
after their one scoring by the session's final checker).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.language import detect
from tests.politeness.test_families import found

FAMILIES = [
    # rude
    ("en", "Are you really this dense about a simple form?", "rude"),
    ("en", "Losing it twice takes a special kind of clueless.", "rude"),
    ("en", "Attaching a file seems to be beyond you.", "rude"),
    ("en", "Most kids get this right on the first try.", "rude"),
    ("en", "Please stop writing like a sulking child.", "rude"),
    ("ru", "Это не высшая математика.", "rude"),
    ("ru", "С этим справится даже ваш попугай.", "rude"),
    ("ru", "Оставьте базарные манеры при себе.", "rude"),
    ("ru", "Если хоть немного соображать в технике, всё ясно.", "rude"),
    ("az", "Bunu anlamaq üçün ağıl lazım deyil.", "rude"),
    ("az", "Görünür, bu bacarıq hər kəsə nəsib olmur.", "rude"),
    ("az", "Belə səhv üçün oxumağı bilməmək lazımdır.", "rude"),
    # sarcasm
    ("en", "Your capital letters did wonders for the courier.", "sarcasm"),
    ("en", "I see you've taken up tax law as a new hobby.", "sarcasm"),
    ("ru", "С Вашей посылкой мы почти породнились.", "sarcasm"),
    ("ru", "Вы уверенно держите рекорд по звонкам.", "sarcasm"),
    ("az", "Sizin üçün bütün şəhəri gəzəcəyəm, başqa işim yoxdur ki.", "sarcasm"),
    ("az", "Siz artıq rekordçumuzsunuz.", "sarcasm"),
    ("az", "Bu, çox orijinal biznes ideyasıdır.", "sarcasm"),
    ("az", "Təəssüf ki, ekstrasens deyilik.", "sarcasm"),
    ("az", "Təbriklər, kodu səhv yazmaqla hesabı bloklamağı bacardınız.", "sarcasm"),
    # blame, argumentative, dismissive
    ("ru", "Поставили галочку сами, а теперь ищете виноватых.", "blame"),
    ("ru", "Не проверили адрес, вот и результат.", "blame"),
    ("en", "As I've already said, the fee stays.", "argumentative"),
    ("en", "No, that simply isn't true.", "argumentative"),
    ("ru", "Позволю себе не согласиться с Вашей оценкой.", "argumentative"),
    ("ru", "Не стоит сгущать краски.", "argumentative"),
    ("az", "Yazdığınız doğru deyil.", "argumentative"),
    ("az", "Fikrinizlə razılaşa bilmərəm.", "argumentative"),
    ("ru", "С такими вопросами идите в банк.", "dismissive"),
    ("az", "Bizdən başqa sığorta şirkətləri də var.", "dismissive"),
    # secrets: a long code after a licence or activation word
    ("en", "The activation code is 5d1e9a0c7b3f28e64a9d0c1b7e2f.", "secret"),
]

HARD_NEGATIVES = [
    ("en", "Your order code is 4471-2290-1182-3345-2210."),
    ("en", "The licence code is printed on the box, under the barcode."),
    ("en", "Kids get in free, so there is no need to buy a ticket for them."),
    ("ru", "Ваша команда держит первое место в турнире, поздравляем!"),
    (
        "ru",
        "1. Вставьте кабель из подъезда в порт WAN роутера (обычно он синий или подписан значком "
        "глобуса). 2. Подключите компьютер к сети, название и пароль которой напечатаны на наклейке. "
        "3. Откройте браузер и перейдите по адресу 192.168.0.1.",
    ),
    ("ru", "В заказе указан номер +7 903 512-44-90 — тот же, с которого Вы нам пишете."),
    ("az", "Açar sonuncu dəfə bu gün saat 08:14-də istifadə olunub."),
    ("az", "Təbrik edirik, imtahandan uğurla keçdiniz!"),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex22_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex22_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_a_short_english_question_is_english_so_a_french_reply_to_it_is_a_mismatch() -> None:
    assert detect("How much does colour printing cost?", default="") == "en"
    reply = "Bonjour Emma,\n\nL'impression couleur coûte 20 pence par page.\n\nCordialement,\nJulien Martin"
    found_here = {
        f.category for f in check(reply, customer_text="How much does colour printing cost?").findings
    }
    assert "language_mismatch" in found_here
