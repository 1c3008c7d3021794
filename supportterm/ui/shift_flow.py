"""Provides the shift's start and stop as the app runs them (keys T and B, the palette).

Start: the clock starts, the agent sees the newest hand-off note of an earlier shift, and, where the
helpdesk keeps agent availability, is asked whether to show as available. Stop: the summary, the
hand-off note posted on the team's ticket through the outbox, and the offer to show as away. Called
from the app's workers; store work goes to threads, the network only through the engine.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from supportterm.domain.shift import ShiftError, ShiftState
from supportterm.errors import SupportTermError
from supportterm.i18n import _
from supportterm.store.handoff import note_for_new_shift, queue_handoff_post
from supportterm.store.shift import ShiftLog, mark_handoff
from supportterm.ui.screens.follow_up import YesNo

if TYPE_CHECKING:
    from supportterm.ui.app import SupportTermApp

SUMMARY_FACTS = ("tickets_touched", "replies", "notes", "solved", "escalations", "sla_breaches")


def shift_log(app: SupportTermApp) -> ShiftLog:
    """The shift log of the app's store, on the app's clock, with the configured SLA policy."""
    return ShiftLog(app.store, clock=app.clock, sla=app.settings.sla.policy())


async def toggle(app: SupportTermApp) -> None:
    """Start a shift, or stop the running one."""
    log = shift_log(app)
    if await asyncio.to_thread(log.current) is None:
        await start(app, log)
    else:
        await stop(app, log)


async def start(app: SupportTermApp, log: ShiftLog) -> None:
    """Start the clock, show the previous shift's note, offer availability."""
    shift = await asyncio.to_thread(log.start)
    ticket = app.settings.shift.handoff_ticket
    if ticket and app.engine is not None:
        try:  # a colleague's note on the team's ticket is newer than our cache
            await app.engine.fetch_thread(ticket)
        except SupportTermError:
            pass  # offline or no such ticket: the cached thread and the local note still count
    note = await asyncio.to_thread(app.store.read, lambda c: note_for_new_shift(c, shift.id, ticket))
    if note is None:
        app.notify(_("Shift started. Have a calm one."), title=_("Shift"), timeout=4)
    else:
        title = (_("Shift started · hand-off note by {author}").format(author=note.author) if note.author
                 else _("Shift started · hand-off note"))
        app.notify(note.body, title=title, timeout=30)
        if note.shift_id is not None:
            seen = app.clock()
            await asyncio.to_thread(_mark_seen, app, note.shift_id, seen)
    await offer_availability(app, True)


def _mark_seen(app: SupportTermApp, shift_id: int, seen: object) -> None:
    with app.store.transaction() as conn:
        mark_handoff(conn, shift_id, seen_at=seen)  # type: ignore[arg-type]


async def stop(app: SupportTermApp, log: ShiftLog) -> None:
    """Stop the clock, show the summary, post the hand-off note, offer to show as away."""
    shift, summary = await asyncio.to_thread(log.stop)
    facts = summary.as_dict()
    app.notify(", ".join(f"{_(k.replace('_', ' '))}: {facts[k]}" for k in SUMMARY_FACTS),
               title=_("Shift ended"), timeout=15)
    await post_handoff(app, shift.id)
    await offer_availability(app, False)


async def post_handoff(app: SupportTermApp, shift_id: int) -> bool:
    """Queue the shift's note on the team's ticket and push it (True when one was queued)."""
    ticket = app.settings.shift.handoff_ticket
    if not ticket:
        return False
    now = app.clock()

    def queue() -> bool:
        with app.store.transaction() as conn:
            return queue_handoff_post(conn, shift_id, ticket, now=now) is not None

    if not await asyncio.to_thread(queue):
        return False
    queued = _("Hand-off note queued on #{ticket} for the next shift.").format(ticket=ticket)
    app.notify(queued, title=_("Shift"), timeout=5)
    app.push_outbox()
    return True


async def offer_availability(app: SupportTermApp, available: bool) -> bool | None:
    """Ask, then set the agent's availability on the helpdesk; None when not asked (not supported,
    turned off, or still connecting), else what the helpdesk now reports."""
    engine = app.engine
    if not app.settings.shift.availability or engine is None or not engine.can_set_availability:
        return None
    question = (_("Show you as available on the helpdesk (new tickets may be routed to you)?") if available
                else _("Show you as away on the helpdesk?"))
    if not await app.push_screen_wait(YesNo(question)):
        return None
    try:
        now_available = await engine.set_available(available)
    except SupportTermError as exc:
        failed = _("Could not set your availability ({error}); the shift is kept locally.").format(error=exc)
        app.notify(failed, title=_("Shift"), severity="warning", timeout=8)
        return None
    app.notify(_("You show as available.") if now_available else _("You show as away."), title=_("Shift"),
               timeout=4)
    return now_available


async def toggle_break(app: SupportTermApp) -> None:
    """Take a break, or resume after one."""
    log = shift_log(app)
    try:
        view = await asyncio.to_thread(log.view)
        if view.state is ShiftState.ON_BREAK:
            await asyncio.to_thread(log.resume)
            app.notify(_("Welcome back."), title=_("Shift"), timeout=3)
        else:
            await asyncio.to_thread(log.take_break)
            app.notify(_("Break started. Step away from the screen."), title=_("Shift"), timeout=4)
    except ShiftError as exc:
        app.notify(str(exc), title=_("Shift"), severity="warning")
