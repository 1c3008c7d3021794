"""Provides `check`: the politeness and confidentiality checker of a reply (DESIGN §4).

Who calls it: the composer on every (debounced) edit, `supportterm check`, and the evaluation
tools. It is a pure function of the text and its context; lexicons and the tone weights are
loaded once at import, so a call only runs precompiled regexes.
"""

from __future__ import annotations

from . import address, confidential, language, secrets, structure, tone_rules
from .findings import CATEGORIES, ERROR, HINT, SEVERITY, WARNING, Finding, Report, finding
from .prepared import Prepared
from .tone import score as tone_score

__all__ = ["CATEGORIES", "ERROR", "HINT", "SEVERITY", "WARNING", "Finding", "Report", "check"]

_MIN_LETTERS_FOR_LANGUAGE = 20
_NAMES = {"en": "English", "ru": "Russian", "az": "Azerbaijani", "de": "German", "fr": "French"}


def check(
    text: str,
    *,
    lang: str = "auto",
    customer_text: str | None = None,
    internal: bool = False,
    confidential_terms: tuple[str, ...] = (),
    allowed_emails: tuple[str, ...] = (),
) -> Report:
    """Check a reply before it is sent.

    Args:
        text: the reply as typed.
        lang: "auto" to detect, or "en", "ru", "az" (also "de", "fr": address rules only).
        customer_text: the customer's last message: its language is expected in the reply, and
            its e-mail addresses and phone numbers may be mentioned.
        internal: an internal note; only `secret` findings are reported.
        confidential_terms: terms the team never shares with customers (project names, …).
        allowed_emails: addresses that may appear, such as the company's support address.

    Returns:
        A `Report`; its findings are sorted by position.
    """
    code = language.detect(text) if lang == "auto" else lang
    emails, phones = secrets.allowed_contacts(customer_text, allowed_emails)
    found = secrets.secret_rules(text, emails, phones)
    if not internal:
        found += _reply_rules(Prepared.of(text, code), customer_text, confidential_terms)
    return Report(language=code, findings=_dedupe(found), tone=0.0 if internal else tone_score(text, code))


def _reply_rules(prep: Prepared, customer_text: str | None, terms: tuple[str, ...]) -> list[Finding]:
    """Every rule that applies to customer-facing replies."""
    found = tone_rules.lexicon_rules(prep) + tone_rules.shouting(prep) + address.verb_rules(prep)
    found += confidential.figures(prep) + confidential.markers(prep)
    found += confidential.listed_terms(prep.text, prep.lang, terms)
    found += structure.structure_rules(prep)
    found += _mismatch(prep, customer_text)
    return found


def _mismatch(prep: Prepared, customer_text: str | None) -> list[Finding]:
    """A warning when the reply is not in the language of the customer's message."""
    if not customer_text or sum(ch.isalpha() for ch in customer_text) < _MIN_LETTERS_FOR_LANGUAGE:
        return []
    theirs = language.detect(customer_text, default="")
    if not theirs or theirs == prep.lang or sum(ch.isalpha() for ch in prep.text) < _MIN_LETTERS_FOR_LANGUAGE:
        return []
    end = prep.text.find("\n")
    message = f"The customer wrote in {_NAMES.get(theirs, theirs)}; this reply is in {_NAMES.get(prep.lang, prep.lang)}."
    return [finding("language_mismatch", 0, end if end >= 0 else len(prep.text), message)]


def _dedupe(found: list[Finding]) -> tuple[Finding, ...]:
    """Findings sorted by position, without repeats of the same category on an overlapping span."""
    out: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start), f.category)):
        if any(o.category == f.category and o.start <= f.start < max(o.end, o.start + 1) for o in out[-8:]):
            continue
        out.append(f)
    return tuple(out)
