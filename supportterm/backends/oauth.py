"""Provides OAuth 2.0 sign-in for hosted helpdesks: authorization code + PKCE with a loopback redirect.

`login()` is the one call the CLI's `login` command needs: it builds the authorize URL (S256 code
challenge, random state), opens it in the browser, catches the redirect on a one-shot listener at
`http://127.0.0.1:<port>/callback` (RFC 8252 §7.3), checks the state and exchanges the code (with the
code verifier) for tokens. `refresh()` trades a refresh token for a new pair (Zendesk rotates both).
Pure httpx + stdlib: no Textual, nothing stored here (the caller puts the tokens in the keyring).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import secrets
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from supportterm.backends.http import json_body, map_http_errors
from supportterm.errors import AuthError

CALLBACK_PATH = "/callback"


@dataclass(frozen=True, slots=True)
class OAuthApp:
    """An OAuth client registered with a helpdesk (public clients have no secret)."""

    authorize_url: str
    token_url: str
    client_id: str
    client_secret: str | None = None
    scopes: tuple[str, ...] = ()
    json_token_request: bool = False
    """Send the token request as JSON (Zendesk documents it so) instead of RFC 6749's form body."""


@dataclass(frozen=True, slots=True)
class Tokens:
    """What the token endpoint granted."""

    access_token: str
    refresh_token: str | None = None
    expires_at: datetime | None = None
    token_type: str = "bearer"
    scope: str | None = None


def zendesk_app(account_url: str, client_id: str, client_secret: str | None = None,
                scopes: tuple[str, ...] = ("read", "write")) -> OAuthApp:
    """Zendesk's endpoints for an account (`https://acme.zendesk.com`); the client is made by an admin
    in Admin Center → Apps and integrations → APIs → OAuth clients."""
    base = account_url.rstrip("/").removesuffix("/api/v2")
    return OAuthApp(f"{base}/oauth/authorizations/new", f"{base}/oauth/tokens", client_id, client_secret,
                    scopes, json_token_request=True)


def helpscout_app(client_id: str, client_secret: str) -> OAuthApp:
    """Help Scout's authorization-code endpoints (a public app's id and secret). Help Scout matches the
    redirect URL registered with the app, so pass that URL's port to `login(port=...)`; it documents no
    PKCE, and the extra parameters are ignored there."""
    return OAuthApp("https://secure.helpscout.net/authentication/authorizeClientApplication",
                    "https://api.helpscout.net/v2/oauth2/token", client_id, client_secret,
                    json_token_request=True)


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge) as RFC 7636 §4.1-4.2 define them."""
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorize_url(app: OAuthApp, redirect_uri: str, state: str, challenge: str) -> str:
    """The URL the agent opens to grant access."""
    params = {"response_type": "code", "client_id": app.client_id, "redirect_uri": redirect_uri,
              "state": state, "code_challenge": challenge, "code_challenge_method": "S256"}
    if app.scopes:
        params["scope"] = " ".join(app.scopes)
    joiner = "&" if urlsplit(app.authorize_url).query else "?"
    return f"{app.authorize_url}{joiner}{urlencode(params)}"


class LoopbackRedirect:
    """A one-shot HTTP listener on 127.0.0.1 that waits for the authorization server's redirect.

    Requests to other paths (a browser's favicon) get a 404 and do not end the wait.
    """

    def __init__(self, port: int = 0) -> None:
        self._result: dict[str, str] | None = None
        self._done = threading.Event()
        self._server = HTTPServer(("127.0.0.1", port), self._handler_class())
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{CALLBACK_PATH}"

    def __enter__(self) -> LoopbackRedirect:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()  # at most one poll interval; closing under a running select is not safe
        self._server.server_close()

    def _serve(self) -> None:
        self._server.timeout = 0.2
        while not self._done.is_set():
            self._server.handle_request()

    def wait(self, timeout: float) -> dict[str, str]:
        """The redirect's query parameters; AuthError when nobody came back in `timeout` seconds."""
        if not self._done.wait(timeout) or self._result is None:
            raise AuthError("No answer from the browser sign-in in time; run login again.")
        return self._result

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        listener = self

        class _Callback(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                pass

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                url = urlsplit(self.path)
                if url.path != CALLBACK_PATH or listener._done.is_set():
                    self.send_error(404)
                    return
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                reason = params.get("error_description") or params.get("error") or "?"
                text = ("Signed in. You can close this window and return to supportterm." if "code" in params
                        else f"Sign-in failed: {escape(reason)}")
                page = f"<!doctype html><title>supportterm</title><p>{text}</p>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                listener._result = params
                listener._done.set()

        return _Callback


def _tokens(data: Any, what: str) -> Tokens:
    if not isinstance(data, dict) or not data.get("access_token"):
        raise AuthError(f"The token endpoint sent no access token while {what}.")
    expires = data.get("expires_in")
    expires_at = (datetime.now(timezone.utc) + timedelta(seconds=float(expires))
                  if isinstance(expires, (int, float)) or (isinstance(expires, str) and expires.isdigit())
                  else None)
    return Tokens(access_token=str(data["access_token"]), refresh_token=data.get("refresh_token"),
                  expires_at=expires_at, token_type=str(data.get("token_type") or "bearer"),
                  scope=data.get("scope"))


async def _token_request(app: OAuthApp, fields: dict[str, str], http: httpx.AsyncClient, what: str) -> Tokens:
    body = {**fields, "client_id": app.client_id}
    if app.client_secret:
        body["client_secret"] = app.client_secret
    async with map_http_errors(what):
        if app.json_token_request:
            response = await http.post(app.token_url, json=body)
        else:
            response = await http.post(app.token_url, data=body)
    if response.status_code >= 400:
        data = json_body(response, what) if "json" in response.headers.get("Content-Type", "") else {}
        reason = (data.get("error_description") or data.get("error") or "") if isinstance(data, dict) else ""
        raise AuthError(f"The helpdesk refused the sign-in (HTTP {response.status_code}"
                        f"{': ' + str(reason)[:200] if reason else ''}).")
    return _tokens(json_body(response, what), what)


async def exchange_code(app: OAuthApp, code: str, verifier: str, redirect_uri: str,
                        http: httpx.AsyncClient) -> Tokens:
    """Trade an authorization code (and its PKCE verifier) for tokens."""
    fields = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
              "code_verifier": verifier}
    if app.scopes:
        fields["scope"] = " ".join(app.scopes)
    return await _token_request(app, fields, http, "exchanging the sign-in code")


async def refresh(app: OAuthApp, refresh_token: str, http: httpx.AsyncClient) -> Tokens:
    """A new token pair from a refresh token (the old pair stops working at Zendesk)."""
    fields = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    return await _token_request(app, fields, http, "refreshing the sign-in")


async def login(app: OAuthApp, *, open_browser: Callable[[str], object] = webbrowser.open,
                port: int = 0, timeout: float = 300.0, http: httpx.AsyncClient | None = None) -> Tokens:
    """Sign in through the browser and return the tokens (authorization code + PKCE, loopback redirect).

    Args:
        app: the registered client and the helpdesk's endpoints (e.g. `zendesk_app(...)`).
        open_browser: shows the URL to the agent; the CLI may also print it for a remote shell.
        port: loopback port registered as the redirect (0: any free port, when the server allows it).
        timeout: seconds to wait for the browser to come back.
        http: client for the token request (a fresh one when None).

    Raises:
        AuthError: the agent refused, the state did not match, no answer in time, or the code was refused.
    """
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    with LoopbackRedirect(port) as listener:
        open_browser(authorize_url(app, listener.redirect_uri, state, challenge))
        params = await asyncio.to_thread(listener.wait, timeout)
        redirect_uri = listener.redirect_uri
    if not secrets.compare_digest(params.get("state", ""), state):
        raise AuthError("The sign-in answer did not carry our state; it was not ours, so it was ignored.")
    if "code" not in params:
        reason = params.get("error_description") or params.get("error") or "no code in the answer"
        raise AuthError(f"The helpdesk did not grant access: {reason[:200]}.")
    if http is not None:
        return await exchange_code(app, params["code"], verifier, redirect_uri, http)
    async with httpx.AsyncClient(timeout=20.0) as own:
        return await exchange_code(app, params["code"], verifier, redirect_uri, own)
