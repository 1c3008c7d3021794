"""Provides the shape of a generic REST mapping: the checked dataclasses and the words it may use.

`generic_mapping` builds these from TOML and checks them; the adapter and its helpers only read them.
docs/generic-rest.md describes every key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from supportterm.backends.jsonpath import JsonPath
from supportterm.domain.models import Channel, Priority, Role, Status, Visibility

TICKET_FIELDS = {"id", "subject", "status", "priority", "channel", "language", "requester_id",
                 "requester_name", "requester_email", "assignee_id", "created_at", "updated_at", "due_at",
                 "version", "last_customer_at", "last_agent_at", "message_count", "tags"}
MESSAGE_FIELDS = {"id", "author_id", "author_role", "author_name", "visibility", "body", "created_at",
                  "marker"}
PERSON_FIELDS = {"id", "name", "email", "role", "organization", "language"}
AGENT_FIELDS = {"id", "name", "email"}
TIME_FIELDS = {"created_at", "updated_at", "due_at", "last_customer_at", "last_agent_at"}
DERIVABLE = {"created_at", "updated_at", "last_customer_at", "last_agent_at", "message_count"}
"""Ticket fields taken from the messages when the thread is embedded in the ticket and no path is given."""

VALUE_ENUMS: dict[str, type] = {"status": Status, "priority": Priority, "visibility": Visibility,
                                "channel": Channel, "role": Role}
"""Value maps (helpdesk value -> domain value) and the domain type each one maps into."""
OUT_ENUMS: dict[str, type] = {"status": Status, "priority": Priority, "visibility": Visibility}
AUTH_SCHEMES = ("bearer", "header", "basic", "none")
PAGING_STYLES = ("none", "page", "offset", "cursor", "link", "next_url")
DELTA_STYLES = ("snapshot", "param", "cursor")
CONCURRENCY_STYLES = ("none", "if_match", "compare")
FIND_STYLES = ("scan", "param", "body", "none")
PICKS = ("first", "last", "min", "max", "count", "all")
ENDPOINTS = ("whoami", "list", "show", "thread", "reply", "note", "update")
METHODS = ("GET", "POST", "PUT", "PATCH")

_COMMON_VARS = {"ticket_id", "user", "version"}
_STATUS_VARS = {"status"}
ENDPOINT_VARS: dict[str, set[str]] = {
    "whoami": {"user"},
    "list": {"user", "limit", "since"},
    "show": _COMMON_VARS,
    "thread": _COMMON_VARS | {"after", "marker"},
    "reply": _COMMON_VARS | {"body", "marker", "public", "visibility"} | _STATUS_VARS,
    "note": _COMMON_VARS | {"body", "marker", "public", "visibility"} | _STATUS_VARS,
    "update": _COMMON_VARS | _STATUS_VARS | {"priority", "assignee_id"},
}
"""Placeholders each endpoint's templates may use (plus the names the [out] tables define)."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one domain field is read from a JSON object."""

    paths: tuple[JsonPath, ...] = ()
    """One path; several make a composite value "a|b" (looked up in a value map)."""
    pick: str = "first"
    """Which of several values (a `[*]` path) to take: first, last, min, max, count or all."""
    const: Any = None
    """A fixed value instead of a path (`{ value = "web" }`)."""
    digest: bool = False
    """A short digest of every value the paths reach (an emulated version token)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One HTTP call: method, path template, query and body templates, and where the answer is."""

    name: str
    method: str
    path: str
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    items: JsonPath | None = None
    """Where the list of objects is (list, thread)."""
    result: JsonPath | None = None
    """Where the one object is (show, reply, note, update, whoami)."""
    ticket: JsonPath | None = None
    """Where the updated ticket is in a reply/note answer, when the helpdesk sends it."""
    people: JsonPath | None = None
    """Where a list answer's people are, when the helpdesk sends them beside the tickets."""


@dataclass(frozen=True, slots=True)
class Paging:
    """How a list answer says there is more, and how the next page is asked for."""

    style: str = "none"
    param: str | None = None
    """Query parameter of the page number, offset or cursor."""
    next: JsonPath | None = None
    """Where the next cursor (cursor) or the next page's URL (next_url) is."""
    more: JsonPath | None = None
    """Optional: a boolean saying there is another page."""
    total: JsonPath | None = None
    """Optional: the total number of items (page, offset)."""
    start: int = 1
    size_param: str | None = None
    max_size: int = 100


@dataclass(frozen=True, slots=True)
class Delta:
    """How a later sync asks only for what changed."""

    style: str = "snapshot"
    param: str | None = None
    """Query parameter of the high-water timestamp (style `param`), e.g. updated_since."""
    field: str = "updated_at"
    """Ticket field whose newest value is the next high-water mark (style `param`)."""
    etag: bool = False
    """Send If-None-Match with the tag of the last complete run, so an idle poll is one 304."""


@dataclass(frozen=True, slots=True)
class Auth:
    """How the secret travels: a bearer token, a header from a template, or HTTP Basic."""

    scheme: str = "bearer"
    header: str = "Authorization"
    template: str = "Bearer {token}"


@dataclass(frozen=True, slots=True)
class ThreadRules:
    """How messages are read and who wrote them."""

    embedded: bool = False
    """The ticket object holds its messages (at endpoints.thread.items); no thread endpoint."""
    first_is_customer: bool = False
    """The opening message is the customer's whatever its author field says."""
    skip_empty: bool = False
    """Leave out messages without text (status-change records)."""
    after_param: str | None = None
    """Query parameter that asks the helpdesk for messages after an id; else filtered here."""


@dataclass(frozen=True, slots=True)
class RestMapping:
    """A checked mapping, ready for the adapter."""

    source: str
    """The file it came from (or "inline mapping"), named in every error."""
    name: str
    api: str
    time_format: str
    auth: Auth
    endpoints: dict[str, Endpoint]
    paging: Paging
    delta: Delta
    thread: ThreadRules
    ticket: dict[str, FieldSpec]
    message: dict[str, FieldSpec]
    person: dict[str, FieldSpec]
    agent: dict[str, FieldSpec]
    values: dict[str, dict[str, str]]
    out: dict[str, dict[str, Any]]
    concurrency: str = "none"
    find: str = "scan"
    find_param: str | None = None
