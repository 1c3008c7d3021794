"""Provides Composer: the reply box, with a label that says in words whether the customer will see it."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static, TextArea

from supportterm.domain.models import Visibility
from supportterm.replies import Context, LibraryReply, Slot, render, unfilled


class Composer(Vertical):
    """A TextArea plus a mode line: PUBLIC REPLY (the customer reads it) or INTERNAL NOTE."""

    DEFAULT_CSS = """
    Composer { height: 12; display: none; border-top: solid $primary; }
    Composer.-open { display: block; }
    Composer #composer-mode { height: 1; padding: 0 1; background: $success 30%; }
    Composer.-internal #composer-mode { background: $warning 40%; }
    Composer TextArea { height: 1fr; }
    """

    BINDINGS = [
        Binding("ctrl+t", "canned", "Canned reply", id="composer.canned",
                tooltip="Insert a canned reply (or type :: in the text)"),
    ]

    visibility: reactive[Visibility] = reactive(Visibility.PUBLIC)

    def __init__(self, *, context: Callable[[], Context] | None = None, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._make_context = context or Context
        """Builds the placeholder values from the open ticket, its customer and the agent."""

    def compose(self) -> ComposeResult:
        yield Static(id="composer-mode")
        yield TextArea(id="composer-text", soft_wrap=True, tab_behavior="focus")

    @property
    def text_area(self) -> TextArea:
        """The editing widget."""
        return self.query_one("#composer-text", TextArea)

    def watch_visibility(self, visibility: Visibility) -> None:
        internal = visibility is Visibility.INTERNAL
        self.set_class(internal, "-internal")
        mode = (
            "INTERNAL NOTE — only the team sees this"
            if internal
            else "PUBLIC REPLY — the customer will read this"
        )
        self.query_one("#composer-mode", Static).update(
            f"{mode}   ctrl+s send · ctrl+t canned · ctrl+o public/internal · esc close (draft kept)"
        )

    def open(self, visibility: Visibility, text: str | None = None) -> None:
        """Show the composer in a mode, optionally with text (a restored draft)."""
        self.visibility = visibility
        if text is not None and not self.text_area.text:
            self.text_area.load_text(text)
        self.add_class("-open")
        self.text_area.focus()

    def close(self) -> None:
        """Hide the composer; its text stays (and is autosaved as a draft)."""
        self.remove_class("-open")

    @property
    def is_open(self) -> bool:
        """Whether the composer is shown."""
        return self.has_class("-open")

    def unfilled(self) -> tuple[Slot, ...]:
        """Placeholders of an inserted canned reply still waiting for a value (⟨name⟩ markers)."""
        return unfilled(self.text_area.text)

    @on(TextArea.Changed)
    def _maybe_canned(self) -> None:
        """`::` typed in the text opens the canned-reply picker (mutt/aerc users expect a trigger)."""
        area = self.text_area
        row, column = area.cursor_location
        line = area.document.get_line(row)
        if column >= 2 and line[column - 2 : column] == "::":
            area.delete((row, column - 2), (row, column))
            self.action_canned()

    def action_canned(self) -> None:
        """Open the picker; the chosen reply is rendered and inserted at the cursor."""
        self._pick_canned()

    @work(exclusive=True, group="canned", exit_on_error=False, description="Canned replies")
    async def _pick_canned(self) -> None:
        from supportterm.ui.screens.canned_picker import CannedPicker

        library = await self.app.canned_library()  # type: ignore[attr-defined]
        context = self._make_context()
        chosen: LibraryReply | None = await self.app.push_screen_wait(
            CannedPicker(library, language=context.reply_language)
        )
        if chosen is None:
            self.text_area.focus()
            return
        rendered = render(chosen, context)
        self.text_area.insert(rendered.text)
        self.text_area.focus()
        if rendered.missing:
            names = ", ".join(f"⟨{slot.name}⟩" for slot in rendered.missing)
            self.notify(f"Fill in {names} before sending.", severity="warning", timeout=6)
