"""The search language and the FTS5 index behind it."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from factories import at, make_message, make_ticket

from supportterm.domain.models import Channel, Person, Priority, Role, Status
from supportterm.domain.query import Query, fts_match, parse
from supportterm.domain.views import View
from supportterm.store import tickets as cache
from supportterm.store.db import Store

ALL = View("all", "All")


def test_parse_filters_words_and_phrases() -> None:
    q = parse('status:open,pending lang:ru channel:phone priority:urgent assignee:me "double charge" refund')
    assert q.statuses == (Status.OPEN, Status.PENDING)
    assert (q.languages, q.channels, q.priorities) == (("ru",), (Channel.PHONE,), (Priority.URGENT,))
    assert q.assignee == "me"
    assert (q.phrases, q.words) == (("double charge",), ("refund",))
    assert q.problems == ()


def test_parse_dates_ids_aliases_and_problems() -> None:
    q = parse("before:2026-11-20 after:2026-11-01 #1042 status:active channel:mail status:bogus")
    assert q.before == datetime(2026, 11, 20, tzinfo=timezone.utc)
    assert q.after == datetime(2026, 11, 1, tzinfo=timezone.utc)
    assert q.ticket_id == "1042"
    assert q.channels == (Channel.EMAIL,)
    assert q.problems == ("status:bogus is not understood",)
    assert parse("").is_empty and not parse("x").is_empty


def test_unknown_keys_are_searched_as_text_and_fts_syntax_cannot_leak() -> None:
    q = parse('error:500 NEAR( OR "unclosed')
    assert q.words == ("error", "500", "NEAR", "OR") and q.phrases == ("unclosed",)
    assert fts_match(q) == '"unclosed" AND "error" AND "500" AND "NEAR" AND "OR"*'
    assert fts_match(Query()) is None


@pytest.fixture
def indexed(store: Store) -> Store:
    with store.transaction() as conn:
        cache.upsert_people(conn, [Person("c1", "Алексей Новиков", Role.CUSTOMER, "alexey@example.ru"),
                                   Person("c2", "Səbinə Abbasova", Role.CUSTOMER, "sebine@example.az")])
        cache.upsert_tickets(conn, [
            make_ticket("1", subject="Не принимает код 2FA", requester_id="c1", language="ru", updated_at=at(1)),
            make_ticket("2", subject="Hesab-faktura lazımdır", requester_id="c2", language="az", updated_at=at(2)),
            make_ticket("3", subject="Charged twice", requester_id="c1", channel=Channel.PHONE,
                        status=Status.PENDING, updated_at=at(3)),
        ])
        cache.upsert_messages(conn, [make_message("3", id="m1", body="The double charge on my card")])
    return store


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("код", ["1"]),
        ("2fa", ["1"]),
        ("hesab", ["2"]),
        ("sebine", ["2"]),  # customer e-mail
        ("Абасова", []),
        ("Səbinə", ["2"]),
        ("sebin", ["2"]),  # the last word is a prefix while typing
        ('"double charge"', ["3"]),  # a message body of a cached thread
        ('"charge double"', []),
        ("новиков", ["3", "1"]),
        ("новиков channel:phone", ["3"]),
        ("status:pending", ["3"]),
        ("lang:az", ["2"]),
        ("#2", ["2"]),
        ("before:2000-01-01", []),
        ("after:2000-01-01 status:active", ["2", "1"]),
    ],
)
def test_search_through_the_index(indexed: Store, search: str, expected: list[str]) -> None:
    got = indexed.read(lambda c: cache.window(c, ALL, offset=0, limit=10, search=search))
    assert [t.id for t in got] == expected
    assert indexed.read(lambda c: cache.count(c, ALL, search=search)) == len(expected)


def test_index_follows_renames_and_new_messages(indexed: Store) -> None:
    with indexed.transaction() as conn:
        cache.upsert_people(conn, [Person("c2", "Sabina Abbas", Role.CUSTOMER, "new@example.az")])
        cache.upsert_messages(conn, [make_message("1", id="m9", body="Пробовал синхронизировать время")])
        cache.upsert_tickets(conn, [make_ticket("2", subject="Invoice needed", requester_id="c2", updated_at=at(2))])
    find = lambda s: [t.id for t in indexed.read(lambda c: cache.window(c, ALL, offset=0, limit=9, search=s))]  # noqa: E731
    assert find("sabina") == ["2"] and find("sebine") == [] and find("hesab") == []
    assert find("invoice") == ["2"]
    assert find("синхронизировать") == ["1"]
    with indexed.transaction() as conn:  # raises if the index disagrees with its content
        conn.execute("INSERT INTO ticket_fts(ticket_fts) VALUES ('integrity-check')")
