"""Tests for the greeting comma read as a sentence end (one-line chat replies)."""

from __future__ import annotations

import pytest

from supportterm.politeness import check
from supportterm.politeness.findings import HINT
from supportterm.politeness.greeting import break_after_greeting


def errors(text: str) -> set[str]:
    return {f.category for f in check(text).findings if f.severity != HINT}


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("hi joan, check the faq.", "hi joan. check the faq."),
        ("здравствуйте, тамара ивановна. да", "здравствуйте. тамара ивановна. да"),
        ("salam, rəşad bəy! bəli", "salam. rəşad bəy! bəli"),
        ("thanks, bob", "thanks, bob"),
        ("we checked it, and it works", "we checked it, and it works"),
    ],
)
def test_only_the_greeting_comma_changes_and_lengths_stay(folded: str, expected: str) -> None:
    out = break_after_greeting(folded)
    assert out == expected and len(out) == len(folded)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Joan, check the FAQ. Thanks, Rick",
        "Hello, we don't support iOS 12 anymore. Closed. Dan",
        "Здравствуйте, закрываю заявку. Вадим",
        "Salam, müraciəti bağlayıram. Vüqar",
    ],
)
def test_sentence_start_entries_match_right_after_a_greeting(text: str) -> None:
    assert "dismissive" in errors(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Joan, check the FAQ section on EU tax rates: it has a worked example. Thanks, Rick Bell",
        "Hello, your ticket was closed automatically; reply and it reopens. Best, Tim Ross",
        "Здравствуйте, закрываю заявку, так как всё работает; если что, просто ответьте. Вадим Котов",
    ],
)
def test_polite_one_line_replies_stay_fine(text: str) -> None:
    assert not errors(text)
