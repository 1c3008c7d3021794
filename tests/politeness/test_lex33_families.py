"""Tests the rules added in session 20 from the misses and false alarms of blind51 and blind52 (declared seen after
their one scoring by the checker after lex32). Each idea of a miss was written in the three languages where it reads
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
    ("en", "Your conduct at the desk was childish.", "rude"),
    ("en", "Even a five-year-old could manage that form.", "rude"),
    ("en", "You should have sent the form before the deadline.", "blame"),
    ("en", "The two reminders we sent you last month were ignored.", "blame"),
    ("en", "If you'd cleaned the filter monthly, the pump wouldn't have failed.", "blame"),
    ("en", "Evening visits aren't something we do.", "dismissive"),
    ("en", "However many times we go over this, the rule stays.", "argumentative"),
    ("en", "Brilliant theory.", "sarcasm"),
    ("en", "So congratulations on that.", "sarcasm"),
    ("en", "We see about 1,150 candidates a month at this centre.", "confidential"),
    ("ru", "Пора повзрослеть и перестать жаловаться.", "rude"),
    ("ru", "С этим справится даже школьник.", "rude"),
    ("ru", "Тут справится даже самый бестолковый.", "rude"),
    ("ru", "Ваша невнимательность привела к поломке.", "blame"),
    ("ru", "Не стоит переживать из-за ерунды.", "dismissive"),
    ("ru", "Мы игрушки продаём, а не приложения настраиваем.", "dismissive"),
    ("ru", "Какое тонкое наблюдение.", "sarcasm"),
    ("ru", "Смелое инженерное решение, ничего не скажешь.", "sarcasm"),
    ("az", "Bu, sadəcə həyasızlıqdır.", "rude"),
    ("az", "Belə işi hətta məktəbli də bacarır.", "rude"),
    ("az", "Görüş Sizin ucbatınızdan baş tutmadı.", "blame"),
    ("az", "Bu məsələ bizim şöbə ilə əlaqəsi yoxdur, onlardan soruşun.", "dismissive"),
    ("az", "Eyni mövzuya yenidən qayıtmaq istəməzdim.", "argumentative"),
    ("az", "Nəhayət yadınıza düşdük!", "sarcasm"),
]

HARD_NEGATIVES = [
    ("en", "I'm sorry I can't read it out to you; the results appear in the portal tomorrow."),
    ("en", "Because you were turned away, I've waived the rescheduling fee."),
    ("en", "Which option you choose is down to you."),
    ("en", "If you're lost, call reception on 0117 496 0321 and someone will meet you."),
    ("en", "Email scores@harbourside-testing.co.uk and we'll add the university."),
    ("en", "Text RESCHEDULE followed by your reference, like this:\n\nRESCHEDULE BK-XXXXXX\n\nWe'll reply."),
    ("ru", "Мы отправили Вам камеры Schwalbe 29×2,10–2,60 с автониппелем."),
    ("ru", "Возврат оформлен на карту, которой Вы оплачивали заказ (**** 4417)."),
    ("ru", "Безрукавка из новой коллекции уже в пункте выдачи."),
    ("ru", "Клиенты очень оценили новую функцию приложения."),
    ("az", "Bu iş böyük zəhmət tələb edir, ona görə 5 gün çəkir."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex33_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex33_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    ("lang", "signature"),
    [
        ("en", "Harbourside Language Testing Centre"),
        ("en", "Brightwell Appliance Repair"),
        ("ru", "Менеджер интернет-магазина № 3"),
        ("az", "Qəbul komissiyası"),
    ],
)
def test_teams_and_firms_sign_for_nobody(lang: str, signature: str) -> None:
    assert impersonal(fold(signature, lang))


def test_a_wish_for_the_customer_is_no_blame() -> None:
    def blamed(sentence: str) -> list[str]:
        text = "Здравствуйте!\n\n" + sentence + "\n\nС уважением,\nИгорь"
        return [text[f.start : f.end] for f in check(text, lang="ru").findings if f.category == "blame"]

    assert "Вы сами не пострадали" in blamed("Оказалось, Вы сами не пострадали.")
    assert "Вы сами не пострадали" not in blamed("Надеемся, что Вы сами не пострадали.")
