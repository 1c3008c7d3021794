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

HARD_NEGATIVES = [
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
