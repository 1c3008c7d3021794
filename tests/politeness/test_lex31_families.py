"""Tests the rules added in session 20 from the misses of blind48 (declared seen after its one scoring by the
checker after lex30). Each idea of a miss was written in the three languages where it reads naturally.

Positives are written here in other words than the replies that led to them; hard negatives sit beside them: the
sincere uses of the same words.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.folding import fold
from supportterm.politeness.signature import impersonal
from tests.politeness.test_families import found

FAMILIES = [
    ("en", "Advice from armchair experts won't change the bill.", "rude"),
    ("en", "That one is usually asked by elementary school kids.", "rude"),
    ("en", "The meter froze because you didn't shut off the outside tap.", "blame"),
    ("en", "You really need to read the notice before you call.", "blame"),
    ("en", "A quick search will bring them up.", "dismissive"),
    ("en", "Perhaps it's time to get a new phone.", "dismissive"),
    ("en", "That part is no longer our responsibility.", "dismissive"),
    ("en", "That simply isn't accurate.", "argumentative"),
    ("en", "Maybe get your facts straight before you post.", "argumentative"),
    ("en", "I'm sure your neighbour is the world's leading expert on water mains.", "sarcasm"),
    ("en", "Three whole days, I know.", "sarcasm"),
    ("en", "Congrats, if that is true, you have broken a record.", "sarcasm"),
    ("en", "Our internal billing data showed 14% of plans default.", "confidential"),
    ("en", "Write-offs came to $1.2 million last year.", "confidential"),
    ("ru", "Это уже диагноз, но давайте разберёмся.", "rude"),
    ("ru", "Правила, видимо, оказались для Вас слишком сложными, поясню.", "rude"),
    ("ru", "Советы диванных экспертов тут не помогут.", "rude"),
    ("ru", "Это случилось, потому что Вы не отключили автопродление.", "blame"),
    ("ru", "Инструкций в интернете полно.", "dismissive"),
    ("ru", "Наверное, пора сменить телефон.", "dismissive"),
    ("ru", "Разбираться с курьерской службой Вам придётся самостоятельно.", "dismissive"),
    ("ru", "Это просто не соответствует действительности.", "argumentative"),
    ("ru", "Деньги списались сами собой? Известное чудо природы.", "sarcasm"),
    ("ru", "Уверен, что такой опытный знаток, как Вы, разберётся.", "sarcasm"),
    ("ru", "Ждали целых три дня, понимаю.", "sarcasm"),
    ("az", "Belə sualları adətən məktəblilər verir, amma izah edim.", "rude"),
    ("az", "Sifarişi şərtləri oxumadan ödəniş etdiyiniz üçün belə oldu.", "blame"),
    ("az", "Bu, artıq bizim sahəmizə aid deyil.", "dismissive"),
    ("az", "Bəlkə də cihazı dəyişməyin vaxtı çatıb.", "dismissive"),
    ("az", "Bu fikirlə razılaşa bilmərəm.", "argumentative"),
    ("az", "Bir il sonra xəbər verdiyiniz üçün təşəkkür edirik.", "sarcasm"),
    ("az", "Sizin kimi təcrübəli oyunçu bunu asanlıqla bacarar.", "sarcasm"),
]

HARD_NEGATIVES = [
    ("en", "Let me explain the steps in simple words."),
    ("en", "We recovered only three of the ten photos, and I'm sorry about that."),
    ("en", "If you didn't shut off the tap, please do it now to avoid a freeze."),
    ("ru", "Списания с Вашей карты составили 2 400 ₽ за два месяца."),
    ("ru", "Объясню совсем простыми словами, как работает тариф."),
    ("ru", "Это сущий пустяк, не беспокойтесь."),
    ("az", "Şərtləri oxumadan təsdiqləməyin, orada vacib məlumat var."),
    ("az", "Sifarişin statusuna «Kabinetim» bölməsindən baxa bilərsiniz."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex31_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex31_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_a_token_in_a_logged_request_path_is_a_secret() -> None:
    log = "GET /v2/ebooks/88213/download?token=dl_9f3ac21e8b44d0fa6e1c7b2e status=403"
    assert "secret" in found("en", "Here is the server's line:\n" + log)
    assert "secret" not in found("en", "Open /reset?token=dl_9f3ac21e8b44d0fa6e1c7b2e to choose a new password.")


def test_a_brand_of_three_words_before_a_team_signs_for_nobody() -> None:
    assert impersonal(fold("Harlow Valley Water Customer Care Team", "en"))
    assert not impersonal(fold("Maria Lopez, Harlow Valley Water Customer Care Team", "en"))


def test_closing_after_we_have_no_information_is_a_brush_off() -> None:
    text = (
        "Добрый день!\n\nИнформацией о сроках мы не располагаем. Следите за новостями.\n\n"
        "Обращение закрыто как решённое.\n\nЕвгения"
    )
    assert "dismissive" in {f.category for f in check(text).findings}
