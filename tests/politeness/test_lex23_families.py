"""Tests the rules added in session 17 from the misses and false alarms of blind33 and blind34 (declared seen
after their one scoring by the checker after lex22).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    # rude
    ("en", "Any bright ten-year-old would have seen the button.", "rude"),
    ("en", "Dates clearly aren't your strong point.", "rude"),
    ("en", "Being a pain in the neck won't speed this up.", "rude"),
    ("en", "You sound like a sulky teenager.", "rude"),
    ("ru", "Это сделает даже мой пятилетний племянник.", "rude"),
    ("ru", "Тут надо быть тугодумом, чтобы не понять.", "rude"),
    ("ru", "Вам хоть кол на голове теши.", "rude"),
    ("ru", "Не пишите как неадекватный.", "rude"),
    ("az", "Divandan qalxmağa tənbəllik edən adamlarla işləmək çətindir.", "rude"),
    ("az", "Artıq çəkili müştərilərlə işləmək asan deyil.", "rude"),
    # sarcasm
    ("en", "Our team has nothing better to do than wait for your emails.", "sarcasm"),
    ("en", "Of course, because nobody ever reads the terms.", "sarcasm"),
    ("en", "The link is exactly where it has always been.", "sarcasm"),
    ("ru", "Договор — захватывающее чтение, понимаю.", "sarcasm"),
    ("ru", "Впечатляющее упорство, но ответ тот же.", "sarcasm"),
    ("ru", "Гениальная, конечно, стратегия — платить в последний день.", "sarcasm"),
    ("ru", "Курьер будет в полном восторге от Вашего звонка в полночь.", "sarcasm"),
    ("az", "Bütün şəhər Sizə qarşı sui-qəsd hazırlayır, əlbəttə.", "sarcasm"),
    ("az", "Möhtəşəm təxəyyülünüz yenə işə düşüb.", "sarcasm"),
    ("az", "Çox orijinal fikirdir, zalı evinizə köçürək?", "sarcasm"),
    ("az", "Nə gözəl arzudur, biz də belə qiymətlərin xəyalını qururuq.", "sarcasm"),
    # blame, dismissive
    ("en", "The failed payment is down to your old card.", "blame"),
    ("ru", "Винить, кроме себя, некого.", "blame"),
    ("az", "Bu nasazlığa özünüz səbəb olmusunuz.", "blame"),
    ("en", "That's the first thing anyone would check.", "dismissive"),
    ("en", "The steps are all over the internet.", "dismissive"),
    ("en", "Refunds are handled elsewhere.", "dismissive"),
    ("az", "Bu sorğu üzrə əlavə araşdırma aparılmayacaq.", "dismissive"),
    ("az", "Səs-küy barədə şikayətlərə isə ümumiyyətlə baxmırıq.", "dismissive"),
    # confidential
    ("ru", "Комиссия, которую нам платит банк, — около 2%.", "confidential"),
    ("az", "Daxili plana görə bu il 150 min sayğac dəyişdiriləcək.", "confidential"),
]

HARD_NEGATIVES = [
    ("en", "Yes, it's included: just search for it in the Games tab."),
    ("en", "The guide is on our help page, and I've pasted the steps below."),
    ("ru", "Комиссия за перевод — 1%, она указана в тарифах."),
    ("az", "Sayğacınız 2009-cu ildə quraşdırılıb, pulsuz dəyişdirmə hüququnuz var."),
    ("az", "Büdcənizə uyğun paketi seçməyə kömək edə bilərəm."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex23_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex23_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()
