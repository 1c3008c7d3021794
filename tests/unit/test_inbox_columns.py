"""Inbox columns: lesser ones give way on narrow terminals so the subject stays readable, and the
`columns` config picks and sizes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportterm.config import INBOX_COLUMNS, check_settings
from supportterm.ui.widgets.ticket_row import CATALOGUE, COLUMNS, MIN_SUBJECT, columns_from, layout


def keys(width: int, columns=COLUMNS) -> list[str]:  # noqa: ANN001
    return [c.key for c, _ in layout(width, columns)]


@pytest.mark.parametrize("width", [60, 79, 80, 99, 100, 119, 159])
def test_the_subject_keeps_its_room_and_the_row_fits(width: int) -> None:
    shown = dict((c.key, size) for c, size in layout(width))
    assert shown["subject"] >= MIN_SUBJECT or width < 60
    assert sum(shown.values()) + len(shown) <= max(width, 60)
    assert {"flag", "priority", "due", "status", "subject"} <= set(shown)  # never given up


def test_columns_give_way_in_their_order() -> None:
    assert keys(159) == [c.key for c in COLUMNS]
    assert "language" not in keys(99) and "channel" in keys(99)
    assert keys(79) == ["flag", "priority", "due", "status", "customer", "subject", "age", "id"]


def test_config_columns_pick_order_and_width(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('columns = ["priority", "customer:24", "subject", "id"]\n', encoding="utf-8")
    settings, problems = check_settings(path)
    assert problems == []
    chosen = columns_from(settings.columns)
    assert [(c.key, c.width) for c in chosen] == [
        ("priority", 4), ("customer", 24), ("subject", 0), ("id", 7)]


@pytest.mark.parametrize(("value", "fragment"), [
    ('["priority", "subjct"]', "Did you mean 'subject'?"),
    ('["priority", "customer:abc", "subject"]', "width of 'customer'"),
    ('["priority", "customer"]', "subject column is missing"),
    ('"subject"', "list of column names"),
])
def test_bad_columns_name_the_key_and_the_fix(tmp_path: Path, value: str, fragment: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"columns = {value}\n", encoding="utf-8")
    settings, problems = check_settings(path)
    assert settings.columns == ()
    [problem] = problems
    assert problem.key == "columns" and fragment in str(problem)


def test_config_and_the_inbox_know_the_same_columns() -> None:
    assert INBOX_COLUMNS == tuple(CATALOGUE)


def test_the_views_line_always_shows_the_current_view() -> None:
    from supportterm.ui.screens.inbox import visible_views

    widths = [16, 10, 18, 22, 12, 13, 12, 17, 14, 11]
    for current in range(len(widths)):
        first, last = visible_views(widths, current, 76)
        assert first <= current < last
        assert sum(widths[first:last]) <= 76
    assert visible_views(widths, 0, 500) == (0, len(widths))  # wide terminal: everything
