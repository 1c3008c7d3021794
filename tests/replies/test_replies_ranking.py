"""Tests for `rank` (fuzzy, ticket language first) and `merge` (server macros beside local replies)."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from supportterm.domain.models import CannedReply
from supportterm.replies import SERVER, USER, Context, LibraryReply, load_library, merge, rank, render


@pytest.fixture(scope="module")
def starter() -> list[LibraryReply]:
    return load_library(None)[0]


def ids(replies: list[LibraryReply]) -> list[str]:
    return [r.id for r in replies]


def test_ticket_language_comes_first(starter: list[LibraryReply]) -> None:
    for lang in ("en", "ru", "az"):
        found = rank(starter, "delay", language=lang)
        assert [r.shortcut for r in found] == ["delay"] * 3
        assert found[0].language == lang


def test_language_first_even_over_a_better_match_elsewhere() -> None:
    replies = [
        LibraryReply("a", "Refund", "x", language="en", shortcut="refund"),
        LibraryReply("b", "Возврат средств", "x", language="ru", tags=("refund-policy",), shortcut="vozvrat"),
    ]
    assert ids(rank(replies, "refund", language="ru")) == ["b", "a"]
    assert ids(rank(replies, "refund", language="en")) == ["a", "b"]


def test_replies_without_language_sit_between(starter: list[LibraryReply]) -> None:
    anyone = LibraryReply("x", "Delay for anyone", "x", shortcut="delay-any")
    found = rank([*starter, anyone], "delay", language="az")
    assert ids(found)[:2] == ["starter:az/delay", "x"]


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("pwrst", "en", "starter:en/password-reset"),        # subsequence
        ("refnud", "en", "starter:en/refund"),               # one swapped pair
        ("pasword", "en", "starter:en/password-reset"),      # one missing letter
        ("gecikme", "az", "starter:az/delay"),               # without ə
        ("SIFIRLAMA", "az", "starter:az/password-reset"),    # case and ı folded
        ("задерж", "ru", "starter:ru/delay"),                # title prefix
        ("angry", "en", "starter:en/apology"),               # tag
        ("::outage", "ru", "starter:ru/outage"),             # typed after :: in the composer
        ("pass reset", "en", "starter:en/password-reset"),   # every word must match
    ],
)
def test_fuzzy_matches(starter: list[LibraryReply], query: str, language: str, expected: str) -> None:
    assert ids(rank(starter, query, language=language))[0] == expected


def test_exact_shortcut_beats_a_tag_match() -> None:
    replies = [
        LibraryReply("tag", "Something", "x", language="en", tags=("delay",), shortcut="other"),
        LibraryReply("short", "Anything", "x", language="en", shortcut="delay"),
    ]
    assert ids(rank(replies, "delay", language="en")) == ["short", "tag"]


def test_no_match_and_noise_are_excluded(starter: list[LibraryReply]) -> None:
    assert rank(starter, "zzqx", language="en") == []
    assert rank(starter, "password qqqq", language="en") == []
    # "delay" is spread across "de-escalation … apology": too loose to count.
    assert "starter:en/apology" not in ids(rank(starter, "delay", language="en"))


def test_empty_query_lists_everything_language_first(starter: list[LibraryReply]) -> None:
    found = rank(starter, "  ", language="ru")
    assert len(found) == 27
    assert {r.language for r in found[:9]} == {"ru"}


def test_plain_canned_replies_rank_too() -> None:
    replies = [CannedReply("1", "Greeting", "x", language="en"),
               CannedReply("2", "Refund", "y", language="en")]
    assert [r.id for r in rank(replies, "refund", language="en")] == ["2"]


def test_ranking_500_replies_is_fast(starter: list[LibraryReply]) -> None:
    many = [replace(r, id=f"{r.id}-{i}", title=f"{r.title} {i}") for i in range(19) for r in starter]
    assert len(many) > 500
    rank(many, "x", language="en")  # warm the folding caches, as the picker does on open
    start = time.perf_counter()
    for query in ("d", "de", "del", "dela", "delay", "pwrst", "refnud", "gecikme"):
        rank(many, query, language="en")
    per_keystroke = (time.perf_counter() - start) / 8
    assert per_keystroke < 0.05


def test_merge_puts_server_replies_beside_local_ones(starter: list[LibraryReply]) -> None:
    server = [
        CannedReply("k1", "Welcome macro", "Hi {{ticket.requester.first_name}}, {{current_user.name}}",
                    language="EN", tags=("greeting",)),
        CannedReply("k3", "Приветствие", "Здравствуйте, {customer.first_name}!", language="ru"),
    ]
    merged = merge(starter, server)
    assert ids(merged)[:27] == ids(starter)
    k1, k3 = merged[27:]
    assert (k1.source, k1.id, k1.language, k1.tags) == (SERVER, "k1", "en", ("greeting", "server"))
    assert k1.body == "Hi {{customer.first_name}}, {{agent.name}}"
    assert k3.body == "Здравствуйте, {{customer.first_name}}!" and k3.shortcut == "приветствие"
    assert render(k1, Context(agent_name="Tom Baker")).text == "Hi ⟨customer.first_name⟩, Tom Baker"
    assert ids(rank(merged, "server", language="ru"))[:2] == ["k3", "k1"]  # by the "server" tag


def test_merge_keeps_ids_unique_and_wraps_plain_local_replies() -> None:
    local = [CannedReply("k1", "Mine", "x", language="en")]
    merged = merge(local, [CannedReply("k1", "Theirs", "y")])
    assert [(r.id, r.source) for r in merged] == [("k1", USER), ("server:k1", SERVER)]
    assert merge(merged, merged[1:]) == merged  # merging again adds nothing
