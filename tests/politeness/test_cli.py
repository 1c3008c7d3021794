"""Tests of `supportterm check` (DESIGN §4): output, JSON, batch mode and exit statuses."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from supportterm.politeness import cli


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(["check", *argv])


def test_readable_output_and_exit_1_on_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run([], "Hi Bob,\n\nThat's not our problem.\n\nBest,\nAnn", monkeypatch)
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out[0].startswith("-:3:1: error dismissive: ")
    assert "→" in out[0]
    assert out[-1].startswith("1 finding(s), 1 error(s); language en")


def test_clean_reply_exits_0(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([], "Hi Bob,\n\nThe fix is live.\n\nBest,\nAnn", monkeypatch) == 0
    assert capsys.readouterr().out.startswith("0 finding(s)")


def test_json_output(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    status = run(["--json", "--lang", "ru"], "Здравствуйте!\n\nТы где?\n\nС уважением,\nОлег", monkeypatch)
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    assert data["language"] == "ru" and -1.0 <= data["tone"] <= 1.0
    assert data["findings"][0] == {
        "category": "informal_address",
        "severity": "error",
        "start": 15,
        "end": 17,
        "message": data["findings"][0]["message"],
        "suggestion": "Вы",
    }


def test_warning_only_exits_0(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([], "Hello,\n\nThe fix is live.\n\nRegards,\nSupport Team", monkeypatch) == 0
    assert "warning impersonal_signature" in capsys.readouterr().out


def test_batch_keeps_order(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"text": "Hi, it works now. Best, Ann"},
        {"text": "Привет, ты где?", "lang": "ru"},
        {"text": "ok"},
    ]
    status = run(["--batch"], "\n".join(json.dumps(x, ensure_ascii=False) for x in lines), monkeypatch)
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 1
    assert [r["language"] for r in results] == ["en", "ru", "en"]
    assert results[0]["findings"] == [] and results[1]["findings"]


def test_batch_bad_line_is_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--batch"], '{"text": "fine"}\nnot json\n', monkeypatch) == 2
    assert "line 2" in capsys.readouterr().err
    assert run(["--batch"], '{"text": "fine", "lang": "xx"}\n', monkeypatch) == 2
    assert run(["--batch"], "[1, 2]\n", monkeypatch) == 2


def test_file_argument_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi,\n\nYou're wrong.\n\nBest,\nAnn", encoding="utf-8")
    assert cli.main(["check", str(reply)]) == 1
    assert capsys.readouterr().out.startswith(f"{reply}:3:1: error argumentative")
    assert cli.main(["check", str(tmp_path / "missing.txt")]) == 2


def test_bad_language_is_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["check", "--lang", "xx"])
    assert exc.value.code == 2


def test_add_parser_wires_into_a_main_parser() -> None:
    parser = argparse.ArgumentParser(prog="supportterm")
    sub = parser.add_subparsers(dest="command")
    cli.add_parser(sub)
    args = parser.parse_args(["check", "--json", "--lang", "az", "-"])
    assert (args.command, args.json, args.lang, args.file, args.batch) == ("check", True, "az", "-", False)
