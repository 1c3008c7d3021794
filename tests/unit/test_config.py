"""Unit tests of config.toml loading: defaults, profiles, and errors that name the file and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportterm.config import Profile, Settings, config_path, load_settings
from supportterm.errors import ConfigError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope.toml") == Settings()
    assert Settings().sync_interval_s == 30.0 and Settings().profiles == {}


def test_config_path_follows_home_and_env(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_path() == isolated_home / "config" / "config.toml"
    monkeypatch.setenv("SUPPORTTERM_CONFIG", str(isolated_home / "elsewhere.toml"))
    assert config_path() == isolated_home / "elsewhere.toml"


def test_load_settings_reads_the_default_path() -> None:
    config_path().write_text('theme = "nord"\n', encoding="utf-8")
    assert load_settings().theme == "nord"


def test_profiles_are_parsed(tmp_path: Path) -> None:
    path = _write(tmp_path, """
default_profile = "work"
sync_interval_s = 60
theme = "gruvbox"

[profiles.work]
backend = "demo"
url = "https://help.example.com"
user = "aysel"
verify_tls = false
team = "tier-2"

[profiles.home]
backend = "demo"
url = "http://127.0.0.1:8700"
""")
    settings = load_settings(path)
    assert (settings.default_profile, settings.sync_interval_s, settings.theme) == ("work", 60.0, "gruvbox")
    assert settings.profiles["work"] == Profile(
        name="work", backend="demo", url="https://help.example.com", user="aysel",
        options={"team": "tier-2"}, verify_tls=False,
    )
    home = settings.profiles["home"]
    assert (home.user, home.options, home.verify_tls) == (None, {}, True)


def test_unknown_key_names_the_file_and_suggests(tmp_path: Path) -> None:
    path = _write(tmp_path, 'them = "nord"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert str(path) in message
    assert "'them'" in message
    assert "Did you mean 'theme'?" in message


def test_unknown_key_without_a_close_match(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, "zzz = 1\n"))
    assert "unknown key 'zzz'" in str(caught.value)
    assert "Did you mean" not in str(caught.value)


def test_bad_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[profiles.work\nbackend = demo\n")
    with pytest.raises(ConfigError, match="not valid TOML") as caught:
        load_settings(path)
    assert str(path) in str(caught.value)
    assert "line 1" in str(caught.value)


def test_profile_without_url_says_which_key(tmp_path: Path) -> None:
    path = _write(tmp_path, '[profiles.work]\nbackend = "demo"\n')
    with pytest.raises(ConfigError, match=r"profiles\.work\.url is required"):
        load_settings(path)


@pytest.mark.parametrize(
    "text",
    [
        'profiles = "work"\n',
        "[profiles]\nwork = 1\n",
        'sync_interval_s = "fast"\n',
    ],
)
def test_wrong_types_are_config_errors(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(path) in str(caught.value)


def test_keymap_views_and_options_are_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from supportterm.config import load_settings

    path = tmp_path / "config.toml"
    path.write_text(
        'prefetch = 3\nauto_advance = true\n[keymap]\n"ticket.reply" = "w"\n'
        '[[views]]\nid = "ru"\ntitle = "Russian, open"\nquery = "lang:ru status:active"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.keymap == {"ticket.reply": "w"}
    assert [(v.id, v.query) for v in settings.views] == [("ru", "lang:ru status:active")]
    assert (settings.prefetch, settings.auto_advance) == (3, True)


def test_a_view_with_a_bad_query_names_the_view(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from supportterm.config import load_settings
    from supportterm.errors import ConfigError

    path = tmp_path / "config.toml"
    path.write_text('[[views]]\nid = "x"\ntitle = "X"\nquery = "status:bogus"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"views\[0\]\.query: status:bogus is not understood"):
        load_settings(path)
