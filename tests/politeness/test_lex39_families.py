"""Tests the rules added in session 22 from the misses and false alarms of blind62 and blind63 (declared seen
after their one scoring by the checker after lex38). Each idea of a miss was written in the three languages where it
reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ('en', 'Even a technophobe granny could handle the upload form.', 'rude'),
    ('en', 'A child could have spotted that line in the listing.', 'rude'),
    ('en', 'Are you seriously telling me you missed the yellow barrier?', 'rude'),
    ('en', 'Five attempts in one evening, such heroic persistence.', 'sarcasm'),
    ('en', 'The other buyers were surely grateful for that particular detail.', 'sarcasm'),
    ('en', 'A scratched filter on a used lens, what an unheard-of phenomenon.', 'sarcasm'),
    ('en', 'Thanks for the charming description of our service.', 'sarcasm'),
    ('en', 'The refund fairy does not work weekends, sadly.', 'sarcasm'),
    ('en', 'The crack comes down to how you wrapped the lens.', 'blame'),
    ('en', 'Renewing the permit is entirely your responsibility.', 'blame'),
    ('en', "Restoring old flashes isn't really something we comment on.", 'dismissive'),
    ('en', 'Approvals take the time they take.', 'dismissive'),
    ('en', 'That is something to take up with the bank directly.', 'dismissive'),
    ('en', 'By our count we sold nearly 12,300 tripods in the spring.', 'confidential'),
    ('ru', 'Какого черта Вы пишете нам в три часа ночи?', 'rude'),
    ('ru', 'Даже ребёнок бы разобрался с этой застёжкой.', 'rude'),
    ('ru', 'Это, конечно, настоящая неожиданность для нас: дождь осенью.', 'sarcasm'),
    ('ru', 'Жаль, что наш салон не дотянул до уровня Ваших ожиданий от дворца.', 'sarcasm'),
    ('ru', 'Какое завидное терпение у Вас.', 'sarcasm'),
    ('ru', 'Графу «Телефон» Вы оставили пустым, вот курьер и не дозвонился.', 'blame'),
    ('ru', 'Вопрос решён, обращение закрыто.', 'dismissive'),
    ('ru', 'Это вопрос к производителю, а не к нам.', 'dismissive'),
    ('ru', 'Лаборатория работает как может, так что остаётся только ждать.', 'dismissive'),
    ('az', 'Görünür, bu vərdişi sahibindən öyrənib.', 'rude'),
    ('az', 'Yoxsa oxumaq da çətindir?', 'rude'),
    ('az', 'Bəli, təsəvvür edin, biz də bəzən işləyirik.', 'sarcasm'),
    ('az', 'Bir həftəyə səlis danışmaq olduqca təvazökar arzudur.', 'sarcasm'),
    ('az', 'Sifarişin gecikməsi formanı diqqətsiz doldurmağınızdan irəli gəlib.', 'blame'),
    ('az', 'Belə suallar burada qəbul edilmir, müraciət bağlanır.', 'dismissive'),
    ('az', 'Bu filialın aylıq gəliri ötən ay düşmüşdü: aylıq gəlir 18 min manat idi.', 'confidential'),
]

HARD_NEGATIVES = [
    ('en', 'Please keep the link to yourself: the feed ID is personal, so please don\'t share the link with others.'),
    ('en', 'I have asked the driver to call you on 07700 900321 when he is ten minutes away.'),
    ('en', 'The phone number for the courier is +44 7700 900654, as you asked.'),
    ('en', 'Your door code for the booking is shown in the app under Access.'),
    ('en', 'We sold out of the 50mm last week, but more arrive on Friday.'),
    ('ru', 'Посчитала ещё раз: 4 500 ₽ минус 10 % — это 4 050 ₽.'),
    ('ru', 'Телефон для водителя: +7 912 345-67-89; водитель позвонит за час.'),
    ('ru', 'Заявку зарегистрировали, ответ пришлём завтра до обеда.'),
    ('az', 'Təsdiq üçün məlumatları təkrar edirəm: ünvan Nizami küçəsi 12, çatdırılma sabah.'),
    ('az', 'Bakı filialımız bazar günü açıqdır; təcili hallarda (012) 555 12 34 nömrəsinə zəng edin.'),
    ('az', 'Heç bir tələsiklik yoxdur, nə vaxt hazır olsanız, bizə yazın.'),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex39_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex39_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("2024-05-14 19:02:11 gateway=yookassa secret_key=live_Qm8fT2xKp93LzAVe0rN7 status=DECLINED",
         "live_Qm8fT2xKp93LzAVe0rN7"),
        ("deliver acct=CV-88213 api_key=whsec_7Hq2LmP9xV4rT0kZbW3s status=400", "whsec_7Hq2LmP9xV4rT0kZbW3s"),
    ],
)
def test_a_key_named_by_its_own_field_in_a_log_line_is_a_secret(line: str, key: str) -> None:
    """'secret_key=…' names itself: no key word stands before it (blind63 ru); only the value is redacted."""
    reply = f"Hi Dan,\n\nHere is the log line:\n{line}\n\nBest,\nAnna Berg"
    spans = {reply[f.start : f.end] for f in check(reply).findings if f.category == "secret"}
    assert key in spans


def test_a_placeholder_after_a_key_field_is_no_secret() -> None:
    assert "secret" not in found("en", "Set api_key=YOUR_API_KEY in the config file.")


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "The staff override code is 4471#, the lifts stay on until one."),
        ("ru", "Служебный код двери — 5521, им пользуются только сотрудники."),
        ("az", "Xidməti kod: 7731, qapı açılacaq."),
    ],
)
def test_a_staff_override_code_is_a_secret(lang: str, body: str) -> None:
    assert "secret" in found(lang, body)


@pytest.mark.parametrize("signature", ["VetDost çat-operatoru №4", "Çat-operator №4"])
def test_a_numbered_chat_operator_signs_for_nobody(signature: str) -> None:
    reply = f"Salam!\n\nSifarişiniz hazırdır.\n\nHörmətlə,\n{signature}"
    assert "impersonal_signature" in {f.category for f in check(reply).findings}
