"""Tests the rules added in session 16 from the misses of blind23 and blind24 (declared seen after their one
scoring by the checker after lex17).

Positives are written here in other words than the replies that led to them; hard negatives sit beside them:
the sincere uses of the same words.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FAMILIES = [
    # sarcasm
    ("en", "Well, congratulations, the parcel went to your neighbour's address.", "sarcasm"),
    ("en", "You have to admire your confidence in booking a two-seater for six people.", "sarcasm"),
    ("en", "It's always a treat to receive the same complaint four times an hour.", "sarcasm"),
    ("en", "Impeccable timing, cancelling an hour after the deadline.", "sarcasm"),
    ("en", "How very convenient for you that the receipt got lost.", "sarcasm"),
    ("en", "I'll clear my calendar so I can read all twelve attachments.", "sarcasm"),
    ("ru", "Что ж, поздравляю: заказ ушёл на старый адрес.", "sarcasm"),
    ("ru", "Вот это неожиданное открытие: диван длиной два метра занимает два метра.", "sarcasm"),
    ("ru", "Удачи Вам с магазином, который привезёт всё быстрее и лучше.", "sarcasm"),
    ("ru", "С нетерпением ждём Вас обратно через месяц.", "sarcasm"),
    ("az", "Bu, riyaziyyata tamamilə yeni baxışdır, təbrik edirik.", "sarcasm"),
    ("az", "Belə səbirli müştəriyə medal verməli idik.", "sarcasm"),
    ("az", "Şərtləri kim oxuyur ki, elə deyilmi? Kim oxuyur o şərtləri.", "sarcasm"),
    # blame
    ("en", "This is the consequence of you entering the wrong postcode.", "blame"),
    ("en", "Please handle the device with more care next time.", "blame"),
    ("en", "Honestly, you only have yourself to blame here.", "blame"),
    ("en", "We sent three reminders and you chose to ignore every one.", "blame"),
    ("en", "You cannot really expect us to refund a used item.", "blame"),
    ("ru", "Ошиблись тут не мы: размеры Вы указали сами.", "blame"),
    # rude
    ("ru", "Не истерите, посылка в пути.", "rude"),
    ("ru", "Так спроектировать кухню мог только дилетант.", "rude"),
    ("ru", "Вы нас замучили своими звонками.", "rude"),
    ("ru", "Если кнопка не нажимается, проблема по ту сторону монитора.", "rude"),
    ("ru", "Для этого много ума не нужно.", "rude"),
    ("az", "Əsəbinizi başqa yerdə boşaldın, biz günahkar deyilik.", "rude"),
    ("az", "Telefon sizin əlinizdə meymunun əlində saat kimidir.", "rude"),
    # argumentative, dismissive
    ("en", "Honestly, I do not see what there is to argue about.", "argumentative"),
    ("en", "Let me give you a little lesson in how refunds work.", "argumentative"),
    ("en", "It is not a matter of opinion, the contract says so.", "argumentative"),
    ("en", "As I wrote before, I'll explain it once again: the fee stands.", "argumentative"),
    ("ru", "Прежде чем спорить, прочитайте договор.", "argumentative"),
    ("ru", "Доставка — это Ваши с ней дела, мы только площадка.", "dismissive"),
    # confidential
    ("ru", "Компания закончила квартал с убытком в 40 млн рублей, поэтому цены выросли.", "confidential"),
    ("en", "Our valuation reached $2 billion last year, so we are hiring.", "confidential"),
    # stock sarcasm and put-downs (general knowledge, lex18b; other words than the probe that found them)
    ("en", "Honestly, the suspense was killing me. The invoice is attached.", "sarcasm"),
    ("en", "Well, you've outdone yourself this time: three accounts for one shop.", "sarcasm"),
    ("en", "Cue the tiny violin, the fee is still due.", "sarcasm"),
    ("en", "Only the third ticket this morning, a quiet day then.", "sarcasm"),
    ("en", "Start using your brain before you email us.", "rude"),
    ("en", "Your request is absurd and we won't do it.", "rude"),
    ("en", "Are you always this demanding with everyone?", "rude"),
    ("ru", "Что бы мы делали без Ваших гениальных замечаний.", "sarcasm"),
    ("ru", "Вы у нас, я вижу, великий эксперт по мебели.", "sarcasm"),
    ("ru", "Включите уже мозги, там всё написано.", "rude"),
    ("ru", "Не отнимайте наше время такими вопросами.", "rude"),
    ("ru", "Ваше требование совершенно абсурдно.", "rude"),
    ("ru", "С этим приложением даже наша бабушка справится.", "rude"),
    ("az", "Bu, həqiqətən dahiyanə addım idi: parolu hamıya göndərmək.", "sarcasm"),
    ("az", "Cəmi üçüncü mesajınızdır bu gün, sağ olun.", "sarcasm"),
    ("az", "Biz sizin katibəniz deyilik.", "rude"),
    ("az", "Gözünüzü açın, link məktubdadır.", "rude"),
    # a second probe of stock put-downs (general knowledge, lex18c; other words)
    ("en", "I'm truly overwhelmed by your kindness, as always.", "sarcasm"),
    ("en", "So you did read the terms after all. Good.", "sarcasm"),
    ("en", "Thanks for the lecture, most gripping.", "sarcasm"),
    ("en", "Common sense isn't so common these days.", "rude"),
    ("en", "Some of us have actual jobs, you know.", "rude"),
    ("ru", "Дайте-ка угадаю: пароль Вы не меняли.", "sarcasm"),
    ("ru", "Конечно, уже бегу проверять Ваш шестой заказ.", "sarcasm"),
    ("ru", "Ваш тон меня раздражает.", "rude"),
    ("ru", "Пожалуйста, возьмите себя в руки.", "rude"),
    ("ru", "Вот что бывает, когда не читаете условия.", "blame"),
    ("az", "Qoyun təxmin edim: parolu dəyişməmisiniz.", "sarcasm"),
    ("az", "Bu şikayətlərdən artıq bezmişik.", "rude"),
    ("az", "Oxumayanda belə olur, şərtlər saytdadır.", "blame"),
]

HARD_NEGATIVES = [
    ("en", "Glad the leak is fixed. A few things help stop it happening again:\n\n- keep the stopcock free"),
    ("en", "You don't need to call again: a handler will email you within 2 days."),
    ("en", "We'd need a valuation or a recent photo to add the necklace."),
    ("en", "Congratulations on your new home! Your policy moves with you."),
    ("en", "It is always a treat to hear from long-standing customers like you."),
    ("en", "This delay was the result of our system failing, and I apologise."),
    ("en", "Please call us next time before you travel, and we can add cover."),
    ("ru", "Поздравляю с открытием магазина! Первые 30 дней комиссия 5 %."),
    ("ru", "Прошу прощения, что письмо с причиной до Вас не дошло."),
    ("ru", "Если до Вас не дошло уведомление, проверьте папку «Спам»."),
    ("ru", "Размеры можно указать самостоятельно или заказать замер."),
    ("ru", "Мы ждём Вас в нашем салоне в любой день."),
    ("ru", "Ваши отзывы помогают нам стать лучше."),
    ("az", "Ayarlar → Mobil rabitə → eSIM əlavə et bölməsini açın."),
    ("az", "Tətbiqdə «Daxil ol» düyməsini basın, sonra kodu yazın."),
    ("az", "Yenidən başlat düyməsini basın və bir dəqiqə gözləyin."),
    ("az", "Balansı yoxlamaq üçün 111-ə zəng edin."),
    ("az", "Rəyiniz üçün təşəkkür edirik, bu, bizə çox kömək edir."),
    ("en", "Thank you for your patience, the suspense is over: the parcel arrived at the depot."),
    ("en", "This is only the second outage this year, and we are sorry for it."),
    ("en", "Your question is a good one, and the answer is yes."),
    ("ru", "Что бы ни случилось, мы вернём деньги."),
    ("ru", "Включите, пожалуйста, уведомления в приложении."),
    ("ru", "Ваш вопрос совершенно справедлив, отвечаю по пунктам."),
    ("ru", "Наш специалист свяжется с Вами завтра."),
    ("az", "Bu dəfə biz günahkarıq, üzr istəyirik."),
    ("az", "Təklifiniz üçün təşəkkür edirik, komandaya ötürdük."),
    ("az", "Linki açın və yeni parolu yazın."),
    ("en", "If you can't follow the steps on your phone, I can do it for you."),
    ("ru", "Отлично, Вы снова можете войти в приложение."),
    ("ru", "Для нас это вопрос безопасности, поэтому нужен код из СМС."),
    ("az", "Əla, yenə daxil ola bilirsiniz."),
    ("az", "Bu dərman Sizin üçün vacibdirsə, təcili çatdırılma seçin."),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_lex18_family_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_lex18_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_own_updated_address_is_the_customers() -> None:
    body = "We're sending your documents to t.iqbal@example.net, the address you updated on 2 October."
    assert found("en", body) == set()


def test_label_rule_keeps_the_pronoun_and_plain_imperatives() -> None:
    assert "informal_address" in found("az", "Sənə düyməni göstərim.")
    assert "informal_address" in found("az", "Faylı əlavə et.")
