"""Tests the rules added in session 20 from the misses and false alarms of blind49 and blind50 (declared seen after
their one scoring by the checker after lex31). Each idea of a miss was written in the three languages where it reads
naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.folding import fold
from supportterm.politeness.signature import impersonal
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "A bit of common sense would have kept the boxes upright.", "rude"),
    ("en", "If you can manage to click a button, the form will do the rest.", "rude"),
    ("en", "Don't be silly, the offer was for small units only.", "rude"),
    ("en", "No one in their right mind leaves a stove on in a storage unit.", "rude"),
    ("en", "The extra fee is down to you, I'm afraid.", "blame"),
    ("en", "The charge came from a typo on your part.", "blame"),
    ("en", "Noise from other renters comes with the territory.", "dismissive"),
    ("en", "Everything is on our website, so I'll close this ticket now.", "dismissive"),
    ("en", "Apparently it didn't sink in the first time, so once more.", "argumentative"),
    ("en", "You're probably mixing things up with another company.", "argumentative"),
    ("en", "Thanks for keeping us on our toes.", "sarcasm"),
    ("en", "Three emails' worth of it, I know.", "sarcasm"),
    ("en", "What a perceptive conclusion after one lesson.", "sarcasm"),
    ("en", "Plenty of people would happily pay extra for that view.", "sarcasm"),
    ("en", "Last season the shop turned over roughly $80,000.", "confidential"),
    ("en", "Across our sites we had 2,300 new lets this year.", "confidential"),
    ("ru", "Ни один человек в здравом уме так не делает.", "rude"),
    ("ru", "Посмотрите сначала в зеркало.", "rude"),
    ("ru", "Путаница вышла из-за ошибки с Вашей стороны.", "blame"),
    ("ru", "Договор Вы подписали не читая.", "blame"),
    ("ru", "Загляните в прайс и посмотрите, пожалуйста, сами.", "dismissive"),
    ("ru", "Вы, видимо, что-то путаете.", "argumentative"),
    ("ru", "Какое глубокое наблюдение.", "sarcasm"),
    ("ru", "Вы не даёте нам скучать.", "sarcasm"),
    ("ru", "Точка стабильно работала в минус, около 60 тысяч в месяц.", "confidential"),
    ("az", "Ağlı başında olan heç kəs bunu etməz.", "rude"),
    ("az", "Bu məlumatı oxumaq Sizə çətin gəlib.", "rude"),
    ("az", "Sənədi gec göndərdiyiniz üçün bütün proses uzandı.", "blame"),
    ("az", "Bir daha qeyd edirəm: qiymət dəyişmir.", "argumentative"),
    ("az", "Bunu hər gün eşidirik.", "sarcasm"),
    ("az", "Otel keçən qış zərərlə işləyib, doluluq cəmi 35% idi.", "confidential"),
]

HARD_NEGATIVES = [
    ("en", "Please take all your belongings with you; we keep found items for 30 days."),
    ("en", "The sync may take an hour; if it doesn't sort itself out by then, reply and I'll look."),
    ("en", "Our tandem kayaks carry up to 250 kg, including anything you bring in the boat."),
    ("en", "The 100 sq ft units have a short waiting list."),
    ("en", "I've added your HST number, 81234 5678 RT0001, to the invoice."),
    ("en", "We'll send you the group photo as a keepsake."),
    ("ru", "Уведомления останутся, чтобы Вы не пропустили доставку."),
    ("ru", "Так удобно посмотреть, когда пальто чистилось в последний раз."),
    ("ru", "Понимаю Ваше возмущение, и спорить не стану: это наша ошибка."),
    ("ru", "А мы уже решили Ваш вопрос: деньги вернутся завтра."),
    ("az", "Sistem bir neçə dəqiqəyə öz-özünə qaydasına düşəcək, narahat olmayın."),
    ("az", "Yeni 550 Vt panellər müştərilərimiz üçün endirimli qiymətlədir."),
    ("az", "Transfer dispetçerimiz +994 12 555 40 41 nömrəsində əlçatandır."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex32_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex32_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def _mismatch(text: str) -> list[str]:
    customer = "Hello, I want to end my rental at the end of November. How do I give notice?"
    return [f.message for f in check(text, customer_text=customer).findings if f.category == "language_mismatch"]


def test_a_reply_in_polish_or_another_latin_language_to_an_english_customer_is_a_mismatch() -> None:
    polish = (
        "Dzień dobry Panie Kowalski,\n\ndziękujemy za wiadomość. Aby zakończyć najem z końcem listopada, wystarczy "
        "odpowiedzieć na tego maila albo złożyć wypowiedzenie w portalu klienta.\n\nZ poważaniem\nMagda"
    )
    czech = (
        "Dobrý den pane Nováku,\n\nděkujeme za zprávu. Nájem můžete ukončit ke konci listopadu odpovědí na tento "
        "e-mail nebo v zákaznickém portálu. Prosíme o vyklizení boxu do 30. listopadu, kauce bude vrácena do pěti "
        "pracovních dnů.\n\nS pozdravem\nMagda"
    )
    assert _mismatch(polish) == ["The customer wrote in English; this reply is in Polish."]
    assert _mismatch(czech) == ["The customer wrote in English; this reply is in another language."]
    assert _mismatch("Hi Tom,\n\nThanks. Just reply to this email to end the rental in November.\n\nBest,\nMagda") == []


def test_the_customers_number_named_in_their_booking_or_form_is_theirs() -> None:
    assert "secret" not in found("az", "Bronunuzda (ZR-250212) göstərilən nömrə +994 50 412 33 21-dir.")
    assert "secret" not in found("ru", "Напоминания уходят на номер +7 926 418-33-07, указанный в Вашей анкете.")


def test_a_uk_landline_beginning_0121_is_not_taken_for_baku() -> None:
    assert "secret" in found("en", "His mobile is 0121 496 0123, call him.")


def test_a_brand_and_its_school_sign_for_nobody() -> None:
    assert impersonal(fold("Zirvə Resort Xizək Məktəbi", "az"))
