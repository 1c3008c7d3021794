"""The command line: `--help` works for every command, and the completion scripts complete for real.

The command list comes from the parser itself (`completion.command_tree`), so a new sub-command is
covered without touching this file. Completion scripts are run by the real shells (bash always;
zsh and fish when installed) with the shells' own completion entry points.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from supportterm.cli import build_parser, main
from supportterm.completion import command_tree, script, walk

COMMANDS = [node.path for node in walk(command_tree(build_parser()))]


def test_the_tree_has_every_command() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"", "demo", "serve-demo", "sync", "check", "shift", "shift start", "config", "config path",
            "config show", "config validate", "themes", "completion"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "supportterm")
def test_help_works_for_every_command(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*path, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {' '.join(('supportterm', *path))}")
    assert "-h, --help" in out


def test_help_in_a_fresh_interpreter() -> None:
    result = subprocess.run([sys.executable, "-m", "supportterm", "--help"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    for command in ("demo", "config", "themes", "completion", "--theme"):
        assert command in result.stdout


@pytest.fixture
def on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH finds this checkout's `supportterm` (for `--theme <TAB>`)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "supportterm"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m supportterm "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


BASH_PROBE = """
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
_supportterm
printf '%s\\n' "${COMPREPLY[@]}"
"""


def _bash(script_path: Path, env: dict[str, str], *words: str) -> list[str]:
    result = subprocess.run(["bash", "-c", BASH_PROBE, "probe", str(script_path), *words],
                            capture_output=True, text=True, env=env, check=True)
    return result.stdout.split()


def test_bash_completes_commands_options_values_and_themes(tmp_path: Path, on_path: dict[str, str]) -> None:
    path = tmp_path / "supportterm.bash"
    path.write_text(script("bash", build_parser()), encoding="utf-8")
    assert _bash(path, on_path, "supportterm", "con") == ["config"]
    assert _bash(path, on_path, "supportterm", "config", "") == ["path", "show", "validate"]
    assert _bash(path, on_path, "supportterm", "shift", "st") == ["start", "stop", "status"]
    assert _bash(path, on_path, "supportterm", "check", "--lang", "") == ["auto", "en", "ru", "az"]
    assert _bash(path, on_path, "supportterm", "completion", "") == ["bash", "zsh", "fish"]
    assert "--json" in _bash(path, on_path, "supportterm", "config", "show", "--")
    assert _bash(path, on_path, "supportterm", "--theme", "supportterm-contrast") == [
        "supportterm-contrast-dark", "supportterm-contrast-light"]


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_with_its_own_engine(tmp_path: Path, on_path: dict[str, str]) -> None:
    path = tmp_path / "supportterm.fish"
    path.write_text(script("fish", build_parser()), encoding="utf-8")

    def complete(line: str) -> list[str]:
        result = subprocess.run(["fish", "-c", f"source {path}; complete -C '{line}'"], capture_output=True,
                                text=True, env=on_path, check=True)
        return [row.split("\t")[0] for row in result.stdout.splitlines()]

    assert complete("supportterm con") == ["config"]
    assert complete("supportterm config ") == ["path", "show", "validate"]
    assert complete("supportterm --theme supportterm-contrast") == [
        "supportterm-contrast-dark", "supportterm-contrast-light"]
    assert "--config" not in complete("supportterm demo --")  # top-level options go before the command


ZSH_PROBE = """
compdef() { : }
source "$1"; shift
compadd() { shift; print -r -l -- "$@" }
_files() { print -r -- "<files>" }
words=("$@"); CURRENT=${#words}
_supportterm
"""


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_script_completes(tmp_path: Path, on_path: dict[str, str]) -> None:
    path = tmp_path / "_supportterm"
    path.write_text(script("zsh", build_parser()), encoding="utf-8")

    def complete(*words: str) -> list[str]:
        result = subprocess.run(["zsh", "-f", "-c", ZSH_PROBE, "probe", str(path), *words],
                                capture_output=True, text=True, env=on_path, check=True)
        return result.stdout.split()

    assert complete("supportterm", "config", "") == ["path", "show", "validate"]
    assert complete("supportterm", "demo", "--home", "") == ["<files>"]
    assert "supportterm-solarized" in complete("supportterm", "--theme", "")


def test_completion_command_prints_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "bash"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# bash completion for supportterm")
    assert "complete -F _supportterm supportterm" in out


def test_opening_the_tui_skips_the_sub_commands_parsers_and_parses_the_same() -> None:
    from supportterm.cli import names_a_command

    tui_lines = [[], ["--backend", "demo", "--url", "http://127.0.0.1:9"], ["--theme", "check"],
                 ["--profile", "sync"], ["--config=/tmp/c.toml"]]
    for argv in tui_lines:
        assert not names_a_command(argv), argv
        light = vars(build_parser(commands=False).parse_args(argv))
        assert light == vars(build_parser().parse_args(argv)), argv
    for argv in (["check", "x"], ["--help"], ["-h"], ["--profile", "p", "sync"], ["themes"]):
        assert names_a_command(argv), argv
