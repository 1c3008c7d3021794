"""Provides Reminders: the app's timer that announces SLA risks, breaches and due follow-ups.

Every `EVERY_S` seconds (and once shortly after the first paint) it runs the SLA watch over the
agent's views in the local store, never the network, and notifies once per ticket and wait
(`domain.sla_watch`), grouped into at most one short toast a minute; follow-ups that fall due are
announced once per session. `[sla] bell = true` rings the terminal bell with them.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from supportterm.domain.sla_watch import NoticeGate, WatchResult
from supportterm.i18n import _
from supportterm.store.reminders import DueFollowUp, due_follow_ups, run_watch
from supportterm.sync.events import TicketsChanged
from supportterm.ui.messages import SyncEventReceived
from supportterm.ui.sla_text import digest_at

if TYPE_CHECKING:
    from supportterm.ui.app import SupportTermApp

EVERY_S = 30.0
"""Seconds between runs: SLA targets are minutes to hours, so this is precise enough and cheap."""
SLA_TOAST_S = 8.0
"""An SLA toast's life: long enough to read, short enough not to cover the list (the SLA at risk view
keeps the tickets). Shorter than the gate's interval, so no two SLA toasts are on screen at once."""
WAIT_FOR_QUIET_AT_MOST_S = 20.0
"""A run waits for a pause in the agent's typing (ui/activity.py), but no longer than this."""
FIRST_AFTER_S = 5.0
"""The first run waits a little after the first paint, so start-up and the first sync come first."""


@dataclass
class CheckReport:
    """What one run announced (for tests and the log)."""

    sla_notices: list[tuple[str, str, bool]] = field(default_factory=list)
    follow_ups: list[DueFollowUp] = field(default_factory=list)
    rang: bool = False


class Reminders:
    """State between runs: the follow-ups already announced this session."""

    def __init__(self, app: SupportTermApp) -> None:
        self.app = app
        self.announced_follow_ups: set[int] = set()
        self.gate = NoticeGate(render=digest_at(app.clock))
        """Groups SLA alerts into at most one toast a minute (domain.sla_watch)."""
        self._watched: frozenset[str] = frozenset()

    async def check(self) -> CheckReport:
        """One run: watch, announce, and refresh the views the watch feeds."""
        app, sla = self.app, self.app.settings.sla
        policy, now, views = sla.policy(), app.clock(), app.settings.views

        def run() -> tuple[WatchResult, list[DueFollowUp]]:
            with app.store.transaction() as conn:
                return run_watch(conn, views, policy, now), due_follow_ups(conn, now)

        result, due = await asyncio.to_thread(run)
        report = CheckReport()
        watched = frozenset(w.ticket_id for w in result.watched)
        notice = self.gate.offer(result.alerts, now, watched) if sla.notify else None
        if notice is not None:
            report.sla_notices = [notice]
            title, text, breached = notice
            app.notify(text, title=title, severity="error" if breached else "warning", timeout=SLA_TOAST_S)
        report.follow_ups = [d for d in due if d.follow_up.id not in self.announced_follow_ups]
        for item in report.follow_ups:
            self.announced_follow_ups.add(item.follow_up.id)
            app.notify(item.text(), title=_("Follow-up due"), timeout=30)
        if sla.bell and (report.sla_notices or report.follow_ups):
            app.bell()
            report.rang = True
        if watched != self._watched:  # the "SLA at risk" view and its count change
            app.post_message(SyncEventReceived(TicketsChanged(watched ^ self._watched)))
            self._watched = watched
        return report
