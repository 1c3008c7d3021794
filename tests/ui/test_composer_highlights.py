"""Findings drawn in the composer's text: spans and styles by severity, spans that follow edits, the fix at
the cursor (undoable), the jump to the next finding, placeholders, and internal notes (secrets only).

The check is debounced by 0.25 s of typing pause; these tests start it at once with `check_now()` and wait
for its worker with `settle`, so nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factories import make_message, make_person, make_ticket
from rich.style import Style
from textual.color import Color
from textual.pilot import Pilot
from ui.helpers import make_app, outbox_items, rendered, seed_store, settle

from supportterm.domain.models import Role
from supportterm.store.db import Store
from supportterm.ui.app import SupportTermApp
from supportterm.ui.contrast import AA_NORMAL_TEXT, contrast_ratio
from supportterm.ui.screens.pickers import Confirm
from supportterm.ui.screens.ticket import TicketScreen
from supportterm.ui.widgets.composer import Composer
from supportterm.ui.widgets.lint_text_area import LintTextArea

SECRET = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
REPLY = [
    "Hello Anna,",
    f"sadly we cannot refund it, you should have read the manual. Key {SECRET}",
    "Thanks, Support Unit 1",
]
ME = make_person("a1", name="Aysel Mammadova", role=Role.AGENT)
THEMES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "themes").glob("*.toml"))


@pytest.fixture
def app(store: Store, monkeypatch: pytest.MonkeyPatch) -> SupportTermApp:
    seed_store(store, [make_ticket("1", language="en")], [make_message("1", body="My invoice is wrong.")],
               me=ME)
    built = make_app(store)
    monkeypatch.setattr(built, "start_engine", lambda: None)
    return built


async def open_composer(pilot: Pilot[Any], key: str = "r") -> Composer:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TicketScreen)
    await pilot.press(key)
    return screen.composer


async def type_lines(pilot: Pilot[Any], lines: list[str]) -> None:
    for index, line in enumerate(lines):
        await pilot.press(*(["enter"] if index else []), *line)


async def checked(pilot: Pilot[Any], composer: Composer) -> None:
    """Let the pending key events land, then run the check and wait for it."""
    await pilot.pause()
    composer.check_now()
    await settle(pilot)


def spans(area: LintTextArea) -> dict[str, list[str]]:
    """What the highlight map marks, by highlight name: the text under each span."""
    lines = area.document.lines
    found: dict[str, list[str]] = {}
    for row in sorted(area._highlights):
        encoded = lines[row].encode("utf-8")
        for start, end, name in area._highlights[row]:
            if name.startswith("lint."):
                found.setdefault(name, []).append(encoded[start:end].decode("utf-8"))
    return found


def panel(composer: Composer) -> list[str]:
    """The lint panel's lines as drawn, without the padding."""
    return [line.strip() for line in rendered(composer.lint).splitlines()]


def drawn(area: LintTextArea, y: int, wanted: Callable[[Style], bool]) -> str:
    """The characters of screen row `y` of the text area whose style passes `wanted`."""
    return "".join(segment.text for segment in area.render_line(y) if segment.style and wanted(segment.style))


async def test_a_rude_reply_with_a_secret_is_highlighted_by_severity(app: SupportTermApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot)
        await type_lines(pilot, REPLY)
        await checked(pilot, composer)
        area = composer.text_area
        assert spans(area) == {
            "lint.hint": ["we cannot"],
            "lint.error": ["you should have read", SECRET],
            "lint.warning": ["Support Unit 1"],
        }
        styles = area._theme.syntax_styles
        error, warning, hint = styles["lint.error"], styles["lint.warning"], styles["lint.hint"]
        assert error.reverse and error.bold and not error.underline  # not colour alone
        assert warning.underline and warning.bold and not warning.reverse
        assert hint.underline and not hint.bold and not hint.reverse
        assert error.color == Color.parse(app.theme_variables["text-error"]).rich_color
        assert drawn(area, 1, lambda s: bool(s.reverse)) == "you should have read" + SECRET
        assert drawn(area, 2, lambda s: bool(s.underline and s.bold)) == "Support Unit 1"
        assert panel(composer)[0] == f"2 errors · 1 warning · 1 hint   tone {composer.lint.tone:+.2f}"


def effective_colours(style: Style) -> tuple[str, str] | None:
    """(foreground, background) as "#rrggbb" after reverse video, or None for terminal palette colours."""
    if style.color is None or style.bgcolor is None or not (style.color.triplet and style.bgcolor.triplet):
        return None
    fg, bg = style.color.triplet.hex, style.bgcolor.triplet.hex
    return (bg, fg) if style.reverse else (fg, bg)


async def test_every_shipped_theme_draws_each_kind_distinctly_and_legibly(app: SupportTermApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot)
        area = composer.text_area
        area.insert(f"Hello ⟨customer.first_name⟩, sadly we cannot. Key {SECRET}\nSupport Unit 1")
        await checked(pilot, composer)
        area.move_cursor(area.document.end)  # the cursor cell sits after every span
        kinds: dict[str, Callable[[Style], bool]] = {
            "⟨customer.first_name⟩": lambda s: bool(s.reverse and s.italic and not s.bold),
            "we cannot": lambda s: bool(s.underline and not s.bold and not s.reverse),
            SECRET: lambda s: bool(s.reverse and s.bold and not s.italic),
            "Support Unit 1": lambda s: bool(s.underline and s.bold and not s.reverse),
        }
        error_colours: set[object] = set()
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            lines = "".join(drawn(area, y, lambda s: True) for y in (0, 1))
            for text, wanted in kinds.items():
                assert text in lines
                assert text in "".join(drawn(area, y, wanted) for y in (0, 1)), (theme, text)
            for y in (0, 1):
                for segment in area.render_line(y):
                    style = segment.style
                    marked = style is not None and (style.reverse or style.underline)
                    colours = effective_colours(style) if style and marked else None
                    if colours is not None and segment.text.strip():
                        assert contrast_ratio(*colours) >= AA_NORMAL_TEXT, (theme, segment.text, colours)
            error = area._theme.syntax_styles["lint.error"].color
            assert error == Color.parse(app.theme_variables["text-error"]).rich_color  # the theme's own
            error_colours.add(error)
        assert len(error_colours) > 3  # no fixed colour


async def test_editing_before_a_span_shifts_it_and_an_edited_span_waits_for_the_next_check(
    app: SupportTermApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot)
        area = composer.text_area
        await pilot.press(*"Hi. This is a stupid question.")
        await checked(pilot, composer)
        assert spans(area) == {"lint.error": ["stupid"]}
        assert [(m.start, m.end) for m in area.marks] == [(14, 20)]

        await pilot.press("home", *"Well, ")
        await pilot.pause()
        assert spans(area) == {"lint.error": ["stupid"]}  # carried over before the check ran
        await checked(pilot, composer)
        assert [(m.start, m.end) for m in area.marks] == [(20, 26)]
        assert area.text[20:26] == "stupid" and spans(area) == {"lint.error": ["stupid"]}

        area.move_cursor((0, 23))  # inside "stupid": the old span no longer fits the text
        await pilot.press(*"XX")
        await pilot.pause()
        assert spans(area) == {} and area.marks == ()
        await checked(pilot, composer)
        assert area.text == "Well, Hi. This is a stuXXpid question."
        assert "lint.error" not in spans(area)  # "stuXXpid" is no longer the rude word


@pytest.mark.keys("composer.apply_fix")
async def test_ctrl_f_rewrites_the_span_under_the_cursor_and_ctrl_z_restores_it(app: SupportTermApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot)
        area = composer.text_area
        await type_lines(pilot, REPLY)
        await checked(pilot, composer)
        original = area.text
        area.move_cursor((1, REPLY[1].index(SECRET) + 5))  # inside the key, after another fixable finding
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert area.text == original.replace(SECRET, "[redacted]")
        assert "you should have read" in area.text  # the first finding was left alone
        assert area.cursor_location == (1, REPLY[1].index(SECRET) + len("[redacted]"))
        await checked(pilot, composer)
        assert SECRET not in spans(area).get("lint.error", [])

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == original
        assert SECRET in spans(area)["lint.error"]  # a checked text again: its spans come back at once

        area.move_cursor((2, 0))  # before the signature: the fix after the cursor is the signature's
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert area.document.get_line(2) == "Thanks, Aysel Mammadova"  # {{agent.name}} filled, no braces
        assert area.cursor_location == (2, 0)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == original


@pytest.mark.keys("composer.next_finding")
async def test_ctrl_n_visits_each_span_and_the_panel_marks_the_one_under_the_cursor(
    app: SupportTermApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot)
        area = composer.text_area
        await type_lines(pilot, REPLY)
        await checked(pilot, composer)
        area.move_cursor((0, 0))
        visited = []
        for _ in range(5):
            await pilot.press("ctrl+n")
            await pilot.pause()
            under = area.mark_under_cursor()
            assert under is not None and composer.lint.current is under.finding
            visited.append(area.text[under.start:under.end])
        assert visited == ["we cannot", "you should have read", SECRET, "Support Unit 1", "we cannot"]
        [current] = [line for line in panel(composer) if line.startswith("▶")]
        assert current.startswith("▶ HINT    2:7 negative_wording")


async def test_an_unfilled_placeholder_is_highlighted_at_once_and_listed(app: SupportTermApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot)
        area = composer.text_area
        area.insert("Hello ⟨customer.first_name⟩, the refund is on its way.")
        await pilot.pause()
        assert spans(area) == {"lint.placeholder": ["⟨customer.first_name⟩"]}  # before any check
        placeholder = area._theme.syntax_styles["lint.placeholder"]
        assert placeholder.reverse and placeholder.italic
        assert "FILL IN 1:7 Fill in ⟨customer.first_name⟩ before sending." in panel(composer)
        await pilot.press("home", "ctrl+n")
        await pilot.pause()
        assert area.cursor_location == (0, 6)


async def test_an_internal_note_highlights_only_secrets(app: SupportTermApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot, "n")
        await pilot.press(*f"CUSTOMER IS RUDE, you should have read the manual. key {SECRET}")
        await checked(pilot, composer)
        assert spans(composer.text_area) == {"lint.error": [SECRET]}
        assert {f.category for f in composer.lint.findings} == {"secret"}  # type: ignore[attr-defined]


async def test_sending_right_after_typing_still_asks_about_an_error(app: SupportTermApp) -> None:
    """ctrl+s within the 0.25 s typing pause: the checker has not run yet, the send must check first."""
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot)
        await pilot.press(*"THIS IS YOUR FAULT.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert {f.category for f in composer.lint.errors} >= {"shouting", "blame"}
        assert "lint.error" in spans(composer.text_area)  # and the text shows why
        await pilot.press("n")
        await pilot.pause()
        assert outbox_items(app.store) == []


async def test_a_note_switched_to_a_public_reply_is_checked_as_one_before_sent(app: SupportTermApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        composer = await open_composer(pilot, "n")
        await pilot.press(*"THIS IS YOUR FAULT.")
        await checked(pilot, composer)
        assert composer.lint.errors == []  # a note: secrets only
        await pilot.press("ctrl+o", "ctrl+s")  # public now, sent before the re-check lands
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert outbox_items(app.store) == []
