"""Provides a quick read of an incoming customer message's heat, so the agent takes extra care.

Deliberately simple and explainable (shouting, exclamation runs, hostile words in en/ru/az); the
politeness checker's tone model scores the agent's own replies.
"""

from __future__ import annotations

import re

_HOSTILE = re.compile(
    r"\b(ridiculous|unacceptable|disgrace\w*|useless|incompetent|scam|joke|worst|furious|lawyer\w*|"
    r"can't believe|seriously|i'm leaving|cancel everything|"
    r"безобраз\w*|издева\w*|позор\w*|бардак\w*|отвратительн\w*|бесполезн\w*|мошенни\w*|смешно|"
    r"ни в какие ворота|верните деньги|сколько можно|уйду к конкурентам|"
    r"biabırçı\w*|rəzalət\w*|dəhşət\w*|yalançı\w*|fırıldaq\w*|bezdim|bezdirdiniz|səbrim tükən\w*|"
    r"gülməlidir)",
    re.IGNORECASE,
)
_EXCLAIM = re.compile(r"[!?]{2,}")


def heat(text: str) -> float:
    """0 (calm) to 1 (furious), from shouting, exclamation runs and hostile words."""
    letters = [c for c in text if c.isalpha()]
    caps = sum(c.isupper() for c in letters) / len(letters) if len(letters) >= 20 else 0.0
    shouted_words = len(re.findall(r"\b[^\W\d_]{5,}\b", text))
    upper_words = len([w for w in re.findall(r"\b[^\W\d_]{5,}\b", text) if w.isupper()])
    score = 0.0
    score += min(0.4, caps * 0.8) + (0.2 if shouted_words and upper_words / shouted_words > 0.1 else 0.0)
    score += min(0.3, 0.15 * len(_EXCLAIM.findall(text)))
    score += min(0.5, 0.25 * len(_HOSTILE.findall(text)))
    return min(1.0, score)


def is_angry(text: str) -> bool:
    """Whether to mark the message so the agent is warned before replying."""
    return heat(text) >= 0.3
