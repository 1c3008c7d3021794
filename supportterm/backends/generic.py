"""Provides the generic REST adapter: any JSON helpdesk, described by a TOML mapping instead of code.

The profile names the mapping (`mapping = "path/to/helpdesk.toml"`, relative to config.toml's folder,
or an inline table); `generic_mapping` checks it at construction, so a bad mapping is a ConfigError
before any request. This module only sequences HTTP calls; paging, delta bookkeeping, templates and
field reading live in the `generic_*` modules. docs/generic-rest.md is the user's guide, with a worked
mapping for django-helpdesk in docs/mappings/.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportterm.backends.base import BackendOption, Capability, HelpdeskBackend
from supportterm.backends.generic_delta import SyncState, end_page, keep_changed
from supportterm.backends.generic_fields import Reader, fingerprint, format_timestamp, with_marker
from supportterm.backends.generic_mapping import load_mapping
from supportterm.backends.generic_paging import first_position, last_cursor, next_position, page_request
from supportterm.backends.generic_schema import Endpoint, RestMapping
from supportterm.backends.generic_templates import render, render_path, render_query
from supportterm.backends.http import json_body, map_http_errors, raise_for_status
from supportterm.backends.sent_match import match_sent
from supportterm.domain.models import (
    Agent,
    ChangeSet,
    Message,
    Person,
    ReplyDraft,
    Ticket,
    TicketPatch,
    Visibility,
    parse_time,
)
from supportterm.errors import BackendError, ConfigError, ConflictError

if TYPE_CHECKING:
    import httpx

MAPPING_ENV = "SUPPORTTERM_MAPPING"


def capabilities_of(mapping: RestMapping) -> Capability:
    """What a helpdesk behind this mapping can do, as the sync engine and the UI see it."""
    caps = Capability.NONE
    flags = [
        (mapping.delta.style != "snapshot", Capability.DELTA_SYNC),
        (mapping.delta.etag, Capability.ETAG),
        (mapping.concurrency != "none", Capability.CONCURRENCY_TOKEN),
        ("note" in mapping.endpoints, Capability.INTERNAL_NOTES),
        ("due_at" in mapping.ticket, Capability.SLA_FIELDS),
        (mapping.find in ("param", "body") or (mapping.find == "scan" and "marker" in mapping.message),
         Capability.FIND_BY_MARKER),
    ]
    for present, flag in flags:
        if present:
            caps |= flag
    return caps


def _config_folder() -> Path | None:
    from supportterm.config import config_path

    return config_path().parent


class GenericRestBackend(HelpdeskBackend):
    """A JSON helpdesk described by a mapping (docs/generic-rest.md)."""

    NAME = "generic"
    OPTIONS = (
        BackendOption("url", "Site base URL; the mapping's `api` prefix is added", required=True),
        BackendOption("mapping", "TOML mapping file (beside config.toml, or $SUPPORTTERM_MAPPING) or inline "
                      "table", required=True),
        BackendOption("user", "user name, for Basic auth and the {user} placeholder"),
        BackendOption("token", "API token or password, as the mapping's auth scheme uses it", secret=True),
        BackendOption("agent_id", "your agent id, when the mapping has no whoami endpoint"),
    )

    def __init__(
        self, options: Mapping[str, object], *, client: httpx.AsyncClient, token: str | None
    ) -> None:
        super().__init__(options, client=client, token=token)
        # SUPPORTTERM_MAPPING stands in for the option with `--backend generic --url URL` (no profile).
        self.mapping = load_mapping(options.get("mapping") or os.environ.get(MAPPING_ENV), _config_folder())
        # Capabilities depend on the mapping, so they are set per instance; the engine reads them there.
        self.CAPABILITIES = capabilities_of(self.mapping)  # type: ignore[misc]
        self.reader = Reader(self.mapping)
        self.user = str(options["user"]) if options.get("user") else None
        self.agent_id = str(options["agent_id"]) if options.get("agent_id") else None
        self._sent: dict[str, tuple[str, Visibility, datetime]] = {}
        self._authenticate(token)

    def _authenticate(self, token: str | None) -> None:
        auth = self.mapping.auth
        if not token or auth.scheme == "none":
            return
        if auth.scheme == "basic":
            if not self.user:
                raise ConfigError(f"{self.mapping.source}: auth.scheme 'basic' needs the profile's user "
                                  "(user = \"...\" in the profile, or SUPPORTTERM_USER).")
            self.client.auth = (self.user, token)
        elif auth.scheme == "bearer":
            self.client.headers["Authorization"] = f"Bearer {token}"
        else:
            self.client.headers[auth.header] = auth.template.replace("{token}", token)

    # HTTP ------------------------------------------------------------------------------------------

    async def _call(
        self, endpoint: Endpoint, variables: dict[str, Any], what: str, *,
        params: dict[str, str] | None = None, url: str | None = None, headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One request to an endpoint with its templates filled; errors become supportterm errors."""
        variables = {"user": self.user, **variables}
        target: httpx.URL | str
        if url is not None:
            target = self.client.base_url.copy_with(raw_path=url.encode())
        else:
            path = render_path(endpoint.path, variables)
            if path is None:
                raise BackendError(f"{self.mapping.source}: endpoints.{endpoint.name}.path needs a value "
                                   f"that is not known while {what}.")
            target = self.mapping.api + path
        query = {} if url is not None else self._filled(endpoint, render_query, endpoint.query, variables)
        query.update(params or {})
        body = None if endpoint.body is None else self._filled(endpoint, render, endpoint.body, variables)
        async with map_http_errors(what):
            response = await self.client.request(endpoint.method, target, params=query or None,
                                                 json=body, headers=headers)
        if response.status_code != 304:
            raise_for_status(response)
        return response

    def _filled(self, endpoint: Endpoint, fill: Any, template: Any, variables: dict[str, Any]) -> Any:
        """A template filled in; a value that cannot take its conversion is a BackendError."""
        try:
            return fill(template, variables)
        except ValueError as exc:  # e.g. {assignee_id:int} given "agent-7"
            raise BackendError(f"A value cannot be written the way endpoints.{endpoint.name} of "
                               f"{self.mapping.source} asks ({exc}).") from exc

    async def _json(self, endpoint: Endpoint, variables: dict[str, Any], what: str, **kw: Any) -> Any:
        return json_body(await self._call(endpoint, variables, what, **kw), what)

    def _parse(self, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BackendError(f"The helpdesk's answer does not fit the mapping {self.mapping.source} "
                               f"({exc}).") from exc

    def _items(self, endpoint: Endpoint, data: Any, what: str) -> list[Any]:
        assert endpoint.items is not None
        items = endpoint.items.items(data)
        if items is None:
            raise BackendError(f"The helpdesk's answer while {what} has no list at '{endpoint.items.text}' "
                               f"(endpoints.{endpoint.name}.items of {self.mapping.source}).")
        return items

    def _one(self, endpoint: Endpoint, data: Any) -> Any:
        return data if endpoint.result is None else endpoint.result.first(data)

    # Reading ---------------------------------------------------------------------------------------

    async def whoami(self) -> Agent:
        """The agent from the whoami endpoint; without one, a one-item list checks the credentials."""
        fallback = self.agent_id or self.user or "API token"
        endpoint = self.mapping.endpoints.get("whoami")
        if endpoint is not None:
            data = self._one(endpoint, await self._json(endpoint, {}, "signing in"))
            return self._parse(self.reader.agent, data, fallback)
        await self._list_page(first_position(self.mapping.paging), None, 1, "signing in")
        return Agent(id=fallback, name=self.user or fallback)

    async def _list_page(
        self, position: dict[str, Any], since: str | None, size: int, what: str, etag: str | None = None
    ) -> httpx.Response:
        endpoint = self.mapping.endpoints["list"]
        request = page_request(self.mapping.paging, position, size)
        params = dict(request.params)
        delta = self.mapping.delta
        if since and delta.param and request.url is None:
            params[delta.param] = since
        headers = {"If-None-Match": etag} if etag else None
        return await self._call(endpoint, {"limit": size, "since": since}, what, params=params,
                                url=request.url, headers=headers)

    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        state = SyncState.load(cursor)
        mapping, what = self.mapping, "fetching changes"
        size = max(1, min(limit, mapping.paging.max_size))
        starting = state.starting
        position = state.pos if state.pos is not None else first_position(mapping.paging, state.server)
        since = self._since_text(state) if mapping.delta.style == "param" else None
        etag = state.etag if starting and mapping.delta.etag else None
        response = await self._list_page(position, since, size, what, etag)
        if response.status_code == 304:
            return ChangeSet(tickets=(), cursor=cursor, not_modified=True)
        data = json_body(response, what)
        items = self._items(mapping.endpoints["list"], data, what)
        parsed = [self._parse(self.reader.ticket, item) for item in items]
        people = self._people(data, [person for _, person in parsed])
        page = [(ticket, fingerprint(item)) for (ticket, _), item in zip(parsed, items, strict=True)]
        changed = keep_changed(mapping.delta.style, state, page, mapping.delta.field)
        nxt = next_position(mapping.paging, position, data, dict(response.links), len(items), size)
        tag = response.headers.get("ETag") if nxt is None else None
        end_page(state, mapping.delta.style, nxt, last_cursor(mapping.paging, data), tag)
        return ChangeSet(tickets=tuple(changed), people=people, cursor=state.dump(), has_more=nxt is not None)

    def _since_text(self, state: SyncState) -> str | None:
        stamp = parse_time(state.since) if state.since else None
        return None if stamp is None else format_timestamp(stamp, self.mapping.time_format)

    def _people(self, data: Any, requesters: list[Person]) -> tuple[Person, ...]:
        """People the answer lists beside its tickets, else the tickets' requesters."""
        found = {p.id: p for p in requesters}
        endpoint = self.mapping.endpoints["list"]
        if endpoint.people is not None:
            for item in endpoint.people.items(data) or []:
                person = self._parse(self.reader.person, item)
                found[person.id] = person
        return tuple(found.values())

    async def _ticket_json(self, ticket_id: str) -> Any:
        endpoint = self.mapping.endpoints["show"]
        data = await self._json(endpoint, {"ticket_id": ticket_id}, f"fetching #{ticket_id}")
        return self._one(endpoint, data)

    async def get_ticket(self, ticket_id: str) -> Ticket:
        return self._parse(self.reader.ticket, await self._ticket_json(ticket_id))[0]

    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        messages = await self._thread(ticket_id, after)
        return _after(messages, after)

    async def _thread(self, ticket_id: str, after: str | None, marker: str | None = None) -> list[Message]:
        endpoint, what = self.mapping.endpoints["thread"], f"fetching the thread of #{ticket_id}"
        if self.mapping.thread.embedded:
            item = await self._ticket_json(ticket_id)
            requester = self._parse(self.reader.ticket, item)[0].requester_id
            return self._parse(self.reader.messages, self._items(endpoint, item, what), ticket_id, requester)
        params = {}
        if after and self.mapping.thread.after_param:
            params[self.mapping.thread.after_param] = after
        if marker and self.mapping.find_param:
            params[self.mapping.find_param] = marker
        data = await self._json(endpoint, {"ticket_id": ticket_id, "after": after, "marker": marker}, what,
                                params=params)
        return self._parse(self.reader.messages, self._items(endpoint, data, what), ticket_id, None)

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        style = self.mapping.find
        if style == "none":
            return None
        if style == "param":
            found = [m for m in await self._thread(ticket_id, None, marker) if m.marker in (None, marker)]
            return with_marker(found[0], marker) if found else None
        if style == "body":
            return await self._find_by_body(ticket_id, marker)
        return await super().find_message(ticket_id, marker)

    async def _find_by_body(self, ticket_id: str, marker: str) -> Message | None:
        """For helpdesks that store no client marker: the same text, visibility and side, sent by this
        process within the lost-response window (backends/sent_match.py)."""
        sent = self._sent.get(marker)
        if sent is None:
            return None
        return match_sent(await self._thread(ticket_id, None), sent, marker, author_id=None)

    # Writing ---------------------------------------------------------------------------------------

    def _out(self, name: str, value: str | None) -> dict[str, Any]:
        """Template variables for a domain value through the mapping's [out] table."""
        if value is None:
            return {}
        table = self.mapping.out.get(name)
        if table is None:
            return {name: value}
        if value not in table:
            raise BackendError(f"{self.mapping.source}: [out.{name}] has no entry for '{value}', so it "
                               "cannot be sent to this helpdesk.")
        mapped = table[value]
        return dict(mapped) if isinstance(mapped, dict) else {name: mapped}

    async def _guard(self, ticket_id: str, expect_version: str | None) -> dict[str, str] | None:
        """The write's If-Match header, or (style compare) a fresh read that refuses a stale version."""
        if not expect_version or self.mapping.concurrency == "none":
            return None
        if self.mapping.concurrency == "if_match":
            return {"If-Match": expect_version}
        current = (await self.get_ticket(ticket_id)).version
        if current != expect_version:
            raise ConflictError(f"Ticket #{ticket_id} changed on the helpdesk meanwhile.",
                                server_version=current)
        return None

    async def post_message(
        self,
        ticket_id: str,
        draft: ReplyDraft,
        *,
        marker: str,
        expect_version: str | None = None,
    ) -> tuple[Message, Ticket | None]:
        public = draft.visibility is Visibility.PUBLIC
        endpoint = self.mapping.endpoints.get("reply" if public else "note")
        if endpoint is None:
            raise BackendError(f"{self.mapping.source} has no [endpoints.note]: notes cannot be sent.")
        variables = {"ticket_id": ticket_id, "body": draft.body, "marker": marker, "public": public,
                     "version": expect_version, **self._out("visibility", draft.visibility.value),
                     **self._out("status", draft.new_status.value if draft.new_status else None)}
        headers = await self._guard(ticket_id, expect_version)
        what = f"sending a {'reply' if public else 'note'} to #{ticket_id}"
        self._sent[marker] = (draft.body, draft.visibility, datetime.now(timezone.utc))
        try:
            data = await self._json(endpoint, variables, what, headers=headers)
        except ConflictError as exc:
            raise ConflictError(str(exc), server_version=None) from exc
        message = self._parse(self.reader.message, self._one(endpoint, data), ticket_id, None)
        if endpoint.ticket is not None and endpoint.ticket.first(data) is not None:
            ticket = self._parse(self.reader.ticket, endpoint.ticket.first(data))[0]
        else:
            ticket = await self.get_ticket(ticket_id)
        return with_marker(message, marker), ticket

    async def update_ticket(
        self, ticket_id: str, patch: TicketPatch, *, expect_version: str | None = None
    ) -> Ticket:
        endpoint = self.mapping.endpoints["update"]
        variables = {"ticket_id": ticket_id, "version": expect_version,
                     **self._out("status", patch.status.value if patch.status else None),
                     **self._out("priority", patch.priority.value if patch.priority else None),
                     "assignee_id": patch.assignee_id}
        headers = await self._guard(ticket_id, expect_version)
        if endpoint.body is not None and not self._filled(endpoint, render, endpoint.body, variables):
            return await self.get_ticket(ticket_id)
        try:
            response = await self._call(endpoint, variables, f"updating #{ticket_id}", headers=headers)
        except ConflictError as exc:
            raise ConflictError(str(exc), server_version=None) from exc
        data = json_body(response, f"updating #{ticket_id}") if response.content else None
        item = None if data is None else self._one(endpoint, data)
        if not isinstance(item, dict):
            return await self.get_ticket(ticket_id)
        return self._parse(self.reader.ticket, item)[0]


def _after(messages: list[Message], after: str | None) -> list[Message]:
    """Messages newer than `after` (the helpdesk may have filtered already; this is then a no-op)."""
    if after is None:
        return messages
    ids = [m.id for m in messages]
    if after in ids:
        return messages[ids.index(after) + 1:]
    if after.isdigit():
        return [m for m in messages if m.id.isdigit() and int(m.id) > int(after)]
    return messages
