"""`supportterm config path|show|validate`, `supportterm themes`, and environment overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportterm.cli import main
from supportterm.config import check_settings, config_path, load_settings
from supportterm.errors import ConfigError

BROKEN = """
them = "nord"
theme = "supportterm-drak"
keymap_preset = "vi"
prefetch = "many"
[keymap]
"ticket.replly" = "w"
[profiles.work]
backend = "zendeks"
url = "https://help.example.com"
[profiles.leaky]
backend = "demo"
url = "http://127.0.0.1:9"
api_token = "s3cr3t-value"
"""


def _config(text: str) -> Path:
    path = config_path()
    path.write_text(text, encoding="utf-8")
    return path


def test_path_prints_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "path"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(config_path()) and "does not exist yet" in err


def test_config_flag_moves_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "team.toml"
    assert main(["--config", str(elsewhere), "config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(elsewhere)


def test_validate_lists_every_problem_with_file_key_and_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _config(BROKEN)
    assert main(["config", "validate"]) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    expected = {
        "them": "Did you mean 'theme'?",
        "theme": "Did you mean 'supportterm-dark'?",
        "keymap_preset": "Did you mean 'vim'?",
        "prefetch": "e.g. prefetch = 10",
        "profiles.work.backend": "Did you mean 'zendesk'?",
        "profiles.leaky.api_token": "keyring",
        "keymap.ticket.replly": "Did you mean 'ticket.reply'?",
    }
    for key, hint in expected.items():
        [line] = [line for line in lines if f"{path}: {key}: " in line]
        assert hint in line, line
    assert "warning:" in next(line for line in lines if "keymap.ticket.replly" in line)
    assert "6 error(s), 1 warning(s)" in out
    assert "s3cr3t" not in out + err


def test_validate_passes_a_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    _config('theme = "supportterm-light"\nkeymap_preset = "vim"\n[keymap]\n"ticket.reply" = "w"\n')
    assert main(["config", "validate"]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_validate_reports_a_broken_user_theme(capsys: pytest.CaptureFixture[str]) -> None:
    themes = config_path().parent / "themes"
    themes.mkdir()
    (themes / "mine.toml").write_text('name = "mine"\n[colors]\nprimary = "#zz"\n', encoding="utf-8")
    assert main(["config", "validate"]) == 2
    assert f"{themes / 'mine.toml'}: colors.primary:" in capsys.readouterr().err


def test_show_prints_effective_settings_without_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _config('theme = "supportterm-light"\n[profiles.work]\nbackend = "demo"\nurl = "https://h"\n'
            'team = "t2"\nuser = "aysel"\n')
    monkeypatch.setenv("SUPPORTTERM_THEME", "supportterm-solarized")
    monkeypatch.setenv("SUPPORTTERM_TOKEN", "tok-should-never-print")
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert 'theme = "supportterm-solarized"  # from SUPPORTTERM_THEME' in out
    assert '[profiles.work]' in out and 'team = "t2"' in out and "tok-should-never-print" not in out
    assert main(["config", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["theme"] == "supportterm-solarized" and data["profiles"]["work"]["user"] == "aysel"


@pytest.mark.parametrize(
    ("variable", "value", "key", "expected"),
    [
        ("SUPPORTTERM_THEME", "nord", "theme", "nord"),
        ("SUPPORTTERM_PROFILE", "home", "default_profile", "home"),
        ("SUPPORTTERM_KEYMAP_PRESET", "vim", "keymap_preset", "vim"),
        ("SUPPORTTERM_SYNC_INTERVAL_S", "90", "sync_interval_s", 90.0),
        ("SUPPORTTERM_PREFETCH", "0", "prefetch", 0),
        ("SUPPORTTERM_AUTO_ADVANCE", "1", "auto_advance", True),
    ],
)
def test_environment_beats_the_file(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, key: str, expected: object
) -> None:
    _config('theme = "supportterm-light"\ndefault_profile = "work"\nsync_interval_s = 10\n')
    monkeypatch.setenv(variable, value)
    assert getattr(load_settings(), key) == expected


def test_a_bad_environment_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTTERM_SYNC_INTERVAL_S", "fast")
    settings, problems = check_settings()
    assert settings.sync_interval_s == 30.0
    assert [(p.file, p.key) for p in problems] == [("environment", "SUPPORTTERM_SYNC_INTERVAL_S")]
    with pytest.raises(ConfigError, match="environment: SUPPORTTERM_SYNC_INTERVAL_S: must be a number"):
        load_settings()


def test_themes_lists_shipped_and_user_themes(capsys: pytest.CaptureFixture[str]) -> None:
    source = Path(__file__).resolve().parents[2] / "themes" / "supportterm-light.toml"
    themes = config_path().parent / "themes"
    themes.mkdir()
    (themes / "paper.toml").write_text(source.read_text(encoding="utf-8").replace(
        'name = "supportterm-light"', 'name = "paper"'), encoding="utf-8")
    _config('theme = "paper"\n')
    assert main(["themes"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(row.startswith("* paper ") and " user " in row for row in rows)
    assert any(row.startswith("  supportterm-dark ") and "shipped" in row for row in rows)
    assert main(["themes", "--names"]) == 0
    names = capsys.readouterr().out.split()
    assert {"paper", "supportterm-16", "nord"} <= set(names)
    assert main(["themes", "--check"]) == 0
    assert "paper: 50 pairs, lowest" in capsys.readouterr().out


def test_theme_flag_reaches_the_app_over_the_config(monkeypatch: pytest.MonkeyPatch) -> None:
    from supportterm.cli import build_parser
    from supportterm.ui.app import SupportTermApp

    _config('theme = "supportterm-light"\n')
    seen: list[str] = []
    monkeypatch.setattr(SupportTermApp, "run", lambda self, **_: seen.append(self.theme))
    adhoc = ["--backend", "demo", "--url", "http://127.0.0.1:9"]
    assert main(adhoc) == 0
    assert main(["--theme", "supportterm-contrast-dark", *adhoc]) == 0
    assert seen == ["supportterm-light", "supportterm-contrast-dark"]
    assert build_parser().parse_args(["demo", "--theme", "supportterm-16"]).theme == "supportterm-16"


def test_show_prints_a_theme_file_to_start_from(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "--show", "supportterm-light"]) == 0
    text = capsys.readouterr().out
    mine = config_path().parent / "themes" / "mine.toml"
    mine.parent.mkdir()
    mine.write_text(text.replace('name = "supportterm-light"', 'name = "mine"'), encoding="utf-8")
    assert main(["themes", "--names"]) == 0
    assert "mine" in capsys.readouterr().out.split()
    assert main(["themes", "--show", "supportterm-lite"]) == 2
    assert "Did you mean 'supportterm-light'?" in capsys.readouterr().err


def test_mouse_setting_reaches_app_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from supportterm.ui.app import SupportTermApp

    seen: list[object] = []
    monkeypatch.setattr(SupportTermApp, "run", lambda self, **kwargs: seen.append(kwargs.get("mouse")))
    adhoc = ["--backend", "demo", "--url", "http://127.0.0.1:9"]
    assert main(adhoc) == 0
    _config("mouse = false\n")
    assert main(adhoc) == 0
    monkeypatch.setenv("SUPPORTTERM_MOUSE", "1")  # the environment beats the file
    assert main(adhoc) == 0
    assert seen == [True, False, True]
    monkeypatch.setenv("SUPPORTTERM_MOUSE", "maybe")
    problems = check_settings()[1]
    assert [(p.file, p.key) for p in problems] == [("environment", "SUPPORTTERM_MOUSE")]
    _config("mouse = 0\n")
    monkeypatch.delenv("SUPPORTTERM_MOUSE")
    with pytest.raises(ConfigError, match="mouse: must be true or false"):
        load_settings()


def test_themes_listing_fits_an_80_column_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["themes"]) == 0
    from supportterm.ui.themes import builtin_themes

    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80
    joined = " ".join(line.split("shipped", 1)[-1].strip() for line in lines)
    for spec in builtin_themes():
        assert spec.description in joined  # wrapped onto the next line, not cut
