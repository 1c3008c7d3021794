"""Tests the rules added in session 21 from the misses and false alarms of blind56 and blind57 (declared seen after
their one scoring by the checker after lex35). Each idea of a miss was written in the three languages where it reads
naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

HERE = Path(__file__).parent

FAMILIES = [
    ('en', "There's no need to be a muppet about it.", 'rude'),
    ('en', 'Carrying the sacks round the back yourself would be a little daft.', 'rude'),
    ('en', 'Only a total beginner would expect a raw print to be glossy.', 'rude'),
    ('en', "Honestly, it's like talking to a brick wall.", 'rude'),
    ('en', "You clearly can't write a civil email.", 'rude'),
    ('en', 'You kept it in a dark shed, and that is what did the damage.', 'blame'),
    ('en', "That's a matter to take up with the courier rather than with us.", 'dismissive'),
    ('en', "We're not willing to discuss other options.", 'dismissive'),
    ('en', "There are plenty of guides; it's easy to find online, pick whichever you like.", 'dismissive'),
    ('en', 'No further information will be given on this.', 'dismissive'),
    ('en', 'Ah, forums, famously never wrong.', 'sarcasm'),
    ('en', 'Nothing says urgent like a message at midnight on a Sunday.', 'sarcasm'),
    ('en', 'Apparently you know better than the mountain rescue team.', 'sarcasm'),
    ('en', 'The whole shop must of course work around your schedule.', 'sarcasm'),
    ('en', "Couldn't have picked a better moment to change the address.", 'sarcasm'),
    ('en', "This isn't up for debate.", 'argumentative'),
    ('en', "I'd suggest re-reading the invoice before making such claims.", 'argumentative'),
    ('en', "On these clearance lines we're making about 4% right now.", 'confidential'),
    ('ru', 'Вы, видимо, не соблюдали рекомендации, поэтому так и вышло.', 'blame'),
    ('ru', 'Читать, надеюсь, умеете?', 'rude'),
    ('ru', 'Если Вам ума не хватает, попросите кого-нибудь помочь.', 'rude'),
    ('ru', 'Говорить с Вами — как об стенку горох.', 'rude'),
    ('ru', 'Обсуждать другие варианты мы не готовы.', 'dismissive'),
    ('ru', 'Перепроверять документы ещё раз смысла не вижу.', 'dismissive'),
    ('ru', 'Это легко находится в интернете.', 'dismissive'),
    ('ru', 'Ничто так не говорит о срочности, как звонок в шесть утра.', 'sarcasm'),
    ('ru', 'Вопрос, конечно, гениальный.', 'sarcasm'),
    ('ru', 'Больше ему делать было нечего, как портить Вам вечер.', 'sarcasm'),
    ('ru', 'Прежде чем делать такие заявления, загляните в договор.', 'argumentative'),
    ('ru', 'Это не обсуждается.', 'argumentative'),
    ('ru', 'Пришли данные паспорта, пожалуйста.', 'informal_address'),
    ('az', 'Bu qədər sadə şeyi anlamayan ikinci adam görməmişəm.', 'rude'),
    ('az', 'Sizinlə danışmaq eşşəyə yasin oxumaq kimidir.', 'rude'),
    ('az', 'Yəqin ki, tövsiyələrə əməl etməmisiniz, ona görə də belə olub.', 'blame'),
    ('az', 'Bunu böyütməyə dəyməz.', 'dismissive'),
    ('az', 'Bu barədə əlavə məlumat verilməyəcək.', 'dismissive'),
    ('az', 'Bəli-bəli, sürücümüzün başqa işi yox idi.', 'sarcasm'),
    ('az', 'Əla vaxt seçmisiniz, doğrusu.', 'sarcasm'),
    ('az', 'Mübahisəni uzatmağın mənası yoxdur.', 'argumentative'),
    ('az', 'Onu da bilməlisiniz ki, qaydalar dəyişmir.', 'argumentative'),
    ('az', 'Şəxsiyyət vəsiqəni də götür.', 'informal_address'),
    ('az', 'Sabah saat 9-da filialdasan.', 'informal_address'),
]

HARD_NEGATIVES = [
    ('en', "I'll mark this one as resolved; just reply if anything looks wrong."),
    ('en', 'People like you who take the time to write help us improve.'),
    ('en', 'We cannot manage that much volume in one day, so we split the order.'),
    ('ru', 'Точная дата поставки нам пока неизвестна, я сообщу, как только узнаю.'),
    ('az', 'Həsən bəy, sifarişiniz Gəncədə, anbardadır.'),
    ('az', 'Sabah saat 10:30-da Dr. Hüseynovun qəbulundasınız. Vəsiqənizi də götürün.'),
    ('en', "If the parcel went missing after delivery, let me know and I'll take it up with the courier."),
    ('en', 'You have 860 points on loyalty card number 6200 1187 0932.'),
    ('en', "I'm sorry the vase arrived cracked; that's our packing, not something you could have avoided."),
    ('ru', 'Проверьте, пожалуйста, данные: ул. Лесная, д. 5, кв. 12; телефон для связи — +7 916 555-21-40.'),
    ('ru', 'Если сжать файл не получается, пришлите ссылку на order@perevod-buro.ru.'),
    ('ru', 'Трансфер стоит 6 000 ₽, из них 50% компания берёт на себя.'),
    ('ru', 'Для восхождения выше 4 000 м нужна справка от терапевта.'),
    ('az', 'Qeydiyyatı WhatsApp (+994 50 555 12 34) vasitəsilə də edə bilərsiniz.'),
    ('az', 'Sorğu yenə 401 qaytarsa, cavabdakı X-Request-Id dəyərini bizə göndərin.'),
    ('az', 'Rəsmi müsahibə lazımdırsa, pr@kitabevi.az ünvanına yazın.'),
    ('ru', 'Подключите часы по USB и скопируйте `ozera_karelii_2024.gpx` в каталог `GARMIN/NewFiles`, после этого трек появится в разделе «Маршруты».'),
    ('ru', 'Мы организуем трансфер из аэропорта до базы: стоимость 6 000 ₽, из них 50% компания берёт на себя.'),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex36_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex36_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_a_figure_the_customer_wrote_first_is_theirs() -> None:
    reply = "Hi Andrea,\n\nFor around 3,000 enclosures a year we can offer our volume tier at 12 % off.\n\nBest regards,\nOliver"
    asked = "We expect to order around 3,000 enclosures a year. Can we get a volume rate?"
    assert "confidential" not in {f.category for f in check(reply, customer_text=asked).findings}
    # the same figure not in the customer's message is still the company's
    other = "We expect to order a lot of enclosures. Can we get a volume rate?"
    assert "confidential" in {f.category for f in check(reply, customer_text=other).findings}


@pytest.mark.parametrize(("path", "line"), [("blind57/en.jsonl", 43), ("blind57/ru.jsonl", 74)])
def test_fine_replies_of_the_seen_sets_stay_fine(path: str, line: int) -> None:
    """The learned model's blame on 'The order clearly says white PETG, and we picked the wrong spool.' (an own
    fault admitted), and '4 000 м' of altitude read as a company figure."""
    item = json.loads((HERE / path).read_text(encoding="utf-8").splitlines()[line])
    assert not item["needs_fix"]
    report = check(item["text"], customer_text=item.get("customer_text"))
    assert {f.category for f in report.findings if f.severity != "hint"} == set()


@pytest.mark.parametrize(
    ("body", "secret"),
    [
        ("I've set a temporary password for you to get back in straight away: Birch!Kerf-2291", "Birch!Kerf-2291"),
        ("2024-03-11 upload rejected X-Internal-Key: lnk_int_8fQ2vZ71KdP0xWm3", "lnk_int_8fQ2vZ71KdP0xWm3"),
        ("Sabah saat 09:00-da Aygün Rəhimovanın (050 312 77 45) qəbulu var.", "050 312 77 45"),
    ],
)
def test_secrets_of_blind56_57_are_found(body: str, secret: str) -> None:
    spans = {body[f.start : f.end] for f in check(body).findings if f.category == "secret"}
    assert secret in spans


def test_an_example_password_is_no_secret() -> None:
    body = "Your password must have 8 characters, for example: Winter2024"
    assert "secret" not in {f.category for f in check(body).findings}
