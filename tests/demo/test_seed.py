"""Tests for the demo seed generator: determinism, shape, consistency and the texts themselves."""

from __future__ import annotations

import itertools
import random
import re
import string
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from supportterm.demo import seed
from supportterm.demo.corpus import PACKS, common, en_talk
from supportterm.demo.corpus.values import Values
from supportterm.demo.db import DemoDB
from supportterm.domain.models import Channel, Priority, Status, Visibility

PLACEHOLDER = re.compile(r"\{[^{}\s\"']*\}")
"""A `{name}` left unfilled; JSON in pasted snippets (`{"error": ...}`) does not match."""
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
AZ_LETTERS = set("əğıöüşç")
REPLY_TALK = re.compile(r"\b(the|their) reply\b|\bexplained\b|\btold them\b|\bcustomer informed\b|"
                        r"ответа клиента|cavabını gözləyirik", re.IGNORECASE)
"""Words a note uses when it speaks of an agent's reply to the customer ("kept the reply calm")."""
ALL_NOTES = (*(n for notes in common.NOTES.values() for n in notes), *common.GENERIC_NOTES,
             *(n for pack in PACKS.values() for n in pack.talk.NOTES))


@pytest.fixture(scope="module")
def data() -> seed.SeedData:
    return seed.generate(300)


@pytest.fixture(scope="module")
def threads(data: seed.SeedData) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for message in data.messages:
        out[message["ticket_id"]].append(message)
    return out


def test_same_arguments_give_identical_data() -> None:
    assert seed.generate(120, seed=7) == seed.generate(120, seed=7)


def test_different_seed_gives_different_data() -> None:
    assert seed.generate(120, seed=1).tickets != seed.generate(120, seed=2).tickets


def test_now_defaults_to_a_fixed_time_not_the_clock() -> None:
    assert seed.generate(30) == seed.generate(30, now=seed.DEFAULT_NOW)
    assert max(t["updated_at"] for t in seed.generate(30).tickets) <= seed.DEFAULT_NOW


def test_counts_and_ids(data: seed.SeedData) -> None:
    assert len(data.tickets) == 300
    assert len(data.customers) == 100
    assert len(seed.generate(10).customers) == 20
    assert [t["id"] for t in data.tickets] == [str(1001 + i) for i in range(300)]
    assert len({m["id"] for m in data.messages}) == len(data.messages)
    assert len({c["email"] for c in data.customers}) == len(data.customers)
    assert 5 <= len(data.agents) <= 6
    assert any(a["login"] == "aysel" for a in data.agents)


def test_tickets_created_in_id_order_within_14_days(data: seed.SeedData) -> None:
    created = [t["created_at"] for t in data.tickets]
    assert created == sorted(created)
    assert created[0] >= seed.DEFAULT_NOW - timedelta(days=14)


def test_every_channel_language_mood_status_priority_present(data: seed.SeedData) -> None:
    assert {t["channel"] for t in data.tickets} == {c.value for c in Channel}
    assert {t["status"] for t in data.tickets} == {s.value for s in Status}
    assert {t["priority"] for t in data.tickets} == {p.value for p in Priority}
    assert {t["language"] for t in data.tickets} == {"en", "ru", "az"}
    assert {t["mood"] for t in data.tickets} == {"calm", "confused", "angry"}


def test_distributions_are_roughly_as_intended() -> None:
    tickets = seed.generate(3000).tickets

    def share(pred) -> float:
        return sum(1 for t in tickets if pred(t)) / len(tickets)

    assert 0.45 <= share(lambda t: t["language"] == "en") <= 0.55
    assert 0.2 <= share(lambda t: t["language"] == "ru") <= 0.3
    assert 0.3 <= share(lambda t: t["assignee_id"] is None) <= 0.5
    assert share(lambda t: t["priority"] == "normal") > 0.5
    assert share(lambda t: t["priority"] == "urgent") < 0.1
    assert share(lambda t: t["status"] in ("new", "open")) > 0.35


def test_messages_reference_existing_tickets_and_authors(data: seed.SeedData) -> None:
    tickets = {t["id"] for t in data.tickets}
    customers = {c["id"] for c in data.customers}
    agents = {a["id"] for a in data.agents}
    for m in data.messages:
        assert m["ticket_id"] in tickets
        assert m["author_id"] in (customers if m["author_role"] == "customer" else agents)
        assert m["visibility"] in {v.value for v in Visibility}
        if m["visibility"] == "internal":
            assert m["author_role"] == "agent"


def test_customer_messages_come_from_the_requester(data: seed.SeedData, threads: dict) -> None:
    for t in data.tickets:
        authors = {m["author_id"] for m in threads[t["id"]] if m["author_role"] == "customer"}
        assert authors == {t["requester_id"]}
        assert threads[t["id"]][0]["author_role"] == "customer"


def test_assignees_speak_the_ticket_language(data: seed.SeedData) -> None:
    for t in data.tickets:
        assert t["assignee_id"] is None or t["assignee_id"] in common.SPEAKERS[t["language"]]


def test_timestamps_aware_utc_ordered_and_updated_at_is_last(data: seed.SeedData, threads: dict) -> None:
    for t in data.tickets:
        thread = threads[t["id"]]
        assert 1 <= len(thread) <= 6
        times = [m["created_at"] for m in thread]
        for when in times + [t["created_at"], t["updated_at"]]:
            assert when.tzinfo is not None and when.utcoffset() == timedelta(0)
        assert times == sorted(times) and len(set(times)) == len(times)
        assert times[0] == t["created_at"]
        assert t["updated_at"] == times[-1] <= seed.DEFAULT_NOW


def test_due_at_only_on_active_tickets_some_breached_some_soon(data: seed.SeedData) -> None:
    now, hour = seed.DEFAULT_NOW, timedelta(hours=1)
    due = [t["due_at"] for t in data.tickets if t["due_at"] is not None]
    for t in data.tickets:
        if t["status"] in ("solved", "closed"):
            assert t["due_at"] is None
        if t["status"] in ("new", "open", "on_hold"):
            assert t["due_at"] is not None and t["due_at"] > t["created_at"]
    assert any(d < now for d in due)
    assert any(now <= d <= now + hour for d in due)
    assert sum(d > now + hour for d in due) > len(due) / 2


def test_some_tickets_await_a_reply_and_some_are_answered_and_pending(data: seed.SeedData, threads) -> None:
    def last_public_role(ticket_id: str) -> str:
        return [m for m in threads[ticket_id] if m["visibility"] == "public"][-1]["author_role"]

    awaiting = [t for t in data.tickets if last_public_role(t["id"]) == "customer"]
    assert len(awaiting) > 50
    assert all(last_public_role(t["id"]) == "customer" for t in data.tickets if t["status"] == "new")
    assert any(last_public_role(t["id"]) == "agent" for t in data.tickets if t["status"] == "pending")


def test_texts_are_in_the_ticket_language(data: seed.SeedData, threads: dict) -> None:
    for t in data.tickets:
        customer_text = " ".join(m["body"] for m in threads[t["id"]] if m["author_role"] == "customer")
        if t["language"] == "az":
            assert AZ_LETTERS & set(customer_text.lower()), t["id"]
        elif t["language"] == "ru":
            assert CYRILLIC.search(customer_text), t["id"]
    az_bodies = " ".join(m["body"] for m in data.messages if m["ticket_id"] in
                         {t["id"] for t in data.tickets if t["language"] == "az"})
    assert "ə" in az_bodies


def test_agent_replies_are_formal_and_signed_with_a_human_name(data: seed.SeedData) -> None:
    agents = {a["id"]: a for a in data.agents}
    languages = {t["id"]: t["language"] for t in data.tickets}
    chats = {t["id"] for t in data.tickets if t["channel"] == "chat"}  # the chat window shows the name
    for m in data.messages:
        if m["author_role"] == "agent" and m["visibility"] == "public" and m["ticket_id"] not in chats:
            first_name = agents[m["author_id"]]["name"].split()[0]
            assert first_name in m["body"]
            if languages[m["ticket_id"]] == "ru":
                assert not re.search(r"\b(ты|тебе|тебя|твой)\b", m["body"], re.IGNORECASE)


def test_no_unfilled_placeholders(data: seed.SeedData) -> None:
    for t in data.tickets:
        assert not PLACEHOLDER.search(t["subject"]), t["subject"]
    for m in data.messages:
        assert not PLACEHOLDER.search(m["body"]), m["body"]


def test_every_corpus_template_fills(data: seed.SeedData) -> None:
    """Formats every text of every language, so a typo in a rarely drawn template still fails here."""
    for language, pack in PACKS.items():
        customer = next(c for c in data.customers if c["language"] == language)
        assert set(pack.scenarios) == set(common.SCENARIOS) == set(pack.talk.REPLIES)
        for key, (subjects, bodies, extras) in pack.scenarios.items():
            values = Values(random.Random(0), pack, customer, key, seed.DEFAULT_NOW)
            values["agent"] = values["agent_first"] = "Emma"
            texts = [*subjects, *bodies, *extras, *pack.talk.REPLIES[key], *common.NOTES[key]]
            texts += [*pack.talk.UPDATE, *pack.talk.GREET, *pack.talk.GREET_CHAT, *pack.talk.SIGNOFF]
            texts += [s for group in (pack.talk.OPEN, pack.talk.CLOSE, pack.talk.CHASE) for v in
                      group.values() for s in v]
            for text in texts + [*pack.talk.NOTES, *common.GENERIC_NOTES]:
                for female in (False, True):
                    assert not PLACEHOLDER.search(values.fill(text, female)), text


def test_customers_have_example_domains_and_languages(data: seed.SeedData) -> None:
    for c in data.customers:
        domain = c["email"].rsplit("@", 1)[1]
        assert domain.endswith((".example", "example.com", "example.org", "example.net", "example.ru",
                                "example.az")), c["email"]
        assert c["language"] in ("en", "ru", "az")
    assert any(c["phone"] for c in data.customers) and any(c["phone"] is None for c in data.customers)
    assert any(c["organization"] for c in data.customers)


def test_channels_have_their_shape(data: seed.SeedData, threads: dict) -> None:
    first = {t["id"]: threads[t["id"]][0]["body"] for t in data.tickets}
    by_channel = defaultdict(list)
    for t in data.tickets:
        by_channel[t["channel"]].append((t["language"], first[t["id"]]))
    assert any(body.startswith("Customer called") for lang, body in by_channel["phone"] if lang == "en")
    assert all("\n" in body for _, body in by_channel["chat"])
    assert any(body.startswith("Submitted via the contact form") for _, body in by_channel["web"])
    quoted = [m["body"] for m in data.messages if "\n> " in m["body"]]
    assert any(re.search(r"^On .+ wrote:$", body, re.MULTILINE) for body in quoted)


def test_angry_and_informal_customers_exist(data: seed.SeedData, threads: dict) -> None:
    bodies = " ".join(threads[t["id"]][0]["body"] for t in data.tickets if t["mood"] == "angry")
    assert "!" in bodies and re.search(r"\b[A-ZА-Я]{4,}\b", bodies)
    ru_first = " ".join(threads[t["id"]][0]["body"] for t in data.tickets if t["language"] == "ru")
    az_first = " ".join(threads[t["id"]][0]["body"] for t in data.tickets if t["language"] == "az")
    assert re.search(r"\b(Привет|ты|Глянь|Сделай)", ru_first)
    assert re.search(r"\b(qardaş|bacarsan|bərsən|elə)\b", az_first)


@pytest.mark.parametrize("language", ["en", "ru", "az"])
def test_activity_writes_in_the_customer_language(data: seed.SeedData, language: str) -> None:
    activity = seed.Activity(seed=5)
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    for customer in [c for c in data.customers if c["language"] == language][:10]:
        fields, body = activity.new_ticket(customer, now)
        assert set(fields) == {"subject", "channel", "language", "priority", "mood", "tags"}
        assert fields["language"] == language
        assert fields["channel"] in {c.value for c in Channel}
        assert not PLACEHOLDER.search(body) and not PLACEHOLDER.search(fields["subject"])
        ticket = {**fields, "id": "9999", "status": "open"}
        text = activity.follow_up(ticket, customer, now)
        assert text and not PLACEHOLDER.search(text)
        if language == "ru":
            assert CYRILLIC.search(body + text)
        if language == "az":
            assert AZ_LETTERS & set((body + text).lower())


def test_activity_is_deterministic(data: seed.SeedData) -> None:
    customer, now = data.customers[0], seed.DEFAULT_NOW
    assert seed.Activity(3).new_ticket(customer, now) == seed.Activity(3).new_ticket(customer, now)


def test_activity_follow_up_fits_the_status(data: seed.SeedData) -> None:
    customer = next(c for c in data.customers if c["language"] == "en")
    activity = seed.Activity(1)
    solved = {"language": "en", "status": "solved", "mood": "calm", "channel": "chat", "tags": ["login"]}
    texts = {activity.follow_up(solved, customer, seed.DEFAULT_NOW) for _ in range(30)}
    assert texts <= set(en_talk.THANKS_CUSTOMER) | set(en_talk.STILL)


def _template_pattern(template: str) -> re.Pattern[str]:
    """A regex matching every text `Values.fill` can make of `template` (`{x}` any text, `{a|b}` a or b)."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append("(?:" + "|".join(map(re.escape, name.split("|"))) + ")" if "|" in name else ".+?")
    return re.compile("".join(parts), re.DOTALL)


AFTER_REPLY = [_template_pattern(n) for n in ALL_NOTES if isinstance(n, common.AfterReply)]


def _notes_before_the_first_reply(threads: dict[str, list[dict]]) -> list[dict]:
    """The internal notes written while no agent had yet answered the customer in public."""
    out = []
    for thread in threads.values():
        for m in thread:
            if m["author_role"] == "agent" and m["visibility"] == "public":
                break
            if m["visibility"] == "internal":
                out.append(m)
    return out


def test_notes_that_speak_of_a_reply_come_after_one(threads: dict) -> None:
    """A note like "kept the reply calm" once followed only the customer's message (ticket 1293, seed 1)."""
    early = _notes_before_the_first_reply(threads)
    more = defaultdict(list)
    for m in seed.generate(2000, seed=3).messages:
        more[m["ticket_id"]].append(m)
    early += _notes_before_the_first_reply(more)
    assert len(early) > 50  # notes before any reply exist; they just must not speak of one
    for note in early:
        assert not REPLY_TALK.search(note["body"]), (note["ticket_id"], note["body"])
        assert not any(p.fullmatch(note["body"]) for p in AFTER_REPLY), (note["ticket_id"], note["body"])


def test_notes_that_speak_of_a_reply_are_marked_and_still_drawn(data: seed.SeedData) -> None:
    """Every note template that mentions a reply is an `AfterReply`; once answered, they are written."""
    for note in ALL_NOTES:
        if REPLY_TALK.search(note):
            assert isinstance(note, common.AfterReply), note
    assert any(isinstance(n, common.AfterReply) for n in (*common.GENERIC_NOTES, *PACKS["ru"].talk.NOTES))
    notes = [m["body"] for m in data.messages if m["visibility"] == "internal"]
    assert any(p.fullmatch(body) for body in notes for p in AFTER_REPLY)


def test_internal_notes_follow_the_message_before_them(data: seed.SeedData, threads: dict) -> None:
    for t in data.tickets:
        thread = threads[t["id"]]
        assert thread[0]["visibility"] == "public" and thread[0]["author_role"] == "customer"
        for before, m in itertools.pairwise(thread):
            if m["visibility"] == "internal":
                assert m["created_at"] > before["created_at"], (t["id"], m["id"])
            assert m["created_at"] <= seed.DEFAULT_NOW


def test_stored_threads_keep_the_seeded_order(tmp_path: Path) -> None:
    """In the database (times shifted to now, formatted by SQLite) threads still run oldest first."""
    now = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
    db = DemoDB(tmp_path / "demo.db")
    try:
        db.ensure_seeded(120, 1, now)
        stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        for number in range(1001, 1121):
            ticket, thread = db.ticket(str(number)), db.messages(str(number))
            times = [m["created_at"] for m in thread]
            assert times == sorted(times) and len(set(times)) == len(times), number
            assert times[0] == ticket["created_at"] and times[-1] == ticket["updated_at"] <= stamp
            assert thread[0]["author_role"] == "customer" and ticket["message_count"] == len(thread)
            public = [m for m in thread if m["visibility"] == "public"]
            agent_at = [m["created_at"] for m in public if m["author_role"] == "agent"]
            assert ticket["last_agent_at"] == (agent_at[-1] if agent_at else None)
        assert max(db.ticket(str(n))["updated_at"] for n in range(1001, 1121)) == stamp
    finally:
        db.close()
