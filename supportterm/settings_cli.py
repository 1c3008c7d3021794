"""Provides the `config path|show|validate`, `themes` and `completion` commands.

Wired into `cli.py` by `add_parsers(sub)` and a dispatch to `run(args)`. `config path` and `config show`
stay headless; `config validate` and `themes` import the theme files reader and, for Textual's own
theme names and the binding ids, Textual itself (only inside the command, so other commands stay fast).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from supportterm.config import ENV_OVERRIDES, SECRET_WORDS, Problem, Settings, check_settings, config_path

COMMANDS = ("config", "themes", "completion")
COMPLETION_HOWTO = """Print a completion script for your shell. Install it once:

  bash:  supportterm completion bash > ~/.local/share/bash-completion/completions/supportterm
  zsh:   supportterm completion zsh > ~/.zfunc/_supportterm   (with fpath+=(~/.zfunc) before compinit)
  fish:  supportterm completion fish > ~/.config/fish/completions/supportterm.fish

then open a new shell. Regenerate it after upgrading supportterm."""


def add_parsers(sub: Any) -> None:
    """Register `config`, `themes` and `completion` on the main parser's sub-parsers."""
    config = sub.add_parser("config", help="where config.toml is, what is in effect, and whether it is right")
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    actions.add_parser("path", help="print the path of config.toml (and of the user themes folder)")
    show = actions.add_parser("show", help="print the settings in effect (file + environment); no secrets")
    show.add_argument("--json", action="store_true", help="print them as JSON")
    actions.add_parser("validate", help="check config.toml, the environment and user themes; 2 on errors")

    themes = sub.add_parser("themes", help="list the themes: shipped, your own, Textual's")
    themes.add_argument("--names", action="store_true", help="names only, one per line (scripts, completion)")
    themes.add_argument("--show", metavar="NAME",
                        help="print a theme file, to start your own: --show supportterm-dark > mine.toml")
    themes.add_argument("--check", action="store_true",
                        help="measure each theme file's text contrast (WCAG AA 4.5:1); 1 if any falls short")

    completion = sub.add_parser("completion", help="print a shell completion script (bash, zsh or fish)",
                                description=COMPLETION_HOWTO,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    completion.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell to complete in")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run one of this module's commands."""
    if args.command == "completion":
        from supportterm.completion import script

        sys.stdout.write(script(args.shell, parser))
        return 0
    if args.command == "themes":
        return run_themes(args)
    if args.config_command == "path":
        return config_path_command()
    if args.config_command == "show":
        return show(as_json=args.json)
    return validate()


def config_path_command() -> int:
    """Print where config.toml is read from."""
    path = config_path()
    print(path)
    state = "exists" if path.exists() else "does not exist yet: defaults apply (docs/config.md has every key)"
    print(f"# {state}; user themes: {path.parent / 'themes'}", file=sys.stderr)
    return 0


def show(*, as_json: bool) -> int:
    """Print the effective settings; values from the environment are marked, secrets never printed."""
    settings, problems = check_settings()
    data = settings_dict(settings)
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(to_toml(data, from_env=_from_env()), end="")
    if problems:
        print(f"# {len(problems)} problem(s): run 'supportterm config validate'", file=sys.stderr)
    return 0


def _from_env() -> dict[str, str]:
    import os

    return {key: name for name, key in ENV_OVERRIDES.items() if os.environ.get(name)}


def settings_dict(settings: Settings) -> dict[str, Any]:
    """Settings as plain data, with any secret-looking profile option masked."""
    data = asdict(settings)
    data["views"] = [dict(view) for view in data["views"]]
    for profile in data["profiles"].values():
        profile.pop("name", None)
        options = profile.pop("options", {})
        for key, value in options.items():
            secret = any(word in key.lower() for word in SECRET_WORDS)
            profile[key] = "(hidden)" if secret else value
    return data


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON scalars and string lists are valid TOML


def to_toml(data: dict[str, Any], *, from_env: dict[str, str]) -> str:
    """The settings written back as config.toml text (what `config show` prints)."""
    lines = []
    for key, value in data.items():
        if isinstance(value, (dict, list)) or value is None:
            continue
        note = f"  # from {from_env[key]}" if key in from_env else ""
        lines.append(f"{key} = {_value(value)}{note}")
    if data.get("default_profile") is None:
        lines.append("# default_profile: not set")
    if data["keymap"]:
        lines += ["", "[keymap]", *(f"{_value(k)} = {_value(v)}" for k, v in data["keymap"].items())]
    for name, profile in data["profiles"].items():
        lines += ["", f"[profiles.{name}]"]
        lines += [f"{k} = {_value(v)}" for k, v in profile.items() if v is not None]
    for view in data["views"]:
        lines += ["", "[[views]]", *(f"{k} = {_value(v)}" for k, v in view.items())]
    return "\n".join(lines) + "\n"


def validate() -> int:
    """Print every problem of the config file, the environment and the user themes; 2 if any is an error."""
    settings, problems = check_settings()
    problems += _theme_problems(settings) + _keymap_problems(settings) + _backend_problems(settings)
    for problem in problems:
        print(f"{problem.severity}: {problem}", file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    path = config_path()
    where = str(path) if path.exists() else f"{path} (not there: defaults)"
    print(f"{where}: {errors} error(s), {warnings} warning(s)")
    return 2 if errors else 0


def _theme_problems(settings: Settings) -> list[Problem]:
    from supportterm.ui.themes import all_themes

    specs, failed = all_themes()
    found = [Problem(str(p.file), p.key, p.message, "This theme is skipped until it is fixed.")
             for p in failed]
    names = {spec.name for spec in specs} | _textual_theme_names()
    if settings.theme not in names | {"auto"}:
        from supportterm.config import suggest

        found.append(Problem(str(config_path()), "theme", f"unknown theme {settings.theme!r}",
                             suggest(settings.theme, names) or "'supportterm themes' lists them."))
    return found


def _textual_theme_names() -> set[str]:
    from textual.theme import BUILTIN_THEMES

    return set(BUILTIN_THEMES)


def _keymap_problems(settings: Settings) -> list[Problem]:
    from supportterm.config import suggest
    from supportterm.ui.keymaps import binding_catalog, unknown_ids

    known = set(binding_catalog())
    return [Problem(str(config_path()), f"keymap.{ident}", "no binding has this id",
                    suggest(ident, known) or "docs/keys.md lists the ids.", "warning")
            for ident in unknown_ids(settings.keymap, known)]


def _backend_problems(settings: Settings) -> list[Problem]:
    from supportterm.backends.registry import backend_names
    from supportterm.config import suggest

    names = set(backend_names())
    return [Problem(str(config_path()), f"profiles.{name}.backend", f"no backend called {p.backend!r}",
                    suggest(p.backend, names) or f"Installed: {', '.join(sorted(names))}.")
            for name, p in settings.profiles.items() if p.backend not in names]


def run_themes(args: argparse.Namespace) -> int:
    """List the themes (or check their contrast)."""
    from supportterm.ui.themes import DEFAULT_THEME, NO_COLOR_THEME, all_themes

    specs, failed = all_themes()
    textual = sorted(_textual_theme_names() - {spec.name for spec in specs})
    if args.names:
        print("\n".join([spec.name for spec in specs] + textual))
        return 0
    if args.show:
        found = {spec.name: spec for spec in specs}.get(args.show)
        if found is None:
            from supportterm.config import suggest

            hint = suggest(args.show, {spec.name for spec in specs}) or "'supportterm themes' lists them."
            print(f"supportterm: no theme file called {args.show!r}. {hint}", file=sys.stderr)
            return 2
        sys.stdout.write(found.source.read_text(encoding="utf-8"))
        return 0
    if args.check:
        return _check_themes(specs)
    import shutil
    import textwrap

    configured = _theme_in_effect(check_settings()[0].theme)
    columns = min(shutil.get_terminal_size((100, 24)).columns, 100)  # an 80-column terminal must not wrap
    width = max(len(spec.name) for spec in specs) + 2
    indent = " " * (2 + width + 6 + 8)
    for spec in specs:
        mark = "*" if spec.name == configured else " "
        kind = "ansi" if spec.ansi else ("dark" if spec.dark else "light")
        room = max(columns - len(indent), 20)
        lines = textwrap.wrap(spec.description, room, break_on_hyphens=False) or [""]
        print(f"{mark} {spec.name:<{width}}{kind:<6}{_origin(spec):<8}{lines[0]}")
        for line in lines[1:]:
            print(indent + line)
    listing = f"Textual's own: {', '.join(textual)}"
    print(textwrap.fill(listing, columns, initial_indent="  ", subsequent_indent="    ",
                        break_on_hyphens=False))
    print("* = in effect here: theme in config.toml or SUPPORTTERM_THEME, else \"auto\" =\n"
          f"    {DEFAULT_THEME}, or {NO_COLOR_THEME} with 16 colours or NO_COLOR")
    for problem in failed:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def _theme_in_effect(configured: str) -> str:
    """The theme the app would start with in this terminal (what "auto" and NO_COLOR come to)."""
    from rich.console import Console

    from supportterm.ui.theming import choose_theme, no_color

    return choose_theme(configured, Console(force_terminal=True).color_system, no_color())


def _origin(spec: Any) -> str:
    from supportterm.ui.themes import user_theme_dir

    return "user" if spec.source.parent == user_theme_dir() else "shipped"


def _check_themes(specs: list[Any]) -> int:
    from supportterm.ui.theme_check import text_pairs, unreadable

    failing = 0
    for spec in specs:
        pairs = text_pairs(spec)
        low = unreadable(spec)
        worst = min(pairs, key=lambda p: p.ratio)
        print(f"{spec.name}: {len(pairs)} pairs, lowest {worst.ratio:.2f} ({worst.what})")
        for pair in low:
            print(f"  below 4.5: {pair.what}: {pair.foreground} on {pair.background} = {pair.ratio:.2f}")
        failing += bool(low)
    return 1 if failing else 0
