"""Provides the SLA watch's notices in the agent's language (domain.sla_watch.digest says them in English).

Same shape as the domain's digest: one alert reads as itself; several are counted per level, with the
first ids on one line and a pointer to the "SLA at risk" view, so the toast stays four lines high at 80x24.
Counts go through `ngettext` ("1 заявка просрочена", "5 заявок просрочено").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from supportterm.domain.sla import SlaStatus
from supportterm.domain.sla_watch import IDS_SHOWN, SlaAlert
from supportterm.i18n import _, ngettext
from supportterm.ui.durations import countdown


def alert_text(alert: SlaAlert, now: datetime) -> str:
    """One alert as a line: the countdown is taken at `now`, so a held alert is not out of date."""
    left = countdown(alert.due_at - now)
    if alert.status is SlaStatus.BREACHED:
        return _("#{ticket} breached its SLA ({countdown}): {subject}").format(
            ticket=alert.ticket_id, countdown=left, subject=alert.subject)
    return _("#{ticket} breaches in {countdown}: {subject}").format(
        ticket=alert.ticket_id, countdown=left, subject=alert.subject)


def digest_at(now: Callable[[], datetime]) -> Callable[[Iterable[SlaAlert]], tuple[str, str, bool]]:
    """A renderer for `NoticeGate`: (title, text, breached), translated, countdowns at the clock's time."""

    def render(alerts: Iterable[SlaAlert]) -> tuple[str, str, bool]:
        ordered = sorted(alerts, key=lambda a: (a.status is not SlaStatus.BREACHED, a.due_at, a.ticket_id))
        if not ordered:
            raise ValueError("nothing to announce")
        breached = sum(a.status is SlaStatus.BREACHED for a in ordered)
        at_risk = len(ordered) - breached
        title = _("SLA breached") if breached else _("SLA at risk")
        if len(ordered) == 1:
            return title, alert_text(ordered[0], now()), bool(breached)
        counts = []
        if breached:
            counts.append(ngettext("{count} breached", "{count} breached", breached).format(count=breached))
        if at_risk:
            counts.append(ngettext("{count} at risk", "{count} at risk", at_risk).format(count=at_risk))
        ids = " ".join(f"#{a.ticket_id}" for a in ordered[:IDS_SHOWN])
        ids += " …" if len(ordered) > IDS_SHOWN else ""
        return title, f"{', '.join(counts)}\n{ids}\n" + _("All in the SLA at risk view."), bool(breached)

    return render
