"""Provides the ticket view's attachment picker and the download it starts.

The picker lists what the store knows (names are hostile, so they are shown as inert Content, never
as markup); the download runs in an app worker through the sync engine, so the UI never waits on the
network and a download goes on when the agent leaves the ticket.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from supportterm.domain.attachments import attachment_line
from supportterm.domain.models import Attachment, Message
from supportterm.domain.text import one_line
from supportterm.errors import SupportTermError
from supportterm.i18n import _
from supportterm.ui.screens.pickers import ChoicePicker

if TYPE_CHECKING:
    from textual.app import App


class AttachmentPicker(ChoicePicker):
    """A ChoicePicker whose labels are plain text: file names come from whoever wrote in."""

    DEFAULT_CSS = """
    AttachmentPicker { align: center middle; }
    AttachmentPicker OptionList { width: 72; height: auto; max-height: 16; border: round $primary; }
    """

    def compose(self) -> ComposeResult:
        picker = OptionList(*(Option(Content(label), id=value) for value, label in self._choices))
        picker.border_title = self._title
        yield picker


def files_of(thread: list[Message]) -> list[tuple[Message, Attachment]]:
    """Every attachment of a thread with its message, oldest message first."""
    return [(message, attachment) for message in thread for attachment in message.attachments]


def attachment_picker(files: list[tuple[Message, Attachment]]) -> AttachmentPicker:
    """A picker of the thread's files; the chosen value is the file's index in `files`."""
    choices = [
        (str(index), f"{attachment_line(attachment)} · {one_line(message.author_name or message.author_id)}")
        for index, (message, attachment) in enumerate(files)
    ]
    return AttachmentPicker(_("Attachments ({count}) — Enter downloads").format(count=len(files)), choices)


async def download(app: App[object], attachment: Attachment) -> None:
    """Fetch and save one attachment through the engine; tell the agent where it went, or why not."""
    name = one_line(attachment.filename, limit=80) or _("the attachment")
    engine = getattr(app, "engine", None)
    if engine is None:
        app.notify(_("Still connecting to the helpdesk; try again in a moment."), severity="warning")
        return
    app.notify(_("Downloading {name}…").format(name=name), timeout=2)
    try:
        path = await engine.fetch_attachment(attachment)
    except SupportTermError as exc:
        app.notify(str(exc), title=exc.title, severity="error", timeout=8)
        return
    except OSError as exc:
        app.notify(_("{name} could not be saved: {reason}.").format(name=name, reason=exc.strerror or exc),
                   title=_("Not saved"), severity="error", timeout=8)
        return
    app.notify(_("Saved to {path}").format(path=path), title=_("Downloaded"), timeout=8)
