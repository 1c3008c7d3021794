"""Provides Composer: the reply box, with a label that says in words whether the customer will see it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static, TextArea

from supportterm.domain.models import Visibility


class Composer(Vertical):
    """A TextArea plus a mode line: PUBLIC REPLY (the customer reads it) or INTERNAL NOTE."""

    DEFAULT_CSS = """
    Composer { height: 12; display: none; border-top: solid $primary; }
    Composer.-open { display: block; }
    Composer #composer-mode { height: 1; padding: 0 1; background: $success 30%; }
    Composer.-internal #composer-mode { background: $warning 40%; }
    Composer TextArea { height: 1fr; }
    """

    visibility: reactive[Visibility] = reactive(Visibility.PUBLIC)

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
            f"{mode}   ctrl+s send · ctrl+o public/internal · esc close (draft kept)"
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
