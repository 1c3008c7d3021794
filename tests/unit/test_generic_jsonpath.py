"""Unit tests of the generic adapter's JSON path evaluator."""

from __future__ import annotations

import pytest

from supportterm.backends.jsonpath import parse_path

DATA = {
    "results": [
        {"id": 7, "followup_set": [{"id": 1, "date": "b"}, {"id": 2, "date": "a"}]},
        {"id": 8, "followup_set": []},
    ],
    "meta": {"next-page": "/x?page=2", "total": 2},
    "tags": ["vpn", "billing"],
}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("results[0].id", [7]),
        ("results[-1].id", [8]),
        ("results[*].id", [7, 8]),
        ("results[*].followup_set[*].id", [1, 2]),
        ("results[0].followup_set[1].date", ["a"]),
        ("meta.next-page", ["/x?page=2"]),
        ("tags[*]", ["vpn", "billing"]),
        ("results[5].id", []),
        ("meta.total.deeper", []),
        ("tags.first", []),
        ("meta[0]", []),
    ],
)
def test_paths_reach_what_they_name(path: str, expected: list[object]) -> None:
    assert parse_path(path).values(DATA) == expected


def test_the_empty_path_is_the_value_itself() -> None:
    assert parse_path("").first(DATA) is DATA


def test_first_is_none_when_nothing_matches() -> None:
    assert parse_path("missing").first(DATA) is None


def test_items_gives_the_list_a_path_names() -> None:
    assert parse_path("tags").items(DATA) == ["vpn", "billing"]
    assert parse_path("results[*].id").items(DATA) == [7, 8]
    assert parse_path("meta").items(DATA) is None


def test_multi_paths_are_told_apart() -> None:
    assert parse_path("results[*].id").is_multi
    assert not parse_path("results[0].id").is_multi


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("a..b", "a key is missing before position 3"),
        ("a.", "ends with '.'"),
        (".a", "a key is missing before position 1"),
        ("a[x]", "unexpected '[' at position 2"),
        ("a b", "unexpected ' ' at position 2"),
        ("a[0]b", "a '.' is missing before position 5"),
    ],
)
def test_bad_paths_say_where(path: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem.replace("[", r"\[").replace(".", r"\.")):
        parse_path(path)
