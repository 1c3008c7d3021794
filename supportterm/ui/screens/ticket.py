"""Provides TicketScreen: the whole thread of one ticket, the composer, and ticket actions.

Everything shown comes from the store. Sending writes an outbox row (with a pending copy of the
message in the thread) and asks the app to push; the thread updates when sync reports it.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static, TextArea

from supportterm.domain.models import (
    Attachment,
    Priority,
    ReplyDraft,
    Role,
    Status,
    Ticket,
    TicketPatch,
    Visibility,
)
from supportterm.domain.sla import SlaStatus, local_due_at, sla_status
from supportterm.domain.text import one_line
from supportterm.errors import OfflineError
from supportterm.i18n import _
from supportterm.replies import Context
from supportterm.store import outbox, state
from supportterm.store import tickets as cache
from supportterm.sync.events import OutboxChanged, ThreadChanged, TicketsChanged
from supportterm.ui import actions, follow_ups
from supportterm.ui import attachments as files
from supportterm.ui import format as fmt
from supportterm.ui.finding_text import category_label, finding_message
from supportterm.ui.messages import SyncEventReceived
from supportterm.ui.screens.binding_order import KeepsBindingOrder
from supportterm.ui.screens.follow_up import FollowUpChoice
from supportterm.ui.screens.pickers import Confirm, NotePrompt, priority_picker, status_picker
from supportterm.ui.widgets.composer import Composer
from supportterm.ui.widgets.customer_panel import CustomerPanel
from supportterm.ui.widgets.key_bar import KeyBar
from supportterm.ui.widgets.shift_bar import ShiftBar
from supportterm.ui.widgets.status_bar import StatusBar
from supportterm.ui.widgets.thread import MessageView
from supportterm.ui.widgets.ticket_row import AT_RISK

if TYPE_CHECKING:
    from supportterm.politeness import Finding

_log = logging.getLogger(__name__)
_DUE_STYLE = {SlaStatus.BREACHED: "bold red", SlaStatus.AT_RISK: "bold yellow", SlaStatus.OK: ""}
"""The header's due time in the inbox column's colours (at risk, breached)."""


class TicketScreen(KeepsBindingOrder, Screen[None]):
    """One ticket: header, thread, outbox state and composer."""

    BINDINGS = [
        Binding("r", "compose('public')", _("Reply"), id="ticket.reply", tooltip=_("Write a public reply")),
        Binding("n", "compose('internal')", _("Note"), id="ticket.note", tooltip=_("Write an internal note")),
        Binding("i", "toggle_visibility", _("Public/internal"), id="ticket.toggle_internal", show=False),
        Binding("s", "set_status", _("Status"), id="ticket.status", tooltip=_("Change the ticket's status")),
        Binding("p", "set_priority", _("Priority"), id="ticket.priority", tooltip=_("Change the priority")),
        Binding("a", "assign_to_me", _("Take"), id="ticket.assign", tooltip=_("Assign the ticket to me")),
        Binding("e", "escalate", _("Escalate"), id="ticket.escalate",
                tooltip=_("Escalate with a required internal note")),
        Binding("f", "follow_up", _("Follow-up"), id="ticket.follow_up", show=False,
                tooltip=_("Set when to come back to this ticket (in 2h, tomorrow 12:00, mon 9:00)")),
        Binding("S", "send_anyway", _("Send held"), id="ticket.send_anyway",
                tooltip=_("Send a held (conflicting or failed) action anyway")),
        Binding("z", "toggle_quoted", _("Quoted"), id="ticket.toggle_quoted", show=False,
                tooltip=_("Show or hide quoted e-mail history")),
        Binding("v", "read_full", _("Full text"), id="ticket.full_text", show=False,
                tooltip=_("Read all of a long message that the thread shows cut")),
        Binding("A", "attachments", _("Files"), id="ticket.attachments", show=False,
                tooltip=_("List the ticket's attachments; Enter downloads one")),
        Binding("c", "toggle_customer", _("Customer"), id="ticket.toggle_customer", show=False,
                tooltip=_("Show or hide the customer panel")),
        Binding("J", "sibling(1)", _("Next ticket"), id="ticket.next", show=False),
        Binding("K", "sibling(-1)", _("Prev ticket"), id="ticket.prev", show=False),
        Binding("j", "scroll(1)", _("Scroll down"), id="ticket.scroll_down", show=False),
        Binding("k", "scroll(-1)", _("Scroll up"), id="ticket.scroll_up", show=False),
        Binding("escape,q", "back", _("Back"), id="ticket.back", tooltip=_("Back to the inbox")),
        Binding("ctrl+s,ctrl+j", "send", _("Send"), id="composer.send", tooltip=_("Send the reply or note")),
        Binding("ctrl+g", "send_follow_up", _("Send + follow-up"), id="composer.send_follow_up", show=False,
                tooltip=_("Send the reply or note, and set when to follow up")),
        Binding("ctrl+o", "toggle_visibility", _("Public/internal"), id="composer.toggle_internal",
                show=False),
    ]

    def __init__(self, ticket_id: str, *, neighbours: list[str] | None = None) -> None:
        super().__init__()
        self.ticket_id = ticket_id
        self.neighbours = neighbours or [ticket_id]
        self.ticket: Ticket | None = None
        self.seen_version: str | None = None
        """The ticket version the agent has seen; a reply is sent with it so a change meanwhile is caught."""
        self._reader: sqlite3.Connection | None = None
        self._held: list[outbox.OutboxItem] = []
        self.show_quoted = False
        self._fetch_failed_offline = False

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield ShiftBar()
        yield Static(id="ticket-head")
        yield Static(id="ticket-banner")
        with Horizontal(id="ticket-body"):
            yield VerticalScroll(id="thread")
            yield CustomerPanel(id="customer")
        yield Composer(id="composer", context=self.reply_context)
        yield StatusBar()
        yield KeyBar()

    @property
    def reader(self) -> sqlite3.Connection:
        """This screen's read connection."""
        if self._reader is None:
            self._reader = self.app.store.reader()  # type: ignore[attr-defined]
        return self._reader

    @property
    def composer(self) -> Composer:
        """The reply box."""
        return self.query_one(Composer)

    async def on_mount(self) -> None:
        await self.reload()
        draft = outbox.load_draft(self.reader, self.ticket_id)
        if draft is not None:
            self.composer.open(draft[0], draft[1])
            self.notify(_("Your unsent draft was restored."), timeout=3)
        self.fetch_thread()

    @work(exclusive=True, group="open-ticket", exit_on_error=False, description="Loading the thread")
    async def fetch_thread(self) -> None:
        """Bring the thread up to date from the helpdesk; the screen re-reads the store after."""
        engine = self.app.engine  # type: ignore[attr-defined]
        if engine is None:
            return
        try:
            await engine.fetch_thread(self.ticket_id)
        except OfflineError:
            # The status bar already says we are offline; the cached thread stays on screen, and an
            # empty one says why.
            self._fetch_failed_offline = True
            await self._show_thread()

    async def reload(self) -> None:
        """Re-read ticket, thread and outbox state from the store."""
        self.ticket = cache.get_ticket(self.reader, self.ticket_id)
        if self.ticket is None:
            missing = _("Ticket #{ticket} is not in the cache.").format(ticket=self.ticket_id)
            self.query_one("#ticket-head", Static).update(Text(missing))
            return
        if not self.composer.is_open or self.seen_version is None:
            self.seen_version = self.ticket.version
        self._brief_checker()
        self._show_head(self.ticket)
        self.query_one(CustomerPanel).show(self.reader, self.ticket)
        await self._show_thread()

    def _show_head(self, ticket: Ticket) -> None:
        requester = cache.get_person(self.reader, ticket.requester_id)
        assignee = cache.get_person(self.reader, ticket.assignee_id)
        now = self.app.clock()  # type: ignore[attr-defined]
        head = Text()
        head.append(f"#{one_line(ticket.id, limit=40)} ", style="bold")
        head.append(one_line(ticket.subject), style="bold")
        head.append("\n")
        who = one_line(requester.name) if requester else ticket.requester_id
        email = f" <{one_line(requester.email)}>" if requester and requester.email else ""
        org = f" · {one_line(requester.organization)}" if requester and requester.organization else ""
        head.append(f"{who}{email}{org}", style="italic")
        # The due time comes right after the status: when a long name or a translation wraps the line,
        # the wrap falls in the less urgent facts, never inside the SLA.
        head.append("\n" + _("status {status}").format(status=_(fmt.STATUS_LABEL[ticket.status])))
        policy = self.app.settings.sla.policy()  # type: ignore[attr-defined]
        due_at = ticket.due_at or local_due_at(ticket, policy)
        if due_at is not None and ticket.status.is_active:
            mark = " " + _("(local SLA)") if ticket.due_at is None else ""
            style = _DUE_STYLE[sla_status(due_at, now, AT_RISK)]
            head.append(" · ")
            head.append(_("due {due}").format(due=fmt.due(due_at, now)) + mark, style=style)
        facts = _("priority {priority} · {channel} · lang {language} · assignee {assignee}")
        head.append(" · " + facts.format(
            priority=_(ticket.priority.value), channel=fmt.CHANNEL_LABEL[ticket.channel],
            language=one_line(ticket.language or "?", limit=20),
            assignee=one_line(assignee.name) if assignee else "—"))
        self.query_one("#ticket-head", Static).update(head)

    async def _show_thread(self) -> None:
        thread = self.query_one("#thread", VerticalScroll)
        pending = {i.id: i for i in outbox.items(self.reader, ticket_id=self.ticket_id)}
        self._held = [i for i in pending.values() if i.state in (outbox.FAILED, outbox.CONFLICT)]
        now = self.app.clock()  # type: ignore[attr-defined]
        views = []
        for message in cache.get_thread(self.reader, self.ticket_id):
            item_id = int(message.id.removeprefix("local-")) if message.id.startswith("local-") else None
            item = pending.get(item_id) if item_id is not None else None
            views.append(MessageView(message, now=now, state=item.state if item else None,
                                     show_quoted=self.show_quoted))
        if not views:  # say why the thread is empty instead of a blank screen
            views.append(Static(Text(self._empty_thread_text(), style="italic"), classes="thread-empty"))
        at_end = thread.scroll_y >= thread.max_scroll_y - 1
        await thread.remove_children()
        await thread.mount_all(views)
        if at_end or not thread.max_scroll_y:
            thread.scroll_end(animate=False)
        self._show_banner(pending.values())

    def _empty_thread_text(self) -> str:
        """Why there is nothing to read: not fetched yet (and whether we are offline), or really empty."""
        if cache.thread_synced(self.reader, self.ticket_id):
            return _("No messages in this ticket.")
        status = self.app.last_status  # type: ignore[attr-defined]
        if self._fetch_failed_offline or (status is not None and not status.online):
            return _("The thread is not in the cache yet; it loads when the helpdesk can be reached.")
        return _("Loading the thread from the helpdesk…")

    def _show_banner(self, items: object) -> None:
        banner = self.query_one("#ticket-banner", Static)
        lines = [
            _("Held: {kind} — {state}: {error}  (S sends anyway)").format(
                kind=_(i.kind), state=_(i.state), error=one_line(i.error or "")) for i in self._held
        ]
        if self.ticket and self.seen_version and self.ticket.version != self.seen_version:
            lines.insert(0, _("The ticket changed on the helpdesk since you started writing — read the new "
                              "messages."))
        banner.update(Text("\n".join(lines), style="bold"))
        banner.display = bool(lines)

    @on(SyncEventReceived)
    async def _sync_event(self, message: SyncEventReceived) -> None:
        event = message.event
        if isinstance(event, ThreadChanged | TicketsChanged):
            ids = {event.ticket_id} if isinstance(event, ThreadChanged) else event.ids
            if self.ticket_id in ids:
                await self.reload()
        elif isinstance(event, OutboxChanged) and event.ticket_id == self.ticket_id:
            await self.reload()  # a held (conflict/failed) item must show its banner at once

    async def action_toggle_quoted(self) -> None:
        """Show or hide the quoted history of e-mails."""
        self.show_quoted = not self.show_quoted
        await self._show_thread()

    def action_read_full(self) -> None:
        """Open the newest cut message of the thread in full (the thread shows a bounded slice)."""
        from supportterm.ui.screens.full_text import FullTextScreen

        cut = [view for view in self.query(MessageView) if view.cut]
        if not cut:
            self.notify(_("Every message of this ticket is shown in full."), timeout=3)
            return
        self.app.push_screen(FullTextScreen(cut[-1].message))

    def action_attachments(self) -> None:
        """Pick one of the thread's attachments to download (listed from the store, fetched on demand)."""
        found = files.files_of(cache.get_thread(self.reader, self.ticket_id))
        if not found:
            self.notify(_("This ticket has no attachments."), timeout=3)
            return
        chosen = lambda value: self._download(found[int(value)][1]) if value is not None else None  # noqa: E731
        self.app.push_screen(files.attachment_picker(found), chosen)

    def _download(self, attachment: Attachment) -> None:
        # An app worker, not this screen's: the download goes on when the agent leaves the ticket.
        self.app.run_worker(files.download(self.app, attachment), group="download", exit_on_error=False,
                            description="Downloading an attachment")

    def action_toggle_customer(self) -> None:
        """Show or hide the customer panel (narrow terminals)."""
        panel = self.query_one(CustomerPanel)
        panel.display = not panel.display

    def on_resize(self) -> None:
        self.query_one(CustomerPanel).display = self.size.width >= 100

    def action_compose(self, visibility: str) -> None:
        """Open the composer as a public reply or an internal note."""
        self.composer.open(Visibility(visibility))

    def action_toggle_visibility(self) -> None:
        """Switch the composer between public reply and internal note."""
        composer = self.composer
        composer.visibility = (
            Visibility.PUBLIC if composer.visibility is Visibility.INTERNAL else Visibility.INTERNAL
        )
        if not composer.is_open:
            composer.open(composer.visibility)

    def action_back(self) -> None:
        """Close the composer if open (keeping the draft), else go back to the inbox."""
        if self.composer.is_open:
            self.composer.close()
            self.query_one("#thread").focus()
            self.save_draft()  # now, not after the debounce: Esc Esc within it would lose the text
        else:
            self.app.pop_screen()

    @on(TextArea.Changed, "#composer-text")
    def _text_changed(self) -> None:
        self._draft_dirty = True
        self._draft_timer = getattr(self, "_draft_timer", None)
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(0.5, self.save_draft)

    @work(exclusive=True, group="draft", exit_on_error=False, description="Saving the draft")
    async def save_draft(self) -> None:
        """Autosave the composer's text so nothing typed is lost (also before the engine is up)."""
        self._draft_dirty = False
        visibility, text = self.composer.visibility, self.composer.text_area.text
        engine = self.app.engine  # type: ignore[attr-defined]
        if engine is not None:
            await engine.save_draft(self.ticket_id, visibility, text)
        else:
            await asyncio.to_thread(self._write_draft, visibility, text)

    def _write_draft(self, visibility: Visibility, text: str) -> None:
        with self.app.store.transaction() as conn:  # type: ignore[attr-defined]
            outbox.save_draft(conn, self.ticket_id, visibility, text, now=self.app.clock())  # type: ignore[attr-defined]

    def _brief_checker(self) -> None:
        """Tell the composer's checker the customer's last words and own address (not a leak)."""
        thread = cache.get_thread(self.reader, self.ticket_id)
        last = [m.body for m in thread if m.author_role is Role.CUSTOMER and m.visibility is Visibility.PUBLIC]
        self.composer.customer_text = last[-1] if last else None
        customer = cache.get_person(self.reader, self.ticket.requester_id) if self.ticket else None
        self.composer.allowed_emails = (customer.email,) if customer and customer.email else ()

    def reply_context(self) -> Context:
        """Placeholder values for canned replies: this ticket, its customer, the signed-in agent."""
        return Context(
            ticket=self.ticket, customer=cache.get_person(self.reader, self.ticket.requester_id) if self.ticket else None,
            agent_name=state.get_state(self.reader, "me_name"), today=self.app.clock().date(),  # type: ignore[attr-defined]
            company=str(self.app.profile.options.get("company") or "") or None,  # type: ignore[attr-defined]
        )

    def action_send(self, follow_up: FollowUpChoice | None = None) -> None:
        """Queue the composer's text in the outbox and deliver it (then set `follow_up`, if any)."""
        body = self.composer.text_area.text.strip()
        if not self.composer.is_open or not body:
            self.notify(_("Nothing to send: the reply is empty."), severity="warning")
            return
        missing = self.composer.unfilled()
        if missing:
            names = ", ".join(f"⟨{slot.name}⟩" for slot in missing)
            self.notify(_("Not sent: fill in {names} first.").format(names=names), severity="error",
                        timeout=6)
            return
        draft = ReplyDraft(body=body, visibility=self.composer.visibility)
        errors = self.composer.known_errors()
        if errors is None:  # sent within the typing pause: check in a thread first
            self._check_then_send(draft, follow_up)
        else:
            self._confirm_or_send(draft, follow_up, errors)

    @work(exclusive=True, group="send-check", exit_on_error=False, description="Checking the reply")
    async def _check_then_send(self, draft: ReplyDraft, follow_up: FollowUpChoice | None) -> None:
        from supportterm.politeness.lexicons import LexiconError

        try:
            errors = await self.composer.check_for_send()
        except LexiconError as exc:  # a team's broken lexicon entry must not block every reply
            question = _("The checker failed ({error}). Send it anyway?").format(error=exc)
            self.app.push_screen(Confirm(question), lambda yes: self.send(draft, follow_up) if yes else None)
            return
        self._confirm_or_send(draft, follow_up, errors)

    def _confirm_or_send(self, draft: ReplyDraft, follow_up: FollowUpChoice | None,
                         errors: list[Finding]) -> None:
        """Ask before sending a reply with error findings; otherwise queue it."""
        if errors:
            first = errors[0]
            asked = _("The checker found {count} problem(s), e.g. {category}: {message}. Send it anyway?")
            question = asked.format(count=len(errors), category=category_label(first.category),
                                    message=finding_message(first).rstrip("."))  # the question ends it
            self.app.push_screen(Confirm(question), lambda yes: self.send(draft, follow_up) if yes else None)
            return
        if self.app.engine is None:  # type: ignore[attr-defined]
            self.notify(_("Still starting up; your text is kept. Try again in a moment."), severity="warning")
            return
        self.send(draft, follow_up)

    @work(exclusive=True, group="send-reply", exit_on_error=False, description="Queueing the reply")
    async def send(self, draft: ReplyDraft, follow_up: FollowUpChoice | None = None) -> None:
        """Write the outbox row, clear the composer, then ask the app to push. A public reply settles
        the ticket's due follow-ups; `follow_up` sets the next one."""
        engine = self.app.engine  # type: ignore[attr-defined]
        await engine.queue_message(self.ticket_id, draft, expect_version=self.seen_version)
        await follow_ups.after_send(self.app, self.ticket_id, draft, follow_up)  # type: ignore[arg-type]
        self.composer.text_area.load_text("")
        self.composer.close()
        self.seen_version = None
        internal = draft.visibility is Visibility.INTERNAL
        queued = _("Note queued; sending…") if internal else _("Reply queued; sending…")
        self.notify(queued, timeout=2)
        self.app.push_outbox()  # type: ignore[attr-defined]
        self._maybe_advance()

    def action_set_status(self) -> None:
        """Pick a new status for the ticket."""
        if self.ticket is not None:
            self.app.push_screen(status_picker(self.ticket.status), self._status_chosen)

    def _status_chosen(self, value: str | None) -> None:
        if value and self.ticket is not None and value != self.ticket.status.value:
            self.update_ticket(TicketPatch(status=Status(value)))

    def action_set_priority(self) -> None:
        """Pick a new priority for the ticket."""
        if self.ticket is not None:
            self.app.push_screen(priority_picker(self.ticket.priority), self._priority_chosen)

    def _priority_chosen(self, value: str | None) -> None:
        if value and self.ticket is not None and value != self.ticket.priority.value:
            self.update_ticket(TicketPatch(priority=Priority(value)))

    @work(exclusive=True, group="update-ticket", exit_on_error=False, description="Assigning")
    async def action_assign_to_me(self) -> None:
        """Take the ticket."""
        if await actions.assign_to_me(self.app, [self.ticket_id]):  # type: ignore[arg-type]
            self.notify(_("Assigned to you."), timeout=2)

    def action_escalate(self) -> None:
        """Escalate: a required internal note saying why, and the priority raised to high."""
        self.app.push_screen(
            NotePrompt(_("Escalate — internal note"),
                       _("Why escalate, and what was tried? (ctrl+s escalates)")),
            self._escalation_written,
        )

    def _escalation_written(self, note: str | None) -> None:
        if note and self.ticket is not None:
            self.run_worker(actions.escalate(self.app, self.ticket_id, note, self.ticket.priority),  # type: ignore[arg-type]
                            group="update-ticket", exit_on_error=False)

    @work(exclusive=True, group="update-ticket", exit_on_error=False, description="Updating the ticket")
    async def update_ticket(self, patch: TicketPatch) -> None:
        """Queue a ticket change and deliver it; then, if configured, go on to the next ticket."""
        if await actions.update(self.app, [self.ticket_id], patch):  # type: ignore[arg-type]
            self._maybe_advance()

    def _maybe_advance(self) -> None:
        if self.app.settings.auto_advance:  # type: ignore[attr-defined]
            self.action_sibling(1)

    @work(exclusive=True, group="send-reply", exit_on_error=False, description="Retrying held actions")
    async def action_send_anyway(self) -> None:
        """Send the held items of this ticket again, without the version check."""
        engine = self.app.engine  # type: ignore[attr-defined]
        if not self._held or engine is None:
            self.notify(_("Nothing is held for this ticket."))
            return
        for item in self._held:
            await engine.retry(item.id)
        self.app.push_outbox()  # type: ignore[attr-defined]

    def action_sibling(self, step: int) -> None:
        """Open the next or previous ticket of the inbox view."""
        if self.ticket_id not in self.neighbours:
            return
        index = self.neighbours.index(self.ticket_id) + step
        if 0 <= index < len(self.neighbours):
            self.app.switch_screen(TicketScreen(self.neighbours[index], neighbours=self.neighbours))

    def action_scroll(self, step: int) -> None:
        """Scroll the thread by a few lines."""
        thread = self.query_one("#thread", VerticalScroll)
        thread.scroll_relative(y=3 * step, animate=False)

    def action_follow_up(self) -> None:
        """Set (or clear) a reminder to come back to this ticket."""
        self.app.push_screen(follow_ups.prompt(self.app, self.reader, self.ticket_id),  # type: ignore[arg-type]
                             self._follow_up_chosen)

    def _follow_up_chosen(self, choice: FollowUpChoice | None) -> None:
        if choice is not None:
            self.run_worker(follow_ups.save(self.app, self.ticket_id, choice),  # type: ignore[arg-type]
                            group="follow-up", exit_on_error=False)

    def action_send_follow_up(self) -> None:
        """Ask when to follow up, then send the composer's text."""
        if not self.composer.is_open or not self.composer.text_area.text.strip():
            self.notify(_("Nothing to send: the reply is empty."), severity="warning")
            return
        prompt = follow_ups.prompt(self.app, self.reader, self.ticket_id, title=_("Send, then follow up"))  # type: ignore[arg-type]
        self.app.push_screen(prompt, lambda choice: self.action_send(choice) if choice else None)

    def keep_draft_now(self) -> None:
        """Write the composer's text at once if the autosave has not yet (leaving or quitting within
        its debounce); called on unmount and by the app before it exits."""
        if not getattr(self, "_draft_dirty", False):
            return
        self._draft_dirty = False
        try:
            self._write_draft(self.composer.visibility, self.composer.text_area.text)
        except Exception as exc:  # noqa: BLE001 - shutting down; the log is all that is left
            _log.error("draft of #%s not saved: %r", self.ticket_id, exc)

    def on_unmount(self) -> None:
        self.keep_draft_now()
        if self._reader is not None:
            self._reader.close()
