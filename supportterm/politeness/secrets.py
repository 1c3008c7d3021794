"""Provides the secret detectors: credentials, private keys, internal hosts, other people's contacts.

They run on the raw text (a key inside a code span still leaks), except e-mail and phone checks,
which skip quoted customer text: quoting a customer back to themselves leaks nothing. Used for
internal notes too, where they are the only rules.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter

from .addressee import owns
from .credential_urls import url_credentials
from .findings import Finding, finding, translatable
from .literals import DIGIT_FIRST, shortest_match
from .masking import mask_quotes, stretch_around, stretch_between

_RARE_FIRST = "_[:-JGqKxzjAISkwvbyp.0123456789gfmucdlhrsnioate"
"""Characters from rare to common in a reply (roughly): `_finder` opens with each hint's rarest, so
`re` stops at few places."""


def _finder(hints: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that `search`es a text for any of `hints`.

    Why: it opens with a class of each hint's rarest character, so `re` skips ahead to those in C and
    checks the rest of the hint around them by look-behind and look-ahead; for the nineteen token
    hints that is cheaper than nineteen `in` tests (for ten or twelve hints it was not).
    """
    anchors, branches = "", []
    for hint in hints:
        at = min(range(len(hint)), key=lambda i: _RARE_FIRST.find(hint[i]) % (len(_RARE_FIRST) + 1))
        anchors += hint[at]
        ahead = re.escape(hint[at + 1 :])
        branches.append(f"(?<={re.escape(hint[: at + 1])})" + (f"(?={ahead})" if ahead else ""))
    return re.compile("[" + re.escape("".join(sorted(set(anchors)))) + "](?:" + "|".join(branches) + ")")


_TOKEN_HINTS = (
    "sk_",
    "rk_",
    "pk_",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "xox",
    "AKIA",
    "ASIA",
    "AIza",
    "sk-",
    "eyJ",
    "SG.",
    "sq0",
    "npm_",
    "_live_",
)
"""Substrings that every token pattern contains; a reply with none of them skips the token regex."""
_TOKEN_HINT = _finder(_TOKEN_HINTS)
_TOKEN_PATTERNS = (
    r"\bsk_(?:live|test)_[0-9A-Za-z]{10,}",
    r"\brk_(?:live|test)_[0-9A-Za-z]{10,}",
    r"\bpk_(?:live|test)_[0-9A-Za-z]{10,}",
    r"\bgh[pousr]_[0-9A-Za-z]{20,}",
    r"\bgithub_pat_[0-9A-Za-z_]{20,}",
    r"\bglpat-[0-9A-Za-z_-]{20,}",
    r"\bxox[abprs]-[0-9A-Za-z-]{10,}",
    r"\bAKIA[0-9A-Z]{16}\b",
    r"\bASIA[0-9A-Z]{16}\b",
    r"\bAIza[0-9A-Za-z_-]{35}",
    r"\bsk-(?:ant-|proj-)?[0-9A-Za-z_-]{20,}",
    r"\beyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}",
    r"\bSG\.[0-9A-Za-z_-]{20,}",
    r"\bsq0atp\.[0-9A-Za-z_-]{20,}",
    r"\bsq0csp\.[0-9A-Za-z_-]{20,}",
    r"\bnpm_[0-9A-Za-z]{30,}",
)
"""Each opens with a word start and a literal letter, and no two can match at the same place."""
_TOKENS = re.compile("|".join(p[2] + r"(?<!\w.)" + p[3:] for p in _TOKEN_PATTERNS))
r"""The token patterns with each word start checked after the first letter (`x(?<!\w.)` for `\bx`):
every branch then opens with a letter, so `re` skips ahead to those instead of trying eleven `\b`s at
every position."""
_VENDOR_LIVE_KEY = re.compile(r"_live_[0-9A-Za-z]{16,}(?!\w)")
_VENDOR_PREFIX = re.compile(r"(?<![\w-])[a-z0-9]{2,10}$")
"""'sbl_live_7Hq2Lk9x…': a vendor's live key (the `sk_live_` shape under another prefix). The pattern opens
with the literal '_live_' so that `re` skips ahead to it; the prefix before it is checked in Python."""
_SHORTEST_TOKEN = shortest_match(_TOKENS.pattern)
"""No token pattern matches a space, so a paragraph whose words are all shorter has no token."""
_PRIVATE_KEY = re.compile(
    r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----(?:.*?-----END (?:[A-Z]+ )*PRIVATE KEY-----)?", re.S
)
_LONG_VALUE_MIN = 20
"""A long value has no spaces, so a paragraph whose words are all shorter skips the regex (it tries
every position)."""
_LONG_VALUE = re.compile(rf"(?<![A-Za-z0-9+/_=.-])[A-Za-z0-9+/_=.-]{{{_LONG_VALUE_MIN},}}")
_URL_PARTS = re.compile(r"[/.?=&]+")


def _looks_random(part: str) -> bool:
    """A URL part long and mixed enough to be a key (hooks.slack.com/services/T0/B0/XXXX…)."""
    return len(part) >= 16 and any(map(str.isdigit, part)) and _entropy(part) >= 3.5


_KEY_WORD = re.compile(
    r"(?:api[_ -]?key|access[_ -]?key|[\w-]*key\s*[:=]|secret|token|bearer|auth|ключ|токен|açar"
    r"|licen[cs]e\s+code|activation\s+code|лиценз\w*\s+код|код\w*\s+активаци|lisenziya\s+kodu|aktivləşdirmə\s+kodu)"
)
_KEY_HINTS = ("key", "secret", "token", "bearer", "auth", "ключ", "токен", "açar", "licen", "activation",
              "лиценз", "активац", "lisenziya", "aktivləşdirmə")
"""What every `_KEY_WORD` match holds. A long value counts only after a key word in the lower case of
the `_KEY_WORD_WINDOW` characters before it, which is part of the paragraph's lower case (`str.lower` maps
character by character but for Σ, which no key word holds), so a paragraph whose lower case holds none of
these skips the long values (and most, with no token hint either, the split into words)."""
_KEY_WORD_WINDOW = 80
"""How far before a long value its key word may be: 'пока ваш новый ключ не выпущен,
можно взять наш сервисный: `vp_svc_…`' names the key 55 characters before it (40 missed it)."""
_PASSWORD = re.compile(
    r"(?i)(?:password|passwd|pwd|passcode|passphrase|pre-shared\s+key|psk|pass(?=\s*[:=])|пароль|парол[ьея]|şifrə|şifr[əe]|sifre|parol|kennwort"
    r"|master[\s-]code|(?<=маст)ер-код|master-kod|ustad\s+kodu|override[\s-]code|служебн\w{2,3}\s+код|xidməti\s+kod"
    r"|mot de passe)"
    r"\w{0,4}"
    r"(?:,?\s+(?!(?:is|was|это|будет|olaraq)\b)[^\s:=—–;!?-]*[^\s:=—–;!?.-]){0,3}?"
    r"(?:\s+(?:is|was|—|это|будет|olaraq)|\s*[:=—–]|\s+-|-(?=\s)|\s+(?=[\"'«“]?[^\s\"'«“]*\d))\s*[\"'«“]?([^\s\"'»”,;]{4,})"
)
"""A hyphen separates a password only with a space on one side: 'by e-mail' is a word, not 'e' then a
value."""
_CAPS_PLACEHOLDER = re.compile(r"[A-Z]+(?:_[A-Z]+)+")
"""YOUR_PASSWORD, PPPOE_SIFRESI: capitals joined by underscores, no digit, name a value; they are none."""
_COMMON_PASSWORDS = frozenset(
    "123456 1234567 12345678 123456789 1234567890 111111 000000 123123 654321 qwerty qwerty123 qwertyuiop "
    "password password1 password123 abc123 iloveyou admin123 1q2w3e4r 1qaz2wsx".split()
)
"""The passwords at the top of every leaked-password list: named in a reply, they are a warning, not a secret."""
_MENU_STEP = re.compile(r"[\"'»”]?\s*(?:→|->|>|›|»\s*→)")
"""'сменить пароль: «Профиль» → «Безопасность»': a menu path after the word, no password."""
_AFTER_SLASH = re.compile(r"/[ \t]*([^\s/]{6,})")
_BEFORE_SLASH = re.compile(r"(?<![\w@./:-])([\w.@-]{3,})[ \t]*$")
_LOGIN_WORD = re.compile(
    r"(?i)(?:login|log-in|sign-in|username|user|credentials|account|логин|вход|доступ|учетк|учётк|аккаунт|учетн|учётн"
    r"|giriş|istifadəçi|hesab|log(?:ging)?\s+in|sign(?:ing)?\s+in|войти|войдите|зайти|зайдите|daxil\s+ol)"
)
"""'admin / Winter2024!' after a login word: a user name and a password written as a pair."""
_LOGIN_WINDOW = 80
_LOGIN_AFTER = 30
"""'admin / Bahar2025! ilə daxil olun': in Azerbaijani (and terse English) the login word follows the pair."""
_URL_CREDENTIALS = re.compile(r"(?i)\b[a-z][a-z0-9+.-]{1,15}://[^\s:/@]+:([^\s@/]{3,})@")
"""A password inside a URL (postgres://user:secret@host)."""
_PLACEHOLDER = re.compile(
    r"^(?:\*+|x+(?![a-z0-9])|•+|\.+|<|\{|\[|your|ваш|sizin|the|reset|сброс)", re.I
)
_HOST = re.compile(
    r"(?i)\b(?:[a-z0-9-]+\.)+(?:internal|local|corp|lan|intranet|intra)\b(?![.-]\w)"
    r"|\b(?:[a-z0-9-]+\.)+(?:internal|intranet|corp|intra|int)\.(?:[a-z0-9-]+\.)*[a-z]{2,}\b"
)
_HOST_SUFFIX = re.compile(r"(?i)\.(?:internal|local|corp|lan|intra|int\.)")
r"""What every `_HOST` match holds (under the same flag) with no space or newline around it. `_HOST`
opens with `\b` under `(?i)` and is tried at every position (~50 µs on a paragraph); this one opens
with its full stop, so `re` skips ahead to those, and `_HOST` searches only from the word holding the
first to the word holding the last."""
_PRIVATE_IP = re.compile(
    r"\b(?:10\.\d{1,3}|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.\d{1,3}\.\d{1,3}\b(?::\d{2,5})?"
)
_LOCAL_URL = re.compile(r"(?i)\b(?:https?://)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):\d{2,5}\S*")
_EMAIL = re.compile(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b")
_ROLE_MAILBOXES = frozenset(
    "support help helpdesk info billing sales noreply no-reply contact hello admin service team care "
    "press media bills invoices accounts orders returns refunds feedback privacy security abuse careers jobs "
    "marketing office reception booking bookings reservations hr receipts receipt notifications news "
    "newsletter partners partner developers api shop store destek dastek podderzhka musteri test demo groups "
    "group corporate korporativ b2b business biznes claims baggage cargo check checks kassa "
    "finance docs documents accounting buh git notify notifications mailer gift gifts postmaster webmaster "
    "hostmaster vet vets clinic lab doctor doctors pharmacy dev devs developers "
    "scores results exams exam certificates admissions enrolment enrollment candidates order pr "
    "phishing spam fraud report reports safety compliance legal dpo gdpr complaints".split()
)
"""Role mailboxes name no person, so mentioning them leaks nothing."""
_PLACEHOLDER_DOMAIN = re.compile(
    r"@(?:[a-z0-9-]+\.)*(?:your|sizin)[a-z0-9-]*\.[a-z.]+$|\.(?:example|invalid)$"
)
"""dmarc@yourdomain.com: a template for the customer to fill in, nobody's address (example.com is not:
writers use it for real-looking addresses)."""
_PHONE = re.compile(
    r"[^\x00-\x27:-\u065f](?<![\w+].)"
    r"(?:(?<=\+)\d{1,3}[\s.-]?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}|(?<=\()\d{2,5}\)[\s.-]?\d{2,5}|(?<=\d)\d{1,4})"
    r"(?:[\s.-]\d{2,6}){1,4}(?![\w])"
)
r"""`(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,4}(?![\w])`, opened
with one class of its first characters so that `re` skips ahead to them instead of trying the
look-behind at every position: "(" to "9" (which holds "+", the digits and a few signs the branches
reject; two ranges are tested faster than a set), and the rest of the digits as in `DIGIT_FIRST`
(negated for the same reason: all but 0x00-0x27 and ":" to U+065F). Each
branch continues the original after the character it got: after "+" the country code, after "(" the
area code, after a digit the rest of the first group."""
_AZ_NUMBER_AFTER = re.compile(r"[\s-]*(?:nömrə|telefon)(?!m[iı]z|n[iı]z)\w*")
"""'o indi 050 614 27 93 nömrəsindən istifadə edir': Azerbaijani names the number after it ("… nömrəsindən");
not 'nömrəmizə' (ours, a company line) or 'nömrənizə' (the customer's)."""
_AZ_CALLS_YOU = re.compile(r"[\s-]*nömrəsindən\s+(?:sizə\s+)?(?:\w+\s+)?(?:zəng|yaz|mesaj|sms)", re.I)
_AZ_TO_YOU_BEFORE = re.compile(r"(?i)(?<!\w)sizə(?!\w)")
"""'sürücü Sizə 055 600 12 12 nömrəsindən zəng edəcək': the number that will call the customer, given so they
know it (the caller's id), is no one's private number being leaked."""


def _baku_landline(digits: str) -> bool:
    """'012 555 40 40', '+994 12 555 40 41': Baku landlines are offices and shops; people give their mobiles
    (050, 055, 070, …). Counted digits keep a UK '0121 …' number (eleven digits) out."""
    return (digits.startswith("99412") and len(digits) == 12) or (digits.startswith("012") and len(digits) == 10)


_AZ_OURS_BEFORE = re.compile(r"(?i)(?<!\w)(?:biz|bizə|bizim|bizi|bizdən|bizlə)(?!\w)")
"""'Bizə 012 555 00 00 nömrəsinə zəng etsəniz': a number the company gives as its own."""
_NAMED_PERSON = re.compile(
    r"(?i)(?:\b(?:mrs?|ms|dr)\.?|г-(?:н|жа)|госпож\w+)\s+\w+[^()\n]{0,30}\($|\w+\s+(?:xanım|bəy)[^()\n]{0,30}\($"
)
"""'Mrs. Dalton on your street (07700 900123)': a number in brackets after a person's name is theirs."""
_FULL_NAME_BRACKET = re.compile(
    r"(?<!\w)[A-ZА-ЯЁƏÖÜÇŞĞİ][a-zа-яёəöüçşğı]+\s+[A-ZА-ЯЁƏÖÜÇŞĞİ][a-zа-яёəöüçşğı]+(?:'s)?\s*\($"
)
"""'Aygün Rəhimovanın (050 312 77 45)': a first name and a surname just before the bracket, no title needed."""
_DIGIT_RUN = re.compile(DIGIT_FIRST + r"[\d\s().-]{7,}\d")
r"""`\d[\d\s().-]{7,}\d`, opened as `DIGIT_FIRST` (most paragraphs have digits but no run, so the whole
paragraph is scanned)."""
_PHONE_CONTEXT = re.compile(
    r"(?i)(?:phone|tel|mobile|call|whatsapp|number|reach\s+(?:him|her|them)|телефон|тел\.|моб|звоните|номер"
    r"|nömrə|telefon|mobil|zəng|contact\s+(?:is|was|person)|контактн\w+\s+лиц)"
)


def _entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(c / len(value) * math.log2(c / len(value)) for c in counts.values())


def _long_words(text: str, words: list[str]) -> tuple[int, int]:
    """(start, end) of `text` from its first word of `_LONG_VALUE_MIN` characters or more to the end of
    its last; `words` is `text.split()` and holds one.

    A long value lies inside such a word (it holds no space of any kind), so `_LONG_VALUE`, which opens
    with a look-behind tried at every position, searches only there. `find` gives the first word's
    offset (the words before it are too short to hold it), `rfind` the last's (none after it is long)."""
    first = next(w for w in words if len(w) >= _LONG_VALUE_MIN)
    last = next(w for w in reversed(words) if len(w) >= _LONG_VALUE_MIN)
    return text.find(first), text.rfind(last) + len(last)


_FILE_NAME = re.compile(r"[\w-]+\.[a-z][a-z0-9]{1,4}")
"""'multinskie_ozera_2024.gpx', 'track_short.gpx': a file name with its extension."""


def _keys(text: str, low: str, hinted: frozenset[str] = frozenset({"token", "key"})) -> list[Finding]:
    """Tokens and long random values after a key word; `low` is `text.lower()`, `hinted` holds the
    hint groups that may occur in it (`_hinted_groups`)."""
    out = []
    token_hint = ("token" in hinted or _ASIA in text) and _TOKEN_HINT.search(text)
    key_word = "key" in hinted and any(map(low.__contains__, _KEY_HINTS))
    if not token_hint and not key_word:
        return out  # most paragraphs: no split into words, no scan for long values
    words = text.split()
    longest = max(map(len, words), default=0)
    if longest >= _SHORTEST_TOKEN and token_hint:
        out += [
            finding("secret", m.start(), m.end(), translatable("API key or token: never send credentials."),
                    "[redacted]")
            for m in _TOKENS.finditer(text)
        ]
    if token_hint and "_live_" in text:
        out += _vendor_live_keys(text, {f.start for f in out})
    long_values = key_word and longest >= _LONG_VALUE_MIN
    for m in _LONG_VALUE.finditer(text, *_long_words(text, words)) if long_values else ():
        value = m.group()
        if not (any(map(str.isdigit, value)) and _entropy(value) >= 3.5):  # the C-level test first
            continue
        if value.startswith("//") and not any(_looks_random(part) for part in _URL_PARTS.split(value)):
            continue  # "Bearer YOUR_API_TOKEN https://api.example.com/v1/me": the URL after a token word
        if _FILE_NAME.fullmatch(value):
            continue  # '`multinskie_ozera_2024.gpx`': a file name, no key
        name, equals, assigned = value.partition("=")
        if equals and name.isidentifier() and not _looks_random(assigned):
            continue  # '…/catalog?updated_since=2024-01-01': a query parameter, its value no key
        before = text[max(0, m.start() - _KEY_WORD_WINDOW) : m.start()].lower()
        start = m.start()
        field = equals and name.isidentifier() and (start == 0 or text[start - 1].isspace())
        if field and _KEY_WORD.search(name.lower()):
            # 'secret_key=live_Qm8f…' as a field of a log line names itself: the value is the key (a link's
            # '?token=…' is the customer's own link)
            start += len(name) + 1
        elif not _KEY_WORD.search(before):
            continue
        if not _TOKENS.fullmatch(value):
            message = translatable("Looks like a key or token.")
            out.append(finding("secret", start, m.end(), message, "[redacted]"))
    return out


def _vendor_live_keys(text: str, found: set[int]) -> list[Finding]:
    """Live keys of vendors without their own pattern ('sbl_live_…'); `found` holds the starts of the
    tokens already found ('sk_live_…')."""
    out = []
    for m in _VENDOR_LIVE_KEY.finditer(text):
        prefix = _VENDOR_PREFIX.search(text, max(0, m.start() - 10), m.start())
        if prefix is None or prefix.start() in found:
            continue
        message = translatable("API key or token: never send credentials.")
        out.append(finding("secret", prefix.start(), m.end(), message, "[redacted]"))
    return out


_PASSWORD_HINTS = (
    "pass", "pwd", "pre-shared", "psk", "парол", "şifr", "sifr", "parol", "kennwort", "mot de passe", "master", "ер-код", "ustad",
    "override", "служебн", "xidməti"
)


_PASSWORD_FAR = re.compile(
    r"(?i)(?:password|пароль|парол[ьея]|şifrə|parol)\w{0,4}\b[^.:\n]{0,80}?:\s*[\"'«“]?([^\s\"'»”,;]{6,})"
)
"""'I've set a temporary password for you to get back in straight away: Birch!Kerf-2291': the value after a colon
further on in the sentence; taken only when it looks made up (`_strong`)."""


_FAR_NOT_A_VALUE = re.compile(r"(?i)example|e\.g\.|such\s+as|например|к\s+примеру|məsələn|nümunə|@|://")
"""'must have 8 characters, for example: Winter2024', 'the reset link was sent to: anna@…': no password given."""


def _strong(value: str) -> bool:
    """Letters, digits and a symbol or both cases: a made-up password, not a word or a menu name."""
    bare = value.rstrip(".!?:)")
    has_letter = any(map(str.isalpha, bare))
    has_digit = any(map(str.isdigit, bare))
    symbol = any(not ch.isalnum() for ch in bare)
    mixed = bare != bare.lower() and bare != bare.upper()
    return has_letter and has_digit and (symbol or mixed) and not bare.startswith(("http", "www"))


def _password_like(value: str) -> bool:
    """True for a value with letters and digits or symbols, not a placeholder or a plain word."""
    if _PLACEHOLDER.match(value) or value.rstrip(".,;:!?").isalpha():
        return False
    return any(map(str.isalpha, value)) and not value.isalpha()  # some letter, and some other character


def _pairs(text: str) -> list[Finding]:
    """Credentials written as 'user / password' or inside a URL."""
    out = []
    if "/" in text:
        for m in _AFTER_SLASH.finditer(text):
            if not _password_like(m.group(1)) or m.group(1).startswith(("http", "www")):
                continue
            user = _BEFORE_SLASH.search(text, max(0, m.start() - 40), m.start())
            if user is None:
                continue  # no user name right before the slash, or a path or URL
            before = _LOGIN_WORD.search(text, max(0, user.start() - _LOGIN_WINDOW), user.start())
            if before or _LOGIN_WORD.search(text, m.end(), m.end() + _LOGIN_AFTER):
                message = translatable("Login and password in the reply: send a reset link instead.")
                out.append(finding("secret", m.start(1), m.end(1), message, "[redacted]"))
    if "://" in text and "@" in text:  # every match holds both (most paragraphs with a URL have no "@")
        for m in _URL_CREDENTIALS.finditer(text, *stretch_around(text, "://")):
            if not _PLACEHOLDER.match(m.group(1)):
                message = translatable("Password inside a URL: keep it inside.")
                out.append(finding("secret", m.start(1), m.end(1), message, "[redacted]"))
    return out


def _occurrences(text: str, word: str) -> list[int]:
    """Every offset of `word` in `text` (str.find is much faster than a case-insensitive regex scan)."""
    out = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _passwords(text: str, low: str, hinted: frozenset[str] = frozenset({"password"})) -> list[Finding]:
    """Passwords after a password word; `low` is `text.lower()`, `hinted` as in `_keys`."""
    out = _pairs(text)
    if "password" not in hinted or not any(map(low.__contains__, _PASSWORD_HINTS)):
        return out
    starts = sorted({i for hint in _PASSWORD_HINTS for i in _occurrences(low, hint)})
    if not starts:
        return out
    if len(low) == len(text):
        matches = [m for i in starts if (m := _PASSWORD.match(text, i))]
    else:  # a letter lowered to two characters: offsets differ, scan the text instead
        matches = list(_PASSWORD.finditer(text))
    taken = {m.start(1) for m in matches}
    for i in starts:
        far = _PASSWORD_FAR.match(text, i) if len(low) == len(text) else None
        if far and far.start(1) not in taken and _strong(far.group(1)) and not _FAR_NOT_A_VALUE.search(far.group()):
            message = translatable("Password in the reply: send a reset link instead.")
            out.append(finding("secret", far.start(1), far.end(1), message, "[redacted]"))
            taken.add(far.start(1))
    for m in matches:
        value = m.group(1)
        bare = value.rstrip(".!?:)")
        if _CAPS_PLACEHOLDER.fullmatch(bare.strip("`")):
            continue  # 'Şifrə — `PPPOE_SIFRESI`': a name to replace with the customer's own value
        if bare.lower() in _COMMON_PASSWORDS:
            continue  # 'потому что у Вас был пароль «password123»': the weak kind everyone knows, no secret
        if _PLACEHOLDER.match(value) or (bare.isalpha() and bare.islower()):
            continue  # 'while the warning is showing.': a word ending a sentence, not a value
        if "@" in bare and _EMAIL.fullmatch(bare):
            continue  # 'ссылку для сброса пароля на s.morozov1979@yandex.ru': where the link went
        if value.startswith(("http", "www")) or _MENU_STEP.match(text, m.end(1)):
            continue
        out.append(
            finding(
                "secret",
                m.start(1),
                m.end(1),
                translatable("Password in the reply: send a reset link instead."),
                "[redacted]",
            )
        )
    return out


_HOST_HINTS = (
    (_HOST, (".internal", ".local", ".corp", ".lan", ".intra", ".int."), ""),
    (_PRIVATE_IP, ("10.", "192.168.", "172."), ""),
    (_LOCAL_URL, ("localhost", "127.0.0.1", "0.0.0.0", "[::1]"), ":"),
)
"""Each host pattern with the substrings it needs (most replies have none and skip the regex), and a
character every match holds with no space (`stretch_around`), when there is one rarer than a full stop."""

_LOWER_RARE_FIRST = "[]_678ю9ç1j2:-ч0qwvşкxzfcp.gплbkyuрнтhmеdоаolstneria цзидəвсжбу"
"""The hints' characters from rare to common in a lowered reply (counted on the benchmark's replies),
but for "0" and "." put before "q" and "g": they anchor other hints anyway, so "sq0" and "sg." cost no
stops of their own there. The letters after the space were added with the licence/activation hints (session
17), uncounted and last, so they never anchor a hint that has a counted letter."""


def _anchored_finder(
    hints_by_group: dict[str, tuple[str, ...]],
) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """A pattern that finds every hint of every group in a lowered text, and the groups whose hints
    are anchored at each character it can stop at.

    Why: a paragraph used to pay ~30 `in` tests and a class scan for the token hints (most paragraphs
    hold none), about 2.5 times one scan of this pattern. Each branch opens with the literal of its
    hints' rarest character, so `re` skips ahead to those and tries only that character's branches
    (look-behind and look-ahead around it); a match consumes that one character, so no later hint is
    skipped. A match says only which character was hit: every group with a hint anchored there may be
    present and is then tested exactly as before, so the findings are the same.
    """
    branches: dict[str, list[str]] = {}
    groups: dict[str, set[str]] = {}
    for group, hints in hints_by_group.items():
        for hint in hints:
            at = min(range(len(hint)), key=lambda i: _LOWER_RARE_FIRST.index(hint[i]))
            behind, ahead = re.escape(hint[: at + 1]), re.escape(hint[at + 1 :])
            branch = (f"(?<={behind})" if at else "") + (f"(?={ahead})" if ahead else "")
            branches.setdefault(hint[at], []).append(branch)
            groups.setdefault(hint[at], set()).add(group)
    pattern = "|".join(re.escape(anchor) + "(?:" + "|".join(b) + ")" for anchor, b in branches.items())
    return re.compile(pattern), {anchor: frozenset(found) for anchor, found in groups.items()}


_ASIA = "ASIA"
_HINT_GROUPS = {
    "token": tuple(hint.lower() for hint in _TOKEN_HINTS if hint != _ASIA),
    "key": _KEY_HINTS,
    "password": _PASSWORD_HINTS,
    **{pattern.pattern: hints for pattern, hints, _ in _HOST_HINTS},
}
"""The hint groups of one paragraph: tokens (lowered: a text holding "AKIA" lowers to one holding
"akia"; but for "ASIA", looked up in the text itself, as "asia" would stop the scan at every "s"),
key words, password words, and each host pattern's hints."""
_HINTS, _HINTED_AT = _anchored_finder(_HINT_GROUPS)
_EVERY_GROUP = frozenset(_HINT_GROUPS)


def _hinted_groups(low: str) -> frozenset[str]:
    """The groups of `_HINT_GROUPS` that may have a hint in `low` (a superset of those that have one)."""
    found = _HINTS.findall(low)
    if not found:
        return frozenset()
    return frozenset().union(*map(_HINTED_AT.__getitem__, set(found)))



_ROUTER_DEFAULT = re.compile(r"(?:192\.168\.\d{1,3}|10\.0\.0)\.(?:1|254)")
_ROUTER_WORDS = re.compile(r"(?i)router|modem|gateway|wi-?fi|wlan|wireless|роутер|маршрутизатор|модем|шлюз")
_SERVER_WORDS = re.compile(r"(?i)server|database|\bdb\b|host|сервер|баз[аеыу]|хост|verilənlər")
_ROUTER_WINDOW = 200
"""A home router's default address after the word "router" is the same on millions of homes (a numbered
setup guide names the router a step or two before the address: 100 characters missed one)."""


def _home_router(text: str, start: int, end: int) -> bool:
    """True for a default gateway address (192.168.x.1, 10.0.0.1) that the words before call a router."""
    if not _ROUTER_DEFAULT.fullmatch(text, start, end):
        return False
    before = max(0, start - _ROUTER_WINDOW)
    return bool(_ROUTER_WORDS.search(text, before, start)) and not _SERVER_WORDS.search(text, before, end)


_EXAMPLE_BEFORE = re.compile(
    r"(?i)(?:e\.g\.|for\s+example|for\s+instance|например|məsələn|misal\s+üçün)[\s,:(]*$"
)
"""'the camera's local address (for example, 192.168.1.50)': a private address given as an example of the
customer's own network, not one of the company's hosts."""


_DEV_SERVER = re.compile(
    r"runserver|npm\s+(?:run\s+\w+|start)|yarn\s+(?:dev|start)|flask\s+run|docker(?:-|\s+)compose\s+up|uvicorn"
    r"|php\s+artisan\s+serve|rails\s+server"
)
"""'python manage.py runserver … then open http://127.0.0.1:8000': a server the customer starts on their own machine."""
_OWN_MACHINE_BEFORE = re.compile(
    r"(?i)(?:on|from)\s+(?:this|your|the\s+same)\s+(?:own\s+)?(?:computer|machine|pc|laptop)"
    r"|на\s+(?:этом|вашем|своём|своем|том\s+же)\s+(?:компьютере|пк|ноутбуке)|(?:bu|öz)\s+kompüter\w*|kompüterinizdə"
)
"""'open http://localhost:8080 in the browser on this computer': the customer's own machine, where nothing of
the company's can be reached."""


def _host_stretch(text: str, pattern: re.Pattern[str], mark: str) -> tuple[int, int]:
    """(start, end) of the part of `text` where `pattern`, one of `_HOST_HINTS`, can match."""
    if mark:
        return stretch_around(text, mark)
    if pattern is not _HOST:
        return 0, len(text)
    suffixes = [m.start() for m in _HOST_SUFFIX.finditer(text)]
    return stretch_between(text, suffixes[0], suffixes[-1]) if suffixes else (0, 0)


def _hosts(text: str, low: str, hinted: frozenset[str] = _EVERY_GROUP) -> list[Finding]:
    """Internal hosts and addresses; `low` is `text.lower()`, where the hints are looked up, `hinted`
    as in `_keys`."""
    out = []
    for pattern, hints, mark in _HOST_HINTS:
        if pattern.pattern not in hinted or not any(map(low.__contains__, hints)):
            continue
        for m in pattern.finditer(text, *_host_stretch(text, pattern, mark)):
            if pattern is _PRIVATE_IP and (
                _home_router(text, m.start(), m.end())
                or _EXAMPLE_BEFORE.search(text, max(0, m.start() - 20), m.start())
            ):
                continue
            if pattern is _LOCAL_URL and (
                _OWN_MACHINE_BEFORE.search(text, max(0, m.start() - 120), m.start())
                or _DEV_SERVER.search(text, 0, m.start())
            ):
                continue
            message = translatable("Internal host or address: keep it inside.")
            out.append(finding("secret", m.start(), m.end(), message))
    return out


_OWN_CONTEXT = re.compile(
    r"(?i)(?:your\s+(?:own\s+|new\s+|updated\s+|current\s+|registered\s+|contact\s+)?(?:e-?mail\s+|phone\s+|mobile\s+)?"
    r"(?:address|number)|on\s+your\s+(?:account|profile|booking|order|invoice|contract)"
    r"|on\s+file\s+for\s+you|ваш(?:его|ем|им)?\s+(?:нов\w+\s+)?(?:адрес|номер|профил|аккаунт|почт)|из\s+ваш(?:его|ей)\s+"
    r"(?:профиля|аккаунта|учетной|учётной)|ünvanınız|ünvanınıza|profilinizdəki|hesabınızdakı|nömrəniz"
    r"|(?:reach|contact|email|e-mail|call|write\s+to)\s+me\b|\bmy\s+(?:direct\s+)?(?:e-?mail|address|number|phone)"
    r"|мне\s+напрямую|(?:пишите|звоните|напишите|позвоните)\s+мне|мой\s+(?:адрес|телефон|номер|e-mail)"
    r"|mənə\s+(?:birbaşa|yazın|zəng)|ünvanım|nömrəm"
    r"|registered\s+with\s+us|(?:that|which|number|address|one|details|contacts)\s+you\s+(?:gave|provided|entered|listed|left|updated|added|registered|changed|confirmed)|котор\w+\s+вы\s+(?:указали|оставили|дали)"
    r"|(?:göstərdiyiniz|qeyd\s+etdiyiniz|verdiyiniz)\s+nömrə"
    r"|тот\s+же,?\s+(?:с\s+которого|что|который|которым)\s+вы|привязанн\w+\s+к\s+(?:адресу|номеру|почте)"
    r"|указанн\w+\s+в\s+ваш\w+\s+(?:анкет|профил|договор|заявк|личн)|для\s+(?:вашего\s+)?номера|контактн\w+\s+телефон\s*[—:-]"
    r"|(?:anketinizdə|profilinizdə|müqavilənizdə|bronunuzda|sifarişinizdə)\s+(?:\(\S+\)\s+)?göstərilən"
    r"|(?:listed|given|shown)\s+(?:on|in)\s+your\s+(?:form|application|contract)"
    r"|телефон\s+получател\w*|как\s+вы\s+и\s+указали|телефон\s+для\s+(?:связи|курьера|доставки)"
    r"|(?:contact|callback|call-back)\s+(?:number|phone)\s*[—:-]|əlaqə\s+(?:nömrəsi|telefonu)\s*[—:-]"
    r"|number\s+for\s+the\s+(?:courier|driver|delivery)"
    r"|(?:call|text|ring)\s+you\s+on\b"
    r"|телефон\s+для\s+водителя)"
)
"""Words saying that a contact is the customer's own ("the address on your account"); a delivery's recipient
("телефон получателя — …") is one the customer gave in the order, while «номер получателя» of a transfer is
someone else's (blind33)."""
_HOTLINE_PREFIXES = ("800", "8800", "7800", "1800", "1888", "1877", "0800", "44800",
                     *(f"03{x}" for x in ("00", "03", "30", "33", "43", "44", "45", "70", "71", "72", "73")))
"""Toll-free lines (8 800 …, 1-800 …, 0800 …) are published company numbers, nobody's private phone; so are
the UK's 03 numbers (0330 …, 0345 …), which Ofcom gives to organisations."""
_NOT_A_PHONE = re.compile(
    r"(?i)(?:tracking|track|order|reference|ref\.|invoice|parcel|waybill|consignment|трек|отслеживан|заказ"
    r"|накладн|izləmə|sifariş|qaimə|polic|polis|полис|contract|договор|müqavilə|account|счёт|счет|лицев|hesab|операци|transaction|əməliyyat"
    r"|\bhst|\bgst|\bvat|\btax|инн|кпп|vöen|voen|\bcard|карт(?:а|ы|у|е)?\b|kart(?:ı|i)?\b)[^.\n\d]{0,20}(?:[^\W_]{1,4}[\s-]+){0,4}$"
)
"""'tracking number 7730 4418 2291', 'трек-номер …', 'tracking number 1Z 999 AA1 01 2345 6784' (up to four
short letter-and-digit groups before the part shaped like a phone): a parcel or order number, no phone."""
_OTHER_PERSON = re.compile(
    r"(?i)(?:another|other|different)\s+(?:[\w-]+\s+)?(?:customer|client|user|guest|passenger|patient|account)|colleague|neighbou?r"
    r"|друг(?:ой|ого|ому|им)\s+(?:клиент|пользовател|гост|пассажир|пациент)|сосед"
    r"|başqa\s+(?:müştəri|istifadəçi|qonaq|sərnişin|pasiyent)|qonşu"
    r"|(?:contacted|emailed|e-mailed|messaged|reached|wrote\s+to|called|texted)\s+(?:her|him)\s+(?:at|on|via)\b"
    r"|связал\w*\s+с\s+(?:ней|ним)\s+(?:по|через)"
    r"|onunla\s+(?:\w+\s+)?əlaqə\s+saxla"
    r"|(?:an|one|a\s+second|a\s+separate|the\s+other)\s+account\s+(?:registered|belonging|opened|set\s+up)\s+(?:to|under|in\s+the\s+name)"
    r"|(?:друг\w*|втор\w*|ещё\s+одн\w*|еще\s+одн\w*)\s+(?:аккаунт|учётн|учетн|профил)"
    r"|(?:başqa|ikinci|digər)\s+(?:hesab|profil)"
    r"|\bprevious\s+(?:renter|customer|guest|owner|tenant|user|hirer)|\bwith\s+(?:her|him)\s+(?:yourself\s+)?on\b"
    r"|(?:его|её|ее|их)\s+телефон"
)
"""Words saying that a contact belongs to someone else: then it is never the customer's own."""
_COMPANY_CONTACTS = re.compile(
    r"(?i)(?:contact|reach|call|text|message)\s+us\b|\bour\s+(?:hotline|helpline|support\s+line|whatsapp|phone|number)"
    r"|(?:call|ring|text)\s+our\s+(?:technician|engineer|mechanic|driver|skipper|duty\s+manager|base\s+manager)"
    r"|(?:свяж\w+|связаться|позвоните|пишите|напишите)\s+нам|с\s+нами\s+можно|наш\w*\s+(?:телефон|номер|whatsapp|горяч)"
    r"|bizimlə|bizə\s+(?:zəng|yaz)|qaynar\s+xətt|əlaqə\s+nömrəmiz|nömrəmiz"
    r"|\bour\s+(?:reception|front\s+desk|office|branch|clinic)|\bfront\s+desk|\bswitchboard|\bassistance\s+line|\bemergency\s+line"
    r"|администратор\w*\s+(?:филиала|клиники|школы|салона|отеля|офиса)|ресепш\w+|горяч\w+\s+лини\w+"
    r"|экстренн\w+\s+номер\w*|номер\w*\s+(?:ассистанс\w*|диспетчер\w*|филиала|офиса|клиники)|(?:колл|call|контакт)-центр\w*"
    r"|filialın\s+nömrəsi|filialımız|resepşn\w*|çağrı\s+mərkəzi\w*"
    r"|mühafizə\s+post\w*|пост\w*\s+охран\w*|\bsecurity\s+(?:desk|office|post)|\bconcierge"
    r"|\bphone\s+support\b|\bsupport\s+(?:number|hotline)|по\s+срочным\s+вопросам|\bmasası\b"
    r"|maskalanmış|\bmasked\s+(?:number|line|call)|подменн\w+\s+номер\w*|dispetçer\w*|\bdispatch(?:er)?\b"
    r"|\bby\s+phone\s+on\b|\bpay\s+(?:it\s+)?(?:by|over\s+the)\s+phone|\bcall\s+(?:the\s+)?reception\b"
    r"|\bring\s+(?:the\s+)?reception\b"
    r"|\bcalls?\s+you\s+from\b|\btexts?\s+you\s+from\b|\brings?\s+you\s+from\b|\bphones?\s+you\s+from\b"
    r"|позвон\w+\s+(?:вам\s+)?с\s+номера"
    r"|(?:наберет|наберёт)\s+(?:вам\s+)?с\s+номера|\bwhatsapp\b|дежурн\w+\s+(?:администратор\w*|менеджер\w*|оператор\w*)"
    r"|запис\w*\s+(?:\w+\s+){0,2}по\s+телефону|(?:я|мы)\s+на\s+связи\s+по\s+телефону"
    r"|\bbook(?:ing|ings)?\s+(?:\w+\s+)?by\s+phone\s+on\b|telefonla\s+(?:qeydiyyat|yazıl)"
)
"""'Contact us: …', 'Bizimlə aşağıdakı yollarla əlaqə saxlaya bilərsiniz: … WhatsApp: +994 …', 'позвоните
администратору филиала по номеру …', 'экстренный номер ассистанса …', 'mühafizə postuna zəng edin: …': the
company's published lines; so are a booking line («запись по телефону …») and the agent's own («я на связи
по телефону …»)."""
_ID_AFTER = re.compile(r"\s*(?:nömrəli|saylı)(?!\w)")
_ID_PREFIX = re.compile(r"(?<![\w.])[A-Za-z]{2,5}\.$")
"""A number named as an order's ('… nömrəli sifariş') or glued to a store's prefix ('GPA.3345-…'): no phone."""
_BARE_PHONE = re.compile(r"(?<![\w+])\+?\d{10,13}(?!\w)")
"""'Телефон 89123456789': a customer writes their number in one run of digits, which `_PHONE` (groups) skips."""
_COMPANY_CONTACTS_BEFORE = 300
_CONTEXT = 60
_IN_URL = re.compile(r"://[^\s@]*$")


_IGNORECASE_TWINS = str.maketrans(
    {"ſ": "s", "ᲀ": "в", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с", "ᲄ": "т", "ᲅ": "т", "ᲆ": "ъ", "ᲇ": "ѣ", "ᲈ": "ꙋ"}
)
"""Rare characters that `(?i)` matches with a letter their `str.lower` is not (the long s, the old
Cyrillic forms), each mapped to that letter; İ and ı (as i) are replaced first, being common."""


def _ignorecase_form(text: str) -> str:
    """`text` in a form where each character is one `(?i)` treats alike: its lower case, with İ and ı as
    i and `_IGNORECASE_TWINS` mapped. Where a `(?i)` pattern matches `text`, this form of the literal
    strings of its match is in this form of `text` (a test walks every code point)."""
    if text.isascii():
        return text.lower()
    low = text.replace("İ", "i").lower().replace("ı", "i")  # "İ".lower() is two characters
    return low.translate(_IGNORECASE_TWINS) if any(map(low.__contains__, _TWIN_LETTERS)) else low


_TWIN_LETTERS = tuple(map(chr, _IGNORECASE_TWINS))


def _structure(pattern: str) -> list[tuple[int, str]]:
    """The offsets of the "(", ")" and "|" of `pattern` outside classes and escapes."""
    out, at = [], 0
    while at < len(pattern):
        ch = pattern[at]
        if ch == "\\":
            at += 1
        elif ch == "[":  # to the class's end: a "]" right after "[" or "[^" is a member
            at += 1 + (pattern[at + 1 : at + 2] == "^")
            at = pattern.index("]", at + 1)
        elif ch in "()|":
            out.append((at, ch))
        at += 1
    return out


def _top_level_alternatives(pattern: str) -> list[str]:
    """`pattern` (without flags) split at each "|" outside groups and classes; a pattern that is one
    `(?:…)` group is split inside it."""
    cuts, depth = [], 0
    for at, ch in _structure(pattern):
        if ch == "|" and not depth:
            cuts.append(at)
        depth += (ch == "(") - (ch == ")")
        if not depth and ch == ")" and at == len(pattern) - 1 and not cuts and pattern.startswith("(?:"):
            closes_first = next(i for i, c in _running_depths(pattern) if c == 0)
            if closes_first == at:
                return _top_level_alternatives(pattern[3:-1])
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[lo + 1 : hi] for lo, hi in zip(bounds, bounds[1:], strict=False)]


def _running_depths(pattern: str) -> list[tuple[int, int]]:
    """(offset, group depth after it) of each "(" and ")" of `pattern` (outside classes and escapes)."""
    out, depth = [], 0
    for at, ch in _structure(pattern):
        if ch != "|":
            depth += 1 if ch == "(" else -1
            out.append((at, depth))
    return out


def _opening_literally(alternative: str) -> list[str]:
    r"""`alternative` as alternatives that each open with a literal: a leading `(?:A|B)` distributed
    (`AR|BR` for `(?:A|B)R`; not when a quantifier follows it) and a leading `\b` before a letter
    written after it (`x(?<!\w.)`)."""
    if alternative.startswith("(?:"):
        closes = next(at for at, depth in _running_depths(alternative) if depth == 0)
        rest = alternative[closes + 1 :]
        if rest[:1] in ("?", "*", "+", "{"):
            return [alternative]
        branches = _top_level_alternatives(alternative[: closes + 1])
        return [out for branch in branches for out in _opening_literally(branch + rest)]
    if alternative.startswith("\\b") and alternative[2:3].isalpha():
        return [alternative[2] + r"(?<!\w.)" + alternative[3:]]
    return [alternative]


def _form_source(source: str) -> str:
    """`source` with its literal characters in `_ignorecase_form` (escapes kept as they are)."""
    parts = re.split(r"(\\.)", source)
    return "".join(part if part[:1] == "\\" else _ignorecase_form(part) for part in parts)


class _CaseBlindSearch:
    r"""Whether a `(?i)` pattern matches a text, found by a case-sensitive twin of it in the text's
    `_ignorecase_form`.

    Why: `(?i)` keeps `re` from skipping ahead, so the whole alternation was tried at every position of
    the window (20–75 µs for `_OWN_CONTEXT` on 130 characters, 7 µs for its twin). The twin has the
    literals in their form and every alternative opening with a literal (`_opening_literally`), so `re`
    skips ahead to the letters alternatives open with and rejects the others by one comparison each
    (a screen of each alternative's words by `in` cost more: ASCII words converted for each
    non-ASCII window). Same answer: `(?i)`
    matches a character to a literal one exactly when both have the same form, and the form keeps every
    character's `\w`, `\s`, `\d` and newline kind (tests walk every code point); the patterns hold no
    letter inside a class. Compiled on first use.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        assert pattern.pattern.startswith("(?i)"), pattern.pattern
        self.pattern = pattern

    @functools.cached_property
    def sources(self) -> list[str]:
        """The pattern's alternatives, each opening with a literal (before their form)."""
        alternatives = _top_level_alternatives(self.pattern.pattern.removeprefix("(?i)"))
        return [out for alternative in alternatives for out in _opening_literally(alternative)]

    @functools.cached_property
    def twin(self) -> re.Pattern[str]:
        return re.compile("|".join(map(_form_source, self.sources)))

    def search(self, form: str, pos: int = 0) -> bool:
        """Whether the pattern matches the text whose `_ignorecase_form` is `form`, searched from `pos`
        (the characters before it are read by look-behinds and word boundaries only, as in `re`)."""
        return self.twin.search(form, pos) is not None


_OWN_WORDING = _CaseBlindSearch(_OWN_CONTEXT)
_OTHER_PERSON_WORDING = _CaseBlindSearch(_OTHER_PERSON)
_NOT_A_PHONE_WORDING = _CaseBlindSearch(_NOT_A_PHONE)
_COMPANY_WORDING = _CaseBlindSearch(_COMPANY_CONTACTS)
_PHONE_WORDING = _CaseBlindSearch(_PHONE_CONTEXT)


def _wording_before(wording: _CaseBlindSearch, text: str, start: int, width: int) -> bool:
    r"""`wording.pattern.search(text, max(0, start - width), start)`, searched as its case-sensitive twin.

    Why: `_COMPANY_CONTACTS` under `(?i)` was tried at every position of its 300 characters (about 80 µs
    a phone number; the twin skips ahead to the letters its alternatives open with). The window's form
    starts one character early when there is one: a word boundary or look-behind at the window's start
    reads the character before it, as `re` does with a start position. No match needs a character after
    `start`, and the window's end looks the same to `\b` in both.
    """
    low = max(0, start - width)
    edge = 1 if low else 0
    return wording.search(_ignorecase_form(text[low - edge : start]), edge)


def _names_other_person(around: str, form: str | None = None) -> bool:
    """True when the window names someone else (a colleague, another customer); `form` is its
    `_ignorecase_form` when the caller has it."""
    return _OTHER_PERSON_WORDING.search(_ignorecase_form(around) if form is None else form)


def _theirs(text: str, start: int, end: int, local_part: str, greeted: frozenset[str]) -> bool:
    """True when the contact at text[start:end] is the customer's own, by its wording or their name."""
    around = text[max(0, start - _CONTEXT) : end + _CONTEXT]
    form = _ignorecase_form(around)
    if _names_other_person(around, form):
        return False
    return _OWN_WORDING.search(form) or (bool(local_part) and owns(local_part, greeted))


def _not_a_phone(text: str, start: int) -> bool:
    """`_NOT_A_PHONE.search(text, start - 40, start)`: a tracking or order word before the number (the
    pattern needs nothing outside that stretch, and its `$` is the stretch's end either way)."""
    return _NOT_A_PHONE_WORDING.search(_ignorecase_form(text[max(0, start - 40) : start]))


def _glued_to_letters(text: str, start: int) -> bool:
    """'QK-2024-118502', 'INV-2025-0417': a number glued to letters by a hyphen is a code, no phone."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()


_NON_DIGIT = re.compile(r"\D")


def _digits(value: str) -> str:
    return _NON_DIGIT.sub("", value)


def _digit_run_seen(visible: str, text: str, searched: bool) -> bool:
    """Whether `visible` holds a digit run. When `text` was searched (and held one) and masking the
    quotes changed nothing, the answer is known: most paragraphs quote nothing, so the scan is saved."""
    if searched and visible == text:
        return True
    return _DIGIT_RUN.search(visible) is not None


def _contacts(
    text: str, allowed_emails: frozenset[str], allowed_phones: frozenset[str], greeted: frozenset[str]
) -> list[Finding]:
    has_email = "@" in text
    if not has_email and not _DIGIT_RUN.search(text):
        return []
    visible = mask_quotes(text)
    has_run = _digit_run_seen(visible, text, searched=not has_email)
    out = []
    for m in _EMAIL.finditer(visible, *stretch_around(visible, "@")) if has_email else ():
        address = m.group().lower()
        local = address.split("@")[0]
        if address in allowed_emails or local in _ROLE_MAILBOXES:
            continue
        if m.start() and visible[m.start() - 1] == "*":
            continue  # 'm*****a@yandex.ru': masked, the way an account's own address is shown back
        if _PLACEHOLDER_DOMAIN.search(address) and not _names_other_person(
            visible[max(0, m.start() - _CONTEXT) : m.end() + _CONTEXT]
        ):
            continue  # a template address, unless the reply says whose ('another account, j.m@x.example')
        if _IN_URL.search(visible, max(0, m.start() - _CONTEXT), m.start()):
            continue  # user:password@host in a URL is not an e-mail address (_pairs checks the password)
        if _theirs(visible, m.start(), m.end(), local, greeted):
            continue
        message = translatable("Someone else's e-mail address: keep it private.")
        out.append(finding("secret", m.start(), m.end(), message))
    for m in _PHONE.finditer(visible) if has_run else ():
        digits = _digits(m.group())
        if len(digits) < 9 or digits in allowed_phones or digits[-9:] in allowed_phones:
            continue
        if digits.startswith(_HOTLINE_PREFIXES) or _baku_landline(digits):
            continue  # toll-free lines and Baku landlines ('+994 12 555 40 41') are offices' numbers
        if _glued_to_letters(visible, m.start()) or _not_a_phone(visible, m.start()):
            continue
        if _ID_AFTER.match(visible, m.end()) or _ID_PREFIX.search(visible, max(0, m.start() - 8), m.start()):
            continue  # 'GPA.3345-1029-4471-55210 nömrəli sifariş': an order number
        if _theirs(visible, m.start(), m.end(), "", greeted):
            continue
        if _wording_before(_COMPANY_WORDING, visible, m.start(), _COMPANY_CONTACTS_BEFORE) and not (
            _names_other_person(visible[max(0, m.start() - _CONTEXT) : m.end() + _CONTEXT])
        ):
            continue
        if not (
            m.group().startswith("+")
            or _wording_before(_PHONE_WORDING, visible, m.start(), 40)
            or (
                _AZ_NUMBER_AFTER.match(visible, m.end())
                and not _AZ_OURS_BEFORE.search(visible, max(0, m.start() - 60), m.start())
                and not (
                    _AZ_CALLS_YOU.match(visible, m.end())
                    and _AZ_TO_YOU_BEFORE.search(visible, max(0, m.start() - 30), m.end() + 20)
                )
            )
            or _NAMED_PERSON.search(visible, max(0, m.start() - 50), m.start())
            or _FULL_NAME_BRACKET.search(visible, max(0, m.start() - 40), m.start())
            or _names_other_person(visible[max(0, m.start() - _CONTEXT) : m.start()])
        ):
            continue
        message = translatable("Someone else's phone number: keep it private.")
        out.append(finding("secret", m.start(), m.end(), message))
    return out


def private_keys(text: str) -> list[Finding]:
    """PEM private-key blocks (they span lines, so they are found on the whole text)."""
    if "-----BEGIN" not in text:
        return []
    return [
        finding("secret", m.start(), m.end(), translatable("Private key: never send it."), "[redacted]")
        for m in _PRIVATE_KEY.finditer(text)
    ]


def allowed_contacts(
    customer_text: str | None, allowed_emails: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str]]:
    """E-mails and phone digits the reply may mention: the customer's own and the company's."""
    source = customer_text or ""
    emails = {m.group().lower() for m in _EMAIL.finditer(source, *stretch_around(source, "@"))}
    emails |= {e.lower() for e in allowed_emails}
    phones: set[str] = set()
    for m in (*_PHONE.finditer(source), *_BARE_PHONE.finditer(source)):
        digits = _digits(m.group())
        if len(digits) >= 9:
            phones.update({digits, digits[-9:]})
    return frozenset(emails), frozenset(phones)


def secret_rules(
    text: str,
    allowed_emails: frozenset[str] = frozenset(),
    allowed_phones: frozenset[str] = frozenset(),
    greeted: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every secret in a paragraph: keys, passwords, internal hosts, other people's contacts.

    `greeted` holds the Latin spellings of the name the reply greets (see `addressee.names`): an
    address with that name as a part of it is the customer's own.
    """
    contacts = _contacts(text, allowed_emails, allowed_phones, greeted)
    low = text.lower()  # lowered once for the key, password and host hints
    hinted = _hinted_groups(low)
    out = _keys(text, low, hinted) + _passwords(text, low, hinted)
    return out + _hosts(text, low, hinted) + url_credentials(text) + contacts
