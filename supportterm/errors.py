"""Provides the error types every layer raises; the UI turns them into plain messages.

Backends translate transport and HTTP failures into these, so nothing above them sees httpx.
"""

from __future__ import annotations


class SupportTermError(Exception):
    """Base of every error the agent may see; `str(err)` is a plain sentence."""

    title = "Error"

    def __init__(self, message: str, *, title: str | None = None) -> None:
        super().__init__(message)
        if title is not None:
            self.title = title


class ConfigError(SupportTermError):
    """Configuration is missing or wrong; the message says which key and how to fix it."""

    title = "Configuration problem"


class AuthError(SupportTermError):
    """The helpdesk refused our credentials, or none are stored."""

    title = "Sign-in failed"


class BackendError(SupportTermError):
    """The helpdesk answered, but not with what we can use (bad status, malformed body)."""

    title = "Helpdesk error"


class OfflineError(BackendError):
    """The helpdesk could not be reached (connection refused, dropped, timed out)."""

    title = "Offline"

    def __init__(self, message: str, *, maybe_delivered: bool = True) -> None:
        super().__init__(message)
        self.maybe_delivered = maybe_delivered
        """False when the request surely never reached the server (the connection was refused)."""


class RateLimited(BackendError):
    """The helpdesk asked us to slow down; `retry_after` is in seconds when it said."""

    title = "Rate limited"

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ConflictError(BackendError):
    """The ticket changed on the server since the agent saw it; the write was refused."""

    title = "Ticket changed meanwhile"

    def __init__(self, message: str, *, server_version: str | None = None) -> None:
        super().__init__(message)
        self.server_version = server_version


class NotFound(BackendError):
    """The ticket or resource does not exist on the helpdesk (any more)."""

    title = "Not found"


class TooLargeError(BackendError):
    """A download is bigger than supportterm agreed to fetch; nothing of it was kept."""

    title = "Too large"


class StoreLockedError(SupportTermError):
    """Another supportterm process already owns this profile's cache."""

    title = "Already running"
