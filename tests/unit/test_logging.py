"""The log file: rotated, private, in the log folder, and no token, password or Authorization header ever
reaches it, nor the messages and crash reports the agent sees (servers echo bad tokens back)."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from badserver import Answer, ScriptedServer, Seen, json_answer
from textual import work
from textual.binding import Binding

from supportterm import cli, logs, paths
from supportterm.config import Profile
from supportterm.store.db import Store
from supportterm.store.secrets import get_token, set_token
from supportterm.ui import app as app_module
from supportterm.ui.app import SupportTermApp

TOKEN = "tok-9f8e7d6c5b4a-SECRET"


@pytest.fixture(autouse=True)
def clean_logging() -> Iterator[None]:
    """Each test gets its own log handler and no remembered secrets; the root logger is restored."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    logs.forget_secrets()
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logs.forget_secrets()


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


@pytest.mark.parametrize(
    ("raw", "leak"),
    [
        ("Authorization: Bearer abcdef123456", "abcdef123456"),
        ("{'authorization': 'token 1-14-0123456789abcdef0123456789abcdef'}", "0123456789abcdef"),
        ("GET /api?api_key=zz-top-key&page=2", "zz-top-key"),
        ("login failed for password=hunter22", "hunter22"),
        ('{"password": "hunter22", "user": "bob"}', "hunter22"),
        ("https://bob:hunter22@helpdesk.example/api", "hunter22"),
        ("Basic Ym9iOmh1bnRlcjIy", "Ym9iOmh1bnRlcjIy"),
        ("client_secret=abc123xyz", "abc123xyz"),
        ("RT token 1-22-aabbccddeeff00112233445566778899 refused", "aabbccddeeff"),
        ("auth=('bob', 'hunter22')", "hunter22"),
    ],
)
def test_redact_masks_credentials_in_any_shape(raw: str, leak: str) -> None:
    shown = logs.redact(raw)
    assert leak not in shown
    assert logs.MASK in shown


def test_redact_keeps_ordinary_text() -> None:
    text = "The helpdesk refused the credentials (HTTP 401). Ticket #42: token of appreciation"
    assert logs.redact(text) == text


def test_keyring_secret_is_masked_in_message_arguments_and_traceback() -> None:
    set_token("work", "aysel", TOKEN)
    logs.forget_secrets()  # as in a new process: only reading it back must teach the redactor
    assert get_token("work", "aysel") == TOKEN
    path = logs.setup_logging()
    log = logging.getLogger("supportterm.test")
    log.warning("the server said %s", f"invalid token {TOKEN}")
    try:
        raise RuntimeError(f"request with {TOKEN} failed")
    except RuntimeError:
        log.exception("crash while signing in")
    _flush()
    written = path.read_text(encoding="utf-8")
    assert "crash while signing in" in written and "RuntimeError" in written
    assert TOKEN not in written
    assert written.count(logs.MASK) >= 2


def test_log_file_lives_in_the_log_folder_is_private_and_rotates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging()
    assert path.parent == paths.log_dir()
    for index in range(200):
        logging.getLogger("supportterm.test").info("line %d %s", index, "x" * 40)
    _flush()
    rotated = sorted(p.name for p in path.parent.iterdir())
    assert rotated == ["supportterm.log", "supportterm.log.1", "supportterm.log.2", "supportterm.log.3"]
    for file in path.parent.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_setup_twice_keeps_one_handler() -> None:
    logs.setup_logging()
    logs.setup_logging()
    assert sum(isinstance(h, logs.PrivateRotatingFileHandler) for h in logging.getLogger().handlers) == 1


def test_hostile_text_in_a_record_is_written_inert() -> None:
    path = logs.setup_logging()
    logging.getLogger("supportterm.test").warning("subject %s", "\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\u202e")
    _flush()
    written = path.read_text(encoding="utf-8")
    assert "\x1b" not in written and "\x07" not in written and "\u202e" not in written
    assert "<U+202E>" in written


def _echoing_helpdesk(seen: Seen) -> Answer:
    """A helpdesk that refuses the token and quotes it back, as many do."""
    auth = seen.headers.get("authorization", "")
    return json_answer({"error": "unauthorized", "message": f"invalid credentials: {auth}"}, 401)


@pytest.mark.parametrize("where", ["environment", "keyring"])
def test_failing_sync_leaves_no_token_in_log_or_output(
    where: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], isolated_home: Path,
) -> None:
    with ScriptedServer(_echoing_helpdesk) as server:
        if where == "environment":
            monkeypatch.setenv("SUPPORTTERM_TOKEN", TOKEN)
            args = ["sync", "--backend", "demo", "--url", server.url]
        else:
            set_token("work", "aysel", TOKEN)
            logs.forget_secrets()
            (paths.config_dir() / "config.toml").write_text(
                f'[profiles.work]\nbackend = "demo"\nurl = "{server.url}"\nuser = "aysel"\n',
                encoding="utf-8")
            args = ["sync", "--profile", "work", "--json"]
        status = cli.main(args)
    _flush()
    assert status == 1
    assert any(TOKEN in s.headers.get("authorization", "") for s in server.seen)  # it was really sent
    out = capsys.readouterr()
    written = logs.log_path().read_text(encoding="utf-8")
    assert "sync failed" in written and "401" in written
    assert TOKEN not in written
    assert TOKEN not in out.out + out.err
    assert "refused the credentials" in out.out


class _CrashingApp(SupportTermApp):
    """The app with one key that fails the way a bug would, with the token in a local variable."""

    BINDINGS = [Binding("ctrl+k", "crash", "Crash")]
    CSS_PATH = Path(app_module.__file__).parent / "app.tcss"  # relative paths resolve beside the subclass

    def action_crash(self) -> None:
        secret = self._token  # a local Textual's own crash report would print  # noqa: F841
        raise RuntimeError(f"request failed with Authorization: Bearer {TOKEN}")

    @work(exit_on_error=False, group="failing")
    async def fail_in_worker(self) -> None:
        raise ValueError(f"worker failed using {TOKEN}")


def _crashing_app(store: Store) -> _CrashingApp:
    app = _CrashingApp(profile=Profile("work", "demo", "http://127.0.0.1:9"), store=store, token=TOKEN,
                       auto_sync=False)
    app.start_engine = lambda: None  # type: ignore[method-assign]
    return app


async def test_crash_report_has_no_locals_and_no_token(
    store: Store, capsys: pytest.CaptureFixture[str],
) -> None:
    path = logs.setup_logging()
    app = _crashing_app(store)
    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("ctrl+k")
            await pilot.pause()
    printed = capsys.readouterr()
    _flush()
    written = path.read_text(encoding="utf-8")
    shown = printed.out + printed.err
    assert "supportterm crashed" in shown and "RuntimeError" in shown and "action_crash" in shown
    assert "supportterm crashed" in written and "RuntimeError" in written
    assert TOKEN not in shown and TOKEN not in written
    assert "secret =" not in shown  # no local variables


async def test_error_hub_message_and_log_are_redacted(store: Store) -> None:
    path = logs.setup_logging()
    app = _crashing_app(store)
    said: list[str] = []
    app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        await pilot.pause()
        worker = app.fail_in_worker()
        while worker.is_running or not said:
            await pilot.pause()
        assert app.is_running
    _flush()
    [message] = [m for m in said if "went wrong" in m]
    assert "ValueError" in message and TOKEN not in message and logs.MASK in message
    written = path.read_text(encoding="utf-8")
    assert "ValueError" in written and TOKEN not in written
