"""How django-helpdesk follow-ups become messages: who wrote them, as the agent reads it in the thread."""

from __future__ import annotations

from supportterm.backends.django_helpdesk import messages_from_dh
from supportterm.domain.models import Role, Visibility


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
