"""Tests the rules added in session 18 from the misses and false alarms of blind39 and blind40 (declared seen
after their one scoring by the checker after lex25). Each idea of a miss was written in all three languages
where it reads naturally, since new authors reuse ideas across languages ("a five-year-old could").

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "Even a ten-year-old with a phone could have done it.", "rude"),
    ("en", "Acting like a spoiled brat won't get the fee waived.", "rude"),
    ("en", "Diagrams clearly work better for you than words.", "rude"),
    ("en", "The late fee is all down to your missed payment.", "blame"),
    ("en", "It failed because of your own typing mistakes.", "blame"),
    ("en", "I am not going to waste time on that plugin.", "dismissive"),
    ("en", "Logging in first should have gone without saying.", "dismissive"),
    ("en", "You'll have to dig it out of their help pages yourself.", "dismissive"),
    ("en", "Yes, the app spent the weekend plotting against you.", "sarcasm"),
    ("en", "Back in the real world, the order shipped on Monday.", "sarcasm"),
    ("en", "Sharing your PIN by text: truly a masterclass in security.", "sarcasm"),
    ("en", "So you can imagine our surprise at your complaint.", "sarcasm"),
    ("en", "There's one thing you seem to have missed: the plan is monthly.", "argumentative"),
    ("en", "We now have 9,800 active listings in Porto.", "confidential"),
    ("ru", "Моя бабушка разобралась бы быстрее вас.", "rude"),
    ("ru", "Код, похоже, писали левой пяткой.", "rude"),
    ("ru", "Вина за просрочку полностью на вашей совести.", "blame"),
    ("ru", "Отпуск — это ваши личные проблемы.", "dismissive"),
    ("ru", "Полистайте справку, что-нибудь да найдётся.", "dismissive"),
    ("ru", "Тратить на это время я не буду.", "dismissive"),
    ("ru", "Какая свежая жалоба, надо же.", "sarcasm"),
    ("ru", "Правда, такое под силу не каждому.", "sarcasm"),
    ("ru", "Представьте наше удивление, когда пришёл десятый запрос.", "sarcasm"),
    ("ru", "Никто не работает бесплатно, уж извините.", "argumentative"),
    ("az", "Bunu on yaşlı uşaq da bir dəqiqəyə edər.", "rude"),
    ("az", "Sifarişi gözüyumulu təsdiqləmisiniz.", "rude"),
    ("az", "Ödənişi gec etməyiniz gecikməyə səbəb olub, diqqətsiz doldurmağınız isə xətaya.", "blame"),
    ("az", "Tarif seçmək vəzifəmizə daxil deyil.", "dismissive"),
    ("az", "Bir gün, əlbəttə, bütöv bir ömürdür.", "sarcasm"),
    ("az", "Heç kim pulsuz işləmir, bunu bilməlisiniz.", "argumentative"),
]

HARD_NEGATIVES = [
    ("en", "You can find the tax rules on the city's website; I've linked the page for you."),
    ("en", "Our cooking masterclass in Lisbon starts at 18:00."),
    ("en", "Guests pay their own 12% service fee, as published on our pricing page."),
    ("en", "If you haven't done that yet, please restart the router first."),
    ("ru", "Откройте на этом компьютере в браузере адрес http://localhost:8080 — должна загрузиться страница УТМ."),
    ("ru", "Выручка в отчёте — это все продажи по кассе за май: 1 248 300 ₽."),
    ("ru", "Если вы этого не сделали, нажмите «Подтвердить» в письме."),
    ("ru", "Какой оригинальный подарок! Упакуем его в фирменную коробку."),
    ("az", "Bizə 012 555 00 00 nömrəsinə zəng etsəniz, operator kömək edəcək."),
    ("az", "Biznes paketində saniyədə 100 SMS limiti var, qiymətlər saytımızda dərc olunub."),
    ("az", "Şəbəkə yüklənməsi gecikmənin əsl səbəbidir, bunun üçün üzr istəyirik."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex26_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex26_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_a_partners_commission_stays_a_company_figure() -> None:
    """A fee the customer pays is a published price; a commission taken from partners is not."""
    assert "confidential" in found("az", "Düzünü desəm, tərəfdaş otellərdən 22% komissiya alırıq.")


def test_a_third_persons_number_named_after_it_is_theirs() -> None:
    body = "Nömrənin əvvəlki sahibi indi 050 614 27 93 nömrəsindən istifadə edir."
    reply = "Salam, Ruslan bəy.\n\n" + body + "\n\nHörmətlə,\nNigar"
    assert "secret" in {f.category for f in check(reply, lang="az").findings}
