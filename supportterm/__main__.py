"""Provides `python -m supportterm`."""

from __future__ import annotations

from supportterm.cli import main

raise SystemExit(main())
