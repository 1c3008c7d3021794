"""Provides Composer: the reply box, with a label that says in words whether the customer will see it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.worker import get_current_worker

from supportterm.domain.models import Visibility
from supportterm.domain.text import editable
from supportterm.i18n import _
from supportterm.replies import Context, LibraryReply, Slot, render, render_text, unfilled
from supportterm.ui.widgets.lint_panel import LintPanel
from supportterm.ui.widgets.lint_text_area import LintTextArea

if TYPE_CHECKING:
    from supportterm.politeness import Finding, Report


class Composer(Vertical):
    """A TextArea plus a mode line: PUBLIC REPLY (the customer reads it) or INTERNAL NOTE."""

    DEFAULT_CSS = """
    Composer { height: 12; display: none; border-top: solid $primary; }
    Composer.-open { display: block; }
    Composer #composer-mode { height: 1; padding: 0 1; background: $success 30%; }
    Composer.-internal #composer-mode { background: $warning 40%; }
    Composer TextArea { height: 1fr; }
    Composer.-open { height: 16; }
    """

    BINDINGS = [
        Binding("ctrl+t", "canned", _("Canned reply"), id="composer.canned",
                tooltip=_("Insert a canned reply (or type :: in the text)")),
        Binding("ctrl+f", "apply_fix", _("Apply fix"), id="composer.apply_fix",
                tooltip=_("Apply the suggested rewrite of the problem at or after the cursor")),
        Binding("ctrl+n", "next_finding", _("Next problem"), id="composer.next_finding", show=False,
                tooltip=_("Move the cursor to the next highlighted problem or unfilled placeholder")),
    ]

    visibility: reactive[Visibility] = reactive(Visibility.PUBLIC)

    def __init__(self, *, context: Callable[[], Context] | None = None, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._make_context = context or Context
        """Builds the placeholder values from the open ticket, its customer and the agent."""
        self._lint_timer: Timer | None = None
        self._checked: tuple[str, Visibility] | None = None
        """What the findings shown were checked as: the text and the mode (an internal note is checked
        for secrets only, so the same text differs between modes)."""
        self.customer_text: str | None = None
        """The customer's last message, for the language-mismatch check and quoting."""
        self.allowed_emails: tuple[str, ...] = ()
        """Addresses the reply may mention without a secret finding: the open ticket's customer's own."""
        self._checker_error: str | None = None
        """The last checker failure announced (each is shown once, not on every keystroke)."""

    def compose(self) -> ComposeResult:
        yield Static(id="composer-mode")
        yield LintTextArea(id="composer-text", soft_wrap=True, tab_behavior="focus")
        yield LintPanel(id="composer-lint")

    @property
    def text_area(self) -> LintTextArea:
        """The editing widget (it highlights the findings in the text)."""
        return self.query_one("#composer-text", LintTextArea)

    def _show_mode(self, visibility: Visibility) -> None:
        internal = visibility is Visibility.INTERNAL
        self.set_class(internal, "-internal")
        mode = (
            _("INTERNAL NOTE — only the team sees this")
            if internal
            else _("PUBLIC REPLY — the customer will read this")
        )
        self.query_one("#composer-mode", Static).update(
            f"{mode}   "
            + _("ctrl+s send · ctrl+t canned · ctrl+o public/internal · esc close (draft kept)")
        )

    def open(self, visibility: Visibility, text: str | None = None) -> None:
        """Show the composer in a mode, optionally with text (a restored draft)."""
        self.visibility = visibility
        if text is not None and not self.text_area.text:
            self.text_area.load_text(editable(text))  # a TextArea draws control characters raw
        self.add_class("-open")
        self.text_area.focus()
        self._warm_up_checker()

    @work(thread=True, exclusive=True, group="politeness-warm-up", exit_on_error=False,
          description="Loading the checker")
    def _warm_up_checker(self) -> None:
        """Load the checker off the UI thread as the composer opens, so the first check is prompt.

        Loading takes a few tenths of a second, and each lexicon entry compiles the first time a text has
        the word it starts with: checking the draft, else the customer's last message (the same words
        in the same language, mostly), compiles what the first checks of the reply will need.
        """
        from supportterm.politeness import check

        check(self.text_area.text or self.customer_text or "")

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

    @property
    def lint(self) -> LintPanel:
        """The findings panel."""
        return self.query_one(LintPanel)

    @on(TextArea.Changed)
    def _schedule_lint(self) -> None:
        if self._lint_timer is not None:
            self._lint_timer.stop()
        self._lint_timer = self.set_timer(0.25, self.run_lint)

    def check_now(self) -> None:
        """Run the check without waiting for the typing pause (a pending debounced run is dropped)."""
        if self._lint_timer is not None:
            self._lint_timer.stop()
            self._lint_timer = None
        self.run_lint()

    def watch_visibility(self, visibility: Visibility) -> None:
        self._show_mode(visibility)
        if self.is_mounted:
            self.text_area.forget_reports()
            self.run_lint()

    @work(thread=True, exclusive=True, group="politeness", exit_on_error=False, description="Checking")
    def run_lint(self) -> None:
        """Run the checker off the UI thread; a newer run cancels this one."""
        text, visibility = self.text_area.text, self.visibility
        if not text.strip():
            self.app.call_from_thread(self._show_nothing)
            return
        from supportterm.politeness.lexicons import LexiconError

        try:
            report = self._check(text, visibility)
        except LexiconError as exc:  # an edited lexicon entry this text needs does not compile
            self.app.call_from_thread(self._checker_failed, str(exc))
            return
        if get_current_worker().is_cancelled or text != self.text_area.text:
            return  # the agent typed on: a fresh check is already scheduled
        self.app.call_from_thread(self._show_report, text, report, visibility)

    def _checker_failed(self, error: str) -> None:
        """Say once per distinct error that the checker cannot run (a broken lexicon entry, named)."""
        if error != self._checker_error:
            self._checker_error = error
            self.notify(_("The checker failed: {error}").format(error=error), severity="error", timeout=10)

    def _check(self, text: str, visibility: Visibility) -> Report:
        from supportterm.politeness import check

        return check(text, customer_text=self.customer_text, internal=visibility is Visibility.INTERNAL,
                     allowed_emails=self.allowed_emails)

    def known_errors(self) -> list[Finding] | None:
        """Error findings of the text as it is now, from the last report; None when that report does not
        cover this text (sent within the typing pause, or switched public/internal since): then
        `check_for_send` must run first."""
        if self._checked != (self.text_area.text, self.visibility):
            return None
        return self.lint.errors

    async def check_for_send(self) -> list[Finding]:
        """Check the text as it is now in a thread and show the report; its error findings.

        Never on the UI thread: the first check of a session may still import the checker or compile
        the lexicon entries its words need. The text is read-only meanwhile, so what was checked is
        what is sent."""
        text, visibility = self.text_area.text, self.visibility
        self.text_area.read_only = True
        try:
            report = await asyncio.to_thread(self._check, text, visibility)
        finally:
            self.text_area.read_only = False
        self._show_report(text, report, visibility)
        return self.lint.errors

    def _show_report(self, text: str, report: Report, visibility: Visibility) -> None:
        self._checked = (text, visibility)
        self.lint.show_report(text, report, self._fill_placeholders)
        self.text_area.show_findings(text, report.findings)
        self._follow_cursor()

    def _show_nothing(self) -> None:
        self._checked = None
        self.lint.clear()
        self.text_area.clear_findings()
        self._follow_cursor()

    @on(TextArea.SelectionChanged, "#composer-text")
    @on(TextArea.Changed, "#composer-text")
    def _follow_cursor(self) -> None:
        """Mark in the panel the finding the cursor is on, and list the placeholders left to fill."""
        area = self.text_area
        self.lint.follow(area.text, area.marks, area.mark_under_cursor())

    def action_apply_fix(self) -> None:
        """Rewrite the finding under the cursor (or the nearest after it, or the first) as one undoable
        edit; ctrl+z brings the original words back."""
        if self.text_area.apply_fix(self._fill_placeholders) is None:
            self.notify(_("No suggested rewrite to apply."))

    def _fill_placeholders(self, suggestion: str) -> str:
        """A rewrite may name a placeholder (`{{agent.name}}` for an impersonal signature): fill it from the
        ticket like a canned reply, so raw braces never reach the text (a missing value becomes ⟨name⟩)."""
        if "{{" not in suggestion:
            return suggestion
        return editable(render_text(suggestion, self._make_context()).text)

    def action_next_finding(self) -> None:
        """Put the cursor on the next highlighted span: a finding or an unfilled placeholder."""
        if self.text_area.go_to_next_mark() is None:
            self.notify(_("Nothing is highlighted in the text."))

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
        self.text_area.insert(editable(rendered.text))  # placeholders carry the customer's own words
        self.text_area.focus()
        if rendered.missing:
            names = ", ".join(f"⟨{slot.name}⟩" for slot in rendered.missing)
            self.notify(_("Fill in {names} before sending.").format(names=names), severity="warning",
                        timeout=6)
