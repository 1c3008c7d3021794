"""Provides the translation between Help Scout Mailbox API 2.0 JSON (HAL) and the domain model.

Pure functions over the documented shapes (conversation, thread, user, saved reply). Help Scout has
no priority, calls solved work "closed", and sends thread bodies as HTML, which is converted to text
here (never rendered). Replies go out as escaped HTML with line breaks kept.
"""

from __future__ import annotations

import hashlib
from html import escape
from typing import Any

from supportterm.domain.mail import html_to_text, looks_like_html
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

STATUS_FROM_HS = {"active": Status.OPEN, "pending": Status.PENDING, "closed": Status.SOLVED,
                  "spam": Status.CLOSED}
STATUS_TO_HS = {Status.NEW: "active", Status.OPEN: "active", Status.PENDING: "pending",
                Status.ON_HOLD: "pending", Status.SOLVED: "closed", Status.CLOSED: "closed"}
CHANNEL_FROM_HS = {"email": Channel.EMAIL, "chat": Channel.CHAT, "phone": Channel.PHONE}
THREAD_KINDS = {"customer": Visibility.PUBLIC, "reply": Visibility.PUBLIC, "message": Visibility.PUBLIC,
                "chat": Visibility.PUBLIC, "phone": Visibility.PUBLIC, "note": Visibility.INTERNAL,
                "forwardparent": Visibility.INTERNAL, "forwardchild": Visibility.INTERNAL}
"""Thread types that are part of the conversation; others (lineitem: status or assignment records) are not."""


def _name(data: dict[str, Any]) -> str:
    full = " ".join(str(data.get(k) or "") for k in ("first", "last", "firstName", "lastName")).strip()
    return full or str(data.get("email") or data.get("id"))


def person_from_hs(data: dict[str, Any], role: Role) -> Person:
    """A Help Scout user (agent) or customer reference as a Person."""
    return Person(id=str(data["id"]), name=_name(data), role=role, email=data.get("email") or None)


def updated_stamp(data: dict[str, Any]) -> str:
    """The conversation's change time: `modifiedAt` when sent, else `userUpdatedAt`, else `createdAt`."""
    return str(data.get("modifiedAt") or data.get("userUpdatedAt") or data["createdAt"])


def version_of(data: dict[str, Any]) -> str:
    """The emulated concurrency token (Help Scout has none): what an agent acts on, plus the thread count,
    so a customer's new message or another agent's edit in the same second still changes it."""
    assignee = (data.get("assignee") or {}).get("id")
    key = f"{updated_stamp(data)}|{data.get('threads')}|{data.get('status')}|{assignee}|{data.get('subject')}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def ticket_from_hs(data: dict[str, Any]) -> tuple[Ticket, list[Person]]:
    """A conversation as a Ticket plus its customer and assignee."""
    updated = parse_time(updated_stamp(data))
    created = parse_time(data.get("createdAt")) or updated
    if updated is None or created is None:
        raise ValueError("conversation without timestamps")
    customer_data = data.get("primaryCustomer") or data.get("createdBy") or {}
    customer = person_from_hs(customer_data, Role.CUSTOMER) if customer_data.get("id") else None
    assignee_data = data.get("assignee") or {}
    assignee = person_from_hs(assignee_data, Role.AGENT) if assignee_data.get("id") else None
    waiting = data.get("customerWaitingSince") or {}
    from_customer = waiting.get("latestReplyFrom") == "customer"
    last_reply = parse_time(waiting.get("time"))
    ticket = Ticket(
        id=str(data["id"]), subject=str(data.get("subject") or ""),
        status=STATUS_FROM_HS.get(str(data.get("status")), Status.OPEN), priority=Priority.NORMAL,
        channel=CHANNEL_FROM_HS.get(str(data.get("type")), Channel.EMAIL),
        requester_id=customer.id if customer else "unknown", assignee_id=assignee.id if assignee else None,
        created_at=created, updated_at=updated, version=version_of(data),
        last_customer_at=last_reply if from_customer else None,
        last_agent_at=None if from_customer else last_reply,
        message_count=int(data.get("threads") or 0),
        tags=tuple(str(t.get("tag") or t) for t in data.get("tags") or () if t),
    )
    return ticket, [p for p in (customer, assignee) if p]


def thread_text(body: Any) -> str:
    """A thread body as plain text: Help Scout sends HTML (converted, never rendered)."""
    text = str(body or "")
    return html_to_text(text) if looks_like_html(text) or "&" in text else text


def message_from_hs(thread: dict[str, Any], conversation_id: str) -> Message:
    """A thread as a Message; notes and forwards are internal."""
    author = thread.get("createdBy") or {}
    by_customer = author.get("type") == "customer" or thread.get("type") == "customer"
    role = Role.CUSTOMER if by_customer else Role.AGENT
    created = parse_time(thread["createdAt"])
    if created is None:
        raise ValueError("thread without a timestamp")
    return Message(
        id=str(thread["id"]), ticket_id=str(conversation_id), author_id=str(author.get("id") or ""),
        author_role=role, visibility=THREAD_KINDS[str(thread["type"])], body=thread_text(thread.get("body")),
        created_at=created, author_name=_name(author) if author.get("id") else None,
    )


def is_conversation_thread(thread: dict[str, Any]) -> bool:
    """Published threads of a kind an agent reads (no line items, drafts or threads held for review)."""
    return thread.get("type") in THREAD_KINDS and thread.get("state", "published") == "published"


def html_of(text: str) -> str:
    """A plain-text reply as the HTML Help Scout stores: escaped, line breaks kept."""
    return escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def canned_from_saved_reply(data: dict[str, Any]) -> CannedReply | None:
    """A saved reply (with its `text`) as a canned reply."""
    text = thread_text(data.get("text"))
    if not text:
        return None
    return CannedReply(id=f"helpscout-saved-{data['id']}", title=str(data.get("name") or data["id"]),
                       body=text, tags=("helpscout", "saved-reply"))
