"""Provides the adapter for Zendesk Support through its REST API v2 (`/api/v2`).

Auth: with the profile's `user` (the agent's e-mail) the secret is an API token, sent as Basic
`{email}/token:{token}`; without it the secret is an OAuth access token (`Authorization: Bearer`), e.g.
from `backends.oauth.login` (API tokens retire on 2027-04-30). Delta sync is the agent-accessible search
(`type:ticket updated>T`, ascending by `updated_at`) with an overlap window for the search index's lag,
or, for admins, the cursor-based incremental export (`delta = "incremental"`). Threads are the ticket's
comments (`public` false = internal note); replies, notes and field changes are one `PUT /tickets/{id}`
with `safe_update` + `updated_stamp`, so a stale write is refused with 409. docs/backends.md has the rest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING, Any

from supportterm.backends.availability import availability_request
from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend, OAuthEndpoints
from supportterm.backends.http import json_body, map_http_errors, parse_or_fail, raise_for_status
from supportterm.backends.sent_match import match_sent
from supportterm.backends.zendesk_map import (
    OFFLINE_STATUS_ID,
    ONLINE_STATUS_ID,
    STATUS_TO_ZD,
    agent_status_from_zd,
    canned_from_macro,
    message_from_zd,
    person_from_zd,
    ticket_from_zd,
)
from supportterm.domain.models import (
    Agent,
    CannedReply,
    ChangeSet,
    Message,
    Person,
    ReplyDraft,
    Role,
    Ticket,
    TicketPatch,
    Visibility,
    format_time,
    parse_time,
)
from supportterm.errors import AuthError, BackendError, ConfigError, ConflictError, RateLimited

if TYPE_CHECKING:
    import httpx

API = "/api/v2"
PAGE = 100
"""Zendesk's maximum page size for search, comments, macros and show_many."""
SEARCH_PAGES = 10
"""Search returns at most 1,000 results (10 pages of 100); page 11 is a 422."""


@dataclass
class _SearchCursor:
    """Where the search-based delta sync stands.

    `hi` is the newest `updated_at` seen; `seen` maps ticket ids to the `updated_at` already delivered
    within the overlap window (so re-read tickets are skipped); `anchor`/`page` hold a paging run in
    progress; `initial` is true until the first full run (active tickets only) is done.
    """

    hi: str | None = None
    seen: dict[str, str] = field(default_factory=dict)
    anchor: str | None = None
    page: int = 1
    initial: bool = True

    @classmethod
    def load(cls, text: str | None) -> _SearchCursor:
        if not text:
            return cls()
        try:
            data = json.loads(text)
            if data.get("m") != "s":
                return cls()
            return cls(hi=data.get("hi"), seen=dict(data.get("seen") or {}), anchor=data.get("a"),
                       page=int(data.get("p", 1)), initial=bool(data.get("i", False)))
        except (ValueError, TypeError, AttributeError):
            return cls()  # another adapter's or version's cursor: start over, lose nothing

    def dump(self) -> str:
        return json.dumps({"m": "s", "hi": self.hi, "seen": self.seen, "a": self.anchor, "p": self.page,
                           "i": self.initial}, separators=(",", ":"))


def _shift(stamp: str, seconds: float) -> str:
    moved = parse_time(stamp)
    assert moved is not None
    return format_time(moved + timedelta(seconds=seconds)) or stamp


class ZendeskBackend(HelpdeskBackend):
    """Zendesk Support (API v2)."""

    NAME = "zendesk"
    OPTIONS = (
        BackendOption("url", "account URL, e.g. https://acme.zendesk.com (/api/v2 is added)", required=True),
        BackendOption("user", "agent e-mail, for API-token auth (leave out with an OAuth token)"),
        BackendOption("token", "API token, or OAuth access token", secret=True),
        BackendOption("delta", "'search' (any agent) or 'incremental' (admins: incremental export)",
                      default="search"),
        BackendOption("query", "extra search terms every sync is limited to, e.g. group:Support"),
        BackendOption("initial_query", "search terms of the first sync", default="status<solved"),
        BackendOption("search_overlap_seconds", "how far back each search poll looks again "
                      "(the search index lags a little)", default="120"),
        BackendOption("initial_days", "incremental mode: how far back the first export starts",
                      default="30"),
        BackendOption("oauth_client_id", "OAuth client (Admin Center → APIs → OAuth clients, kind public) "
                      "for `supportterm login` in the browser; leave `user` out"),
        BackendOption("oauth_redirect_port", "loopback port registered as the client's redirect URL "
                      "(http://127.0.0.1:PORT/callback)", default="0"),
        BackendOption("available_status", "unified agent status id a shift start sets (3 = Online)",
                      default=str(ONLINE_STATUS_ID)),
        BackendOption("away_status", "unified agent status id a shift end sets (2 = Offline, 4 = Away)",
                      default=str(OFFLINE_STATUS_ID)),
    )
    OAUTH = OAuthEndpoints("/oauth/authorizations/new", "/oauth/tokens", scopes=("read", "write"),
                           json_token_request=True)
    CAPABILITIES = (Capability.DELTA_SYNC | Capability.CONCURRENCY_TOKEN | Capability.INTERNAL_NOTES
                    | Capability.CANNED_REPLIES | Capability.SLA_FIELDS | Capability.FIND_BY_MARKER
                    | Capability.RECENT_FIRST | Capability.AVAILABILITY)

    def __init__(self, options: Mapping[str, object], *, client: httpx.AsyncClient,
                 token: str | None) -> None:
        super().__init__(options, client=client, token=token)
        self.email = str(options["user"]) if options.get("user") else None
        self.delta = str(options.get("delta") or "search")
        if self.delta not in ("search", "incremental"):
            raise ConfigError(f"Zendesk option delta must be 'search' or 'incremental', not '{self.delta}'.")
        self.query = str(options.get("query") or "")
        self.initial_query = str(options.get("initial_query", "status<solved") or "")
        try:
            self.overlap_s = float(str(options.get("search_overlap_seconds", "120")))
            self.initial_days = float(str(options.get("initial_days", "30")))
        except ValueError:
            raise ConfigError(
                "Zendesk options search_overlap_seconds and initial_days must be numbers.") from None
        try:
            self.available_status = int(str(options.get("available_status", ONLINE_STATUS_ID)))
            self.away_status = int(str(options.get("away_status", OFFLINE_STATUS_ID)))
        except ValueError:
            raise ConfigError("Zendesk options available_status and away_status must be unified agent "
                              "status ids (numbers, e.g. 3 for Online).") from None
        self.prefix = "" if client.base_url.path.rstrip("/").endswith(API) else API
        self._people: dict[str, Person] = {}
        self._sent: dict[str, tuple[str, Visibility, datetime]] = {}
        self._me: Agent | None = None
        if token and self.email:
            client.auth = (f"{self.email}/token", token.strip())
        elif token:
            client.headers["Authorization"] = f"Bearer {token.strip()}"

    # -- HTTP ------------------------------------------------------------------------------------

    async def _request(self, method: str, path: str, what: str, **kwargs: Any) -> httpx.Response:
        async with map_http_errors(what):
            response = await self.client.request(method, self.prefix + path, **kwargs)
        if response.status_code == 409 and "DatabaseConflict" in response.text:
            # Zendesk's own write race, not a stale copy: the same write succeeds when sent again.
            raise RateLimited("Zendesk was busy saving this ticket; it will be sent again.", retry_after=2.0)
        if response.status_code == 422:
            raise BackendError(f"Zendesk refused the change: {_describe_422(response)}")
        raise_for_status(response)
        return response

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> Any:
        data = json_body(await self._request(method, path, what, **kwargs), what)
        if not isinstance(data, dict):
            raise BackendError(f"Zendesk sent something other than a JSON object while {what}.")
        return data

    # -- sign-in ---------------------------------------------------------------------------------

    async def whoami(self) -> Agent:
        how = f"the API token of {self.email}" if self.email else "the OAuth access token"
        try:
            data = await self._json("GET", "/users/me.json", "signing in")
        except AuthError as exc:
            raise AuthError(f"Zendesk refused {how}. {exc}") from exc
        user = data.get("user") or {}
        if user.get("id") is None:  # Zendesk answers unauthenticated calls with an anonymous user
            raise AuthError(f"Zendesk refused {how}: it signed us in as an anonymous user.")
        if user.get("role") == "end-user":
            raise AuthError(f"Zendesk signed in {user.get('email') or user['id']}, who is not an agent.")
        person = person_from_zd(user)
        self._people[person.id] = person
        self._me = Agent(id=person.id, name=person.name, email=person.email)
        return self._me

    async def _myself(self) -> Agent:
        return self._me or await self.whoami()

    # -- delta sync ------------------------------------------------------------------------------

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        if self.delta == "incremental":
            return await self._incremental(cursor)
        return await self._search(_SearchCursor.load(cursor), max(1, min(limit, PAGE)))

    def _search_query(self, position: _SearchCursor) -> str:
        terms = ["type:ticket", self.query]
        if position.initial:
            terms.append(self.initial_query)
        if position.anchor:
            terms.append(f"updated>{position.anchor}")
        return " ".join(t for t in terms if t)

    async def _search(self, position: _SearchCursor, per_page: int) -> ChangeSet:
        """One page of `type:ticket updated>T` oldest change first; see `_SearchCursor`."""
        if position.anchor is None and position.page == 1 and position.hi:
            position.anchor = _shift(position.hi, -self.overlap_s)
        params = {"query": self._search_query(position), "sort_by": "updated_at", "sort_order": "asc",
                  "per_page": str(per_page), "page": str(position.page)}
        data = await self._json("GET", "/search.json", "fetching changes", params=params)
        items = [r for r in _list(data, "results") if r.get("result_type", "ticket") == "ticket"]
        fresh = [i for i in items if position.seen.get(str(i["id"])) != i.get("updated_at")]
        for item in items:
            position.seen[str(item["id"])] = str(item["updated_at"])
        stamps = [str(i["updated_at"]) for i in items]
        if stamps:
            position.hi = max([position.hi or "", *stamps])
        # At the 1,000-result cap `next_page` may be empty; `count` still says how many matched.
        capped = position.page >= SEARCH_PAGES and bool(items) and (
            bool(data.get("next_page")) or int(data.get("count") or 0) > position.page * per_page)
        more = capped or (bool(data.get("next_page")) and bool(items))
        if more and not capped:
            position.page += 1
        elif more:  # the 1,000-result cap: a new run from just before the last change seen
            restart = _shift(max(stamps), -1)
            # More than 1,000 changes in one second cannot be paged past: skip ahead (a known limit).
            position.anchor = restart if restart > (position.anchor or "") else max(stamps)
            position.page = 1
        else:
            position.anchor, position.page, position.initial = None, 1, False
            floor = _shift(position.hi, -self.overlap_s) if position.hi else ""
            position.seen = {k: v for k, v in position.seen.items() if v >= floor}
        tickets = [_parse(ticket_from_zd, item, "ticket") for item in fresh]
        return ChangeSet(tickets=tuple(tickets), people=tuple(await self._people_of(fresh)),
                         cursor=position.dump(), has_more=more)

    async def list_recent(self, limit: int) -> ChangeSet:
        """The newest open tickets in one search, so the inbox has a first screen before the full sync."""
        terms = " ".join(t for t in ("type:ticket", self.query, self.initial_query) if t)
        params = {"query": terms, "sort_by": "updated_at", "sort_order": "desc",
                  "per_page": str(max(1, min(limit, PAGE))), "page": "1"}
        data = await self._json("GET", "/search.json", "fetching the newest tickets", params=params)
        items = [r for r in _list(data, "results") if r.get("result_type", "ticket") == "ticket"]
        tickets = [_parse(ticket_from_zd, item, "ticket") for item in items]
        return ChangeSet(tickets=tuple(tickets), people=tuple(await self._people_of(items)))

    async def _incremental(self, cursor: str | None) -> ChangeSet:
        """One page of the cursor-based incremental export (admins only, 10 requests a minute)."""
        state = _load_json(cursor)
        if state.get("m") == "i" and state.get("c"):
            params = {"cursor": str(state["c"])}
        else:
            start = datetime.now(timezone.utc) - timedelta(days=self.initial_days)
            params = {"start_time": str(int(start.timestamp()))}
        try:
            data = await self._json("GET", "/incremental/tickets/cursor.json", "fetching changes",
                                    params={**params, "per_page": str(PAGE)})
        except AuthError as exc:
            raise AuthError("Zendesk's incremental export needs an admin; set the profile's delta = "
                            f"'search' to sync as an agent. {exc}") from exc
        items = [t for t in _list(data, "tickets") if t.get("status") != "deleted"]
        tickets = [_parse(ticket_from_zd, item, "ticket") for item in items]
        after = data.get("after_cursor") or state.get("c")
        return ChangeSet(tickets=tuple(tickets), people=tuple(await self._people_of(items)),
                         cursor=json.dumps({"m": "i", "c": after}),
                         has_more=not data.get("end_of_stream", True))

    async def _people_of(self, tickets: list[dict[str, Any]]) -> list[Person]:
        """Requesters and assignees not met before, in one `show_many` request per 100."""
        wanted = {str(t[k]) for t in tickets for k in ("requester_id", "assignee_id") if t.get(k) is not None}
        missing = sorted(wanted - set(self._people))
        for start in range(0, len(missing), PAGE):
            ids = ",".join(missing[start:start + PAGE])
            data = await self._json("GET", "/users/show_many.json", "fetching people", params={"ids": ids})
            for user in _list(data, "users"):
                person = _parse(person_from_zd, user, "user")
                self._people[person.id] = person
        return [self._people[i] for i in sorted(wanted) if i in self._people]

    async def get_ticket(self, ticket_id: str) -> Ticket:
        data = await self._json("GET", f"/tickets/{ticket_id}.json", f"fetching #{ticket_id}",
                                params={"include": "slas"})
        return _parse(ticket_from_zd, data.get("ticket"), "ticket")

    # -- threads ---------------------------------------------------------------------------------

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        """Comments oldest first; with `after`, newest first and only until the known one is met."""
        params = {"page[size]": str(PAGE), "include": "users"}
        if after is not None:
            params["sort"] = "-created_at"
        comments: list[dict[str, Any]] = []
        while True:
            data = await self._json("GET", f"/tickets/{ticket_id}/comments.json",
                                    f"fetching the thread of #{ticket_id}", params=params)
            for user in data.get("users") or ():
                person = _parse(person_from_zd, user, "user")
                self._people[person.id] = person
            page = _list(data, "comments")
            comments.extend(c for c in page if after is None or int(c["id"]) > int(after))
            reached = after is not None and any(int(c["id"]) <= int(after) for c in page)
            meta = data.get("meta") or {}
            if reached or not meta.get("has_more") or not meta.get("after_cursor"):
                break
            params["page[after]"] = str(meta["after_cursor"])
        comments.sort(key=lambda c: int(c["id"]))
        return [_parse(message_from_zd, c, "comment", ticket_id, self._people) for c in comments]

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        """Zendesk keeps no client data on a comment, so a reply this process sent is found by its
        exact body, author and visibility among comments of the last ten minutes."""
        sent = self._sent.get(marker)
        if sent is None:
            return None
        me = await self._myself()
        return match_sent(await self.get_thread(ticket_id), sent, marker, author_id=me.id)

    # -- writes ----------------------------------------------------------------------------------

    async def _put(self, ticket_id: str, fields: dict[str, Any], expect_version: str | None,
                   what: str) -> dict[str, Any]:
        """One ticket update; with a version, Zendesk refuses it (409) if the ticket moved since."""
        if expect_version:
            fields = {**fields, "safe_update": True, "updated_stamp": expect_version}
        try:
            return await self._json("PUT", f"/tickets/{ticket_id}.json", what, json={"ticket": fields})
        except ConflictError as exc:
            raise ConflictError(f"Ticket #{ticket_id} changed on Zendesk meanwhile.") from exc

    async def post_message(self, ticket_id: str, draft: ReplyDraft, *, marker: str,
                           expect_version: str | None = None) -> tuple[Message, Ticket | None]:
        me = await self._myself()
        internal = draft.visibility is Visibility.INTERNAL
        fields: dict[str, Any] = {"comment": {"body": draft.body, "public": not internal}}
        if draft.new_status is not None:
            fields["status"] = STATUS_TO_ZD[draft.new_status]
        self._sent[marker] = (draft.body, draft.visibility, datetime.now(timezone.utc))
        what = f"sending {'a note' if internal else 'a reply'} to #{ticket_id}"
        data = await self._put(ticket_id, fields, expect_version, what)
        ticket = _parse(ticket_from_zd, data.get("ticket"), "ticket")
        events = (data.get("audit") or {}).get("events") or ()
        comment = next((e for e in events if e.get("type") == "Comment"), None)
        if comment is None:
            raise BackendError(f"Zendesk did not say which comment the reply to #{ticket_id} became.")
        created = parse_time((data.get("audit") or {}).get("created_at")) or ticket.updated_at
        message = Message(id=str(comment["id"]), ticket_id=str(ticket_id), author_id=me.id,
                          author_role=Role.AGENT, visibility=draft.visibility, body=draft.body,
                          created_at=created, author_name=me.name, marker=marker)
        return message, ticket

    async def update_ticket(self, ticket_id: str, patch: TicketPatch, *,
                            expect_version: str | None = None) -> Ticket:
        fields: dict[str, Any] = {}
        if patch.status is not None:
            fields["status"] = STATUS_TO_ZD[patch.status]
        if patch.priority is not None:
            fields["priority"] = patch.priority.value
        if patch.assignee_id is not None:
            fields["assignee_id"] = int(patch.assignee_id) if patch.assignee_id else None
        if not fields:
            return await self.get_ticket(ticket_id)
        data = await self._put(ticket_id, fields, expect_version, f"updating #{ticket_id}")
        return _parse(ticket_from_zd, data.get("ticket"), "ticket")

    # -- availability ----------------------------------------------------------------------------

    async def _availability(self, method: str, path: str, doing: str, **kwargs: Any) -> tuple[int, str]:
        """The unified status (id, name) an availability request answers with."""
        data = await availability_request(
            self.client, method, self.prefix + path, vendor="Zendesk", doing=doing, advice="Ask an admin to "
            "let your role change its agent status, or set it in Zendesk's status menu.", **kwargs)
        try:
            return agent_status_from_zd(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise BackendError(f"Zendesk did not report an agent status while {doing}; the account may "
                               "not use omnichannel routing.") from exc

    async def set_available(self, available: bool) -> bool:
        """The Unified Agent Status API's "update for self" (agents may call it for themselves);
        the Talk availability API is voice-only and read-only under omnichannel routing."""
        wanted = self.available_status if available else self.away_status
        status_id, _ = await self._availability(
            "PUT", "/agent_availabilities/agent_statuses/agents/me", "changing your agent status",
            json={"id": wanted})
        return status_id == self.available_status

    async def get_available(self) -> bool:
        me = await self._myself()
        status_id, _ = await self._availability("GET", f"/agent_availabilities/{me.id}",
                                                "reading your agent status")
        return status_id == self.available_status

    # -- canned replies --------------------------------------------------------------------------

    async def list_canned(self) -> list[CannedReply]:
        """Active macros that write a comment (shared and personal), cursor-paged."""
        params = {"page[size]": str(PAGE)}
        replies: list[CannedReply] = []
        while True:
            data = await self._json("GET", "/macros/active.json", "fetching macros", params=params)
            replies.extend(r for r in (canned_from_macro(m) for m in _list(data, "macros")) if r)
            meta = data.get("meta") or {}
            if not meta.get("has_more") or not meta.get("after_cursor"):
                return replies
            params["page[after]"] = str(meta["after_cursor"])


def _describe_422(response: httpx.Response) -> str:
    """Zendesk's RecordInvalid text: the description plus the first detail (e.g. a required field)."""
    try:
        data = response.json()
    except ValueError:
        return f"HTTP 422 {response.text[:200]}"
    if not isinstance(data, dict):
        return "HTTP 422"
    text = str(data.get("description") or data.get("error") or "HTTP 422")
    for problems in (data.get("details") or {}).values():
        if isinstance(problems, list) and problems and isinstance(problems[0], dict):
            text += f" ({problems[0].get('description') or problems[0].get('error')})"
            break
    return text[:300]


def _load_json(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _list(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list):
        raise BackendError(f"Zendesk sent a response without '{key}'.")
    return value


_parse = partial(parse_or_fail, "Zendesk")
"""Parse one part of an answer; a malformed part is a plain BackendError (backends/http.py)."""
