"""Tests the rules added in session 15 from the misses of blind17 and blind18 (declared seen).

Positives are written here in other words than the replies that led to them (other verbs, inflections,
word order, other companies), so a family narrowed back to one phrase fails; hard negatives sit beside
them: the sincere uses of the same words.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import GREET, found, found_raw

FAMILIES = [
    # rude
    ("en", "Judging by the spelling of your last message, I'm not surprised the form was rejected.", "rude"),
    ("en", "To be frank, you came across as rather entitled on the phone yesterday.", "rude"),
    ("en", "I won't take lessons from a know-it-all about our own booking system.", "rude"),
    ("en", "Dealing with you is exhausting, but the refund has been issued.", "rude"),
    ("ru", "Так писать может только тот, у кого с головой проблемы.", "rude"),
    ("ru", "Приберегите такие выражения для друзей, а с нами говорите спокойно.", "rude"),
    ("ru", "Вы крутите руль, как обезьяна с гранатой, отсюда и царапины.", "rude"),
    ("ru", "Нытикам у нас скидок не полагается.", "rude"),
    # sarcasm
    ("en", "Switching to their app? They must be mind readers over there.", "sarcasm"),
    ("en", "A failed upload, I can only imagine the horror.", "sarcasm"),
    ("en", "Your review was truly the highlight of my morning.", "sarcasm"),
    ("en", "The app is too blue? I have never heard that one before.", "sarcasm"),
    ("en", "Wow, nine tickets since breakfast.", "sarcasm"),
    ("en", "Sure, of course, because nothing would make us happier than losing your parcel.", "sarcasm"),
    ("en", "I do admire your persistence with the caps lock.", "sarcasm"),
    ("ru", "Спасибо за ценнейшее замечание про цвет кнопки.", "sarcasm"),
    ("ru", "Без вашего совета наши инженеры ни за что бы не разобрались в собственном сервере.", "sarcasm"),
    ("ru", "Ваш роман о доставке обсуждали всем отделом.", "sarcasm"),
    ("ru", "Удивительно, что вы не потребовали ещё и личного водителя.", "sarcasm"),
    ("az", "Əlbəttə, çox parlaq ideyadır: maaşsız kredit.", "sarcasm"),
    ("az", "Direktorumuz sevincdən oynayacaq, əmin olun.", "sarcasm"),
    ("az", "Deyəsən, artıq peşəkar elektrik olmaq qərarına gəlmisiniz.", "sarcasm"),
    ("az", "On dəqiqəlik növbə, əlbəttə, dünyanın sonudur.", "sarcasm"),
    ("az", "Sizsiz bu işi necə edərdik, bilmirəm.", "sarcasm"),
    ("az", "Üçüncü məktubunuz üçün ayrıca təşəkkür edirik.", "sarcasm"),
    ("az", "Hissəni uçan xalça ilə göndərə bilmərik.", "sarcasm"),
    # blame, dismissive, argumentative
    ("az", "Gərək quraşdırmadan əvvəl şərtləri oxuyaydınız.", "blame"),
    ("az", "Səbəb ondadır ki, Siz parolu üç dəfə səhv yazmısınız.", "blame"),
    ("az", "Belə xırda işlərlə mərkəzimiz məşğul olmur.", "dismissive"),
    ("en", "The delay is obviously not an issue for most of our members.", "dismissive"),
    ("en", "You say our driver took the wrong road. He didn't.", "argumentative"),
    # confidential: the company's counts of people it serves
    ("en", "We now have over 210,000 registered students on the platform.", "confidential"),
    ("ru", "У нас сейчас около 35 000 активных пациентов.", "confidential"),
    ("az", "Bu il 18 min yeni sərnişinimiz olub.", "confidential"),
]

HARD_NEGATIVES = [
    ("en", "Judging by the error in your screenshot, the card was declined by the bank."),
    ("en", "The new dashboard should come across as much simpler; tell us if it doesn't."),
    ("en", "I can only imagine the stress this caused, and I'm sorry."),
    ("en", "Your kind review was a real highlight for the whole team, thank you."),
    ("en", "Nothing makes us happier than a parcel that arrives on time, so here is the tracking link."),
    ("en", "Wow, thank you for all the detail in your messages, it helped a lot."),
    ("en", "You can also do it yourself under Profile > Family > Manage members."),
    ("en", "No, your insurance is fine: the eligibility check was down on our side."),
    ("en", "You asked whether she was charged twice. She wasn't: the second line is a hold."),
    ("en", "We have 3 patients ahead of you, so the wait is about 20 minutes."),
    ("ru", "Если голова кружится после приёма, сразу обратитесь к врачу."),
    ("ru", "Без вашего скриншота мы бы не поняли, в чём дело, спасибо за него."),
    ("az", "Təklifinizə görə təşəkkür edirik, çox gözəl ideyadır, komandaya ötürdük."),
    ("az", "Hissə xırda olsa da, onu zəmanət üzrə pulsuz dəyişəcəyik."),
    ("az", "Gecikmə bizim günahımızdır, üzr istəyirik."),
    ("az", "102 nömrəsinə zəng etsəniz, polis sorğunu bizə göndərəcək."),
    ("az", "Bu il 12 min yeni sərnişin sizin kimi erkən bron etdi."),
    # technical quantities and the customer's own statement are no company figures
    ("az", "720p yayımda 5 Mbit/s yükləmə sürəti ilə 3500 kbit/s seçməyi məsləhət görürük."),
    ("az", "Yükləmə üçün 512 MB boş yer lazımdır, biz 2 GB tövsiyə edirik."),
    ("en", "Your statement for March is ready:\n\n- gross revenue: $4,210.00\n- fees: $210.50\n"
           "- payout: $3,999.50"),
]


def test_a_list_of_our_own_figures_is_still_flagged() -> None:
    body = "Here are our numbers for the quarter:\n- revenue: $1.2M\n- churn rate: 4%"
    assert "confidential" in found("en", body)


def test_a_department_signature_made_of_an_adjective_and_centre_is_impersonal() -> None:
    text = GREET["ru"] + "Удостоверение отправим Почтой России." + "\n\nС уважением,\nСервисный центр"
    assert "impersonal_signature" in found_raw(text)


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_session15_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_session15_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    ("closing", "impersonal"),
    [
        ("Хорошей прогулки!\nСлужба поддержки «Ветерок»", True),
        ("Хорошего дня!\nКоманда «Ветерок»", True),
        ("Хорошей прогулки!\nАнна Петрова\nСлужба поддержки «Ветерок»", False),
        ("Have a great weekend!\nSupport Team", True),
        ("Have a great weekend!\nMaya", False),
    ],
)
def test_signature_below_a_wish_and_brand_in_quotes(closing: str, impersonal: bool) -> None:
    lang = "ru" if closing[0] in "ХАБВГДЕ" else "en"
    ru_body, en_body = "Спасибо за вопрос. Кресла есть в Казани.", "Thanks for asking. It is in Settings."
    body = ru_body if lang == "ru" else en_body
    assert ("impersonal_signature" in found_raw(GREET[lang] + body + "\n\n" + closing)) is impersonal
