"""Tests the rules added in session 15 from the misses of blind19 and blind20 (declared seen after their one
scoring by the final checker).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import CLOSE, GREET, found, found_raw

FAMILIES = [
    # sarcasm
    ("en", "Booking the venue the night before was such a truly inspired move.", "sarcasm"),
    ("en", "The warning banner in bright red must have been so easy to miss.", "sarcasm"),
    ("en", "You waited 15 whole minutes for a reply, I see.", "sarcasm"),
    ("en", "Or, bear with me here, the card was simply declined.", "sarcasm"),
    ("en", "I'm sure the other shop will be absolutely thrilled to have you.", "sarcasm"),
    ("en", "Good luck finding a better price anywhere.", "sarcasm"),
    ("ru", "Спасибо, что нашли время открыть письмо через три недели.", "sarcasm"),
    ("ru", "Жаль, что вас отвлекают какие-то там правила безопасности.", "sarcasm"),
    ("ru", "Оплатить за минуту до закрытия — настоящий рекорд пунктуальности.", "sarcasm"),
    ("az", "Bundan gözəl başlanğıc ola bilməzdi, təşəkkürlər.", "sarcasm"),
    ("az", "Sənədləri göyərçin poçtu ilə göndərməyimizi istəyirsiniz?", "sarcasm"),
    # argumentative
    ("en", "I'm afraid I disagree with your reading of the contract.", "argumentative"),
    ("en", "I have explained this three times already: the fee is fixed.", "argumentative"),
    ("en", "The rate stays at 59p, whether you like it or not.", "argumentative"),
    ("en", "That's not what happened, though: the session was paid.", "argumentative"),
    ("ru", "Вы, видимо, неправильно прочитали условия полиса.", "argumentative"),
    ("ru", "Ничего подобного менеджер сказать не мог.", "argumentative"),
    ("az", "Özünüz də razılaşın, qiymət ədalətlidir.", "argumentative"),
    ("az", "Bu barədə mübahisə etməyə əsas yoxdur.", "argumentative"),
    # rude
    ("en", "Threats only make you look silly.", "rude"),
    ("ru", "Даже наши пенсионеры разбираются с этим приложением.", "rude"),
    ("ru", "Не знаю, как у вас с соображалкой, но кнопка одна.", "rude"),
    ("ru", "Вы нас уже достали этими письмами.", "rude"),
    ("ru", "Если вы не в состоянии прочитать договор, это не наша забота.", "rude"),
    ("ru", "Разбирать ваш поток сознания у меня нет времени.", "rude"),
    ("az", "Bunu anlamaq üçün dahi olmaq lazım deyil.", "rude"),
    ("az", "Hər şeyi uşaq bağçasındakı kimi izah etməliyik?", "rude"),
    # dismissive, blame
    ("en", "A refund for that? I wouldn't hold your breath.", "dismissive"),
    ("ru", "Купите смартфон посовременнее, и всё заработает.", "dismissive"),
    ("ru", "Жалоб у других покупателей не было, так что вопрос закрыт.", "dismissive"),
    ("ru", "Задержка рейса — проблема аэропорта, а не наша.", "dismissive"),
    ("az", "Bilə-bilə gecikməyiniz bu vəziyyəti yaradıb.", "blame"),
    # Azerbaijani, from the seen d6-d10 misses the refit no longer catches (other words)
    ("az", "Abunəni ləğv edən Siz özünüz olmusunuz.", "blame"),
    ("az", "Sürücünüz diqqətsizlik göstərib, ona görə cərimə yazılıb.", "blame"),
    ("az", "Sizin səhvinizə görə bütün günümüz boşa getdi.", "blame"),
    ("az", "Təlimata bir dəfə də baxmamısınız, yəqin.", "blame"),
    ("az", "Bankla danışın, bizdən nə istəyirsiniz axı?", "dismissive"),
    ("az", "Bu mövzunu yenidən müzakirə etməyəcəyik. Bunu yenidən müzakirə etməyəcəyik.", "dismissive"),
    ("az", "Hər şeyi axırıncı gün edirsiniz, biz də bunu çox sevirik.", "sarcasm"),
    ("az", "Təklifiniz lap gülməlidir, amma yazdıq.", "sarcasm"),
    ("az", "Bunu necə bacardığınızı heç soruşmuram, usta gələcək.", "sarcasm"),
    ("az", "Belə sualı yazanda heç utanmırsınız?", "rude"),
    ("az", "Ustalarımız belə səhv buraxmır, yəqin yanlış ölçmüsünüz.", "argumentative"),
    ("az", "Eyni şeyi təkrar etməyə məcburam: tarif dəyişmir.", "argumentative"),
    # Russian colloquial insults (general knowledge, not from a set)
    ("ru", "Не орите, пожалуйста, в чате, мы всё видим.", "rude"),
    ("ru", "Вы ведёте себя неадекватно, поэтому разговор окончен.", "rude"),
    ("ru", "До вас, видимо, не дошло, что тариф другой.", "rude"),
    ("ru", "Хватит выносить мозг нашим операторам.", "rude"),
    ("ru", "Вы несете бред: списания не было.", "rude"),
    ("ru", "Диванные эксперты всегда знают лучше.", "rude"),
    # Azerbaijani, seen misses of d1, d4, d5, d12-d14, blind7, blind11, blind12 (other words)
    ("az", "Bu, bankın işidir, onlara müraciət edin.", "dismissive"),
    ("az", "Təkrar yazmağınızın mənası yoxdur, qərar qəbul olunub.", "dismissive"),
    ("az", "Bir manata görə zəng etməyə dəyməz.", "dismissive"),
    ("az", "Məktubları oxumamağınız, xatırlamamağınız bizim problemimiz deyil.", "blame"),
    ("az", "Beş bildiriş göndərdik, heç birinə diqqət yetirməmisiniz.", "blame"),
    ("az", "Nə gözlənilməz sürpriz: qışda yol buz bağlayıb.", "sarcasm"),
    ("az", "Vay, on beş dəqiqə!", "sarcasm"),
    ("az", "Görünür, tarifləri bizdən yaxşı bilirsiniz.", "sarcasm"),
    # stock ironic phrases (general knowledge, not from a set)
    ("en", "Well, colour me shocked: the coupon had expired.", "sarcasm"),
    ("en", "Gold star for reading the manual at last.", "sarcasm"),
    ("ru", "Спасибо, кэп, мы в курсе, что сервер лежал.", "sarcasm"),
    ("ru", "Вы прямо Америку открыли: зимой бывают пробки.", "sarcasm"),
    ("az", "Amerikanı kəşf etdiniz: qışda yollar sürüşkən olur.", "sarcasm"),
    # remaining seen misses of d1-d15, blind5, blind10 (other words)
    ("en", "It's heartwarming how patiently you've chased us six times today.", "sarcasm"),
    ("en", "Our queue is long, as surprising as that may sound.", "sarcasm"),
    ("en", "The address was entered with a typo, by you.", "blame"),
    ("en", "You ignored every reminder we sent before the renewal.", "blame"),
    ("en", "We can't advise on dosage here. Ask your pharmacist.", "dismissive"),
    ("en", "Our internal dashboard puts the failure rate at 12% this quarter.", "confidential"),
    ("ru", "Не стройте из себя пострадавшую, заказ пришёл вовремя.", "rude"),
    ("ru", "Кнопка «Оплатить» оказалась для вас непосильной задачей?", "sarcasm"),
    ("ru", "Просто добавь карту в профиле.", "informal_address"),
    ("ru", "Свяжись с банком, они всё проверят.", "informal_address"),
]

HARD_NEGATIVES = [
    ("en", "The app kept charging as if it were a normal Monday; I've refunded you."),
    ("en", "You waited a whole day for this, and I'm sorry."),
    ("en", "Please bear with me while I check the payment."),
    ("en", "If you'd like it sooner, you can build it yourself:\n\n```\nmake package\n```"),
    ("en", "I agree that the page should say it more clearly, and I've passed that on."),
    ("ru", "Попробуйте, пожалуйста, ещё раз:\n1. Откройте ссылку.\n2. Введите код."),
    ("ru", "Спасибо, что нашли время ответить на наш опрос."),
    ("ru", "Дети от 7 лет справляются с программой легко, поэтому группа подойдёт."),
    ("az", "Ardıcıl bir neçə dəfə kod istədiyiniz üçün sistem fasilə tətbiq edib."),
    ("az", "Rəyiniz üçün çox sağ olun, onu komandaya ötürdük."),
    ("az", "Ödəniş Sizin tərəfinizdən edilib, qəbz əlavədədir."),
    ("az", "Bizim əməkdaşımız diqqətsizlik edib, buna görə üzr istəyirik."),
    ("az", "Biz də musiqini çox sevirik, playlist üçün təşəkkürlər!"),
    ("az", "Bu gün bir neçə saatımız planlaşdırılmış işlərə gedəcək, sayt 02:00-da açılacaq."),
    ("ru", "Экран был неадекватно ярким после обновления, мы это исправили."),
    ("ru", "Мы не дилетанты в этом вопросе и всё проверим."),
    ("ru", "Мы перешли на новую платформу в мае, поэтому ссылка изменилась."),
    ("en", "The card was added by you. Thank you, that saved us a step."),
    ("en", "If the rash continues, please ask your doctor: they can order the test we mentioned."),
    ("az", "Vay, nə gözəl xəbər! Sifarişiniz artıq yoldadır."),
    ("az", "Bu, bankın işidir, amma biz də onlara yazdıq və cavabı Sizə ötürəcəyik."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex16_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex16_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_school_administration_signature_is_impersonal() -> None:
    text = GREET["ru"] + "Сменная обувь нужна." + "\n\nС уважением,\nАдминистрация школы «Звёздный старт»"
    assert "impersonal_signature" in found_raw(text)
    assert "impersonal_signature" not in found_raw(GREET["ru"] + "Сменная обувь нужна." + CLOSE["ru"])
