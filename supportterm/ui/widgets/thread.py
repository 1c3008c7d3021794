"""Provides MessageView: one message of a thread, labelled PUBLIC / INTERNAL NOTE / CUSTOMER in words,
so the difference never rests on colour alone."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from supportterm.domain.attachments import attachment_line
from supportterm.domain.mail import readable, split_quoted
from supportterm.domain.models import Message, Role, Visibility
from supportterm.domain.mood import is_angry
from supportterm.domain.text import inert, one_line
from supportterm.i18n import _
from supportterm.ui import format as fmt

SHOWN_CHARS = 20_000
"""Characters of one body shown in the thread; a 10 MB body must not freeze the screen (the rest is one
key away, in the full-text screen)."""
READ_AHEAD = 4
"""How much more raw body than is shown gets converted: HTML shrinks a lot when its tags go."""
FULL_TEXT_KEY = "v"


def kilobytes(text: str) -> int:
    """Size of `text` in whole KB of UTF-8, at least 1."""
    return max(1, len(text.encode("utf-8", "replace")) // 1024)


def body_text(message: Message, *, show_quoted: bool = False) -> tuple[Text, bool, str]:
    """(what the thread shows of a body, whether it was cut, the new part without quoted history).

    Only a bounded slice of the body is read, converted and made inert, however long the message is.
    """
    raw = message.body
    source = raw[: SHOWN_CHARS * READ_AHEAD]
    body = readable(source)
    new, quoted = split_quoted(body)
    shown = new if quoted and not show_quoted else body
    cut = len(shown) > SHOWN_CHARS or len(raw) > len(source)
    text = Text(inert(shown[:SHOWN_CHARS]))
    if quoted and not show_quoted:
        hidden = _("{count} quoted lines hidden — z shows them").format(count=len(quoted.splitlines()))
        text.append("\n▸ " + hidden, style="dim italic")
    if cut:
        size = _("{shown} KB of {total} KB").format(shown=kilobytes(shown[:SHOWN_CHARS]),
                                                    total=f"{kilobytes(raw):,}")
        cut_note = _("Message cut at {size} — press {key} to read all of it").format(size=size,
                                                                                    key=FULL_TEXT_KEY)
        text.append("\n✂ " + cut_note, style="bold")
    return text, cut, new


def label(message: Message, *, state: str | None = None) -> str:
    """The words on a message's border: who, what kind, when, and its delivery state."""
    if message.visibility is Visibility.INTERNAL:
        kind = _("INTERNAL NOTE")
    elif message.author_role is Role.CUSTOMER:
        kind = _("CUSTOMER")
    else:
        kind = _("PUBLIC REPLY")
    who = one_line(message.author_name or message.author_id)
    suffix = f" · {_(state).upper()}" if state else ""
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
        text, cut, new = body_text(message, show_quoted=show_quoted)
        for attachment in message.attachments:  # listed only; `A` downloads one
            text.append(f"\n{attachment_line(attachment)}", style="bold")
        super().__init__(text)
        self.message = message
        self.cut = cut
        """Whether the body is longer than the thread shows (the full-text screen has the rest)."""
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
        # Content, not str: a str border title is parsed as markup, and the author's name is the customer's.
        warning = _("⚠ UPSET — take extra care · ") if angry else ""
        self.border_title = Content(warning + label(message, state=state))
        self.border_subtitle = _("{age} ago").format(age=fmt.age(message.created_at, now))
