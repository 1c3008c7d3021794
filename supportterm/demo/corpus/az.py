"""Provides the Azerbaijani customer texts of the demo corpus: subjects, first messages and extra details.

Same shape as `en.SCENARIOS`, in Latin script. Placeholders never take a case suffix (Azerbaijani
suffixes depend on the word's last vowel), so sentences are built around them.
"""

from __future__ import annotations

SCENARIOS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "login": (
        ("Hesabıma daxil ola bilmirəm", "Səhərdən giriş işləmir", "İdarəetmə panelinə girə bilmirəm"),
        ("Səhərdən {email} ilə Nimbus idarəetmə panelinə daxil ola bilmirəm. \"E-poçt və ya şifrə "
         "yanlışdır\" yazır, amma şifrəni dəyişməmişəm, o, şifrə menecerində saxlanılır.",
         "Login və şifrəni yazıb \"Daxil ol\" düyməsini basıram, səhifə sadəcə yenilənir, heç bir xəta "
         "göstərmir. Kukiləri təmizlədim, başqa brauzerdə yoxladım — eyni vəziyyətdir.",
         "Şifrəni yazandan sonra \"Hesabınız müvəqqəti bloklanıb\" çıxır. Cəmi iki dəfə səhv yazmışam. Bu "
         "gün təcili {domain} saytını yeniləməliyəm."),
        ("Telefondan mobil internetlə də yoxladım, eynidir.", "Son dəfə {date} tarixində problemsiz "
         "daxil olmuşdum."),
    ),
    "password_reset": (
        ("Şifrə bərpası məktubu gəlmir", "Bərpa linki işləmir", "Şifrəmi bərpa edə bilmirəm"),
        ("{email} üçün üç dəfə şifrə bərpası istədim, amma məktub gəlmir. Spam qovluğunu da yoxladım.",
         "Məktubdakı link \"Linkin müddəti bitib\" səhifəsini açır, halbuki məktubu alandan bir dəqiqə "
         "sonra keçid etmişəm.",
         "Dünən şifrəni dəyişdim, bu gün nə köhnə, nə də yeni şifrə qəbul olunur. Şifrə bərpası ilə "
         "dairədə fırlanıram."),
        ("Məktub hələ də yoxdur, spamda da yoxdur.", "İş poçtumdan da yoxladım, gəlmir."),
    ),
    "2fa": (
        ("Telefonu itirmişəm, iki faktorlu yoxlamadan keçə bilmirəm", "2FA kodu qəbul olunmur",
         "İki faktorlu autentifikasiyanı söndürmək"),
        ("{date} tarixində telefonum oğurlandı, autentifikator tətbiqi də onda idi. Ehtiyat kodlarım "
         "yoxdur. {email} hesabına girişi necə bərpa edə bilərəm?",
         "Autentifikator tətbiqindən gələn kod daim qəbul olunmur. Telefonda vaxt avtomatik qurulub, artıq "
         "on kod yoxlamışam.",
         "Telefonumu dəyişdim, iki faktorlu yoxlama isə köhnə telefonda qurulub. Girişi itirmədən onu "
         "necə köçürə bilərəm?"),
        ("Kartın son 4 rəqəmi: {card4}.", "Lazım olsa, şəxsiyyət vəsiqəmin şəklini göndərə bilərəm."),
    ),
    "refund": (
        ("{order} sifarişi üzrə pulun qaytarılması", "Ödənişi geri qaytarmağınızı xahiş edirəm",
         "Geri ödəniş tələbi"),
        ("{date} tarixində kartımdan {plan} tarifinin yenilənməsi üçün {amount} çıxılıb, halbuki bir neçə "
         "aydır xidmətdən istifadə etmirəm, sadəcə avtomatik yenilənməni söndürməyi unutmuşam. Zəhmət "
         "olmasa, pulu qaytarın. Sifariş: {order}.",
         "{date} tarixində {plan} tarifini aldım, amma saytda vəd olunan imkanlar yoxdur (saytın test "
         "nüsxəsi yoxdur). 30 günlük zəmanət çərçivəsində pulun qaytarılmasını xahiş edirəm, sifariş "
         "{order}.",
         "Başqa provayderə keçmişik. Zəhmət olmasa, abunəliyi dayandırın və istifadə olunmamış aylar üçün "
         "pulu qaytarın ({date} tarixində {amount} ödənilib)."),
        ("Bank çıxarışında ödəniş NIMBUS*{order} kimi görünür.", "Hesabda artıq heç nə yoxdur, saytlar "
         "silinib."),
    ),
    "double_charge": (
        ("Pul iki dəfə çıxılıb", "Kartdan ikiqat ödəniş", "Təkrar ödəniş: {amount}"),
        ("{invoice} nömrəli hesab-faktura üçün kartımdan iki dəfə pul çıxılıb: {date} tarixində hər biri "
         "{amount} olmaqla iki ödəniş. Artıq ödənişi qaytarmağınızı xahiş edirəm.",
         "Bank çıxarışında Nimbus-dan iki eyni ödəniş görünür, hər biri {amount}. \"Ödə\" düyməsini bir "
         "dəfə basdım, səhifə xəta verdi, sonra isə hər iki ödəniş keçdi.",
         "Mühasibimiz bu ay {plan} tarifinin iki dəfə ödənildiyini gördü, kartın son rəqəmləri {card4}. "
         "Zəhmət olmasa, araşdırın."),
        ("Çıxarışın ekran şəklini əlavə edirəm.", "İkinci ödənişin nömrəsi: {order}."),
    ),
    "invoice": (
        ("Hesab-fakturada şirkət rekvizitləri və VÖEN lazımdır", "Kabinetdə hesab-fakturaları tapa bilmirəm",
         "{invoice} hesab-fakturası ilə bağlı sual"),
        ("Zəhmət olmasa, {invoice} hesab-fakturasını şirkətimizin adına, VÖEN göstərilməklə yenidən "
         "tərtib edin. Mühasibatlıq fiziki şəxsin adına olan sənədi qəbul etmir.",
         "Şəxsi kabinetdə son üç ayın hesab-fakturalarını tapa bilmirəm. \"Ödəniş → Hesab-fakturalar\" "
         "bölməsi boşdur, halbuki ödənişlər keçib.",
         "{invoice} hesab-fakturasında məbləğ {amount} göstərilib, saytda isə {plan} tarifi daha ucuzdur. "
         "Bu, hansısa komissiyadır?"),
        ("Rekvizitləri fayl kimi əlavə etdim.", "Ayın sonuna qədər lazımdır, yoxsa rübü bağlaya "
         "bilməyəcəyik."),
    ),
    "payment_failed": (
        ("Ödəniş keçmədi, hesab dayandırılıb", "Kart rədd edildi, amma hər yerdə işləyir",
         "Xidmətlərimi niyə dayandırdınız?"),
        ("Bu gün səhərdən bütün saytlarım \"Hesab dayandırılıb\" göstərir. {amount} məbləğində ödənişin "
         "keçmədiyi barədə məktub gəldi, halbuki kartım hər yerdə normal işləyir.",
         "{invoice} hesab-fakturasını son rəqəmləri {card4} olan kartla üç dəfə ödəməyə çalışdım, "
         "\"Ödəniş rədd edildi\" yazır. Bank isə deyir ki, heç bir cəhd görmür.",
         "Heç bir xəbərdarlıq etmədən xidmətlərimizi dayandırmısınız. Bəli, kartın müddəti bitib, amma "
         "{years} ildir sizinləyik, heç olmasa xatırlatmaq olardı."),
        ("Yeni kart əlavə etdim, ödənişi təkrar yoxlaya bilərsiniz?", "Bank heç bir blok olmadığını "
         "təsdiqlədi."),
    ),
    "outage": (
        ("{domain} açılmır!", "Heç bir saytım açılmır", "Sayt daim çökür"),
        ("Təxminən saat {time} radələrindən {domain} açılmır. Ziyarətçilər bunu görür:\n\n{snippet}\n\n"
         "Bu, bizim onlayn mağazamızdır, hər dəqiqə sifariş itiririk.",
         "Heç bir saytım açılmır, hamısında {snippet} görünür. Status səhifənizdə isə hər şey qaydasındadır.",
         "Sayt bir neçə dəqiqədən bir çökür və yenidən açılır. Bu gün saat {time} radələrində başladı, mən "
         "heç nəyi dəyişməmişəm."),
        ("İndi açıldı, amma arabir yenə çökür.", "Monitorinqimizə görə sayt artıq 40 dəqiqədir işləmir."),
    ),
    "performance": (
        ("Sayt çox yavaş açılır", "İdarəetmə paneli çox ləngiyir", "Serverin cavab müddəti çox uzundur"),
        ("Keçən həftədən {domain} 10-15 saniyəyə açılır. Bizim tərəfdə heç nə dəyişməyib. Zəhmət olmasa, "
         "serverin həddindən artıq yüklənib-yüklənmədiyini yoxlayın.",
         "Saytın admin paneli o qədər ləngiyir ki, işləmək mümkün deyil: hər yadda saxlama yarım dəqiqə "
         "çəkir.",
         "PageSpeed serverin cavab müddətini 4,2 saniyə göstərir. {plan} tarifindəyik, daha yaxşı nəticə "
         "gözləyirdik."),
        ("Ən pis vəziyyət axşamlar, təxminən 19:00-dan 22:00-dək olur.", "Yoxlamaq üçün: "
         "https://{domain}/catalog"),
    ),
    "api_error": (
        ("API 500 xətası qaytarır", "İnteqrasiyamız sıradan çıxdı: HTTP 500",
         "Böyük dövr üçün API vaxt aşımına düşür"),
        ("Bu gün saat {time} radələrindən inteqrasiyamızın sorğularının təxminən yarısı 500 xətası ilə "
         "qayıdır:\n\n{snippet}\n\nKodumuzda heç nə dəyişməmişik. Problem sizin tərəfdədir?",
         "Gecə sinxronizasiyası bu xəta ilə dayandı:\n\n{snippet}\n\nAylardır problemsiz işləyirdi, iki "
         "dəfə yenidən başlatdıq.",
         "Böyük dövr üçün statistika sorğulayanda API vaxt aşımına düşür. Qısa dövr üçün işləyir. Sorğu "
         "nümunəsi: {request_id}."),
        ("Daha bir uğursuz sorğu: {request_id}.", "Yalnız POST sorğuları xəta verir, GET normal işləyir."),
    ),
    "api_auth": (
        ("API açarı işləmir", "Birdən 401 Unauthorized xətaları",
         "Yalnız oxumaq üçün API açarını necə yaradım?"),
        ("Paneldə yeni API açarı yaratdım, amma istənilən sorğuya belə cavab gəlir:\n\n{snippet}\n\n"
         "Açarı tam, boşluqsuz köçürmüşəm.",
         "İnteqrasiyamız birdən işləməyi dayandırdı, 401 xətaları gəlir. Açarı dəyişməmişik. "
         "Avtorizasiyada nəsə dəyişib?",
         "Yalnız oxumaq hüququ olan API açarını necə yarada bilərəm? Sənədlərdə scopes yazılıb, amma "
         "paneldə onları görmürəm."),
        ("Açar {date} tarixində yaradılıb.", "Sorğular serverimizdən gedir, IP: {ip}."),
    ),
    "rate_limit": (
        ("Daim 429 Too Many Requests alırıq", "API sorğu limiti çox aşağıdır",
         "Limit açar üzrədir, yoxsa hesab üzrə?"),
        ("Səhərdən bu cavabı tez-tez alırıq:\n\n{snippet}\n\nSaniyədə ən çoxu 5 sorğu göndəririk. "
         "Tarifimiz üçün real limit nə qədərdir?",
         "Panelimiz {count} müştəri üzrə kampaniya statistikasını toplayır və hər saat limitə dirənir. "
         "Hesabımız üçün limiti artırmaq olarmı?",
         "Limit açar üzrə hesablanır, yoxsa hesab üzrə? Fərqli açarlarla işləyən iki servisimiz var və "
         "hər ikisi eyni vaxtda məhdudlaşdırılır."),
        ("Gecikməli təkrar cəhdləri artıq əlavə etmişik.", "Tarifimiz: {plan}, əgər bunun əhəmiyyəti "
         "varsa."),
    ),
    "dns": (
        ("NS dəyişdikdən sonra domen açılmır", "www.{domain} hələ də köhnə serverə yönəlir",
         "MX qeydləri yox olub, poçt gəlmir"),
        ("{date} tarixində {domain} üçün sizin NS serverlərinizi yazdım, amma domen hələ də açılmır:\n\n"
         "{snippet}\n\nBu nə qədər çəkə bilər?",
         "DNS redaktorunda A qeydi və www üçün CNAME əlavə etdim, amma www.{domain} hələ də köhnə serverə "
         "yönəlir.",
         "DNS zonasını redaktə etdikdən sonra MX qeydləri yox oldu və {domain} ünvanına poçt gəlmir. "
         "Əvvəlki zonanı bərpa etmək olarmı?"),
        ("Registratorda artıq sizin NS-lər göstərilir.", "Telefondan sayt köhnə IP ilə açılır."),
    ),
    "ssl": (
        ("SSL sertifikatının müddəti bitib", "Pulsuz sertifikat \"Buraxılış gözlənilir\" statusunda qalıb",
         "www.{domain} üçün HTTPS işləmir"),
        ("{domain} saytında ziyarətçilər təhlükəsizlik xəbərdarlığı görür. Avtomatik yeniləmə aktiv olsa "
         "da, sertifikatın müddəti dünən bitib:\n\n{snippet}",
         "Üç gün əvvəl {domain} domenini tarifimə əlavə etdim, pulsuz sertifikat isə hələ də \"Buraxılış "
         "gözlənilir\" statusundadır.",
         "HTTPS {domain} üçün işləyir, www.{domain} üçün isə yox:\n\n{snippet}"),
        ("Chrome və Safari-də eyni xəbərdarlıq çıxır.", "DNS ayarlarına toxunmamışam."),
    ),
    "email_delivery": (
        ("Məktublarımız spama düşür", "{domain} poçtuna məktub gəlmir", "Məktublar göndərilmir"),
        ("{domain} qutularımızdan göndərdiyimiz bütün məktublar alıcılarda spam qovluğuna düşür. "
         "Müştərilər sifariş təsdiqlərini görmür.",
         "{date} tarixindən info@{domain} ünvanına heç nə gəlmir. Göndərənlər də heç bir xəta almır, "
         "məktublar sadəcə itir.",
         "Outlook-dan göndərəndə \"550 relay not permitted\" xətası çıxır. Qəbul işləyir, ayarlar "
         "təlimatınızdakı kimidir."),
        ("Saat {time} radələrində Gmail ünvanına test məktubu göndərdim, spama düşdü.",
         "Gündə təxminən 200 məktub göndəririk."),
    ),
    "feature_request": (
        ("Təklif: qaranlıq rejim", "Hesabatları CSV formatında ixrac etmək imkanı",
         "İdeya: müştərilərə avtomatik hesabatlar"),
        ("Paneldə qaranlıq rejim çox çatışmır. Axşamlar işləyirəm, ağ ekran gözümü yorur. Bu, "
         "planlaşdırılır?",
         "Zəhmət olmasa, kampaniya hesabatlarını CSV formatında ixrac etmək imkanı əlavə edin. Hazırda hər "
         "bazar ertəsi rəqəmləri cədvələ əl ilə köçürürəm.",
         "Müştərilərə kampaniya hesabatlarını həftədə bir dəfə avtomatik göndərmək imkanı olsa, əla "
         "olardı. Agentliyimiz {count} hesabı idarə edir, əl ilə bu, saatlar aparır."),
        ("Həmkarlarım da eyni şeyi istəyir.", "Beta versiya olsa, sınamağa hazırıq."),
    ),
    "ad_stats": (
        ("Hesabatdakı kliklər analitika ilə uyğun gəlmir", "Göstərişlər sıfıra düşüb",
         "Kampaniya statistikası gecə dəyişib"),
        ("\"{campaign}\" kampaniyasında Nimbus Ads {count} klik göstərir, bizim analitika isə cəmi {count2} "
         "keçid görür. Bu fərq haradan yaranır?",
         "{date} tarixindən bütün kampaniyalarımızda göstərişlər sıfırdır, büdcə isə xərclənir. "
         "Statistika xarab olub?",
         "\"{campaign}\" üzrə dünənki statistika gecə dəyişib: kliklər azalıb, xərc artıb. Hansı rəqəmlər "
         "yekundur?"),
        ("İndiyə qədər xərclənib: {amount}.", "Kampaniya yalnız Bakı və Gəncəyə yönəlib."),
    ),
    "ad_moderation": (
        ("Reklam izahatsız rədd edilib", "Reklam moderasiyada ilişib qalıb",
         "Reklamımı niyə yenə rədd etdiniz?"),
        ("\"{campaign}\" reklamımı \"Qaydaların pozulması\" səbəbi ilə rədd etmisiniz. Hansı qaydanın? Bu, "
         "çörəkxanamızın adi reklamıdır.",
         "\"{campaign}\" kampaniyası üç gündür \"Moderasiyada\" statusundadır. Reklam etdiyimiz endirim "
         "cümə günü bitir.",
         "Banneri dediyiniz kimi düzəltdik, yenə eyni səbəblə rədd edildi. Konkret olaraq nə problemdir?"),
        ("Açılış səhifəsi: https://{domain}/sale.", "Eyni şəkilli digər reklamlar təsdiqlənib."),
    ),
    "account_deletion": (
        ("Hesabımı silin", "Hesabımı bağlamağınızı və məlumatlarımı silməyinizi xahiş edirəm",
         "Şəxsi məlumatların silinməsi"),
        ("Zəhmət olmasa, {email} hesabımı və mənim haqqımda saxladığınız bütün şəxsi məlumatları silin. "
         "Silindikdən sonra təsdiq edin.",
         "Hesabımı bağlamaq istəyirəm, amma ayarlarda silmə düyməsi yoxdur, yalnız \"Dayandır\" var. Bunu "
         "necə edim?",
         "Şirkətimiz fəaliyyətini dayandırır. Zəhmət olmasa, hesabı silin və son rəqəmləri {card4} olan "
         "kartdan bir daha pul çıxılmayacağına əmin olun."),
        ("Lazım olan hər şeyi artıq yükləmişəm.", "Hesabda aktiv sayt yoxdur."),
    ),
    "data_export": (
        ("Bütün məlumatlarımı necə ixrac edim?", "Məlumat ixracı 80%-də ilişib qalıb",
         "Yüklənən arxiv zədəlidir"),
        ("Bütün saytları, verilənlər bazalarını və poçtu birdəfəlik necə yükləyə bilərəm? Daxili audit "
         "aparırıq.",
         "{date} tarixində tam ixracı başlatdım, hələ də \"Hazırlanır... 80%\" yazır. İlişib qalıb?",
         "Yüklədiyim arxiv zədəlidir: zip açılmır, həcmi cəmi 2 MB-dır."),
        ("Hesabda təxminən 12 GB məlumat var.", "Mümkünsə, bu həftə ərzində lazımdır."),
    ),
    "mobile_crash": (
        ("Tətbiq açılan kimi bağlanır", "\"Statistika\" bölməsində tətbiq çökür",
         "Tətbiq giriş ekranında donur"),
        ("Nimbus tətbiqi açılan kimi bağlanır. {device}, tətbiq versiyası {app_version}. Yenidən "
         "quraşdırmaq kömək etmədi.",
         "Son yenilənmədən sonra \"Statistika\" bölməsini açanda tətbiq bağlanır. Qalan hər şey işləyir. "
         "Telefon: {device}.",
         "Tətbiq giriş ekranında donur və bağlanır. {app_version} versiyasına yenilədikdən sonra başladı."),
        ("Həmkarımın telefonunda da eyni problem var.", "Ekran yazısını göndərə bilərəm."),
    ),
    "plan_change": (
        ("{plan} tarifinə keçid", "Tarifimi necə aşağı salım?", "Ayın ortasında tarif dəyişikliyi"),
        ("Bu gün Starter tarifindən {plan} tarifinə keçmək istəyirik. Tam məbləği ödəyəcəyik, yoxsa yalnız "
         "bu ay üçün fərqi?",
         "Trafikimiz azalıb, daha ucuz tarifə keçmək istəyirəm. Artıq saytlarla nə olacaq?",
         "İndi tarifi dəyişsəm, IP ünvanım qalacaq? Köçürmə zamanı saytlar dayanmayacaq ki?"),
        ("İllik ödəyirik.", "Hesab: {email}."),
    ),
    "backup_restore": (
        ("Faylları səhvən silmişəm", "Saytı dünənki ehtiyat nüsxəyə qaytarın", "Ehtiyat nüsxələr haradadır?"),
        ("{domain} saytında məhsul şəkilləri olan qovluğu səhvən sildim. {date} tarixli ehtiyat nüsxədən "
         "bərpa etmək olarmı?",
         "Plaginin yenilənməsi bütün saytı sıradan çıxardı. Zəhmət olmasa, {domain} saytını dünənki "
         "ehtiyat nüsxəyə qaytarın — həm faylları, həm də bazanı.",
         "Paneldə ehtiyat nüsxələri harada tapa bilərəm? Yalnız \"Snapşotlar\" bölməsini görürəm, o da "
         "boşdur."),
        ("Yalnız wp-content/uploads qovluğu lazımdır.", "Baza qaydasındadır, yalnız fayllar."),
    ),
    "domain_transfer": (
        ("Domeni Nimbus-a köçürmək", "{domain} üçün avtorizasiya kodu lazımdır", "Domen transferi alınmadı"),
        ("{domain} domenini hazırkı registratordan sizə köçürmək istəyirəm. Bunun üçün nə lazımdır və "
         "köçürmə zamanı sayt işləməyi dayandırmayacaq ki?",
         "Zəhmət olmasa, {domain} üçün avtorizasiya (EPP) kodunu göndərin, domeni başqa registratora "
         "köçürürəm.",
         "{domain} transferi \"Domain is locked\" xətası ilə alınmadı. Bloku hələ {date} tarixində "
         "götürmüşəm."),
        ("Domenin müddəti iki aya bitir.", "Domen sahibinin e-poçtu: {email}."),
    ),
    "team_access": (
        ("Proqramçıya ödənişlərsiz giriş", "Dəvət məktubu gəlməyib", "Keçmiş əməkdaşın girişini silin"),
        ("Proqramçımıza saytlara giriş verib, ödənişlərə isə giriş verməmək üçün nə etməliyəm? Onun "
         "e-poçtu: {colleague}.",
         "{date} tarixində {colleague} ünvanına dəvət göndərdim, amma dəvət məktubu gəlməyib.",
         "Keçmiş əməkdaşın hələ də hesabımıza girişi var. Zəhmət olmasa, onu təcili silin: {colleague}."),
        ("Hesabın sahibi mənəm.", "Giriş təxminən bir aylıq lazımdır."),
    ),
    "webhooks": (
        ("{date} tarixindən webhook çağırışı yoxdur", "Webhook imzası yanlışdır",
         "Hər webhook bir neçə dəfə gəlir"),
        ("{date} tarixindən endpointimizə bir dənə də webhook gəlməyib:\n\n{snippet}\n\nEndpoint işləyir, "
         "curl ilə yoxlamışıq.",
         "Webhook-larınızın imza yoxlaması heç bir hadisə üçün keçmir. Sirri paneldən götürürük, "
         "sənədlərdə olduğu kimi HMAC-SHA256 istifadə edirik.",
         "Hər webhook üç-dörd dəfə gəlir. Belə olmalıdır? Bu səbəbdən sistemimizdə sifarişlər təkrarlanır."),
        ("Hadisə id nümunəsi: {request_id}.", "Serverimiz 100 ms-dən tez 200 cavabı qaytarır."),
    ),
    "ssh_access": (
        ("SSH ilə qoşula bilmirəm", "SFTP: Connection refused", "SSH açarını necə əlavə edim?"),
        ("Artıq hostinqə SSH ilə qoşula bilmirəm:\n\n{snippet}\n\nKeçən həftə işləyirdi.",
         "FileZilla 22-ci portda \"Connection refused\" yazır. Login və şifrəni paneldən götürmüşəm.",
         "Hesabıma SSH açarını necə əlavə edim? Ayarlarda yalnız şifrə ilə giriş görürəm."),
        ("IP ünvanım: {ip}.", "Ola bilsin ki, şifrəni bir neçə dəfə səhv yazmışam."),
    ),
    "cancellation": (
        ("Abunəliyimi ləğv edin", "Abunəliyi ləğv etmə düyməsi işləmir", "Ləğvdən sonra nə olacaq?"),
        ("Zəhmət olmasa, {plan} tarifinə abunəliyimi ləğv edin. {next_date} tarixində yenilənməsini "
         "istəmirəm.",
         "Paneldə abunəliyi ləğv etməyə çalışdım, amma düymə işləmir. Zəhmət olmasa, özünüz ləğv edin və "
         "məktubla təsdiqləyin.",
         "Ayın sonundan Nimbus-dan istifadəni dayandırırıq. Ləğvdən sonra saytlarımız və domenlərimizlə nə "
         "olacaq?"),
        ("Hesabın e-poçtu: {email}.", "Yazılı təsdiq almaq istərdim."),
    ),
}
"""Scenario key -> (subjects, first-message bodies, extra details for follow-ups)."""
