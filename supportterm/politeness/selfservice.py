"""Provides `unhelped_self_service`: "you can do it yourself" with no help offered anywhere in the reply.

Why: "Feel free to build it yourself, the API is public" brushes the customer off, while "You can
build it yourself; here is the guide" helps. The words are the same; what differs is whether the
reply offers a way (a place in the product, a link, steps, "I can …"). So the rule looks at the
whole reply, not at a phrase, and only at work shifted onto the customer (build, fix, find out):
"you can restore it yourself" is self-service, not a brush-off.
"""

from __future__ import annotations

import re

from .findings import Finding, finding, translatable
from .openers import search_at_openers
from .prepared import Prepared

_WORK_EN = (
    r"(?:build|write|develop|code|implement|fix|figure|find|sort|solve|handle|deal|google|search|research)"
)
_WORK_RU = r"(?:написать|разработать|сделать|починить|исправить|разобраться|найти|поискать|решить|доработать)"
_WORK_AZ = r"(?:yaz|hazırla|düzəlt|həll\s+ed|tap|araşdır|öyrən|axtar|işləyib\s+hazırla)"
_YOURSELF = {
    "en": re.compile(
        r"\b(?:feel\s+free\s+to|you\s+can|you\s+could|you're\s+welcome\s+to|go\s+ahead\s+and)\s+"
        + _WORK_EN
        + r"\b(?:\s+[\w'-]+){0,3}?\s+yourself\b"
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:можете|сможете|попробуйте)\s+(?:[\w-]+\s+){0,2}?(?:сами|самостоятельно)\s+(?:[\w-]+\s+)?"
        + _WORK_RU
        + r"|(?<![\w-])(?:можете|сможете)\s+(?:сами|самостоятельно)?\s*(?:[\w-]+\s+)?"
        + _WORK_RU
        + r"\s+(?:[\w-]+\s+)?(?:сами|самостоятельно)(?![\w-])"
        + r"|(?<![\w-])(?:сами|самостоятельно)\s+(?:[\w-]+\s+){0,2}?(?:можете|сможете)\s+(?:[\w-]+\s+)?"
        + _WORK_RU
    ),
    "az": re.compile(r"(?<!\w)özünüz\s+(?:\w+\s+){0,2}?" + _WORK_AZ + r"\w*\s+bilərsiniz(?!\w)"),
}
"""'Do it yourself' where the work itself (build, fix, find out) is left to the customer."""
_HELP = {
    "en": re.compile(
        r"→|https?://|\b(?:here|guide|link|steps?|documentation|article|tutorial|instructions|i\s+can|i'll|"
        r"i\s+will|happy\s+to|glad\s+to|let\s+me\s+know|help\s+you|settings|field|next\s+time|in\s+future|"
        r"(?:from|under|in|via|on|at)\s+the)\b"
    ),
    "ru": re.compile(
        r"→|https?://|(?<![\w-])(?:вот|инструкц\w*|ссылк\w*|шаг\w*|могу|помогу|напишите|подскаж\w*|рад\w*|"
        r"стать\w+|руководств\w*|раздел\w*|настройк\w*|корзин\w*|меню|странице|кабинете|профиле|панели|пол[еяю]|"
        r"в\s+следующий\s+раз|в\s+будущем)(?![\w-])"
    ),
    "az": re.compile(
        r"→|https?://|(?<!\w)(?:budur|təlimat\w*|keçid\w*|addım\w*|edə\s+bilərəm|kömək\w*|yazın|"
        r"məmnuniyyətlə|bələdçi\w*|məqalə\w*|bölmə\w*|ayarlar\w*|səhifə\w*|menyu\w*|qutu\w*|panel\w*|sahə\w*|"
        r"gələcəkdə|növbəti\s+dəfə)(?!\w)"
    ),
}
"""A way offered: steps, a link, a place in the product (a field, a menu), the agent's help, or a tip for
next time after the work was done ("Gələcəkdə bunu özünüz də yaza bilərsiniz" after "qeydi əlavə etdik")."""


_NEEDS = {
    "en": (("yourself",),),
    "ru": (("сам",), ("можете", "попробуйте")),
    "az": (("özünüz",), ("bilərsiniz",)),
}
"""Substrings every match contains (one of each group): most replies skip the regex."""
YOURSELF_OPENERS = {
    "en": ("feel", "you", "go"),
    "ru": ("можете", "сможете", "попробуйте", "сам"),
    "az": ("özünüz",),
}
r"""Strings every match of these languages opens with: the pattern is tried only where they occur.
English "you" is common (about 20 places in a 2 KB reply), yet trying the pattern there is about three
times faster than `search`, whose opening `\b` makes `re` try every position."""


def unhelped_self_service(prep: Prepared) -> list[Finding]:
    """A dismissive finding for 'do it yourself' when the reply offers no way to do it."""
    pattern = _YOURSELF.get(prep.lang)
    if pattern is None or not all(any(map(prep.folded.__contains__, group)) for group in _NEEDS[prep.lang]):
        return []
    openers = YOURSELF_OPENERS.get(prep.lang)
    m = search_at_openers(pattern, prep.folded, openers) if openers else pattern.search(prep.folded)
    if m is None or "```" in prep.text or _HELP[prep.lang].search(prep.folded):
        return []  # a fenced block gives the commands: "you can build it yourself:" + the build steps
    message = translatable("Leaves the customer to it: add the steps, a link or an offer to do it for them.")
    return [finding("dismissive", m.start(), m.end(), message)]
