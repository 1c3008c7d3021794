"""Tests the rules added in session 17 from the misses and false alarms of blind35 and blind36 (declared seen
after their one scoring by the checker after lex23).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "Twenty years of cooking it badly is still cooking it badly; speaking it badly too.", "rude"),
    ("en", "I'm sure the driver will be thrilled to wait for you again.", "sarcasm"),
    ("en", "Well done, genius: the kettle is now a doorstop.", "sarcasm"),
    ("en", "You mixed up the dates, so the booking is for June.", "blame"),
    ("en", "I don't see anything more to discuss, so I'm closing this.", "dismissive"),
    ("ru", "С пониманием прочитанного у Вас, похоже, беда.", "rude"),
    ("ru", "Не переживайте, дорогуша.", "rude"),
    ("ru", "Кнопка видна, если смотреть в экран, а не в потолок.", "rude"),
    ("ru", "Сразу чувствуется воспитание.", "sarcasm"),
    ("ru", "Восхитительное упорство, но карта всё равно пустая.", "sarcasm"),
    ("ru", "При нашей марже около 22% рассрочка нам невыгодна.", "confidential"),
    ("az", "Kiçik uşaq kimi hər şeyə etiraz etməyin.", "rude"),
    ("az", "Nəhayət yadınıza düşdü, sağ olun.", "sarcasm"),
    ("az", "Bu şəkillərlə sərgi açmaq olar.", "sarcasm"),
    ("az", "Cızıqlara bir həftəyə gözünüz öyrəşəcək.", "dismissive"),
    ("az", "Kimisə ittiham etməzdən əvvəl qeydlərə baxın.", "argumentative"),
]

HARD_NEGATIVES = [
    ("en", "We will be thrilled to see you at the open day."),
    ("ru", "По срочным вопросам звоните по номеру +7 495 120-45-67, мы отвечаем с 8:00 до 22:00."),
    ("ru", "Добавьте адрес notify@example.ru в контакты, и письма не попадут в спам."),
    ("az", "Hərbi uçot masası: 1-ci korpus, 5-ci otaq, telefon (012) 430 11 25."),
    ("az", "Universitetimizdə ÜOMG 100 ballıq şkala ilə hesablanır."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex24_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex24_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


REASSURANCE = (
    "Hello Mr. Haines,\n\nNo, you weren't charged: the payment was stopped before any money was taken."
    "\n\nKind regards,\nSophie"
)


@pytest.mark.parametrize(
    ("customer", "argued"),
    [
        ("Checkout said 'aborted'. Did I pay or not?", False),
        ("Was I charged for the failed payment?", False),
        ("You charged me twice for this order!", True),
        (None, True),
    ],
)
def test_no_you_werent_answers_a_question_and_contradicts_an_assertion(
    customer: str | None, argued: bool
) -> None:
    """Same words: a reassurance after the customer's yes/no question, a contradiction after a claim."""
    found_here = {f.category for f in check(REASSURANCE, lang="en", customer_text=customer).findings}
    assert ("argumentative" in found_here) == argued
