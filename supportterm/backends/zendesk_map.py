"""Provides the translation between Zendesk Support API v2 JSON and the domain model.

Pure functions over the documented shapes (ticket, comment, user, macro), kept apart from the adapter's
HTTP so the mapping can be read, and tested, on its own. Zendesk timestamps are ISO 8601 UTC with
second resolution; ids are integers, turned into strings here.
"""

from __future__ import annotations

from typing import Any

from supportterm.domain.mail import html_to_text
from supportterm.domain.models import (
    CannedReply,
    Channel,
    Message,
    Person,
    Priority,
    Role,
    Status,
    Ticket,
    Visibility,
    parse_time,
)

STATUS_FROM_ZD = {"new": Status.NEW, "open": Status.OPEN, "pending": Status.PENDING, "hold": Status.ON_HOLD,
                  "solved": Status.SOLVED, "closed": Status.CLOSED}
STATUS_TO_ZD = {status: name for name, status in STATUS_FROM_ZD.items()}
PRIORITY_FROM_ZD = {"low": Priority.LOW, "normal": Priority.NORMAL, "high": Priority.HIGH,
                    "urgent": Priority.URGENT}
CHANNEL_FROM_ZD = {"email": Channel.EMAIL, "web": Channel.WEB, "web_form": Channel.WEB, "api": Channel.WEB,
                   "mobile": Channel.WEB, "voice": Channel.PHONE, "chat": Channel.CHAT,
                   "native_messaging": Channel.CHAT, "sms": Channel.CHAT, "forum": Channel.FORUM,
                   "community": Channel.FORUM, "help_center": Channel.FORUM}
CUSTOMER_ROLES = {"end-user"}
"""Zendesk user roles are end-user, agent and admin; only end-users are customers."""
AWAITING_AGENT = {"new", "open"}
"""Statuses in which Zendesk's own workflow means the customer waits for an agent."""


def _id(value: Any) -> str | None:
    return None if value is None else str(value)


def person_from_zd(user: dict[str, Any]) -> Person:
    """A Zendesk user (from /users/me, show_many or an `include=users` sideload) as a Person."""
    role = Role.CUSTOMER if user.get("role") in CUSTOMER_ROLES else Role.AGENT
    locale = str(user.get("locale") or "")
    name = str(user.get("name") or user.get("email") or user["id"])
    return Person(id=str(user["id"]), name=name, role=role, email=user.get("email") or None,
                  language=locale.split("-")[0].lower() or None)


def sla_breach(ticket: dict[str, Any]) -> str | None:
    """The earliest `breach_at` among the ticket's active SLA metrics (`include=slas`), if any."""
    metrics = ((ticket.get("slas") or {}).get("policy_metrics")) or ()
    times = [str(m["breach_at"]) for m in metrics if isinstance(m, dict) and m.get("breach_at")
             and m.get("stage") != "achieved"]
    return min(times) if times else None


def ticket_from_zd(data: dict[str, Any]) -> Ticket:
    """A Zendesk ticket object as the domain Ticket; `version` is its `updated_at` (safe_update stamp).

    Zendesk lists carry no per-side reply times, so who waits is read from the status: new and open
    mean the customer waits (last word theirs), pending and later mean an agent answered.
    """
    updated = parse_time(data["updated_at"])
    created = parse_time(data.get("created_at")) or updated
    if updated is None or created is None:
        raise ValueError("ticket without timestamps")
    status_name = str(data.get("status") or "open")
    waiting = status_name in AWAITING_AGENT
    channel = str(((data.get("via") or {}).get("channel")) or "email")
    return Ticket(
        id=str(data["id"]), subject=str(data.get("subject") or data.get("raw_subject") or ""),
        status=STATUS_FROM_ZD.get(status_name, Status.OPEN),
        priority=PRIORITY_FROM_ZD.get(str(data.get("priority")), Priority.NORMAL),
        channel=CHANNEL_FROM_ZD.get(channel, Channel.EMAIL),
        requester_id=_id(data.get("requester_id")) or "unknown", assignee_id=_id(data.get("assignee_id")),
        created_at=created, updated_at=updated,
        due_at=parse_time(sla_breach(data) or data.get("due_at")),
        version=str(data["updated_at"]),
        last_customer_at=updated if waiting else None,
        last_agent_at=None if waiting else updated,
        tags=tuple(str(t) for t in data.get("tags") or ()),
    )


def comment_body(comment: dict[str, Any]) -> str:
    """The comment's text: `body` (Zendesk's plain text), else its `html_body` converted, never rendered."""
    body = comment.get("body")
    if isinstance(body, str) and body:
        return body
    html = comment.get("html_body")
    if isinstance(html, str) and html:
        return html_to_text(html)
    return str(comment.get("plain_body") or "")


def message_from_zd(comment: dict[str, Any], ticket_id: str, people: dict[str, Person]) -> Message:
    """A ticket comment as a Message: `public` false is an internal note."""
    author = str(comment.get("author_id") or "")
    person = people.get(author)
    created = parse_time(comment["created_at"])
    if created is None:
        raise ValueError("comment without a timestamp")
    return Message(
        id=str(comment["id"]), ticket_id=str(ticket_id), author_id=author,
        author_role=person.role if person else Role.CUSTOMER,
        visibility=Visibility.PUBLIC if comment.get("public", True) else Visibility.INTERNAL,
        body=comment_body(comment), created_at=created, author_name=person.name if person else None,
    )


def canned_from_macro(macro: dict[str, Any]) -> CannedReply | None:
    """A macro that sets a comment, as a canned reply (its other actions are left to the agent)."""
    text = None
    for action in macro.get("actions") or ():
        value = action.get("value")
        if isinstance(value, list):  # [channel, text] on older accounts
            value = value[-1] if value else None
        if action.get("field") == "comment_value" and isinstance(value, str):
            text = value
        elif action.get("field") == "comment_value_html" and isinstance(value, str) and text is None:
            text = html_to_text(value)
    if not text:
        return None
    return CannedReply(id=f"zendesk-macro-{macro['id']}", title=str(macro.get("title") or macro["id"]),
                       body=text, tags=("zendesk", "macro"))


ONLINE_STATUS_ID = 3
"""Zendesk's default unified status "Online" (can receive work on every channel)."""
OFFLINE_STATUS_ID = 2
"""Zendesk's default unified status "Offline" (can't receive work)."""


def agent_status_from_zd(data: Any) -> tuple[int, str]:
    """The unified status (id, name) in an Agent Availability or Unified Agent Status answer, both
    JSON:API documents `{"data": {"attributes": {"agent_status": {"id", "name"}}}}`.

    Raises KeyError when the account does not report one (omnichannel routing off)."""
    status = data["data"]["attributes"]["agent_status"]
    if not isinstance(status, dict):
        raise KeyError("agent_status")
    return int(status["id"]), str(status.get("name") or "")
