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

import re

from . import lexicons
from .confidential import OFFER, refused, sentence_bounds
from .findings import Finding, finding
from .prepared import Prepared

_MIN_COUNT = 100
_NEAR = 4
_FIGURE = re.compile(
    r"(?<![\w#№.,:/-])(\d{1,3}(?:[ ,.\u00a0]\d{3})+(?![\d:])|\d+(?:[.,]\d+)?(?![\d:]))"
    r"(?:\s*(%|x(?!\w)|×|k(?!\w)|m(?!\w)|bn(?!\w)|million|billion|thousand|млн|млрд|тыс|milyon|milyard|min"
    r"|раз(?:а)?(?!\w)|d[əe]f[əe]))?"
)
_IDENTIFIER_BEFORE = re.compile(r"(?:#|№|no\.?|nr\.?)\s*$", re.I)
_PHONE_PART = re.compile(r"[\s-]\d")
_PHONE_BEFORE = re.compile(r"(?:\d[\s-]|\+)$")
"""'+7 912 604-33-81': a group of a phone number is no count."""
_LIMIT = re.compile(
    r"(?:\bup\s+to|\bmax(?:imum)?|\blimit\s+of|(?<!\w)до|(?<!\w)не\s+более|(?<!\w)максимум)\s+(?:\S+\s+)?$"
)
_LIMIT_AFTER = re.compile(r"^\S*\s+(?:\S+\s+)?q[əe]d[əe]r\b|^-?[əea]\s+q[əe]d[əe]r\b")
_YOURS = re.compile(r"(?:\byour|(?<!\w)ваш\w*|(?<!\w)sizin)\s+(?:[\w-]+\s+){0,2}$")
_YOURS_SUFFIX = re.compile(r"n[ıiuü]z\w*$")
"""'Sifarişiniz', 'mağazanızın': the Azerbaijani second-person ending marks the customer's own."""
_WORD = re.compile(r"\S+")
_YOURS_NEAR = re.compile(
    r"\byour\b|(?<!\w)ваш\w*|(?<!\w)sizin(?!\w)|\w+(?<![sd][ıiuü])n[ıiuü]z(?:[ıiuü]n|d[əa]n|d[əa]|[əa]|[ıiuü])?(?!\w)"
)
_YOURS_WINDOW = 6
"""'Your store now shows 1,240 visitors', 'в Вашем магазине за март 1 240', 'mağazanızda … 1 240': a
second-person owner in the words just before the figure makes it the customer's (not a second-person
verb: "Tək siz deyilsiniz: … 3 200 … qoşmuşuq" is still the company's)."""
_MESSAGE = "Business figure: counts, rates and volumes of the company stay inside it."


def _tables(name: str) -> dict[str, re.Pattern[str]]:
    """One alternation per language of a word-list table (searched inside one sentence only)."""
    out = {}
    for lang in ("en", "ru", "az"):
        cat = lexicons.category(lang, name)
        if cat is not None and cat.whole is not None:
            out[lang] = cat.whole
    return out


_NOUNS = _tables("figure_nouns")
_METRICS = _tables("figure_metrics")
_OWNERS = _tables("figure_owners")
_PREPOSITIONS = {
    lang: frozenset(str(w) for w in lexicons.load_raw(lang).get("figure_prepositions", {}).get("entries", []))
    for lang in ("en", "ru", "az")
}
_BOUND = 3
"""After a preposition an owner owns only a noun this close ("of our 380,000 broadband subscribers")."""


def _is_figure(folded: str, m: re.Match[str]) -> bool:
    """True for a percentage, multiplier, scaled number or a count that is not a year or an id."""
    if m.group(2):
        return True
    digits = re.sub(r"\D", "", m.group(1))
    if _PHONE_PART.match(folded, m.end()) or _PHONE_BEFORE.search(folded, max(0, m.start() - 3), m.start()):
        return False
    if _IDENTIFIER_BEFORE.search(folded, max(0, m.start() - 5), m.start()):
        return False
    plain = digits == m.group(1)
    if plain and (len(digits) >= 6 or (len(digits) == 4 and 1900 <= int(digits) <= 2100)):
        return False
    return int(digits) >= _MIN_COUNT


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end)) if start < end else 0


def _theirs(prep: Prepared, left: int, start: int, end: int) -> bool:
    """True when the noun at folded[start:end] is the customer's ("your return rate", "sifarişiniz")."""
    if _YOURS.search(prep.folded, max(left, start - 40), start):
        return True
    return prep.lang == "az" and _YOURS_SUFFIX.search(prep.folded, start, end) is not None


def _counted_nouns(
    prep: Prepared, nouns: re.Pattern[str], left: int, right: int, m: re.Match[str]
) -> list[int]:
    """Starts of the count nouns, not the customer's, within `_NEAR` words of the figure."""
    text = prep.folded
    out = []
    for n in nouns.finditer(text, left, right):
        if n.end() <= m.start():
            gap = _words_between(text, n.end(), m.start())
            if gap == 0 and not m.group(2) and " " not in m.group(1) and "," not in m.group(1):
                continue  # "order 784512", "заказ 1234": a number right after its noun names it
        else:
            gap = _words_between(text, m.end(), n.start())
        if gap <= _NEAR and not _theirs(prep, left, n.start(), n.end()):
            out.append(n.start())
    return out


def _owned(text: str, owners: re.Pattern[str], lang: str, left: int, right: int, targets: list[int]) -> bool:
    """True when the company owns the figure: an owner opening a clause ("we're sitting at", "у нас",
    "our call centre took"), or one right before a business noun ("of our 380,000 subscribers")."""
    prepositions = _PREPOSITIONS.get(lang, frozenset())
    for o in owners.finditer(text, left, right):
        before = _WORD.findall(text, max(left, o.start() - 12), o.start())
        if not before or before[-1].strip(",;:()") not in prepositions:
            return True
        if any(t >= o.end() and _words_between(text, o.end(), t) < _BOUND for t in targets):
            return True
    return False


def structural_figures(prep: Prepared) -> list[Finding]:
    """confidential findings for a figure + a business noun + the company as its owner, in one sentence."""
    lang = prep.lang if prep.lang in _NOUNS else "en"
    nouns, metrics, owners = _NOUNS.get(lang), _METRICS.get(lang), _OWNERS.get(lang)
    if nouns is None or owners is None or not any(ch.isdigit() for ch in prep.masked):
        return []
    text = prep.folded
    out: list[Finding] = []
    done = -1
    for m in _FIGURE.finditer(text):
        if m.start() < done or not _is_figure(text, m):
            continue
        left, right = sentence_bounds(prep.masked, m.start(), m.end())
        if m.group(2) == "%":
            if OFFER.search(text, max(left, m.start() - 30), min(right, m.end() + 30)):
                continue
        elif _LIMIT.search(text, max(left, m.start() - 20), m.start()) or _LIMIT_AFTER.search(
            text[m.end() : min(right, m.end() + 20)]
        ):
            continue
        before = _WORD.findall(text, left, m.start())[-_YOURS_WINDOW:]
        if any(_YOURS_NEAR.match(w) for w in before):
            continue
        targets = [
            k.start()
            for k in (metrics.finditer(text, left, right) if metrics is not None else ())
            if not _theirs(prep, left, k.start(), k.end())
        ] + _counted_nouns(prep, nouns, left, right, m)
        targets = [t for t in targets if not refused(text, left, right, t)]
        if not targets or not _owned(text, owners, lang, left, right, targets):
            continue
        out.append(finding("confidential", m.start(), m.end(), _MESSAGE))
        done = right
    return out
