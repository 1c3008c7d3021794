"""Tests for the trainer's `--first-look-sealed` mode (tools/train_backstop.py, seventh try): a sealed
archive's language file is scored with a weights file and only aggregates come out, never an item.

The archive here is a throwaway one made from a seen set (authors8/d13), never a sealed one.
"""

from __future__ import annotations

import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

pytest.importorskip("sklearn")  # the trainer is a dev tool: numpy, scipy and scikit-learn

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import train_backstop as tb  # noqa: E402

SEEN = ROOT / "tests" / "politeness" / "authors8" / "d13" / "ru.jsonl"
WEIGHTS = {"version": 7, "langs": {"ru": {"prefix": 0, "threshold": 100, "bias": 0,
                                          "uni": {"сами": 150, "видимо": 150}}}, "disabled": ["en", "az"]}
"""A tiny hand-made model: a sentence with "сами" or "видимо" is flagged; every sentence is scored."""


def _archive(tmp_path: Path) -> Path:
    """A gzipped tar holding only ru.jsonl (the seen set's bytes): the mode must not need the others."""
    path = tmp_path / "throwaway.tar.gz"
    data = SEEN.read_bytes()
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("ru.jsonl")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return path


def test_first_look_sealed_prints_and_logs_aggregates_only(tmp_path, monkeypatch, capsys):
    archive = _archive(tmp_path)
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps(WEIGHTS, ensure_ascii=False), encoding="utf-8")
    log = tmp_path / "log.jsonl"
    monkeypatch.setattr(tb, "LOG", log)

    tb.run_first_look_sealed([archive], ["en", "ru", "az"], weights)

    out = capsys.readouterr().out
    logged = log.read_text(encoding="utf-8")
    records = [json.loads(line) for line in logged.splitlines()]
    assert [r["mode"] for r in records] == ["first_look_sealed"]  # ru only: en and az have no model
    items = [json.loads(line) for line in SEEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    for item in items:
        for piece in [*str(item["text"]).splitlines(), str(item.get("customer_text") or "")]:
            piece = piece.strip()
            if len(piece) >= 12:
                assert piece not in out and piece not in logged

    # The numbers are the rules alone and the checker with the model, computed here independently.
    model = tb.backstop.load(WEIGHTS)["ru"]
    gold = [bool(i["needs_fix"]) for i in items]
    rules = [tb.rules_flag(str(i["text"]), "ru", i.get("customer_text")) for i in items]
    saved = tb.backstop.use({"ru": model})
    try:
        live = [tb._live_flag(str(i["text"]), "ru", i.get("customer_text")) for i in items]
    finally:
        tb.backstop.use(saved)
    res = records[0]["per_archive"][archive.name]
    assert res["rules"] == tb.prf(rules, gold)
    assert res["rules_or_model"] == tb.prf(live, gold)
    assert res["checker_agrees"] == len(items)
    assert res["new_false_alarms"] == tb.prf(live, gold)["fp"] - tb.prf(rules, gold)["fp"]
    assert any(a != b for a, b in zip(rules, live, strict=True))  # the tiny model adds catches
    assert records[0]["gain"] == round(records[0]["mean_or_F1"] - records[0]["mean_rules_F1"], 4)
    assert f"rules OR model P {res['rules_or_model']['P']:.3f}" in out

    # Beside it, the checker detecting the language, as tools/score_sealed.py scores.
    saved = tb.backstop.use({})
    try:
        detected = [tb._live_flag(str(i["text"]), None, i.get("customer_text")) for i in items]
    finally:
        tb.backstop.use(saved)
    assert res["language_detected"]["rules"] == tb.prf(detected, gold)
    assert res["language_detected"]["rules"]["F1"] >= res["rules"]["F1"]  # also catches language mismatch


def test_sealed_items_reads_only_the_language_asked(tmp_path):
    archive = _archive(tmp_path)
    assert len(tb.sealed_items(archive, "ru")) == 100
    with pytest.raises(SystemExit):
        tb.sealed_items(archive, "en")
