"""Tests the rules added in session 16 from the misses of blind21 and blind22 (declared seen after their one
scoring by the final checker of session 15).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    # sarcasm
    ("en", "Clearly the whole company would grind to a halt without this button being blue.", "sarcasm"),
    ("en", "Honestly, we should hire you as our copywriter after that email.", "sarcasm"),
    ("en", "I'll pass your prose on to the warehouse team, they'll love it.", "sarcasm"),
    ("en", "Fourth time's the charm, right? The address is fixed now.", "sarcasm"),
    ("en", "Ah yes, the legendary vanishing invoice. It is in your spam folder.", "sarcasm"),
    ("en", "Thank you for having stuck with us through such unimaginable suffering.", "sarcasm"),
    ("ru", "Железная логика: не продлевать подписку и удивляться, что она закончилась.", "sarcasm"),
    ("ru", "Конечно, мы специально задерживаем посылки, чтобы Вам не было скучно.", "sarcasm"),
    ("ru", "Хорошая идея, а ещё лучше было бы раздавать всё даром.", "sarcasm"),
    ("ru", "Наши юристы будут в восторге от Вашего толкования договора.", "sarcasm"),
    ("az", "Deyəsən, mağazamızın ən sadiq müştərisi elə Sizsiniz: eyni sifariş beş dəfə.", "sarcasm"),
    ("az", "Növbədə gözləmək, əlbəttə, səyahətin ən romantik hissəsidir.", "sarcasm"),
    ("az", "Hər gün belə dərin suallar almırıq, təşəkkür edirik.", "sarcasm"),
    ("az", "Faylı arxivsiz göndərməyiniz işimizi xeyli asanlaşdırdı, sağ olun.", "sarcasm"),
    # rude
    ("en", "Your firewall config is a total dumpster fire.", "rude"),
    ("en", "The previous admin clearly has no clue what he's doing.", "rude"),
    ("en", "Should I walk you through clicking as well?", "rude"),
    ("en", "I am not here to be shouted at all day.", "rude"),
    ("en", "We get a lot of people who apparently don't read emails.", "rude"),
    ("ru", "Считать-то, надеюсь, умеете? Там две строки.", "rude"),
    ("az", "Belə hədələr ağlı başında olan insana yaraşmır.", "rude"),
    # blame
    ("en", "You selected the wrong size when you ordered.", "blame"),
    ("en", "Next time you'll need to read the confirmation before paying.", "blame"),
    ("en", "Missed deliveries are on you, not on the courier.", "blame"),
    ("ru", "Блокировка — полностью следствие Вашей невнимательности.", "blame"),
    ("az", "Telefonu Siz və ya ailə üzvləriniz suya salmısınız.", "blame"),
    ("az", "Bu, təlimat qaydalarına əməl etməməyinizin nəticəsidir.", "blame"),
    # argumentative
    ("en", "The app isn't broken, it works for everyone else.", "argumentative"),
    ("en", "Let's not go back and forth over it again: the fee stands.", "argumentative"),
    ("az", "Siz yenə eyni şikayəti göndərirsiniz, cavab dəyişməyəcək.", "argumentative"),
    ("az", "Qiymət ədalətlidir, mübahisə ediləcək heç nə yoxdur.", "argumentative"),
    ("az", "Hər gün zəng etməklə məsələ sürətlənmir.", "argumentative"),
    # dismissive
    ("ru", "Как сбросить роутер, легко найти в интернете.", "dismissive"),
    ("ru", "С этим обычно вопросов не бывает. Кнопка справа.", "dismissive"),
    ("az", "Parol özbaşına gəlməyəcək, düyməni basın.", "dismissive"),
    ("az", "Buna görə zəng etməyə dəyməzdi.", "dismissive"),
    ("az", "Bu məsələ ilə daha məşğul olmayacağıq.", "dismissive"),
    # confidential
    ("ru", "У компании около 2 млн лицевых счетов, поэтому ответы задерживаются.", "confidential"),
    ("ru", "Сегодня у нас на смене 350 операторов, линия перегружена.", "confidential"),
]

HARD_NEGATIVES = [
    ("en", "Your quick question is a good one: the limit is 10 GB."),
    ("en", "If you'd rather not do it yourself, reply and I'll set it up."),
    ("en", "We never ask for your password by e-mail, so please ignore that message."),
    ("en", "I'm so sorry you had to go through such an ordeal with the courier."),
    ("en", "If you picked the wrong plan, I can switch it for you at no cost."),
    ("en", "It may be that you picked the wrong week; I've moved the pause for you."),
    ("en", "The choice is entirely up to you, not something we decide."),
    ("en", "The app was broken for two hours this morning; it is fixed now."),
    ("en", "Next time you order, the saved address will be offered first."),
    ("en", "Don't worry, it happens to the best of us."),
    ("en", "For security reasons, please call the front desk or the concierge at +1 212 555 0142."),
    ("ru", "Это логично: после оплаты ограничение снимается автоматически."),
    ("ru", "Чтобы Вам было удобнее, мы продлили срок оплаты."),
    ("ru", "Инструкцию можно найти в разделе «Помощь» приложения."),
    ("ru", "Обычно с этим вопросов не возникает, но у Вас банк отклонил платёж."),
    ("ru", "Разобраться несложно: вот пошаговая инструкция."),
    ("ru", "Если номер занят, позвоните на пост охраны: +7 495 555-40-42."),
    ("ru", "В Вашем личном кабинете 2 лицевых счёта: основной и дачный."),
    ("az", "Mühafizə postuna zəng edin: 012 555 40 42."),
    ("az", "Sualınız üçün təşəkkür edirik, cavab aşağıdadır."),
    ("az", "Ailə üzvləriniz də tətbiqə daxil ola bilər."),
    ("az", "Cavab sizin e-poçtunuza göndərilib."),
    ("az", "Əlbəttə, bunu Sizin üçün özümüz edə bilərik."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex17_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex17_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()
