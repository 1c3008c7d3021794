"""Provides `detect`: a cheap language guess (en, ru, az, de, fr) for replies and customer messages.

It counts script letters and frequent function words; that is enough to tell the three support
languages apart on a sentence or two, and it runs in microseconds.
"""

from __future__ import annotations

import re
from itertools import filterfalse

SUPPORTED = ("en", "ru", "az")
"""Languages with full rule sets; others get the language-neutral checks only."""

_WORD = re.compile(r"[^\W\d_]+")
"""A word: a run of letters (and of digits that are not decimal, such as ² or ½, which `\\w` holds)."""
_ASCII_NON_LETTERS = str.maketrans({code: " " for code in range(128) if not chr(code).isalpha()})
r"""On ASCII text `[^\W\d_]` is exactly the ASCII letters, so blanking every other ASCII character and
splitting gives the same words as `_WORD.findall` (str.translate has an ASCII fast path: 3× faster)."""
_ASCII_NON_LETTER_BYTES = bytes(range(256)).translate(
    bytes.maketrans(bytes(_ASCII_NON_LETTERS), b" " * len(_ASCII_NON_LETTERS))
)
"""The same blanking as a bytes table, for ASCII text as bytes (one C table lookup a byte, faster than
str.translate's) and for UTF-8 text: bytes from 0x80 up (the parts of non-ASCII characters) are kept,
so the result is still valid UTF-8 with the same characters but spaces. `bytes.split` cuts at ASCII
spaces only, the same tokens here: every other ASCII non-letter is a space by then."""
_NOT_RUSSIAN_LETTER_BYTES = bytes(code for code in range(256) if code < 0xE0 and code != 0xB8)
"""Every byte but those of а…я (0xE0–0xFF) and ё (0xB8) in cp1251, where no other character encodes
to these bytes: deleting these from the cp1251 form of a text leaves one byte per [а-яё] letter."""
_AZ_LETTERS = "əğışçöü"
STOPWORDS = {
    "en": frozenset(
        "the and you your to is are of for in it that this we our please thanks thank with be can "
        "have has not on will would could hi hello regards best how what why when where does do did my me "
        "was were much there if but or just".split()
    ),
    "az": frozenset(
        "və bu üçün ilə da də bir sizin siz biz bizim edin olunub olaraq artıq deyil salam hörmətlə "
        "zəhmət olmasa təşəkkür edirik xahiş yenidən amma ki nə çox sonra".split()
    ),
    "de": frozenset("und der die das ist nicht sie ich wir ihr ihnen bitte danke mit für auf zu".split()),
    "fr": frozenset("le la les et est vous nous pour avec une des merci bonjour pas dans je".split()),
}
_STOPWORD_LANG = {word: lang for lang, words in STOPWORDS.items() for word in words}
"""Each stop word's language (the lists share no word): one lookup a word names the language it counts
for, and the languages are then counted by `list.count` in C."""
_ASCII_STOPWORD_LANG = {word.encode("ascii"): lang for word, lang in _STOPWORD_LANG.items() if word.isascii()}
"""`_STOPWORD_LANG` for the words of an ASCII text split as bytes (only ASCII stop words can occur)."""
_LANGS = tuple(STOPWORDS)
"""The languages in `STOPWORDS` order, which breaks ties (the first with most stop words wins)."""


def detect(text: str, default: str = "en") -> str:
    """The most likely language of `text`, or `default` when there is too little to tell."""
    low = text[:1500].lower()
    if low.isascii():  # blanked and split as bytes: C loops over one byte a character, no dict per character
        spaced_bytes = low.encode("ascii").translate(_ASCII_NON_LETTER_BYTES)
        letters = len(spaced_bytes) - spaced_bytes.count(b" ")  # every non-letter is a space now
        if letters < 3:
            return default
        return _by_stopwords(spaced_bytes.split(), 0, default, _ASCII_STOPWORD_LANG)
    utf8 = low.encode("utf-8", "surrogatepass")  # lone surrogates (not letters) pass through
    spaced = utf8.translate(_ASCII_NON_LETTER_BYTES).decode("utf-8", "surrogatepass")
    russian = _russian_letters(low) if b"\xd0" in utf8 or b"\xd1" in utf8 else 0
    most_letters = len(spaced) - spaced.count(" ")  # ASCII letters and every non-ASCII character
    if russian >= 3 and russian > most_letters * 0.4:
        return "ru"  # with at most `most_letters` letters, the exact count would say so too
    words, letters = _words_and_letters(spaced)
    if letters < 3:
        return default
    if russian > letters * 0.4:
        return "ru"
    return _by_stopwords(words, 2 * sum(map(low.count, _AZ_LETTERS)) // 3, default)


def _russian_letters(low: str) -> int:
    """How many characters of `low` are [а-яё]: counted in its cp1251 form by C loops over bytes,
    not by one regex match per Cyrillic word. `detect` calls it only when the UTF-8 form holds a byte
    D0 or D1, which opens every [а-яё] letter (U+0430–U+044F, U+0451): most Latin texts skip it."""
    return len(low.encode("cp1251", "ignore").translate(None, _NOT_RUSSIAN_LETTER_BYTES))


def _words_and_letters(spaced: str) -> tuple[list[str], int]:
    r"""`_WORD.findall` of a text whose ASCII non-letters are spaces, in another order, and how many
    letters they hold (the length of the tokens joined, when that is all letters: no sum over them).

    Such a text splits at spaces into tokens no word crosses (`str.split` cuts at other Unicode
    spaces too, which are never letters). A token of letters only (`str.isalpha`) is one word as it
    is; the few others («quoted», a dash) go through the regex. The combining dot above (U+0307,
    which `lower` puts after the i of every Azerbaijani and Turkish "İ") is not a word character, so
    it becomes a space first: "i̇lahə" gives "i" and "lahə" either way, without the regex. When all
    tokens are letters, one `isalpha` of them joined says so.
    """
    tokens = spaced.replace("\u0307", " ").split()
    joined = "".join(tokens)
    if joined.isalpha():
        return tokens, len(joined)
    odd = list(filterfalse(str.isalpha, tokens))
    if not odd:
        return tokens, len(joined)
    words = [*filter(str.isalpha, tokens), *_WORD.findall(" ".join(odd))]
    return words, sum(map(len, words))


def _by_stopwords(
    words: list[str] | list[bytes], az_bonus: int, default: str, languages: dict = _STOPWORD_LANG  # type: ignore[type-arg]
) -> str:
    """The language with most stop words among `words` (Azerbaijani gets `az_bonus` more; a tie goes
    to the first in `STOPWORDS` order); `languages` maps each stop word to its language."""
    hits = list(filter(None, map(languages.get, words)))
    scores = [hits.count(lang) + (az_bonus if lang == "az" else 0) for lang in _LANGS]
    top = max(scores)
    return _LANGS[scores.index(top)] if top > 0 else default
