"""Tests the rules added in session 21 from the misses and false alarms of blind58 (declared seen after its one
scoring by the checker after lex36). Each idea of a miss was written in the three languages where it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ('en', "Sure, we'll have the weather sorted by Friday as well.", 'sarcasm'),
    ('en', "Great plan by the way, leaving the cat's medicine out of the notes.", 'sarcasm'),
    ('en', 'Oh, wonderful idea, asking us to diagnose it over chat.', 'sarcasm'),
    ('en', 'The whole team was inspired by your one-star review.', 'sarcasm'),
    ('en', "It's hard to miss, but you managed.", 'rude'),
    ('en', "Filling in one box doesn't take a college degree.", 'rude'),
    ('en', 'The delay comes down to your omission, not the courier.', 'blame'),
    ('en', "You didn't bother to check the address before paying.", 'blame'),
    ('en', 'Reinstall it or something and see if that helps.', 'dismissive'),
    ('en', "Nobody lied to you; let's be more precise with our wording.", 'argumentative'),
    ('en', "We process about 25,000 orders a week, so we can't chase one parcel.", 'confidential'),
    ('ru', 'Погоду Вам тоже наладим, не переживайте.', 'sarcasm'),
    ('ru', 'Врачи будут в восторге от такой просьбы.', 'sarcasm'),
    ('ru', 'Такие сюрпризы всегда радуют нас под вечер пятницы.', 'sarcasm'),
    ('ru', 'С такими клиентами, как Вы, любой потеряет терпение.', 'rude'),
    ('ru', 'Для этого не требуется высшее образование.', 'rude'),
    ('ru', 'Проверить номер Вы не удосужились.', 'blame'),
    ('ru', 'Поищите сами в разделе «Помощь».', 'dismissive'),
    ('ru', 'Вас никто не обманывал.', 'argumentative'),
    ('ru', 'Мы обрабатываем около 12 000 заказов в неделю.', 'confidential'),
    ('az', 'Belə qəhrəmanlığı hər gün görmürük.', 'sarcasm'),
    ('az', 'Bunun üçün ali təhsil tələb olunmur.', 'rude'),
    ('az', 'Ünvanı yoxlamağa zəhmət çəkməmisiniz.', 'blame'),
    ('az', 'Sizi heç kim aldatmayıb.', 'argumentative'),
    ('az', 'Təlimat saytdadır, orada özünüz axtarın.', 'dismissive'),
]

HARD_NEGATIVES = [
    ('en', 'Your $312 in earnings for 3-9 June is safe and will be paid on Thursday.'),
    ('en', 'Oh, lovely photos, thank you for sending them!'),
    ('ru', 'Вы отпросились с работы, ждали, а курьер так и не приехал — я понимаю, почему Вы злитесь.'),
    ('ru', 'Мы принимаем заказы до 23:00 каждый день.'),
    ('az', 'Çətin idi, amma Siz bacardınız, təbrik edirik!'),
    ('az', 'Bayram üçün belə sürprizlər hazırlamışıq: hər sifarişə hədiyyə.'),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex37_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex37_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_a_signature_after_a_wish_for_the_weekend_is_judged() -> None:
    """'Have a lovely weekend,' is a closing, so 'Agent 112' below it is the signature (blind58 en)."""
    reply = "Hi Umar,\n\nThe code is applied to booking WW-902144.\n\nHave a lovely weekend,\nAgent 112"
    assert "impersonal_signature" in {f.category for f in check(reply).findings}
    signed = reply.replace("Agent 112", "Andrea")
    assert "impersonal_signature" not in {f.category for f in check(signed).findings}


def test_closing_the_ticket_with_only_a_vague_promise_is_a_brush_off() -> None:
    reply = ("Salam.\n\nSifariş RM-50874 üzrə şikayətiniz qeydə alınıb. Əlavə məlumat olarsa, Sizə xəbər veriləcək. "
             "Müraciət bağlanır.\n\nHörmətlə,\nKamran Nəsirov")
    assert "dismissive" in {f.category for f in check(reply).findings}
