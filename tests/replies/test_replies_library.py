"""Tests for loading the canned-reply library: starter packs, user files, and per-file problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportterm.replies import STARTER, USER, LibraryReply, load_library

TOPICS = {"greeting", "details", "delay", "resolved", "escalation", "apology", "refund", "password-reset",
          "outage"}


BODY = "Hello {{customer.first_name}},\n\nThanks."


def write(folder: Path, name: str, front: str, body: str = BODY) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"+++\n{front}\n+++\n{body}\n", encoding="utf-8")
    return path


def by_key(replies: list[LibraryReply]) -> dict[tuple[str, str | None], LibraryReply]:
    return {(r.shortcut, r.language): r for r in replies}


def test_starter_packs_load_without_problems() -> None:
    replies, problems = load_library(None)
    assert problems == []
    assert len(replies) == 27
    for lang in ("en", "ru", "az"):
        assert {r.shortcut for r in replies if r.language == lang} == TOPICS
    assert all(r.source == STARTER and r.id == f"starter:{r.language}/{r.shortcut}" for r in replies)
    assert all(r.title and r.body and r.tags for r in replies)


def test_user_folder_missing_is_fine(tmp_path: Path) -> None:
    replies, problems = load_library(tmp_path / "nope")
    assert len(replies) == 27 and problems == []


def test_user_file_overrides_shipped_reply_with_same_shortcut_and_language(tmp_path: Path) -> None:
    write(tmp_path, "mine.md", 'title = "Our delay"\nlanguage = "en"\nshortcut = "delay"',
          "Hello {{customer.first_name}},\n\nStill on it.\n\nKind regards,\n{{agent.name}}")
    replies, problems = load_library(tmp_path)
    assert problems == []
    keyed = by_key(replies)
    assert keyed[("delay", "en")].title == "Our delay"
    assert keyed[("delay", "en")].source == USER
    assert keyed[("delay", "ru")].source == STARTER  # other languages untouched
    assert len(replies) == 27


def test_disabled_user_file_hides_the_shipped_reply(tmp_path: Path) -> None:
    write(tmp_path, "ru/refund.md", 'title = "x"\ndisabled = true')
    replies, problems = load_library(tmp_path)
    assert problems == []
    assert ("refund", "ru") not in by_key(replies)
    assert len(replies) == 26


def test_language_and_shortcut_default_to_folder_and_file_name(tmp_path: Path) -> None:
    write(tmp_path, "az/salam.md", 'title = "Salam"')
    write(tmp_path, "misc/any.md", 'title = "Any language"')
    replies, problems = load_library(tmp_path, starter=False)
    assert problems == []
    keyed = by_key(replies)
    assert keyed[("salam", "az")].title == "Salam"
    assert keyed[("any", None)].language is None


def test_bad_toml_is_reported_with_its_line_and_others_still_load(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.md", 'title = "Broken"\ntags = ["a", ]]')
    write(tmp_path, "good.md", 'title = "Good"\nshortcut = "good"')
    replies, problems = load_library(tmp_path, starter=False)
    assert [r.shortcut for r in replies] == ["good"]
    [problem] = problems
    assert problem.file == str(bad) and problem.severity == "error"
    assert problem.line == 3  # the tags line: line 1 is the opening +++
    assert "TOML" in problem.message
    assert str(problem).startswith(f"{bad}:3: error:")


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("Hello there", "must start with", 1),
        ("+++\ntitle = 'x'\nHello", "not closed", 1),
        ("+++\nlanguage = 'en'\n+++\nHello", "title", 2),
        ("+++\ntitle = ''\n+++\nHello", "title", 2),
        ("+++\ntitle = 'x'\ntags = 'greeting'\n+++\nHello", "tags must be a list", 3),
        ("+++\ntitle = 'x'\nshortcut = 'two words'\n+++\nHi", "shortcut", 3),
        ("+++\ntitle = 'x'\nlanguage = 'English'\n+++\nHi", "language", 3),
    ],
)
def test_front_matter_errors(tmp_path: Path, text: str, fragment: str, line: int) -> None:
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    replies, problems = load_library(tmp_path, starter=False)
    assert replies == []
    assert [(p.line, p.severity) for p in problems] == [(line, "error")]
    assert fragment in problems[0].message


def test_unknown_placeholder_names_file_line_and_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, "x.md", 'title = "x"', "Hello {{customer.firstname}},\n\nBye,\n{{agent.nmae}}")
    replies, problems = load_library(tmp_path, starter=False)
    assert replies == []
    assert [(p.file, p.line, p.suggestion) for p in problems] == [
        (str(path), 4, "{{customer.first_name}}"),
        (str(path), 7, "{{agent.name}}"),
    ]
    assert "{{customer.firstname}}" in problems[0].message
    assert "did you mean {{customer.first_name}}?" in str(problems[0])


def test_helpdesk_names_get_our_name_as_suggestion(tmp_path: Path) -> None:
    write(tmp_path, "x.md", 'title = "x"', "Hi {{ticket.requester.first_name}}, {{current_user.name}}")
    _, problems = load_library(tmp_path, starter=False)
    assert [p.suggestion for p in problems] == ["{{customer.first_name}}", "{{agent.name}}"]


def test_unrelated_placeholder_has_no_suggestion(tmp_path: Path) -> None:
    write(tmp_path, "x.md", 'title = "x"', "Your balance is {{balance_in_usd}}")
    _, problems = load_library(tmp_path, starter=False)
    assert [(p.severity, p.suggestion) for p in problems] == [("error", None)]


def test_stray_braces_are_errors(tmp_path: Path) -> None:
    write(tmp_path, "x.md", 'title = "x"', "Hi {{customer.first_name}}\nsee {{ here")
    replies, problems = load_library(tmp_path, starter=False)
    assert replies == []
    assert [(p.line, "stray '{{'" in p.message) for p in problems] == [(5, True)]


def test_spaces_inside_braces_are_allowed(tmp_path: Path) -> None:
    write(tmp_path, "x.md", 'title = "x"', "Hi {{ customer.first_name }}")
    replies, problems = load_library(tmp_path, starter=False)
    assert problems == [] and len(replies) == 1


def test_single_braces_and_unknown_keys_are_warnings(tmp_path: Path) -> None:
    write(tmp_path, "x.md", 'title = "x"\ntagz = ["a"]', "Hi {customer.first_name},")
    replies, problems = load_library(tmp_path, starter=False)
    assert len(replies) == 1
    assert sorted((p.severity, p.suggestion) for p in problems) == [
        ("warning", "tags"), ("warning", "{{customer.first_name}}")]


def test_duplicate_user_shortcuts_warn_and_the_later_file_wins(tmp_path: Path) -> None:
    write(tmp_path, "a.md", 'title = "A"\nshortcut = "same"\nlanguage = "en"')
    write(tmp_path, "b.md", 'title = "B"\nshortcut = "same"\nlanguage = "en"')
    replies, problems = load_library(tmp_path, starter=False)
    assert [r.title for r in replies] == ["B"]
    assert [p.severity for p in problems] == ["warning"]


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes(b"+++\ntitle = '\xe9'\n+++\nHi")
    write(tmp_path, "ok.md", 'title = "ok"')
    replies, problems = load_library(tmp_path, starter=False)
    assert [r.title for r in replies] == ["ok"]
    assert "cannot read" in problems[0].message


def test_body_is_trimmed_and_bom_ignored(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("\ufeff+++\ntitle = 'x'\n+++\n\n\nHello\n\n", encoding="utf-8")
    replies, problems = load_library(tmp_path, starter=False)
    assert [r.body for r in replies] == ["Hello"] and problems == []
