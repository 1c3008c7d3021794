"""Provides CustomerPanel: who the customer is and what else they have asked, beside the thread."""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual.widgets import Static

from supportterm.domain.models import Ticket
from supportterm.domain.text import one_line
from supportterm.i18n import _
from supportterm.store import tickets as cache
from supportterm.ui import format as fmt

OTHER_TICKETS = 8


class CustomerPanel(Static):
    """Name, e-mail, organisation, language, channel, and the customer's other tickets."""

    DEFAULT_CSS = """
    CustomerPanel { width: 34; border-left: solid $primary; padding: 0 1; height: 1fr; }
    """

    def show(self, reader: sqlite3.Connection, ticket: Ticket) -> None:
        """Fill the panel from the store."""
        person = cache.get_person(reader, ticket.requester_id)
        text = Text()
        text.append(_("CUSTOMER") + "\n", style="bold")
        text.append(one_line(person.name if person else ticket.requester_id) + "\n", style="bold")
        if person and person.email:
            text.append(one_line(person.email) + "\n")
        if person and person.organization:
            text.append(one_line(person.organization) + "\n", style="italic")
        language = (person.language if person else None) or ticket.language or "?"
        text.append(_("writes in: {language}").format(language=one_line(language, limit=20)) + "\n")
        text.append(_("via: {channel}").format(channel=fmt.CHANNEL_LABEL[ticket.channel]) + "\n")
        others = cache.tickets_of(reader, ticket.requester_id, exclude=ticket.id, limit=OTHER_TICKETS)
        text.append("\n" + _("OTHER TICKETS ({count})").format(count=len(others)) + "\n", style="bold")
        for other in others:
            text.append(f"#{one_line(other.id, limit=20)} ", style="dim")
            status = _(fmt.STATUS_LABEL[other.status])
            text.append(f"{status:<7} ", style="bold" if other.status.is_active else "dim")
            room = max(8, self.size.width - 2 - len(other.id) - 10)
            subject = one_line(other.subject)
            text.append((subject if len(subject) <= room else subject[: room - 1] + "…") + "\n")
        if not others:
            text.append(_("none") + "\n", style="dim")
        self.update(text)
