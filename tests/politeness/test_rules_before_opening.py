"""Tests that tools/rules_before_opening.json (the rules' verdicts before each blind set was opened) still
lines up with the sets it describes: one verdict per reply, in file order; the backstop only adds flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERDICTS = json.loads((ROOT / "tools" / "rules_before_opening.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(VERDICTS))
def test_one_verdict_per_reply(name: str) -> None:
    entry = VERDICTS[name]
    assert len(entry["commit"]) == 40
    for lang in ("en", "ru", "az"):
        path = ROOT / "tests" / "politeness" / name / f"{lang}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        replies = [line for line in lines if line.strip()]
        checker, rules = entry[lang]["checker"], entry[lang]["rules"]
        assert len(checker) == len(rules) == len(replies)
        assert set(checker + rules) <= {"0", "1"}
        # the checker is rules OR backstop: it flags whatever the rules flag
        assert all(c == "1" or r == "0" for c, r in zip(checker, rules, strict=True))
