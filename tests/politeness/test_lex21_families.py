"""Tests the rules added in session 17 from the misses and false alarms of blind29 and blind30 (declared seen
after their one scoring by the checker after lex20).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words, and the fine replies the rules used to flag.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    # rude
    ("en", "A complaint about manners is rich coming from you.", "rude"),
    ("en", "The total is in bold. Can you not read?", "rude"),
    ("en", "Are you even capable of reading a receipt?", "rude"),
    ("en", "Honestly, we couldn't care less about your review.", "rude"),
    ("en", "You are coming across as a bully in these emails.", "rude"),
    ("ru", "Вам бы сначала алфавит повторить.", "rude"),
    ("ru", "Вы не можете связать двух слов, а пишете жалобы.", "rude"),
    ("az", "Faizləri hesablamağı yada salmağın vaxtıdır.", "rude"),
    ("az", "Qırmızını yaşıldan ayırd edə bilmirsinizsə, bizə yazın.", "rude"),
    # sarcasm
    ("en", "The courier is just thrilled to get your directions.", "sarcasm"),
    ("en", "Nine calls before lunch must be some kind of record.", "sarcasm"),
    ("en", "Well, that's one way to spend a Saturday.", "sarcasm"),
    ("en", "Giving away the stock for free: very generous of you.", "sarcasm"),
    ("ru", "Ваш отзыв блестяще подтверждает нашу правоту.", "sarcasm"),
    ("ru", "Выбросить чек — это здорово упрощает нам работу.", "sarcasm"),
    ("ru", "Не каждый так вдохновенно читает договор.", "sarcasm"),
    ("az", "Nəhayət ki, şərtləri oxumağa vaxt tapmısınız.", "sarcasm"),
    ("az", "Növbəti sürücü Sizi xoş sözlərlə yad edəcək.", "sarcasm"),
    ("az", "Nə gözəl ideya imiş, maşını dənizə sürmək.", "sarcasm"),
    ("az", "Sizin kimi müştərilər olmasa, ustalarımız işsiz qalardı.", "sarcasm"),
    # blame, argumentative, dismissive
    ("en", "Check the venue before you hit publish next time.", "blame"),
    ("en", "That's what the button is called, after all.", "dismissive"),
    ("ru", "Давайте начистоту: тариф не изменится.", "argumentative"),
    ("ru", "Ставить под сомнение наше решение бессмысленно.", "argumentative"),
    ("ru", "Пишите претензию им, а не нам.", "dismissive"),
    ("az", "Bu barədə əlavə izahat vermirik.", "dismissive"),
    ("az", "Videoya baxın, öyrənərsiniz.", "dismissive"),
    ("az", "Çatımız proqram dərsi keçmək üçün deyil.", "dismissive"),
]

HARD_NEGATIVES = [
    ("en", "Our courier was thrilled to hear the parcel arrived safely."),
    ("en", "Before you publish, the preview shows how the page will look."),
    ("en", "It's rich in detail, so I've attached the short version too."),
    ("ru", "Ваше решение мы уважаем и пересылаем его в бухгалтерию."),
    ("ru", "Претензию можно отправить через форму на сайте, я помогу её заполнить."),
    ("az", "Bu, Sizin günahınız deyildi; gecikməyə görə üzr istəyirik."),
    ("az", "Sizin günahınız olmadığı təsdiqlənərsə, françayzinq tutulmayacaq."),
    ("az", "Belə uzun gözləmək məcburiyyətində qalmamalı idiniz, üzr istəyirik."),
    ("az", "Kameranın yerli ünvanını (məsələn, 192.168.1.50) routerdə əlavə edin."),
    ("az", "Yoxlamaq üçün `ssh -T -v git@github.com` əmrini icra edin."),
    ("en", "Notifications go to finance@example.org, the address under Finance > Notifications."),
    ("ru", "Документы можно прислать на docs@example.ru — это общий адрес бухгалтерии."),
    ("az", "Bu, həqiqətən böyük bir yenilikdir və hamı üçün pulsuzdur."),
    ("az", "Altı ildir bizimləsiniz, kiçik mağaza üçün bu, böyük nailiyyətdir."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex21_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex21_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()
