"""Tests the rules added in session 14 from the misses of blind11-blind13 (declared seen).

Positives are written here in other words than the replies that led to them (other verbs, inflections,
word order), so a family narrowed back to one phrase fails; each family has a hard negative beside it.
"""

from __future__ import annotations

import pytest

from tests.politeness.test_families import CLOSE, GREET, found, found_raw

FAMILIES = [
    # rude: comparisons, "even an intern knows"
    ("en", "You set up that cluster like a total beginner, to be honest.", "rude"),
    ("en", "Even a trainee would know that port 22 must stay open.", "rude"),
    ("en", "Any first-day intern knows not to run the installer twice.", "rude"),
    ("en", "It reads like you learnt networking from the back of a matchbox.", "rude"),
    ("ru", "Лежать в воде как бревно и жаловаться на холод — так себе план.", "rude"),
    ("ru", "Обижаться на такие мелочи совсем по-детски.", "rude"),
    ("az", "Bir az da öz ağlınız barədə fikirləşsəniz, yaxşı olar.", "rude"),
    ("az", "Bunu görməmək üçün gərək lap kor olasan.", "rude"),
    # blame: the fault put on the customer's side
    ("en", "The error was clearly on your side: the account you used is not on the booking.", "blame"),
    ("az", "Bu, sırf Sizin məsuliyyətsizliyinizin nəticəsidir.", "blame"),
    # dismissive
    ("en", "We will not be looking into this any further.", "dismissive"),
    ("en", "Please do not write to us about it again.", "dismissive"),
    ("en", "Refund disputes are not something our team handles with.", "dismissive"),
    ("az", "Bu barədə mağaza ilə özünüz əlaqə saxlayın.", "dismissive"),
    ("az", "Hər kəs bilir ki, əvvəlcə qeydiyyatdan keçmək lazımdır.", "dismissive"),
    ("az", "Google-da «tarif kalkulyatoru» axtarsanız, hamısını tapacaqsınız.", "dismissive"),
    # sarcasm
    ("en", "Surprising as it may sound, the delete button deletes things.", "sarcasm"),
    ("en", "A sold-out final, who would have seen that coming?", "sarcasm"),
    ("en", "Breaking parcels on purpose is my favorite hobby.", "sarcasm"),
    ("ru", "Сорок минут ожидания — настоящая драма, понимаю.", "sarcasm"),
    ("ru", "Спасибо за бесценное наблюдение, без него мы бы ни за что не поняли, что летом жарко.",
     "sarcasm"),
    ("ru", "Ваш талант находить ошибки там, где их нет, поражает.", "sarcasm"),
    ("az", "Əlbəttə, on dəqiqəlik gecikmə böyük faciədir.", "sarcasm"),
    ("az", "Gündə beş şikayət — bu, rekorddur.", "sarcasm"),
    ("az", "Ən səbirsiz müştəri titulunu artıq qazandınız.", "sarcasm"),
    # argumentative
    ("az", "Bu məsələdə Sizinlə razılaşa bilmirəm.", "argumentative"),
    ("az", "Bir daha təkrarlayıram: tarif dəyişməyib.", "argumentative"),
    # confidential
    ("ru", "Наша наценка на этот товар около 25%.", "confidential"),
    ("ru", "По нашей внутренней статистике 40% клиентов продлевают договор.", "confidential"),
    ("az", "Bu il portfelimizdə zərər nisbəti 74%-ə qalxıb.", "confidential"),
    # secrets
    ("en", "Here is the new key: `acme_live_Q8wE2rT6yU1iO9pA3sD5fG7h`.", "secret"),
    ("en", "It is on another customer account, registered to m.ruiz@studio.example.", "secret"),
]

HARD_NEGATIVES = [
    ("en", "I know it can feel like being a complete beginner again after an update; here are the steps."),
    ("en", "Could you check the router settings on your side? The line test on ours is clean."),
    ("en", "We're looking into it now and will update you by 5 pm."),
    ("en", "As it may be useful, here is the guide to the new dashboard."),
    ("ru", "Простите за этот бардак с заказами, мы всё исправили."),
    ("ru", "Это был настоящий сбой на нашей стороне, приносим извинения."),
    ("az", "Restoranla birbaşa əlaqə saxlaya bilərsiniz, nömrələri: 1515."),
    ("az", "Tam haqlısınız, bu, bizim səhvimizdir."),
    ("az", "Bizə yenidən yazmağa ehtiyac yoxdur, sifariş avtomatik yenilənəcək."),
    # figures: durations, status codes, points
    ("en", "We hold seats for 10 minutes while a buyer pays."),
    ("az", "Eyni ID ilə gələn ikinci sorğunu sadəcə 200 OK ilə cavablandırın."),
    ("ru", "Поэтому доставку мы компенсируем: 199 бонусных баллов уже на Вашем счёте."),
    # privacy promises and security advice are not internal markers
    ("en", "Your documents are kept confidential. Please do not share your password with anyone."),
    ("ru", "Ваши документы хранятся конфиденциально, никому не сообщайте код из SMS."),
    ("az", "Sənədləriniz məxfi saxlanılır, SMS kodunu heç kimlə paylaşmayın."),
    # the company's own contacts, codes shaped like phones
    ("az", "Bizimlə belə əlaqə saxlaya bilərsiniz:\n- e-poçt: destek@qazaz.az;\n"
           "- WhatsApp: +994 12 505 15 16."),
    ("ru", "Добавьте адрес receipts@taxi.ru в контакты, и чеки перестанут попадать в спам."),
    ("az", "Polisinizin nömrəsi QK-2024-118502-dir, qüvvədədir."),
    # a tip after the work is done
    ("az", "Qeydi sifarişə əlavə etdik. Gələcəkdə bunu özünüz də yaza bilərsiniz."),
]


def test_confidential_label_still_flagged_beside_advice() -> None:
    body = "Confidential, not for customers: the partner discount is 40%."
    assert "confidential" in found("en", body)


def test_contact_list_still_flags_another_persons_phone() -> None:
    body = "Contact us any time. Your neighbour Mr Lee asked us to pass on his number: 07700 900123."
    assert "secret" in found("en", body)


@pytest.mark.parametrize(
    "signature",
    ["Kind regards,\nCustomer Care Team\nHearth & Oak", "Customer Service\nHearth & Oak",
     "Kind regards,\nKestrel Cloud Customer Support Team"],
)
def test_team_signatures_with_firm_names_are_impersonal(signature: str) -> None:
    body = "Yes, you can change it in Settings.\n\n"
    assert "impersonal_signature" in found_raw(GREET["en"] + body + signature)


def test_azerbaijani_insurer_and_department_signature_is_impersonal() -> None:
    body = "Əlbəttə, surəti filialdan götürə bilərsiniz.\n\n"
    text = GREET["az"] + body + "Hörmətlə,\nQalxan Sığorta, Müştəri xidmətləri"
    assert "impersonal_signature" in found_raw(text)
    assert "impersonal_signature" not in found_raw(GREET["az"] + "Əlbəttə." + CLOSE["az"])


TONE_SETS_FAMILIES = [
    # from the misses of the opened tone-heavy sets (d5, d6, d13-d15), in other words
    ("en", "Honestly, a five-year-old could have managed the booking page.", "rude"),
    ("en", "Relax, genius, the hold drops off in three days.", "rude"),
    ("en", "The only joke here is your tone, but the refund is on its way.", "rude"),
    ("en", "Frankly that is a you problem, the store region is on your side.", "blame"),
    ("en", "The late fee was self-inflicted, I'm afraid.", "blame"),
    ("en", "Mould in winter isn't really our problem, it's an old building.", "dismissive"),
    ("en", "The menu is the first place most people would look.", "dismissive"),
    ("en", "Ten password resets, what dedication!", "sarcasm"),
    ("en", "Brilliant detective work: the off switch turns it off.", "sarcasm"),
    ("en", "Let me explain the rules, since there seems to be some confusion about them.", "argumentative"),
    ("ru", "Не морочьте голову, доставка не была оплачена.", "rude"),
    ("ru", "Что за детский сад — писать в три чата сразу.", "rude"),
    ("ru", "Ответственность за данные лежит на покупателе.", "blame"),
    ("ru", "Это Вы отключили автоплатёж, в истории это видно.", "blame"),
    ("ru", "Сейчас нам не до этого, напишите через месяц.", "dismissive"),
    ("ru", "Наши курьеры, разумеется, только и ждали Вашего звонка.", "sarcasm"),
    ("ru", "Золотые руки, ничего не скажешь.", "sarcasm"),
    ("ru", "Ваше несогласие ничего не меняет, тариф утверждён.", "argumentative"),
    ("ru", "Этот тариф приносит компании около 2 млн ₽ в месяц.", "confidential"),
    ("az", "Ağlı başında olan insan bunu başa düşər.", "rude"),
    ("az", "Sizə bir şey izah etmək divara danışmaq kimidir.", "rude"),
    ("az", "Nəticəyə görə yalnız özünüzü qınaya bilərsiniz.", "blame"),
    ("az", "Məsələ bizdə yox, sizdədir.", "blame"),
    ("az", "Bunu mən haradan bilim?", "dismissive"),
    ("az", "İnternetin bir az yavaş olması dünyanın sonu deyil.", "dismissive"),
    ("az", "Siz olmasanız, bunu heç vaxt bilməzdik.", "sarcasm"),
    ("az", "Usta, yəqin, işıq sürəti ilə gəlməli idi.", "sarcasm"),
    ("az", "Səhv düşünürsünüz, tarif dəyişməyib.", "argumentative"),
]

TONE_SETS_HARD_NEGATIVES = [
    ("en", "This is what happens next: the courier collects the parcel and we refund you."),
    ("en", "There's a difference between the two plans: Plus includes roaming."),
    ("en", "Your account is in good shape now, and the new card works."),
    ("en", "I'll e-mail you the moment the refund comes through."),
    ("en", "Just for fun, our app now has a dark mode too."),
    ("ru", "Ищите кнопку «Оплатить» в правом верхнем углу, она зелёная."),
    ("ru", "Если магазин закрыт, Вы найдёте другой пункт выдачи на карте."),
    ("az", "Narahat olmağa heç bir ehtiyac görmürəm, kartınız təhlükəsizdir."),
    ("az", "Növbəti sualınıza keçək: çatdırılma sabah olacaq."),
]


OPENED_SETS_FAMILIES = [
    # from the misses of the opened sets d7-d12, in other words
    ("en", "Editing the live database without a backup is asking for trouble.", "blame"),
    ("en", "Sadly we can't help people who never open their post.", "dismissive"),
    ("en", "Oh, always a pleasure to be of no use.", "sarcasm"),
    ("en", "The big red Cancel button is very well hidden, I know.", "sarcasm"),
    ("en", "Shouting at us doesn't make you sound any smarter.", "rude"),
    ("en", "Our internal dashboard shows 12% churn on that plan.", "confidential"),
    ("ru", "Так писать в поддержку может только невоспитанный человек.", "rude"),
    ("ru", "Это азбука бухучёта, такие вещи решают без нас.", "dismissive"),
    ("ru", "Может, Вы ещё крестиком отметите, где живёте?", "sarcasm"),
    ("ru", "По внутренним данным, тариф обходится нам в 5 млн в месяц.", "confidential"),
    ("az", "Mühasibinizi dəyişsəniz, yaxşı olar.", "rude"),
    ("az", "Bu, bizim yox, Sizin provayderinizin problemidir.", "dismissive"),
    ("az", "Eyni sual üçün də ayrıca təşəkkür edirik, günümüzü bəzədiniz.", "sarcasm"),
    ("az", "Siz isə hər dəfə sözümü kəsirsiniz.", "argumentative"),
    ("az", "Daxili hesabatımıza görə bu filialda 40 şikayət olub.", "confidential"),
]

OPENED_SETS_HARD_NEGATIVES = [
    ("en", "Lovely to see you back! Your order is on its way."),
    ("en", "Sorry to disappoint, but that colour is sold out; the grey one ships today."),
    ("en", "The new router is far better than the old one for video calls."),
    ("en", "It's shocking that this happened, and I'm sorry: the refund is done."),
    ("en", "Please ask your GP to send the referral, and we'll book you in."),
    ("en", "Was there anything else I can help you with today?"),
    ("ru", "Что-то ещё? Я на связи до шести вечера."),
    ("ru", "Да, это ужасно, простите нас: деньги уже вернули."),
    ("az", "Narahat olmağa ehtiyac yoxdur, kartınız təhlükəsizdir."),
    ("az", "Bu ilk dəfədir ki, belə xəta görürük, araşdırırıq."),
    ("az", "Gecikmənin səbəbi aydındır: yolda qəza olub."),
    ("az", "Mesajınız çox vaxtında oldu, bu gün düzəliş edirik."),
]


FALSE_ALARM_FIXES = [
    # shouting: routes, codes and placeholders in capitals, a name on a ticket, error names, acronyms
    ("az", "Bron məlumatlarınız: PNR XK7L2Q, GYD–IST, 14 dekabr, gəliş vaxtı (ETA) 18:40."),
    ("az", "Sərnişin: NURANA ALIYEVA, uçuş sabah saat 09:15-dədir."),
    ("az", "8181 nömrəsinə bu formatda mətn göndərin: SAYĞAC HESAB_NÖMRƏSİ GÖSTƏRİCİ."),
    ("ru", "Вместо <ВАШ_ТОКЕН> подставьте токен из раздела «Для разработчиков»."),
    ("ru", "Ваш PNR — 5RTK2M, рейс SU 1124 SVO–AER, вылет в 06:40."),
    ("en", "The FATAL ERROR 0x8007 crash usually comes from an old graphics driver."),
    ("en", "The RTI FPS for period 8 was accepted by HMRC this morning."),
    # the customer's own books
    ("az", "Məlumatlarınıza görə satışlarınız 48 300 manat olub, yəni ayın mənfəəti 17 100 manatdır."),
]


@pytest.mark.parametrize(
    ("lang", "body", "category"),
    [
        ("en", "WHY DO YOU KEEP SENDING THE SAME TICKET.", "shouting"),
        ("en", "STOP CALLING the hotline about this.", "shouting"),
        ("ru", "ХВАТИТ ПИСАТЬ одно и то же.", "shouting"),
        ("az", "Bizim mənfəətimiz bu il 2 milyon manat olub.", "confidential"),
    ],
)
def test_session14_false_alarm_fix_keeps_the_fault(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


BLIND14_16_FAMILIES = [
    # from the misses of blind14-blind16 (seen after their one scoring), in other words
    ("en", "A whole two minutes! I'll clear my calendar for it.", "sarcasm"),
    ("en", "Two clicks, which I trust is not beyond you.", "rude"),
    ("en", "It's a kettle, not a space shuttle.", "rude"),
    ("en", "You've been ignoring the reminders for a month.", "blame"),
    ("en", "Let me remind you that the rules apply to everyone.", "argumentative"),
    ("ru", "Извините, но с таким уровнем сообразительности лучше доверить это детям.", "rude"),
    ("ru", "Спасибо за ангельское терпение, целых десять минут.", "sarcasm"),
    ("ru", "Условия есть на сайте, ознакомьтесь там.", "dismissive"),
    ("az", "Belə səbirə az-az rast gəlinir, doğrusu.", "sarcasm"),
    ("az", "Çox sağ olun ki, son gün yazdınız, bu, işimizi xeyli asanlaşdırdı.", "sarcasm"),
    ("az", "Sizinlə razılaşmıram, tələbiniz əsassızdır.", "argumentative"),
    ("az", "Bu barədə YouTube-da onlarla video var.", "dismissive"),
    ("az", "Bizim xalis mənfəətimiz cəmi 6 faizdir.", "confidential"),
]

BLIND14_16_HARD_NEGATIVES = [
    ("az", "Pişiyinizi salonda apara bilərsiniz, heyvanın çəkisi 8 kq-dan çox olmasın."),
    ("az", "Qaimədə yalnız daxili reyslər ƏDV ilə göstərilib."),
    ("az", "Bron üçün *7788 nömrəsinə zəng edin."),
    ("az", "Bu problem 4.12.0 versiyasında düzəldilib."),
    ("az", "77310 nömrəli sifariş üzrə 4421 ilə bitən kartınızdan ödəniş alınıb."),
    ("az", "Təklifiniz üçün sağ olun, bu, işimizi xeyli asanlaşdırar."),
    ("ru", "Советую сменить пароль: «Профиль» → «Безопасность» → «Сменить пароль»."),
    ("ru", "Номер лицевого счёта: 4100 2387 551, задолженности нет."),
    ("ru", "Без паспорта SIM не выдаём: это защита Вашего же номера."),
    ("ru", "Заполните ФИО, СНИЛС, ИНН и оклад, договор сформируется сам."),
    ("ru", "Сервис тут ни при чём: платёж задержал банк, мы уже написали им."),
    ("en", "If anything else isn't right, reply to me and I'll deal with it myself."),
    ("en", "If you'd like those e-mails to go elsewhere too, change it under Notifications."),
    ("en", "Stop the service, then start it again: `kestrel-print --daemon`."),
]


ALL_FAMILIES = FAMILIES + TONE_SETS_FAMILIES + OPENED_SETS_FAMILIES + BLIND14_16_FAMILIES
ALL_HARD_NEGATIVES = (
    HARD_NEGATIVES + TONE_SETS_HARD_NEGATIVES + OPENED_SETS_HARD_NEGATIVES + FALSE_ALARM_FIXES
    + BLIND14_16_HARD_NEGATIVES
)


@pytest.mark.parametrize(("lang", "body", "category"), ALL_FAMILIES)
def test_lex14_family_member_is_found(lang: str, body: str, category: str) -> None:
    assert category in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), ALL_HARD_NEGATIVES)
def test_lex14_hard_negative_stays_fine(lang: str, body: str) -> None:
    assert not found(lang, body)
