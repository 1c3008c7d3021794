"""Tests that the checker covers families of wording (issue 5), with a hard negative beside each family.

Each positive phrasing was chosen to differ from the lexicon entry that catches it (other verbs,
other word order, inflections), so a test fails when a rule is narrowed back to one phrase.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportterm.politeness import backstop, check
from supportterm.politeness.addressee import names, owns

GREET = {"en": "Hi Anna,\n\n", "ru": "Здравствуйте, Анна!\n\n", "az": "Salam, Aysel xanım!\n\n"}
CLOSE = {
    "en": "\n\nBest regards,\nOmar Said",
    "ru": "\n\nС уважением,\nОлег Ким",
    "az": "\n\nHörmətlə,\nElvin Əliyev",
}


def found(lang: str, body: str, customer_text: str | None = None) -> set[str]:
    """Error and warning categories of `body` written as a whole reply in `lang`."""
    report = check(GREET[lang] + body + CLOSE[lang], lang=lang, customer_text=customer_text)
    return {f.category for f in report.findings if f.severity != "hint"}


FAMILIES = [
    # hindsight blame: "should have" + participle; the expectation sense stays fine
    ("en", "You should've double-checked the mapping before the import.", "blame"),
    ("en", "Your admin should have tested it on staging first.", "blame"),
    ("ru", "Нужно было сначала сделать резервную копию.", "blame"),
    ("az", "Əvvəlcə faylı yoxlamalıydınız.", "blame"),
    ("az", "Təlimata əməl etsəydiniz, bu olmazdı.", "blame"),
    # "you did it yourself"
    ("en", "You removed those fields yourself on Monday.", "blame"),
    ("ru", "Ваш бухгалтер сам их стёр в понедельник.", "blame"),
    ("ru", "Вы их удалили сами, это видно по журналу.", "blame"),
    ("az", "Sahələri bazar ertəsi özünüz pozmusunuz.", "blame"),
    # "entered it incorrectly"
    ("en", "You typed the server name incorrectly.", "blame"),
    ("ru", "Вы ввели не тот пароль три раза подряд.", "blame"),
    ("az", "Siz səhv parolu daxil etmisiniz.", "blame"),
    # mocking ability
    ("en", "Can you even read a simple error message?", "rude"),
    ("ru", "Вы вообще думать умеете?", "rude"),
    ("az", "Siz düşünməyi bacarmırsınız?", "rude"),
    # redirecting the customer away
    ("en", "That's a question for your developer, not us.", "dismissive"),
    ("ru", "С этим вопрос к вашему программисту, а не к нам.", "dismissive"),
    ("az", "Bu sual bizə yox, proqramçınıza aiddir.", "dismissive"),
    ("az", "Üçüncü tərəf modullarına görə məsuliyyət daşımırıq.", "dismissive"),
    # repeating oneself
    ("en", "Like I told you on Monday, the limit is per workspace.", "argumentative"),
    ("ru", "Я вам же дважды объяснял, что лимит общий.", "argumentative"),
    ("ru", "Мы это уже обсуждали, спорить тут не о чем.", "argumentative"),
    ("az", "Bunu sizə iki dəfə izah etmişəm.", "argumentative"),
    # mock praise of a blunder
    ("en", "Brilliant, you wiped the whole list in one click.", "sarcasm"),
    ("ru", "Молодцы, снесли всю базу одним кликом.", "sarcasm"),
    ("az", "Afərin, bütün siyahını silmisiniz.", "sarcasm"),
    # informal address by morphology
    ("ru", "Пока выгружай отчёт в Excel.", "informal_address"),
    ("ru", "Спасибо, что написал, посмотрю.", "informal_address"),
    ("az", "Yazdığın üçün təşəkkür edirəm.", "informal_address"),
    # confidential markers
    ("en", "Between us, that tier loses money.", "confidential"),
    ("ru", "Между нами: этот тариф убыточный.", "confidential"),
    ("az", "Aramızda qalsın, bu tarif zərərlidir.", "confidential"),
]


@pytest.mark.parametrize(("lang", "body", "category"), FAMILIES)
def test_family_member_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


HARD_NEGATIVES = [
    ("en", "You should have received a confirmation e-mail by now."),
    ("en", "Your invoice should have arrived this morning; if not, I'll resend it."),
    ("en", "You can restore the deleted project yourself from the Trash."),
    ("en", "This is not your fault at all, and the question is not a stupid one."),
    ("en", "Just wait a couple of minutes and refresh the page."),
    ("en", "The sync job deleted the temporary files itself once it finished."),
    ("en", "Thanks for the detailed notes and the logs, they were incredibly helpful."),
    ("en", "It's in the docs under Settings → API; here is the direct link."),
    ("en", "Set the header to `Authorization: Bearer YOUR_API_TOKEN` and try again."),
    ("ru", "Вам ничего не нужно было делать: всё исправлено на нашей стороне."),
    ("ru", "Это не ваша вина, ошибка была в нашем обновлении."),
    ("ru", "Задача сама удалила временные файлы после выгрузки."),
    ("ru", "Я уже написал разработчикам, они смотрят журнал."),
    ("ru", "Простите, что Вам пришлось писать в третий раз."),
    ("ru", "Договор между нами и Вашей компанией продлён до марта."),
    ("ru", "В этом случае лучше открыть раздел «Биллинг», Николай поможет."),
    ("az", "Bu, sizin günahınız deyil, xəta bizim yeniləmədə idi."),
    ("az", "Tapşırıq müvəqqəti faylları özü sildi, diskdə yer boşaldı."),
    ("az", "Dünən mühəndisə yazdım, bu gün cavab gözləyirəm."),
    ("az", "Səhv barədə ətraflı yazdığınız üçün təşəkkür edirəm."),
    ("az", "Silinmiş layihəni özünüz bərpa edə bilərsiniz."),
]


@pytest.mark.parametrize(("lang", "body"), HARD_NEGATIVES)
def test_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set()


def test_praise_of_detail_depends_on_what_the_customer_wrote() -> None:
    body = "Thanks for the very detailed report. Which page fails?"
    assert "sarcasm" in found("en", body, customer_text="it doesnt work")
    long_report = "The export page fails after I pick March; the log says timeout at step 3 and then stops."
    assert "sarcasm" not in found("en", body, customer_text=long_report)
    assert "sarcasm" not in found("en", body)


def test_customer_own_address_by_wording_or_greeted_name() -> None:
    assert "secret" not in found("en", "I sent it to anna.berg@example.org a minute ago.")
    assert "secret" not in found("en", "I sent it to ops-lead@example.org, the address on your account.")
    assert "secret" in found("en", "Another customer, anna.berg@example.org, had the same issue.")
    assert "secret" in found("en", "You could ask j.harris@example.org, he fixed it last week.")
    assert "secret" not in found("ru", "Отправил отчёт на anna.k@example.ru, это адрес из Вашего профиля.")
    assert "secret" not in found("az", "Hesabatı aysel.m@example.az ünvanına göndərdim.")


def test_greeted_and_signing_names_are_transliterated() -> None:
    assert names("Здравствуйте, Вера!\n\nОтчёт отправлен на адрес из Вашего профиля утром.") == {"vera", "^vera"}
    assert names("Salam, Gülər xanım!\n\nMətn.\n\nHörmətlə,\nRəşad Əliyev") == {"guler", "^guler", "resad", "eliyev"}
    assert names("Hi Ms. Okafor,\n\nText.\n\nBest regards,\nMaria Lopez") == {"okafor", "^okafor", "maria", "lopez"}
    assert owns("vera.k", frozenset({"vera"})) and not owns("j.harris", frozenset({"louise"}))


def test_the_agents_own_contact_is_fine() -> None:
    text = "Hi Anna,\n\nYou can reach me directly at maria.lopez@example.com.\n\nBest regards,\nMaria Lopez"
    assert "secret" not in found_raw(text)
    text = "Hi Anna,\n\nTom had it too, tom.b@example.com, he fixed it.\n\nBest regards,\nMaria Lopez"
    assert "secret" in found_raw(text)


def test_credentials_written_as_a_pair_or_in_a_url() -> None:
    assert "secret" in found("en", "The test login is admin / Winter2024! until Friday.")
    assert "secret" in found("ru", "Подключитесь: postgres://report:Tr33house!@db.example.com/reports")
    assert "secret" not in found("en", "Go to Settings / Billing / History to download it.")
    assert "secret" not in found("en", "Connect with postgres://user:YOUR_PASSWORD@db.example.com/app")


def test_refusing_to_share_figures_is_not_a_leak() -> None:
    assert "confidential" not in found("en", "We don't disclose our revenue, but uptime in 2024 was 99.9%.")
    assert "confidential" not in found("ru", "Выручку мы не раскрываем, но доступность за 2024 год — 99,9%.")
    assert "confidential" in found("en", "Our revenue grew 40% last quarter.")


def informal_fixes(text: str) -> dict[str, str | None]:
    """{informal words: their suggested formal forms} in `text`."""
    return {
        text[f.start : f.end]: f.suggestion for f in check(text).findings if f.category == "informal_address"
    }


def test_suggestions_follow_the_formal_forms() -> None:
    fixes = informal_fixes(GREET["ru"] + "Пока выгружай отчёт, спасибо, что написал." + CLOSE["ru"])
    assert fixes == {"выгружай": "выгружайте", "написал": "написали"}
    assert informal_fixes(GREET["az"] + "Yazdığın üçün sağ ol." + CLOSE["az"])["Yazdığın"] == "Yazdığınız"


SENTENCES = json.loads((Path(__file__).parent / "paraphrase" / "faulty_sentences.json").read_text("utf-8"))
"""One faulty sentence per line and language (paraphrase/faulty_sentences.json), written as a probe
before the rules that catch them; measured before those rules: en 10/35, ru 10/35, az 11/35."""


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_faulty_sentences_probe(lang: str) -> None:
    missed = [s for s in SENTENCES[lang] if not found(lang, s)]
    assert len(SENTENCES[lang]) >= 30
    assert len(missed) <= 0.1 * len(SENTENCES[lang]), missed


@pytest.mark.parametrize(
    ("lang", "signature", "impersonal"),
    [
        ("en", "The Cloud Service Team", True),
        ("en", "Customer Success", True),
        ("en", "Maria Lopez, Customer Support Team", False),
        ("ru", "Отдел по работе с клиентами", True),
        ("ru", "Анна Смирнова, служба поддержки", False),
        ("az", "Müştərilərlə iş şöbəsi", True),
        ("az", "Aysel Məmmədova, dəstək xidməti", False),
    ],
)
def test_signature_by_department_or_by_name(lang: str, signature: str, impersonal: bool) -> None:
    body = {"en": "The export works again.", "ru": "Выгрузка снова работает.", "az": "İxrac yenə işləyir."}
    closing = {"en": "\n\nBest regards,\n", "ru": "\n\nС уважением,\n", "az": "\n\nHörmətlə,\n"}
    text = GREET[lang] + body[lang] + closing[lang] + signature
    assert ("impersonal_signature" in found_raw(text)) is impersonal


def found_raw(text: str) -> set[str]:
    """Error and warning categories of `text` as it is."""
    return {f.category for f in check(text).findings if f.severity != "hint"}


def test_imperatives_by_morphology() -> None:
    assert informal_fixes(GREET["ru"] + "Не волнуйся, подпишись на рассылку." + CLOSE["ru"]) == {
        "волнуйся": "волнуйтесь",
        "подпишись": "подпишитесь",
    }
    assert informal_fixes(GREET["ru"] + "Мы убедились, что записи вернулись." + CLOSE["ru"]) == {}
    bare = "Nəsə düz deyilsə, yaz. Ayarları aç və ixracı yenidən et."
    assert informal_fixes(GREET["az"] + bare + CLOSE["az"]) == {"yaz": "yazın", "aç": "açın", "et": "edin"}
    labels = "«Sil» düyməsini basın, yeni versiya bu yaz çıxacaq."
    assert informal_fixes(GREET["az"] + labels + CLOSE["az"]) == {}


def test_do_it_yourself_is_dismissive_only_without_help() -> None:
    assert "dismissive" in found("en", "Feel free to build it yourself, the API is public.")
    assert "dismissive" not in found("en", "You can build it yourself; here is the guide.")
    assert "dismissive" in found("ru", "Можете сами это написать, API открытое.")
    assert "dismissive" not in found("ru", "Можете сами это написать: вот инструкция и пример.")
    assert "dismissive" in found("az", "Bunu özünüz yaza bilərsiniz, API açıqdır.")
    assert "dismissive" not in found("az", "Bunu özünüz yaza bilərsiniz, budur təlimat.")


def test_the_customers_own_figures_are_not_confidential() -> None:
    assert "confidential" not in found("en", "Your revenue report shows $4,200 for March.")
    assert "confidential" not in found("ru", "Ваша выручка за март — 420 000 ₽.")
    assert "confidential" not in found("az", "Mart ayı üzrə dövriyyəniz 4 200 AZN-dir.")
    assert "confidential" in found("az", "Dövriyyəmiz keçən il 20 milyon manat olub.")


def test_capitalised_pronoun_mid_sentence_is_a_name() -> None:
    assert "informal_address" not in found("ru", "Заказ из магазина Твой Дом уже в пути.")
    assert "informal_address" in found("ru", "Твой заказ уже в пути.")


CONSTRUCTIONS = [
    # (language, faulty sentence, category, a fine sentence with the same words) — issue 5, session 4.
    # blame as a causal statement: a bad outcome + because/since + you or your people + an action verb
    ("en", "The import crashed because your developer uploaded a file with broken headers.", "blame",
     "The import crashed because the file was larger than 50 MB; I've split it for you."),
    ("en", "You paid twice, which the payment page warns you about.", "blame",
     "You paid twice, so I've refunded the second payment."),
    ("en", "The gate closes at 9 and it was up to you to be there.", "blame",
     "The gate closes at 9; I've added a reminder so it's easy to make it."),
    ("ru", "Заказ отменился, потому что Вы дважды ввели неправильный код.", "blame",
     "Заказ отменился, потому что банк не подтвердил платёж; я оформила его заново."),
    ("ru", "Письмо не дошло, хотя мы дважды напоминали проверить адрес.", "blame",
     "Письмо не дошло; я отправила его ещё раз и проверила адрес."),
    ("az", "Sifariş ləğv olunub, çünki kodu siz iki dəfə səhv daxil etmisiniz.", "blame",
     "Sifariş ləğv olunub, çünki bank ödənişi təsdiqləməyib; yenidən rəsmiləşdirdim."),
    ("az", "Parolu sıfırlayan sizsiniz, ona görə köhnəsi işləmir.", "blame",
     "Köhnə parol işləmir, çünki sistem onu avtomatik yeniləyib."),
    # sarcasm: mock praise of a failure, mock wonder
    ("en", "Four lockouts before noon, that's quite a record.", "sarcasm",
     "We had a record number of sign-ups this week, so replies are a little slower."),
    ("en", "Skipping the update for two years, what could possibly go wrong.", "sarcasm",
     "Here is what could go wrong if the update is skipped: the login stops working."),
    ("ru", "Три забытых пароля за утро — это новый рекорд.", "sarcasm",
     "Новый рекорд скорости загрузки мы поставили после обновления сервера."),
    ("ru", "Всё исправно, так что, видимо, это мистика.", "sarcasm",
     "Исправление оказалось маленьким чудом инженерии нашей команды."),
    ("az", "Üç dəfə parolu unutmaq, doğrudan da, heyrətamizdir.", "sarcasm",
     "Problemi bu qədər ətraflı təsvir etməyiniz heyrətamizdir, çox sağ olun."),
    # rude: doubting that the customer reads or understands
    ("en", "Do you ever read the replies we send?", "rude",
     "Please read the steps below; they take a minute."),
    ("en", "Is this really so hard to follow?", "rude",
     "It isn't hard at all once you know where the menu is."),
    ("ru", "Не понимаю, что здесь ещё может быть неясного.", "rude",
     "Если что-то осталось неясным, напишите, я объясню иначе."),
    ("az", "Məktublarımızı ümumiyyətlə oxumursunuz?", "rude", "Zəhmət olmasa, aşağıdakı addımları oxuyun."),
    # dismissive: sending the customer to a third party with no help
    ("en", "That's your carrier's limit; call them yourself.", "dismissive",
     "That's your carrier's limit; I've called them and asked for an exception."),
    ("ru", "Это правило банка, все вопросы к ним.", "dismissive",
     "Это правило банка; вот форма обращения к ним, я тоже напишу им."),
    ("ru", "Мы к этому никакого отношения не имеем.", "dismissive",
     "Наш сервис тут ни при чём: порт закрывает провайдер, вот что у него спросить."),
    ("az", "Şirkətimizin buna heç bir aidiyyəti yoxdur.", "dismissive",
     "Problem xidmətimizlə əlaqəli deyil, amma provayderə nə yazmağı izah edirəm."),
    # argumentative: repeating oneself at the customer, flat contradiction
    ("en", "Since you're asking about it yet again, let me explain one more time.", "argumentative",
     "Thanks for asking again; let me explain it step by step."),
    ("en", "No, we did not cancel your order.", "argumentative",
     "We did not receive the payment yet; it usually takes a day."),
    ("ru", "Напоминаю Вам в который раз: льготы не суммируются.", "argumentative",
     "Напоминаю, что окно обмена закрывается в пятницу."),
    ("az", "Sizə yenə xatırladırıq ki, bonuslar ayın sonunda hesablanır.", "argumentative",
     "Xatırladırıq ki, bonuslar ayın sonunda hesablanır."),
]
"""Each family of issue 5, session 4 with a hard negative; probes p1–p8 of docs/politeness.md hold more."""


def test_azerbaijani_informal_greeting_imperative_and_possessive() -> None:
    assert "informal_address" in found_raw("Salam dostum! Skrinşotu at, baxım. Tural")
    assert "informal_address" in found_raw("Salam! Bonusun hesablandı, balansda görünür. Aysel")
    fine = "Salam! Bonusunuz hesablandı, sifarişin statusu «Yolda»dır. Aysel"
    assert "informal_address" not in found_raw(fine)


def test_participles_and_causatives_that_look_informal() -> None:
    assert found("ru", "Списание с карты, оканчивающейся на 7731, я вернула.") == set()
    assert "informal_address" in found("ru", "Надейся на лучшее, всё вернём.")
    assert found("az", "Dəyəri artırın və konfiqurasiyanı yenidən oxudun.") == set()
    assert "informal_address" in found("az", "Məktubumu oxudun?")


SESSION5_CONSTRUCTIONS = [
    # (language, faulty sentence, category, a fine sentence with the same words) — issue 5, session 5.
    # Each faulty sentence is new wording of a construction family, not a sentence of a labelled set.
    # condescension aimed at the reader
    ("en", "I'll spell it out slowly so even you can follow along.", "rude",
     "I'll spell it out step by step so it's easy to follow along."),
    ("ru", "Распишу по шагам, чтобы даже Вам было понятно.", "rude",
     "Распишу по шагам, чтобы было понятнее."),
    ("az", "Addım-addım yazıram ki, hətta Siz də başa düşəsiniz.", "rude",
     "Addım-addım yazıram ki, rahat başa düşəsiniz."),
    # a disclaimer that announces an insult
    ("en", "Not to be harsh, but the form has three fields.", "rude",
     "To be fair, the form has three fields."),
    ("ru", "Не сочтите за хамство, но там всего три поля.", "rude", "Обратите внимание: там всего три поля."),
    ("az", "Sizi incitmək istəmirəm, amma formada cəmi üç sahə var.", "rude",
     "Qeyd edim ki, formada cəmi üç sahə var."),
    # any "child could do it" subject and verb
    ("en", "Any toddler could reset that router.", "rude", "Any technician can reset that router for you."),
    ("ru", "С этим справляются даже школьники.", "rude", "С этим справляются даже без инструкции."),
    ("az", "Məktəbli belə bunu quraşdırar.", "rude", "Usta bunu sabah quraşdırar."),
    # counterfactual of the customer's action
    ("en", "If you had checked the spam folder, this would never have happened.", "blame",
     "If you have checked the spam folder already, let me resend the code."),
    # thanks for a count of messages
    ("en", "Thank you so much for the seven emails since lunch.", "sarcasm",
     "Thank you so much for the detailed email this morning."),
    ("az", "Göndərdiyiniz altı xatırlatmaya görə çox sağ olun.", "sarcasm",
     "Göndərdiyiniz ətraflı izaha görə çox sağ olun."),
    # rhetorical "did you really expect"
    ("en", "Did you honestly think the promo would last forever?", "sarcasm",
     "I honestly think the promo will be back next month."),
    ("ru", "А Вы думали, что акция будет вечной?", "sarcasm", "Я думала, что акция продлится до пятницы."),
    # policing the customer's words, insisting on being right
    ("en", "Please mind your language in future messages.", "argumentative",
     "Please mention your language preference in future messages."),
    ("ru", "Спорить со мной бессмысленно, решение окончательное.", "argumentative",
     "Решение окончательное, но я могу предложить скидку на следующий заказ."),
    ("az", "Bu barədə mübahisəni uzatmaq fikrində deyiləm.", "argumentative",
     "Bu barədə məlumatı uzatmaq fikrində deyiləm, qısa yazıram."),
    # a shrug instead of help
    ("en", "Not sure what else to tell you, really.", "dismissive", "Here is what else I can tell you."),
    ("ru", "Сбои бывают у всех, ждите.", "dismissive", "Сбой уже устранён, спасибо за ожидание."),
    ("az", "Satıcı ləğv edib, deməli belə lazım imiş.", "dismissive",
     "Satıcı ləğv edib, pul geri qaytarılacaq."),
]


def test_closing_the_ticket_is_dismissive_only_after_a_refusal_and_without_a_way_back() -> None:
    refused = "That's outside what we can change, so I'm closing this case."
    assert "dismissive" in found("en", refused)
    # The closure rule only: the learned backstop (English, fifth try) still warns on the refusal sentence
    # itself once the rule is silenced (docs/politeness.md, "Learned backstop": a known false alarm).
    saved = backstop.use({})
    try:
        assert "dismissive" not in found("en", refused + " Reply here if you'd like me to reopen it.")
    finally:
        backstop.use(saved)
    assert "dismissive" not in found("en", "The fix is live, so I'm closing this case.")
    assert "dismissive" in found("ru", "Мы не можем на это повлиять, заявку закрываю.")
    with_way_back = "Мы не можем на это повлиять, заявку закрываю; если что, напишите."
    assert "dismissive" not in found("ru", with_way_back)
    assert "dismissive" in found("az", "Bu bizdən asılı deyil və edə bilmərik, müraciətinizi bağlayırıq.")
    assert "dismissive" not in found("az", "Problem həll olunub, müraciətinizi bağlayırıq.")


def test_not_a_private_phone_and_not_a_business_figure() -> None:
    assert "secret" not in found("en", "Your parcel's tracking number is 4410 2281 9930.")
    assert "secret" not in found("ru", "Звоните на бесплатную линию 8 800 555-35-35.")
    assert "secret" not in found("en", "The courier will call the number you gave us, +44 7700 900461.")
    assert "confidential" not in found("az", "Sifarişi ləğv etdik, 1 250 AZN kartınıza qaytarıldı.")
    assert "confidential" not in found("en", "The starter plan includes 20k requests a month.")
    assert "shouting" not in found("en", "Unplug the POWER-UNIT cable first.")


def test_raw_azerbaijani_entries_also_match_text_typed_without_its_letters() -> None:
    assert "blame" in found("az", "Ünvanı səhv yazdığınız üçün bağlama geri qayıdıb.")
    assert "blame" in found("az", "Unvani sehv yazdiginiz ucun baglama geri qayidib.")
    assert "rude" in found("az", "Sizi incitmek istemirem, amma formada cemi uc sahe var.")
    assert found("az", "Unvani duzgun yazdiginiz ucun baglama vaxtinda catdi.") == set()


SESSION5_HARD_NEGATIVES = [
    # Sincere wording that drafts of the session-5 families flagged before they were narrowed.
    ("en", "Please enter the code in capital letters."),
    ("en", "Customers like you help us improve the app."),
    ("en", "Don't worry, these things happen to all of us."),
    ("en", "We're always thrilled to hear from you!"),
    ("en", "If you need something more advanced, the Pro plan adds scheduled exports."),
    ("en", "It's heartwarming how you've supported us over the years."),
    ("en", "Returns are at your own expense unless the item is faulty."),
    ("en", "We decided to skip the fee for you this time."),
    ("en", "That's completely wrong of us, and I'm sorry."),
    ("en", "Please pick your language in Settings."),
    ("ru", "Не переживайте, бывает. Я уже всё исправила."),
    ("ru", "Нажмите «Сохранить», и всё готово."),
    ("ru", "Без Вас мы бы не нашли эту ошибку, спасибо!"),
    ("ru", "Не вижу проблемы в том, чтобы вернуть деньги сегодня."),
    ("ru", "При всём желании мы не сможем вернуть деньги раньше, но я ускорю проверку."),
    ("ru", "Во всём виноваты мы, простите за неудобства."),
    ("ru", "Не стыдно спрашивать: для этого мы и работаем."),
    ("az", "Bunun üçün proqramçı olmaq lazım deyil, hər şey iki kliklə olur."),
    ("az", "Bu problemi yaşayan başqa müştərilərimiz də var, hamısına yazırıq."),
    ("az", "Səbrinizə heyran qaldım, çox sağ olun."),
    ("az", "Sizin kimi müştərilər bizim üçün çox dəyərlidir."),
    ("az", "Nə qədər təəccüblü səslənsə də, yenidən başlatmaq problemi həll edir."),
]


@pytest.mark.parametrize(("lang", "body"), SESSION5_HARD_NEGATIVES)
def test_session5_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert found(lang, body) == set(), body


LEX8_CONSTRUCTIONS = [
    # (language, faulty sentence, category, a fine sentence with the same words) — session 9 (lex8),
    # families from the misses of authors6 d5–d12 and blind5 (all seen).
    # sarcasm: mock praise of the customer's theory or discovery, mock congratulation
    ("en", "An intriguing idea, and a creative theory too, but the logs disagree.", "sarcasm",
     "The theory behind the new sync engine is explained in our blog post."),
    ("en", "Congrats on realising that invoices need a tax number.", "sarcasm",
     "Congratulations on your new shop; the invoices now carry its tax number."),
    ("en", "Losing the same file twice in a day takes some real talent.", "sarcasm",
     "Our support team has real talent for untangling old invoices."),
    ("en", "Fifth reset this week; who could've guessed that.", "sarcasm",
     "Nobody could have guessed the storm would cut the power, so thank you for waiting."),
    ("en", "At this rate we'll name a desk after you.", "sarcasm", "The new desk is named after our founder."),
    # rude: insults by comparison, doubting the customer reads at all
    ("en", "Would it hurt you to include the order number?", "rude",
     "It would help if you could include the order number."),
    ("en", "I've got more sense from a vending machine than from this thread.", "rude",
     "It makes more sense to start from the vending machine's serial number."),
    ("en", "Here's another user who never scrolls down.", "rude",
     "Another user who had this issue fixed it by clearing the cache."),
    ("en", "I'm wondering if you ever read our emails.", "rude",
     "I'm wondering if you received our email from Monday."),
    ("en", "The previous admin had no idea what he was doing.", "rude",
     "I had no idea what the error meant either, so I asked our developers."),
    # blame: not bothering, hindsight with could/ideally, "next time don't", "despite our reminders"
    ("en", "Your team never even bothered checking the file.", "blame",
     "Please don't bother printing the file; the PDF is enough."),
    ("en", "All of this is something you could've prevented.", "blame",
     "We could have prevented this with a clearer warning, and I'm sorry."),
    ("en", "Next time, please don't leave it until the last day.", "blame",
     "Next time you log in, the new menu will be on the left."),
    ("en", "The letters bounced despite repeated warnings from our side.", "blame",
     "Despite the delay at the warehouse, your parcel left today."),
    ("en", "You moved the pin after pickup, which pretty much explains it.", "blame",
     "You moved the pin after pickup, so I've updated the route for the rider."),
    # dismissive: playing the problem down, "save your energy", "your wifi, not our platform"
    ("en", "A late parcel is hardly the end of the world.", "dismissive",
     "I'm sorry the parcel is late; I've asked the courier for an update."),
    ("en", "Complaining about it isn't going to make the engineers faster.", "dismissive",
     "The engineers are on site and should finish by Friday."),
    ("en", "That's your home router, not us.", "dismissive",
     "Your router is fine; the fault is on our side and we're fixing it."),
    ("en", "We are a bank, not your IT department.", "dismissive",
     "Our IT department has checked the bank transfer and it went through."),
    ("en", "If the price doesn't suit you, you're free to go elsewhere.", "dismissive",
     "You're free to cancel at any time with no fee."),
    # argumentative: correcting the customer, "with respect,", "as per my previous emails"
    ("en", "Allow me to correct you: the order shipped on Tuesday.", "argumentative",
     "Please correct me if the order number is wrong."),
    ("en", "You must've misread the date on the form.", "argumentative",
     "We must have misread the date on the form; I've fixed it."),
    ("en", "With all respect, the fee is correct.", "argumentative",
     "We treat your data with respect and never share it."),
    ("en", "As per my earlier two messages, the plan has no SMS.", "argumentative",
     "As promised in my earlier message, here is the invoice."),
    ("en", "Yelling at the agent doesn't change the tariff.", "argumentative",
     "Changing the tariff doesn't change your contract date."),
    # ru sarcasm: mock praise of advice or confidence, "какая редкость", "представьте себе."
    ("ru", "Благодарю за ценнейшие указания по нашей работе.", "sarcasm",
     "Спасибо за ценные указания, мы передали их разработчикам."),
    ("ru", "Какая редкость — всего третий сбой пароля за неделю.", "sarcasm",
     "Такой сбой — редкость, спасибо, что сообщили."),
    ("ru", "Приходят, представьте себе. Проверьте папку «Спам».", "sarcasm",
     "Представьте себе ситуацию: курьер приехал, а дома никого нет — поэтому мы звоним заранее."),
    # ru rude: "разучились", comparisons, "поменьше бы хамили"
    ("ru", "Вы там совсем считать разучились?", "rude", "Если разучились пользоваться старым меню, вот краткая памятка."),
    ("ru", "Поменьше бы грубили, и дело пошло бы быстрее.", "rude", "Дело пошло бы быстрее, если прислать номер заказа."),
    ("ru", "Вы вообще слышали, что говорил мастер?", "rude", "Мастер говорил, что замена займёт час."),
    # ru blame: "видимо, не открывали", "Ваша недоработка", "впредь не нажимайте"
    ("ru", "Это есть в договоре, который Вы, похоже, не дочитали.", "blame",
     "Это есть в договоре, пункт 4.2; я выделила его для Вас."),
    ("ru", "Списание — Ваша оплошность, но я его отменю.", "blame", "Списание — наша оплошность, я его уже отменила."),
    ("ru", "Впредь, пожалуйста, не отправляйте форму дважды.", "blame",
     "Впредь Вам не придётся отправлять форму: данные сохранятся."),
    ("ru", "Мы же трижды Вам об этом напоминали в письмах.", "blame", "Мы напомним Вам об оплате за три дня."),
    # ru dismissive: "быстрее от этого не станет", "гадать не буду", "потом не жалуйтесь"
    ("ru", "От Ваших звонков ремонт быстрее не пойдёт и быстрее не станет.", "dismissive",
     "Ремонт идёт по плану, быстрее обычного."),
    ("ru", "Гадать мы не будем, пришлите скриншот.", "dismissive", "Чтобы не гадать, пришлите, пожалуйста, скриншот."),
    ("ru", "Отключайте, а потом не обижайтесь.", "dismissive", "Отключите, а потом напишите мне, я проверю."),
    # ru argumentative: disagreeing, insisting, lecturing
    ("ru", "Позвольте возразить: тариф не менялся.", "argumentative", "Позвольте уточнить: тариф не менялся с мая."),
    ("ru", "Наша позиция не изменится, как бы Вы ни настаивали.", "argumentative",
     "Цена для Вас не изменится до конца года."),
    ("ru", "Можете сколько угодно спорить, но акт подписан.", "argumentative", "Можете звонить сколько угодно, мы на связи."),
    ("ru", "Я вынуждена ещё раз повторить, что срок прошёл.", "argumentative", "Я могу ещё раз отправить ссылку."),
    # az sarcasm: mock praise of a theory, "başqa işimiz yoxdur", "kimin ağlına gələrdi"
    ("az", "Gözəl nəzəriyyədir, amma loqlar başqa şey göstərir.", "sarcasm",
     "Bu nəzəriyyə sənədlərimizdə ətraflı izah olunub."),
    ("az", "Biz ancaq sizin sifarişinizlə məşğuluq, başqa işimiz yoxmuş kimi.", "sarcasm",
     "Sifarişinizlə şəxsən məşğulam, sabah hazır olacaq."),
    ("az", "Parolun işləməməsi, kimin ağlına gələrdi.", "sarcasm", "Parol işləmirsə, bərpa keçidini göndərirəm."),
    # az rude: "savadsız", "hansı ağılla", "sinif şagirdi də bacarar"
    ("az", "Hansı ağılla iki dəfə ödəmisiniz?", "rude", "İki dəfə ödəmisiniz, ikinci ödənişi qaytardım."),
    ("az", "Bunu üçüncü sinif şagirdi də bacarar.", "rude", "Bunu mobil tətbiqdən də etmək olar."),
    ("az", "Sizinlə yazışmaq vaxt itkisidir.", "rude", "Sizinlə yazışmaq üçün e-poçtumuz açıqdır."),
    # az blame: "özünüz yaratmısınız", "zəhmətinə qatlaşmayıb", hindsight
    ("az", "Bu problemi özünüz yaratdınız.", "blame", "Hesabı özünüz yarada bilərsiniz, addımlar aşağıdadır."),
    ("az", "Heç kim məktubu oxumaq zəhmətinə qatlaşmayıb.", "blame",
     "Bizə yazmaq zəhmətinə qatlaşdığınız üçün təşəkkür edirik."),
    ("az", "Ünvanı yoxlamaq o qədər də çətin deyildi.", "blame", "Quraşdırmaq o qədər də çətin deyil, addımları yazıram."),
    # az dismissive: "danışmağa dəyməz", "oturub gözləyin", "hamı belə deyir"
    ("az", "Bu barədə danışmağa dəyməz. Başqa sualınız?", "dismissive",
     "Narahat olmağa dəyməz. Başqa sualınız olarsa, yazın."),
    ("az", "Portal işləmir, oturub gözləyin.", "dismissive", "Portal işləmir, bərpa olunan kimi sizə yazacağam."),
    ("az", "Belə məsələlərə baxmırıq.", "dismissive", "Belə məsələlərə adətən bir gün ərzində baxırıq."),
    # az argumentative: "fikrim dəyişməyəcək", "razı deyiləm", "nə qədər yazsanız da"
    ("az", "Mövqeyim dəyişmir, qayda belədir.", "argumentative", "Qiymət dəyişmir, qayda belədir."),
    ("az", "Nə qədər şikayət etsəniz də, müddət qısalmayacaq.", "argumentative",
     "Şikayət etsəniz, müddəti qısaltmağa çalışacağıq."),
    ("az", "İddialarınız əsassızdır.", "argumentative", "İddianız araşdırılır, sabah cavab verəcəyik."),
]


@pytest.mark.parametrize(
    ("lang", "faulty", "category", "fine"), CONSTRUCTIONS + SESSION5_CONSTRUCTIONS + LEX8_CONSTRUCTIONS
)
def test_construction_found_and_its_polite_twin_fine(
    lang: str, faulty: str, category: str, fine: str
) -> None:
    assert category in found(lang, faulty), faulty
    assert found(lang, fine) == set(), fine
