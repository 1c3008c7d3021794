"""OAuth 2.0 authorization code + PKCE with a loopback redirect, against a fake authorization server.

The fake server (loopback) issues codes bound to the S256 challenge and redirect URI, and only trades
a code for tokens when the verifier hashes to that challenge (RFC 7636), as Zendesk's /oauth/tokens
does. The "browser" is httpx in a thread, following the authorization server's redirect to our listener.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from contract.loopback import LoopbackServer, Reply, Request

from supportterm.backends.oauth import (
    OAuthApp,
    authorize_url,
    helpscout_app,
    login,
    pkce_pair,
    refresh,
    zendesk_app,
)
from supportterm.errors import AuthError

CLIENT_ID, CLIENT_SECRET = "supportterm_tui", "s3cret-client"


class FakeAuthServer:
    """Authorization endpoint (redirects with a code) and token endpoint (checks code + verifier)."""

    def __init__(self, *, json_tokens: bool) -> None:
        self.server = LoopbackServer()
        self.json_tokens = json_tokens
        self.codes: dict[str, tuple[str, str]] = {}
        self.refresh_tokens: set[str] = set()
        self.deny = False
        self.forge_state: str | None = None
        self.server.route("GET", "/oauth/authorizations/new", self.authorize)
        self.server.route("POST", "/oauth/tokens", self.token)

    def authorize(self, request: Request) -> Reply:
        redirect = request.arg("redirect_uri") or ""
        if request.arg("code_challenge_method") != "S256" or request.arg("client_id") != CLIENT_ID:
            return Reply(400, {"error": "invalid_request"})
        state = self.forge_state or request.arg("state") or ""
        if self.deny:
            query = {"error": "access_denied", "error_description": "The end-user denied the request",
                     "state": state}
        else:
            code = secrets.token_hex(8)
            self.codes[code] = (request.arg("code_challenge") or "", redirect)
            query = {"code": code, "state": state}
        return Reply(302, None, {"Location": f"{redirect}?{urlencode(query)}"})

    def token(self, request: Request) -> Reply:
        if self.json_tokens:
            fields = request.json()
        else:
            fields = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        if fields.get("client_id") != CLIENT_ID or fields.get("client_secret") != CLIENT_SECRET:
            refusal = {"error": "invalid_client", "error_description": "Client authentication failed"}
            return Reply(401, refusal)
        if fields.get("grant_type") == "refresh_token":
            if fields.get("refresh_token") not in self.refresh_tokens:
                return Reply(400, {"error": "invalid_grant", "error_description": "Refresh token revoked"})
            self.refresh_tokens.discard(fields["refresh_token"])  # rotation: the old one stops working
            return self._grant()
        challenge, redirect = self.codes.pop(fields.get("code", ""), ("", ""))
        verifier = fields.get("code_verifier", "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if not challenge or digest != challenge or fields.get("redirect_uri") != redirect:
            return Reply(400, {"error": "invalid_grant", "error_description": "Code or verifier mismatch"})
        return self._grant()

    def _grant(self) -> Reply:
        refresh_token = secrets.token_hex(16)
        self.refresh_tokens.add(refresh_token)
        return Reply(200, {"access_token": secrets.token_hex(16), "refresh_token": refresh_token,
                           "token_type": "bearer", "scope": "read write", "expires_in": 1800})


@pytest.fixture(params=[True, False], ids=["json", "form"])
def auth_server(request: pytest.FixtureRequest) -> Iterator[FakeAuthServer]:
    fake = FakeAuthServer(json_tokens=request.param)
    fake.server.start()
    yield fake
    fake.server.stop()


def _app(fake: FakeAuthServer) -> OAuthApp:
    base = fake.server.url
    return OAuthApp(f"{base}/oauth/authorizations/new", f"{base}/oauth/tokens", CLIENT_ID, CLIENT_SECRET,
                    ("read", "write"), json_token_request=fake.json_tokens)


class Browser:
    """Opens the authorize URL in a thread, as a browser would, after a stray favicon request."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
        self.threads.append(thread)
        thread.start()

    def _visit(self, url: str) -> None:
        first = httpx.get(url, follow_redirects=False, timeout=10)
        callback = first.headers["Location"]
        parts = urlsplit(callback)
        httpx.get(f"{parts.scheme}://{parts.netloc}/favicon.ico", timeout=10)
        httpx.get(callback, timeout=10)


async def test_login_exchanges_the_code_with_the_pkce_verifier(auth_server: FakeAuthServer) -> None:
    browser = Browser()
    tokens = await login(_app(auth_server), open_browser=browser)
    assert tokens.access_token and tokens.refresh_token in auth_server.refresh_tokens
    assert tokens.expires_at is not None and tokens.scope == "read write"
    query = parse_qs(urlsplit(browser.opened[0]).query)
    assert query["code_challenge_method"] == ["S256"] and query["response_type"] == ["code"]
    assert query["redirect_uri"][0].startswith("http://127.0.0.1:")
    assert len(query["state"][0]) >= 24 and query["scope"] == ["read write"]
    [token_request] = auth_server.server.requests("/oauth/tokens", "POST")
    sent = (token_request.json() if auth_server.json_tokens
            else {k: v[0] for k, v in parse_qs(token_request.body.decode()).items()})
    assert sent["grant_type"] == "authorization_code" and len(sent["code_verifier"]) >= 43


async def test_an_answer_with_someone_elses_state_is_refused_before_any_token_request(
    auth_server: FakeAuthServer,
) -> None:
    auth_server.forge_state = "attacker-state"
    with pytest.raises(AuthError, match="state"):
        await login(_app(auth_server), open_browser=Browser())
    assert auth_server.server.requests("/oauth/tokens") == []


async def test_a_denied_grant_says_so_plainly(auth_server: FakeAuthServer) -> None:
    auth_server.deny = True
    with pytest.raises(AuthError, match="denied the request"):
        await login(_app(auth_server), open_browser=Browser())


async def test_a_refused_client_secret_is_an_auth_error(auth_server: FakeAuthServer) -> None:
    app = _app(auth_server)
    wrong = OAuthApp(app.authorize_url, app.token_url, CLIENT_ID, "wrong", app.scopes, app.json_token_request)
    with pytest.raises(AuthError, match="refused the sign-in .*Client authentication failed"):
        await login(wrong, open_browser=Browser())


async def test_refresh_rotates_the_pair_and_the_old_refresh_token_dies(auth_server: FakeAuthServer) -> None:
    app = _app(auth_server)
    first = await login(app, open_browser=Browser())
    assert first.refresh_token
    async with httpx.AsyncClient() as http:
        second = await refresh(app, first.refresh_token, http)
        assert second.access_token != first.access_token and second.refresh_token != first.refresh_token
        with pytest.raises(AuthError, match="Refresh token revoked"):
            await refresh(app, first.refresh_token, http)


async def test_nobody_coming_back_ends_the_wait_with_an_auth_error() -> None:
    app = OAuthApp("http://127.0.0.1:9/authorize", "http://127.0.0.1:9/token", CLIENT_ID)
    with pytest.raises(AuthError, match="No answer"):
        await login(app, open_browser=lambda url: None, timeout=0.3)


def test_pkce_challenge_is_the_s256_of_the_verifier_and_urls_are_zendesks() -> None:
    verifier, challenge = pkce_pair()
    assert 43 <= len(verifier) <= 128 and "=" not in challenge
    digest = hashlib.sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    app = zendesk_app("https://acme.zendesk.com/api/v2", "cli")
    assert (app.authorize_url, app.token_url) == ("https://acme.zendesk.com/oauth/authorizations/new",
                                                  "https://acme.zendesk.com/oauth/tokens")
    url = authorize_url(app, "http://127.0.0.1:5000/callback", "st", challenge)
    assert parse_qs(urlsplit(url).query)["scope"] == ["read write"]
    hs = helpscout_app("id", "secret")
    query = parse_qs(urlsplit(authorize_url(hs, "http://127.0.0.1:5000/callback", "st", challenge)).query)
    assert hs.token_url == "https://api.helpscout.net/v2/oauth2/token" and query["client_id"] == ["id"]
