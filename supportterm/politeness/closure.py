"""Provides `closed_without_help`: closing the ticket in a reply that refuses and offers no way forward.

Why: "I'm afraid there's nothing more I can tell you, so I'll go ahead and close this request" and
"Это вопрос к производителю, мы тут ничем не поможем. Тикет закрываю." shut the door on the customer,
while "The fix is live, so I'll close the ticket; just reply if anything looks wrong" is good service.
The closing words are the same; what differs is the rest of the reply: a refusal ("nothing more",
"outside the scope", "не можем", "aid deyil") and no way back (reply, reopen, "напишите", "yazın").
So the rule reads the whole reply, not a phrase: any way of announcing the closure counts, in the
agent's voice or the passive ("This ticket will now be closed", "müraciətinizi bağlayırıq").
A closing with no way back is also a brush-off when nothing in the reply says the problem is solved or
something was done ("Panels show that now and then. I'll close this ticket for now."): every fine
closing of the labelled sets first says so ("Great to hear it's working again", "I've refunded …").
"""

from __future__ import annotations

import re

from .findings import Finding, finding, translatable
from .frame import body_span
from .openers import search_at_openers
from .prepared import Prepared

_CLOSING = {
    "en": re.compile(
        r"\b(?:i|we|i've|we've|i'll|we'll|i'm|we're)\s+(?:have\s+|will\s+|am\s+|are\s+)?(?:now\s+|just\s+|already\s+|"
        r"going\s+to\s+|go\s+ahead\s+and\s+|gone\s+ahead\s+and\s+)*(?:close|closed|closing)\s+"
        r"(?:this|the|your)\s+(?:ticket|request|case|conversation|thread|enquiry|inquiry|query|chat|one)\b"
        r"|\b(?:this|the|your)\s+(?:ticket|request|case|enquiry|inquiry|query|conversation)\s+(?:will\s+(?:now\s+)?be"
        r"|has\s+(?:now\s+)?been|is\s+now|is\s+being)\s+closed\b"
        r"|\b(?:i'll|we'll|i\s+will|we\s+will|i'm\s+going\s+to|we're\s+going\s+to)\s+mark\s+(?:this|it|the|your)\s+(?:one\s+|ticket\s+|request\s+|case\s+)?as\s+(?:resolved|closed|solved)\b"
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:закрываю|закрываем|закрою|закроем|закрыл|закрыла|закрыли)\s+(?:\w+\s+)?"
        r"(?:обращение|заявку|тикет|вопрос|запрос)(?![\w-])"
        r"|(?<![\w-])(?:обращение|заявка|тикет|запрос)\s+(?:№\s*[\w-]+\s+|\w+\s+)?(?:будет\s+)?закрыт\w*"
        r"|(?<![\w-])(?:обращение|заявку|тикет|вопрос|запрос)\s+(?:№\s*[\w-]+\s+|[\w-]+\s+){0,2}(?:закрываю|закрываем|закрою|закроем)(?![\w-])"
    ),
    "az": re.compile(
        r"(?<!\w)(?:müraciəti|müraciətinizi|sorğunu|sorğunuzu|bileti|tiketi|sualı|sualınızı|yazışmanı)\s+(?:\w+\s+)?"
        r"(?:bağlayıram|bağlayırıq|bağladım|bağladıq|bağlayacağıq|bağlayacağam)(?!\w)"
        r"|(?<!\w)(?:müraciət|sorğu|bilet|tiket|sual)\w*\s+(?:\w+\s+)?(?:\w+\s+və\s+)?bağlan(?:dı|ıb|acaq|ır)(?!\w)"
    ),
}
"""The agent announcing that the ticket is (being) closed."""
_REFUSAL = {
    "en": re.compile(
        r"\b(?:nothing\s+(?:more|else|further)|can't|cannot|unable\s+to|not\s+able\s+to|not\s+possible|outside|beyond"
        r"|not\s+(?:something|anything|our|a|an|in\s+our)\b|isn't\s+(?:something|our)|no\s+(?:further|more|information)\b"
        r"|between\s+you\s+and|refer\s+to|not\s+obliged|don't\s+(?:handle|support|cover|do|have\s+(?:any\s+)?information)|we\s+won't"
        r"|(?:handled|dealt\s+with|managed)\s+by\s+(?:another|a\s+different|the\s+other)\s+(?:department|team)"
        r"|isn't\s+(?:really\s+)?anything\s+for\s+us|nothing\s+for\s+us\s+to|(?:on|in)\s+our\s+(?:website|site|faq|help\s+cent(?:re|er))"
        r"|somewhere\s+on\s+our|(?:listed|all)\s+on\s+the\s+(?:website|site)|rather\s+than\s+(?:for\s+)?us"
        r"|works?\s+(?:fine|normally)\s+for\s+other)"
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:не\s+(?:можем|могу|сможем|смогу|входит|обязан\w*|относится|к\s+нам|ко\s+мне|занимаемся|поможем)"
        r"|ничем|нет\s+возможности|невозможно|вопрос\s+к|не\s+располагаем|нам\s+неизвестн\w*"
        r"|нет\s+(?:информации|сведений|данных)|на\s+(?:нашем\s+)?сайте|не\s+готовы|работает\s+штатно|у\s+других\s+клиентов)(?![\w-])"
    ),
    "az": re.compile(
        r"(?<!\w)(?:aid\s+deyil|mümkün\s+deyil|bilmərik|bilmərəm|cavabdeh\s+deyil|heç\s+nə|məşğul\s+olmuruq|cavab\s+verilmir"
        r"|səlahiyyət\w*|məlumat\s+verilmir|məlumatımız\s+yoxdur|məlumat\s+yoxdur|saytımızda|xəbər\s+veriləcək|digər\s+müştərilərdə)(?!\w)"
    ),
}
"""A refusal or a brush-off somewhere in the reply ("we have no information about future events", «не располагаем»)."""
_ONE_OF_MANY = {
    "en": re.compile(
        r"\b(?:(?:very\s+)?(?:high|large)\s+number\s+of|a\s+lot\s+of|lots\s+of|many|plenty\s+of|loads\s+of|several|quite\s+a\s+few)\s+(?:tickets|requests|messages"
        r"|e-?mails|reports|complaints|questions)\s+(?:about|on|like)\s+(?:this|that|it)\b"
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:поступило|поступает|было|получили)\s+(?:уже\s+)?(?:много|немало|десятки|сотни)\s+"
        r"(?:обращений|заявок|жалоб|вопросов|писем)(?![\w-])|(?<![\w-])(?:большой|огромный)\s+поток\s+обращений"
    ),
    "az": re.compile(
        r"(?<!\w)(?:çoxlu|bir\s+çox|onlarla|yüzlərlə)\s+(?:müraciət|sorğu|şikayət|məktub)\w*(?!\w)"
    ),
}
"""'We've had a lot of tickets about this already': in a short reply that closes the ticket, a brush-off."""
_NOTHING_ELSE = 6
"""Letters of a body, beside the closing, up to which it says nothing ("Salam." left by the frame);
"The fix is live, so" (13) is an answer."""
_FORMALITIES = {
    "en": re.compile(
        r"\b(?:thank\s+you|thanks)\s+(?:for\s+(?:your\s+(?:message|email|e-mail|request|enquiry|inquiry|patience)"
        r"|contacting\s+us|getting\s+in\s+touch|reaching\s+out))\W*"
        r"|\b(?:your\s+(?:request|enquiry|inquiry|case)\s+has\s+been\s+(?:reviewed|looked\s+at|processed))\W*"
        r"|\bif\s+(?:this|the\s+(?:issue|question|problem))\s+is\s+still\s+(?:relevant|open|an\s+issue)\W+(?:please\s+)?"
        r"(?:open|create|submit)\s+a\s+new\s+(?:ticket|request|one)\W*"
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:благодарим|спасибо|благодарю)\s+за\s+(?:обращение|письмо|сообщение|ваше\s+обращение|ожидание)\W*"
        r"|(?<![\w-])(?:ваш[ае]?\s+)?(?:вопрос|обращение|заявка)\s+(?:был[ао]?\s+)?(?:рассмотрен[ао]?|обработан[ао]?)\W*"
        r"|(?<![\w-])если\s+(?:вопрос|проблема)\s+(?:все\s+еще\s+|еще\s+|по-прежнему\s+|останется\s+|будет\s+)?актуал\w+\W+"
        r"(?:создайте|откройте|оформите)\W+(?:пожалуйста\W+)?(?:новое|новую|новый)(?:\s+(?:обращение|заявку|запрос))?"
        r"(?:\s+через\s+\w+(?:\s+\w+)?)?\W*"
    ),
    "az": re.compile(
        r"(?<!\w)(?:təşəkkür\s+edirik|təşəkkür\s+edirəm|müraciətiniz\s+üçün\s+təşəkkür\s+edirik)\W*"
        r"|(?<!\w)(?:sual|müraciət|sorğu)\w*\s+baxıl(?:ıb|dı)\W*"
    ),
}
"""Words that say nothing about the customer's question: thanks for writing, "your request has been reviewed",
"if it is still relevant, open a new one". Beside a closing, a body of only these closes without an answer."""
_SHORT_BODY = 100
"""Characters of a reply's body, beside the closing, below which "many tickets about this already" is all
it says."""
_WAY_BACK = {
    "en": re.compile(
        r"https?://|\b(?:reopen\w*|reply|respond|let\s+(?:me|us)\s+know|feel\s+free|get\s+back|contact\s+us|reach\s+out"
        r"|write\s+back|happy\s+to|glad\s+to|hesitate|here\s+is|here's|you\s+can\s+(?:call|contact|reach|write)"
        r"|their\s+(?:number|phone|address|website|contact))\b"
    ),
    "ru": re.compile(
        r"https?://|(?<![\w-])(?:ответьте|напишите|пишите|обращайтесь|свяжитесь|переоткр\w*|открыть\s+(?:снова|заново)"
        r"|рад\w*\s+помочь|если\s+(?:что|у\s+вас|появятся|возникнут|остались)|вот\s+(?:их|его|ее)|телефон\w*|ссылк\w*)"
        r"(?![\w-])"
    ),
    "az": re.compile(
        r"https?://|(?<!\w)(?:yazın|yazsanız|bildirsəniz|xəbər\s+versəniz|cavab\s+verin|əgər|yenidən\s+aç\w*|məmnuniyyətlə|əlaqə\s+saxlayın|keçid\w*"
        r"|müraciət\s+edə\s+bilərsiniz|nömrə\w*|telefon\w*)(?!\w)"
    ),
}
"""A way forward: reply, reopen, a contact or a link. With one, closing the ticket is good service."""
_DONE = {
    "en": re.compile(
        r"\b(?:great|glad|good|happy|pleased|lovely)\s+to\s+hear|\bworking\s+(?:again|now|fine|properly)"
        r"|\b(?:is|are|it's|that's|everything's|everything\s+is)\s+(?:now\s+|all\s+)?(?:sorted|fixed|resolved|working|live|done|back)\b"
        r"|\b(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+|also\s+)?(?:refunded|sent|fixed|updated|processed|changed"
        r"|cancell?ed|booked|issued|reset|added|applied|moved|rebooked|arranged|credited|corrected|restored|unlocked"
        r"|reactivated|replaced|removed|released|shipped|re-?sent|approved|extended|waived|scheduled|ordered|paid)\b"
        r"|\bhas\s+(?:now\s+|just\s+|already\s+)?been\s+(?:refunded|sent|fixed|updated|processed|changed|cancell?ed|booked"
        r"|issued|reset|added|applied|moved|credited|corrected|restored|unlocked|replaced|removed|released|shipped"
        r"|approved|extended|waived|delivered|resolved|paid|scheduled)\b"
        r"|\b(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:confirming|letting\s+(?:me|us)\s+know|the\s+update)"
        r"|\breopened\b|\b(?:is|are|has\s+been)\s+(?:now\s+)?(?:complete|completed|active\s+again)\b"
        r"|\b(?:was|were|been)\s+(?:already\s+|successfully\s+)?(?:delivered|dispatched|shipped|approved)\b"
        r"|\bon\s+(?:its|their|the)\s+way\b|\b(?:will|should)\s+(?:now\s+|still\s+)?(?:arrive|reach\s+you|be\s+with\s+you)\b"
        r"|\b(?:is|are)\s+(?:now\s+)?ready\b"
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:рад\w*\s+(?:слышать|что)|заработал\w*|(?:всё|все)\s+работает|исправлен\w*|исправил\w*|вернул\w*"
        r"|отправил\w*|оформил\w*|перевел\w*|перевёл\w*|зачислен\w*|возврат\s+(?:оформлен|отправлен|выполнен|проведён|проведен)\w*"
        r"|спасибо,?\s+что\s+(?:сообщили|написали)|спасибо\s+за\s+подтвержд\w+|решен[аоы]?|решён|уже\s+готов\w*"
        r"|доставлен\w*|завершен[аоы]?|завершён|открыл\w*\s+(?:\w+\s+)?(?:заново|снова)|в\s+пути|отправлен\w*"
        r"|придёт|придет|прибудет|поступят|поступит)(?![\w-])"
    ),
    "az": re.compile(
        r"(?<!\w)(?:eşitməyə\s+şad\w*|şadıq\s+ki|şadam\s+ki|düzəldi|düzəltdik|düzəldil(?:di|ib)|həll\s+olun(?:du|ub|acaq)"
        r"|həll\s+edil(?:di|ib|əcək)|qaytarıl(?:dı|ıb|acaq)|qaytardıq|göndərdik|göndərildi|göndərilib|təsdiq\s+etdiyiniz"
        r"|xəbər\s+verdiyiniz|(?:artıq|yenidən|hər\s+şey)\s+işləyir|hazırdır|tamamlandı|tamamlanıb|yenidən\s+açdı\w*"
        r"|çatdırıl(?:dı|ıb|acaq)|yoldadır|hazır|şadıq|şadam|həll\s+olunmasına|daxil\s+olacaq|köçürül(?:dü|üb|əcək))(?!\w)"
    ),
}
"""The reply says the problem is solved or something was done ("Great to hear it's working", "I've refunded
…"): then closing the ticket is the end of good service, even without a way back."""
_NEEDS = {"en": ("clos", " as resolved", " as solved"), "ru": ("закр",), "az": ("bağla",)}
"""Substrings one of which every closing contains: most replies skip the patterns."""
CLOSING_OPENERS = {
    "ru": ("закр", "обращение", "заявк", "тикет", "запрос", "вопрос"),
    "az": ("müraciət", "sorğu", "bilet", "tiket", "sual", "yazışma"),
}
"""Strings every closing of these languages opens with: the pattern is tried only where they occur
(its look-behind gives `re` nothing to skip to). English closings open with "i", "we", "the": no gain."""


_LETS = re.compile(r"\blet's\b|\blet\s+us\b|(?<!\w)(?:давайте|на\s+этом)(?!\w)|(?<!\w)gəlin(?!\w)")
"""«…, и давайте на этом закроем вопрос»: closing the discussion, an argument, not the ticket."""


def announces_closing(lang: str, folded: str, start: int, end: int) -> bool:
    """True when folded[start:end] announces closing the ticket ("I'll close this ticket now"): the learned
    backstop leaves such sentences to `closed_without_help`, which reads the rest of the reply."""
    needles = _NEEDS.get(lang)
    if needles is None or not any(needle in folded[start:end] for needle in needles):
        return False
    return _CLOSING[lang].search(folded, start, end) is not None and _LETS.search(folded, start, end) is None


def closed_without_help(prep: Prepared) -> list[Finding]:
    """A dismissive finding for closing the ticket with no way back, in a reply that refuses, says
    nothing else, or does not say the problem is solved."""
    needles = _NEEDS.get(prep.lang)
    if needles is None or not any(map(prep.folded.__contains__, needles)):
        return []
    openers = CLOSING_OPENERS.get(prep.lang)
    pattern = _CLOSING[prep.lang]
    m = search_at_openers(pattern, prep.folded, openers) if openers else pattern.search(prep.folded)
    if m is None or _WAY_BACK[prep.lang].search(prep.folded):
        return []
    if _REFUSAL[prep.lang].search(prep.folded):
        message = translatable(
            "Closes the ticket after a refusal with no way back: say where to go next, or keep it open."
        )
    elif _says_nothing_else(prep, m.start(), m.end()) or not _DONE[prep.lang].search(prep.folded):
        message = translatable(
            "Closes the ticket without an answer: say what was done or where to go next, or keep it open."
        )
    else:
        return []
    return [finding("dismissive", m.start(), m.end(), message)]


def _says_nothing_else(prep: Prepared, start: int, end: int) -> bool:
    """True when, beside the closing, the body holds next to nothing ("Müraciətiniz bağlanıb.") or only
    says the customer is one of many ("Many requests about this already. Closing the ticket.")."""
    body_start, body_end = body_span(prep.folded, prep.lang, prep.text)
    rest = _FORMALITIES[prep.lang].sub(" ", prep.folded[body_start:start] + " " + prep.folded[end:body_end])
    letters = sum(ch.isalpha() for ch in rest)
    if letters < _NOTHING_ELSE:
        return True
    return len(rest.strip()) < _SHORT_BODY and _ONE_OF_MANY[prep.lang].search(rest) is not None
