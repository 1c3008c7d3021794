"""Tests the rules added in session 20 from the misses and false alarms of blind47 (declared seen after its one
scoring by the checker after lex29). Each idea of a miss was written in the three languages where it reads
naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "Honestly, your dog was better behaved than its owner on the phone.", "rude"),
    ("en", "At this level of manners it's surprising anyone still answers you.", "rude"),
    ("en", "We rarely get such a fussy customer.", "rude"),
    ("en", "Once again, you didn't read the cancellation terms before renewing.", "blame"),
    ("en", "If you search for it you'll find the guide on our blog.", "dismissive"),
    ("en", "Moving your data isn't something we can do for you.", "dismissive"),
    ("en", "Obviously all accounts need a verified email first.", "dismissive"),
    ("en", "That's how it works everywhere in the world.", "dismissive"),
    ("en", "Thanks for the ten one-star reviews in the meantime; they really made our month.", "sarcasm"),
    ("en", "Thanks for telling us at the last minute, as always.", "sarcasm"),
    ("en", "It takes real courage to open the spam folder, I know.", "sarcasm"),
    ("en", "We rarely meet such vigilant inspectors.", "sarcasm"),
    ("en", "I have now told you this three times.", "argumentative"),
    ("en", "Internally about 6% of sessions hit this error.", "confidential"),
    ("en", "The service made a loss of £1.2m last year, so it was closed.", "confidential"),
    ("ru", "Ваш кот на приёме вёл себя гораздо воспитаннее, чем его хозяйка.", "rude"),
    ("ru", "С таким уровнем воспитания удивительно, что с Вами кто-то разговаривает.", "rude"),
    ("ru", "Если прочитать договор без посторонней помощи не получается, приезжайте в офис.", "rude"),
    ("ru", "Вы опять не приложили чек к заявке.", "blame"),
    ("ru", "Если поищете, найдёте всё в разделе «Помощь».", "dismissive"),
    ("ru", "Обсуждать это никто не будет.", "dismissive"),
    ("ru", "Это не то, что мы будем делать за Вас.", "dismissive"),
    ("ru", "Наука такое знает, не переживайте.", "sarcasm"),
    ("ru", "Спасибо, что предупредили нас в последний момент.", "sarcasm"),
    ("ru", "Вашей точности остаётся только позавидовать.", "sarcasm"),
    ("ru", "Объясняю это уже третий раз.", "argumentative"),
    ("ru", "Филиал в прошлом году ушёл в минус на 12 %.", "confidential"),
    ("ru", "Колл-центр обслуживает около 30 тысяч клиентов в месяц.", "confidential"),
    ("az", "Sizin kimi kobud adamlarla danışmaq çətindir.", "rude"),
    ("az", "Bu qədər şıltaq müştəri görməmişik.", "rude"),
    ("az", "Pişiyiniz sahibindən daha tərbiyəli idi.", "rude"),
    ("az", "Bu barədə yazılı məlumat vermirik.", "dismissive"),
    ("az", "Qaydalar bütün dünyada belədir.", "dismissive"),
    ("az", "Əvvəlcə sənədləri toplayın, sonra bizə yazarsınız.", "dismissive"),
    ("az", "Hesabı açmaq, əlbəttə, böyük cəsarət tələb edir.", "sarcasm"),
    ("az", "Rahatlığınıza doğrudan da qibtə edirik.", "sarcasm"),
    ("az", "Bunu izah etməyə məcbur oluram.", "argumentative"),
    ("az", "Filial keçən il 1,2 milyon manat zərər gətirib.", "confidential"),
    ("az", "Mərkəz ayda təxminən 25 min zəng qəbul edir.", "confidential"),
]

HARD_NEGATIVES = [
    ("en", "If you'd prefer to try someone else, the tutor list lets you filter by level."),
    ("en", "On 12 March we received a chargeback from your bank for the payment of $79.99."),
    ("en", "The free tier covers 10k requests a month."),
    ("en", "It takes about ten minutes to open the account."),
    ("en", "We're always happy to hear suggestions from customers."),
    ("en", "The status can be PENDING, ACTIVE or CLOSED."),
    ("en", "Your store had 40 thousand visitors a month last spring."),
    ("ru", "Авария произошла по вине другого водителя, франшиза не удерживается."),
    ("ru", "Сеть работает с 2011 года, у нас 27 филиалов."),
    ("ru", "Курьер позвонит Вам с номера +7 912 604-33-81 за час до приезда."),
    ("ru", "Утро — лучшее время для прививки."),
    ("az", "Qəza Sizin təqsiriniz olmadan baş verdiyi üçün franşiza tutulmayacaq."),
    ("az", "Cavab JSON formatında gəlir, \"status\" sahəsi CONFIRMED, ACTIVE və ya CLOSED ola bilər."),
    ("az", "Evakuator yoldadır, sürücü Sizə 055 600 12 12 nömrəsindən zəng edəcək."),
    ("az", "Əvvəlki cavabımda qeyd etdiyim kimi, yeni limit ayın 1-dən qüvvədədir."),
    ("az", "Şəxsi kabinetə daxil olun və sifariş tarixçəsinə oradan baxın."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex30_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex30_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def _secrets(text: str, customer_text: str | None = None) -> list[str]:
    return [text[f.start : f.end] for f in check(text, customer_text=customer_text).findings if f.category == "secret"]


def test_a_mailbox_at_the_domain_the_signature_names_is_the_companys() -> None:
    text = "Здравствуйте, Татьяна!\nДобавьте адрес results@vetzabota.ru в контакты.\nНикита Светлов, поддержка «ВетЗабота»"
    assert _secrets(text) == []


def test_a_firm_named_in_the_body_does_not_make_its_address_ours() -> None:
    text = "Salam!\nBunu «Günəş Market» də istifadə edir: aynur.m@gunesmarket.az ünvanına yaza bilərsiniz.\nHörmətlə,\nRəna"
    assert _secrets(text) == ["aynur.m@gunesmarket.az"]


def test_another_account_named_by_the_customers_surname_is_still_someone_elses() -> None:
    text = (
        "Hello Mr. Okoye,\n\nThe card was used for two subscriptions, yours and one on an account registered to "
        "d.okoye.jr@gmail.com on 2 January.\n\nKind regards,\nFatima"
    )
    assert _secrets(text) == ["d.okoye.jr@gmail.com"]


def test_the_customers_number_written_in_one_run_of_digits_is_theirs() -> None:
    text = "Добрый день!\nЗаписала выезд; телефон +7 912 345-67-89.\nС уважением,\nСофья"
    assert _secrets(text, customer_text="Адрес Садовая 14. Телефон 89123456789.") == []
    assert _secrets(text) == ["+7 912 345-67-89"]
