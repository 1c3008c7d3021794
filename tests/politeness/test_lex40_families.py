"""Tests the rules added in session 22 from the misses and false alarms of blind64 and blind65 (declared seen
after their one scoring by the checker after lex39 and the Azerbaijani backstop refit). Each idea of a miss was
written in the three languages where it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ('en', "I'm sure nobody else has noticed the broken lockers.", 'sarcasm'),
    ('en', 'Thanks for the glowing 1-star review.', 'sarcasm'),
    ('en', 'What a lovely way to start the week.', 'sarcasm'),
    ('en', 'Congratulations on your tenacity.', 'sarcasm'),
    ('en', 'The sign on the door must be so easy to miss.', 'sarcasm'),
    ('en', 'A small leak, an unprecedented catastrophe indeed.', 'sarcasm'),
    ('en', 'Who reads the manual anyway?', 'sarcasm'),
    ('en', 'Next time we will roll out the red carpet.', 'sarcasm'),
    ('en', 'You complete scatterbrain.', 'rude'),
    ('en', 'If you spent half the energy into reading the email, you would know.', 'rude'),
    ('en', 'Most likely you forgot to tighten the strap.', 'blame'),
    ('en', "There isn't much I can do from here.", 'dismissive'),
    ('en', "It's your call as the owner.", 'dismissive'),
    ('ru', 'Вариантов в интернете масса.', 'dismissive'),
    ('ru', 'Откройте каталог и выберите, что больше понравится.', 'dismissive'),
    ('ru', 'Достаточно уметь читать, чтобы найти эту кнопку.', 'rude'),
    ('ru', 'Вы не проследили, чтобы ребёнок закрывал футляр.', 'blame'),
    ('ru', 'Ваш вопрос тянет на диссертацию.', 'sarcasm'),
    ('ru', 'Кто же читает инструкции, правда?', 'sarcasm'),
    ('ru', 'Из этой суммы уходит мастеру 1 500 ₽.', 'confidential'),
    ('az', 'Bir az tərbiyəli danışmağı öyrənsəniz, daha tez kömək edərik.', 'rude'),
    ('az', 'Saytda nə yazılıbsa, elədir.', 'dismissive'),
    ('az', 'Mükəmməl planlaşdırmadır, təbrik edirik.', 'sarcasm'),
    ('az', 'Təzim etməyi unudub, bağışlayın.', 'sarcasm'),
    ('az', 'Buna ödənişi vaxtında etməməyiniz səbəb olub.', 'blame'),
]

HARD_NEGATIVES = [
    ('en', 'Our payment provider is processing a backlog after an upgrade, so the refund arrives on Thursday.'),
    ('en', "We'll just need your booking number to move the date."),
    ('en', 'If the outboard still stops, call our technician Nikos on +30 6973 000 111; he can bring a spare.'),
    ('ru', 'Ссылку для сброса пароля я отправила на почту Вашего аккаунта (m*****a@yandex.ru).'),
    ('az', 'Bir ədədinin qiyməti 2,20 AZN-dir, 200 ədəddən yuxarı sifarişlərdə isə 10% endirim tətbiq olunur.'),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex40_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex40_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


@pytest.mark.parametrize(
    "signature",
    ["Guest Services\nHalyard Charters", "Agent 12, Base Operations", "Мастерская «Октава»"],
)
def test_a_team_above_its_firm_signs_for_nobody(signature: str) -> None:
    reply = f"Hello,\n\nThe boat is ready for Saturday.\n\nKind regards,\n{signature}"
    assert "impersonal_signature" in {f.category for f in check(reply).findings}


@pytest.mark.parametrize("signature", ["Helen Marsh\nGuest Relations", "Анна Петрова\nМастерская «Октава»"])
def test_a_person_above_the_team_signs(signature: str) -> None:
    reply = f"Hello,\n\nThe boat is ready for Saturday.\n\nKind regards,\n{signature}"
    assert "impersonal_signature" not in {f.category for f in check(reply).findings}
