"""Provides the reading side of a generic mapping: JSON objects in, domain tickets, messages, people out.

Each domain field is read with its FieldSpec (JSON paths, pick, constant or digest), helpdesk values go
through the mapping's value maps, and timestamps through its time format. Anything the helpdesk sends
that the mapping cannot place raises ValueError; the adapter turns that into a BackendError.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from supportterm.backends.generic_schema import DERIVABLE, TIME_FIELDS, FieldSpec, RestMapping
from supportterm.domain.models import (
    Agent,
    Channel,
    Message,
    Person,
    Priority,
    Role,
    Status,
    Ticket,
    Visibility,
    parse_time,
    utc,
)

_ENUM_FIELDS = {"status": Status, "priority": Priority, "channel": Channel, "visibility": Visibility,
                "author_role": Role, "role": Role}
_MAP_OF = {"author_role": "role"}


def value_key(value: Any) -> str:
    """How a JSON value is spelled as a value-map key: null, true, false, 3, "open"."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_timestamp(value: Any, time_format: str) -> datetime | None:
    """A helpdesk timestamp as aware UTC; naive values are taken as UTC."""
    if value is None or value == "":
        return None
    if time_format == "epoch":
        return datetime.fromtimestamp(float(value), timezone.utc)
    if time_format == "epoch_ms":
        return datetime.fromtimestamp(float(value) / 1000, timezone.utc)
    if time_format == "iso8601":
        return parse_time(str(value))
    return utc(datetime.strptime(str(value), time_format))


def format_timestamp(value: datetime, time_format: str) -> str:
    """A timestamp as the helpdesk writes it (for the delta parameter)."""
    value = utc(value)
    if time_format == "epoch":
        return str(int(value.timestamp()))
    if time_format == "epoch_ms":
        return str(int(value.timestamp() * 1000))
    if time_format == "iso8601":
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.strftime(time_format)


def fingerprint(item: Any) -> str:
    """A short digest of a whole JSON object, to tell whether it changed between two reads."""
    return hashlib.sha1(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()[:12]


def _present(values: list[Any]) -> list[Any]:
    return [v for v in values if v is not None and v != "" and v != []]


def read_field(spec: FieldSpec, item: Any, time_format: str, name: str) -> Any:
    """One field's value as JSON (or a datetime for time fields); None when absent."""
    if spec.const is not None:
        return spec.const
    if spec.digest:
        parts = [path.values(item) for path in spec.paths]
        return hashlib.sha1(json.dumps(parts, default=str).encode()).hexdigest()[:16]
    if len(spec.paths) > 1:
        return "|".join(value_key(path.first(item)) for path in spec.paths)
    values = _present(spec.paths[0].values(item))
    if name in TIME_FIELDS:
        values = [parse_timestamp(v, time_format) for v in values]
    if spec.pick == "count":
        return len(values)
    if spec.pick == "all":
        return values
    if not values:
        return None
    if spec.pick == "min":
        return min(values)
    if spec.pick == "max":
        return max(values)
    return values[-1] if spec.pick == "last" else values[0]


def map_value(mapping: RestMapping, name: str, raw: Any) -> Any:
    """A helpdesk value through its value map into the domain enum; composite keys fall back to
    their leading parts ("3|true" -> "3"), and "*" catches everything else."""
    enum_type = _ENUM_FIELDS[name]
    table = mapping.values.get(_MAP_OF.get(name, name))
    key = value_key(raw)
    if table is None:
        return enum_type(key)
    parts = key.split("|")
    for size in range(len(parts), 0, -1):
        candidate = "|".join(parts[:size])
        if candidate in table:
            return enum_type(table[candidate])
    if "*" in table:
        return enum_type(table["*"])
    raise ValueError(f"{name} {key!r} is not in [values.{_MAP_OF.get(name, name)}] of {mapping.source}")


class Reader:
    """Reads the objects of one helpdesk with its mapping."""

    def __init__(self, mapping: RestMapping) -> None:
        self.mapping = mapping

    def _get(self, specs: dict[str, FieldSpec], item: Any, name: str) -> Any:
        spec = specs.get(name)
        return None if spec is None else read_field(spec, item, self.mapping.time_format, name)

    def _text(self, specs: dict[str, FieldSpec], item: Any, name: str) -> str | None:
        value = self._get(specs, item, name)
        return None if value is None else value_key(value)

    def messages(self, items: list[Any], ticket_id: str, requester: str | None) -> list[Message]:
        """A thread's messages, oldest first, under the mapping's thread rules."""
        out = []
        for index, item in enumerate(items):
            message = self.message(item, ticket_id, requester, first=index == 0)
            if self.mapping.thread.skip_empty and not message.body.strip():
                continue
            out.append(message)
        return sorted(out, key=lambda m: m.created_at)

    def message(self, item: Any, ticket_id: str, requester: str | None, first: bool = False) -> Message:
        """One message; customers' messages without an author are the requester's."""
        spec = self.mapping.message
        created = self._get(spec, item, "created_at")
        if not isinstance(created, datetime):
            raise ValueError("a message without its created_at time")
        if first and self.mapping.thread.first_is_customer:
            role = Role.CUSTOMER
        else:
            raw_role = self._get(spec, item, "author_role")
            role = (map_value(self.mapping, "author_role", raw_role) if "author_role" in spec
                    else Role.CUSTOMER)
        author = self._text(spec, item, "author_id")
        if role is Role.CUSTOMER and (first and self.mapping.thread.first_is_customer or author is None):
            author = requester or author
        visibility = (map_value(self.mapping, "visibility", self._get(spec, item, "visibility"))
                      if "visibility" in spec else Visibility.PUBLIC)
        return Message(
            id=_required(self._text(spec, item, "id"), "message id"), ticket_id=ticket_id,
            author_id=author or role.value, author_role=role, visibility=visibility,
            body=self._text(spec, item, "body") or "", created_at=created,
            author_name=self._text(spec, item, "author_name"), marker=self._text(spec, item, "marker"),
        )

    def ticket(self, item: Any) -> tuple[Ticket, Person]:
        """One ticket (with its requester); fields not mapped come from an embedded thread."""
        spec, mapping = self.mapping.ticket, self.mapping
        ticket_id = _required(self._text(spec, item, "id"), "ticket id")
        requester = _required(self._text(spec, item, "requester_id"), "requester_id")
        derived = self._derived(item, ticket_id, requester)
        times = {name: self._get(spec, item, name) if name in spec else derived.get(name)
                 for name in TIME_FIELDS}
        if not isinstance(times["created_at"], datetime) or not isinstance(times["updated_at"], datetime):
            raise ValueError(f"ticket {ticket_id} has no created_at/updated_at time")
        count = (self._get(spec, item, "message_count") if "message_count" in spec
                 else derived.get("message_count"))
        tags = self._get(spec, item, "tags") if "tags" in spec else ()
        ticket = Ticket(
            id=ticket_id, subject=self._text(spec, item, "subject") or "",
            status=map_value(mapping, "status", self._get(spec, item, "status")),
            priority=(map_value(mapping, "priority", self._get(spec, item, "priority"))
                      if "priority" in spec else Priority.NORMAL),
            channel=(map_value(mapping, "channel", self._get(spec, item, "channel"))
                     if "channel" in spec else Channel.WEB),
            requester_id=requester, language=self._text(spec, item, "language"),
            assignee_id=self._text(spec, item, "assignee_id"), version=self._text(spec, item, "version"),
            message_count=int(count or 0),
            tags=tuple(value_key(t) for t in (tags if isinstance(tags, list) else [tags] if tags else [])),
            **times,
        )
        name = self._text(spec, item, "requester_name")
        email = self._text(spec, item, "requester_email")
        return ticket, Person(id=requester, name=name or email or requester, role=Role.CUSTOMER, email=email)

    def _derived(self, item: Any, ticket_id: str, requester: str) -> dict[str, Any]:
        """Times and counts computed from the messages a ticket object carries (thread.embedded)."""
        if not self.mapping.thread.embedded or DERIVABLE <= set(self.mapping.ticket):
            return {}
        endpoint = self.mapping.endpoints["thread"]
        assert endpoint.items is not None
        messages = self.messages(endpoint.items.items(item) or [], ticket_id, requester)
        if not messages:
            return {}
        public = [m for m in messages if m.visibility is Visibility.PUBLIC]
        return {
            "created_at": messages[0].created_at, "updated_at": max(m.created_at for m in messages),
            "last_customer_at": max((m.created_at for m in public if m.author_role is Role.CUSTOMER),
                                    default=None),
            "last_agent_at": max((m.created_at for m in public if m.author_role is Role.AGENT),
                                 default=None),
            "message_count": len(messages),
        }

    def person(self, item: Any) -> Person:
        """One person from a list answer's people."""
        spec = self.mapping.person
        role = (map_value(self.mapping, "role", self._get(spec, item, "role")) if "role" in spec
                else Role.CUSTOMER)
        person_id = _required(self._text(spec, item, "id"), "person id")
        return Person(id=person_id, name=self._text(spec, item, "name") or person_id, role=role,
                      email=self._text(spec, item, "email"),
                      organization=self._text(spec, item, "organization"),
                      language=self._text(spec, item, "language"))

    def agent(self, item: Any, fallback: str) -> Agent:
        """The signed-in agent from the whoami answer."""
        spec = self.mapping.agent
        agent_id = self._text(spec, item, "id") or fallback
        return Agent(id=agent_id, name=self._text(spec, item, "name") or agent_id,
                     email=self._text(spec, item, "email"))


def with_marker(message: Message, marker: str) -> Message:
    """The message with the marker supportterm sent it with (the helpdesk may not store it)."""
    return replace(message, marker=marker)


def _required(value: str | None, what: str) -> str:
    if value is None or value == "":
        raise ValueError(f"no {what}")
    return value
