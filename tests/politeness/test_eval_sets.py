"""Provides shape checks of the independent evaluation sets (tuning/, blind1/, and blind/ once it lands).

These tests never run the checker: they only guard the labels, so that a broken line or a typo in a
category cannot silently change the scores the report prints.
"""

from __future__ import annotations

import json
import re
import tarfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SET_SIZES = {
    "tuning": 40, "blind1": 60, "tuning2": 100, "blind": 80, "blind3": 80,
    "authors5/d1": 100, "authors5/d2": 100, "authors5/d3": 100, "authors5/d4": 100, "blind5": 80,
    "authors6/d5": 100, "authors6/d6": 100, "authors6/d7": 100, "authors6/d8": 100, "authors6/d9": 100,
    "authors6/d10": 100, "authors6/d11": 100, "authors6/d12": 100,
    "authors8/d13": 100, "authors8/d14": 100, "authors8/d15": 100,
    "blind7": 80, "blind8": 80, "blind9": 80, "blind10": 80,
    "blind11": 80, "blind12": 80, "blind13": 80, "blind14": 80, "blind15": 80, "blind16": 80,
    "blind17": 80, "blind18": 80, "blind19": 80, "blind20": 80,
    "blind21": 80, "blind22": 80, "blind23": 80, "blind24": 80,
    "blind25": 80, "blind26": 80, "blind27": 80, "blind28": 80, "blind29": 80, "blind30": 80, "blind31": 80, "blind32": 80, "blind33": 80, "blind34": 80, "blind35": 80, "blind36": 80, "blind37": 80, "blind38": 80, "blind39": 80, "blind40": 80, "blind41": 80, "blind42": 80, "blind43": 80, "blind44": 80, "blind45": 80, "blind46": 80, "blind47": 80, "blind48": 80, "blind49": 80, "blind50": 80, "blind51": 80, "blind52": 80, "blind53": 80, "blind54": 80, "blind55": 80, "blind56": 80, "blind57": 80, "blind58": 80, "blind59": 80, "blind60": 80, "blind61": 80, "blind62": 80, "blind63": 80, "blind64": 80, "blind65": 80, "blind66": 80, "blind67": 80, "blind68": 80, "blind69": 80,
}
LANGS = ("en", "ru", "az")
SEALED_SIZE = 80
CATEGORIES = {
    "rude", "blame", "dismissive", "sarcasm", "shouting", "argumentative", "informal_address",
    "confidential", "secret", "language_mismatch", "impersonal_signature",
}
KEYS = {"text", "lang", "customer_text", "needs_fix", "categories"}
AZ_LETTERS = set("əƏıİşŞçÇğĞöÖüÜ")


def load(set_name: str, lang: str) -> list[dict[str, object]]:
    """Every item of one file; a line that is not a JSON object fails here with its number."""
    path = HERE / set_name / f"{lang}.jsonl"
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        item = json.loads(line)
        assert isinstance(item, dict), f"{path}:{number}"
        items.append(item)
    return items


def has_cyrillic(text: str) -> bool:
    """Whether any letter is Cyrillic (U+0400..U+04FF)."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def check_shape(items: list[dict[str, object]], lang: str, size: int) -> None:
    """The documented item shape; messages name line numbers only (sealed sets stay unread)."""
    assert len(items) == size
    for number, item in enumerate(items, start=1):
        assert set(item) <= KEYS and {"text", "lang", "needs_fix", "categories"} <= set(item), number
        assert item["lang"] == lang, number
        assert isinstance(item["text"], str) and item["text"].strip(), number
        categories = item["categories"]
        assert isinstance(categories, list) and set(categories) <= CATEGORIES, number
        assert len(set(categories)) == len(categories), number
        assert item["needs_fix"] is bool(categories), number
        if "language_mismatch" in categories:
            assert item.get("customer_text"), f"{number}: a language mismatch needs the customer's message"
        if lang == "en":
            assert "informal_address" not in categories, number
    share = sum(bool(item["needs_fix"]) for item in items) / len(items)
    assert 0.4 <= share <= 0.6


@pytest.mark.parametrize("set_name", sorted(SET_SIZES))
@pytest.mark.parametrize("lang", LANGS)
def test_items_have_the_documented_shape(set_name: str, lang: str) -> None:
    check_shape(load(set_name, lang), lang, SET_SIZES[set_name])


@pytest.mark.parametrize("archive", sorted((HERE / "sealed").glob("*.tar.gz")), ids=lambda p: p.name)
def test_sealed_sets_have_the_documented_shape(archive: Path) -> None:
    """A sealed set (tools/score_sealed.py) is checked without printing any of its items."""
    with tarfile.open(archive, "r:gz") as sealed:
        for lang in LANGS:
            member = sealed.extractfile(f"{lang}.jsonl")
            assert member is not None, lang
            lines = member.read().decode("utf-8").splitlines()
            check_shape([json.loads(line) for line in lines if line.strip()], lang, SEALED_SIZE)


def unquoted(text: str) -> str:
    """`text` without its double-quoted or «guillemet» spans."""
    return re.sub(r'"[^"\n]*"|«[^»\n]*»|“[^”\n]*”', "", text)


@pytest.mark.parametrize("set_name", sorted(SET_SIZES))
def test_replies_are_written_in_their_file_language(set_name: str) -> None:
    """Only a labelled language mismatch may be written in another script or language."""
    for lang in LANGS:
        for item in load(set_name, lang):
            if "language_mismatch" in item["categories"]:  # type: ignore[operator]
                continue
            text = str(item["text"])
            if lang == "ru":
                assert has_cyrillic(text), text[:60]
            elif lang == "az":  # a quoted UI label may be Cyrillic ("Русский" in a language menu)
                assert AZ_LETTERS & set(text) and not has_cyrillic(unquoted(text)), text[:60]
            else:
                assert not has_cyrillic(text) and not {"ə", "Ə"} & set(text), text[:60]


def test_no_reply_appears_twice_across_the_sets() -> None:
    """The blind set must not share a reply with the tuning set (or repeat one of its own)."""
    seen: set[str] = set()
    for set_name in SET_SIZES:
        for lang in LANGS:
            for item in load(set_name, lang):
                text = " ".join(str(item["text"]).split())
                assert text not in seen, text[:60]
                seen.add(text)
