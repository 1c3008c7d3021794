"""Provides the strict placeholder set of canned replies and the values they take from a `Context`.

A placeholder is written `{{name}}` (spaces inside the braces are allowed). Only the names in
`PLACEHOLDERS` exist; anything else is an error when the library loads, with a "did you mean"
suggestion. A placeholder whose value is unknown is rendered as a visible marker such as
`⟨customer.first_name⟩`, never as raw braces, so the composer can highlight it and refuse to send.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from supportterm.domain.models import Person, Ticket

PLACEHOLDERS: tuple[str, ...] = (
    "customer.first_name",
    "customer.name",
    "customer.email",
    "agent.name",
    "agent.first_name",
    "ticket.id",
    "ticket.subject",
    "today",
    "next_update",
    "company",
)
"""Every placeholder a canned reply may use; nothing else is accepted."""

ALIASES: Mapping[str, str] = {
    "ticket.requester.first_name": "customer.first_name",
    "ticket.requester.name": "customer.name",
    "ticket.requester.email": "customer.email",
    "requester.first_name": "customer.first_name",
    "requester.name": "customer.name",
    "requester.email": "customer.email",
    "current_user.name": "agent.name",
    "current_user.first_name": "agent.first_name",
    "ticket.title": "ticket.subject",
    "ticket.account": "company",
}
"""Names used by helpdesks (Zendesk, Freshdesk, …) and what they are called here."""

PATTERN = re.compile(r"\{\{\s*([^{}\n]*?)\s*\}\}")
"""A `{{name}}` placeholder; group 1 is the name without the surrounding spaces."""

_SINGLE = re.compile(r"(?<!\{)\{\s*([a-z_]+(?:\.[a-z_]+)?)\s*\}(?!\})")
"""A known name in single braces (`{customer.first_name}`), as some helpdesks write it."""

MARKER_OPEN, MARKER_CLOSE = "⟨", "⟩"
_MARKER = re.compile(f"{MARKER_OPEN}([^{MARKER_OPEN}{MARKER_CLOSE}\\s]+){MARKER_CLOSE}")

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"),
    "az": ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
           "oktyabr", "noyabr", "dekabr"),
}


def marker(name: str) -> str:
    """The visible stand-in for a placeholder without a value: `⟨name⟩`."""
    return f"{MARKER_OPEN}{name}{MARKER_CLOSE}"


def find_markers(text: str) -> tuple[tuple[str, int, int], ...]:
    """(name, start, end) of every unfilled marker left in `text`, e.g. after the agent edited it."""
    return tuple((m.group(1), m.start(), m.end()) for m in _MARKER.finditer(text))


def suggest(name: str) -> str | None:
    """The known placeholder an unknown `name` most likely means, or None."""
    if name in ALIASES:
        return ALIASES[name]
    close = difflib.get_close_matches(name.lower(), PLACEHOLDERS, n=1, cutoff=0.6)
    if close:
        return close[0]
    tail = name.rsplit(".", 1)[-1]
    matches = [p for p in PLACEHOLDERS if p.rsplit(".", 1)[-1] == tail]
    return matches[0] if len(matches) == 1 else None


def single_brace_names(text: str) -> list[tuple[str, int]]:
    """(name, offset) of known placeholders written in single braces: probably a typo for `{{…}}`."""
    return [(m.group(1), m.start()) for m in _SINGLE.finditer(text) if m.group(1) in PLACEHOLDERS]


def normalise_server_body(text: str) -> str:
    """A server reply's body with helpdesk names (`{{ticket.requester.first_name}}`, `{name}`) mapped.

    Unknown `{{…}}` names stay; `render` turns them into markers the agent must fill.
    """
    def alias(m: re.Match[str]) -> str:
        name = m.group(1)
        return "{{" + ALIASES.get(name, name) + "}}"

    text = PATTERN.sub(alias, text)
    return _SINGLE.sub(lambda m: "{{" + m.group(1) + "}}" if m.group(1) in PLACEHOLDERS else m.group(0), text)


def format_date(day: date, language: str | None) -> str:
    """`day` written the way the customer's language writes dates (12 March 2025, 12 марта 2025 г.)."""
    months = _MONTHS.get(language or "")
    if months is None:
        return day.isoformat()
    month = months[day.month - 1]
    if language == "ru":
        return f"{day.day} {month} {day.year} г."
    return f"{day.day} {month} {day.year}"


def first_name(name: str | None) -> str | None:
    """The first word of a full name ("Leyla Məmmədova" → "Leyla"), or None when there is none."""
    if not name or not name.strip():
        return None
    return name.split()[0]


@dataclass(frozen=True)
class Context:
    """Provides what placeholders are filled from: the open ticket, its customer, the agent, the day.

    Every field may be None; the placeholders that depend on it are then left as markers.
    `filled` holds values the agent typed in the composer (`{"next_update": "today 16:00"}`) and
    beats everything else.
    """

    ticket: Ticket | None = None
    customer: Person | None = None
    agent_name: str | None = None
    today: date | None = None
    company: str | None = None
    language: str | None = None
    """Language of the reply (for dates); defaults to the ticket's, then the customer's."""
    next_update: str | None = None
    """When the agent promises the next update, as words ("today 16:00")."""
    filled: Mapping[str, str] = field(default_factory=dict)

    def with_values(self, values: Mapping[str, str]) -> Context:
        """A copy with these placeholder values set (unknown names are ignored by `values`)."""
        return replace(self, filled={**self.filled, **values})

    @property
    def reply_language(self) -> str | None:
        """The language the reply is written in, as far as the context knows."""
        if self.language:
            return self.language
        if self.ticket is not None and self.ticket.language:
            return self.ticket.language
        return self.customer.language if self.customer is not None else None

    def values(self) -> dict[str, str | None]:
        """Each placeholder's value; None (or blank) where it is unknown."""
        customer, ticket = self.customer, self.ticket
        out: dict[str, str | None] = {
            "customer.first_name": first_name(customer.name) if customer else None,
            "customer.name": customer.name if customer else None,
            "customer.email": customer.email if customer else None,
            "agent.name": self.agent_name,
            "agent.first_name": first_name(self.agent_name),
            "ticket.id": ticket.id if ticket else None,
            "ticket.subject": ticket.subject if ticket else None,
            "today": format_date(self.today, self.reply_language) if self.today else None,
            "next_update": self.next_update,
            "company": self.company,
        }
        out.update({k: v for k, v in self.filled.items() if k in out})
        return {k: (v if v and v.strip() else None) for k, v in out.items()}
