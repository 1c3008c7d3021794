"""Provides the structural business-figure rule: a company figure told to a customer, in any wording.

The phrase lists of `confidential_figures` catch the common wordings ("our revenue", "we have …
customers"); new authors find others ("41,000 of our 380,000 broadband subscribers", "internally
we're sitting at 27% late deliveries", "у нас около 2,4 млн активных абонентов", "abunəçi sayımız
1,1 milyona çatıb"). What they share is a shape, found in one sentence:

- a figure: a percentage, a multiplier ("2.3x", "в 2,5 раза", "2,5 dəfə"), a scaled number ("40k",
  "2,4 млн", "1,1 milyon") or a count of at least `_MIN_COUNT`; not a year, a time or an identifier
  ("order 784512", "№ 784512", a bare number of six digits or more);
- a business noun: a count noun within `_NEAR` words of the figure ("9,500 unresolved cases",
  "müraciət", "абонентов") or a metric noun anywhere in the sentence ("return rate", "доля", "sayı");
- an owner that makes it the company's: "our", "we", "internally", "у нас", "наш…", "внутри
  компании", "bizim", "daxili", or an Azerbaijani first-person-plural ending ("sayımız",
  "qoşmuşuq").

The customer's own numbers ("your store now shows 1,240 visitors", "у Вашего магазина",
"sifarişiniz": a second-person owner just before the figure or on the noun), limits of a
plan ("up to 5,000 users", "до 5 000", "5 000-ə qədər"), discounts ("20% off", "скидка 20%", "20%
endirim") and refusals ("we don't disclose …") are fine. Word lists: the `figure_nouns`,
`figure_metrics` and `figure_owners` tables of each lexicon.
"""

from __future__ import annotations

import functools
import re

from . import lexicons
from .confidential import (
    OFFER,
    ORDER_CONDITION,
    ORDER_THRESHOLD,
    YOURS_WORD,
    public_offer,
    refused,
    sentence_bounds,
)
from .findings import Finding, finding, translatable
from .literals import DIGIT_FIRST, may_match, required_literals
from .prepared import Prepared

_MIN_COUNT = 100
_NEAR = 4
_FIGURE = re.compile(
    DIGIT_FIRST + r"(?:\d{0,2}(?:[ ,.\u00a0]\d{3})+(?![\d:])|\d*(?:[.,]\d+)?(?![\d:]))"
    r"(?:\s*(?P<unit>%|x(?!\w)|×(?!\s*\d)|k(?!\w)|m(?!\w)|bn(?!\w)|million|billion|thousand|млн|млрд|тыс|milyon|milyard"
    r"|min(?![us])|раз(?:а)?(?!\w)|d[əe]f[əe]))?"
)
r"""A number and its unit. It opens with a digit (as `DIGIT_FIRST`, which `re` skips ahead to by range
tests, unlike `\d`) so that `re` jumps from digit to digit; a group or a look-behind in front made the
scan eight times slower."""


def _number(m: re.Match[str]) -> str:
    """The digits and separators of a `_FIGURE` match, without the unit."""
    return m.group() if m.group("unit") is None else m.group()[: m.start("unit") - m.start()].rstrip()


_NOT_BEFORE = frozenset("#№.,:/-_*×")
"""A number glued to these ('v2.4', 'ID-5512', '#4821', '*7788') is part of a code, not a figure; the check is
done in Python because a look-behind tried at every position made the scan three times slower."""
_STATUS_CODE = re.compile(
    r"\s*(?:error|errors|status|response|ok(?!\w)|xəta\w*|ошибк\w*|ошибок|qaytar\w*)|-?(?:[əa]|[ıi]|ü|u)?\s+xəta\w*"
)
_STATUS_BEFORE = re.compile(
    r"(?:http|status|code|error|returns|returned|код\w*|ошибк\w*|возвраща\w*|вернул\w*|kod\w*|xəta\w*)\s*:?\s*$"
)
"""'500 errors', 'HTTP 401', 'ошибка 502', '401 xətaları', 'returns 401', '401 qaytarır': a status code, not a count."""
_IDENTIFIER_BEFORE = re.compile(
    r"(?:#|№|no\.?|nr\.?|ios|ipados|android|macos|windows|version|versiya\w*|верси[яи])\s*$", re.I
)
"""'#4821', 'iOS 17.4', 'versiya 3.2.1': an identifier or a version, not a count."""
_IDENTIFIER_AFTER = re.compile(
    r"\.\d|\s*(?:nömrəli|nömrəsi\w*|saylı|ilə\s+bitən|versiya\w*|version|верси[яи]"
    r"|[kmg]bit/s|[kmg]bps|[kmgt]b/s|[kmgt]b|[gm]hz|hz|fps|px|dpi|p\d{0,3}|кбит/с|мбит/с|[кмгт]б|k?wh?|k?vt|к?вт)(?!\w)"
    r"|-?y?[əa]\s+zəng|\s+qaynar\s+xətt\w*|\s+hotline|\s+helpline|\s+горяч\w+\s+лини\w*"
    r"|\s*(?:sq\.?\s*(?:ft|m)|square\s+(?:feet|foot|metres|meters)|m²|кв\.?\s*м|kv\.?\s*m)(?!\w)"
    r"|\s*(?:м|метр\w*|metr\w*|metres?|meters?|km|км|feet|ft|miles?)(?!\w)"
)
"""'4.12.0 versiyasında', '77310 nömrəli sifariş', '4421 ilə bitən kart': a version, a numbered item or a
card's last digits, not a count; '102 nömrəsinə zəng' is a phone number; '6000 kbit/s', '512 MB' are
technical quantities, '720p' a resolution, '550 Vt panellər' a power rating; '111-ə zəng edin', '199 qaynar xəttinə' a service number."""
_MONEY_AFTER = re.compile(
    r"\s*(?:azn|manat\w*|man\.|₼|rub|руб\w*|₽|usd|eur|gbp|\$|€|£|dollars?|euros?|pounds?"
    r"|(?:bonus\s+|бонусн\w*\s+)?(?:points?|балл\w*|bonus\w*|xal\w*))(?!\w)"
)
_MONEY_BEFORE = re.compile(r"(?:[$€£₽₼]|azn|usd|eur|gbp|rub)\s*$")
"""'349 AZN kartınıza qaytarıldı', '£76', '10,90 manatdır', '199 бонусных баллов': an amount of money or
loyalty points (a refund, a price, a goodwill credit, with an Azerbaijani ending) counts nothing."""
_DECIMAL = re.compile(r"\d{1,3}[.,]\d{1,2}")
"""'2,60', '27,5': a size or a rate with decimals, whose whole part is what counts (not 260 or 275)."""
_MASKED_BEFORE = re.compile(r"[*•·]{2,}\s*$")
_PHONE_PART = re.compile(r"[\s-]\d")
_PHONE_BEFORE = re.compile(r"(?:\d[\s-]|\+)$")
"""'+7 912 604-33-81': a group of a phone number is no count."""
_LIMIT = re.compile(
    r"(?:\bup\s+to|\bmax(?:imum)?|\blimit\s+of|(?<!\w)до|(?<!\w)не\s+более|(?<!\w)максимум)\s+(?:\S+\s+)?$"
)
_LIMIT_AFTER = re.compile(
    r"^\S*\s+(?:\S+\s+)?q[əe]d[əe]r\b|^-?[əea]\s+q[əe]d[əe]r\b|^\s*(?:\S+\s+)?(?:limit|лимит)\w*"
)
"""'5 000-ə qədər', and a plan's limit named after its figure: '100 SMS limiti', 'a 500 requests limit'."""
_YOURS = re.compile(r"(?:\byour|(?<!\w)ваш\w*|(?<!\w)sizin)\s+(?:[\w-]+\s+){0,2}$")
_YOURS_SUFFIX = re.compile(r"n[ıiuü]z\w*$")
"""'Sifarişiniz', 'mağazanızın': the Azerbaijani second-person ending marks the customer's own."""
_WORD = re.compile(r"\S+")
_NON_DIGIT = re.compile(r"\D")
_YOURS_WINDOW = 6
"""'Your store now shows 1,240 visitors', 'в Вашем магазине за март 1 240', 'mağazanızda … 1 240': a
second-person owner in the words just before the figure makes it the customer's (not a second-person
verb: "Tək siz deyilsiniz: … 3 200 … qoşmuşuq" is still the company's)."""
_SCALED = frozenset({"k", "thousand", "million", "billion", "bn", "тыс", "млн", "млрд", "milyon", "milyard"})
_PER_PERIOD = re.compile(
    r"(?<!\w)(?:(?:a|per|every|each)\s+(?:month|day|week|year)|в\s+(?:месяц|день|неделю|год|сутки)"
    r"|ежемесячно|ежедневно|ежегодно|ayda|gündə|ildə|həftədə|hər\s+(?:ay|gün|il|həftə))(?!\w)"
)
"""'Сеть принимает около 40 тысяч питомцев в месяц', '40k pets a month': thousands of a business noun per
month or day are the company's throughput even when no word names the company as their owner."""
_PLAN = re.compile(
    r"(?<!\w)(?:plan|plans|tier|tariff|package|subscription|free|тариф\w*|пакет\w*|подписк\w*|план\w*|бесплатн\w*"
    r"|tarif\w*|paket\w*|abunə\w*|pulsuz)(?!\w)"
)
"""'The free tier covers 10k requests a month': a plan's allowance per month is published, not the company's
throughput."""
_PER_PERIOD_MIN_K = 10
"""'4K и HDR': a number of thousands below ten written with k is a screen resolution, not a volume."""
_MESSAGE = translatable("Business figure: counts, rates and volumes of the company stay inside it.")


_WORD_START = "(?<![\\w'])"
"""How every entry in the lexicon syntax opens (`lexicons.entry_regex`)."""


_TABLE_LANGS = ("en", "ru", "az")
"""Languages whose lexicons have the figure word lists."""


@functools.cache
def _table(name: str, lang: str) -> re.Pattern[str] | None:
    """One alternation of a word-list table of `lang` without the word-start look-behinds.

    Without them `re` skips ahead to the letters the entries start with; `_spans` checks the word
    start in Python instead. Tried at every position, the look-behinds made the rule cost 0.1 ms.
    Compiled on first use: a reply without a digit never needs it.
    """
    cat = lexicons.category(lang, name) if lang in _TABLE_LANGS else None
    if cat is None:
        return None
    bare = (cat.source(i).removeprefix(_WORD_START) for i in range(len(cat.entries)))
    return re.compile("|".join(f"(?:{b})" for b in bare))


def _spans(pattern: re.Pattern[str] | None, text: str, left: int, right: int) -> list[tuple[int, int]]:
    """(start, end) of the word-list matches in text[left:right] that start a word."""
    if pattern is None:
        return []
    return [
        (m.start(), m.end())
        for m in pattern.finditer(text, left, right)
        if m.start() == left or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'")
    ]


_AZ_FIRST_PLURAL = re.compile(
    r"(?:m(?<=\wm)[ıiuü]z(?:[ıiuü]n|d[əa]n|d[əa]|[əa]|[ıiuü])?"
    r"|(?:m(?<=\wm)[ıiuü]ş[ıiuü]|d(?<=\wd)[ıiuü]|r(?<=\wr)[ıiuü])[qk]|[əa](?<=\w[əa])c[əa]y[ıi]q)(?!\w)"
)
"""Azerbaijani first-person-plural endings: the possessive ("sayımız", "növbəmizdə") and the verb
("qoşmuşuq", "gördük", "işləyirik", "edəcəyik"). Morphology rather than words, so kept here."""


_PREPOSITIONS = {
    lang: frozenset(str(w) for w in lexicons.load_raw(lang).get("figure_prepositions", {}).get("entries", []))
    for lang in ("en", "ru", "az")
}
_BOUND = 3
"""After a preposition an owner owns only a noun this close ("of our 380,000 broadband subscribers")."""


def _is_figure(folded: str, m: re.Match[str]) -> bool:
    """True for a percentage, multiplier, scaled number or a count that is not a year or an id."""
    unit = m.group("unit")
    if not unit and m.end() - m.start() < len(str(_MIN_COUNT)):
        return False  # most numbers in a reply are days, hours and counts of a few
    if m.start() and (folded[m.start() - 1] in _NOT_BEFORE or folded[m.start() - 1].isalnum()):
        return False
    if unit:
        return True
    if m.end() < len(folded) and folded[m.end()].isalpha():
        return False  # '1500va', '12v', '500gb': a rating or a size glued to its unit, not a count
    number = _number(m)
    digits = _NON_DIGIT.sub("", number)
    plain = digits == number
    if plain and (len(digits) >= 6 or (len(digits) == 4 and 1900 <= int(digits) <= 2100)):
        return False  # the tests on the digits alone come before the searches around them (same answer)
    if int(digits) < _MIN_COUNT or (_DECIMAL.fullmatch(number) and int(re.split("[.,]", number)[0]) < _MIN_COUNT):
        return False
    if _MASKED_BEFORE.search(folded, max(0, m.start() - 6), m.start()):
        return False  # '**** 4417': a card's last digits
    if _PHONE_PART.match(folded, m.end()) or _PHONE_BEFORE.search(folded, max(0, m.start() - 3), m.start()):
        return False
    if _IDENTIFIER_BEFORE.search(folded, max(0, m.start() - 10), m.start()):
        return False
    if _IDENTIFIER_AFTER.match(folded, m.end()):
        return False
    if _MONEY_AFTER.match(folded, m.end()) or _MONEY_BEFORE.search(folded, max(0, m.start() - 4), m.start()):
        return False
    if len(number) != 3:
        return True
    status_before = _STATUS_BEFORE.search(folded, max(0, m.start() - 10), m.start())
    return not (status_before or _STATUS_CODE.match(folded, m.end()))


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end)) if start < end else 0


def _theirs(prep: Prepared, left: int, start: int, end: int) -> bool:
    """True when the noun at folded[start:end] is the customer's ("your return rate", "sifarişiniz")."""
    if _YOURS.search(prep.folded, max(left, start - 40), start):
        return True
    return prep.lang == "az" and _YOURS_SUFFIX.search(prep.folded, start, end) is not None


def _counted_nouns(prep: Prepared, nouns: list[tuple[int, int]], left: int, m: re.Match[str]) -> list[int]:
    """Starts of the count nouns, not the customer's, within `_NEAR` words of the figure."""
    text = prep.folded
    out = []
    for n_start, n_end in nouns:
        if n_end <= m.start():
            gap = _words_between(text, n_end, m.start())
            number = _number(m)
            if gap == 0 and not m.group("unit") and " " not in number and "," not in number:
                continue  # "order 784512", "заказ 1234": a number right after its noun names it
        else:
            gap = _words_between(text, m.end(), n_start)
        if gap <= _NEAR and not _theirs(prep, left, n_start, n_end):
            out.append(n_start)
    return out


def _owned(text: str, owners: list[tuple[int, int]], lang: str, left: int, targets: list[int]) -> bool:
    """True when the company owns the figure: an owner opening a clause ("we're sitting at", "у нас",
    "our call centre took"), or one right before a business noun ("of our 380,000 subscribers")."""
    prepositions = _PREPOSITIONS.get(lang, frozenset())
    for o_start, o_end in owners:
        before = _WORD.findall(text, max(left, o_start - 12), o_start)
        if not before or before[-1].strip(",;:()") not in prepositions:
            return True
        if any(t >= o_end and _words_between(text, o_end, t) < _BOUND for t in targets):
            return True
    return False


_OFFER_NEEDS = required_literals(OFFER.pattern)
_LIMIT_NEEDS = required_literals(_LIMIT.pattern)
_TO_YOU = re.compile(r"(?<!\w)(?:вам|you|sizə)\s+$")
"""'мы начислим Вам 5 000 бонусных рублей', 'we'll credit you 5,000 points': given to the customer, not counted."""
_YOURS_NEAR_PIECES = ("your", "ваш", "sizin", "nız", "niz", "nuz", "nüz")
"""One of these is in every match of `YOURS_WORD` (its last branch holds n, a vowel and z)."""


def _offered(text: str, start: int, end: int) -> bool:
    """`OFFER.search(text, start, end)`, skipped when the window lacks a discount word (most do): the
    pattern is tried at every position of the window, where these tests cost a few string scans."""
    return may_match(_OFFER_NEEDS, text[start:end]) and OFFER.search(text, start, end) is not None


_ORDER_REF_BEFORE = re.compile(r"(?:sifariş\w*|order|заказ\w*)\s*(?:№|#|no\.?)\s*[\w-]+\s*\(\s*$")
_PAID_SHARE_BEFORE = re.compile(
    r"(?:ödənilmiş|ödədiyiniz|ödənən)\s+məbləğin\s+$|(?:оплаченной|уплаченной)\s+суммы\s+$"
)
"""The words before a customer's order size or a share of their payment (see `_customer_order`)."""


def _order_threshold(text: str, at: int, left: int, right: int) -> bool:
    """True for the size of order a public discount starts at ('200 ədəddən yuxarı sifarişlərdə 10%
    endirim'), or one named as the condition of an offer ('1000 ədəddən çox sifarişlərdə … pulsuz')."""
    window = max(left, at - 12), min(right, at + 60)
    if _covers(ORDER_CONDITION, text, at, window):
        return True
    return _offered(text, *window) and _covers(ORDER_THRESHOLD, text, at, window)


def _covers(pattern: re.Pattern[str], text: str, at: int, window: tuple[int, int]) -> bool:
    """True when a match of `pattern` in the window of `text` spans position `at`."""
    return any(t.start() <= at < t.end() for t in pattern.finditer(text, *window))


def _customer_order(text: str, left: int, at: int) -> bool:
    """True for the size of the customer's own order, in brackets after its number ('Sifariş №NP-28840
    (5000 ədəd etiket)') or a share of what they paid ('ödənilmiş məbləğin 40%-ni', «от оплаченной суммы»)."""
    before = text[max(left, at - 40) : at]
    return _ORDER_REF_BEFORE.search(before) is not None or _PAID_SHARE_BEFORE.search(before) is not None


def _limited(text: str, start: int, end: int) -> bool:
    """`_LIMIT.search(text, start, end)`, skipped when the window lacks its words (the same shortcut)."""
    return may_match(_LIMIT_NEEDS, text[start:end]) and _LIMIT.search(text, start, end) is not None


def _yours_before(text: str, left: int, start: int) -> bool:
    """True when one of the `_YOURS_WINDOW` words before `start` (in the sentence from `left`) is a
    second-person owner; a sentence start without any of `_YOURS_NEAR_PIECES` (most) is not split."""
    if not any(map(text[left:start].__contains__, _YOURS_NEAR_PIECES)):
        return False
    return any(map(YOURS_WORD.match, _WORD.findall(text, left, start)[-_YOURS_WINDOW:]))


def _throughput(text: str, m: re.Match[str], lang: str, left: int, right: int) -> bool:
    """True for thousands per month or day outside a plan's terms (see `_PER_PERIOD`)."""
    unit = m.group("unit")
    if not (unit in _SCALED or (unit == "min" and lang == "az")):  # az 'min' is a thousand, en 'min' minutes
        return False
    if unit == "k" and int(_NON_DIGIT.sub("", _number(m)) or 0) < _PER_PERIOD_MIN_K:
        return False
    return _PER_PERIOD.search(text, left, right) is not None and _PLAN.search(text, left, right) is None


def structural_figures(prep: Prepared) -> list[Finding]:
    """confidential findings for a figure + a business noun + the company as its owner, in one sentence.

    No digit test first: `_FIGURE` opens with a digit, so it finds nothing in a chunk without one at
    the cost of that test, and a chunk with digits (most) was scanned twice. The word lists are looked
    up at the first figure (most chunks have none, and a reply without one compiles none of them).
    """
    text = prep.folded
    out: list[Finding] = []
    done = left = right = -1
    lang = nouns = owners = metrics = None
    for m in _FIGURE.finditer(text):
        if m.start() < done or not _is_figure(text, m):
            continue
        if lang is None:
            lang = prep.lang if _table("figure_nouns", prep.lang) is not None else "en"
            nouns, owners = _table("figure_nouns", lang), _table("figure_owners", lang)
            if nouns is None or owners is None:
                return []
            metrics = _table("figure_metrics", lang)
        if not left <= m.start() < right:
            left, right = sentence_bounds(prep.masked, m.start(), m.end())
        if m.group("unit") == "%":
            if _offered(text, max(left, m.start() - 30), min(right, m.end() + 30)) or (
                ORDER_THRESHOLD.search(text, left, right) and public_offer(text, left, right)
            ):
                continue
        elif _limited(text, max(left, m.start() - 20), m.start()) or _LIMIT_AFTER.search(
            text[m.end() : min(right, m.end() + 20)]
        ):
            continue
        elif _order_threshold(text, m.start(), left, right):
            continue
        if _customer_order(text, left, m.start()):
            continue
        if _yours_before(text, left, m.start()) or _TO_YOU.search(text, max(left, m.start() - 8), m.start()):
            continue
        owned_by = _spans(owners, text, left, right)
        if lang == "az":
            owned_by += [(o.start(), o.end()) for o in _AZ_FIRST_PLURAL.finditer(text, left, right)]
        throughput = _throughput(text, m, lang, left, right)
        if not owned_by and not throughput:
            continue
        counted = [
            t for t in _counted_nouns(prep, _spans(nouns, text, left, right), left, m)
            if not refused(text, left, right, t)
        ]
        targets = [
            k_start
            for k_start, k_end in _spans(metrics, text, left, right)
            if not _theirs(prep, left, k_start, k_end) and not refused(text, left, right, k_start)
        ] + counted
        if not targets or not ((throughput and counted) or _owned(text, owned_by, lang, left, targets)):
            continue
        out.append(finding("confidential", m.start(), m.end(), _MESSAGE))
        done = right
    return out
