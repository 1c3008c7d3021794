"""Provides SupportTermApp: wiring of store, sync engine, screens, timers and the error hub.

The app reads the local store for everything it shows and starts the sync engine in a worker after
the first paint, so the inbox appears from the cache even when the helpdesk is slow or gone.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from supportterm.config import Profile, Settings
from supportterm.domain.text import inert, one_line
from supportterm.errors import SupportTermError
from supportterm.i18n import _
from supportterm.logs import log_path, redact, remember_secret
from supportterm.store.db import Store
from supportterm.sync.events import OutboxChanged, SyncEvent, SyncStatus
from supportterm.sync.governor import Governor
from supportterm.ui import activity, collector, keymaps, theming
from supportterm.ui.commands import ActionProvider, ThemeProvider, TicketJumpProvider, ViewProvider
from supportterm.ui.messages import InboxPainted, SyncEventReceived
from supportterm.ui.screens.help import HelpScreen
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    import httpx

    from supportterm.sync.engine import SyncEngine
    from supportterm.ui.reminders import Reminders


_log = logging.getLogger(__name__)


def _account_provider() -> type[Provider]:
    """The account switcher's palette entries, imported when the palette first opens (not at start-up)."""
    from supportterm.ui.account_switch import AccountProvider

    return AccountProvider


class SupportTermApp(App[int]):
    """The agent's workspace for one profile."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {TicketJumpProvider, ViewProvider, ActionProvider, ThemeProvider,
                               _account_provider}
    TITLE = "supportterm"
    BINDINGS = [
        Binding("question_mark", "help", _("Help"), id="app.help",
                tooltip=_("Show every key of this screen")),
        Binding("R", "sync_now", _("Sync"), id="app.sync", tooltip=_("Sync with the helpdesk now")),
        Binding("ctrl+q", "quit", _("Quit"), id="app.quit", show=False, priority=True),
        Binding("T", "shift_toggle", _("Shift start/stop"), id="shift.toggle", show=False,
                tooltip=_("Start a shift, or stop it and see the summary")),
        Binding("B", "shift_break", _("Break/resume"), id="shift.break", show=False,
                tooltip=_("Take a break, or come back from one")),
        Binding("W", "shift_screen", _("Shift summary"), id="shift.summary", show=False,
                tooltip=_("Shift numbers, export, hand-off note")),
    ]

    def __init__(
        self,
        *,
        profile: Profile,
        store: Store,
        token: str | None = None,
        token_lookup: Callable[[Profile], str | None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        auto_sync: bool = True,
        sync_interval_s: float = 30.0,
        clock: Callable[[], datetime] | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(ansi_color=True if theming.no_color() else None)  # NO_COLOR: see theming
        self.profile = profile
        self.store = store
        self.engine: SyncEngine | None = None
        self._token = token
        remember_secret(token)
        self._token_lookup = token_lookup
        self._transport = transport
        self._auto_sync = auto_sync
        self._exit_after_paint = os.environ.get("SUPPORTTERM_EXIT_AFTER_PAINT") == "1"
        self.sub_title = profile.name
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(timezone.utc))
        """Injected time, so tests and snapshots freeze it."""
        self.last_status: SyncStatus | None = None
        """The latest link state, for status bars of screens opened later."""
        self.outbox_pending = 0
        self.last_activity: datetime | None = None
        self._canned: list[object] | None = None
        self.settings = settings or Settings(sync_interval_s=sync_interval_s)
        self.governor = Governor(interval_s=self.settings.sync_interval_s)
        self.prefetch_count = self.settings.prefetch
        """How many threads at the top of the inbox are fetched ahead of being opened."""
        self._next_sync: Timer | None = None
        self.reminders: Reminders | None = None
        """SLA and follow-up announcements; started after the first paint."""
        self._theme_notes = theming.install_themes(self, self.settings.theme)

    def on_mount(self) -> None:
        if not self.is_headless:
            theming.fit_terminal(self, self.settings.theme)
        keymap = keymaps.effective_keymap(self.settings.keymap_preset, self.settings.keymap)
        if keymap:
            self.set_keymap(keymap)
        for note in self._theme_notes:
            self.notify(note, title=_("Themes"), severity="warning", timeout=10)
        # After the mount: Textual runs the app's Mount inside a batch that drops every paint, so an
        # inbox pushed here painted nothing visible and "painted" (InboxPainted) could come first.
        self.call_later(self.push_screen, InboxScreen(self.settings.views))

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The app's own colours for themes that do not define them (Textual's, users' minimal ones)."""
        return theming.app_defaults(self.current_theme)

    def watch_theme(self, name: str) -> None:
        """Redraw ANSI-coloured cells (SLA, priority, findings) with the new theme's palette."""
        theming.use_palette(self, name)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: object) -> None:
        """A remapped key that collides with another binding: say so once instead of failing silently."""
        keys = ", ".join(sorted(b.key for b in clashed_bindings))
        self.notify(_("Key clash in [keymap]: {keys} is bound twice.").format(keys=keys), severity="warning",
                    timeout=6)

    @on(InboxPainted)
    def _inbox_painted(self) -> None:
        if self._exit_after_paint:
            self.exit(0)
            return
        if collector.settle():  # start-up's objects are in place: freeze them (ui/collector.py)
            self.set_interval(collector.IDLE_S, collector.collect_when_idle, name="idle-gc")
        if self.engine is None:
            self.start_engine()
        self.start_reminders()

    @work(exclusive=True, group="engine", exit_on_error=False, description="Connecting")
    async def start_engine(self) -> None:
        """Build the engine after the first paint (httpx and the keyring cost ~0.5 s to import)."""
        from supportterm.sync.session import build_engine

        token = self._token
        if token is None and self._token_lookup is not None:
            token = self._token_lookup(self.profile)
        self.engine = build_engine(
            self.profile, self.store, token=token, on_event=self._post_sync_event, transport=self._transport,
            clock=self.clock,
        )
        self.sync_now()

    async def stop_engine(self) -> None:
        """Stop syncing and close the engine (switching account); the store stays open."""
        for group in ("engine", "sync", "prefetch"):
            self.workers.cancel_group(self, group)
        if self._next_sync is not None:
            self._next_sync.stop()
            self._next_sync = None
        engine, self.engine = self.engine, None
        if engine is not None:
            from supportterm.sync.session import close_engine

            await close_engine(engine)

    def use_profile(self, profile: Profile, store: Store) -> None:
        """Work in another profile from now on; its engine starts when its inbox has painted."""
        self.profile, self.store, self._token, self._canned = profile, store, None, None
        self.sub_title = profile.name
        self.last_status, self.outbox_pending = None, 0

    def _post_sync_event(self, event: SyncEvent) -> None:
        self.post_message(SyncEventReceived(event))

    @on(SyncEventReceived)
    def _forward_sync_event(self, message: SyncEventReceived) -> None:
        if isinstance(message.event, SyncStatus):
            self.last_status = message.event
        elif isinstance(message.event, OutboxChanged):
            self.outbox_pending = message.event.pending
        # Screens below the top one refresh when they are shown again; the top one reacts now.
        for screen in self.screen_stack:
            screen.post_message(SyncEventReceived(message.event))
            for bar in screen.query(StatusBar):
                bar.post_message(SyncEventReceived(message.event))

    def action_sync_now(self) -> None:
        """Sync at once (the agent pressed R)."""
        self.notify(_("Syncing…"), timeout=1.5)
        self.governor.activity()
        self.sync_now()

    def sync_now(self) -> None:
        """Start a sync cycle in a worker; the governor schedules the next one after it."""
        if self.engine is not None:
            if self._next_sync is not None:
                self._next_sync.stop()
                self._next_sync = None
            self._sync_cycle()

    @work(exclusive=False, group="sync", exit_on_error=False, description="Syncing")
    async def _sync_cycle(self) -> None:
        if self.engine is None:
            return
        report = await self.engine.sync_once()
        if report.error is None:
            self.prefetch()
        if not self._auto_sync:
            return
        delay = self.governor.next_delay(report)
        if report.error is not None:
            again = _("Retrying in {seconds} s.").format(seconds=f"{delay:.0f}")
            retry = SyncStatus(online=report.online, message=f"{report.error} {again}",
                               meter=self.engine.meter.snapshot())
            self.post_message(SyncEventReceived(retry))
        if self._next_sync is not None:
            self._next_sync.stop()
        self._next_sync = self.set_timer(delay, self.sync_now, name="auto-sync")

    def prefetch(self) -> None:
        """Fetch in the background the threads at the top of the inbox, so they open instantly."""
        inbox = next((s for s in self.screen_stack if isinstance(s, InboxScreen)), None)
        if self.engine is not None and inbox is not None and self.prefetch_count > 0:
            self._prefetch(inbox.ticket_ids[: self.prefetch_count])

    @work(exclusive=True, group="prefetch", exit_on_error=False, description="Prefetching threads")
    async def _prefetch(self, ticket_ids: list[str]) -> None:
        if self.engine is not None:
            await self.engine.prefetch_threads(ticket_ids)

    def push_outbox(self) -> None:
        """Deliver queued actions now (after the agent sent something)."""
        self.governor.activity()
        if self.engine is not None:
            self._push_cycle()

    @work(exclusive=False, group="sync", exit_on_error=False, description="Sending")
    async def _push_cycle(self) -> None:
        if self.engine is not None:
            await self.engine.push()

    @work(exclusive=True, group="shift", exit_on_error=False, description="Shift")
    async def action_shift_toggle(self) -> None:
        """Start a shift (hand-off note, availability), or stop it (summary, note posted, away)."""
        from supportterm.ui import shift_flow

        await shift_flow.toggle(self)

    @work(exclusive=True, group="shift", exit_on_error=False, description="Break")
    async def action_shift_break(self) -> None:
        """Take a break, or resume after one."""
        from supportterm.ui import shift_flow

        await shift_flow.toggle_break(self)

    def start_reminders(self) -> None:
        """Start the timer that announces SLA risks, breaches and due follow-ups (ui/reminders.py)."""
        from supportterm.ui.reminders import EVERY_S, FIRST_AFTER_S, Reminders

        if self.reminders is None:
            self.reminders = Reminders(self)
            self.set_timer(FIRST_AFTER_S, self.check_reminders, name="reminders-first")
            self.set_interval(EVERY_S, self.check_reminders, name="reminders")

    @work(exclusive=True, group="reminders", exit_on_error=False, description="SLA and follow-ups")
    async def check_reminders(self) -> None:
        """One run of the reminder timer (reads and writes only the local store), in a pause of the
        agent's typing: its thread would slow every key meanwhile (ui/activity.py)."""
        from supportterm.ui.reminders import WAIT_FOR_QUIET_AT_MOST_S

        await activity.wait_for_quiet(at_most_s=WAIT_FOR_QUIET_AT_MOST_S)
        if self.reminders is not None:
            await self.reminders.check()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification is plain text: messages quote helpdesk answers and ticket content,
        which must never be read as markup (`[red]`, `[@click=...]`) nor reach the terminal raw."""
        super().notify(inert(message, limit=2000), title=one_line(title, limit=200), severity=severity,
                       timeout=timeout, markup=False)

    async def canned_library(self) -> list[object]:
        """The canned replies (starter packs, the user's folder, the helpdesk's), loaded once, off the
        UI thread; problems in the user's files are reported once."""
        if self._canned is None:
            import asyncio

            from supportterm import paths
            from supportterm.replies import load_library, merge

            replies, problems = await asyncio.to_thread(load_library, paths.config_dir() / "replies")
            if problems:
                self.notify("\n".join(str(p) for p in problems[:5]), title=_("Canned replies"),
                            severity="warning")
            server: list[object] = []
            if self.engine is not None:
                try:
                    server = await self.engine.backend.list_canned()
                except Exception as exc:  # noqa: BLE001 - the local library must work offline
                    self.log.warning(f"server canned replies unavailable: {exc!r}")
            self._canned = merge(replies, server) if server else list(replies)
        return self._canned

    def action_shift_screen(self) -> None:
        """Show the shift summary and hand-off note."""
        from supportterm.ui.screens.shift import ShiftScreen

        if not isinstance(self.screen, ShiftScreen):
            self.push_screen(ShiftScreen())

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """The one error hub: a failed worker becomes a plain message, never a traceback."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, SupportTermError):
            _log.warning("%s failed: %s", event.worker.name, error)
            self.notify(redact(str(error)), title=_(error.title), severity="error", timeout=8)
        else:
            _log.error("%s failed", event.worker.name, exc_info=error)
            self.notify(_("Something went wrong: {error}. Details: {log}").format(
                error=redact(repr(error))[:300], log=log_path()), title=_("Internal error"), severity="error")

    def _fatal_error(self) -> None:
        """An unhandled exception ends the app. Textual's own report prints every frame's local variables,
        the token among them; this one has no locals, secrets masked, and a copy goes to the log."""
        import sys
        import traceback

        from rich.text import Text

        error = sys.exc_info()[1] or self._exception
        details = "".join(traceback.format_exception(error)) if error is not None else "unknown error"
        details = inert(redact(details))
        _log.critical("supportterm crashed:\n%s", details)
        self.bell()
        self.panic(Text(f"supportterm crashed (secrets removed; a copy is in {log_path()}):\n\n{details}"))

    def _on_resize(self, event: events.Resize) -> None:
        """A size report that changes nothing is dropped here. Textual 8.2.8 keeps it and, when the app
        is next idle, sends every screen a Resize that re-lays out and repaints it whole: the driver's
        first size report, which arrives just after start-up, cost the inbox a second full paint
        (~20-30 ms of every start). Overrides Textual's private handler; tests/ui/test_app_resize.py
        keeps it honest."""
        if event.size == self._size and self._resize_timer is None:  # no other size on its way
            self._resize_event = None  # also the start-up one Textual could not deliver: no screen yet
            event.prevent_default()  # Textual's own handler (App._on_resize) would run next otherwise

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            activity.key_pressed()  # every key passes here first, bound or not
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A printable key reaches the app only if no text field took it: when one has the focus now,
        the key was queued for another widget before the focus moved (letters typed in one burst with
        "/"). Hand it to the field, so it is text, not lost (and never an inbox command). A text field is
        whatever would take the character (Input, an editable TextArea): asking it spares importing
        TextArea before the first paint. Any key also counts as activity for the shift clock's idle
        detection."""
        self.last_activity = self.clock()
        focused = self.focused
        if event.is_printable and focused is not None and focused.check_consume_key(event.key,
                                                                                    event.character):
            event.stop()
            focused.post_message(events.Key(event.key, event.character))

    async def action_quit(self) -> None:
        """Quit, first writing any reply text the autosave has not stored yet."""
        self.keep_open_drafts()
        await super().action_quit()

    def keep_open_drafts(self) -> None:
        # Only a TicketScreen has drafts; asked by method, so quitting from the inbox does not import the
        # ticket screen (~50 ms) on the way out.
        for screen in self.screen_stack:
            keep_draft_now = getattr(screen, "keep_draft_now", None)
            if keep_draft_now is not None:
                keep_draft_now()

    async def on_unmount(self) -> None:
        self.store.interrupt_readers()  # a view count still running must not hold up the exit
        self.keep_open_drafts()
        if self.engine is not None:
            from supportterm.sync.session import close_engine

            await close_engine(self.engine)
        from supportterm.ui.account_switch import close_switched_store

        close_switched_store(self)
