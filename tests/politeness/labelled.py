"""The labelled replies the shortcut tests replay, random texts they add, and `language.detect` as it was
before its shortcuts.

Shared by the tests that prove a faster search finds what the original one did: each compares the two
on every labelled reply. The sealed sets (tar archives under sealed/) are never opened.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from pathlib import Path

from supportterm.politeness import language

SETS = Path(__file__).parent


def replies(lang: str = "*") -> list[tuple[str, str]]:
    """(text, language) of every labelled reply in `lang` ("*": every language's file)."""
    return [
        (str(json.loads(line)["text"]), path.stem)
        for path in sorted(SETS.glob(f"*/{lang}.jsonl"))
        if "sealed" not in path.parts
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def random_texts(pieces: Sequence[str], count: int, seed: int, longest: int) -> list[str]:
    """`count` texts of up to `longest` pieces (or characters of a string) drawn at random, the same
    texts for the same seed: the shortcut tests' edge-case fuzz."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def texts(lang: str = "*") -> list[str]:
    """The text of every labelled reply in `lang` ("*": all)."""
    return [text for text, _ in replies(lang)]


_ORIGINAL_WORD = re.compile(r"[^\W\d_]+")
_ORIGINAL_CYRILLIC = re.compile(r"[а-яё]+")
_ORIGINAL_AZ_LETTERS = re.compile(r"[əğışçöü]")


def original_detect(text: str, default: str = "en") -> str:
    """`language.detect` as it was before any shortcut: three regex scans and four set lookups a word."""
    low = text[:1500].lower()
    words = _ORIGINAL_WORD.findall(low)
    letters = sum(map(len, words))
    if letters < 3:
        return default
    if sum(map(len, _ORIGINAL_CYRILLIC.findall(low))) > letters * 0.4:
        return "ru"
    scores = {lang: sum(map(stop.__contains__, words)) for lang, stop in language.STOPWORDS.items()}
    scores["az"] += 2 * len(_ORIGINAL_AZ_LETTERS.findall(low)) // 3
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else default
