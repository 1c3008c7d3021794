"""Provides the adapter for Help Scout through the Mailbox API 2.0 (`https://api.helpscout.net/v2`).

Auth: OAuth 2.0 only. With the profile's `user` (or `app_id`) the secret is the app secret of an
internal app, traded for a bearer token at `/v2/oauth2/token` (client credentials, valid two days,
fetched again on expiry or a 401); without it the secret is an access token (e.g. from
`backends.oauth.login`). Delta sync lists conversations with `status=all&modifiedSince=T&sortField=
modifiedAt&sortOrder=asc` (HAL pages of 25) with an overlap window; threads are customer / reply /
note threads (notes internal); replies and notes are `POST .../reply` and `.../notes`; status and
assignee are one-operation PATCHes. Help Scout has no concurrency token: writes are checked against a
digest of the conversation read just before (see `helpscout_map.version_of`). docs/backends.md has more.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING, Any

from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend
from supportterm.backends.helpscout_map import (
    STATUS_TO_HS,
    canned_from_saved_reply,
    html_of,
    is_conversation_thread,
    message_from_hs,
    person_from_hs,
    ticket_from_hs,
    updated_stamp,
    version_of,
)
from supportterm.backends.http import json_body, map_http_errors, parse_or_fail, raise_for_status
from supportterm.backends.sent_match import match_sent
from supportterm.domain.models import (
    Agent,
    CannedReply,
    ChangeSet,
    Message,
    ReplyDraft,
    Role,
    Ticket,
    TicketPatch,
    Visibility,
    format_time,
    parse_time,
)
from supportterm.errors import AuthError, BackendError, ConfigError, ConflictError, NotFound

if TYPE_CHECKING:
    import httpx

API = "/v2"
WRITABLE_STATUSES = ("active", "pending", "closed")


@dataclass
class _Cursor:
    """`hi`: newest change time seen; `seen`: conversation id → [version delivered, its change time]
    (inside the overlap window); `since`/`page`: a paging run in progress; `initial`: the first run."""

    hi: str | None = None
    seen: dict[str, list[str]] = field(default_factory=dict)
    since: str | None = None
    page: int = 1
    initial: bool = True

    @classmethod
    def load(cls, text: str | None) -> _Cursor:
        try:
            data = json.loads(text) if text else None
            if not isinstance(data, dict) or data.get("m") != "hs":
                return cls()
            return cls(hi=data.get("hi"), seen=dict(data.get("seen") or {}), since=data.get("s"),
                       page=int(data.get("p", 1)), initial=bool(data.get("i", False)))
        except (ValueError, TypeError, AttributeError):
            return cls()  # another adapter's or version's cursor: start over, lose nothing

    def dump(self) -> str:
        return json.dumps({"m": "hs", "hi": self.hi, "seen": self.seen, "s": self.since, "p": self.page,
                           "i": self.initial}, separators=(",", ":"))


class HelpScoutBackend(HelpdeskBackend):
    """Help Scout (Mailbox API 2.0)."""

    NAME = "helpscout"
    OPTIONS = (
        BackendOption("url", "API base", required=True, default="https://api.helpscout.net/v2"),
        BackendOption("user", "App ID of an internal app (client credentials); none with an access token"),
        BackendOption("token", "App secret, or an OAuth access token", secret=True),
        BackendOption("mailbox", "mailbox ids to sync, comma-separated (default: all you can see)"),
        BackendOption("initial_status", "conversations of the first sync: open (active + pending), active, "
                      "all", default="open"),
        BackendOption("overlap_seconds", "how far back each poll looks again", default="60"),
    )
    CAPABILITIES = (Capability.DELTA_SYNC | Capability.CONCURRENCY_TOKEN | Capability.INTERNAL_NOTES
                    | Capability.CANNED_REPLIES | Capability.FIND_BY_MARKER | Capability.RECENT_FIRST)

    def __init__(self, options: Mapping[str, object], *, client: httpx.AsyncClient,
                 token: str | None) -> None:
        super().__init__(options, client=client, token=token)
        self.app_id = str(options.get("app_id") or options.get("user") or "") or None
        self.mailboxes = [m.strip() for m in str(options.get("mailbox") or "").split(",") if m.strip()]
        self.initial_status = str(options.get("initial_status") or "open")
        try:
            self.overlap_s = float(str(options.get("overlap_seconds", "60")))
        except ValueError:
            raise ConfigError("Help Scout option overlap_seconds must be a number.") from None
        self.prefix = "" if client.base_url.path.rstrip("/").endswith(API) else API
        self._access: str | None = None if self.app_id else (token or "").strip() or None
        self._expires = 0.0
        self._me: Agent | None = None
        self._sent: dict[str, tuple[str, Visibility, datetime]] = {}

    # -- HTTP and tokens ---------------------------------------------------------------------------

    async def _fetch_token(self) -> None:
        """Client credentials → a bearer token (Help Scout: valid 172,800 s; re-fetched, not refreshed)."""
        if not self.app_id or not self.token:
            raise AuthError("Help Scout needs the app secret (and the app id as the profile's user).")
        body = {"grant_type": "client_credentials", "client_id": self.app_id, "client_secret": self.token}
        async with map_http_errors("signing in"):
            response = await self.client.post(self.prefix + "/oauth2/token", json=body)
        if response.status_code in (400, 401, 403):
            raise AuthError(f"Help Scout refused the app id and secret (HTTP {response.status_code}).")
        raise_for_status(response)
        data = json_body(response, "signing in")
        if not isinstance(data, dict) or not data.get("access_token"):
            raise AuthError("Help Scout's token endpoint sent no access token.")
        self._access = str(data["access_token"])
        self._expires = time.monotonic() + float(data.get("expires_in") or 7200) - 60

    async def _request(self, method: str, path: str, what: str, **kwargs: Any) -> httpx.Response:
        for attempt in (1, 2):
            if self.app_id and (self._access is None or time.monotonic() > self._expires):
                await self._fetch_token()
            if self._access is None:
                raise AuthError("Help Scout needs an access token or an app id and secret.")
            headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {self._access}"}
            async with map_http_errors(what):
                response = await self.client.request(method, self.prefix + path, headers=headers, **kwargs)
            if response.status_code == 401 and self.app_id and attempt == 1:
                self._access = None  # expired or revoked early: fetch a new one once
                continue
            break
        if response.status_code == 401:
            raise AuthError("Help Scout refused the access token (HTTP 401).")
        if response.status_code == 301:
            moved = response.headers.get("Location", "").rstrip("/").rsplit("/", 1)[-1]
            raise NotFound(f"This conversation was merged into conversation {moved} on Help Scout.")
        if response.status_code in (400, 412, 422):
            raise BackendError(f"Help Scout refused the request: {_vnd_error(response)}")
        raise_for_status(response)
        return response

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> dict[str, Any]:
        data = json_body(await self._request(method, path, what, **kwargs), what)
        if not isinstance(data, dict):
            raise BackendError(f"Help Scout sent something other than a JSON object while {what}.")
        return data

    # -- sign-in ---------------------------------------------------------------------------------

    async def whoami(self) -> Agent:
        data = await self._json("GET", "/users/me", "signing in")
        person = _parse(person_from_hs, data, "user", Role.AGENT)
        self._me = Agent(id=person.id, name=person.name, email=person.email)
        return self._me

    async def _myself(self) -> Agent:
        return self._me or await self.whoami()

    # -- delta sync ------------------------------------------------------------------------------

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        """One HAL page (25 conversations) of changes, oldest change first; see `_Cursor`."""
        position = _Cursor.load(cursor)
        if position.since is None and position.page == 1 and position.hi:
            moved = parse_time(position.hi)
            assert moved is not None
            position.since = format_time(moved - timedelta(seconds=self.overlap_s))
        params = {"status": self.initial_status if position.initial else "all", "sortField": "modifiedAt",
                  "sortOrder": "asc", "page": str(position.page)}
        if position.since:
            params["modifiedSince"] = position.since
        if self.mailboxes:
            params["mailbox"] = ",".join(self.mailboxes)
        data = await self._json("GET", "/conversations", "fetching changes", params=params)
        items = _embedded(data, "conversations")
        parsed = [(_parse(ticket_from_hs, item, "conversation"), item) for item in items]
        fresh = [(pair, item) for pair, item in parsed
                 if (position.seen.get(pair[0].id) or [None])[0] != pair[0].version]
        for (ticket, _), item in parsed:
            position.seen[ticket.id] = [ticket.version or "", updated_stamp(item)]
            position.hi = max(position.hi or "", updated_stamp(item))
        page = data.get("page") or {}
        more = bool(items) and int(page.get("number") or position.page) < int(page.get("totalPages") or 0)
        if more:
            position.page += 1
        else:
            position.since, position.page, position.initial = None, 1, False
            self._prune(position)
        people = {p.id: p for (_, persons), _ in fresh for p in persons}
        return ChangeSet(tickets=tuple(t for (t, _), _ in fresh), people=tuple(people.values()),
                         cursor=position.dump(), has_more=more)

    async def list_recent(self, limit: int) -> ChangeSet:
        """The 25 most recently changed open conversations (one page), for a first inbox screen."""
        params = {"status": self.initial_status, "sortField": "modifiedAt", "sortOrder": "desc", "page": "1"}
        if self.mailboxes:
            params["mailbox"] = ",".join(self.mailboxes)
        data = await self._json("GET", "/conversations", "fetching the newest conversations", params=params)
        parsed = [_parse(ticket_from_hs, item, "conversation") for item in _embedded(data, "conversations")]
        people = {p.id: p for _, persons in parsed for p in persons}
        return ChangeSet(tickets=tuple(t for t, _ in parsed[:max(1, limit)]), people=tuple(people.values()))

    def _prune(self, position: _Cursor) -> None:
        """Forget versions older than the overlap window (no later poll returns them), so the cursor
        stays small."""
        hi = parse_time(position.hi)
        if hi is None:
            return
        floor = format_time(hi - timedelta(seconds=self.overlap_s)) or ""
        position.seen = {k: v for k, v in position.seen.items() if str(v[-1]) >= floor}

    async def _conversation(self, ticket_id: str) -> dict[str, Any]:
        return await self._json("GET", f"/conversations/{ticket_id}", f"fetching conversation {ticket_id}")

    async def get_ticket(self, ticket_id: str) -> Ticket:
        return _parse(ticket_from_hs, await self._conversation(ticket_id), "conversation")[0]

    # -- threads ---------------------------------------------------------------------------------

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        """Threads oldest first. Help Scout lists them newest first, so with `after` paging stops at
        the first known thread."""
        threads: list[dict[str, Any]] = []
        page = 1
        while True:
            data = await self._json("GET", f"/conversations/{ticket_id}/threads",
                                    f"fetching the thread of {ticket_id}", params={"page": str(page)})
            batch = _embedded(data, "threads")
            threads.extend(t for t in batch if after is None or int(t["id"]) > int(after))
            reached = after is not None and any(int(t["id"]) <= int(after) for t in batch)
            info = data.get("page") or {}
            if reached or not batch or int(info.get("number") or page) >= int(info.get("totalPages") or 0):
                break
            page += 1
        wanted = sorted((t for t in threads if is_conversation_thread(t)), key=lambda t: int(t["id"]))
        return [_parse(message_from_hs, t, "thread", ticket_id) for t in wanted]

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        """Help Scout keeps no client data on a thread: a reply this process sent is found by its exact
        text, author and visibility among threads of the last ten minutes."""
        sent = self._sent.get(marker)
        if sent is None:
            return None
        me = await self._myself()
        return match_sent(await self.get_thread(ticket_id), sent, marker, author_id=me.id)

    # -- writes ----------------------------------------------------------------------------------

    async def _guard(self, ticket_id: str, expect_version: str | None) -> dict[str, Any]:
        """The conversation as it is now; ConflictError when it differs from the agent's copy (a change
        landing between this read and the write is not caught: Help Scout has no If-Match)."""
        data = await self._conversation(ticket_id)
        current = version_of(data)
        if expect_version and current != expect_version:
            raise ConflictError(f"Conversation {ticket_id} changed on Help Scout meanwhile.",
                                server_version=current)
        return data

    async def post_message(self, ticket_id: str, draft: ReplyDraft, *, marker: str,
                           expect_version: str | None = None) -> tuple[Message, Ticket | None]:
        me = await self._myself()
        conversation = await self._guard(ticket_id, expect_version)
        internal = draft.visibility is Visibility.INTERNAL
        body: dict[str, Any] = {"text": html_of(draft.body), "user": int(me.id)}
        if not internal:
            customer = (conversation.get("primaryCustomer") or {}).get("id")
            if customer is None:
                raise BackendError(f"Conversation {ticket_id} has no customer to reply to.")
            body.update(customer={"id": customer}, draft=False)
        # Without a status a reply would re-activate the conversation; keep it as the agent saw it.
        keep = conversation.get("status") if conversation.get("status") in WRITABLE_STATUSES else None
        status = STATUS_TO_HS[draft.new_status] if draft.new_status else keep
        if status:
            body["status"] = status
        self._sent[marker] = (draft.body, draft.visibility, datetime.now(timezone.utc))
        kind = "notes" if internal else "reply"
        what = f"sending {'a note' if internal else 'a reply'} to conversation {ticket_id}"
        response = await self._request("POST", f"/conversations/{ticket_id}/{kind}", what, json=body)
        thread_id = response.headers.get("Resource-ID") or \
            response.headers.get("Location", "").rstrip("/").rsplit("/", 1)[-1]
        if not thread_id.isdigit():
            raise BackendError(f"Help Scout did not say which thread the reply to {ticket_id} became.")
        message = Message(id=thread_id, ticket_id=str(ticket_id), author_id=me.id, author_role=Role.AGENT,
                          visibility=draft.visibility, body=draft.body, created_at=datetime.now(timezone.utc),
                          author_name=me.name, marker=marker)
        return message, await self.get_ticket(ticket_id)

    async def update_ticket(self, ticket_id: str, patch: TicketPatch, *,
                            expect_version: str | None = None) -> Ticket:
        if patch.priority is not None:
            raise BackendError("Help Scout conversations have no priority; use a tag instead.")
        await self._guard(ticket_id, expect_version)
        operations: list[dict[str, Any]] = []
        if patch.status is not None:
            operations.append({"op": "replace", "path": "/status", "value": STATUS_TO_HS[patch.status]})
        if patch.assignee_id:
            operations.append({"op": "replace", "path": "/assignTo", "value": int(patch.assignee_id)})
        elif patch.assignee_id == "":
            operations.append({"op": "remove", "path": "/assignTo"})
        for operation in operations:  # Help Scout takes one operation per PATCH
            await self._request("PATCH", f"/conversations/{ticket_id}", f"updating conversation {ticket_id}",
                                json=operation)
        return await self.get_ticket(ticket_id)

    # -- canned replies --------------------------------------------------------------------------

    async def _mailbox_ids(self) -> list[str]:
        if self.mailboxes:
            return self.mailboxes
        data = await self._json("GET", "/mailboxes", "listing mailboxes")
        return [str(m["id"]) for m in _embedded(data, "mailboxes")]

    async def list_canned(self) -> list[CannedReply]:
        """Saved replies of the synced mailboxes (the list has previews; each text is one more GET)."""
        replies: list[CannedReply] = []
        for mailbox in await self._mailbox_ids():
            listed = json_body(await self._request("GET", f"/mailboxes/{mailbox}/saved-replies",
                                                   "fetching saved replies"), "fetching saved replies")
            summaries = listed if isinstance(listed, list) else _embedded(listed, "savedReplies")
            for summary in summaries:
                full = await self._json("GET", f"/mailboxes/{mailbox}/saved-replies/{summary['id']}",
                                        "fetching a saved reply")
                reply = _parse(canned_from_saved_reply, full, "saved reply")
                if reply:
                    replies.append(reply)
        return replies


def _vnd_error(response: httpx.Response) -> str:
    """Help Scout's vnd.error body: the message plus the first field error."""
    try:
        data = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    if not isinstance(data, dict):
        return f"HTTP {response.status_code}"
    text = str(data.get("message") or f"HTTP {response.status_code}")
    errors = (data.get("_embedded") or {}).get("errors") or ()
    if errors and isinstance(errors[0], dict):
        text += f" ({errors[0].get('path') or ''}: {errors[0].get('message') or ''})"
    return text[:300]


def _embedded(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """A HAL collection's items; Help Scout leaves `_embedded` out when a page is empty."""
    embedded = data.get("_embedded")
    if embedded is None:
        if "page" in data or "_links" in data:
            return []
        raise BackendError(f"Help Scout sent a collection without '_embedded.{key}'.")
    items = embedded.get(key) if isinstance(embedded, dict) else None
    if not isinstance(items, list):
        raise BackendError(f"Help Scout sent a collection without '_embedded.{key}'.")
    return items


_parse = partial(parse_or_fail, "Help Scout")
"""Parse one part of an answer; a malformed part is a plain BackendError (backends/http.py)."""
