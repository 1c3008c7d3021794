"""Provides the placeholder values of the demo corpus templates, and the name helpers they need.

`Values` is a dict that makes a value the first time a template mentions it, so filling a text costs
only what it uses (the seed generator fills hundreds of thousands of texts). Used by
`supportterm.demo.seed`.
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Callable, Sequence, TypeVar

from supportterm.demo.corpus import PACKS, Pack, common

_TRANSLIT = str.maketrans({
    "ə": "e", "Ə": "E", "ı": "i", "İ": "I", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "ş": "sh", "Ş": "Sh",
    "ç": "ch", "Ç": "Ch", "ğ": "g", "Ğ": "G", "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e",
    "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "\u0307": "",
})
"""Lower-case Cyrillic and Azerbaijani letters to ASCII (U+0307 is the dot `"İ".lower()` leaves)."""
_LEGAL_WORDS = frozenset({"ooo", "ip", "ltd", "mmc", "co", "llc"})
_SITE_SUFFIXES = ("-shop", "-studio", "", "-store", "-design", "-online")
_FEMALE = frozenset(name for pack in PACKS.values() for name in pack.talk.FEMALE)
_T = TypeVar("_T")


def pick(rng: random.Random, seq: Sequence[_T]) -> _T:
    """`rng.choice`, about twice as fast; it runs a few million times for the 100k-ticket benchmark."""
    return seq[int(rng.random() * len(seq))]


def weighted(population: Sequence[_T], weights: Sequence[int]) -> Callable[[random.Random], _T]:
    """A picker by weights with the cumulative sums computed once (what `rng.choices` redoes per call)."""
    cumulative = list(accumulate(weights))
    total = cumulative[-1]
    return lambda rng: population[bisect(cumulative, rng.random() * total)]


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """ASCII, lower-case, dash-separated form of a name (Cyrillic and Azerbaijani transliterated)."""
    words = re.findall(r"[a-z0-9]+", text.lower().translate(_TRANSLIT))
    return "-".join(w for w in words if w not in _LEGAL_WORDS) or "site"


def site_of(customer: dict) -> str:
    """The customer's website, derived from the customer alone so `Activity` agrees with `generate`."""
    if customer.get("organization"):
        return slug(customer["organization"]) + ".example"
    last = customer["name"].split()[-1]
    return slug(last) + _SITE_SUFFIXES[len(customer["name"]) % len(_SITE_SUFFIXES)] + ".example"


def is_female(name: str) -> bool:
    """Whether the first name is in a female name list (Russian verbs and Azerbaijani titles need it)."""
    return name.split()[0] in _FEMALE


def upper(text: str, language: str) -> str:
    """Upper-case as the language does it: Azerbaijani i becomes İ, not I."""
    return text.replace("i", "İ").upper() if language == "az" else text.upper()


def _money(v: Values) -> str:
    fmt, factor = pick(v.rng, v.pack.talk.CURRENCY)
    base = pick(v.rng, (4.99, 9.99, 14.99, 29.0, 49.0, 79.0, 99.0, 149.0, 199.0, 299.0, 588.0))
    amount = round(base * factor, 2 if factor == 1 else (0 if factor < 10 else -1))  # round prices abroad
    thousands, decimal = v.pack.talk.NUMBER_MARKS
    return fmt.format(amount).translate(str.maketrans({",": thousands, ".": decimal}))


def _date(v: Values, days: float) -> str:
    day = v.when - timedelta(days=days)
    return v.pack.talk.DATE.format(day=day.day, mon=v.pack.talk.DATE_MONTHS[day.month - 1])


_MAKERS: dict[str, Callable[[Values], str]] = {
    "domain": lambda v: site_of(v.customer),
    "order": lambda v: f"NB-{v.rng.randrange(100000, 1000000)}",
    "invoice": lambda v: f"INV-{v.when.year}-{v.rng.randrange(1000, 100000):05d}",
    "amount": _money,
    "date": lambda v: _date(v, v.rng.uniform(1, 12)),
    "next_date": lambda v: _date(v, -v.rng.uniform(3, 25)),
    "time": lambda v: f"{v.when - timedelta(minutes=v.rng.randrange(10, 480)):%H:%M}",
    "eta": lambda v: f"{(v.when.hour + v.rng.randrange(2, 6)) % 24:02d}:00",
    "plan": lambda v: pick(v.rng, common.PLANS),
    "card4": lambda v: f"{v.rng.randrange(10000):04d}",
    "request_id": lambda v: f"req_{v.rng.getrandbits(40):010x}",
    "app_version": lambda v: pick(v.rng, common.APP_VERSIONS),
    "device": lambda v: pick(v.rng, common.DEVICES),
    "campaign": lambda v: pick(v.rng, v.pack.talk.CAMPAIGNS),
    "count": lambda v: str(v.rng.randrange(120, 9000)),
    "count2": lambda v: str(int(int(v["count"]) * v.rng.uniform(0.45, 0.8))),
    "ip": lambda v: f"{pick(v.rng, ('203.0.113', '198.51.100'))}.{v.rng.randrange(2, 254)}",
    "years": lambda v: str(v.rng.randrange(2, 9)),
    "host": lambda v: pick(v.rng, common.HOSTS),
    "jira": lambda v: f"{pick(v.rng, ('INFRA', 'BILL', 'API', 'MOB', 'ADS'))}-{v.rng.randrange(100, 4000)}",
    "colleague": lambda v: f"{pick(v.rng, ('dev', 'webmaster', 'marketing', 'it', 'office'))}@{v['domain']}",
    "snippet": lambda v: pick(v.rng, common.SNIPPETS.get(v.key, common.SNIPPETS["outage"])).format_map(v),
}
"""Placeholder name -> how to make its value. Unknown names raise KeyError (a test formats every text)."""


class Values(dict):
    """One ticket's placeholder values, made on first use so a template pays only for what it mentions.

    Keys written `{male|female}` pick a grammatical gender: the customer's, or the agent's while an
    agent text is filled (`female` is switched by the writer). They are never cached.
    """

    def __init__(self, rng: random.Random, pack: Pack, customer: dict, key: str, when: datetime) -> None:
        super().__init__()
        self.rng, self.pack, self.customer, self.key, self.when = rng, pack, customer, key, when
        self.female = self.customer_female = is_female(customer["name"])
        first = customer["name"].split()[0]
        title = ("xanım" if self.female else "bəy") if pack.language == "az" else ""
        self.update(first=first, name=customer["name"], email=customer["email"], hon=title,
                    org=customer.get("organization") or "", phone=customer.get("phone") or "")

    def __missing__(self, key: str) -> str:
        if "|" in key:
            male, female = key.split("|", 1)
            return female if self.female else male
        value = _MAKERS[key](self)
        self[key] = value
        return value

    def fill(self, template: str, female: bool | None = None) -> str:
        """Fill `template`; `female` overrides the customer's gender (for an agent's words)."""
        self.female = self.customer_female if female is None else female
        return template.format_map(self)
