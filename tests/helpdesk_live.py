"""Provides `Live`: one running helpdesk in the conformance suite, and its own API for checks.

Kept apart from tests/live/conftest.py so the contract fakes in tests/contract can subclass it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from supportterm.domain.models import Status


@dataclass
class Live:
    """One running helpdesk: how supportterm signs in, and the helpdesk's own API for checks."""

    kind: str
    url: str
    token: str
    options: dict[str, object] = field(default_factory=dict)
    wrong: tuple[dict[str, object], str] = ({}, "wrong")
    """Options and secret the helpdesk must refuse."""
    path: str = ""
    """Path of the API under the server root (kept when the client goes through a proxy)."""

    def create_ticket(self, subject: str, body: str) -> str:
        raise NotImplementedError

    def thread(self, ticket_id: str) -> list[tuple[str, bool]]:
        """(body, public) of every message, as the helpdesk itself reports them."""
        raise NotImplementedError

    def status(self, ticket_id: str) -> Status:
        raise NotImplementedError

    def touch(self, ticket_id: str) -> None:
        """Someone else changes the ticket (a customer message or another agent's edit)."""
        raise NotImplementedError
