"""Themes: every shipped theme loads, is readable (WCAG AA), ships in the wheel; user themes and errors.

The contrast check walks every pair of text colour and background the app draws (see
`supportterm.ui.theme_check`): body and muted text and theme colours used as text on background,
surface and panel; the ANSI palette colours of ticket rows, status and findings; each label bar.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from textual.theme import BUILTIN_THEMES

from supportterm.ui.contrast import AA_NORMAL_TEXT, blend, contrast_ratio
from supportterm.ui.theme_check import text_pairs, unreadable
from supportterm.ui.themes import (
    DEFAULT_THEME,
    NO_COLOR_THEME,
    ThemeFileError,
    all_themes,
    builtin_theme_dirs,
    builtin_themes,
    read_theme,
)
from supportterm.ui.theming import app_defaults, choose_theme, fit_terminal, terminal_theme, textual_theme

REPO = Path(__file__).resolve().parents[2]
SHIPPED = {spec.name: spec for spec in builtin_themes()}
REQUIRED = {"supportterm-dark", "supportterm-light", "supportterm-contrast-dark",
            "supportterm-contrast-light", "supportterm-solarized", "supportterm-16"}


def test_the_six_required_themes_ship_and_every_file_loads() -> None:
    assert REQUIRED <= set(SHIPPED)
    assert len(SHIPPED) == len(list((REPO / "themes").glob("*.toml")))
    assert DEFAULT_THEME in SHIPPED and SHIPPED[NO_COLOR_THEME].ansi
    assert {SHIPPED["supportterm-light"].dark, SHIPPED["supportterm-contrast-light"].dark} == {False}
    for spec in SHIPPED.values():
        theme = textual_theme(spec)
        assert theme.name == spec.name and theme.to_color_system().generate()["primary"]


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_text_colour_meets_wcag_aa_on_every_background(name: str) -> None:
    spec = SHIPPED[name]
    pairs = text_pairs(spec)
    # (6 theme colours + 2 variables + 6 palette colours + dim text) on 3 grounds, 5 label bars
    assert len(pairs) == (13 if spec.ansi else 50)
    failures = [f"{p.what}: {p.foreground} on {p.background} = {p.ratio:.2f}" for p in unreadable(spec)]
    assert failures == []


@pytest.mark.parametrize("name", ["supportterm-contrast-dark", "supportterm-contrast-light"])
def test_high_contrast_themes_reach_aaa(name: str) -> None:
    assert min(pair.ratio for pair in text_pairs(SHIPPED[name])) >= 7.0


def test_contrast_arithmetic_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")
    assert blend("#000000", "#ffffff", 0.5) == "#808080"


@pytest.mark.parametrize("name", sorted(n for n, t in BUILTIN_THEMES.items() if not t.ansi))
def test_app_variables_default_readably_for_textual_builtin_themes(name: str) -> None:
    values = app_defaults(BUILTIN_THEMES[name])
    for label in ("label-reply", "label-note", "banner"):
        ratio = contrast_ratio(values[f"{label}-foreground"], values[f"{label}-background"])
        assert ratio >= AA_NORMAL_TEXT, (label, ratio)


def test_palette_maps_ansi_names_to_the_theme_colours() -> None:
    spec = SHIPPED["supportterm-light"]
    palette = terminal_theme(spec)
    assert palette is not None
    assert palette.ansi_colors[1].hex == spec.palette["red"]
    assert palette.ansi_colors[9].hex == spec.palette["bright_red"]
    assert terminal_theme(SHIPPED[NO_COLOR_THEME]) is None


def test_builtin_themes_are_found_from_the_source_tree() -> None:
    assert REPO / "themes" in builtin_theme_dirs()


def test_the_wheel_carries_the_themes(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(iter(WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"]))))
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO / "themes").glob("*.toml"):
        assert f"supportterm/_themes/{path.name}" in names
    assert "supportterm/ui/app.tcss" in names


# User themes and their errors ---------------------------------------------------------------------

USER_THEME = """
name = "night-shift"
description = "mine"
[colors]
primary = "#88c0d0"
background = "#101418"
foreground = "#e0e0e0"
[palette]
""" + "\n".join(f'{n} = "#cccccc"' for n in (
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "bright_black", "bright_red",
    "bright_green", "bright_yellow", "bright_blue", "bright_magenta", "bright_cyan", "bright_white"))


def test_user_themes_load_beside_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "night.toml").write_text(USER_THEME, encoding="utf-8")
    (tmp_path / "supportterm-light.toml").write_text(
        USER_THEME.replace("night-shift", "supportterm-light"), encoding="utf-8")
    specs, failed = all_themes(tmp_path)
    names = [spec.name for spec in specs]
    assert failed == [] and "night-shift" in names and REQUIRED <= set(names)
    replaced = next(spec for spec in specs if spec.name == "supportterm-light")
    assert replaced.source == tmp_path / "supportterm-light.toml"  # a user file wins over a shipped one


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (('primary = "#88c0d0"', 'primary = "blue-ish"'), "colors.primary", "#rrggbb"),
        (('primary = "#88c0d0"', 'primray = "#88c0d0"'), "colors.primray", "did you mean 'primary'"),
        (('red = "#cccccc"', ""), "palette.red", "all 16 ANSI colours"),
        (('name = "night-shift"', 'name = "Night Shift"'), "name", "lower-case"),
        (('description = "mine"', 'descripton = "mine"'), "descripton", "did you mean 'description'"),
        (('name = "night-shift"', 'name = "night-shift"\ndark = "yes"'), "dark", "true or false"),
        (('[palette]', 'ink = "#000000"\n[palette]'), "colors.ink", "unknown key"),
    ],
)
def test_a_broken_user_theme_names_the_file_and_the_key(
    tmp_path: Path, change: tuple[str, str], key: str, words: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(USER_THEME.replace(*change, 1), encoding="utf-8")
    with pytest.raises(ThemeFileError) as caught:
        read_theme(path)
    assert caught.value.problem.key == key
    assert str(path) in str(caught.value) and words in str(caught.value)
    specs, failed = all_themes(tmp_path)
    assert [p.file for p in failed] == [path] and REQUIRED <= {s.name for s in specs}


def test_bad_toml_in_a_theme_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("name = \n", encoding="utf-8")
    with pytest.raises(ThemeFileError, match="not readable TOML") as caught:
        read_theme(path)
    assert str(path) in str(caught.value)


def test_an_ansi_theme_refuses_hex_colours(tmp_path: Path) -> None:
    path = tmp_path / "mono.toml"
    path.write_text('name = "mono"\nansi = true\n[colors]\nprimary = "#ffffff"\n', encoding="utf-8")
    with pytest.raises(ThemeFileError, match="ANSI names") as caught:
        read_theme(path)
    assert caught.value.problem.key == "colors.primary"


# The running app -------------------------------------------------------------------------------------

def _app(store: object, **settings: object) -> object:
    from ui.helpers import PROFILE, frozen_clock

    from supportterm.config import Settings
    from supportterm.ui.app import SupportTermApp

    app = SupportTermApp(profile=PROFILE, store=store, auto_sync=False, clock=frozen_clock,  # type: ignore[arg-type]
                         settings=Settings(**settings))  # type: ignore[arg-type]
    app.start_engine = lambda: None  # type: ignore[method-assign]  # no network here
    return app


async def test_the_configured_theme_is_used_with_its_palette(store: object) -> None:
    app = _app(store, theme="supportterm-solarized")
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.theme == "supportterm-solarized"  # type: ignore[attr-defined]
        assert app.ansi_theme.ansi_colors[1].hex == SHIPPED["supportterm-solarized"].palette["red"]  # type: ignore[attr-defined]
        app.theme = "supportterm-contrast-light"  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.ansi_theme.ansi_colors[1].hex == SHIPPED["supportterm-contrast-light"].palette["red"]  # type: ignore[attr-defined]
        css = app.get_css_variables()  # type: ignore[attr-defined]
        wanted = SHIPPED["supportterm-contrast-light"].variables["label-note-background"]
        assert css["label-note-background"] == wanted


async def test_an_unknown_theme_falls_back_and_says_so_once(
    store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(store, theme="no-such-theme")
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.theme == DEFAULT_THEME  # type: ignore[attr-defined]
    assert [m for m in said if "no-such-theme" in m and "supportterm themes" in m] == [said[0]]


async def test_no_color_picks_the_ansi_theme_and_strips_colour(
    store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.filter import NoColor

    monkeypatch.setenv("NO_COLOR", "1")
    app = _app(store, theme="supportterm-light")
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.theme == NO_COLOR_THEME  # type: ignore[attr-defined]
        assert any(isinstance(f, NoColor) for f in app._filters)  # type: ignore[attr-defined]


async def test_the_palette_switches_theme(store: object) -> None:
    app = _app(store)
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme: supportterm-contrast-dark")
        await pilot.pause(0.3)  # the palette searches in a worker with a debounce
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "supportterm-contrast-dark"  # type: ignore[attr-defined]


def test_a_minimal_user_theme_is_measured_as_textual_draws_it(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text('name = "mini"\n[colors]\nprimary = "#88c0d0"\n', encoding="utf-8")
    spec = read_theme(path)
    assert spec.palette == {} and terminal_theme(spec) is None  # Textual's default palette is used
    pairs = {pair.what: pair for pair in text_pairs(spec)}
    assert pairs["foreground on background"].background == "#121212"  # Textual's default dark background
    # Textual's default palette puts its red at 2.93:1 on its default panel: why the shipped themes
    # carry their own palette, and why `supportterm themes --check` exists.
    assert pairs["palette.red on panel"].ratio == pytest.approx(2.93, abs=0.01)
    assert "palette.red on panel" in {pair.what for pair in unreadable(spec)}


async def test_without_the_shipped_themes_the_app_still_starts(
    store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import supportterm.ui.themes as themes_module

    monkeypatch.setattr(themes_module, "builtin_theme_dirs", lambda: [])
    app = _app(store)
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.theme == "textual-dark"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("wanted", "colours", "no_colour", "expected"),
    [
        ("auto", "truecolor", False, DEFAULT_THEME),
        ("auto", "256", False, DEFAULT_THEME),
        ("auto", "standard", False, NO_COLOR_THEME),
        ("auto", "windows", False, NO_COLOR_THEME),
        ("auto", None, False, NO_COLOR_THEME),  # TERM=dumb: no colour at all
        (None, "standard", False, NO_COLOR_THEME),
        ("supportterm-light", "standard", False, "supportterm-light"),  # a named theme is the user's call
        ("nord", "truecolor", True, NO_COLOR_THEME),
        ("auto", "truecolor", True, NO_COLOR_THEME),
    ],
)
def test_the_chooser_takes_the_ansi_theme_on_few_colours_unless_a_theme_is_named(
    wanted: str | None, colours: str | None, no_colour: bool, expected: str
) -> None:
    assert choose_theme(wanted, colours, no_colour) == expected


@pytest.mark.parametrize(
    ("term", "colorterm", "expected"),
    [
        ("xterm", "", NO_COLOR_THEME),
        ("screen", "", NO_COLOR_THEME),
        ("linux", "", NO_COLOR_THEME),
        ("screen-256color", "", DEFAULT_THEME),
        ("xterm-256color", "", DEFAULT_THEME),
        ("xterm", "truecolor", DEFAULT_THEME),
    ],
)
def test_the_colour_system_rich_reads_from_term_leads_to_the_right_theme(
    term: str, colorterm: str, expected: str
) -> None:
    from rich.console import Console

    console = Console(force_terminal=True, _environ={"TERM": term, "COLORTERM": colorterm})
    assert choose_theme("auto", console.color_system, False) == expected


async def test_auto_becomes_the_ansi_theme_in_a_16_colour_terminal_but_not_headless(
    store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "screen")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("TEXTUAL_COLOR_SYSTEM", raising=False)
    app = _app(store)
    named = _app(store, theme="supportterm-light")
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        # Headless (tests, screenshots) draws truecolour whatever TERM says, so it keeps the default.
        assert app.theme == DEFAULT_THEME  # type: ignore[attr-defined]
        assert app.console.color_system == "standard"  # type: ignore[attr-defined]
        fit_terminal(app, app.settings.theme)  # type: ignore[arg-type,attr-defined]  # what a real terminal gets
        assert app.theme == NO_COLOR_THEME  # type: ignore[attr-defined]
    async with named.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        fit_terminal(named, named.settings.theme)  # type: ignore[arg-type,attr-defined]
        assert named.theme == "supportterm-light"  # type: ignore[attr-defined]
