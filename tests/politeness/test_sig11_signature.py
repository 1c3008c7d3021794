"""`signature._generic_whole` joins every language's `impersonal_signature` entries without their opening
look-behind: it must accept exactly the parts the per-language `fullmatch` accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportterm.politeness import signature
from supportterm.politeness.folding import fold

SETS = Path(__file__).parent


def _per_language(part: str) -> bool:
    return any(cat.fullmatch(part) for cat in signature._GENERIC)


EDGES = [
    "customer support team", "support", "the support team", "agent 214", "anna petrova", "служба поддержки",
    "команда таскер", "оператор № 7", "dəstək xidməti", "müştəri xidmətləri", "7-ci pəncərə", "b", "",
    "'support", "-support", "support'", "x support team", "İlqar", "ı", "kelvin\u212a team", "٣ support",
    "reservations team", "quickdrop support team", "helpdeskbot", "отдел по работе с клиентами",
]


@pytest.mark.parametrize("part", EDGES)
def test_joined_pattern_accepts_what_each_language_accepts(part: str) -> None:
    assert (signature._generic_whole().fullmatch(part) is not None) == _per_language(part)


def test_same_on_every_labelled_line() -> None:
    checked = 0
    for path in sorted(SETS.glob("**/*.jsonl")):
        if "sealed" in path.parts:
            continue
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            lang = path.stem if path.stem in ("en", "ru", "az") else "en"
            for row in fold(str(item.get("text", "")), lang).splitlines()[-4:]:
                for part in [row.strip(), *signature._PART_BREAK.split(row)]:
                    part = " ".join(part.strip(signature._EDGE_PUNCTUATION).split())
                    if part:
                        assert (signature._generic_whole().fullmatch(part) is not None) == _per_language(part)
                        checked += 1
    assert checked > 1000
