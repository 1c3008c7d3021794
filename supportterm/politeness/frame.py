"""Provides `body_span`: where a reply's greeting ends and its sign-off (closing and signature) begins.

Who calls it: the learned backstop (`backstop.py`) and its trainer (tools/train_backstop.py). A model that
sees greetings and sign-offs learns the writers' habits ("Regards, Nina" closed most faulty training
replies in English) instead of tone, so it scores only the body between them. The greeting and closing
are recognised by the same lexicons as the structure rules (`structure.py`); the comma after a greeting
is read as a sentence end (`greeting.py`).
"""

from __future__ import annotations

import re

from . import lexicons

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")
_TAIL_LINES = 4
"""The structure rules look for the closing in the last four lines, so do we."""
_MAX_GREETING_WORDS = 8
"""A first sentence longer than this is body text even when it opens with "thanks for …"."""
_MAX_NAME_WORDS = 3
"""Words of a name after the greeting's comma ("Yaqub bəy!")."""
_MAX_SIGNATURE_WORDS = 4
"""A last line this short without sentence punctuation, after no closing, is a signature ("Nina K.")."""
_MAX_INLINE_SIGNATURE_WORDS = 2
"""A one-line reply may end in a bare signature after its last sentence ("… Thanks. Priya")."""


def _lines(folded: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line from `start` on, stripped of surrounding spaces."""
    out = []
    for m in _LINE.finditer(folded, start):
        line = m.group()
        out.append((m.start() + len(line) - len(line.lstrip()), m.start() + len(line.rstrip())))
    return out


_EDGE = 400
_NEEDED = _TAIL_LINES + 2
"""Lines the sign-off needs: the first line and the last four after it, plus one to tell them apart."""


def _edge_lines(folded: str) -> list[tuple[int, int]]:
    """The first line and at least the last `_NEEDED` - 1 lines: what `body_span` reads of `_lines`,
    without splitting a long reply into all its lines (the middle is never looked at)."""
    window = _EDGE
    while True:
        start = folded.rfind("\n", 0, max(len(folded) - window, 0)) + 1
        if start == 0:
            return _lines(folded)
        tail = _lines(folded, start)
        if len(tail) >= _NEEDED:
            first = _LINE.search(folded)
            return _lines(folded[: first.end()])[:1] + tail if first else tail
        window *= 2


def _starts(lang: str, name: str, text: str) -> bool:
    cat = lexicons.category(lang, name) or lexicons.category("en", name)
    return cat is not None and cat.starts(text)


def _greeting_end(folded: str, lang: str, line: tuple[int, int], text: str) -> int:
    """The end of the opening greeting sentence on the first line, or the line's start when none.

    The greeting comma reads as a sentence end, but a name after it belongs to the greeting
    ("Здравствуйте, Константин!", "Salam, Yaqub bəy!"): a short capitalised rest of the sentence.
    """
    start, end = line
    if not _starts(lang, "greeting", folded[start:end]):
        return start
    stop = _SENTENCE_END.search(folded, start, end)
    cut = stop.end() if stop else end
    if cut < end and folded[cut - 1] == "." and text[cut - 1] == ",":
        rest = _SENTENCE_END.search(folded, cut, end)
        rest_end = rest.end() if rest else end
        words = text[cut:rest_end].split()
        if words and len(words) <= _MAX_NAME_WORDS and words[0][:1].isupper():
            cut = rest_end
    return cut if len(folded[start:cut].split()) <= _MAX_GREETING_WORDS else start


def _last_sentence_start(folded: str, start: int, end: int) -> int:
    """Where the last sentence of folded[start:end] begins (after the last sentence end before `end`)."""
    cut = start
    for m in _SENTENCE_END.finditer(folded, start, end):
        if m.end() < end:
            cut = m.end()
    while cut < end and folded[cut].isspace():
        cut += 1
    return cut


def _sign_off_start(folded: str, lang: str, lines: list[tuple[int, int]], body_start: int) -> int:
    """Where the closing formula and signature begin: a one-sentence closing line among the last lines
    ("Best regards,"; not "Thanks for waiting. <more>"), a closing opening the last sentence of the last
    line, or else a short signature line or trailing name."""
    closing = [
        s
        for s, e in lines[1:][-_TAIL_LINES:]
        if _starts(lang, "closing", folded[s:e]) and _last_sentence_start(folded, s, e) == s
    ]
    if closing:
        return closing[-1]
    start, end = lines[-1]
    last = max(_last_sentence_start(folded, start, end), body_start)
    if last < end and _starts(lang, "closing", folded[last:end]):
        return last
    if len(lines) > 1 and (start, end) != lines[0]:
        words = folded[start:end].split()
        if len(words) <= _MAX_SIGNATURE_WORDS and not _SENTENCE_END.search(folded, start, end):
            return start
    if last > start:
        rest = folded[last:end]
        if len(rest.split()) <= _MAX_INLINE_SIGNATURE_WORDS and not _SENTENCE_END.search(rest):
            return last
    return end


def body_span(folded: str, lang: str, text: str) -> tuple[int, int]:
    """(start, end) of the reply's body: after the greeting sentence, before the closing and signature.

    Args:
        folded: the masked reply, folded and with the greeting comma read as a full stop
            (`greeting.break_after_greeting(fold(mask(text), lang))`).
        lang: the reply's language (greeting and closing lexicons).
        text: the reply as typed (same length), for the capital letter of a greeted name.
    """
    lines = _edge_lines(folded)
    if not lines:
        return 0, 0
    start = _greeting_end(folded, lang, lines[0], text)
    end = _sign_off_start(folded, lang, lines, start)
    return (start, end) if start < end else (start, start)
