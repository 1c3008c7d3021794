"""Provides the adapter for Zammad through its REST API (`https://<host>/api/v1`).

Auth: `Authorization: Token token=…` (a personal access token with `ticket.agent`). Delta sync is the
ticket search `updated_at:>T`, sorted by `updated_at` ascending, `expand=true` for state, priority
and people by name; because the search runs on Elasticsearch, which is filled behind the database,
the last `index_lag_seconds` are re-checked with a count (`ScanCursor`).
Threads are the ticket's articles (`internal` = note, `sender` Customer/Agent/System); new articles
are fetched one by one from the ids the last list reported, so one new message costs one small
request. Replies and notes are new articles (a note is always `type: note`, because an internal
*email* is still mailed). Zammad has no concurrency token: writes are checked against `updated_at`.
docs/backends.md has the details and the limits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from supportterm.backends.availability import availability_request
from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend
from supportterm.backends.http import json_body, map_http_errors, parse_or_fail, raise_for_status
from supportterm.backends.sent_match import match_sent
from supportterm.backends.zammad_availability import is_out_of_office, out_of_office_body
from supportterm.backends.zammad_cursor import ScanCursor, es_stamp
from supportterm.domain.mail import html_to_text
from supportterm.domain.models import (
    Agent,
    CannedReply,
    ChangeSet,
    Channel,
    Message,
    Person,
    Priority,
    ReplyDraft,
    Role,
    Status,
    Ticket,
    TicketPatch,
    Visibility,
    parse_time,
)
from supportterm.errors import AuthError, BackendError, ConfigError, ConflictError, NotFound

if TYPE_CHECKING:
    import httpx

API = "/api/v1"
PAGE = 100
"""Zammad's hard cap for tickets per page."""
FETCH_ONE_BY_ONE = 3
"""Up to this many new articles are fetched by id; more come in one by_ticket call."""
NOBODY = 1
"""Zammad's user 1 ("-") owns unassigned tickets."""
STATE_FROM_Z = {"new": Status.NEW, "open": Status.OPEN, "pending reminder": Status.ON_HOLD,
                "pending close": Status.PENDING, "closed": Status.SOLVED, "merged": Status.CLOSED,
                "removed": Status.CLOSED}
"""Zammad's "closed" is where other helpdesks say solved: a customer's follow-up reopens it."""
OUT_OF_OFFICE_ADVICE = ("The access token needs the user_preferences.out_of_office permission (Profile → "
                        "Token Access), or set Out of Office in Zammad's profile.")
STATE_BY_ID = {1: "new", 2: "open", 3: "pending reminder", 4: "closed", 5: "merged", 6: "removed",
               7: "pending close"}
"""The default states' ids, for answers that carry `state_id` but no name."""
STATE_TO_Z = {Status.NEW: "new", Status.OPEN: "open", Status.PENDING: "pending close",
              Status.ON_HOLD: "pending reminder", Status.SOLVED: "closed", Status.CLOSED: "closed"}
PENDING_STATES = ("pending reminder", "pending close")
PRIORITY_WORDS = ((Priority.URGENT, ("urgent", "critical", "very high")), (Priority.HIGH, ("high",)),
                  (Priority.LOW, ("low",)), (Priority.NORMAL, ("normal", "medium")))
PRIORITY_BY_ID = {1: Priority.LOW, 2: Priority.NORMAL, 3: Priority.HIGH}
SENDER_BY_ID = {1: "Agent", 2: "Customer", 3: "System"}
CHANNEL_FROM_TYPE = {"email": Channel.EMAIL, "phone": Channel.PHONE, "web": Channel.WEB, "chat": Channel.CHAT,
                     "sms": Channel.CHAT, "telegram personal-message": Channel.CHAT,
                     "twitter direct-message": Channel.CHAT, "facebook feed post": Channel.FORUM,
                     "facebook feed comment": Channel.FORUM, "twitter status": Channel.FORUM}
PLACEHOLDERS = {"ticket.customer.firstname": "customer.first_name",
                "ticket.customer.fullname": "customer.name", "ticket.customer.email": "customer.email",
                "user.fullname": "agent.name",
                "user.firstname": "agent.first_name", "ticket.title": "ticket.subject",
                "ticket.id": "ticket.id", "ticket.organization.name": "company"}
"""Zammad text-module variables (`#{…}`) that have a supportterm placeholder."""
VARIABLE = re.compile(r"#\{\s*([a-z_.]+)\s*\}")


def priority_from_name(name: str) -> Priority | None:
    """Zammad priorities are named ("1 low", "2 normal", "3 high", or an admin's own words)."""
    lowered = name.lower()
    return next((p for p, words in PRIORITY_WORDS if any(w in lowered for w in words)), None)


class ZammadBackend(HelpdeskBackend):
    """Zammad (REST API v1)."""

    NAME = "zammad"
    OPTIONS = (
        BackendOption("url", "Zammad address, e.g. https://support.example.com (the API is at /api/v1)",
                      required=True),
        BackendOption("token", "personal access token with ticket.agent (Profile → Token Access)",
                      secret=True),
        BackendOption("initial_days", "the first sync reads tickets updated in this many days", default="30"),
        BackendOption("index_lag_seconds", "how far the search index may trail the database", default="30"),
        BackendOption("reply_type", "article type of a public reply: email (mailed) or note (web only)",
                      default="email"),
        BackendOption("pending_hours", "reminder time set with a pending state", default="24"),
        BackendOption("out_of_office_replacement", "user id of the agent who covers while you are away "
                      "after a shift (default: the one set in Zammad's Out of Office)"),
        BackendOption("away_days", "a shift end marks you out of office from today for this many days "
                      "(the next shift start clears it)", default="1"),
    )
    CAPABILITIES = (Capability.DELTA_SYNC | Capability.CONCURRENCY_TOKEN | Capability.INTERNAL_NOTES
                    | Capability.CANNED_REPLIES | Capability.SLA_FIELDS | Capability.RECENT_FIRST
                    | Capability.AVAILABILITY)

    def __init__(self, options: Mapping[str, object], *, client: httpx.AsyncClient,
                 token: str | None) -> None:
        super().__init__(options, client=client, token=token)
        self.prefix = "" if client.base_url.path.rstrip("/").endswith(API) else API
        self.initial_days = _number(options, "initial_days", "30")
        self.index_lag = timedelta(seconds=_number(options, "index_lag_seconds", "30"))
        self.pending_for = timedelta(hours=_number(options, "pending_hours", "24"))
        self.reply_type = str(options.get("reply_type", "email") or "email")
        if self.reply_type not in ("email", "note"):
            raise ConfigError("Zammad option reply_type must be 'email' or 'note'.")
        self.away_days = int(_number(options, "away_days", "1"))
        replacement = str(options.get("out_of_office_replacement") or "").strip()
        if replacement and not replacement.isdigit():
            raise ConfigError("Zammad option out_of_office_replacement must be a user id (a number).")
        self.replacement_id = int(replacement) if replacement else None
        self.today: Callable[[], date] = date.today
        """The agent's calendar day (Zammad's out-of-office range is in whole days); tests replace it."""
        if token:
            client.headers["Authorization"] = f"Token token={token.strip()}"
        self._me: Agent | None = None
        self._article_ids: dict[str, list[int]] = {}
        self._emails: dict[str, str] = {}
        self._priorities: dict[Priority, int] | None = None
        self._sent: dict[str, tuple[str, Visibility, datetime]] = {}

    async def _request(self, method: str, path: str, what: str, **kwargs: Any) -> httpx.Response:
        async with map_http_errors(what):
            response = await self.client.request(method, self.prefix + path, **kwargs)
        if response.status_code == 422:
            raise BackendError(f"Zammad refused the request while {what}: {_error_text(response)}.")
        raise_for_status(response)
        return response

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> Any:
        return json_body(await self._request(method, path, what, **kwargs), what)

    async def whoami(self) -> Agent:
        if not self.token:
            raise AuthError("Zammad needs a personal access token (Profile → Token Access) as the secret.")
        try:
            data = await self._json("GET", "/users/me", "signing in")
        except AuthError as exc:
            raise AuthError(
                "Zammad refused the access token: check it, its ticket.agent permission, and that "
                f"API token access is on (Settings → System → API). {exc}"
            ) from exc
        if not isinstance(data, dict) or "id" not in data:
            raise BackendError("Zammad sent a malformed answer to /users/me.")
        name = f"{data.get('firstname') or ''} {data.get('lastname') or ''}".strip()
        self._me = Agent(id=str(data["id"]), name=name or str(data.get("login") or data["id"]),
                         email=data.get("email") or None)
        return self._me

    async def _myself(self) -> Agent:
        return self._me or await self.whoami()

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        position = ScanCursor.load(cursor)
        start = datetime.now(timezone.utc) - timedelta(days=self.initial_days)
        per_page = max(1, min(limit, PAGE))
        response = await self._search(position.query(start), page=position.page, per_page=per_page,
                                      expand="true")
        items = _list(json_body(response, "fetching changes"), "ticket search result")
        for item in items:
            _parse(self._remember_articles, item, "ticket")
        fresh = [i for i in items if position.is_fresh(str(i.get("id")), str(i.get("updated_at")))]
        parsed = [_parse(ticket_from_zammad, item, "ticket") for item in fresh]
        people = {p.id: p for _, persons in parsed for p in persons}
        now = _server_now(response)
        pairs = [(str(i["id"]), str(i["updated_at"])) for i in items]
        moved = position.after_page(pairs, full=len(items) >= per_page, now=now, lag=self.index_lag)
        if moved.check_due(now, self.index_lag):
            counted = await self._search(moved.window_query(), only_total_count="true")
            total = _total(json_body(counted, "counting recent changes"))
            moved = moved.counted(total, _server_now(counted), self.index_lag)
        dumped = moved.dump()
        return ChangeSet(tickets=tuple(t for t, _ in parsed), people=tuple(people.values()), cursor=dumped,
                         has_more=moved.more or moved.reread, not_modified=not fresh and dumped == cursor)

    async def list_recent(self, limit: int) -> ChangeSet:
        """The newest changes first, in one call, so the inbox has a first screen before the full sync."""
        start = datetime.now(timezone.utc) - timedelta(days=self.initial_days)
        response = await self._search(f"updated_at:>={es_stamp(start)}", order_by="desc", page=1,
                                      per_page=max(1, min(limit, PAGE)), expand="true")
        items = _list(json_body(response, "fetching the newest tickets"), "ticket search result")
        parsed = [_parse(ticket_from_zammad, item, "ticket") for item in items]
        people = {p.id: p for _, persons in parsed for p in persons}
        return ChangeSet(tickets=tuple(t for t, _ in parsed), people=tuple(people.values()))

    async def _search(self, query: str, **params: Any) -> httpx.Response:
        """The ticket search, oldest change first unless `order_by` says otherwise."""
        ordered = {"query": query, "sort_by": "updated_at", "order_by": "asc", **params}
        return await self._request("GET", "/tickets/search", "fetching changes", params=ordered)

    async def _ticket_json(self, ticket_id: str, what: str) -> dict[str, Any]:
        data = await self._json("GET", f"/tickets/{ticket_id}", what, params={"expand": "true"})
        if not isinstance(data, dict):
            raise BackendError(f"Zammad sent a malformed ticket #{ticket_id}.")
        _parse(self._remember_articles, data, "ticket")
        return data

    def _remember_articles(self, data: dict[str, Any]) -> None:
        """Article ids as the ticket lists them, so a refresh can fetch only the new ones."""
        if isinstance(data.get("article_ids"), list):
            self._article_ids[str(data["id"])] = sorted(int(i) for i in data["article_ids"])

    async def get_ticket(self, ticket_id: str) -> Ticket:
        return _parse(ticket_from_zammad, await self._ticket_json(ticket_id, f"fetching #{ticket_id}"),
                      "ticket")[0]

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        """All articles (one request), or with `after` only the newer ones the last list named."""
        what = f"fetching the thread of #{ticket_id}"
        known = self._article_ids.get(str(ticket_id))
        if after is not None and after.isdigit() and known is not None:
            newer = [i for i in known if i > int(after)]
            if len(newer) <= FETCH_ONE_BY_ONE:
                try:
                    articles = [await self._json("GET", f"/ticket_articles/{i}", what,
                                                 params={"expand": "true"}) for i in newer]
                    return [_parse(message_from_zammad, a, "article") for a in articles]
                except NotFound:
                    pass  # deleted meanwhile (or the ticket itself): the whole list below says which
        data = _list(await self._json("GET", f"/ticket_articles/by_ticket/{ticket_id}", what,
                                      params={"expand": "true"}), "article list")
        messages = sorted((_parse(message_from_zammad, a, "article") for a in data),
                          key=lambda m: (m.created_at, int(m.id) if m.id.isdigit() else 0))
        self._article_ids[str(ticket_id)] = [int(m.id) for m in messages if m.id.isdigit()]
        if after is not None and after.isdigit():
            return [m for m in messages if m.id.isdigit() and int(m.id) > int(after)]
        return messages

    async def _guarded_ticket(self, ticket_id: str, expect_version: str | None) -> dict[str, Any] | None:
        """The ticket read just before a write, refused when its updated_at moved since the agent's copy
        (Zammad has no If-Match: a change landing between this read and the write is not caught)."""
        if not expect_version:
            return None
        data = await self._ticket_json(ticket_id, f"checking #{ticket_id}")
        if str(data.get("updated_at")) != expect_version:
            raise ConflictError(f"Ticket #{ticket_id} changed on Zammad meanwhile.",
                                server_version=str(data.get("updated_at")))
        return data

    async def _email_of(self, user_id: str) -> str:
        if user_id not in self._emails:
            data = await self._json("GET", f"/users/{user_id}", "looking up the customer's address")
            self._emails[user_id] = str(data.get("email") or "") if isinstance(data, dict) else ""
        return self._emails[user_id]

    async def post_message(self, ticket_id: str, draft: ReplyDraft, *, marker: str,
                           expect_version: str | None = None) -> tuple[Message, Ticket | None]:
        me = await self._myself()
        ticket = await self._guarded_ticket(ticket_id, expect_version)
        internal = draft.visibility is Visibility.INTERNAL
        kind = "note" if internal else self.reply_type
        body: dict[str, Any] = {"ticket_id": int(ticket_id), "body": draft.body, "content_type": "text/plain",
                                "type": kind, "internal": internal, "sender": "Agent"}
        if kind == "email":
            ticket = ticket or await self._ticket_json(ticket_id, f"reading #{ticket_id}")
            address = await self._email_of(str(ticket["customer_id"]))
            if not address:
                raise BackendError(f"The customer of Zammad ticket #{ticket_id} has no e-mail address; "
                                   "set reply_type = 'note' to answer on the web only.")
            body.update(to=address, subject=str(ticket.get("title") or ""))
        self._sent[marker] = (draft.body, draft.visibility, datetime.now(timezone.utc))
        what = f"sending {'a note' if internal else 'a reply'} to #{ticket_id}"
        data = await self._json("POST", "/ticket_articles", what, json=body, params={"expand": "true"})
        message = replace(_parse(message_from_zammad, data, "article"), author_name=me.name, marker=marker)
        if draft.new_status is not None:
            return message, await self._put(ticket_id, self._state_fields(draft.new_status))
        return message, await self.get_ticket(ticket_id)

    def _state_fields(self, status: Status) -> dict[str, Any]:
        state = STATE_TO_Z[status]
        fields: dict[str, Any] = {"state": state}
        if state in PENDING_STATES:  # Zammad requires the reminder (or auto-close) time with these
            when = datetime.now(timezone.utc) + self.pending_for
            fields["pending_time"] = when.isoformat(timespec="seconds").replace("+00:00", "Z")
        return fields

    async def _put(self, ticket_id: str, body: dict[str, Any]) -> Ticket:
        data = await self._json("PUT", f"/tickets/{ticket_id}", f"updating #{ticket_id}", json=body,
                                params={"expand": "true"})
        return _parse(ticket_from_zammad, data, "ticket")[0]

    async def _priority_ids(self) -> dict[Priority, int]:
        """The instance's priorities by meaning (asked once): admins may rename or add some."""
        if self._priorities is None:
            rows = _list(await self._json("GET", "/ticket_priorities", "reading priorities"), "priority list")
            found: dict[Priority, int] = {}
            for row in sorted((r for r in rows if r.get("active", True)), key=lambda r: int(r["id"])):
                meaning = priority_from_name(str(row.get("name") or ""))
                if meaning is not None:
                    found.setdefault(meaning, int(row["id"]))
            if Priority.URGENT not in found and Priority.HIGH in found:
                found[Priority.URGENT] = found[Priority.HIGH]  # the default set stops at "3 high"
            self._priorities = found
        return self._priorities

    async def update_ticket(self, ticket_id: str, patch: TicketPatch, *,
                            expect_version: str | None = None) -> Ticket:
        body: dict[str, Any] = {}
        if patch.status is not None:
            body.update(self._state_fields(patch.status))
        if patch.priority is not None:
            ids = await self._priority_ids()
            if patch.priority not in ids:
                raise BackendError(f"This Zammad has no priority meaning '{patch.priority.value}'.")
            body["priority_id"] = ids[patch.priority]
        if patch.assignee_id is not None:
            body["owner_id"] = int(patch.assignee_id) if patch.assignee_id.isdigit() else NOBODY
        await self._guarded_ticket(ticket_id, expect_version)
        if not body:
            return await self.get_ticket(ticket_id)
        return await self._put(ticket_id, body)

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        """Zammad keeps no client marker: match exact body + visibility + own author within ten
        minutes, for replies this process sent (the lost-response window)."""
        sent = self._sent.get(marker)
        if sent is None:
            return None
        me = await self._myself()
        return match_sent(await self.get_thread(ticket_id), sent, marker, author_id=me.id)

    async def _my_user(self, doing: str) -> dict[str, Any]:
        user = await availability_request(self.client, "GET", f"{self.prefix}/users/me", vendor="Zammad",
                                          doing=doing, advice=OUT_OF_OFFICE_ADVICE)
        if not isinstance(user, dict):
            raise BackendError("Zammad sent a malformed answer to /users/me.")
        return user

    async def set_available(self, available: bool) -> bool:
        """Out of Office off (available) or on from today with a replacement; then read back."""
        doing = "changing your out-of-office state"
        user = await self._my_user(doing)
        body = out_of_office_body(available, self.today(), self.away_days, self.replacement_id, user)
        await availability_request(self.client, "PUT", f"{self.prefix}/users/out_of_office", vendor="Zammad",
                                   doing=doing, advice=OUT_OF_OFFICE_ADVICE, json=body)
        return await self.get_available()

    async def get_available(self) -> bool:
        return not is_out_of_office(await self._my_user("reading your out-of-office state"), self.today())

    async def list_canned(self) -> list[CannedReply]:
        """Active text modules, their `#{…}` variables turned into supportterm placeholders."""
        replies: list[CannedReply] = []
        page = 1
        while True:
            rows = _list(await self._json("GET", "/text_modules", "fetching text modules",
                                          params={"page": page, "per_page": PAGE}), "text module list")
            replies += [_parse(canned_from_zammad, r, "text module") for r in rows if r.get("active", True)]
            if len(rows) < PAGE:
                return replies
            page += 1


def _number(options: Mapping[str, object], name: str, default: str) -> float:
    try:
        return float(str(options.get(name, default)))
    except ValueError:
        raise ConfigError(f"Zammad option {name} must be a number.") from None


def _server_now(response: httpx.Response) -> datetime:
    """The helpdesk's clock (Date header), so index lag is measured on the server's time."""
    try:
        return parsedate_to_datetime(response.headers["Date"]).astimezone(timezone.utc)
    except (KeyError, TypeError, ValueError):
        return datetime.now(timezone.utc)


def _total(data: Any) -> int:
    """The answer to `only_total_count`: {"total_count": N}."""
    if not isinstance(data, dict) or not isinstance(data.get("total_count"), int):
        raise BackendError("Zammad sent a malformed ticket count.")
    return int(data["total_count"])


def _error_text(response: httpx.Response) -> str:
    """Zammad's error body: {"error": "...", "error_human": "..."}."""
    try:
        data = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    if isinstance(data, dict):
        return str(data.get("error_human") or data.get("error") or f"HTTP {response.status_code}")[:200]
    return f"HTTP {response.status_code}"


def _list(data: Any, what: str) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
        raise BackendError(f"Zammad sent a malformed {what} (expected a JSON array of objects).")
    return data


_parse = partial(parse_or_fail, "Zammad")
"""Parse one part of an answer; a malformed part is a plain BackendError (backends/http.py)."""


def _time(value: Any) -> datetime | None:
    return parse_time(str(value)) if value else None


def status_from_zammad(data: dict[str, Any]) -> Status:
    """By state name (expanded answers), else by the default state ids; unknown states count as open."""
    name = str(data.get("state") or STATE_BY_ID.get(int(data.get("state_id") or 0), "open"))
    return STATE_FROM_Z.get(name.lower(), Status.OPEN)


def _priority(data: dict[str, Any]) -> Priority:
    named = priority_from_name(str(data.get("priority") or ""))
    return named or PRIORITY_BY_ID.get(int(data.get("priority_id") or 2), Priority.NORMAL)


def _due(data: dict[str, Any]) -> datetime | None:
    """The next escalation: Zammad's own `escalation_at`, else the earliest of its three parts."""
    if data.get("escalation_at"):
        return _time(data["escalation_at"])
    parts = [_time(data.get(k)) for k in ("first_response_escalation_at", "update_escalation_at",
                                          "close_escalation_at")]
    return min((p for p in parts if p), default=None)


def ticket_from_zammad(data: dict[str, Any]) -> tuple[Ticket, list[Person]]:
    """A Zammad ticket (expanded, or with ids only) as a domain Ticket plus the people it names."""
    created, updated = _time(data["created_at"]), _time(data["updated_at"])
    if created is None or updated is None:
        raise ValueError("ticket without timestamps")
    owner = int(data.get("owner_id") or NOBODY)
    kind = str(data.get("create_article_type") or "email").lower()
    ticket = Ticket(
        id=str(data["id"]), subject=str(data.get("title") or ""), status=status_from_zammad(data),
        priority=_priority(data), channel=CHANNEL_FROM_TYPE.get(kind, Channel.EMAIL),
        requester_id=str(data["customer_id"]), assignee_id=str(owner) if owner != NOBODY else None,
        created_at=created, updated_at=updated, due_at=_due(data), version=str(data["updated_at"]),
        last_customer_at=_time(data.get("last_contact_customer_at")),
        last_agent_at=_time(data.get("last_contact_agent_at")),
        message_count=int(data.get("article_count") or 0),
    )
    people = []
    customer = str(data.get("customer") or "")
    if customer:
        people.append(Person(id=str(data["customer_id"]), name=customer, role=Role.CUSTOMER,
                             email=customer if "@" in customer else None,
                             organization=data.get("organization") or None))
    if owner != NOBODY and data.get("owner") and data["owner"] != "-":
        login = str(data["owner"])
        people.append(Person(id=str(owner), name=login, role=Role.AGENT,
                             email=login if "@" in login else None))
    return ticket, people


def _display_name(sender: str) -> str | None:
    """"Bob Smith <bob@example.com>" → "Bob Smith"; a bare address stays as it is."""
    name = sender.split("<", 1)[0].strip().strip('"')
    return name or sender.strip() or None


def message_from_zammad(data: dict[str, Any]) -> Message:
    """An article; Customer-sent ones are the customer's, Agent and System ones the team's."""
    created = _time(data["created_at"])
    if created is None:
        raise ValueError("article without created_at")
    sender = str(data.get("sender") or SENDER_BY_ID.get(int(data.get("sender_id") or 0), "Agent"))
    body = str(data.get("body") or "")
    if str(data.get("content_type") or "").lower().startswith("text/html"):
        body = html_to_text(body)
    author = data.get("origin_by_id") or data.get("created_by_id") or ""
    return Message(
        id=str(data["id"]), ticket_id=str(data["ticket_id"]), author_id=str(author),
        author_role=Role.CUSTOMER if sender == "Customer" else Role.AGENT,
        visibility=Visibility.INTERNAL if data.get("internal") else Visibility.PUBLIC,
        body=body, created_at=created, author_name=_display_name(str(data.get("from") or "")),
    )


def canned_from_zammad(data: dict[str, Any]) -> CannedReply:
    """A text module; known `#{…}` variables become `{{…}}` placeholders, unknown ones plain text."""
    text = html_to_text(str(data.get("content") or ""))

    def placeholder(match: re.Match[str]) -> str:
        known = PLACEHOLDERS.get(match.group(1))
        return "{{" + known + "}}" if known else match.group(1)

    keywords = tuple(k.strip() for k in str(data.get("keywords") or "").split(",") if k.strip())
    return CannedReply(id=f"zammad:{data['id']}", title=str(data.get("name") or data["id"]),
                       body=VARIABLE.sub(placeholder, text), tags=keywords)
