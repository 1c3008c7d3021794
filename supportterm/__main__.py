"""Provides `python -m supportterm` and the `supportterm` command.

The code cache goes in first: the imports after it create the dataclasses whose generated methods
it keeps compiled (supportterm/gencache.py).
"""

from __future__ import annotations

from supportterm import gencache

gencache.install()

from supportterm.cli import main  # noqa: E402 - after the cache is installed

if __name__ == "__main__":
    raise SystemExit(main())
