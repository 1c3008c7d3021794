"""Provides the impersonal-signature rule: a reply signed by a team, a role or a number, not a person.

The doctrine (DESIGN §2) asks agents to sign with a real name. The signature is found by the reply's
shape, the same way in every language:

- the whole lines after the last closing line ("Best regards,\\nCustomer Service, Agent 214");
- on the last line, the text after its last sentence end, closing formula or dash ("… Thank you for
  choosing QuickDrop. QuickDrop Support Team", "Best regards, Reservations Team", "— Player Support",
  "Хорошего дня! Команда «Таскер»"), at most `_MAX_WORDS` words.

A signature is cut into parts at commas, brackets, slashes, dashes and "from / из / от". Each part is a
team, role, department or organisation (the `impersonal_signature` tables of every lexicon, so an
English signature under an Azerbaijani ticket is still read), a numbered item ("Agent 214", "окно 7",
"7-ci pəncərə"), or else a person's name. A name anywhere makes the signature human: "Maria Lopez,
Customer Support" and "Rüfət, Support Team" are fine, since the customer knows who answered.
Text with a pronoun, an auxiliary or a request ("Please contact support", "напишите в службу
поддержки") is a sentence, not a signature (`signature_sentence_words` tables).
"""

from __future__ import annotations

import functools
import re
from operator import itemgetter

from . import lexicons
from .findings import Finding, finding
from .lexicon_scan import trie
from .literals import required_literals
from .prepared import Prepared

_LANGS = ("en", "ru", "az")
_MAX_WORDS = 5
"""Longer trailing text is a sentence without its full stop ("Отдел по работе с клиентами" is five)."""
_PART_BREAK = re.compile(r"\s*(?:[,;()\[\]/|]|(?:^|\s)[—–-](?:\s|$)|\s(?:from|из|от)\s)\s*")
_CONNECTOR = re.compile(r"[,;()\[\]/|]|\s[—–-]\s|\s(?:from|из|от)\s")
_NUMBERED = re.compile(r"(?:#|№|no\.)?\s*\d[\w.-]*")
_CUT = re.compile(r"[.!?…]+\s+|(?:^|\s)[—–-]\s*")
"""Where a signature can start on the last line: after a sentence end or a dash."""
_EDGE_PUNCTUATION = " \t,.;:!?…—–-"
_SENTENCE_END = ".!?…"
_WORD = re.compile(r"[\w'-]+")
_BRAND_QUOTES = str.maketrans("", "", "«»\"“”„")
"""A brand in quotes is still a brand: 'Служба поддержки «Ветерок»' is 'служба поддержки ветерок'."""
_DOMAIN_DOT = re.compile(r"(?<=\w)\.(?=\w)")
"""A brand spelt as its domain is one word: 'Satal.az Dəstək xidməti' is 'satalaz dəstək xidməti'."""


def _sentence_words() -> frozenset[str]:
    words: set[str] = set()
    for lang in _LANGS:
        table = lexicons.load_raw(lang).get("signature_sentence_words", {})
        words.update(str(w) for w in table.get("entries", []))  # type: ignore[union-attr]
    return frozenset(words)


_SENTENCE_WORDS = _sentence_words()
_GENERIC = tuple(
    cat for lang in _LANGS if (cat := lexicons.category(lang, "impersonal_signature")) is not None
)


_WORD_START = "(?<![\\w'])"
"""The look-behind most entries open with (`lexicons.entry_regex`)."""


@functools.cache
def _generic_whole() -> re.Pattern[str]:
    r"""Every `impersonal_signature` entry of every language as one alternation, for `fullmatch`.

    Why: one C call instead of one per language, and `fullmatch` of a fresh string starts at its
    offset 0, where the opening look-behind `(?<![\w'])` always holds, so it is dropped: an entry that
    then opens with a literal is skipped by `re` at its first letter. Compiled on first use.
    """
    return re.compile("|".join(f"(?:{source})" for source in _generic_sources()))


def _generic_sources() -> list[str]:
    """The `impersonal_signature` entries of every language, without their opening look-behind."""
    sources = []
    for cat in _GENERIC:
        for i in range(len(cat.entries)):
            source = cat.source(i)
            sources.append(source[len(_WORD_START) :] if source.startswith(_WORD_START) else source)
    return sources


@functools.cache
def _generic_split() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    r"""`_generic_whole` in two: a screen with the entries it screens, and the other entries.

    Why: a name ("nərmin quliyeva") fails every entry, and the whole alternation spent about 15 µs
    finding that out, mostly in the entries that open with a group or class (`(?:[\w&.'-]+\s+){0,2}…`
    tries every split of the words); an entry that opens with a letter is skipped by `re` at the
    part's first letter. Every match of most of the others contains one of a few strings
    (`literals.required_literals`: "team", "support", "desk", …): the screen is a trie of those
    strings, searched in C over the short part. An alternation fullmatches a part exactly when one of
    its entries does, so a part the screen rejects can only be one of the other entries. Only the
    entries that open otherwise are parsed for their strings (all of them took 37 ms at first use).
    Compiled on first use.
    """
    needed: set[str] = set()
    screened, others = [], []
    for source in _generic_sources():
        needs = None if source[:1].isalnum() else required_literals(source)
        if needs is None:
            others.append(source)
        else:
            screened.append(source)
            for alternative in needs:
                needed.update(alternative[0])  # every match of the alternative holds one of these
    return (
        re.compile(trie(set(), needed) if needed else "(?!)"),
        re.compile("|".join(f"(?:{source})" for source in screened) or "(?!)"),
        re.compile("|".join(f"(?:{source})" for source in others) or "(?!)"),
    )


def _generic(part: str) -> bool:
    """True when the whole of `part` is a team, role, department or organisation
    (`_generic_whole().fullmatch`, through the screen of `_generic_split`)."""
    part = " ".join(part.strip(_EDGE_PUNCTUATION).split())
    if not part:
        return False
    screen, screened, others = _generic_split()
    if others.fullmatch(part) is not None:
        return True
    return screen.search(part) is not None and screened.fullmatch(part) is not None


_FIRM_WORDS = frozenset(
    "games studio studios group ltd llc inc gmbh company mmc ооо оао зао сеть сети network chain şəbəkəsi "
    "charters yachts sailing rentals travel tours gyms climbing operations мастерская салон магазин "
    "касса онлайн-касса kassa dispatch despatch".split()
)
"""Words of a firm's name ('Alov Games', «сеть хостелов «Соседи»», 'Halyard Charters' under 'Guest Services') or of a
department ('Base Operations', «Оператор № 7, онлайн-касса»): a part holding one names no person."""


def _kind(part: str) -> str:
    """"team" for a team or role (also "Desk 7"), "number" for another numbered part, else "name"."""
    if _generic(part) or "&" in part:
        return "team"  # 'Hearth & Oak', 'Smith & Sons': a firm's name (a person's never holds "&")
    if not _FIRM_WORDS.isdisjoint(_WORD.findall(part)):
        return "team"
    if any(map(str.isdigit, part)):
        rest = _NUMBERED.sub(" ", part)
        return "team" if _generic(rest) else "number"
    return "name"


_DOMAIN_BRAND_LEAD = re.compile(r"[\w-]+\.(?:az|ru|com|net|org|io|co|uk|de|fr|app|shop|store|online)\s+(?=\S)")
"""'Dəbli.az Operator #14', 'Dəbli.az Qaytarma və Dəyişmə Xidməti': the shop's domain, then who signs."""


def impersonal(signature: str) -> bool:
    """True when a (folded) signature names a team, a role or a number and no person."""
    bare = signature.strip(_EDGE_PUNCTUATION)
    lead = _DOMAIN_BRAND_LEAD.match(bare)
    if lead and impersonal(bare[lead.end() :]):
        return True
    signature = _DOMAIN_DOT.sub("", signature.translate(_BRAND_QUOTES)).strip(_EDGE_PUNCTUATION)
    words = _WORD.findall(signature)
    if not words or any(w in _SENTENCE_WORDS for w in words):
        return False
    if not _CONNECTOR.search(signature):
        return _kind(signature) == "team"
    kinds = [_kind(p) for p in _PART_BREAK.split(signature) if p.strip(_EDGE_PUNCTUATION)]
    return "team" in kinds and "name" not in kinds


def _closing_end(lang: str, text: str) -> int:
    """End of the last closing formula that opens a clause ("… today. Yours sincerely,"), or 0.

    A formula right after another one continues it ("Yours sincerely"); "our best team" opens nothing.
    """
    cat = lexicons.category(lang, "closing") or lexicons.category("en", "closing")
    end = 0
    for start, stop, _ in _matches(cat, text) if cat is not None else ():
        before = text[:start].rstrip(" ,")
        if not before or before[-1] in ".;:!?…—–-" or (end and len(before) <= end):
            end = stop
    return end


def _matches(cat: lexicons.Category, text: str) -> list[tuple[int, int, lexicons.Entry]]:
    """`cat.finditer(text)` sorted by span.

    Sorted by (start, end) only: two entries matching the same span (an edited lexicon may hold
    both "thanks" and "thanks(?: a lot)?") must not be compared as entries, which have no order.
    """
    return sorted(cat.finditer(text), key=_SPAN)


_SPAN = itemgetter(0, 1)


def signature_rule(
    prep: Prepared, after_closing: list[tuple[int, int]], last: tuple[int, int]
) -> list[Finding]:
    """impersonal_signature for the whole lines after the closing, else for the end of the last line.

    Args:
        prep: the reply.
        after_closing: (start, end) of the lines after the last closing line (or the last line
            when there is no closing line).
        last: (start, end) of the reply's last non-blank line.
    """
    while len(after_closing) > 1 and prep.folded[after_closing[0][1] - 1] in _SENTENCE_END:
        after_closing = after_closing[1:]  # "Хорошей прогулки!" above the signature is a wish, not a name
    if after_closing and all(impersonal(prep.folded[s:e]) for s, e in after_closing):
        s, e = after_closing[0]
        return [finding("impersonal_signature", s, e, suggestion="{{agent.name}}")]
    return _inline(prep, last)


def _inline(prep: Prepared, line: tuple[int, int]) -> list[Finding]:
    """A signature sharing the last line with the closing or the last sentence ("… Thanks! Team X")."""
    start, end = line
    text = prep.folded[start:end]
    cut = max((m.end() for m in _CUT.finditer(text)), default=0)
    closed = _closing_end(prep.lang, text)
    cut = max(cut, closed)
    rest = text[cut:]
    lead = len(rest) - len(rest.lstrip(_EDGE_PUNCTUATION))
    rest = rest.strip(_EDGE_PUNCTUATION)
    if not cut or not rest or len(rest.split()) > _MAX_WORDS:
        return []
    at = start + cut + lead
    after_formula = closed and not any(map(str.isalnum, text[closed:cut]))
    raw = prep.text[start + len(text[:cut].rstrip()) : end].lstrip(_EDGE_PUNCTUATION)
    if not after_formula and raw[:1].islower():
        return []  # a lower-case word after a full stop continues the text ("… e.g. support")
    if not impersonal(rest):
        return []
    return [finding("impersonal_signature", at, at + len(rest), suggestion="{{agent.name}}")]
