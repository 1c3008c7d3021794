"""Provides `check`: the politeness and confidentiality checker of a reply (DESIGN §4).

Who calls it: the composer on every (debounced) edit, `supportterm check`, and the evaluation
tools. It is a pure function of the text and its context; lexicons and the tone weights are
loaded once at import. Most rules look at one paragraph at a time and their results are cached
per paragraph, so a keystroke re-checks only the paragraph it changed (no rule spans a blank line).
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from . import (
    address,
    addressee,
    agreement,
    answers,
    backstop,
    brand,
    caps,
    closure,
    confidential,
    echo,
    figures,
    irony,
    language,
    negation,
    neighbours,
    secrets,
    selfservice,
    structure,
    tone_rules,
)
from .findings import (
    CATEGORIES,
    ERROR,
    HINT,
    LANGUAGE_NAMES,
    SEVERITY,
    WARNING,
    Finding,
    Report,
    translatable,
    worded_finding,
)
from .folding import fold
from .masking import mask
from .prepared import Prepared
from .tone import WINDOW
from .tone import score as tone_score

__all__ = ["CATEGORIES", "ERROR", "HINT", "SEVERITY", "WARNING", "Finding", "Report", "check", "clear_cache"]

_MIN_LETTERS_FOR_LANGUAGE = 20
_MISMATCH = translatable("The customer wrote in {customer_language}; this reply is in {reply_language}.")
_detect = lru_cache(maxsize=256)(language.detect)
_tone = lru_cache(maxsize=256)(tone_score)


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
    code = _detect(text[:600]) if lang == "auto" else lang
    emails, phones = _allowed(customer_text, allowed_emails)
    masked = text if internal else mask(text)
    folded = fold(masked, code)  # once for the whole reply: each chunk reads its part
    greeted = addressee.names(text)
    found = secrets.private_keys(text)
    found += _paragraphs(text, masked, folded, code, emails, phones, greeted, internal)
    found = brand.drop_company_mailboxes(found, text)
    if internal:
        return Report(language=code, findings=_dedupe(found), tone=0.0)
    whole = Prepared(text, masked, folded, code)
    found += structure.structure_rules(whole) + _mismatch(whole, customer_text)
    found += irony.mock_praise(whole, customer_text) + selfservice.unhelped_self_service(whole)
    found += closure.closed_without_help(whole)
    found += confidential.listed_terms(text, code, confidential_terms)
    found = answers.drop_answered_no(found, whole, customer_text)
    found = confidential.drop_customers_figures(found, text, customer_text)
    found = echo.drop_echoed_insults(found, text, customer_text)
    rude = sum(f.category == "rude" and f.start < WINDOW for f in found)
    if code == "ru":
        found = agreement.agree(text, found)
    found += backstop.backstop_findings(text, whole.folded, code, found)
    return Report(language=code, findings=_dedupe(found), tone=_tone(text[:WINDOW], code, rude=rude))


def clear_cache() -> None:
    """Forget cached per-line results (benchmarks measure cold checks with it)."""
    for cached in (_detect, _tone, _allowed, _paragraph):
        cached.cache_clear()
    backstop.clear_cache()


@lru_cache(maxsize=64)
def _allowed(
    customer_text: str | None, allowed_emails: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str]]:
    return secrets.allowed_contacts(customer_text, allowed_emails)


_CHUNK = 400
"""Paragraphs are grouped into chunks of at least this many characters: fewer, larger cache
entries keep a cold check fast, and an edit still re-checks only its own chunk."""


def _chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) of runs of whole paragraphs, each at least `_CHUNK` long except the last.

    A chunk ends at the first paragraph break at least `_CHUNK` characters after its start, so the
    break is searched from there: one `find` per chunk, not one per paragraph (a 2 KB reply of the
    latency benchmark has about fifty breaks and five chunks).
    """
    out = []
    start = 0
    while True:
        cut = text.find("\n\n", start + max(_CHUNK, 1))
        if cut < 0:
            out.append((start, len(text)))
            return out
        out.append((start, cut))
        start = cut


def _paragraphs(
    text: str,
    masked: str,
    folded: str,
    lang: str,
    emails: frozenset[str],
    phones: frozenset[str],
    greeted: frozenset[str],
    internal: bool,
) -> list[Finding]:
    """Findings of every chunk of paragraphs, from the cache, moved to their offsets in `text`.

    `folded` is `masked` folded: each chunk's part of it is the chunk folded on its own, as `fold` reads
    each character alone but for the Greek final sigma, which looks past no line break, and a chunk is
    cut at a blank line (masking keeps every line break).
    """
    out: list[Finding] = []
    for start, end in _chunks(text):
        found = _paragraph(
            text[start:end], masked[start:end], folded[start:end], lang, emails, phones, greeted, internal
        )
        if not start:
            out += found
            continue
        out += _moved(found, start)
    return out


_new_tuple = tuple.__new__


def _moved(found: tuple[Finding, ...], offset: int) -> list[Finding]:
    """`found` with their spans moved by `offset`.

    Built whole from the unpacked fields by `tuple.__new__`, which is all the named tuple's own `__new__`
    does, without its Python-level call (about a third of the time; `Finding._replace` goes through a
    Python-level map and cost twice as much).
    """
    return [
        _new_tuple(Finding, (category, severity, start + offset, end + offset, message, hint, template, args))
        for category, severity, start, end, message, hint, template, args in found
    ]


@lru_cache(maxsize=1024)
def _paragraph(
    raw: str,
    masked: str,
    folded: str,
    lang: str,
    emails: frozenset[str],
    phones: frozenset[str],
    greeted: frozenset[str],
    internal: bool,
) -> tuple[Finding, ...]:
    """Findings of one paragraph: secrets always; wording, address and confidentiality for replies.

    `folded` is `masked` folded for `lang` (`fold`), part of the whole reply's folding."""
    # isspace() is strip()'s test of every character without the copy: "" or blanks only.
    found = [] if not raw or raw.isspace() else secrets.secret_rules(raw, emails, phones, greeted)
    if internal or not masked or masked.isspace():
        return tuple(found)
    prep = Prepared.from_folded(raw, masked, folded, lang)
    lexical = tone_rules.lexicon_rules(prep)
    if lexical:  # the two filters of negation.py keep nothing of nothing: most chunks have no hit
        found += negation.drop_names(negation.drop_negated(lexical, prep), prep)
    found += tone_rules.shouting(prep) + caps.shouted_lines(prep) + address.verb_rules(prep)
    figures_found = confidential.figures(prep) + confidential.markers(prep)
    found += figures_found or figures.structural_figures(prep)
    return tuple(found)


def _mismatch(prep: Prepared, customer_text: str | None) -> list[Finding]:
    """A warning when the reply is not in the language of the customer's message."""
    if not customer_text or _letters(customer_text[:200]) < _MIN_LETTERS_FOR_LANGUAGE:
        return []
    theirs = _detect(customer_text[:600], default="")
    if not theirs:
        return []
    ours = prep.lang if theirs != prep.lang else neighbours.neighbour(prep.text, prep.lang, prep.folded)
    if ours is None or ours == theirs or _letters(prep.text[:200]) < _MIN_LETTERS_FOR_LANGUAGE:
        return []  # the letter count last: most replies are in the customer's language
    end = prep.text.find("\n")
    theirs_name, ours_name = LANGUAGE_NAMES.get(theirs, theirs), LANGUAGE_NAMES.get(ours, ours)
    return [worded_finding("language_mismatch", 0, end if end >= 0 else len(prep.text), _MISMATCH,
                           customer_language=theirs_name, reply_language=ours_name)]


def _dedupe(found: list[Finding]) -> tuple[Finding, ...]:
    """Findings sorted by position, without repeats of the same category on an overlapping span."""
    out: list[Finding] = []
    # (category, start, end of the span it covers) of each finding in `out`, unpacked in the inner loop:
    # three attribute reads of every finding compared took about half of the function's time.
    kept: list[tuple[str, int, int]] = []
    for f in _in_reading_order(found):
        category, start = f.category, f.start
        for other, other_start, covered_end in kept[-8:]:  # a plain loop: a generator cost more
            if other_start <= start < covered_end and other == category:
                break
        else:
            out.append(f)
            end = f.end
            kept.append((category, start, end if end > start else start + 1))  # max() cost a call each
    return tuple(out)


_START, _END, _CATEGORY = attrgetter("start"), attrgetter("end"), attrgetter("category")


def _in_reading_order(found: list[Finding]) -> list[Finding]:
    """`found` by start; at one start the longest span first, then by category.

    Three stable sorts by C-level keys, last key first, instead of one by a Python function building
    (start, start - end, category) per finding: the same order, ties kept in the order found.
    """
    ordered = sorted(found, key=_CATEGORY)
    ordered.sort(key=_END, reverse=True)  # a reversed sort is stable too: ties keep their order
    ordered.sort(key=_START)
    return ordered


def _letters(text: str) -> int:
    """How many characters of `text` are letters (`str.isalpha`), counted in C."""
    return sum(map(str.isalpha, text))
