"""Provides `neighbour`: the language a reply is really in when `language.detect` calls it one of ours.

`detect` tells en, ru, az, de and fr apart. A reply in a neighbouring language lands on the nearest of
them: Ukrainian is Cyrillic, so "ru"; Turkish has most Azerbaijani letters, so "az"; Spanish, Portuguese
or Italian have no English function words, so the default "en". A Russian customer answered in
Ukrainian or an English one in Spanish is exactly the mismatch the agent must see, so the checker asks
this module only when the reply and the customer seem to share a language.

Each test needs several independent signs, so that a quoted word, a Turkish shop name or an English
reply with one Spanish greeting stays fine:
- Ukrainian: letters Russian never uses (і, ї, є, ґ) at least 3 times and 2 % of the Cyrillic letters, or
  two Ukrainian-only words (протягом, дякуємо, що, це…): a short reply may hold a single "і";
- Turkish: no "ə" at all and at least two Turkish-only words (için, lütfen, teşekkür…), since
  Azerbaijani typed on a Latin keyboard may lack "ə" but never uses those words;
- Spanish, Portuguese, Italian, Polish, Dutch: at most one English function word ("in" is Italian too), or one
  per 25 words, and at least four function words of that language; a reply of twenty words or more with none of
  the common English marks (" the ", " you", " to ", " and ", " is ") is in "another language".
"""

from __future__ import annotations

import re

from .language import STOPWORDS

_WORD = re.compile(r"[^\W\d_]+")
_UKRAINIAN_ONLY = "іїєґ"
_UKRAINIAN_WORDS = frozenset(
    "протягом днів повагою картку кошти дякуємо дякую ласка вибачте вибачаємось також буде будуть але "
    "що які який яка цей ця це щодо замовлення отримати отримаєте ви вашої нашої наразі якщо".split()
)
_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_TURKISH_ONLY = frozenset(
    "için lütfen teşekkür teşekkürler merhaba saygılarımızla değil edilecektir edilecek ediyoruz "
    "yapabilirsiniz şimdi olacak gerekiyor maalesef misiniz mısınız iade ücreti ücret içinde iyi günler "
    "rica ederiz bilgilendirmek isteriz sorununuz".split()
)
_LATIN_NEIGHBOURS = {
    "es": frozenset(
        "el los las que por para su sus gracias hola saludos una está hemos días le lo del muy pero como "
        "usted su cuenta ya también puede".split()
    ),
    "pt": frozenset(
        "o os as que por para seu sua obrigado obrigada olá não uma está temos dias muito mas como você "
        "também pode atenciosamente".split()
    ),
    "it": frozenset(
        "il gli le che per suo sua grazie ciao salve una è abbiamo giorni molto ma come lei anche può "
        "cordiali saluti del della".split()
    ),
    "pl": frozenset(
        "i w z na się do że nie jest dla oraz jak od po pan pani pana państwa dziękujemy prosimy poważaniem "
        "dzień dobry wiadomość ciągu".split()
    ),
    "nl": frozenset(
        "de het een en van is niet u uw wij we voor met op bedankt groet vriendelijke hallo dank".split()
    ),
}
_OTHER = "other"
"""A reply of `_OTHER_MIN_WORDS` words or more with none of `_ENGLISH_MARKS` and English function words in
at most a tenth of its words ("do", "a" and "na" are Czech and Polish too) that is none of the languages
above (Czech, Swedish, …): not English, whatever it is."""
_OTHER_MIN_WORDS = 20
_ENGLISH = STOPWORDS["en"]
"""The function words `language.detect` counts for English."""


def neighbour(text: str, lang: str, folded: str | None = None) -> str | None:
    """The neighbouring language `text` is written in although `detect` said `lang`, else None;
    `folded` is the checker's lower-cased form of `text` when it has one (saves lower-casing again)."""
    low = (text.lower() if folded is None else folded)[:1500]
    if lang == "ru":
        return _ukrainian(low)
    if lang == "az":
        return _turkish(low)
    if lang == "en":
        return _latin_neighbour(low)
    return None


def _ukrainian(low: str) -> str | None:
    if not any(map(low.__contains__, _UKRAINIAN_ONLY)):
        return None  # every Ukrainian text of a sentence or more holds one: Russian replies stop here
    own = sum(map(low.count, _UKRAINIAN_ONLY))
    if own >= 3 and own >= 0.02 * len(_CYRILLIC.findall(low)):
        return "uk"
    return "uk" if len(set(_WORD.findall(low)) & _UKRAINIAN_WORDS) >= 2 else None


def _turkish(low: str) -> str | None:
    if "ə" in low:
        return None
    words = set(_WORD.findall(low))
    return "tr" if len(words & _TURKISH_ONLY) >= 2 else None


_ENGLISH_MARKS = (" the ", " you", " to ", " and ", " is ")
"""Looked for in C before any word is split (each search stops at its first hit, early in an English
reply): two of them and the reply is English, as nearly all are."""


def _latin_neighbour(low: str) -> str | None:
    if sum(map(low.__contains__, _ENGLISH_MARKS)) >= 2:
        return None
    words = _WORD.findall(low)
    english = sum(w in _ENGLISH for w in words)
    if english <= max(1, len(words) // 25):
        counts = {code: sum(w in stop for w in words) for code, stop in _LATIN_NEIGHBOURS.items()}
        best = max(counts, key=counts.__getitem__)
        if counts[best] >= 4:
            return best
    unmarked = not any(map(low.__contains__, _ENGLISH_MARKS))
    return _OTHER if unmarked and len(words) >= _OTHER_MIN_WORDS and english <= len(words) // 10 else None
