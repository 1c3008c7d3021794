"""Provides StatusBar: the link state, what waits in the outbox, and what sync has moved."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.reactive import reactive
from textual.widgets import Static

from supportterm.domain.text import one_line
from supportterm.i18n import _
from supportterm.sync.events import OutboxChanged, SyncStatus
from supportterm.ui.messages import SyncEventReceived

TLS_OFF = "⚠ TLS NOT VERIFIED (verify_tls = false)"
"""Shown on every screen while the profile has certificate checks turned off."""


def _kb(count: int) -> str:
    return f"{count / 1024:.1f} KB" if count >= 1024 else f"{count} B"


class StatusBar(Static):
    """One line at the bottom of every screen: online/offline, outbox, traffic."""

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    online: reactive[bool | None] = reactive(None)
    message: reactive[str] = reactive(_("Not synced yet"))
    pending: reactive[int] = reactive(0)
    traffic: reactive[str] = reactive("")

    def on_mount(self) -> None:
        last = getattr(self.app, "last_status", None)
        if last is not None:
            self._show_status(last)
        self.pending = getattr(self.app, "outbox_pending", 0)

    def _show_status(self, event: SyncStatus) -> None:
        self.online = event.online
        self.message = event.message
        meter = event.meter
        self.traffic = (
            f"{meter.get('requests', 0)} req ↑{_kb(meter.get('bytes_out', 0))} ↓{_kb(meter.get('bytes_in', 0))}"
        )

    def render(self) -> Text:
        text = Text()
        profile = getattr(self.app, "profile", None)
        if profile is not None and not profile.verify_tls:
            # Lasting, not a toast: anyone on the path can read and change this traffic, token included.
            text.append(_(TLS_OFF), style="bold black on yellow")
            text.append("  ")
        if self.online is None:
            text.append(_("◌ connecting"), style="dim")
        elif self.online:
            text.append(_("● online"), style="green")
        else:
            text.append(_("○ OFFLINE"), style="bold red")
        text.append("  ")
        # "Synced" and other fixed words are in the catalogue; errors quoting the server stay as they are.
        text.append(one_line(_(self.message), limit=160)[:80])
        if self.pending:
            text.append("  " + _("outbox: {count} waiting").format(count=self.pending), style="bold yellow")
        if self.traffic:
            text.append(f"  {self.traffic}", style="dim")
        return text

    @on(SyncEventReceived)
    def _sync_event(self, message: SyncEventReceived) -> None:
        event = message.event
        if isinstance(event, SyncStatus):
            self._show_status(event)
        elif isinstance(event, OutboxChanged):
            self.pending = event.pending
            if event.problem:
                self.message = event.problem
