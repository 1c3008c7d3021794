"""Provides the wording rules: rude, blame, dismissive, sarcasm, argumentative, negative wording, shouting.

All but shouting come from the language's lexicon; they run on masked, folded text, so quoted
customer words and code never count.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import filterfalse

from . import lexicons
from .findings import Finding, finding, translatable
from .folding import fold
from .prepared import Prepared

LEXICON_CATEGORIES = ("rude", "blame", "dismissive", "sarcasm", "argumentative", "negative_wording")
_REPORTED = LEXICON_CATEGORIES + ("informal_address",)
"""The categories whose lexicon hits `lexicon_rules` reports, in its order."""

_CONDITIONAL = re.compile(r"(?:\b(?:if|when|in case|unless)|(?<!\w)(?:если|когда|чтобы|əgər|əgar))\s+$")
"""'If you didn't get the e-mail…' is advice, not blame; «чтобы Вы не пропустили доставку» is a purpose."""
_HOPE = re.compile(r"(?:надеемся|надеюсь|hope|ümid\s+edirik|ümid\s+edirəm)\W+(?:что\s+|that\s+|ki\s+)?$")
"""«надеемся, что Вы сами не пострадали», 'we hope you weren't hurt': a wish for the customer, not blame."""
_LABEL_AFTER = re.compile(r"\s+(?:bölmə|düymə|menyu|seçim|pəncərə|sekmə|ikon|funksiya|keçid)")
"""'eSIM əlavə et bölməsini açın', '«Daxil ol» düyməsi': an Azerbaijani imperative before a menu noun is the
label of a button or section, not the agent addressing the customer as sən (the pronoun itself, 'sənə
düyməni göstərim', still is)."""

_SENTENCE_END = re.compile(r"[.!?]+|\n")
_WORD = re.compile(r"\w+")
"""Words with their underscores: a placeholder such as HESAB_NÖMRƏSİ or <ВАШ_ТОКЕН> is one token, and not a
word (`_shouted` counts only letters-only tokens), so it is not read as shouted words."""
_CAPS_PAIR = re.compile(r"[A-ZА-ЯЁƏÖÜĞŞÇİ][A-ZА-ЯЁƏÖÜĞŞÇİ]")
"""Two capitals in a row: sentences without them cannot be shouting, so they are skipped cheaply.
(Written as two classes, not {2}: a pattern opening with a class lets `re` skip to capitals.)"""
_CAPS_COMPOUND = re.compile(r"\b([A-ZА-ЯЁƏÖÜĞŞÇİ]{2,})[-–/](?=[A-ZА-ЯЁƏÖÜĞŞÇİ]{2,}\b)")
"""'the MASTER-NODE box', 'GYD–IST', 'SVO–AER': a label or route in capitals is one name, not two shouted
words."""
_COMPOUND_MARKS = ("-", "–", "/")


def to_fill_in(token: str) -> bool:
    """True for a reference to fill in ('BK-XXXXXX', joined as 'BKXXXXXX'): no shouted word (both shouting rules)."""
    return token.endswith("XXX")


_FIELD_NAME = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b")


def field_list(original: str) -> bool:
    """True for a template's column list ('LEAD_NAME, FIRST_NAME, TYPE (ADULT / CHILD)'): masking blanks the
    snake-case names, and two of them make the capitals left between them names too, not shouting (both
    shouting rules read the original text for this)."""
    return "_" in original and len(_FIELD_NAME.findall(original)) >= 2


_CAPS_LIST = re.compile(
    r"\b([A-ZА-ЯЁƏÖÜĞŞÇİ]{2,})\b(?:,\s*[A-ZА-ЯЁƏÖÜĞŞÇİ]{2,}\b)+"
    r"(?:,?\s+(?:or|and|или|и|либо|və\s+ya|və|yaxud|ya\s+da)\s+[A-ZА-ЯЁƏÖÜĞŞÇİ]{2,}\b)?"
)
"""'"status" sahəsi CONFIRMED, ACTIVE və ya CLOSED ola bilər': values listed with commas are one list of names,
not shouted words side by side (a shouted sentence keeps its other words in capitals)."""
_NAME_LABEL = re.compile(
    r"(?i:passenger|traveller|traveler|guest|name|sərnişin|qonaq|ad|soyad|пассажир|гость|имя|фамилия|фио)"
    r"\s*:\s*((?:[A-ZА-ЯЁƏÖÜĞŞÇİ][A-ZА-ЯЁƏÖÜĞŞÇİ'-]+\s*){1,4})"
)
"""'Sərnişin: NURANA ALIYEVA', 'Passenger: JOHN SMITH': a name in capitals as a ticket prints it."""
_PUNCT_RUN = re.compile(r"[!?](?:[!?]+|(?:\s*[!?]){2,})")
"""Runs of ! and ? ("!!", "? ? ?"); the shared first character is outside the branches so `re` skips to it."""
_BANG_PAIR = re.compile(r"!\s*[!?]")
_QUESTION_PAIR = re.compile(r"\?\s*[!?]")
"""A ! or ? and, past spaces, another: how every run starts. Each opens with one character, which `re`
finds as fast as `str.find`; the class `[!?]` is tested character by character (most of all in Cyrillic)."""


def _has_mark_pair(text: str) -> bool:
    """False when `_PUNCT_RUN` cannot match: most replies have lone ! and ? only."""
    return _BANG_PAIR.search(text) is not None or _QUESTION_PAIR.search(text) is not None
ACRONYMS = frozenset(
    "API URL URI ID VPN SMS PIN FAQ HTTP HTTPS USB CSV PDF JSON XML SQL DNS SSL TLS SSO CEO CTO CRM ERP SDK "
    "CLI GUI UTC GMT IBAN VAT OK RAM CPU GPU SSD HDD IP TCP UDP AWS GCP JWT SAML LDAP SMTP IMAP HTML CSS PHP "
    "NPM MFA OTP QR EU USA UK GB MB KB TB GMAIL PDF SLA ETA IT HR PR QA UI UX ASAP FYI TV PC ATM AI ML ERR "
    "DB OS IOS VAT AZN RUB USD EUR ДНС ИНН КПП ОГРН СМС ПК ИП ООО ОАО ЗАО РФ МСК ASAN VÖEN MMC "
    "ERROR ERRORS FATAL WARNING FAILED DENIED TIMEOUT INVALID NULL TRUE FALSE ФИО СНИЛС НДС НДФЛ ОМС ДМС ЕГРЮЛ "
    "ЭДО ЭЦП КЭП ЕНС ОКВЭД БИК".split()
)
"""Upper-case words that are names, not shouting."""


def lexicon_rules(prep: Prepared) -> list[Finding]:
    """Findings of every lexicon category of the reply's language."""
    out: list[Finding] = []
    hits = prep.hits
    if not hits:
        return out
    categories = lexicons.BY_LANG.get(prep.lang, {})
    for name in _REPORTED:
        found = hits.get(name)
        if not found:
            continue
        cat = categories.get(name)
        if cat is None:
            continue
        for start, end, entry in found:
            if name == "blame" and (
                _CONDITIONAL.search(prep.folded, max(0, start - 12), start)
                or _HOPE.search(prep.folded, max(0, start - 20), start)
            ):
                continue
            if (
                name == "informal_address"
                and prep.lang == "az"
                and _LABEL_AFTER.match(prep.folded, end)
                and not prep.folded.startswith("sən", start)
            ):
                continue
            out.append(
                finding(
                    name, start, end, entry.message or cat.message, _cased(entry.suggest, prep.text, start)
                )
            )
    return out


def _cased(suggestion: str | None, text: str, start: int) -> str | None:
    """The suggestion with its first letter upper-cased when the replaced text starts with one."""
    if not suggestion or start >= len(text) or not text[start].isupper():
        return suggestion
    return suggestion[0].upper() + suggestion[1:]


def _shouted(tokens: list[str]) -> bool:
    """True for two words of three or more capitals in a row in a sentence whose words are at least a
    quarter capitals, or capitals in 60 % of four or more words' letters (acronyms left out). The word
    lists are filtered in C (`filter`, set tests), not word by word in Python: a sentence with two
    capitals in a row reaches here, most of them for an acronym."""
    words = list(filter(str.isalpha, tokens))  # codes such as AKIA7EXAMPLE are not words
    upper_words = list(filter(str.isupper, words))
    if ACRONYMS.issuperset(upper_words):
        return False  # most sentences here: their capitals are acronyms (both tests below need another)
    loud = {w for w in upper_words if len(w) >= 3}.difference(ACRONYMS)
    # Two loud words in a long sentence of lower case are a code or a label ("PPP AUTH FAIL means
    # the router …", "1/0 rather than TRUE/FALSE so …"), not a shouted sentence.
    # The two loud words must stand side by side (a code between them, "PNR XK7L2Q, GYD", parts them) and,
    # in a sentence of more than four words, one of them be longer than three letters: "the RTI FPS for
    # period 8 was accepted" holds acronyms the list lacks, "XOŞ GÜN" alone is shouted.
    short = len(words) <= 4
    if loud and 4 * len(upper_words) >= len(words) and any(
        a in loud and b in loud and (short or len(a) > 3 or len(b) > 3)
        for a, b in zip(tokens, tokens[1:], strict=False)
    ):
        return True
    letters = list(filterfalse(ACRONYMS.__contains__, words))
    if len(letters) < 4:
        return False
    return sum(map(len, filter(str.isupper, letters))) >= 0.6 * sum(map(len, letters))


@lru_cache(maxsize=1)
def first_caps_pair(masked: str) -> int:
    """Where `_CAPS_PAIR` first matches in `masked`, or -1.

    Both shouting rules (this module's and `caps.shouted_lines`) start from it, on the same paragraph one
    after the other: the class test of every character is paid once. One entry, so a later check of
    the same text still searches (benchmarks of cold checks stay cold).
    """
    pair = _CAPS_PAIR.search(masked)
    return -1 if pair is None else pair.start()


def shouting(prep: Prepared) -> list[Finding]:
    """Sentences in capitals and runs of ! or ?."""
    out = []
    text = prep.masked
    at = first_caps_pair(text)
    while at >= 0:
        start, end = _sentence_bounds(text, at)
        sentence = text[start:end]
        compound = any(map(sentence.__contains__, _COMPOUND_MARKS))
        joined = _CAPS_COMPOUND.sub(r"\1", sentence) if compound else sentence
        if "," in joined:
            joined = _CAPS_LIST.sub(r"\1", joined)
        if ":" in joined:
            joined = _NAME_LABEL.sub(lambda m: m.group()[: m.start(1) - m.start()], joined)
        tokens = [] if field_list(prep.text[start:end]) else list(filterfalse(to_fill_in, _WORD.findall(joined)))
        if prep.lang == "ru":  # 'фамилия и имя — VOROBEV VITALII': Latin capitals in Russian are names or codes
            tokens = [t for t in tokens if not (t.isascii() and t.isupper())]
        if _shouted(tokens):
            start += len(sentence) - len(sentence.lstrip())
            shouted_end = start + len(sentence.strip())
            out.append(
                finding("shouting", start, shouted_end,
                        suggestion=_sentence_case(prep.text[start:shouted_end], prep.lang))
            )
        # The next sentence with two capitals: searched from this one's end, not found pair by pair.
        pair = _CAPS_PAIR.search(text, end)
        at = -1 if pair is None else pair.start()
    for m in _PUNCT_RUN.finditer(text) if _has_mark_pair(text) else ():
        out.append(
            finding("shouting", m.start(), m.end(), translatable("Repeated ! or ? reads as shouting."),
                    m.group()[0])
        )
    return out


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence around offset `at`; the end includes its final punctuation."""
    start = max(text.rfind(".", 0, at), text.rfind("!", 0, at), text.rfind("?", 0, at),
                text.rfind("\n", 0, at)) + 1
    m = _SENTENCE_END.search(text, at)
    return start, (m.end() if m else len(text))


_TURKIC_UPPER = {"i": "İ", "ı": "I"}
_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _sentence_case(text: str, lang: str) -> str:
    """`text` with shouted words lower-cased (acronyms kept) and a capital first letter."""

    def lower(m: re.Match[str]) -> str:
        word = m.group()
        return fold(word, lang) if word.isupper() and word not in ACRONYMS else word

    out = _PUNCT_RUN.sub(lambda m: m.group()[0], _CAPS_WORD.sub(lower, text))
    if not out:
        return out
    first = _TURKIC_UPPER.get(out[0], out[0].upper()) if lang == "az" else out[0].upper()
    return first + out[1:]
