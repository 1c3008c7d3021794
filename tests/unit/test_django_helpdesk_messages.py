"""How django-helpdesk follow-ups become messages: who wrote them, as the agent reads it in the thread."""

from __future__ import annotations

from supportterm.backends.django_helpdesk import messages_from_dh, ticket_from_dh
from supportterm.domain.models import Role, Visibility, parse_time


def ticket(*followups: dict[str, object]) -> dict[str, object]:
    return {"id": 7, "submitter_email": "ann@example.com", "followup_set": list(followups)}


def followup(number: int, user: int | None, comment: str, public: bool = True) -> dict[str, object]:
    return {"id": number, "user": user, "comment": comment, "public": public,
            "date": f"2026-11-26T10:0{number}:00Z", "followupattachment_set": []}


def test_the_opening_and_userless_follow_ups_are_the_customer_s_and_agents_get_a_readable_name() -> None:
    opening, reply, note, mail = messages_from_dh(ticket(
        followup(1, 3, "My order never came."), followup(2, 2, "Sorry, we are checking."),
        followup(3, 2, "Courier lost it.", public=False), followup(4, None, "Thanks!"),
    ))
    assert (opening.author_role, opening.author_id) == (Role.CUSTOMER, "ann@example.com")
    assert opening.author_name is None
    assert (reply.author_role, reply.author_id, reply.author_name) == (Role.AGENT, "2", "agent #2")
    assert note.visibility is Visibility.INTERNAL and note.author_name == "agent #2"
    assert mail.author_role is Role.CUSTOMER and mail.author_name is None


def test_a_ticket_whose_only_follow_up_is_empty_keeps_its_creation_time_from_sync_to_sync() -> None:
    # The API lists no creation time; the empty "opened" entry is no message but still dates the ticket,
    # so the store does not take each sync's copy for a new ticket under a reused id.
    opened = followup(1, None, "")
    first, _ = ticket_from_dh({**ticket(opened), "title": "Printer", "status": 1})
    again, _ = ticket_from_dh({**ticket(opened), "title": "Printer", "status": 1})
    assert first.message_count == 0
    assert first.created_at == again.created_at == parse_time("2026-11-26T10:01:00Z")
