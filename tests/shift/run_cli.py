"""Runs `supportterm ARGS...` the way the CLI tests need: with the network forbidden and watched.

    python run_cli.py ARGS...

Any socket connect makes the run exit 97 (after printing NETWORK-ATTEMPTED on stderr); importing httpx
makes it exit 98. Otherwise the exit status is the command's. It goes through `supportterm.cli.main`
once `cli.py` has the `shift` command wired in, and through `supportterm.shift_cli.main` (the same
parser and `run`) before that.
"""

from __future__ import annotations

import argparse
import socket
import sys

ATTEMPTS: list[object] = []


def _refuse(self: socket.socket, address: object, *args: object) -> None:
    ATTEMPTS.append(address)
    raise OSError("network forbidden in this test")


def _wired() -> bool:
    from supportterm import cli

    for action in cli.build_parser()._actions:  # noqa: SLF001 - test-only introspection
        if isinstance(action, argparse._SubParsersAction) and "shift" in action.choices:  # noqa: SLF001
            return True
    return False


def main(argv: list[str]) -> int:
    socket.socket.connect = _refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = _refuse  # type: ignore[method-assign,assignment]
    if _wired() or "shift" not in argv:
        from supportterm.cli import main as entry
    else:
        from supportterm.shift_cli import main as entry
    try:
        code = entry(argv)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    sys.stdout.flush()
    if ATTEMPTS:
        print(f"NETWORK-ATTEMPTED {ATTEMPTS}", file=sys.stderr)
        return 97
    if "httpx" in sys.modules:
        print("HTTPX-IMPORTED", file=sys.stderr)
        return 98
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
