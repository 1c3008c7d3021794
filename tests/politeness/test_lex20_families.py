"""Tests the rules added in session 17 from the misses and false alarms of blind27 and blind28 (declared seen
after their one scoring by the final checker of session 16).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.addressee import names, owns
from tests.politeness.test_families import found

FAMILIES = [
    # rude
    ("en", "Setting a reminder isn't exactly rocket science.", "rude"),
    ("en", "I do wonder how you've managed to run a shop this long.", "rude"),
    ("en", "A short course on reading might help before the next ticket.", "rude"),
    ("ru", "Вы совсем не соображаете, что пишете?", "rude"),
    ("ru", "С этим разобрался бы даже школьник.", "rude"),
    ("az", "Düyməni tapa bilməyən adama kömək etmək çətindir.", "rude"),
    ("az", "Bunu on yaşlı uşaq da bacarardı.", "rude"),
    ("az", "Bunu anlamaq üçün beyin lazım deyil.", "rude"),
    ("az", "Bu sözləri güzgüyə baxanda deyərsiniz.", "rude"),
    # sarcasm
    ("en", "A scratch on the box: truly a tragedy.", "sarcasm"),
    ("en", "Only joking, the refund went out this morning.", "sarcasm"),
    ("en", "Retype them all if you like, you've clearly got the time.", "sarcasm"),
    ("en", "Love the confidence in your review, by the way.", "sarcasm"),
    ("en", "Not bad for someone who calls himself a beginner.", "sarcasm"),
    ("en", "A real team effort on your side, that one.", "sarcasm"),
    ("en", "Yes, we're all just sitting here refreshing the queue.", "sarcasm"),
    ("en", "Great job on the wrapping, by the way: one sheet of paper.", "sarcasm"),
    ("ru", "Настойчивость, достойная лучшего применения.", "sarcasm"),
    ("ru", "Курьеры имеют наглость отдыхать по воскресеньям.", "sarcasm"),
    ("az", "Bu qədər gec xəbər tutmağınız, doğrusu, heyranedicidir.", "sarcasm"),
    ("az", "Sistemimiz belə zarafatları çox sevir.", "sarcasm"),
    ("az", "Mühasiblərimiz sevincdən yata bilməyəcək.", "sarcasm"),
    ("az", "Beşinci zənginiz, rekorda az qalıb.", "sarcasm"),
    # blame
    ("en", "You can't expect the app to clean up after you every month.", "blame"),
    ("en", "This is what happens when you skip the backup.", "blame"),
    ("az", "Bu halda məsuliyyət tamamilə sizin üzərinizdədir.", "blame"),
    # dismissive, argumentative
    ("en", "There isn't much more we can do, sorry.", "dismissive"),
    ("en", "That simply isn't how it works.", "argumentative"),
    ("az", "Müştərilərin çoxu bunu özləri tapır.", "dismissive"),
    ("az", "Çatdırılma ilə bağlı şikayətlərə baxmırıq.", "dismissive"),
    ("az", "Faktlar belədir, fikrinizi dəyişməli olacaqsınız.", "argumentative"),
    ("az", "Siz məsələni yanlış qiymətləndirmisiniz.", "argumentative"),
    ("az", "Yenidən soruşmağın mənası yoxdur.", "argumentative"),
    # confidential figures: sold copies, returns, a return rate
    ("en", "We sold 12,000 copies of that album last week.", "confidential"),
    ("ru", "Мы продали 15 тысяч экземпляров за неделю.", "confidential"),
    ("ru", "У нас сейчас около 3 000 возвратов в месяц.", "confidential"),
    ("az", "Ayda təxminən 5 000 qaytarma emal edirik.", "confidential"),
    ("az", "Qaytarma dərəcəmiz bu il 19%-ə çatıb.", "confidential"),
    # secrets: a host under an '.int.' label, another person's phone after 'contact is'
    ("en", "The report is at https://billing.int.example.com/runs/42.", "secret"),
    ("en", "Their contact is Tom Reed, 07700 900461.", "secret"),
]

HARD_NEGATIVES = [
    ("en", "You can order up to 300 copies in one go."),
    ("en", "Phone support runs Monday to Friday; the number is 0330 123 4567."),
    ("en", "Please don't type your password while the warning is showing."),
    ("en", "Our help pages are at https://www.who.int/ and https://status.example.com/."),
    ("en", "That's not bad at all: the repair is covered by the warranty."),
    ("en", "There isn't a fee for this, and we can do it today."),
    ("ru", "Мы оформили возврат 1 500 рублей на Вашу карту."),
    (
        "ru",
        'Пример: `curl "https://api.example.ru/v2/catalog?updated_since=2024-01-01"` '
        "с токеном YOUR_API_TOKEN.",
    ),
    ("az", "Siz artıq proqrama daxilsiniz: bu il bizdən 7 sifariş vermisiniz."),
    ("az", "Biz 200 AZN-i kartınıza qaytarmağa hazırıq."),
    ("az", "Otaqda temperatur 22 dərəcədir."),
    ("az", "Doğrusu, nəticə bizim üçün də gözlənilməz oldu."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex20_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex20_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_an_initial_and_a_surname_greeted_by_the_first_name_is_the_customers_address() -> None:
    assert owns("o.demidova", frozenset({"olga", "^olga"}))
    assert owns("s-morozov1979", frozenset({"sergey", "^sergey"}))
    assert not owns("o.demidova", frozenset({"sergey", "^sergey"}))
    assert not owns("o.demidova", frozenset({"olga"}))  # the agent's signature name vouches for no initial
    assert not owns(
        "o.de", frozenset({"olga", "^olga"})
    )  # the word after the initial must be a name's length


def test_the_customers_own_address_after_its_greeting_is_not_a_secret() -> None:
    reply = (
        "Здравствуйте, Ольга!\n\nВ карточке указан адрес o.demidova@yandex.ru, тот же, что при регистрации."
        "\n\nС уважением,\nАнна Петрова"
    )
    assert not [f for f in check(reply, lang="ru").findings if f.category == "secret"]
    other = reply.replace("Ольга", "Ирина")
    assert [f for f in check(other, lang="ru").findings if f.category == "secret"]


def test_an_address_after_a_password_word_is_where_the_link_went_not_a_password() -> None:
    reply = (
        "Здравствуйте, Сергей!\n\nСсылку для сброса пароля я отправил на s.morozov1979@yandex.ru."
        "\n\nС уважением,\nГлеб"
    )
    assert not [f for f in check(reply, lang="ru").findings if f.category == "secret"]
    password = reply.replace("на s.morozov1979@yandex.ru", "— Kx7!pQ2m")
    assert [f for f in check(password, lang="ru").findings if f.category == "secret"]


def test_the_greeting_names_are_marked_beside_the_signature_names() -> None:
    assert names("Здравствуйте, Ольга!\n\nГотово.\n\nС уважением,\nЕгор") == {"olga", "^olga", "egor"}
