"""Provides shell completion scripts for bash, zsh and fish, generated from the argparse parser.

`supportterm completion bash` prints a script to source (README shows where). The scripts are
static text made from the parser, so they never drift from the real commands, start no Python on
TAB (argcomplete would run the interpreter on every key press, ~0.1-0.3 s on a slow box) and need
no extra dependency. Only theme names are dynamic: `--theme <TAB>` asks `supportterm themes --names`.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")
DYNAMIC = {"theme": "supportterm themes --names 2>/dev/null"}
"""Option dest -> command that lists its values."""


@dataclass
class Option:
    """One option of a command, as completion needs it."""

    flags: list[str]
    help: str
    takes_value: bool
    choices: list[str] = field(default_factory=list)
    files: bool = False
    dynamic: str | None = None


@dataclass
class Command:
    """A command or sub-command: its options, sub-commands and whether it takes file arguments."""

    path: tuple[str, ...]
    help: str = ""
    options: list[Option] = field(default_factory=list)
    children: dict[str, Command] = field(default_factory=dict)
    files: bool = False
    choices: list[str] = field(default_factory=list)
    """Values of a positional argument with choices (`completion bash|zsh|fish`)."""

    @property
    def words(self) -> list[str]:
        """What to offer where a word (not an option) goes."""
        return [*self.children, *self.choices]


def command_tree(parser: argparse.ArgumentParser, path: tuple[str, ...] = (), help_text: str = "") -> Command:
    """The parser as a tree of commands (hidden options left out)."""
    node = Command(path, help_text)
    for action in parser._actions:  # argparse has no public API to walk its actions
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                node.children[name] = command_tree(sub, (*path, name), helps.get(name, ""))
        elif action.option_strings and action.help != argparse.SUPPRESS:
            node.options.append(_option(action))
        elif not action.option_strings and action.help != argparse.SUPPRESS:
            node.files = node.files or "FILE" in str(action.metavar or "").upper()
            node.choices += [str(c) for c in action.choices or ()]
    return node


def _option(action: argparse.Action) -> Option:
    takes_value = action.nargs != 0
    return Option(
        flags=[f for f in action.option_strings if f.startswith("--")] or list(action.option_strings),
        help=(action.help or "").replace("%(default)s", str(action.default)),
        takes_value=takes_value,
        choices=[str(c) for c in action.choices] if action.choices else [],
        files=takes_value and (action.type is Path or "FILE" in str(action.metavar or "").upper()),
        dynamic=DYNAMIC.get(action.dest) if takes_value else None,
    )


def walk(node: Command) -> list[Command]:
    """The node and every descendant, parents first."""
    found = [node]
    for child in node.children.values():
        found.extend(walk(child))
    return found


def value_options(root: Command) -> dict[str, Option]:
    """Every option that takes a value, by flag (the same flag means the same thing everywhere)."""
    found: dict[str, Option] = {}
    for node in walk(root):
        for option in node.options:
            if option.takes_value:
                for flag in option.flags:
                    found.setdefault(flag, option)
    return found


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script for `shell`."""
    root = command_tree(parser)
    prog = parser.prog
    if shell == "bash":
        return _bash(root, prog)
    if shell == "zsh":
        return _zsh(root, prog)
    if shell == "fish":
        return _fish(root, prog)
    raise ValueError(f"no completion for {shell!r}; choose one of {', '.join(SHELLS)}")


def _key(path: tuple[str, ...]) -> str:
    return "/".join(path)


def _flags(node: Command) -> str:
    return " ".join(flag for option in node.options for flag in option.flags)


def _value_cases(root: Command, *, files: str, words: str) -> list[str]:
    """`case "$prev"` arms: what to offer after an option that takes a value."""
    arms = []
    for flag, option in sorted(value_options(root).items()):
        if option.dynamic:
            arms.append(f'        {flag}) {words.format(f"$({option.dynamic})")} ;;')
        elif option.choices:
            arms.append(f'        {flag}) {words.format(" ".join(option.choices))} ;;')
        elif option.files:
            arms.append(f"        {flag}) {files} ;;")
        else:
            arms.append(f"        {flag}) return 0 ;;")
    return arms


def _path_cases(root: Command) -> list[str]:
    """`case "$cmdpath/$word"` arms: a word that names a sub-command moves down the tree."""
    return [f'            "{_key(node.path[:-1])}/{node.path[-1]}") cmdpath="{_key(node.path)}" ;;'
            for node in walk(root) if node.path]


def _node_cases(root: Command, *, set_words: str) -> list[str]:
    arms = []
    for node in walk(root):
        values = set_words.format(opts=_flags(node), subs=" ".join(node.words), files=int(node.files))
        arms.append(f'        "{_key(node.path)}") {values} ;;')
    return arms


def _bash(root: Command, prog: str) -> str:
    name = f"_{prog.replace('-', '_')}"
    lines = [
        f"# bash completion for {prog}; generated by `{prog} completion bash`",
        f"{name}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local cmdpath="" word i opts="" subs="" files=0',
        '    for ((i = 1; i < COMP_CWORD; i++)); do',
        '        word="${COMP_WORDS[i]}"',
        '        case "$cmdpath/$word" in',
        *_path_cases(root),
        "        esac",
        "    done",
        '    case "$prev" in',
        *_value_cases(root, files='COMPREPLY=($(compgen -f -- "$cur")); return 0',
                      words='COMPREPLY=($(compgen -W "{}" -- "$cur")); return 0'),
        "    esac",
        '    case "$cmdpath" in',
        *_node_cases(root, set_words='opts="{opts}"; subs="{subs}"; files={files}'),
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -W "$subs" -- "$cur"))',
        '        if [[ $files == 1 ]]; then COMPREPLY+=($(compgen -f -- "$cur")); fi',
        "    fi",
        "}",
        f"complete -F {name} {prog}",
        "",
    ]
    return "\n".join(lines)


def _zsh(root: Command, prog: str) -> str:
    name = f"_{prog.replace('-', '_')}"
    lines = [
        f"#compdef {prog}",
        f"# zsh completion for {prog}; generated by `{prog} completion zsh`",
        f"{name}() {{",
        '    local cur="${words[CURRENT]}" prev="${words[CURRENT-1]}"',
        '    local cmdpath="" word i opts="" subs="" files=0',
        "    for ((i = 2; i < CURRENT; i++)); do",
        '        word="${words[i]}"',
        '        case "$cmdpath/$word" in',
        *_path_cases(root),
        "        esac",
        "    done",
        '    case "$prev" in',
        *_value_cases(root, files="_files; return 0", words="compadd -- ${{=:-{}}}; return 0"),
        "    esac",
        '    case "$cmdpath" in',
        *_node_cases(root, set_words='opts="{opts}"; subs="{subs}"; files={files}'),
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        "        compadd -- ${=opts}",
        "    else",
        "        compadd -- ${=subs}",
        "        if [[ $files == 1 ]]; then _files; fi",
        "    fi",
        "}",
        f'if [[ "$funcstack[1]" == "{name}" ]]; then {name} "$@"; else compdef {name} {prog}; fi',
        "",
    ]
    return "\n".join(lines)


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish(root: Command, prog: str) -> str:
    lines = [f"# fish completion for {prog}; generated by `{prog} completion fish`",
             f"complete -c {prog} -f"]
    for node in walk(root):
        seen = "; and ".join(f"__fish_seen_subcommand_from {part}" for part in node.path)
        below = " ".join(node.children)
        if node.children:
            guard = f"{seen}; and " if seen else ""
            condition = f"{guard}not __fish_seen_subcommand_from {below}"
            for child_name, child in node.children.items():
                lines.append(f"complete -c {prog} -n {_fish_quote(condition)} -a {child_name} "
                             f"-d {_fish_quote(child.help)}")
        for option in node.options:
            # the top command's options go before any sub-command, as argparse wants them
            parts = [f"complete -c {prog} -n {_fish_quote(seen or '__fish_use_subcommand')}"]
            parts.extend(f"-l {f[2:]}" if f.startswith("--") else f"-s {f[1:]}" for f in option.flags)
            if option.dynamic:
                parts.append(f"-x -a {_fish_quote('(' + option.dynamic.replace(' 2>/dev/null', '') + ')')}")
            elif option.choices:
                parts.append(f"-x -a {_fish_quote(' '.join(option.choices))}")
            elif option.files:
                parts.append("-r -F")
            elif option.takes_value:
                parts.append("-x")
            parts.append(f"-d {_fish_quote(option.help)}")
            lines.append(" ".join(parts))
        if node.files:
            lines.append(f"complete -c {prog} -n {_fish_quote(seen)} -F")
        if node.choices:
            values = _fish_quote(" ".join(node.choices))
            lines.append(f"complete -c {prog} -n {_fish_quote(seen)} -a {values}")
    return "\n".join(lines) + "\n"
