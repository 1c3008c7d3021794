"""Puts tools/ on the path for the tests of code only the offline trainers use (paper_strategies):
it is not part of the installed package."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
