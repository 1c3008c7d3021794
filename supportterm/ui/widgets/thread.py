"""Provides MessageView: one message of a thread, labelled PUBLIC / INTERNAL NOTE / CUSTOMER in words,
so the difference never rests on colour alone."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from supportterm.domain.models import Message, Role, Visibility
from supportterm.domain.mail import readable, split_quoted
from supportterm.domain.mood import is_angry
from supportterm.domain.text import inert, one_line
from supportterm.ui import format as fmt

BODY_LIMIT = 20_000
"""Characters of one body shown at once; a 10 MB body must not freeze the screen."""


def label(message: Message, *, state: str | None = None) -> str:
    """The words on a message's border: who, what kind, when, and its delivery state."""
    if message.visibility is Visibility.INTERNAL:
        kind = "INTERNAL NOTE"
    elif message.author_role is Role.CUSTOMER:
        kind = "CUSTOMER"
    else:
        kind = "PUBLIC REPLY"
    who = one_line(message.author_name or message.author_id)
    suffix = f" · {state.upper()}" if state else ""
    return f"{kind} · {who}{suffix}"


class MessageView(Static):
    """One message, bordered and titled; the body is plain text, never markup."""

    DEFAULT_CSS = """
    MessageView { border: round $secondary; padding: 0 1; margin: 0 0 1 0; height: auto; }
    MessageView.-customer { border: round $primary; }
    MessageView.-public { border: round $success; }
    MessageView.-internal { border: heavy $warning; background: $warning 8%; }
    MessageView.-angry { border: round $error; border-title-color: $error; border-title-style: bold; }
    MessageView.-pending { border: dashed $accent; }
    MessageView.-problem { border: heavy $error; }
    """

    def __init__(
        self, message: Message, *, now: datetime, state: str | None = None, show_quoted: bool = False
    ) -> None:
        body = readable(message.body[: BODY_LIMIT * 4])
        new, quoted = split_quoted(body)
        text = Text(inert(new if quoted and not show_quoted else body, limit=BODY_LIMIT))
        if quoted and not show_quoted:
            text.append(f"\n▸ {len(quoted.splitlines())} quoted lines hidden — z shows them", style="dim italic")
        if len(message.body) > BODY_LIMIT * 4:
            text.append(f"\n… {len(message.body):,} characters in all; the rest is not shown", style="dim")
        super().__init__(text)
        self.message = message
        angry = message.author_role is Role.CUSTOMER and is_angry(new)
        if message.visibility is Visibility.INTERNAL:
            self.add_class("-internal")
        elif message.author_role is Role.CUSTOMER:
            self.add_class("-customer")
        else:
            self.add_class("-public")
        if state in ("queued", "sending"):
            self.add_class("-pending")
        elif state in ("failed", "conflict"):
            self.add_class("-problem")
        if angry:
            self.add_class("-angry")
        self.border_title = ("⚠ UPSET — take extra care · " if angry else "") + label(message, state=state)
        self.border_subtitle = f"{fmt.age(message.created_at, now)} ago"
