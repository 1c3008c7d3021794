"""Provides the confidentiality rules: business figures, internal markers and team-listed terms.

A figure word ("revenue", "оборот", "dövriyyə", "our customers") counts only with a number in the
same sentence: "our revenue team" is fine, "revenue was $4.2M" is not; nor does a sentence that
refuses to share the figures ("we don't disclose internal numbers", "не раскрываем"), nor the
customer's own figures ("your revenue report shows $4,200", "ваша выручка", "dövriyyəniz").
"""

from __future__ import annotations

import re

from . import lexicons
from .findings import Finding, finding, translatable, worded_finding
from .folding import fold
from .literals import Needs, may_match, required_literals
from .prepared import Prepared

_NUMBER = re.compile(
    r"[$€£₽₼EUGAR\d]"
    r"(?:(?<=[$€£₽₼])\s*\d"
    r"|(?<!\w[EUGAR])(?:(?<=E)UR|(?<=U)SD|(?<=G)BP|(?<=A)ZN|(?<=R)UB)\s*\d"
    r"|(?<=\d)(?:[\d\s.,]*\s*(?:%|[kKmM]\b|bn\b|mln|млн|млрд|тыс|milyon|milyard|min\b|million|billion|"
    r"thousand|manat|рубл|faiz|процент|percent|\$|€)|\d{0,2}(?:[ ,.\u00a0]\d{3})+|\d{2,}))"
)
r"""A number or an amount: `[$€£₽₼]\s*\d | \b(?:EUR|USD|GBP|AZN|RUB)\s*\d | \d[\d\s.,]*\s*unit
| \d{1,3}(?:[ ,.\u00a0]\d{3})+ | \d{3,}`, written to open with one class of every first character
(each branch then checks which one it got): `re` skips ahead to those, where the `\b` branch made it
try every position of the sentence (5× slower). Only ever asked whether a sentence has one."""
_SENTENCE_END = re.compile(r"[\n.!?](?:(?<=\n)|(?<!тыс.)(?<!млн.)(?<!млрд.)(?<!руб.)(?<!mln.)(?:\s|$))")
"""A full stop after an abbreviated unit ('640 тыс. абонентов') does not end the sentence.

The pattern opens with its character class, so `re` skips to the next candidate in C; with the
look-behinds first, it ran all five at every position of the paragraph (4× slower)."""
_REFUSAL = re.compile(
    r"(?:\b(?:don't|do\s+not|can't|cannot|won't|never|not\s+able\s+to|unable\s+to)\s+(?:\w+\s+)?"
    r"(?:share|disclose|publish|reveal|give\s+out|comment\s+on)\b"
    r"|(?<![\w-])не\s+(?:раскрываем|разглашаем|публикуем|сообщаем|делимся|называем|можем\s+(?:раскрыть|поделиться"
    r"|сообщить|назвать|разглашать))"
    r"|(?<!\w)(?:paylaşmırıq|açıqlamırıq|bildirmirik|dərc\s+etmirik|(?:açıqlaya|paylaşa|deyə)\s+bilmərik))",
    re.I,
)
"""'We don't disclose internal figures' names a figure word to refuse it: no finding."""
_PLAN_ALLOWANCE = re.compile(
    r"\b(?:tier|plan|subscription|package|bundle)s?\s+(?:\w+\s+)?(?:covers|includes|allows|gives|offers|comes\s+with)\b"
    r"|(?<![\w-])(?:тариф|план|подписк|пакет)\w*\s+(?:\w+\s+)?(?:включает|дает|позволяет|покрывает)"
    r"|(?<!\w)(?:tarif|paket|plan|abunə)\w*\s+(?:\w+\s+){0,3}?(?:daxildir|əhatə\s+edir|imkan\s+verir)"
)
"""'The free tier covers 10k requests a month': what a plan includes is public, not a business figure."""
_PLAN_ALLOWANCE_NEEDS = required_literals(_PLAN_ALLOWANCE.pattern)
"""A plan word and a verb of each language: a sentence without them (most) skips the search, which its
`\b` and look-behind openings make `re` try at every position."""
_YOURS_BEFORE = re.compile(r"(?:\byour|(?<![\w-])ваш\w*|(?<!\w)sizin)\s+(?:[\w$€£₽₼.,-]+\s+){0,2}$")
"""'your return rate', 'Your $312 in earnings': a second-person owner up to two words before the figure word."""
_YOURS_SUFFIX = re.compile(r"(?:[ıiuü]n[ıiuü]z|n[ıiuü]z)(?:[ıiuü]n|d[əa]n|d[əa]|[əa])?$")
"""'Your revenue report', 'ваша выручка', 'dövriyyəniz': the customer's own figures are theirs to hear."""
_REPORT_FIELD = re.compile(
    r"\s+(?:в\s+(?:этом\s+)?отч[её]т\w*|in\s+(?:the|this)\s+report|on\s+(?:the|this)\s+(?:report|dashboard)|hesabatda)"
    r"(?!\s+(?:компании|наш\w*|of\s+the\s+company|company|our|şirkətin|bizim))"
)
"""'Выручка в отчёте — это все продажи по кассе': a field of the customer's own report (a till or shop
service explaining it), not the company's revenue; 'в отчёте компании' stays the company's."""


YOURS_WORD = re.compile(
    r"\byour\b|(?<!\w)ваш\w*|(?<!\w)sizin(?!\w)"
    r"|\w+(?<![sd][ıiuü])(?<!\byal)(?<!\bd[əe])n[ıiuü]z(?:[ıiuü]n|d[əa]n|d[əa]|[əa]|[ıiuü])?(?!\w)"
)
"""A second-person owner: "your", «ваш…», "sizin" or an Azerbaijani possessive ending ("mağazanızda"), not a
second-person verb ("deyilsiniz"), nor "yalnız" (only) or "dəniz" (sea). Also read word by word by `figures`."""
_OURS_ANYWHERE = re.compile(
    r"\b(?:our|ours|we|we're|we've|us)\b|(?<![\w-])(?:наш\w*|мы|нас|нам)(?![\w-])"
    r"|(?<!\w)(?:biz|bizim|bizdə|bizə|bizdən)(?!\w)|\w+m[ıiuü]z(?:[ıiuü]n|d[əa]n|d[əa]|[əa]|[ıiuü])?(?!\w)"
)
"""A first-person owner. 'Məlumatlarınıza görə satışlarınız 48 300 manat, … ayın mənfəəti 17 100 manatdır':
in a sentence about the customer's own books (a `YOURS_WORD`, no first-person owner) a figure word is theirs."""
_DISCOUNT = (
    r"(?:\boff\b|\bextra\b|discount\w*|cashback|скидк\w*|кешбэк\w*|кэшбэк\w*|дополнительн\w*|endirim\w*|keşbek\w*"
    r"|əlavə|\bfees?\b|surcharge|берёт|берет|берём|берем|возьм\w*|покрыва\w*|компенсиру\w*|\bcovers?\b|götürür\w*)"
)
_PERCENT = r"\d+(?:[.,]\d+)?\s*%(?:-?\w+)?"
OFFER = re.compile(rf"{_PERCENT}\s+(?:\S+\s+)?{_DISCOUNT}|{_DISCOUNT}\s+(?:\S+\s+)?(?:в\s+|of\s+)?{_PERCENT}")
"""'20% off', 'скидка 20%', '20% endirim', '25% extra time', 'a 12% service fee': a public offer or price
next to its percentage, not a company figure (not a commission: '22% komissiya alırıq' from partners is one)."""
_PERCENT_ONLY = re.compile(_PERCENT)
_PRICE = re.compile(r"[$€£₼₽]\s*\d[\d.,]*|\d[\d\s.,]*\s*(?:₽|руб\w*|azn|manat\w*|₼|eur|usd|gbp)(?!\w)")
"""'стоимость 9 500 ₽, из них 50% компания берёт на себя': a price beside the offer is public too."""
ORDER_CONDITION = re.compile(
    r"\d+(?:\s+ədəddən|\s+ədədən|-?dan|-?dən)\s+(?:yuxarı|artıq|çox)\s+(?:\w+\s+)?sifariş"
    r"|orders?\s+(?:of|over|above)\s+\d+|при\s+заказе\s+от\s+\d+"
    r"|заказ\w*\s+от\s+\d+\s+(?:штук|шт|единиц)"
)
"""'1000 ədəddən çox sifarişlərdə … pulsuz göndəririk', 'on orders over 200 units', «при заказе от 100 штук»:
an order size named as a condition of the offer, public with or without a discount word beside it."""
ORDER_THRESHOLD = re.compile(
    r"(?:over|above|from|more\s+than)\s+\d+\s+(?:items|units|pieces|pcs|cupcakes|boxes)"
    r"|от\s+\d+\s+(?:штук|шт|единиц|позиций)|\d+\s+(?:ədəddən|ədədən)\s+(?:yuxarı|artıq|çox)"
    rf"|{ORDER_CONDITION.pattern}"
)
"""'200 ədəddən yuxarı sifarişlərdə 10% endirim', 'from 50 units', '30-dan çox pəncərə sifarişində': the
size of order a public offer starts at (every `ORDER_CONDITION` is one)."""


def public_offer(folded: str, left: int, right: int) -> bool:
    """True for a sentence whose every number is a percentage or a price, and one percentage a discount or a share
    the company covers."""
    if not OFFER.search(folded, left, right):
        return False
    rest = _PERCENT_ONLY.sub("", folded[left:right])
    if any(map(str.isdigit, rest)):  # C-level, no generator
        rest = ORDER_THRESHOLD.sub("", _PRICE.sub("", rest))
    return not any(map(str.isdigit, rest))


def _break_end(text: str, at: int) -> int:
    """The end of the sentence end that starts at `at` (as `_SENTENCE_END.finditer` lists them), or -1.

    `_SENTENCE_END` matches there, and the character is not the space its match at `at - 1` took in
    ('.\n': the full stop's match takes the newline). A look-behind sees the text before `at`.
    """
    m = _SENTENCE_END.match(text, at)
    if m is None or (text[at] == "\n" and at and text[at - 1] in ".!?" and _SENTENCE_END.match(text, at - 1)):
        return -1
    return m.end()


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around text[start:end]: from the end of the last sentence end (as
    `_SENTENCE_END.finditer` lists them) at or before `start` to the start of the first at or after `end`.

    Found from `start` and `end` outwards instead of from every sentence end of the paragraph: a
    paragraph has about 25 (most are newlines), the rules ask for one or two sentences, and listing
    them all (a match object each) cost more than the rest of the three figure rules.
    """
    after = _SENTENCE_END.search(text, end)
    if after is not None and after.start() == end and _break_end(text, end) < 0:
        after = _SENTENCE_END.search(text, end + 1)  # the newline after a full stop ending at `end`
    at = start
    while True:
        at = max(text.rfind("\n", 0, at), text.rfind(".", 0, at), text.rfind("!", 0, at), text.rfind("?", 0, at))
        if at < 0:
            left = 0
            break
        left = _break_end(text, at)
        if 0 <= left <= start:
            break
    return left, len(text) if after is None else after.start()


_CONTRAST = re.compile(r"\bbut\b|\bhowever\b|(?<!\w)(?:но|однако|amma|lakin|ancaq)(?!\w)|[:;]")
"""'We can't share dates yet, but … churn … 18%': the refusal ends where the sentence turns."""


_REFUSAL_NEEDS: Needs = (
    (("able", "can't", "cannot", "don't", "never", "not", "unable", "won't"),),
    (("не",), ("бщ", "ели", "кры", "наз", "публикуем", "разглаша")),
    (("etm", "lmər", "paylaşm", "qlam"),),
    (("ld",), ("rm",)),
)
r"""Strings every `_REFUSAL` match in folded text contains (as `required_literals` gives, for `may_match`):
per alternative, English "not"-words, Russian не + a piece of each verb, Azerbaijani pieces of the verbs
(bildirmirik needs both "ld" and "rm"). `_REFUSAL` is case-insensitive, under which `re` also matches
i with ı, s with ſ and в д о с т ъ with their old Cyrillic forms (small letters that folding keeps), so the
pieces avoid those letters: every character of them matches only itself or capitals, which folded text
has none of. A sentence without them (most) skips the search, tried at every position (`` opening)."""


def refused(folded: str, left: int, right: int, at: int) -> bool:
    """True when the sentence refuses to share, in the same clause as the figure word at `at`.

    `folded` is folded text (no capitals): `_REFUSAL_NEEDS` relies on it.
    """
    if not may_match(_REFUSAL_NEEDS, folded[left:right]):
        return False
    for m in _REFUSAL.finditer(folded, left, right):
        if _usually(folded, m.start()):
            continue
        lo, hi = (m.end(), at) if m.end() <= at else (at, m.start())
        if not _CONTRAST.search(folded, lo, hi):
            return True
    return False


def figures(prep: Prepared) -> list[Finding]:
    """Business-figure words with a number in the same sentence."""
    cat = lexicons.category(prep.lang, "confidential_figures")
    if cat is None:
        return []
    out = []
    for start, end, entry in prep.hits.get("confidential_figures", ()):
        left, right = sentence_bounds(prep.masked, start, end)
        if _YOURS_BEFORE.search(prep.folded, max(left, start - 30), start) or _REPORT_FIELD.match(prep.folded, end):
            continue
        if prep.lang == "az" and _YOURS_SUFFIX.search(prep.folded, start, end):
            continue
        if not _NUMBER.search(prep.masked, left, right) or refused(prep.folded, left, right, start):
            continue
        theirs = YOURS_WORD.search(prep.folded, left, right)
        if theirs and not _OURS_ANYWHERE.search(prep.folded, left, right):
            continue
        if _customers_list(prep.folded, start):
            continue
        if "%" in prep.folded[left:right] and public_offer(prep.folded, left, right):
            continue
        sentence = prep.folded[left:right]
        if may_match(_PLAN_ALLOWANCE_NEEDS, sentence) and _PLAN_ALLOWANCE.search(prep.folded, left, right):
            continue
        out.append(finding("confidential", start, end, entry.message or cat.message))
    return out


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])\s")


def _customers_list(folded: str, at: int) -> bool:
    """True when `at` is on an item of a list that is the customer's statement: the list, with the line
    introducing it (ending with ":"), has a second-person owner and no first-person one ("Your payout for
    week 14 was sent:\n- gross sales: $1,712.80\n- commission: …").
    """
    top = folded.rfind("\n", 0, at) + 1
    if not _LIST_ITEM.match(folded, top):
        return False
    bottom = folded.find("\n", at)
    bottom = len(folded) if bottom < 0 else bottom
    while bottom < len(folded) and _LIST_ITEM.match(folded, bottom + 1):
        nxt = folded.find("\n", bottom + 1)
        bottom = len(folded) if nxt < 0 else nxt
    while top and _LIST_ITEM.match(folded, folded.rfind("\n", 0, top - 1) + 1):
        top = folded.rfind("\n", 0, top - 1) + 1
    above = folded[:top].rstrip()  # the introducing line, across a blank line
    if above.endswith(":"):
        top = above.rfind("\n") + 1
    return bool(YOURS_WORD.search(folded, top, bottom)) and not _OURS_ANYWHERE.search(folded, top, bottom)


_WE_REFUSE = re.compile(
    r"\bwe\s+(?:do\s+not|don't|cannot|can't|won't|never)\s+(?:\w+\s+)?(?:share|disclose|publish|reveal)\b"
    r"|(?<![\w-])не\s+(?:раскрываем|разглашаем|публикуем|сообщаем|называем|можем\s+(?:раскрыть|разглашать))"
    r"|(?<!\w)(?:paylaşmırıq|açıqlamırıq|(?:açıqlaya|paylaşa)\s+bilmərik)"
)
"""'We don't disclose it: it is internal information' gives the reason for a refusal, not a leak."""
_USUALLY = re.compile(r"(?:usually|normally|обычно|как\s+правило|adətən)\W+(?:\w+\W+){0,2}$")
"""'которую мы обычно не публикуем, …', 'which we normally don't share': the refusal is the rule being broken, a leak."""


def _usually(folded: str, start: int) -> bool:
    """True when the refusal at `start` is said to be the usual practice (and so is being set aside)."""
    return _USUALLY.search(folded, max(0, start - 30), start) is not None


_SAFEGUARD = re.compile(
    r"\b(?:kept|stored|handled|treated|anyone|anybody|third\s+part|password|passcode|pin|code|otp|card\s+details"
    r"|with\s+others|with\s+other\s+people|(?:the|this|your)\s+link)"
    r"|(?<!\w)(?:хран|обрабатыва|никому|ни\s+с\s+кем|третьим|парол|код|пин|данные\s+карты|реквизиты\s+карты)"
    r"|(?<!\w)(?:saxlan|saxlayırıq|emal|heç\s+kim|üçüncü\s+şəxs|şifrə|parol|kod|pin|kart\s+məlumat)"
)
"""'Your documents are kept confidential', 'never share your password with anyone', 'don't share your card
details': a promise about the customer's data or advice on keeping their own credentials, not a label on pasted
internal text."""
_ADVISORY_MARKER = re.compile(
    r"(?:strictly\s+)?confidential|do\s+not\s+share|don't\s+share|конфиденциальн|не\s+разглаша|məxfi|konfidensial"
    r"|paylaşmayın"
)
"""The markers that also serve such promises and advice (the others, "internal only", "не для клиента",
only ever label internal text)."""


def markers(prep: Prepared) -> list[Finding]:
    """Phrases that mark pasted internal text ("internal only", "не для клиента")."""
    cat = lexicons.category(prep.lang, "confidential_markers")
    if cat is None:
        return []
    out = []
    for s, e, entry in prep.hits.get("confidential_markers", ()):
        left, right = sentence_bounds(prep.masked, s, e)
        refusal = _WE_REFUSE.search(prep.folded, left, right)
        if refusal and not _usually(prep.folded, refusal.start()):
            continue
        if _ADVISORY_MARKER.match(prep.folded, s) and _SAFEGUARD.search(prep.folded, left, right):
            continue
        out.append(finding("confidential", s, e, entry.message or cat.message))
    return out


_LISTED = translatable("'{term}' is on the team's list of confidential terms.")


def listed_terms(text: str, lang: str, terms: tuple[str, ...]) -> list[Finding]:
    """Every occurrence of a team-configured confidential term (whole words, any case)."""
    if not terms:
        return []
    alternation = "|".join(
        re.escape(fold(t, lang)) for t in sorted(terms, key=len, reverse=True) if t.strip()
    )
    if not alternation:
        return []
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    return [
        worded_finding("confidential", m.start(), m.end(), _LISTED, term=text[m.start() : m.end()])
        for m in pattern.finditer(fold(text, lang))
    ]


_DIGIT_RUN = re.compile(r"\d{1,3}(?:[ ,.\u00a0]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")
"""One number as it is written: '3,000', '3 000', '12.5' (not 'order 12, 3000 units' run together)."""


def _digits(number: str) -> str:
    """'3,000' and '3 000' as '3000'."""
    return "".join(filter(str.isdigit, number))


def drop_customers_figures(found: list[Finding], text: str, customer_text: str | None) -> list[Finding]:
    """The findings without the business figures the customer wrote first ('around 3,000 enclosures a year'):
    a number quoted back from their message is their own, not the company's."""
    if not customer_text or not any(f.category == "confidential" for f in found):
        return found
    theirs = {_digits(m.group()) for m in _DIGIT_RUN.finditer(customer_text)}
    theirs.discard("")
    if not theirs:
        return found
    out = []
    for f in found:
        if f.category == "confidential" and any(ch.isdigit() for ch in text[f.start:f.end]):
            number = _DIGIT_RUN.search(text, f.start, f.end)
            if number and _digits(number.group()) in theirs:
                continue
        out.append(f)
    return out
