"""The SLA watch over a frozen working day: each ticket announced once when it comes close, once when it
breaches; answered tickets drop out; a new wait is announced again; the "SLA at risk" view follows."""

from __future__ import annotations

from datetime import timedelta

from factories import at, make_ticket

from supportterm.domain.models import Priority, Status
from supportterm.domain.sla import SlaPolicy, SlaStatus
from supportterm.domain.sla_watch import digest, watch
from supportterm.domain.views import DEFAULT_VIEWS, View
from supportterm.store import reminders
from supportterm.store import tickets as cache
from supportterm.store.db import Store

POLICY = SlaPolicy(at_risk_within=timedelta(minutes=30))  # urgent: first reply within 1 h, around the clock


def test_one_warning_then_one_breach_per_wait() -> None:
    ticket = make_ticket("7", priority=Priority.URGENT)  # waiting since T0, due T0 + 1 h
    seen: list[tuple[int, SlaStatus]] = []
    previous: dict = {}
    for minute in range(0, 121, 5):
        result = watch([ticket], POLICY, at(minute), previous)
        previous = {w.ticket_id: w for w in result.watched}
        seen += [(minute, a.status) for a in result.alerts]
    assert seen == [(30, SlaStatus.AT_RISK), (65, SlaStatus.BREACHED)]


def test_a_ticket_first_seen_breached_is_announced_once_as_breached() -> None:
    ticket = make_ticket("8", priority=Priority.URGENT)
    first = watch([ticket], POLICY, at(300), {})
    assert [(a.status, a.countdown) for a in first.alerts] == [(SlaStatus.BREACHED, "-4h 00m")]
    again = watch([ticket], POLICY, at(301), {w.ticket_id: w for w in first.watched})
    assert again.alerts == ()


def test_answered_tickets_drop_out_and_a_new_wait_is_announced_again() -> None:
    waiting = make_ticket("9", priority=Priority.URGENT)
    risk = watch([waiting], POLICY, at(40), {})
    assert len(risk.alerts) == 1
    answered = make_ticket("9", priority=Priority.URGENT, last_agent_at=at(45), last_customer_at=at(10))
    assert watch([answered], POLICY, at(50), {w.ticket_id: w for w in risk.watched}).watched == ()
    # The customer writes again at 12:00: next response due in 2 h; 30 min before, a new warning.
    again = make_ticket("9", priority=Priority.URGENT, last_agent_at=at(45), last_customer_at=at(180))
    result = watch([again], POLICY, at(275), {w.ticket_id: w for w in risk.watched})
    assert [a.status for a in result.alerts] == [SlaStatus.AT_RISK]


def test_backend_due_time_wins_and_pending_tickets_have_no_clock() -> None:
    backend = make_ticket("10", due_at=at(20))
    pending = make_ticket("11", status=Status.PENDING, priority=Priority.URGENT)
    result = watch([backend, pending], POLICY, at(0), {})
    assert [(a.ticket_id, a.status) for a in result.alerts] == [("10", SlaStatus.AT_RISK)]


def test_many_alerts_at_once_become_one_notice() -> None:
    tickets = [make_ticket(str(100 + i), priority=Priority.URGENT) for i in range(8)]
    tickets.append(make_ticket("200", due_at=at(620)))
    result = watch(tickets, POLICY, at(600), {})
    title, text, breached = digest(result.alerts)
    assert (title, breached) == ("SLA breached", True)
    assert text.splitlines() == [
        "8 breached, 1 at risk", "#100 #101 #102 #103 …", "All in the SLA at risk view."]
    assert digest(a for a in result.alerts if a.ticket_id == "200") == (
        "SLA at risk", "#200 breaches in 20m: Cannot log in", False)


def test_the_watch_lives_in_the_store_and_feeds_the_view(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [
            make_ticket("1", priority=Priority.URGENT),
            make_ticket("2", priority=Priority.LOW),
            make_ticket("3", priority=Priority.URGENT, status=Status.SOLVED),
        ])
    views = DEFAULT_VIEWS
    with store.transaction() as conn:
        first = reminders.run_watch(conn, views, POLICY, at(45))
    assert [a.ticket_id for a in first.alerts] == ["1"]
    sla_view = next(v for v in views if v.sla_risk)
    assert [t.id for t in store.read(lambda c: cache.window(c, sla_view, offset=0, limit=10))] == ["1"]
    assert store.read(lambda c: cache.count(c, sla_view)) == 1
    with store.transaction() as conn:  # a restart reads the same watch: no second warning
        assert reminders.run_watch(conn, views, POLICY, at(50)).alerts == ()
        later = reminders.run_watch(conn, views, POLICY, at(61))
        assert [a.status for a in later.alerts] == [SlaStatus.BREACHED]


def test_only_tickets_in_the_agents_views_are_watched(store: Store) -> None:
    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("1", priority=Priority.URGENT, language="ru"),
                                    make_ticket("2", priority=Priority.URGENT, language="en")])
    views = (View("ru", "Russian", "lang:ru"),)
    with store.transaction() as conn:
        result = reminders.run_watch(conn, views, POLICY, at(45))
    assert [a.ticket_id for a in result.alerts] == ["1"]


def test_due_follow_ups_and_completing_them(store: Store) -> None:
    from supportterm.store import shift as log

    with store.transaction() as conn:
        cache.upsert_tickets(conn, [make_ticket("5", subject="Refund")])
        log.add_follow_up(conn, "5", at(60), "tell them about the refund", now=at(0))
        log.add_follow_up(conn, "6", at(120), "", now=at(0))
    assert store.read(lambda c: reminders.due_follow_ups(c, at(59))) == []
    due = store.read(lambda c: reminders.due_follow_ups(c, at(60)))
    assert [d.text() for d in due] == ["#5 Refund — tell them about the refund"]
    follow_view = next(v for v in DEFAULT_VIEWS if v.follow_ups)
    assert store.read(lambda c: cache.count(c, follow_view)) == 1  # ticket 6 is not in the cache
    with store.transaction() as conn:
        assert reminders.complete_due_follow_ups(conn, "5", at(61)) == 1
        assert reminders.complete_due_follow_ups(conn, "6", at(61)) == 0  # not due yet
    assert store.read(lambda c: reminders.due_follow_ups(c, at(200)))[0].follow_up.ticket_id == "6"
