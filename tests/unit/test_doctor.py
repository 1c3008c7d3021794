"""`supportterm doctor`: each check says OK/WARN/FAIL and what to fix, against real servers on loopback.

The embedded demo helpdesk stands in for a healthy one; a closed port for an unreachable one; a TLS server
with a self-signed certificate (made by the openssl command) for certificate trouble. The clock is
injected to show skew; the data folder, cache and outbox are the profile's real files.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from supportterm import doctor
from supportterm.cli import main
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.domain.models import ReplyDraft, Visibility
from supportterm.store import outbox
from supportterm.store.db import Store
from supportterm.store.secrets import set_token

ORDER = ["config", "backend", "options", "keyring", "reach", "tls", "auth", "clock", "data", "cache",
         "outbox", "log", "lexicons"]
NOW = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoServer]:
    (tmp_path / "helpdesk").mkdir()
    server = create_demo_server(tmp_path / "helpdesk" / "demo.sqlite3", tickets=12, simulate=False)
    server.start()
    yield server
    server.stop()


def write_config(home: Path, body: str) -> Path:
    path = home / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def profile_config(home: Path, url: str, name: str = "work", extra: str = "") -> Path:
    return write_config(home, f'[profiles.{name}]\nbackend = "demo"\nurl = "{url}"\nuser = "aysel"\n{extra}')


def closed_port() -> int:
    with socket.socket() as sock:  # free a moment ago: nobody listens there
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def statuses(report: doctor.ProfileReport) -> dict[str, str]:
    return {check.name: check.status for check in report.checks}


def line(report: doctor.ProfileReport, name: str) -> doctor.Check:
    return next(check for check in report.checks if check.name == name)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    status = main(["doctor", "--json", *args])
    return status, json.loads(capsys.readouterr().out)


def test_a_healthy_profile_passes_every_check_in_order_and_never_prints_the_secret(
    demo: DemoServer, isolated_home: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    profile_config(isolated_home, demo.url)
    set_token("work", "aysel", "demo-aysel")
    assert main(["sync", "--profile", "work"]) == 0
    capsys.readouterr()
    assert main(["doctor"]) == 0
    text = capsys.readouterr().out
    assert "demo-aysel" not in text and text.rstrip().endswith("Everything is OK.")
    status, data = run_json(capsys, "--profile", "work")
    assert status == 0 and data["ok"] is True
    [report] = data["profiles"]
    assert [c["name"] for c in report["checks"]] == ORDER
    assert {c["status"] for c in report["checks"]} == {"OK"}, report["checks"]
    details = {c["name"]: c["detail"] for c in report["checks"]}
    assert "signed in as Aysel" in details["auth"]
    assert "integrity ok, 12 ticket(s)" in details["cache"]
    assert "demo-aysel" not in json.dumps(data)


def test_a_wrong_token_fails_auth_and_says_to_log_in_again(
    demo: DemoServer, isolated_home: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    profile_config(isolated_home, demo.url)
    set_token("work", "aysel", "demo-wrong")
    status, data = run_json(capsys)
    auth = next(c for c in data["profiles"][0]["checks"] if c["name"] == "auth")
    assert status == 1 and auth["status"] == "FAIL"
    assert "HTTP 401" in auth["detail"] and "supportterm login --profile work" in auth["fix"]
    assert "demo-wrong" not in json.dumps(data)


def test_no_secret_fails_the_keyring_line_and_skips_auth(demo: DemoServer, isolated_home: Path) -> None:
    profile_config(isolated_home, demo.url)
    [report] = doctor.diagnose()
    assert statuses(report)["keyring"] == "FAIL" and statuses(report)["auth"] == "SKIP"
    assert line(report, "keyring").fix == "Run: supportterm login --profile work"
    assert statuses(report)["clock"] == "OK"  # the Date header still came with an anonymous request


def test_without_a_keyring_backend_the_fix_lists_the_documented_options(
    demo: DemoServer, isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile_config(isolated_home, demo.url)
    keyring.set_keyring(fail.Keyring())
    [report] = doctor.diagnose()
    keyring_line = line(report, "keyring")
    assert keyring_line.status == "FAIL" and "no OS keyring backend" in keyring_line.detail
    for option in ("Secret Service", "keyrings.alt", "SUPPORTTERM_TOKEN", "docs/accounts.md"):
        assert option in keyring_line.fix
    monkeypatch.setenv("SUPPORTTERM_TOKEN", "demo-aysel")
    [report] = doctor.diagnose()
    assert statuses(report)["keyring"] == "OK" and statuses(report)["auth"] == "OK"


def test_a_plaintext_keyring_is_a_warning(demo: DemoServer, isolated_home: Path, memory_keyring) -> None:
    class PlaintextKeyring(type(memory_keyring)):  # named like keyrings.alt's plain file backend
        pass

    plain = PlaintextKeyring()
    keyring.set_keyring(plain)
    profile_config(isolated_home, demo.url)
    set_token("work", "aysel", "demo-aysel")
    [report] = doctor.diagnose()
    assert line(report, "keyring").status == "WARN" and "PLAIN FILE" in line(report, "keyring").detail
    assert statuses(report)["auth"] == "OK"


def test_an_unreachable_url_fails_reach_and_skips_what_needs_the_link(
    isolated_home: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    port = closed_port()
    profile_config(isolated_home, f"http://127.0.0.1:{port}")
    set_token("work", "aysel", "demo-aysel")
    status, data = run_json(capsys)
    checks = {c["name"]: c for c in data["profiles"][0]["checks"]}
    assert status == 1 and checks["reach"]["status"] == "FAIL"
    assert f"TCP port {port} of 127.0.0.1 does not open" in checks["reach"]["detail"]
    assert [checks[n]["status"] for n in ("tls", "auth", "clock")] == ["SKIP"] * 3
    assert checks["data"]["status"] == "OK"  # local checks still run


def test_a_host_dns_cannot_resolve_is_named(isolated_home: Path) -> None:
    profile_config(isolated_home, "https://helpdesk.invalid")
    [report] = doctor.diagnose()
    reach = line(report, "reach")
    assert reach.status == "FAIL" and "DNS cannot resolve helpdesk.invalid" in reach.detail


def test_a_config_that_does_not_parse_names_the_file(
    isolated_home: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_config(isolated_home, '[profiles.work]\nbackend = "demo"\nurl = "http://127.0.0.1:1\n')
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert f"FAIL  config   {path}: not valid TOML" in out


def test_a_profile_missing_a_key_names_the_key_and_stops_there(isolated_home: Path) -> None:
    path = write_config(isolated_home, '[profiles.work]\nbackend = "demo"\n'
                                       '[profiles.home]\nbackend = "demo"\nurl = "http://127.0.0.1:1"\n'
                                       'token = "oops"\n')
    reports = {r.profile: r for r in doctor.diagnose()}
    assert set(reports) == {"work", "home"}
    for name, key in (("work", "url"), ("home", "token")):
        [config] = reports[name].checks  # nothing else can be checked for a profile that does not load
        assert config.status == "FAIL" and config.detail.startswith(f"{path}: profiles.{name}.{key}")


def test_no_profile_at_all_says_how_to_add_one(isolated_home: Path) -> None:
    [report] = doctor.diagnose()
    assert report.profile == "(none)" and "[profiles.NAME]" in report.checks[0].fix


def test_backend_and_option_problems_suggest_the_fix(isolated_home: Path) -> None:
    write_config(isolated_home, '[profiles.typo]\nbackend = "zendsk"\nurl = "http://127.0.0.1:1"\n'
                                '[profiles.zd]\nbackend = "zendesk"\nurl = "http://127.0.0.1:1"\n'
                                'search_overlap_seconds = "soon"\n'
                                '[profiles.zd2]\nbackend = "zendesk"\nurl = "http://127.0.0.1:1"\n'
                                'inital_query = "status<solved"\n')
    reports = {r.profile: r for r in doctor.diagnose()}
    assert line(reports["typo"], "backend").fix == "Did you mean 'zendesk'?"
    assert statuses(reports["typo"])["options"] == "SKIP"
    options = line(reports["zd"], "options")
    assert options.status == "FAIL" and "must be numbers" in options.detail
    typo = line(reports["zd2"], "options")
    assert typo.status == "WARN" and typo.fix == "Did you mean 'initial_query'?"


@pytest.mark.parametrize(("offset_s", "expected"), [(600, "FAIL"), (-120, "WARN")])
def test_clock_skew_against_the_servers_date_header(
    demo: DemoServer, isolated_home: Path, offset_s: int, expected: str,
) -> None:
    profile_config(isolated_home, demo.url)
    set_token("work", "aysel", "demo-aysel")
    skewed = lambda: datetime.now(timezone.utc) + timedelta(seconds=offset_s)  # noqa: E731
    [report] = doctor.diagnose(clock=skewed)
    clock = line(report, "clock")
    side = "ahead of" if offset_s > 0 else "behind"
    assert clock.status == expected and side in clock.detail and "timedatectl" in clock.fix


def test_loose_permissions_name_the_chmod(demo: DemoServer, isolated_home: Path) -> None:
    profile_config(isolated_home, demo.url)
    set_token("work", "aysel", "demo-aysel")
    Store(isolated_home / "data" / "work.sqlite3").close()
    (isolated_home / "data" / "work.sqlite3").chmod(0o644)
    [report] = doctor.diagnose()
    assert line(report, "data").fix == f"chmod 600 {isolated_home / 'data' / 'work.sqlite3'}"
    (isolated_home / "data").chmod(0o755)
    [report] = doctor.diagnose()
    assert line(report, "data").fix == f"chmod 700 {isolated_home / 'data'}"


def test_a_corrupt_cache_fails_the_integrity_check(isolated_home: Path) -> None:
    profile_config(isolated_home, f"http://127.0.0.1:{closed_port()}")
    cache = isolated_home / "data" / "work.sqlite3"
    cache.parent.mkdir(mode=0o700, exist_ok=True)
    cache.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    cache.chmod(0o600)
    [report] = doctor.diagnose()
    assert line(report, "cache").status == "FAIL" and ".recover" in line(report, "cache").fix


def test_outbox_conflicts_warn_and_queued_items_are_counted(
    demo: DemoServer, isolated_home: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    profile_config(isolated_home, demo.url)
    set_token("work", "aysel", "demo-aysel")
    store = Store(isolated_home / "data" / "work.sqlite3")
    with store.transaction() as conn:
        draft = ReplyDraft(body="Hello", visibility=Visibility.PUBLIC)
        who = {"author_id": "a1", "author_name": "Aysel", "expect_version": None, "now": NOW}
        first = outbox.queue_message(conn, "1", draft, **who)
        outbox.queue_message(conn, "2", draft, **who)
        outbox.save_draft(conn, "3", Visibility.INTERNAL, "half a note", now=NOW)
    [report] = doctor.diagnose()  # beside a running app: the store's lock is held, reads still work
    counts = "2 queued, 0 conflict(s), 0 failed, 1 draft(s) saved (sent at the next sync)"
    assert line(report, "outbox").detail == counts
    with store.transaction() as conn:
        outbox.set_state(conn, first.id, outbox.CONFLICT, now=NOW)
    store.close()
    assert main(["doctor"]) == 0  # a warning alone passes ...
    assert "WARN  outbox   1 queued, 1 conflict(s)" in capsys.readouterr().out
    assert main(["doctor", "--strict"]) == 1  # ... unless asked to be strict


# -- TLS -------------------------------------------------------------------------------------------

@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate; yields (url, certificate file)."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)

    class Hello(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", cert
    httpd.shutdown()
    httpd.server_close()


def test_an_untrusted_certificate_fails_and_a_trusted_one_passes(
    tls_server: tuple[str, Path], isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, cert = tls_server
    profile_config(isolated_home, url)
    [report] = doctor.diagnose()
    tls = line(report, "tls")
    assert tls.status == "FAIL" and "self-signed certificate" in tls.detail and "verify_tls" in tls.fix
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    [report] = doctor.diagnose()
    assert line(report, "tls").status == "OK" and "verified" in line(report, "tls").detail


def test_verify_tls_false_is_a_loud_warning(tls_server: tuple[str, Path], isolated_home: Path) -> None:
    url, _ = tls_server
    profile_config(isolated_home, url, extra="verify_tls = false\n")
    [report] = doctor.diagnose()
    tls = line(report, "tls")
    assert tls.status == "WARN" and "TLS VERIFICATION IS OFF" in tls.detail
    assert "does not verify: self-signed certificate" in tls.detail
    assert tls.fix.startswith("Remove verify_tls = false from [profiles.work]")


def test_plain_http_to_another_host_warns(isolated_home: Path) -> None:
    from supportterm.config import Profile
    from supportterm.doctor_net import tls_check

    assert tls_check(Profile("w", "demo", "http://help.example.com")).status == "WARN"
    assert tls_check(Profile("w", "demo", "http://127.0.0.1:8700")).status == "OK"


def test_errors_logged_in_the_last_day_are_reported(isolated_home: Path) -> None:
    import logging

    from supportterm.logs import log_path, setup_logging

    profile_config(isolated_home, f"http://127.0.0.1:{closed_port()}")
    setup_logging()
    old = (datetime.now() - timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S,000")
    log_path().write_text(f"{old} ERROR supportterm.ui.app: sync failed long ago\n", encoding="utf-8")
    log_path().chmod(0o600)
    [report] = doctor.diagnose()
    assert line(report, "log").status == "OK"
    logging.getLogger("supportterm.ui.app").error("sync failed: token=abcdef123456")
    logging.getLogger("supportterm.ui.app").info("all good")
    [report] = doctor.diagnose()
    log = line(report, "log")
    assert log.status == "WARN" and "1 error(s) in the last 24 h" in log.detail
    assert "sync failed: token=[REDACTED]" in log.detail and "abcdef123456" not in log.detail


def test_backend_and_url_stand_in_for_a_profile(
    demo: DemoServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SUPPORTTERM_TOKEN", "demo-aysel")
    status, data = run_json(capsys, "--backend", "demo", "--url", demo.url)
    [report] = data["profiles"]
    checks = {c["name"]: c for c in report["checks"]}
    assert status == 0 and report["profile"] == "demo-adhoc"
    assert checks["config"]["detail"] == "--backend and --url given: no config file needed"
    assert checks["auth"]["status"] == "OK"


def test_a_lexicon_entry_that_does_not_compile_fails_the_lexicons_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supportterm.doctor_checks import lexicon_check
    from supportterm.politeness import lexicons

    assert lexicon_check().status == "OK"
    broken = lexicons.compile_category({"entries": ["idiot*", "re:(?:unclosed"]}, "en", "Rude.", "rude")
    monkeypatch.setattr(lexicons, "BY_LANG", {"en": {"rude": broken}})
    check = lexicon_check()
    assert check.status == "FAIL" and "unclosed" in check.detail and "--validate" in check.fix
