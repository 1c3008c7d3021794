"""match_sent: a lost reply is recognised by text, author, visibility and time, and gets its marker."""

from __future__ import annotations

from datetime import timedelta

from factories import at, make_message

from supportterm.backends.sent_match import match_sent
from supportterm.domain.models import Role, Visibility


def test_the_newest_matching_message_within_ten_minutes_is_ours() -> None:
    mine = dict(author_id="a1", author_role=Role.AGENT, body="Please try again. ")
    thread = [make_message("1", "m1", created_at=at(0), **mine),
              make_message("1", "m2", created_at=at(3), **mine)]
    found = match_sent(thread, ("Please try again.", Visibility.PUBLIC, at(2)), "mk-1", author_id="a1")
    assert found is not None and found.id == "m2" and found.marker == "mk-1"


def test_other_author_visibility_text_or_time_is_not_ours() -> None:
    sent = ("Please try again.", Visibility.PUBLIC, at(0))
    base = dict(author_id="a1", author_role=Role.AGENT, body="Please try again.", created_at=at(1))
    for change in ({"author_id": "a2"}, {"visibility": Visibility.INTERNAL}, {"body": "Try again."},
                   {"created_at": at(0) + timedelta(minutes=11)}):
        assert match_sent([make_message("1", "m1", **{**base, **change})], sent, "mk", author_id="a1") is None


def test_without_our_own_id_any_agent_message_matches_but_never_a_customer_one() -> None:
    sent = ("Please try again.", Visibility.PUBLIC, at(0))
    agent = make_message("1", "m1", author_id="7", author_role=Role.AGENT, body="Please try again.",
                         created_at=at(1))
    customer = make_message("1", "m2", author_id="c", author_role=Role.CUSTOMER, body="Please try again.",
                            created_at=at(1))
    found = match_sent([agent], sent, "mk", author_id=None)
    assert found is not None and found.id == "m1" and found.marker == "mk"
    assert match_sent([customer], sent, "mk", author_id=None) is None
