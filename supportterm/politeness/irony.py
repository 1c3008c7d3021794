"""Provides `mock_praise`: thanks for a "detailed" report when the customer wrote one line.

Why: "Thanks for the very detailed report" is sincere after a long bug report and sarcasm after
"it doesnt work". No word list can tell the two apart; the length of the customer's message can.
Only intensified thanks count ("thanks for the very detailed…", "спасибо за очень подробное…"): a plain
"thanks for the detailed notes" stays fine. Only runs when the customer's message is known.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .findings import Finding, finding, translatable
from .prepared import Prepared

_SHORT_MESSAGE = 60
"""Letters in a customer message below which praising its detail reads as irony."""
_INTENSE_DETAIL = re.compile(
    r"(?<!\w)(?:incredibly|amazingly|wonderfully|truly|remarkably|extremely|super|very|most|such\s+an?|so)\s+"
    r"(?:detailed|thorough|comprehensive|exhaustive|informative|precise|descriptive|helpful|useful)"
    r"|(?<!\w)(?:невероятно|очень|крайне|исключительно|потрясающе|на\s+редкость|такое|такой|столь)\s+"
    r"(?:подробн|детальн|исчерпывающ|информативн)"
    r"|(?<!\w)(?:inanılmaz|çox|son\s+dərəcə|olduqca|belə|həddən\s+artıq)\s+(?:dərəcədə\s+)?"
    r"(?:ətraflı|müfəssəl|hərtərəfli|dəqiq)"
)
"""An intensified word of detail ("very detailed", "очень подробное", "çox ətraflı")."""
_STEMS = tuple(
    "detail thorough comprehensive exhaustive informative precise descriptive helpful useful "
    "подробн детальн исчерпывающ информативн ətraflı müfəssəl hərtərəfli dəqiq".split()
)
"""Substrings one of which the reply must contain before the regex runs (a plain `in` is cheap)."""
_THANKS = re.compile(r"thank|appreciat|спасибо|благодар|признател|təşəkkür|sağ\s+ol|minnətdar")
_ATTACHMENT = r"(?:photos?|pictures?|screenshots?|videos?|files?|logs?|attachments?|scans?)"
_ATTACHED = re.compile(
    rf"\b(?:for|with)\s+(?:the|your|these|those|this|all\s+the)\s+(?:\w+\s+)?{_ATTACHMENT}\b"
    rf"|\bthe\s+{_ATTACHMENT}\s+(?:made|make|show|showed|helped|help)\b"
    r"|(?<!\w)за\s+(?:\w+\s+)?(?:фото\w*|снимк\w*|скриншот\w*|видео|файл\w*|лог\w*|вложени\w*|скан\w*)"
    r"|(?<!\w)(?:foto\w*|şəkil\w*|skrinşot\w*|video\w*|fayl\w*|loq\w*)\s+üçün"
)
"""Thanks for what the customer attached ('Thank you for the photo next to the proof; it's very helpful'): a short
message with a photo has given detail, so the thanks are sincere ('it really paints a picture' is no attachment)."""
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
"""What ends a sentence (a sentence is a run of other characters)."""


@lru_cache(maxsize=64)
def _short(customer_text: str) -> bool:
    """True when the customer's message has too few letters to deserve praise for its detail."""
    return sum(ch.isalpha() for ch in customer_text[: _SHORT_MESSAGE * 4]) < _SHORT_MESSAGE


def mock_praise(prep: Prepared, customer_text: str | None) -> list[Finding]:
    """A sarcasm finding for praise of detail that the customer's short message cannot have earned."""
    if customer_text is None or not _short(customer_text):
        return []
    folded = prep.folded
    if not any(map(folded.__contains__, _STEMS)):
        return []
    thanks = _THANKS.search(folded)
    while thanks is not None:
        # Only the sentences in which a thanks match starts can thank: they alone are read, in text order
        # (a text of several replies thanks in a few of its forty sentences).
        at = thanks.start()
        start = max(folded.rfind(".", 0, at), folded.rfind("!", 0, at), folded.rfind("?", 0, at),
                    folded.rfind("\n", 0, at)) + 1
        stop = _SENTENCE_BREAK.search(folded, at)
        end = stop.start() if stop else len(folded)
        sentence = folded[start:end]
        # Searched in the sentence alone, as before: a thanks match must not run past its end.
        if _THANKS.search(sentence) and (m := _INTENSE_DETAIL.search(sentence)) and not _ATTACHED.search(sentence):
            message = translatable("Praises detail the customer did not give: reads as sarcasm.")
            return [finding("sarcasm", start + m.start(), start + m.end(), message)]
        thanks = _THANKS.search(folded, end)
    return []
