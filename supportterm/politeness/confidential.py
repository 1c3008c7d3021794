"""Provides the confidentiality rules: business figures, internal markers and team-listed terms.

A figure word ("revenue", "оборот", "dövriyyə", "our customers") counts only with a number in the
same sentence: "our revenue team" is fine, "revenue was $4.2M" is not; nor does a sentence that
refuses to share the figures ("we don't disclose internal numbers", "не раскрываем"), nor the
customer's own figures ("your revenue report shows $4,200", "ваша выручка", "dövriyyəniz").
"""

from __future__ import annotations

import re

from . import lexicons
from .findings import Finding, finding
from .folding import fold
from .prepared import Prepared

_NUMBER = re.compile(
    r"(?:[$€£₽₼]\s*\d|\b(?:EUR|USD|GBP|AZN|RUB)\s*\d|\d[\d\s.,]*\s*(?:%|[kKmM]\b|bn\b|mln|млн|млрд|тыс|milyon|milyard|min\b|million|billion|"
    r"thousand|manat|рубл|\$|€)|\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d{3,})"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_REFUSAL = re.compile(
    r"(?:\b(?:don't|do\s+not|can't|cannot|won't|never|not\s+able\s+to|unable\s+to)\s+(?:\w+\s+)?"
    r"(?:share|disclose|publish|reveal|give\s+out|comment\s+on)\b"
    r"|(?<![\w-])не\s+(?:раскрываем|разглашаем|публикуем|сообщаем|делимся|называем|можем\s+(?:раскрыть|поделиться"
    r"|сообщить|назвать|разглашать))"
    r"|(?<!\w)(?:paylaşmırıq|açıqlamırıq|bildirmirik|dərc\s+etmirik|(?:açıqlaya|paylaşa|deyə)\s+bilmərik))",
    re.I,
)
"""'We don't disclose internal figures' names a figure word to refuse it: no finding."""
_YOURS_BEFORE = re.compile(r"(?:\byour|(?<![\w-])ваш\w*|(?<!\w)sizin)\s+(?:[\w-]+\s+)?$")
_YOURS_SUFFIX = re.compile(r"(?:[ıiuü]n[ıiuü]z|n[ıiuü]z)(?:[ıiuü]n|d[əa]n|d[əa]|[əa])?$")
"""'Your revenue report', 'ваша выручка', 'dövriyyəniz': the customer's own figures are theirs to hear."""


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around text[start:end]."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    right = _SENTENCE_END.search(text, end)
    return left, right.start() if right else len(text)


def figures(prep: Prepared) -> list[Finding]:
    """Business-figure words with a number in the same sentence."""
    cat = lexicons.category(prep.lang, "confidential_figures")
    if cat is None:
        return []
    out = []
    for start, end, entry in prep.hits.get("confidential_figures", ()):
        left, right = _sentence(prep.masked, start, end)
        if _YOURS_BEFORE.search(prep.folded, max(left, start - 30), start):
            continue
        if prep.lang == "az" and _YOURS_SUFFIX.search(prep.folded, start, end):
            continue
        if _NUMBER.search(prep.masked, left, right) and not _REFUSAL.search(prep.folded, left, right):
            out.append(finding("confidential", start, end, entry.message or cat.message))
    return out


_WE_REFUSE = re.compile(
    r"\bwe\s+(?:do\s+not|don't|cannot|can't|won't|never)\s+(?:\w+\s+)?(?:share|disclose|publish|reveal)\b"
    r"|(?<![\w-])не\s+(?:раскрываем|разглашаем|публикуем|сообщаем|называем|можем\s+(?:раскрыть|разглашать))"
    r"|(?<!\w)(?:paylaşmırıq|açıqlamırıq|(?:açıqlaya|paylaşa)\s+bilmərik)"
)
"""'We don't disclose it: it is internal information' gives the reason for a refusal, not a leak."""


def markers(prep: Prepared) -> list[Finding]:
    """Phrases that mark pasted internal text ("internal only", "не для клиента")."""
    cat = lexicons.category(prep.lang, "confidential_markers")
    if cat is None:
        return []
    out = []
    for s, e, entry in prep.hits.get("confidential_markers", ()):
        left, right = _sentence(prep.masked, s, e)
        if not _WE_REFUSE.search(prep.folded, left, right):
            out.append(finding("confidential", s, e, entry.message or cat.message))
    return out


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
        finding(
            "confidential",
            m.start(),
            m.end(),
            f"'{text[m.start() : m.end()]}' is on the team's list of confidential terms.",
        )
        for m in pattern.finditer(fold(text, lang))
    ]
