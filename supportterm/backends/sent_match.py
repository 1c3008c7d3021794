"""Provides `match_sent`: finding a reply this process sent, on a helpdesk that keeps no client marker.

When a reply's response was lost, the engine asks the adapter whether it landed before sending it again.
Helpdesks without a place for our marker (Zendesk, Help Scout, Zammad, Freshdesk, django-helpdesk, RT
without the marker field, mapped JSON helpdesks) can only be asked by content: the same text, author
and visibility, within ten minutes of sending. One rule for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from supportterm.domain.models import Message, Role, Visibility

WINDOW_S = 600
"""How far a message's time may be from when we sent it (the lost-response window)."""

Sent = tuple[str, Visibility, datetime]
"""(body, visibility, when) of a reply this process sent, kept by marker."""


def match_sent(
    thread: Iterable[Message], sent: Sent, marker: str, *, author_id: str | None
) -> Message | None:
    """The newest message of `thread` that is our `sent` reply, with `marker` set on it; else None.

    `author_id` is the agent's own id; None where the helpdesk cannot say who we are, and then any
    agent's message with the same text, visibility and time matches."""
    body, visibility, at = sent
    for message in reversed(list(thread)):
        if (message.body.strip() == body.strip() and message.visibility is visibility
                and (message.author_id == author_id if author_id is not None
                     else message.author_role is Role.AGENT)
                and abs((message.created_at - at).total_seconds()) < WINDOW_S):
            return replace(message, marker=marker)
    return None
