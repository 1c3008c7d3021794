"""Tests of the structural rules of issue 5, session 4: signatures, business figures, credential URLs.

Each rule is meant to generalise by the shape of the text rather than by phrases, so every case here
uses wording that appears in no lexicon entry, and each positive has a hard negative beside it that
shares its words but not its shape.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.signature import impersonal


def categories(text: str, customer_text: str | None = None) -> set[str]:
    """Error and warning categories of `text` as it is."""
    return {f.category for f in check(text, customer_text=customer_text).findings if f.severity != "hint"}


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("northwind support team", True),
        ("the harbourline team", True),
        ("customer service, agent 214", True),
        ("billing department, desk 7", True),
        ("бухгалтерия, окно 7", True),
        ("mühasibatlıq, 7-ci pəncərə", True),
        ("maria lopez, customer support team", False),
        ("rüfət, support team", False),
        ("omar from skyways reservations", False),
        ("marco (front office manager)", False),
        ("олег из отдела продаж", False),
        ("please contact support", False),
        ("напишите в службу поддержки", False),
        ("dəstək xidmətinə yazın", False),
    ],
)
def test_signature_parts_name_a_person_or_a_team(signature: str, expected: bool) -> None:
    assert impersonal(signature) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Hi Carla, the replacement router ships today by courier. Thank you for choosing"
        " Northwind. Northwind Support Team",
        "Hello, your export is ready in the Reports tab. — The Harbourline Team",
        "Dear Mr. Quinn, the direct debit now starts on the 3rd. Yours faithfully, Member Services, Agent 88",
        "Здравствуйте! Пропуск продлён до конца месяца. Хорошего вечера! Команда «Портово»",
        "Добрый день. Ваша заявка на возврат одобрена, деньги придут в течение недели."
        " Служба заботы о клиентах банка",
        "Salam! Kartınız yenidən aktivləşdirildi. Uğurlu gün arzulayırıq! «Xəzər» bankı",
        "Salam! Müraciətiniz qəbul olundu, cavab 2 iş günü ərzində gələcək. Vergi xidməti",
    ],
)
def test_a_team_signing_on_the_last_line_is_impersonal(text: str) -> None:
    assert "impersonal_signature" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Carla, the router ships today. Thank you for choosing Northwind. Best, Priya"
        " Shah, Northwind Support Team",
        "Hello, your export is ready. If it fails again, the data team can rerun it. Cheers, Bruno",
        "Hi, your refund is on its way. Please contact the billing team if it has not arrived by Friday",
        "Здравствуйте! Пропуск продлён. Хорошего вечера! Олег, команда «Портово»",
        "Добрый день. Заявка одобрена. Если будут вопросы, напишите в службу поддержки",
        "Salam! Kartınız aktivləşdirildi. Uğurlar! Nigar, «Xəzər» bankının dəstək xidməti",
        "Salam! Müraciətiniz qəbul olundu. Sualınız olsa, dəstək xidmətinə yazın",
    ],
)
def test_a_person_or_a_last_sentence_is_not_an_impersonal_signature(text: str) -> None:
    assert "impersonal_signature" not in categories(text)


def test_a_signature_in_another_language_than_the_ticket_is_still_read() -> None:
    found = categories(
        "Hello! The voucher is now on your account. Enjoy! — Rewards Desk",
        customer_text="Salam! Hədiyyə kuponum hesabıma əlavə olunmayıb, zəhmət olmasa yoxlayın.",
    )
    assert {"impersonal_signature", "language_mismatch"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dev, sorry for the wait: about 6% of our fibre customers were hit by the same fault. Best, Ana",
        "Hello, the queue is long because we're handling roughly 14,000 open claims this month. Best, Ana",
        "Hi, between us the cancellation rate internally went up to 11% after the price change. Best, Ana",
        "Здравствуйте! Честно говоря, у нас сейчас примерно 640 тыс. платных абонентов,"
        " сеть не справляется. Анна",
        "Добрый день. По нашим данным, доля отмен в этом месяце выросла до 9%. Анна",
        "Salam! Açığı, bu ay abunəçilərimizin təxminən 7%-i xidməti dayandırıb. Aygün",
        "Salam! Hazırda 12 min aktiv kuryerimiz var, ona görə yoxlama gecikir. Aygün",
    ],
)
def test_a_company_figure_with_a_business_noun_is_confidential(text: str) -> None:
    assert "confidential" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dev, your account shows 1,420 orders this quarter, up 12% on last year. Best, Ana",
        "Hello, the Business plan covers up to 2,000 seats and 99.95% uptime. Best, Ana",
        "Hi, every customer gets 15% off the yearly plan until Sunday. Best, Ana",
        "Hi, we don't publish the number of subscribers, but the fix reaches everyone by 18:00. Best, Ana",
        "Hi, your parcel 4481207 left our hub at 06:40 and we deliver by 14:00. Best, Ana",
        "Здравствуйте! У Вашей компании в кабинете 1 420 заказов за квартал. Анна",
        "Добрый день. Тариф включает до 2 000 пользователей, скидка 15% действует до воскресенья. Анна",
        "Salam! Hesabınızda bu rüb 1 420 sifariş görünür. Aygün",
        "Salam! «Biznes» tarifi 2 000 istifadəçiyə qədər nəzərdə tutulub, illik ödənişə"
        " 15% endirim var. Aygün",
    ],
)
def test_customers_own_figures_limits_and_offers_are_fine(text: str) -> None:
    assert "confidential" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi, since 14:00 about half of our API requests return 500 errors; we are on it. Best, Ana",
        "Здравствуйте! С утра часть наших заказов падала с ошибкой 500, мы уже всё исправили. Анна",
        "Salam! Səhərdən bəri sorğularımızın bir hissəsi 502 xətası ilə qayıdırdı, artıq düzəltdik. Aygün",
        "Salam! Bildirişlər sizə hər gün saat 09:00-da gəlir, 300 simvola qədər olur. Aygün",
        "Hi, we need about 500 MB free in order to install the update. Best, Ana",
    ],
)
def test_status_codes_and_look_alike_words_are_not_figures(text: str) -> None:
    assert "confidential" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi, alerts go to"
        " https://hooks.slack.com/services/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, paste it in. Ana",
        "Hi, post to"
        " https://discordapp.com/api/webhooks/998877665544332211/aB3-dE5fG7hJ9kL1mN3pQ5rS7tU9vW1. Ana",
        "Hi, the report is at"
        " https://bucket.s3.amazonaws.com/r.pdf?X-Amz-Signature=0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d. Ana",
        "Hi, open https://app.acme.io/feed.json?access_token=Qm7Lp2Xr9Kt4Vn8Bz3Wc to see it. Ana",
        "Здравствуйте! Строка:"
        " Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKey=Zt7kLp2QwX9vBn4MdRj7cYf3HsA1eGu6=. Анна",
        "Salam! Keş: redis://:Xr7pLm29Qz@cache.acme.az:6379/0. Aygün",
    ],
)
def test_credentials_carried_by_urls_are_secrets(text: str) -> None:
    assert "secret" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi, Slack's docs show"
        " https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX as the format. Ana",
        "Hi, call https://api.acme.io/v1/items?api_key=YOUR_API_KEY with your own key. Ana",
        "Hi, please confirm your address: https://app.acme.io/confirm?token=Qm7Lp2Xr9Kt4Vn8Bz3Wc. Ana",
        "Hi, the signed link looks like"
        " https://bucket.s3.amazonaws.com/r.pdf?X-Amz-Signature=<signature>. Ana",
        "Здравствуйте! В строке укажите SharedAccessKey=<ваш ключ> из портала. Анна",
        "Salam! Yeni kampaniya: https://acme.az/aksiya?utm_source=email&utm_campaign=yaz2026. Aygün",
    ],
)
def test_documented_examples_and_customer_links_are_not_secrets(text: str) -> None:
    assert "secret" not in categories(text)
