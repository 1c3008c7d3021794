"""Tests for rendering canned replies: values, missing-value markers, and never a raw brace."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_ticket

from supportterm.domain.models import CannedReply, Person, Role
from supportterm.replies import PLACEHOLDERS, Context, load_library, marker, render, render_text, unfilled

CUSTOMER = Person("c1", "Leyla Məmmədova", Role.CUSTOMER, email="leyla@example.az", language="az")


def full_context(language: str | None = "en") -> Context:
    return Context(
        ticket=make_ticket("4711", subject="Site is down", language=language),
        customer=CUSTOMER, agent_name="Tom Baker", today=date(2026, 3, 12), company="HostNest",
        language=language, next_update="today 16:00",
    )


def test_every_placeholder_is_filled_from_a_full_context() -> None:
    body = " | ".join("{{" + name + "}}" for name in PLACEHOLDERS)
    out = render_text(body, full_context())
    assert out.text.split(" | ") == [
        "Leyla", "Leyla Məmmədova", "leyla@example.az", "Tom Baker", "Tom", "4711", "Site is down",
        "12 March 2026", "today 16:00", "HostNest"]
    assert out.complete and out.missing == ()
    assert [s.name for s in out.slots] == list(PLACEHOLDERS)
    assert all(out.text[s.start:s.end] for s in out.slots)


def test_missing_values_become_markers_with_exact_spans() -> None:
    out = render_text("Hi {{customer.first_name}}, by {{next_update}}. {{agent.name}}",
                      Context(agent_name="Tom Baker"))
    assert out.text == "Hi ⟨customer.first_name⟩, by ⟨next_update⟩. Tom Baker"
    assert [s.name for s in out.missing] == ["customer.first_name", "next_update"]
    for slot in out.missing:
        assert out.text[slot.start:slot.end] == marker(slot.name)
    filled = [s for s in out.slots if s.filled]
    assert [out.text[s.start:s.end] for s in filled] == ["Tom Baker"]
    assert not out.complete


def test_blank_values_count_as_missing() -> None:
    out = render_text("{{company}}", Context(company="  "))
    assert out.text == "⟨company⟩"


def test_values_typed_by_the_agent_win() -> None:
    ctx = full_context().with_values({"next_update": "tomorrow 10:00", "bogus": "x"})
    assert render_text("by {{next_update}}", ctx).text == "by tomorrow 10:00"


def test_language_falls_back_to_ticket_then_customer_and_formats_today() -> None:
    ru = Context(ticket=make_ticket(language="ru"), today=date(2026, 3, 1))
    az = Context(customer=CUSTOMER, today=date(2026, 8, 9))
    other = Context(today=date(2026, 3, 1), language="de")
    assert render_text("{{today}}", ru).text == "1 марта 2026 г."
    assert render_text("{{today}}", az).text == "9 avqust 2026"
    assert render_text("{{today}}", other).text == "2026-03-01"


def test_values_cannot_inject_braces_or_markers() -> None:
    ctx = Context(customer=Person("c", "{{agent.name}} ⟨x⟩", Role.CUSTOMER))
    out = render_text("Hi {{customer.name}}", ctx)
    assert "{{" not in out.text and unfilled(out.text) == ()


def test_unfilled_finds_markers_left_after_editing() -> None:
    out = render_text("Hi {{customer.first_name}}, by {{next_update}}.", Context())
    edited = out.text.replace("⟨customer.first_name⟩", "Leyla")
    assert [(s.name, edited[s.start:s.end]) for s in unfilled(edited)] == [("next_update", "⟨next_update⟩")]
    assert unfilled("Hi Leyla, by 16:00.") == ()


def test_server_reply_with_unknown_names_and_stray_braces_never_leaks_braces() -> None:
    reply = CannedReply("m1", "Macro", "Hi {{ticket.requester.custom_x}}, {{}} {{ unclosed }} }} {{")
    out = render(reply, full_context())
    assert "{{" not in out.text and "}}" not in out.text
    assert [s.name for s in out.missing] == ["ticket.requester.custom_x", "", "unclosed"]


@pytest.mark.parametrize("with_values", [True, False])
def test_no_starter_reply_ever_renders_raw_braces(with_values: bool) -> None:
    replies, _ = load_library(None)
    for reply in replies:
        out = render(reply, full_context(reply.language) if with_values else Context())
        assert "{{" not in out.text and "}}" not in out.text, reply.id
        assert out.complete is with_values, reply.id
        assert len(out.missing) == (0 if with_values else len(out.slots))
