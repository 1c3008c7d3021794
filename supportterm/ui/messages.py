"""Provides the Textual messages the app posts: sync events wrapped for the DOM, and intents."""

from __future__ import annotations

from textual.message import Message

from supportterm.sync.events import SyncEvent


class SyncEventReceived(Message, bubble=False):
    """A sync-engine event, delivered to each screen and status bar so they re-read the store.

    It does not bubble: the app fans it out, and a bubbling copy would come back to the app.
    """

    def __init__(self, event: SyncEvent) -> None:
        super().__init__()
        self.event = event


class InboxPainted(Message):
    """The inbox drew its first window from the cache (used by SUPPORTTERM_EXIT_AFTER_PAINT)."""
