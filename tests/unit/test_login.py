"""`supportterm login` and `logout`: a secret is checked with the helpdesk first and kept only in the keyring.

Against the embedded demo helpdesk on loopback (secret typed or read from stdin) and against a fake Zendesk
on loopback for the browser flow (authorization code + PKCE, then `whoami` with the granted token). The
keyring is the in-memory one from conftest; a "no keyring" test swaps in keyring's own fail backend.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import io
import secrets
import threading
import webbrowser
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import keyring
import pytest
from contract.loopback import LoopbackServer, Reply, Request
from keyring.backends import fail

from supportterm import accounts
from supportterm.backends.registry import load_backend
from supportterm.cli import main
from supportterm.config import Profile
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.errors import AuthError
from supportterm.store.secrets import SERVICE

CLIENT_ID = "supportterm_cli"


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


def demo_config(home: Path, url: str, name: str = "work") -> None:
    write_config(home, f'default_profile = "{name}"\n[profiles.{name}]\nbackend = "demo"\nurl = "{url}"\n'
                       'user = "aysel"\n')


def login_stdin(monkeypatch: pytest.MonkeyPatch, secret: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    return main(["login", *args, "--stdin"])


def test_a_good_secret_is_checked_then_kept_in_the_keyring(
    demo: DemoServer, isolated_home: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    demo_config(isolated_home, demo.url)
    assert login_stdin(monkeypatch, "demo-aysel", "--profile", "work") == 0
    out, err = capsys.readouterr()
    assert memory_keyring.passwords == {(SERVICE, "work:aysel"): "demo-aysel"}
    assert "Signed in to 'work' as Aysel" in out and "MemoryKeyring" in out
    assert "demo-aysel" not in out + err


def test_a_wrong_secret_is_not_stored_and_the_message_says_what_to_do(
    demo: DemoServer, isolated_home: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    demo_config(isolated_home, demo.url)
    assert login_stdin(monkeypatch, "demo-nobody-knows", "--profile", "work") == 1
    err = capsys.readouterr().err
    assert memory_keyring.passwords == {}
    assert "refused the credentials (HTTP 401)" in err
    assert "Nothing was stored" in err and "supportterm login --profile work" in err


def test_the_secret_is_asked_without_echo_and_the_prompt_names_what_is_wanted(
    demo: DemoServer, isolated_home: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch,
) -> None:
    demo_config(isolated_home, demo.url)
    prompts: list[str] = []

    def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
        prompts.append(prompt)
        return "  demo-aysel  "  # pasted with blanks around it

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    assert main(["login"]) == 0  # the default profile
    assert prompts == [f"API token (demo agents: demo-<login>) for aysel on {demo.url} (not shown): "]
    assert memory_keyring.passwords[(SERVICE, "work:aysel")] == "demo-aysel"


def test_without_a_keyring_nothing_is_asked_and_nothing_is_written_in_plain_text(
    demo: DemoServer, isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    demo_config(isolated_home, demo.url)
    keyring.set_keyring(fail.Keyring())
    asked: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": asked.append(prompt) or "demo-aysel")
    assert main(["login", "--profile", "work"]) == 1
    err = capsys.readouterr().err
    assert asked == []
    for option in ("Secret Service", "keyrings.alt", "SUPPORTTERM_TOKEN", "docs/accounts.md"):
        assert option in err
    written = [p for p in isolated_home.rglob("*") if p.is_file() and "helpdesk" not in p.parts]
    assert all(b"demo-aysel" not in p.read_bytes() for p in written)


def test_an_unreachable_helpdesk_stores_nothing(
    isolated_home: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    demo_config(isolated_home, f"http://127.0.0.1:{port}")
    assert login_stdin(monkeypatch, "demo-aysel", "--profile", "work") == 1
    err = capsys.readouterr().err
    assert "could not be reached" in err and "supportterm doctor --profile work" in err
    assert memory_keyring.passwords == {}


def test_logout_removes_the_secret_and_keeps_the_cache(
    demo: DemoServer, isolated_home: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    demo_config(isolated_home, demo.url)
    assert login_stdin(monkeypatch, "demo-aysel", "--profile", "work") == 0
    assert main(["sync", "--profile", "work"]) == 0
    cache = isolated_home / "data" / "work.sqlite3"
    assert cache.exists()
    capsys.readouterr()
    assert main(["logout", "--profile", "work"]) == 0
    assert "no longer in the keyring" in capsys.readouterr().out
    assert memory_keyring.passwords == {} and cache.exists()
    assert main(["logout", "--profile", "work"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


# -- the browser flow (Zendesk declares OAUTH) -----------------------------------------------------

class FakeZendesk:
    """Zendesk's OAuth endpoints (public client, PKCE) and /api/v2/users/me.json on loopback."""

    def __init__(self) -> None:
        self.server = LoopbackServer()
        self.codes: dict[str, str] = {}
        self.issued: list[str] = []
        self.reject_tokens = False
        self.server.route("GET", "/oauth/authorizations/new", self.authorize)
        self.server.route("POST", "/oauth/tokens", self.token)
        self.server.route("GET", "/api/v2/users/me.json", self.me)

    def authorize(self, request: Request) -> Reply:
        assert request.arg("client_id") == CLIENT_ID and request.arg("code_challenge_method") == "S256"
        code = secrets.token_hex(6)
        self.codes[code] = request.arg("code_challenge") or ""
        query = urlencode({"code": code, "state": request.arg("state") or ""})
        return Reply(302, None, {"Location": f"{request.arg('redirect_uri')}?{query}"})

    def token(self, request: Request) -> Reply:
        fields = request.json()
        challenge = self.codes.pop(fields.get("code", ""), "")
        digest = hashlib.sha256(fields.get("code_verifier", "").encode()).digest()
        if not challenge or base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != challenge:
            return Reply(400, {"error": "invalid_grant"})
        access = secrets.token_hex(12)
        self.issued.append(access)
        return Reply(200, {"access_token": access, "refresh_token": "r-" + access, "token_type": "bearer",
                           "expires_in": 172800})

    def me(self, request: Request) -> Reply:
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
        if self.reject_tokens or bearer not in self.issued:
            return Reply(401, {"error": "Couldn't authenticate you"})
        return Reply(200, {"user": {"id": 7, "name": "Aysel", "email": "aysel@acme.test", "role": "agent"}})


@pytest.fixture
def zendesk() -> Iterator[FakeZendesk]:
    fake = FakeZendesk()
    fake.server.start()
    yield fake
    fake.server.stop()


def browser(opened: list[str]) -> object:
    """Visits the authorize URL in a thread and follows its redirect to our loopback listener."""

    def visit(url: str) -> None:
        first = httpx.get(url, follow_redirects=False, timeout=10)
        httpx.get(first.headers["Location"], timeout=10)

    def open_url(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        threading.Thread(target=visit, args=(url,), daemon=True).start()
        return True

    return open_url


def zendesk_profile(url: str, **options: object) -> Profile:
    return Profile(name="zd", backend="zendesk", url=url, options={"oauth_client_id": CLIENT_ID, **options})


async def test_browser_sign_in_keeps_the_access_and_refresh_tokens_after_whoami(
    zendesk: FakeZendesk, memory_keyring,
) -> None:
    opened: list[str] = []
    profile = zendesk_profile(zendesk.server.url)
    done = await accounts.sign_in_with_oauth(profile, open_browser=browser(opened))
    [access] = zendesk.issued
    assert done.agent.name == "Aysel" and done.method == "oauth" and done.refresh_stored
    assert memory_keyring.passwords == {(SERVICE, "zd:"): access, (SERVICE, "zd::refresh"): "r-" + access}
    assert urlsplit(opened[0]).path == "/oauth/authorizations/new"
    [me] = zendesk.server.requests("/api/v2/users/me.json")
    assert me.headers["authorization"] == f"Bearer {access}"


async def test_a_granted_token_the_api_refuses_is_not_stored(zendesk: FakeZendesk, memory_keyring) -> None:
    zendesk.reject_tokens = True
    with pytest.raises(AuthError, match="Zendesk refused the OAuth access token"):
        await accounts.sign_in_with_oauth(zendesk_profile(zendesk.server.url), open_browser=browser([]))
    assert memory_keyring.passwords == {}


def test_login_command_runs_the_browser_flow_and_prints_the_address(
    zendesk: FakeZendesk, isolated_home: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_config(isolated_home, f'[profiles.zd]\nbackend = "zendesk"\nurl = "{zendesk.server.url}"\n'
                                f'oauth_client_id = "{CLIENT_ID}"\n')
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", browser(opened))
    assert main(["login", "--profile", "zd"]) == 0
    out = capsys.readouterr().out
    assert opened and opened[0] in out  # printed for a remote shell, too
    assert "and its refresh token" in out
    assert memory_keyring.passwords[(SERVICE, "zd:")] == zendesk.issued[0]


def test_which_profiles_use_the_browser() -> None:
    zendesk_cls, demo_cls = load_backend("zendesk"), load_backend("demo")
    assert accounts.uses_oauth(zendesk_profile("https://acme.zendesk.com"), zendesk_cls)
    with_user = Profile("zd", "zendesk", "https://acme.zendesk.com", user="a@acme.test",
                        options={"oauth_client_id": CLIENT_ID})
    assert not accounts.uses_oauth(with_user, zendesk_cls)  # e-mail + API token
    assert not accounts.uses_oauth(Profile("zd", "zendesk", "https://acme.zendesk.com"), zendesk_cls)
    demo = Profile("d", "demo", "http://127.0.0.1:1", options={"oauth_client_id": "x"})
    assert not accounts.uses_oauth(demo, demo_cls)
    app = accounts.oauth_app(zendesk_profile("https://acme.zendesk.com/api/v2"), zendesk_cls)
    assert (app.authorize_url, app.token_url, app.client_secret) == (
        "https://acme.zendesk.com/oauth/authorizations/new", "https://acme.zendesk.com/oauth/tokens", None)
