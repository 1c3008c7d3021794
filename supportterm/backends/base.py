"""Provides the contract every helpdesk adapter meets (DESIGN §3, "Backend interface").

Adapters are thin translators between one helpdesk's JSON and the domain model. They receive an
injected `httpx.AsyncClient` (made by `backends.http.make_client`, the test seam), keep no UI state and
no cache, and raise only `supportterm.errors` types.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from supportterm.domain.models import (
    Agent,
    Attachment,
    CannedReply,
    ChangeSet,
    Message,
    ReplyDraft,
    Ticket,
    TicketPatch,
)

if TYPE_CHECKING:
    import httpx


class Capability(enum.Flag):
    """What a backend can do beyond the required minimum, so the UI and sync adapt."""

    NONE = 0
    DELTA_SYNC = enum.auto()
    """`list_changed` resumes from a cursor and returns only what changed."""
    ETAG = enum.auto()
    """Conditional GETs: an idle poll costs a 304."""
    CONCURRENCY_TOKEN = enum.auto()
    """Writes can be refused when the ticket changed since the agent saw it."""
    INTERNAL_NOTES = enum.auto()
    CANNED_REPLIES = enum.auto()
    AGENTS_LIST = enum.auto()
    SLA_FIELDS = enum.auto()
    FIND_BY_MARKER = enum.auto()
    """`find_message` can tell whether a reply whose response was lost has landed."""
    FIELD_SELECTION = enum.auto()
    RECENT_FIRST = enum.auto()
    """`list_recent` gives the newest tickets in one request, for a quick first inbox screen."""
    NEWEST_FIRST = enum.auto()
    """A first `list_changed` run (cursor None) comes newest first, so its first small page is the
    inbox's first screen and nothing is fetched twice."""
    ATTACHMENTS = enum.auto()
    """Messages list their attachments and `fetch_attachment` downloads one on demand."""
    AVAILABILITY = enum.auto()
    """The helpdesk knows whether the agent takes tickets now: `set_available` and `get_available`."""


@dataclass(frozen=True, slots=True)
class BackendOption:
    """One configuration key an adapter accepts; drives validation, `doctor` and docs."""

    name: str
    help: str
    required: bool = False
    default: str | None = None
    secret: bool = False
    """Secret options live in the keyring, never in config."""


@dataclass(frozen=True, slots=True)
class OAuthEndpoints:
    """Where an adapter's helpdesk runs OAuth 2.0 sign-in (authorization code + PKCE), so `supportterm
    login` can run it without knowing the helpdesk. Paths are taken from the profile url's host."""

    authorize_path: str
    token_path: str
    scopes: tuple[str, ...] = ()
    json_token_request: bool = False
    """Send the token request as JSON instead of a form body."""
    client_id_option: str = "oauth_client_id"
    """The profile option naming the OAuth client an admin registered; OAuth is used only when it is set."""
    only_without_user: bool = True
    """A profile with a `user` signs in with an API token instead (e.g. Zendesk's e-mail/token)."""


class HelpdeskBackend(ABC):
    """One helpdesk, seen through the domain model."""

    NAME: ClassVar[str]
    """Equals the entry-point name in the `supportterm.backends` group."""
    OPTIONS: ClassVar[tuple[BackendOption, ...]] = ()
    CAPABILITIES: ClassVar[Capability] = Capability.NONE
    MAX_ATTACHMENT_BYTES: ClassVar[int] = 25 * 1024 * 1024
    """Largest attachment `fetch_attachment` downloads unless told otherwise (25 MiB, a mail limit)."""
    OAUTH: ClassVar[OAuthEndpoints | None] = None
    """Set when the helpdesk offers browser sign-in; `supportterm login` then runs the PKCE flow."""

    def __init__(
        self, options: Mapping[str, object], *, client: httpx.AsyncClient, token: str | None
    ) -> None:
        """Adapters must ignore unknown option keys and raise ConfigError on wrong ones."""
        self.options = dict(options)
        self.client = client
        self.token = token

    @abstractmethod
    async def whoami(self) -> Agent:
        """The signed-in agent. Raises AuthError when the credentials are refused."""

    @abstractmethod
    async def list_changed(self, cursor: str | None, *, limit: int = 500) -> ChangeSet:
        """Tickets changed after `cursor` (everything when None), one page at a time.

        The cursor is opaque to callers and may carry what the adapter needs for a cheap idle poll
        (an ETag, a timestamp). `ChangeSet.has_more` asks the caller to call again at once.
        """

    @abstractmethod
    async def get_thread(self, ticket_id: str, *, after: str | None = None) -> list[Message]:
        """The ticket's messages, oldest first; with `after`, only those newer than that message id.

        Raises NotFound when the ticket does not exist.
        """

    @abstractmethod
    async def post_message(
        self,
        ticket_id: str,
        draft: ReplyDraft,
        *,
        marker: str,
        expect_version: str | None = None,
    ) -> tuple[Message, Ticket | None]:
        """Post a public reply or internal note (and its status change) as the agent.

        `marker` is stored with the message when the helpdesk allows, for `find_message`.
        Raises ConflictError when `expect_version` is stale and the backend checks versions.
        """

    @abstractmethod
    async def update_ticket(
        self, ticket_id: str, patch: TicketPatch, *, expect_version: str | None = None
    ) -> Ticket:
        """Change status, priority or assignee. Raises ConflictError on a stale version."""

    async def list_recent(self, limit: int) -> ChangeSet:
        """The `limit` most recently updated tickets (with their people). Default: not supported."""
        raise NotImplementedError

    async def get_ticket(self, ticket_id: str) -> Ticket:
        """One ticket's list fields. Default: not supported."""
        raise NotImplementedError

    async def find_message(self, ticket_id: str, marker: str) -> Message | None:
        """The message posted with `marker`, if it landed. Default: scan the thread."""
        for message in await self.get_thread(ticket_id):
            if message.marker == marker or (message.body and marker in message.body):
                return message
        return None

    async def fetch_attachment(self, attachment: Attachment, *, limit: int | None = None) -> bytes:
        """The content of one attachment, read as a stream and refused past `limit` bytes
        (default `MAX_ATTACHMENT_BYTES`) with TooLargeError. Default: not supported."""
        raise NotImplementedError

    async def list_canned(self) -> list[CannedReply]:
        """Server-side canned replies (macros). Default: none."""
        return []

    async def set_available(self, available: bool) -> bool:
        """Mark the signed-in agent available (a shift starts) or not (it ends); returns the state the
        helpdesk now reports. Only called when `CAPABILITIES` has AVAILABILITY. Default: not supported."""
        raise NotImplementedError

    async def get_available(self) -> bool:
        """Whether the helpdesk shows the agent as available. Default: not supported."""
        raise NotImplementedError

    async def aclose(self) -> None:
        """Release adapter resources; the client itself is closed by its owner."""
