"""Unit tests of the generic adapter's field reading (picks, digests, value maps, time formats) and of
its body templates."""

from __future__ import annotations

import tomllib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from supportterm.backends.generic_fields import (
    Reader,
    format_timestamp,
    map_value,
    parse_timestamp,
    read_field,
    value_key,
)
from supportterm.backends.generic_mapping import parse_mapping
from supportterm.backends.generic_schema import FieldSpec
from supportterm.backends.generic_templates import MISSING, placeholders, render, render_path, render_query
from supportterm.backends.jsonpath import parse_path
from supportterm.domain.models import Priority, Role, Status, Visibility

DH = Path(__file__).resolve().parents[2] / "docs" / "mappings" / "django-helpdesk.toml"
MAPPING = parse_mapping(tomllib.loads(DH.read_text(encoding="utf-8")), "dh.toml")

DH_TICKET = {
    "id": 12, "queue": 1, "title": "VPN drops", "submitter_email": "ann@example.com", "assigned_to": None,
    "status": 1, "on_hold": False, "priority": 2, "due_date": None,
    "followup_set": [
        {"id": 30, "user": 1, "comment": "My VPN drops every hour.", "public": True,
         "date": "2026-11-20T10:00:00.123456Z"},
        {"id": 31, "user": 2, "comment": "", "public": False, "date": "2026-11-20T10:05:00Z"},
        {"id": 32, "user": 2, "comment": "Checked the logs.", "public": False,
         "date": "2026-11-20T11:00:00Z"},
        {"id": 33, "user": 2, "comment": "Please restart.", "public": True, "date": "2026-11-20T12:00:00Z"},
        {"id": 34, "user": None, "comment": "Still broken!", "public": True, "date": "2026-11-20T13:00:00Z"},
    ],
}


def _spec(*paths: str, pick: str = "first") -> FieldSpec:
    return FieldSpec(paths=tuple(parse_path(p) for p in paths), pick=pick)


@pytest.mark.parametrize(
    ("pick", "expected"),
    [("first", 30), ("last", 34), ("min", 30), ("max", 34), ("count", 5), ("all", [30, 31, 32, 33, 34])],
)
def test_picks_choose_among_several_values(pick: str, expected: object) -> None:
    assert read_field(_spec("followup_set[*].id", pick=pick), DH_TICKET, "iso8601", "x") == expected


def test_count_skips_empty_values() -> None:
    assert read_field(_spec("followup_set[*].comment", pick="count"), DH_TICKET, "iso8601", "x") == 4


def test_time_fields_compare_as_times_not_text() -> None:
    data = {"at": ["2026-11-20T10:00:00+03:00", "2026-11-20T08:30:00Z"]}
    latest = read_field(_spec("at[*]", pick="max"), data, "iso8601", "updated_at")
    assert latest == datetime(2026, 11, 20, 8, 30, tzinfo=timezone.utc)


def test_a_composite_value_joins_its_parts() -> None:
    assert read_field(_spec("status", "on_hold"), DH_TICKET, "iso8601", "status") == "1|false"


def test_a_digest_changes_when_any_of_its_paths_changes() -> None:
    spec = MAPPING.ticket["version"]
    before = read_field(spec, DH_TICKET, "iso8601", "version")
    touched = DH_TICKET | {"priority": 1}
    assert read_field(spec, DH_TICKET, "iso8601", "version") == before
    assert read_field(spec, touched, "iso8601", "version") != before


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1|false", Status.OPEN), ("1|true", Status.ON_HOLD), ("3|true", Status.SOLVED),
     ("5|false", Status.CLOSED)],
)
def test_composite_keys_fall_back_to_their_leading_part(raw: str, expected: Status) -> None:
    assert map_value(MAPPING, "status", raw) is expected


def test_the_star_key_catches_the_rest_and_null_is_a_key() -> None:
    assert map_value(MAPPING, "author_role", None) is Role.CUSTOMER
    assert map_value(MAPPING, "author_role", 17) is Role.AGENT
    assert map_value(MAPPING, "visibility", False) is Visibility.INTERNAL


def test_an_unmapped_value_names_the_map_and_the_file() -> None:
    with pytest.raises(ValueError, match=r"status '9' is not in \[values.status\] of dh.toml"):
        map_value(MAPPING, "status", 9)


def test_without_a_map_the_domain_words_are_expected() -> None:
    bare = parse_mapping(tomllib.loads(DH.read_text(encoding="utf-8")) | {"values": {}}, "x.toml")
    assert map_value(bare, "priority", "high") is Priority.HIGH
    with pytest.raises(ValueError):
        map_value(bare, "priority", 2)


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        ("2026-11-20T10:00:00Z", "iso8601", "2026-11-20T10:00:00Z"),
        (1_795_168_800, "epoch", "1795168800"),
        (1_795_168_800_000, "epoch_ms", "1795168800000"),
        ("20.11.2026 10:00", "%d.%m.%Y %H:%M", "20.11.2026 10:00"),
    ],
)
def test_time_formats_read_and_write(value: object, fmt: str, text: str) -> None:
    stamp = parse_timestamp(value, fmt)
    assert stamp == datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
    assert format_timestamp(stamp, fmt) == text


def test_value_keys_spell_json() -> None:
    spelt = [value_key(v) for v in (None, True, False, 3, 3.0, "open")]
    assert spelt == ["null", "true", "false", "3", "3", "open"]


def test_a_dh_ticket_reads_with_times_and_counts_from_its_embedded_thread() -> None:
    ticket, person = Reader(MAPPING).ticket(DH_TICKET)
    assert (ticket.id, ticket.subject) == ("12", "VPN drops")
    assert (ticket.status, ticket.priority) == (Status.OPEN, Priority.HIGH)
    assert ticket.assignee_id is None and ticket.requester_id == person.id == "ann@example.com"
    assert ticket.message_count == 4  # the empty status-change follow-up is skipped
    assert ticket.created_at == datetime(2026, 11, 20, 10, 0, 0, 123456, tzinfo=timezone.utc)
    assert ticket.updated_at == datetime(2026, 11, 20, 13, 0, tzinfo=timezone.utc)
    assert ticket.last_agent_at == datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
    assert ticket.last_customer_at == datetime(2026, 11, 20, 13, 0, tzinfo=timezone.utc)
    assert ticket.awaiting_reply


def test_thread_rules_decide_who_wrote_what() -> None:
    messages = Reader(MAPPING).messages(DH_TICKET["followup_set"], "12", "ann@example.com")
    assert [(m.id, m.author_role, m.author_id, m.visibility) for m in messages] == [
        ("30", Role.CUSTOMER, "ann@example.com", Visibility.PUBLIC),  # first_is_customer: user 1 filed it
        ("32", Role.AGENT, "2", Visibility.INTERNAL),
        ("33", Role.AGENT, "2", Visibility.PUBLIC),
        ("34", Role.CUSTOMER, "ann@example.com", Visibility.PUBLIC),  # no user: came by e-mail
    ]


def test_typed_placeholders_and_dropped_entries() -> None:
    body = MAPPING.endpoints["update"].body
    assert render(body, {"status": 3, "on_hold": False}) == {"status": 3, "on_hold": False}
    assert render(body, {"priority": 1, "assignee_id": "7"}) == {"priority": 1, "assigned_to": 7}
    reply = MAPPING.endpoints["reply"].body
    assert render(reply, {"ticket_id": "12", "body": "Hi"}) == {"ticket": 12, "comment": "Hi", "public": True}


def test_text_templates_fill_in_and_paths_escape() -> None:
    assert render("Re: {subject} ({n:int})", {"subject": "VPN", "n": "3"}) == "Re: VPN (3)"
    assert render("flag {x}", {"x": True}) == "flag true"
    assert render("{missing} here", {}) is MISSING
    assert render_path("/tickets/{ticket_id}/", {"ticket_id": "a/b c"}) == "/tickets/a%2Fb%20c/"
    assert render_path("/tickets/{ticket_id}/", {}) is None
    assert render_query({"q": "updated>{since}", "limit": "{limit}"}, {"limit": 5}) == {"limit": "5"}
    assert placeholders({"a": ["{x}", {"b": "{y:int} {z}"}], "c": 1}) == {"x", "y", "z"}


def test_a_conversion_that_cannot_be_made_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        render("{n:int}", {"n": "agent-7"})


def test_the_opening_message_stays_the_first_one_even_when_it_is_skipped() -> None:
    followups = [{"id": 1, "user": 4, "comment": "", "public": True, "date": "2026-11-20T09:00:00Z"},
                 *DH_TICKET["followup_set"][1:]]
    messages = Reader(MAPPING).messages(followups, "12", "ann@example.com")
    assert [(m.id, m.author_role) for m in messages][0] == ("32", Role.AGENT)
