"""Provides the Azerbaijani conversation pieces: agent replies, mood framing, channel shapes and people.

Agents always write «siz» and address customers as «{first} xanım / bəy», even when the customer
writes «sən» (DESIGN.md §2).
"""

from __future__ import annotations

from supportterm.demo.corpus.common import AfterReply

REPLIES: dict[str, tuple[str, str, str]] = {
    "login": ("Hesabınızı yoxladım: bir neçə uğursuz cəhddən sonra hesab müvəqqəti bloklanıb. Bloku "
              "götürdüm, zəhmət olmasa, yenidən daxil olmağa çalışın.",
              "Zəhmət olmasa, hansı brauzerdən istifadə etdiyinizi bildirin və \"Daxil ol\" düyməsini "
              "basdıqdan sonra açılan səhifənin ekran şəklini göndərin — bu, problemin harada yarandığını "
              "tez tapmağa kömək edəcək.",
              "Artıq daxil ola bilərsiniz: hesabınızdakı blok götürülüb."),
    "password_reset": ("{email} ünvanına yeni şifrə bərpası linki göndərdim. Link bir saat etibarlıdır; "
                       "məktub 10 dəqiqə ərzində gəlməsə, zəhmət olmasa, spam qovluğunu yoxlayın.",
                       "Zəhmət olmasa, panelə daxil olduğunuz e-poçt ünvanını dəqiqləşdirin: jurnallarımızda "
                       "bu ünvana çatdırılma xətası görünmür, eyni hesaba baxdığımıza əmin olmaq istəyirəm.",
                       "Şifrə bərpası artıq işləyir: köhnə linkləri ləğv etdim, yeni linkdən isə uğurla "
                       "istifadə olunub."),
    "2fa": ("Hesabınızın təhlükəsizliyi üçün iki faktorlu autentifikasiyanı söndürməzdən əvvəl bunun siz "
            "olduğunuza əmin olmalıyıq. Zəhmət olmasa, hesaba bağlı kartın son 4 rəqəmini və sonuncu "
            "hesab-fakturanın nömrəsini göndərin.",
            "Zəhmət olmasa, telefondakı saat qurşağının hesab ayarlarındakı ilə eyni olduğunu yoxlayın: saat "
            "30 saniyədən çox fərqlənəndə kodlar qəbul olunmur.",
            "İki faktorlu autentifikasiya söndürüldü. Daxil olduqdan sonra, zəhmət olmasa, onu yeni "
            "telefonda yenidən qurun və ehtiyat kodları etibarlı yerdə saxlayın."),
    "refund": ("Müraciətinizi təsdiq tövsiyəsi ilə maliyyə şöbəmizə ötürdüm. Bir iş günü ərzində sizə cavab "
               "verəcəyəm.",
               "Zəhmət olmasa, dəqiqləşdirin: hesabı tamamilə bağlayaq, yoxsa yalnız yenilənmə ödənişini "
               "qaytarıb avtomatik yenilənməni söndürək?",
               "{amount} məbləğində geri ödəniş təsdiqləndi. Bankdan asılı olaraq, vəsait adətən 5-10 iş "
               "günü ərzində karta qayıdır."),
    "double_charge": ("Təsdiq edirəm: ikinci ödəniş səhvən tutulub. Geri qaytarılmasını rəsmiləşdirdim, "
                      "sizin tərəfdən heç nə etmək lazım deyil.",
                      "Sistemimizdə yalnız bir tamamlanmış ödəniş görünür; ikincisi, çox güman ki, bankın "
                      "müvəqqəti blokudur və bir neçə gün ərzində götürüləcək. Zəhmət olmasa, çıxarışın "
                      "ekran şəklini göndərin, yenidən yoxlayım.",
                      "{amount} məbləğindəki artıq ödəniş geri qaytarıldı. Vəsait bir neçə iş günü ərzində "
                      "çıxarışınızda görünəcək."),
    "invoice": ("Zəhmət olmasa, şirkət rekvizitlərini \"Ödəniş → Ödəyici profili\" bölməsində qeyd edin — "
                "bütün yeni hesab-fakturalar şirkətin adına tərtib olunacaq. Bundan sonra {invoice} "
                "hesab-fakturasını yenidən tərtib edəcəyəm.",
                "Zəhmət olmasa, hesab-fakturada göstərilməli olan rekvizitləri göndərin, mən özüm "
                "yeniləyəcəyəm.",
                "{invoice} hesab-fakturası şirkətinizin adına yenidən tərtib edildi. Onu \"Ödəniş → "
                "Hesab-fakturalar\" bölməsindən yükləyə bilərsiniz."),
    "payment_failed": ("Yaranan narahatlığa görə üzr istəyirik. Ödəniş məsələsi həll olunana qədər "
                       "saytlarınız işləsin deyə xidmətlərinizi 3 günlüyə aktivləşdirdim.",
                       "Ödənişi bizə çatmamış kartı buraxan bank rədd edir. Zəhmət olmasa, başqa kartla cəhd "
                       "edin və ya bankdan onlayn ödənişlərə icazə verilib-verilmədiyini soruşun.",
                       "Ödəniş keçdi, hesabınız yenidən aktivdir və bütün saytlar işləyir."),
    "outage": ("Problemdən xəbərdarıq: serverlərimizdən birində aparat nasazlığı baş verib, mühəndislərimiz "
               "artıq bərpa üzərində işləyir. Hər şey qaydasına düşən kimi sizə xəbər verəcəyəm.",
               "Məsələni yüksək prioritetlə infrastruktur mühəndislərimizə ötürdüm. Zəhmət olmasa, problemi "
               "dəqiq nə vaxt gördüyünüzü və bütün səhifələrə aid olub-olmadığını bildirin.",
               "Problem aradan qaldırıldı, saytlarınız yenidən açılır. Fasiləyə görə üzr istəyirik — bunun "
               "təkrarlanmaması üçün səbəbləri araşdırırıq."),
    "performance": ("Saytınıza baxdım: vaxtın çox hissəsi səhifələrin keşsiz yaradılmasına gedir. "
                    "\"Məhsuldarlıq\" bölməsində keşləməni aktivləşdirmək işi nəzərəçarpacaq dərəcədə "
                    "sürətləndirməlidir.",
                    "Zəhmət olmasa, xüsusilə yavaş açılan səhifənin linkini və bunu nə vaxt gördüyünüzü "
                    "göndərin — serverin yüklənməsi ilə müqayisə edəcəyəm.",
                    "Hesabınızı daha az yüklənmiş serverə köçürdük, ölçmələrimizə görə cavab müddəti indi "
                    "500 ms-dən azdır."),
    "api_error": ("Sorğu identifikatorlarına görə təşəkkür edirik. API komandası səbəbi tapıb və düzəliş "
                  "hazırlayır; düzəliş tətbiq olunan kimi sizə yazacağam.",
                  "Zəhmət olmasa, uğursuz sorğulardan iki-üçünün identifikatorunu və vaxtını göndərin "
                  "(cavabdakı X-Request-Id başlığı).",
                  "Düzəliş tətbiq olundu, xətaların sayı normal həddə qayıtdı. Uğursuz sorğuları təhlükəsiz "
                  "şəkildə təkrarlaya bilərsiniz."),
    "api_auth": ("Test mühitinin açarından istifadə edirsiniz. Zəhmət olmasa, \"Ayarlar → API\" bölməsində "
                 "canlı açar yaradın və onu api.nimbus.example ilə işlədin.",
                 "Hesab sahibi şifrəsini dəyişəndə API açarları avtomatik ləğv olunur. Zəhmət olmasa, yeni "
                 "açar yaradın və inteqrasiyada yeniləyin.",
                 "Yoxladım: yeni açar canlı API ilə işləyir."),
    "rate_limit": ("Tarifinizdə hesab üzrə saniyədə 10 sorğu limiti var. Tez-tez yeniləmələr üçün daimi "
                   "sorğu əvəzinə webhook-lardan istifadəni tövsiyə edirik.",
                   "Zəhmət olmasa, servisinizə pik vaxtı dəqiqədə təxminən neçə sorğu lazım olduğunu "
                   "bildirin — limiti artırmağın mümkünlüyünü API komandası ilə dəqiqləşdirəcəyəm.",
                   "Hesabınız üçün sorğu limitini artırdıq. 429 cavabları yenə görünsə, zəhmət olmasa, mənə "
                   "yazın."),
    "dns": ("NS serverlərinin dəyişməsinin tam yayılması 48 saata qədər çəkə bilər. Bizim tərəfdə zona "
            "düzgün qurulub, domen avtomatik işləməyə başlayacaq.",
            "www üçün A qeydi hələ də köhnə IP-yə yönəlir. Zəhmət olmasa, onu \"Domenlər\" bölməsindəki "
            "ünvana dəyişin və ya mənə yazın — özüm dəyişərəm.",
            "{domain} üçün DNS qeydləri artıq düzgündür və bütün dünyada açılır."),
    "ssl": ("DNS-dəki CAA qeydinə görə sertifikatı yeniləmək mümkün olmayıb. Zəhmət olmasa, onu silin və ya "
            "letsencrypt.org-a icazə verin, sertifikatı dərhal yenidən buraxacağam.",
            "{domain} üçün sertifikatın yenidən buraxılmasını başlatdım. Adətən 15 dəqiqəyə qədər çəkir; "
            "xəbərdarlıq qalarsa, zəhmət olmasa, bildirin.",
            "{domain} və www.{domain} üçün yeni sertifikat buraxıldı, HTTPS xəbərdarlıqsız işləyir."),
    "email_delivery": ("Domeninizdə SPF və DKIM qeydləri yoxdur, ona görə də poçt xidmətləri məktublarınızı "
                       "spam sayır. \"Domenlər → DNS\" bölməsinə əlavə edilməli olan qeydləri sizə "
                       "göndərdim.",
                       "Zəhmət olmasa, problemli məktublardan birini tam başlıqları ilə yönləndirin — harada "
                       "filtrləndiyi görünəcək.",
                       "{domain} üçün poçtun çatdırılması bərpa olundu, testlərimizdə məktublar \"Gələnlər\" "
                       "qovluğuna düşür."),
    "feature_request": ("Təklifinizə görə təşəkkür edirik! Onu istifadə ssenarinizlə birlikdə məhsul "
                        "komandamıza ötürdüm.",
                        "Əla ideyadır. Zəhmət olmasa, bundan necə istifadə edəcəyinizi bir az ətraflı yazın "
                        "— bu, məhsul komandasına prioritetləri müəyyən etməyə kömək edəcək.",
                        "Bu funksiya yenicə istifadəyə verildi və artıq panelinizdə mövcuddur."),
    "ad_stats": ("Nimbus Ads-dəki kliklər və analitika sistemlərindəki keçidlər fərqli hesablanır: hər klik "
                 "ziyarətə çevrilmir — məsələn, səhifə yüklənmədən bağlananda.",
                 "Hazırda statistika bir neçə saatlıq gecikmə ilə yenilənir, ona görə dünənki rəqəmlər hələ "
                 "dəyişə bilər. Yekun məlumatlar 24 saatdan sonra hazır olur.",
                 "Statistikadakı gecikmə aradan qaldırıldı, \"{campaign}\" üzrə məlumatlar aktualdır."),
    "ad_moderation": ("Reklamınız bannerdə \"əvvəl/sonra\" müqayisəsi olduğuna görə rədd edilib — reklam "
                      "qaydalarımız buna icazə vermir. Şəkli dəyişmək kifayətdir.",
                      "Moderatorlardan reklamı prioritet qaydada yenidən yoxlamağı xahiş etdim, nəticəni bu "
                      "gün sizə bildirəcəyəm.",
                      "\"{campaign}\" reklamınız təsdiqləndi və artıq göstərilir."),
    "account_deletion": ("Hesabınızın təhlükəsizliyi üçün, zəhmət olmasa, silinmə sorğusunu hesab sahibinin "
                         "e-poçt ünvanından göndərin və ya indicə göndərdiyim linklə təsdiqləyin.",
                         "Hesabı \"Ayarlar → Hesab → Hesabı bağla\" bölməsindən silə bilərsiniz. Düymə orada "
                         "yoxdursa, mənə yazın — özüm siləcəyəm.",
                         "Hesabınız bağlandı, məlumatlarınız 30 gün ərzində silinəcək. Bundan sonra heç bir "
                         "ödəniş tutulmayacaq."),
    "data_export": ("Hər şeyi \"Ayarlar → Məlumat ixracı\" bölməsindən ixrac edə bilərsiniz. Arxivə saytlar, "
                    "verilənlər bazaları və poçt daxildir; hazır olanda linki məktubla göndərəcəyik.",
                    "İxrac bizim tərəfdə ilişib qalıb. Onu yenidən başlatdım və tamamlanana qədər "
                    "izləyəcəyəm.",
                    "İxrac hazırdır: yükləmə linki hesab sahibinin e-poçtuna göndərildi və 7 gün "
                    "etibarlıdır."),
    "mobile_crash": ("Ətraflı məlumata görə təşəkkür edirik. Nasazlığı {device} cihazında təkrarladıq, mobil "
                     "komandamız artıq düzəliş üzərində işləyir.",
                     "Zəhmət olmasa, telefonun dəqiq modelini və tətbiqin versiyasını bildirin (Ayarlar → "
                     "Haqqında). Ekran yazısı da çox kömək edərdi.",
                     "Nasazlığı aradan qaldıran yeniləmə artıq App Store və Google Play-də mövcuddur. Zəhmət "
                     "olmasa, tətbiqi yeniləyin və nəticəni bizə bildirin."),
    "plan_change": ("Daha bahalı tarifə keçdikdə ödənilmiş dövrün sonunadək yalnız fərqi ödəyirsiniz. "
                    "Saytlar və IP ünvanı dəyişmir, fasilə olmur.",
                    "Nəzərə alın ki, daha ucuz tarifdə saytların sayı azdır. Hansı saytları aktiv saxlamaq "
                    "istərdiniz?",
                    "Tarifiniz dəyişdirildi, yeni tarif: {plan}. Növbəti hesab-faktura yeni qiymətlə tərtib "
                    "olunacaq."),
    "backup_restore": ("Gündəlik ehtiyat nüsxələri 14 gün saxlayırıq. {date} tarixli nüsxədən bərpanı ayrıca "
                       "qovluğa başlatdım ki, işlək saytda heç nə üzərinə yazılmasın.",
                       "Zəhmət olmasa, hansı qovluğu və hansı tarix üçün bərpa etmək lazım olduğunu "
                       "dəqiqləşdirin — yalnız onu qaytaracağam ki, sonrakı dəyişiklikləriniz qalsın.",
                       "Bərpa başa çatdı: {domain} saytında fayllar yenidən yerindədir."),
    "domain_transfer": ("{domain} domenini köçürmək üçün, zəhmət olmasa, hazırkı registratorda bloku götürün "
                        "və bizə avtorizasiya kodunu göndərin. Köçürmə zamanı sayt işləməyə davam edəcək.",
                        "Avtorizasiya kodunu {domain} domeninin sahibinin e-poçtuna göndərdim. Nəzərə alın "
                        "ki, domeni qeydiyyatdan sonrakı 60 gün ərzində köçürmək olmur.",
                        "{domain} domeninin köçürülməsi başa çatdı, domen artıq panelinizdə görünür."),
    "team_access": ("Əməkdaşları \"Ayarlar → Komanda\" bölməsindən \"Proqramçı\" rolunu seçməklə dəvət edə "
                    "bilərsiniz: bu rol saytlara giriş verir, ödənişlərə isə yox.",
                    "Təhlükəsizlik məqsədilə girişləri yalnız hesab sahibi dəyişə bilər. Zəhmət olmasa, "
                    "hesab sahibindən bu məktuba cavab yazaraq sorğunu təsdiqləməsini xahiş edin.",
                    "Hazırdır: giriş siyahısı istədiyiniz kimi yeniləndi."),
    "webhooks": ("Endpointiniz yönləndirmə (301) ilə cavab verir, yönləndirilən ünvanlara isə webhook "
                 "göndərilmir. Zəhmət olmasa, ayarlarda https:// ilə başlayan son ünvanı göstərin.",
                 "Webhook-lar \"ən azı bir dəfə\" prinsipi ilə çatdırılır, ona görə təkrar cəhdlərdən sonra "
                 "dublikatlar ola bilər. Zəhmət olmasa, artıq emal olunmuş hadisələri buraxmaq üçün "
                 "X-Nimbus-Delivery başlığından istifadə edin.",
                 "Endpointinizə webhook çatdırılması bərpa olundu, yığılmış hadisələr göndərildi."),
    "ssh_access": ("Bir neçə uğursuz giriş cəhdindən sonra IP ünvanınız avtomatik bloklanmışdı. Bloku "
                   "götürdüm; zəhmət olmasa, \"Hostinq\" bölməsində SSH məlumatlarını yoxlayın.",
                   "SSH girişi Business tarifinə daxildir. Hazırkı tarifinizdə eyni məlumatlarla 22-ci "
                   "portda SFTP-dən istifadə edə bilərsiniz.",
                   "IP ünvanınızdan SSH girişi yenidən işləyir."),
    "cancellation": ("Getməyinizə təəssüflənirik. Avtomatik yenilənməni söndürdüm; xidmətlər ödənilmiş "
                     "dövrün sonunadək işləyəcək.",
                     "Ləğvdən əvvəl dəqiqləşdirin, zəhmət olmasa: domenlərinizi bizdə saxlayaq? Onlara "
                     "hostinq olmadan da xidmət göstərə bilərik.",
                     "Abunəlik ləğv olundu, bundan sonra ödəniş tutulmayacaq."),
}
"""Scenario key -> (first answer, alternative first answer asking for details, resolution)."""

GREET = ("Salam, {first} {hon}!", "Hörmətli {first} {hon},", "Salam, hörmətli {first} {hon}!")
GREET_CHAT = ("Salam, {first} {hon}! Mənim adım {agent_first}, Nimbus dəstək xidmətindən yazıram.",
              "Salam, {first} {hon}! Nimbus dəstək xidmətindən {agent_first} sizinlə əlaqədədir.")
THANKS = ("Nimbus dəstək xidmətinə müraciət etdiyiniz üçün təşəkkür edirik.",
          "Müraciətinizə görə təşəkkür edirik.",
          "Ətraflı təsvirə görə təşəkkür edirik.")
EMPATHY = ("Yaranan narahatlığa görə üzr istəyirik, vəziyyətin nə qədər xoşagəlməz olduğunu başa düşürük.",
           "Narazılığınızı tam başa düşürəm və yaranan çətinliyə görə üzr istəyirəm.",
           "Səbriniz üçün təşəkkür edirik və gözlədiyiniz üçün üzr istəyirik.")
REASSURE = ("Narahat olmayın, hər şeyi izah edəcəyəm.",
            "Bizə yazdığınız üçün təşəkkür edirik, məmnuniyyətlə kömək edəcəyəm.")
UPDATE = ("Bildirmək istəyirəm ki, məsələniz üzərində işləməyə davam edirik. Növbəti yeniliyi UTC ilə saat "
          "{eta} radələrində göndərəcəyəm.",
          "Qısa məlumat: mühəndislər problem üzərində işləyir, mən də prosesi izləyirəm. Sizə UTC ilə saat "
          "{eta} radələrində yazacağam.",
          "Həll istədiyimizdən uzun çəkir — gecikməyə görə üzr istəyirik. Ən gec UTC ilə saat {eta} "
          "radələrində sizə yazacağam.")
RESOLVED = ("Xoş xəbər!", "Müraciətinizin nəticəsini bildirirəm.", "Gözlədiyiniz üçün təşəkkür edirik.")
CLOSING = ("Əlavə sualınız olarsa, sadəcə bu məktuba cavab yazın.",
           "Başqa bir məsələdə kömək lazım olsa, zəhmət olmasa, yazın.",
           "Suallarınız olarsa, kömək etməyə hazırıq.")
SIGNOFF = ("Hörmətlə,\n{agent}\nNimbus Dəstək Xidməti", "Hörmətlə,\n{agent}\nNimbus dəstək komandası")

OPEN = {"calm": ("Salam!", "Salam, hörmətli dəstək xidməti!", "Salamlar!"),
        "confused": ("Salam, sual sadə görünürsə, bağışlayın.",
                     "Salam. Texnikadan çox başım çıxmır, bacardığım qədər izah edəcəyəm.",
                     "Salam, mən tamam çaşıb qalmışam."),
        "angry": ("Bu nə biabırçılıqdır?!", "Artıq səbrim tükənib!", "BU NƏ ZARAFATDIR?!", "Rəzalətdir!!!")}
CLOSE = {"calm": ("Əvvəlcədən təşəkkür edirəm.", "Təşəkkürlər!", "Hörmətlə,"),
         "confused": ("Nəyi səhv etdiyimi başa düşmürəm. Addım-addım izah edə bilərsiniz?",
                      "Bəlkə problem məndədir? Köməyinizə görə təşəkkür edirəm."),
         "angry": ("Sizə BUNA görə pul ödəmirəm. Dərhal düzəldin!",
                   "Bu artıq gülməlidir. Cavabı BU GÜN gözləyirəm.",
                   "Bu gün həll etməsəniz, başqa şirkətə keçəcəyəm və hamıya danışacağam.")}
INFORMAL = {"open": ("Salam, qardaş!", "Salam, bax gör burda nə olub.", "Salam, kömək elə, zəhmət olmasa."),
            "close": ("Bax, nə vaxt bacarsan, yaz.",
                      "Kömək edə bilərsən? Çox lazımdır.",
                      "Nəsə elə də, sağ ol.")}
"""Customers who write «sən»: the agent still answers «siz»."""

CHASE = {"calm": ("Salam! Sualımla bağlı yenilik var?",
                  "Salam, müraciətimlə bağlı vəziyyət necədir?",
                  "Sualımı xatırlatmaq istəyirəm."),
         "confused": ("Bağışlayın, yenidən yazıram, mesajımı aldınız?",
                      "Alo? Hələ də nə etməli olduğumu başa düşmədim."),
         "angry": ("SİZ ÜMUMİYYƏTLƏ OXUYURSUNUZ?!",
                   "Artıq bir neçə saat keçib, HEÇ BİR cavab yoxdur. Bu nə biabırçılıqdır?",
                   "Nə qədər gözləmək olar?! Cavab haradadır?!")}
STILL = ("Dediyiniz kimi etdim, yenə də işləmir.",
         "Təşəkkürlər, amma problem qalır.",
         "İndicə yenidən yoxladım — eyni vəziyyətdir.")
THANKS_CUSTOMER = ("Təşəkkürlər, hər şey işləyir!",
                   "Əla, kömək etdi. Çox sağ olun!",
                   "Hər şey qaydasındadır, tez kömək etdiyiniz üçün təşəkkür edirəm.",
                   "Bəli, işləyir. Sağ olun.")
RESEND = ("Bu barədə artıq yazmışdım, amma cavab almadım, ona görə təkrar edirəm.",
          "Yenidən göndərirəm, ilk məktubuma heç kim cavab vermədi.")
AGAIN = ("Salam.", "Yenidən salam.", "Salam!")

QUOTE = "{wd}, {day} {mon} {year}, saat {hm} tarixində {who} <{addr}> yazdı:"
WEEKDAYS = ("B.e.", "Ç.a.", "Ç.", "C.a.", "C.", "Ş.", "B.")
MONTHS = ("yan", "fev", "mar", "apr", "may", "iyn", "iyl", "avq", "sen", "okt", "noy", "dek")
DATE_MONTHS = ("yanvar",
               "fevral",
               "mart",
               "aprel",
               "may",
               "iyun",
               "iyul",
               "avqust",
               "sentyabr",
               "oktyabr",
               "noyabr",
               "dekabr")
DATE = "{day} {mon}"
CALL = ("Müştəri zəng etdi ({mins} dəq): «{text}» Cavabı e-poçtla gözləyir. Nömrə: {phone}.",
        "Daxil olan zəng, {mins} dəq. Müştəri deyir: «{text}» Geri zəng: {phone}.")
CALL_AGAIN = "Müştəri yenidən zəng etdi: «{text}»"
CHAT_HELLO = ("salam", "salam, kömək lazımdır", "alo", "salam aleykum")
CHAT_END = ("kimsə var?", "cavab verin zəhmət olmasa", "gözləyirəm", "")
FORUM_TAIL = ("Kimsə bununla qarşılaşıb?", "Fikri olan var? Təşəkkürlər.", "Yalnız məndə belədir?", "")
FORM = ("Əlaqə forması vasitəsilə göndərilib\nAd: {name}\nE-poçt: {email}\n{company}Sayt: {domain}\n"
        "Mövzu: {topic}\nMesaj:\n{text}")
FORM_COMPANY = "Şirkət: {org}\n"
TOPICS = {"account": "Hesab və giriş", "billing": "Ödəniş", "hosting": "Hostinq", "api": "API",
          "domains": "Domenlər və SSL", "product": "Təkliflər", "ads": "Nimbus Ads", "mobile": "Mobil tətbiq"}
CHAT_SUBJECT = "Çat: {name}"
URGENT = "TƏCİLİ: "
CALL_ANGRY = "Müştəri çox əsəbi idi, səsini qaldırırdı."
CURRENCY = (("{:,.2f} AZN", 1.7),)
NUMBER_MARKS = ("\u00a0", ",")
"""Thousands separator and decimal mark for amounts."""
NOTES = (AfterReply("Logları yoxladım, bizim tərəfdə xəta görünmür. Müştərinin cavabını gözləyirik."),
         "Müştəri çox əsəbidir, sakit və nəzakətli cavab verək.",
         "Həmkarlarla dəqiqləşdirdim, cavab sabah səhər olacaq.",
         "Müştəri ilə danışdım, UTC ilə saat {eta} radələrində geri zəng edəcəyəm.",
         "{host} serverində insident kimi görünür, {jira} açdım.")
"""Internal notes Azerbaijani-speaking agents write in Azerbaijani; `AfterReply` ones only after a reply."""

FEMALE = ("Leyla",
          "Günel",
          "Nigar",
          "Səbinə",
          "Aynur",
          "Nərmin",
          "Könül",
          "Ülviyyə",
          "Şəbnəm",
          "Gülnar",
          "Lalə",
          "Türkan",
          "Fidan",
          "Sevinc")
MALE = ("Elvin",
        "Orxan",
        "Tural",
        "Kamran",
        "Fərid",
        "Elçin",
        "Murad",
        "Vüqar",
        "Anar",
        "Səbuhi",
        "Ramil",
        "Cavid",
        "Nicat",
        "İlkin")
SURNAMES_M = ("Məmmədov",
              "Əliyev",
              "Hüseynov",
              "Həsənov",
              "Quliyev",
              "İsmayılov",
              "Abbasov",
              "Cəfərov",
              "Rzayev",
              "Babayev",
              "Süleymanov",
              "Nəsirov",
              "Qasımov",
              "Əhmədov",
              "Sadıqov")
SURNAMES_F = tuple(s + "a" for s in SURNAMES_M)
ORGS = ("Xəzər Logistika MMC",
        "Gəncə Dizayn Studiyası",
        "Bakı Çörək Evi",
        "Şirvan Tekstil MMC",
        "Dəniz Turizm",
        "Nur Stomatologiya Klinikası",
        "Araz Market",
        "Qafqaz Media Agentliyi",
        "Kəpəz IT Həlləri")
CAMPAIGNS = ("Qara Cümə 2026",
             "Yeni il endirimi",
             "Novruz kampaniyası",
             "Yeni kolleksiya",
             "Brend axtarışı")
MAIL_DOMAINS = ("example.az", "example.com", "mail.example", "example.org")
PHONE = "+994 {0:02d} 555 {1:02d} {2:02d}"
PHONE_PREFIXES = (50, 51, 55, 70, 77, 99)
