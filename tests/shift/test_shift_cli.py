"""`supportterm shift ...` as a script sees it: real processes, JSON out, exit codes, no network, kill -9.

Each run goes through `run_cli.py`, which forbids sockets and fails the run if any connect is tried or
httpx is imported, so these tests also prove that `shift` never touches the network. Time is frozen
with the hidden `--now` option; the store lives under the test's SUPPORTTERM_HOME.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supportterm import paths
from supportterm.store.db import Store

HERE = Path(__file__).parent
RUNNER = HERE / "run_cli.py"
CHILD = HERE / "shift_child.py"
OFFLINE = ["--backend", "demo", "--url", "http://127.0.0.1:9"]
PROFILE = "demo-adhoc"
TIMEOUT = 60


def shift(*args: str, now: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `supportterm --backend demo --url ... shift ARGS [--now NOW]`."""
    extra = ["--now", now] if now else []
    return subprocess.run(
        [sys.executable, str(RUNNER), *OFFLINE, "shift", *args, *extra],
        capture_output=True, text=True, timeout=TIMEOUT, env=dict(os.environ), check=False,
    )


def ok_json(*args: str, now: str) -> dict[str, Any]:
    result = shift(*args, "--json", now=now)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_status_without_a_shift_is_idle() -> None:
    data = ok_json("status", now="2026-01-05T08:00:00Z")
    assert data["shift_id"] is None and data["view"]["state"] == "idle"
    assert data["follow_ups_due"] == []


def test_start_break_resume_status_stop_json() -> None:
    started = ok_json("start", "--plan", "7h30m", now="2026-01-05T09:00:00Z")
    assert started["action"] == "start" and started["handoff"] is None
    view = started["view"]
    assert view["state"] == "on_shift" and view["planned_s"] == 27000
    assert view["started_at"] == "2026-01-05T09:00:00Z"
    shift_id = started["shift_id"]

    on_break = ok_json("break", now="2026-01-05T10:30:00Z")
    assert on_break["shift_id"] == shift_id and on_break["view"]["state"] == "on_break"
    assert on_break["view"]["break_remaining_s"] == 900

    status = ok_json("status", now="2026-01-05T10:40:00Z")
    assert status["view"]["break_remaining_s"] == 300 and status["view"]["elapsed_s"] == 100 * 60

    resumed = ok_json("resume", now="2026-01-05T10:45:00Z")
    assert resumed["view"]["state"] == "on_shift" and resumed["view"]["on_breaks_s"] == 900

    stopped = ok_json("stop", "--handoff", "Ticket 12 waits for infra.", now="2026-01-05T16:30:00Z")
    assert stopped["view"]["state"] == "ended" and stopped["summary"]["shift_id"] == shift_id
    summary = stopped["summary"]
    assert summary["worked_s"] == 7 * 3600 + 15 * 60 and summary["breaks"] == 1 and summary["replies"] == 0
    assert stopped["handoff"]["body"] == "Ticket 12 waits for infra."

    after = ok_json("status", now="2026-01-05T18:00:00Z")
    assert after["shift_id"] == shift_id and after["view"]["state"] == "ended"

    next_day = ok_json("start", now="2026-01-06T09:00:00Z")
    assert next_day["shift_id"] != shift_id
    assert next_day["handoff"] == {"shift_id": shift_id, "body": "Ticket 12 waits for infra.",
                                   "created_at": "2026-01-05T16:30:00Z"}


def test_text_output_and_csv() -> None:
    started = shift("start", now="2026-01-05T09:00:00Z")
    assert started.returncode == 0 and "started at 09:00 UTC, planned 8h 00m" in started.stdout
    status = shift("status", now="2026-01-05T09:40:00Z")
    assert status.stdout.strip() == "On shift 40m · 7h 20m left · break in 50m"
    stopped = shift("stop", "--csv", now="2026-01-05T10:00:00Z")
    assert stopped.returncode == 0 and stopped.stdout.splitlines()[0] == "metric,value"
    assert "worked_s,3600" in stopped.stdout.splitlines()


@pytest.mark.parametrize("action", ["break", "resume", "stop"])
def test_refused_steps_exit_1_with_a_clear_message(action: str) -> None:
    result = shift(action, "--json", now="2026-01-05T09:00:00Z")
    assert result.returncode == 1 and result.stdout == ""
    assert "supportterm shift: no shift running" in result.stderr


def test_second_start_and_resume_on_shift_are_refused() -> None:
    shift("start", now="2026-01-05T09:00:00Z")
    again = shift("start", now="2026-01-05T09:05:00Z")
    assert again.returncode == 1 and "already running" in again.stderr
    resume = shift("resume", now="2026-01-05T09:06:00Z")
    assert resume.returncode == 1 and "not on a break" in resume.stderr


@pytest.mark.parametrize("args", [
    ["start", "--plan", "8"], ["start", "--plan", "soon"], ["status", "--now", "yesterday"], ["dance"], [],
])
def test_bad_usage_exits_2(args: list[str]) -> None:
    result = shift(*args)
    assert result.returncode == 2, (result.returncode, result.stderr)


def test_backend_without_url_is_bad_usage() -> None:
    result = subprocess.run([sys.executable, str(RUNNER), "--backend", "demo", "shift", "status"],
                            capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 2 and "--backend and --url go together" in result.stderr


def test_the_network_guard_would_catch_a_command_that_goes_online() -> None:
    # `sync` does reach for the helpdesk: the guard must notice, else the tests above prove nothing.
    if not _cli_has_sync():
        pytest.skip("no sync command")
    result = subprocess.run([sys.executable, str(RUNNER), *OFFLINE, "sync"], capture_output=True, text=True,
                            timeout=TIMEOUT, env={**os.environ, "SUPPORTTERM_TOKEN": "demo-x"}, check=False)
    assert result.returncode in (97, 98), (result.returncode, result.stderr)


def _cli_has_sync() -> bool:
    from supportterm import cli

    return "sync" in cli.build_parser().format_help()


def test_sigkill_mid_shift_the_same_shift_continues() -> None:
    started = ok_json("start", now="2026-01-05T09:00:00Z")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), PROFILE, "2026-01-05T09:10:00Z"], env=dict(os.environ),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == f"ACTIVE {started['shift_id']}"
        # beside a running app (which holds the profile lock) the command still works
        beside = ok_json("status", now="2026-01-05T09:12:00Z")
        assert beside["view"]["last_activity"] == "2026-01-05T09:10:00Z"
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "HOLDING"
        child.send_signal(signal.SIGKILL)
        assert child.wait(TIMEOUT) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(TIMEOUT)

    status = ok_json("status", now="2026-01-05T09:20:00Z")
    assert status["shift_id"] == started["shift_id"]
    view = status["view"]
    assert view["state"] == "on_shift"  # the uncommitted stop died with the process
    assert view["started_at"] == "2026-01-05T09:00:00Z" and view["elapsed_s"] == 20 * 60
    assert view["last_activity"] == "2026-01-05T09:10:00Z"  # the committed activity survived
    assert ok_json("break", now="2026-01-05T09:30:00Z")["shift_id"] == started["shift_id"]
    assert ok_json("stop", now="2026-01-05T09:40:00Z")["summary"]["on_breaks_s"] == 600

    store = Store(paths.store_path(PROFILE))
    try:
        assert store.read(lambda c: c.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"
    finally:
        store.close()


def test_stop_queues_the_handoff_on_the_team_ticket_without_going_online() -> None:
    config = paths.config_dir() / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[shift]\nhandoff_ticket = "42"\n', encoding="utf-8")
    ok_json("start", now="2026-01-05T09:00:00Z")
    stopped = ok_json("stop", "--handoff", "Ticket 12 waits for infra.", now="2026-01-05T17:00:00Z")
    assert stopped["handoff_queued_on"] == "42" and stopped["summary"]["notes"] == 0
    store = Store(paths.store_path(PROFILE), lock=False)
    try:
        sql = "SELECT ticket_id, kind, payload, state FROM outbox"
        [item] = store.read(lambda c: c.execute(sql).fetchall())
    finally:
        store.close()
    payload = json.loads(item["payload"])
    assert (item["ticket_id"], item["kind"], item["state"]) == ("42", "message", "queued")
    assert payload == {"body": "[Shift hand-off] Ticket 12 waits for infra.", "visibility": "internal"}
    plain = ok_json("start", now="2026-01-06T09:00:00Z")
    assert plain["handoff"]["body"] == "Ticket 12 waits for infra."


def test_a_bad_sla_table_is_bad_usage_naming_the_key() -> None:
    config = paths.config_dir() / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[sla.first_response]\nurgnt = "1h"\n', encoding="utf-8")
    result = shift("status")
    assert result.returncode == 2 and "sla.first_response.urgnt" in result.stderr and result.stdout == ""
