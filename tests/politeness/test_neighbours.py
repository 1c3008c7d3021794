"""Tests that a reply in a neighbouring language (Ukrainian, Turkish, Spanish, Portuguese, Italian) is a
language mismatch although `language.detect` files it under Russian, Azerbaijani or English."""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.findings import LANGUAGE_NAMES
from supportterm.politeness.neighbours import neighbour

MISMATCHED = [
    ("Добрий день! Ми перевірили замовлення: посилка вже у відділенні, її можна забрати до п'ятниці. "
     "Дякуємо за терпіння. З повагою, Ірина", "Здравствуйте, где моя посылка? Уже неделя прошла.", "uk"),
    ("Вибачте за затримку, повернення коштів буде протягом трьох робочих днів. Олег",
     "Когда вернут деньги за заказ?", "uk"),
    ("Merhaba, siparişiniz bugün kargoya verildi ve yarın teslim edilecektir. Teşekkür ederiz, Ayşe",
     "Salam, sifarişim nə vaxt gələcək?", "tr"),
    ("Hola Marta, lamentamos el retraso. Hemos enviado su pedido hoy y llegará en dos días. Saludos, Pablo",
     "Hi, my order is late, where is it?", "es"),
    ("Olá Pedro, obrigado pelo contato. O seu pedido foi enviado hoje e deve chegar em dois dias. "
     "Atenciosamente, Ana", "Hello, when will my order arrive?", "pt"),
    ("Buongiorno, grazie per la pazienza. Abbiamo spedito il suo ordine e arriverà in due giorni. "
     "Cordiali saluti, Marco", "Hello, when will my order arrive?", "it"),
]

SAME_LANGUAGE = [
    # a Ukrainian shop name in a Russian reply
    ("ru", "Здравствуйте! Магазин «Їжак» на Хрещатике работает до 20:00, заказ можно забрать там. "
           "С уважением, Ольга"),
    # Azerbaijani typed without ə
    ("az", "Salam, sifarisiniz bu gun gonderildi, zehmet olmasa SMS-i yoxlayin. Hormetle, Elvin"),
    # a Turkish brand in an Azerbaijani reply
    ("az", "Salam! «Teşekkür Market» filialında sifarişinizi götürə bilərsiniz. Hörmətlə, Nigar"),
    # Spanish names and a place in an English reply
    ("en", "Hi Ana,\n\nYour order ships today from our Madrid warehouse (Almacén Central) and should arrive "
           "by Friday.\n\nBest regards,\nJosé García"),
    # one Spanish greeting in an English reply
    ("en", "Hola Carlos! Thanks for your patience; the refund is on its way and you will see it in 3 days. "
           "Best, Emma"),
]


@pytest.mark.parametrize(("text", "customer", "code"), MISMATCHED)
def test_neighbouring_language_is_a_mismatch(text: str, customer: str, code: str) -> None:
    found = [f for f in check(text, customer_text=customer).findings if f.category == "language_mismatch"]
    assert found and dict(found[0].arguments)["reply_language"] == LANGUAGE_NAMES[code]
    assert neighbour(text, check(text).language) == code


@pytest.mark.parametrize(("lang", "text"), SAME_LANGUAGE)
def test_own_language_with_foreign_names_is_not(lang: str, text: str) -> None:
    assert neighbour(text, lang) is None
