"""Tests the wording families added in session 13 from the misses of blind7-blind10 (declared seen).

Positives are written here in other words than the replies that led to them (other verbs, inflections,
word order), so a family narrowed back to one phrase fails; each family has a hard negative beside it.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    # rude: ability insults by comparison
    ("en", "A half-competent sysadmin would catch this on day one.", "rude"),
    ("en", "Any decent developer would have seen the error in the log.", "rude"),
    ("en", "What part of the word 'expired' is so difficult to grasp?", "rude"),
    ("en", "My kids have been writing emails with better manners than this since they were six; "
           "children with better manners than you, frankly.", "rude"),
    ("en", "Stop behaving like a toddler and read the invoice.", "rude"),
    ("ru", "С вашими кривыми руками лучше не трогать настройки роутера.", "rude"),
    ("ru", "Идите куда угодно, жалуйтесь хоть в министерство.", "rude"),
    ("az", "Deyəsən, gözlərinizlə bir problem var, düymə ekranın ortasındadır.", "rude"),
    ("az", "«Ödənilib» sözünün nəyini başa düşülmür?", "rude"),
    # blame: avoidable if the customer had bothered
    ("en", "All of this could have been prevented if your team had read the notice.", "blame"),
    ("en", "You honestly should have checked the region before ordering.", "blame"),
    ("en", "If anybody there had even bothered to open our e-mail, the plan would still be active.", "blame"),
    ("ru", "Штраф начислен, и это полностью ваша ошибка.", "blame"),
    # dismissive
    ("en", "I would rather not repeat the whole guide in this ticket.", "dismissive"),
    ("en", "The settings page is fairly self-explanatory.", "dismissive"),
    ("en", "A quick Google search should answer that.", "dismissive"),
    ("en", "Maybe just try turning it off and on or something.", "dismissive"),
    ("ru", "Разбирайтесь самостоятельно, инструкция на сайте.", "dismissive"),
    ("az", "Bunu yenidən izah etmək niyyətində deyiləm.", "dismissive"),
    # sarcasm
    ("en", "Who could have predicted that a free trial ends?", "sarcasm"),
    ("en", "Bold move, sharing the admin password in a public channel.", "sarcasm"),
    ("en", "Congrats, you've found out that offline mode needs a download first.", "sarcasm"),
    ("ru", "Гениальный план — обновлять прошивку во время грозы.", "sarcasm"),
    ("ru", "Отличная была затея отключить все уведомления, а потом ждать письма.", "sarcasm"),
    ("ru", "Благодарим, что уже в пятый раз пишете об этом.", "sarcasm"),
    ("ru", "Вы сообщили о поломке через неделю после покупки — весьма своевременно.", "sarcasm"),
    ("az", "Bütün faylları silmək dahiyanə qərar idi.", "sarcasm"),
    ("az", "Kim düşünərdi ki, limit bitəndə internet dayanacaq.", "sarcasm"),
    ("az", "Üç müraciət üçün xüsusi təşəkkür edirik.", "sarcasm"),
    ("az", "Bəli, bəli, sistem məhz sizi əsəbiləşdirmək üçün yenilənir.", "sarcasm"),
    # argumentative
    ("en", "Frankly, we don't agree with you on this point.", "argumentative"),
    ("en", "The fee is in the contract, which you apparently skimmed.", "argumentative"),
    ("en", "I have been over this three times with you already.", "argumentative"),
    ("az", "Sizin iddianız səhvdir, rəqəmlər ortadadır.", "argumentative"),
    # confidential: a company-wide figure, a department's count
    ("ru", "По всей компании в среднем отменяется 12% заказов.", "confidential"),
    # shouting: a short shouted order inside a sentence still counts
    ("en", "STOP SENDING the same form again.", "shouting"),
    ("ru", "ПРЕКРАТИТЕ ЗВОНИТЬ каждые пять минут.", "shouting"),
    ("az", "Bu ay satış şöbəsinə 3 400 sifariş daxil olub.", "confidential"),
]

HARD_NEGATIVES = [
    ("en", "Stupid Zombies 3 version 2.1.4 is fixed in 2.1.5, released today."),
    ("en", "The fix is live, so I'm closing this case."),
    ("az", "Bəli, əlbəttə, həyat yoldaşınız da qəbulda iştirak edə bilər."),
    ("az", "İşəgötürən kimi Sizin vəzifəniz vərəqəni sistemdə qeyd edib məlumatı göndərməkdir."),
    ("en", "Your fault reference is FLT-1182, and an engineer is booked for Friday."),
    ("en", "You shouldn't have had to chase us, and I'm sorry for the wait."),
    ("en", "It's a good idea to turn on two-step sign-in; the steps are below."),
    ("en", "Each field has a self-explanatory label, and I've attached a short guide too."),
    ("en", "Good luck with the launch on Friday!"),
    ("en", "I agree with you that the old export was clearer, and I've passed that on to the team."),
    ("en", "We've gone over the logs twice and found the cause: the certificate expired on 3 March."),
    ("ru", "Отличный вопрос! Сейчас объясню, как подключить второе устройство."),
    ("ru", "Спасибо, что написали ещё раз и прислали логи — это очень помогло."),
    ("ru", "Если хотите, разберёмся вместе: пришлите, пожалуйста, скриншот."),
    ("az", "Əla fikirdir, iki mərhələli qorunmanı aktiv etməyi tövsiyə edirəm."),
    ("az", "Haqlısınız, dünən Sizə 3 gün demişdim, amma bu, səhv məlumat idi — üzr istəyirəm."),
    ("az", "Bu qədər gözləməli olmamalı idiniz, buna görə üzr istəyirik."),
    ("az", "Bir neçə müraciət almışıq, səbəb iOS 17.4 ilə uyğunsuzluqdur; düzəliş bu gün çıxır."),
    ("az", "Hesabı yenidən hesabladıq, ödəniləcək məbləğ 10,90 manatdır."),
    ("en", "PPP AUTH FAIL means the router reaches our network but is not sending the right login details, "
           "which is normal after a factory reset."),
    ("en", "The export uses 1/0 rather than TRUE/FALSE so the file opens cleanly in every spreadsheet tool."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex13_family_member_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex13_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert not found(lang, body)
