"""Provides the sync engine: pull changes into the store, push the outbox, report what happened.

It runs inside UI workers or the headless `sync` command alike; SQLite work goes to a thread so the
event loop (and so the UI) never waits on the disk, and the network is only ever touched here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from supportterm.backends.base import Capability, HelpdeskBackend
from supportterm.backends.http import Meter
from supportterm.domain.models import (
    Agent,
    Attachment,
    ChangeSet,
    Message,
    ReplyDraft,
    Ticket,
    TicketPatch,
    Visibility,
)
from supportterm.errors import (
    AuthError,
    BackendError,
    ConflictError,
    NotFound,
    OfflineError,
    RateLimited,
)
from supportterm.logs import redact
from supportterm.paths import downloads_dir
from supportterm.store import outbox, state
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.downloads import save_download
from supportterm.sync.events import (
    SYNCED,
    OutboxChanged,
    SyncEvent,
    SyncReport,
    SyncStatus,
    ThreadChanged,
    TicketsChanged,
)

CURSOR_KEY = "changes_cursor"
_log = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, IndexError)
"""What an adapter raises when a broken server's answer has the wrong shape and it did not check."""


def _unreadable(exc: Exception) -> BackendError:
    """A plain message for an answer an adapter could not read; the traceback goes to the log."""
    _log.error("unreadable answer from the helpdesk", exc_info=exc)
    return BackendError(f"The helpdesk sent an answer supportterm could not read ({type(exc).__name__}); "
                        "the details are in the log.")


def _endless(has_more: bool, new: str | None, old: str | None, pages: int, limit: int) -> str | None:
    """Why paging must stop although the helpdesk says there is more, or None to go on."""
    if has_more and new == old:
        return ("The helpdesk says there are more changes but points at the same page again; "
                "sync stopped there.")
    if has_more and pages >= limit:
        return (f"The helpdesk still says there are more changes after {pages} pages; sync stopped and "
                "goes on from there next time.")
    return None


class SyncEngine:
    """Moves data between one backend and one store."""

    def __init__(
        self,
        backend: HelpdeskBackend,
        store: Store,
        *,
        meter: Meter | None = None,
        on_event: Callable[[SyncEvent], None] = lambda event: None,
        clock: Callable[[], datetime] = _utcnow,
        page_size: int = 2000,
        first_window: int = 50,
        max_pages: int = 200,
    ) -> None:
        self.backend = backend
        self.store = store
        self.meter = meter or Meter()
        self.on_event = on_event
        self.clock = clock
        self.page_size = page_size
        self.first_window = first_window
        """Newest tickets fetched ahead of the first full sync (0: don't)."""
        self.max_pages = max_pages
        """Pages of changes one cycle reads at most: a helpdesk that says "more" forever must not hold it."""
        self._lock = asyncio.Lock()

    async def sign_in(self) -> Agent:
        """Ask the helpdesk who we are and remember it (views like "Mine" need the id offline)."""
        agent = await self.backend.whoami()

        def save() -> None:
            with self.store.transaction() as conn:
                state.put_state(conn, "me_id", agent.id)
                state.put_state(conn, "me_name", agent.name)

        await asyncio.to_thread(save)
        self.on_event(TicketsChanged(frozenset()))  # views like "Mine" count differently now
        return agent

    async def sync_once(self) -> SyncReport:
        """One cycle: deliver the outbox, then pull what changed. Never raises backend errors."""
        async with self._lock:
            before = self.meter.snapshot()
            report = SyncReport()
            try:
                await self._first_window()
                await self._push(report)
                await self._pull(report)
                # After the first page, not before: on a 600 ms link the inbox should not wait for it.
                if await asyncio.to_thread(self.store.read, lambda c: state.get_state(c, "me_id")) is None:
                    await self.sign_in()
            except (OfflineError, RateLimited, AuthError, BackendError) as exc:
                self._record_failure(report, exc)
            except UNREADABLE as exc:
                self._record_failure(report, _unreadable(exc))
            report.requests, report.bytes_out, report.bytes_in = self.meter.since(before).values()
            if self.meter.rate_remaining is not None and self.meter.rate_remaining <= 1:
                report.rate_reset_s = self.meter.rate_reset_s
            message = report.error or SYNCED
            self.on_event(SyncStatus(online=report.online, message=message, meter=self.meter.snapshot()))
            return report

    async def _first_window(self) -> None:
        """On a first sync, fetch the newest tickets alone first, so the inbox is usable after one
        small response instead of after the whole history (seconds on a 64 kbit/s link)."""
        if self.first_window <= 0 or not self.backend.CAPABILITIES & Capability.RECENT_FIRST:
            return
        cursor = await asyncio.to_thread(self.store.read, lambda c: state.get_state(c, CURSOR_KEY))
        if cursor is not None:
            return
        page = await self.backend.list_recent(self.first_window)
        await asyncio.to_thread(self._write_page, replace(page, cursor=None))
        if page.tickets:
            self.on_event(TicketsChanged(frozenset(t.id for t in page.tickets)))

    @staticmethod
    def _record_failure(report: SyncReport, exc: Exception) -> None:
        report.online = not isinstance(exc, OfflineError)
        report.error = redact(str(exc))  # servers echo a bad token back in their error messages
        _log.warning("sync failed: %s (cause: %r)", report.error, exc.__cause__)
        if isinstance(exc, RateLimited):
            report.retry_after = exc.retry_after

    async def _pull(self, report: SyncReport) -> None:
        cursor = await asyncio.to_thread(self.store.read, lambda c: state.get_state(c, CURSOR_KEY))
        changed: set[str] = set()
        newest_first = cursor is None and bool(self.backend.CAPABILITIES & Capability.NEWEST_FIRST)
        pages, stopped = 0, None
        while True:
            # A newest-first first run asks for one screenful first, so the inbox is usable at once.
            small = newest_first and not changed and self.first_window > 0
            page = await self.backend.list_changed(cursor, limit=self.first_window if small else self.page_size)
            if page.not_modified:
                break
            await asyncio.to_thread(self._write_page, page)
            if newest_first and page.tickets and not changed:
                self.on_event(TicketsChanged(frozenset(t.id for t in page.tickets)))
            changed.update(t.id for t in page.tickets)
            pages += 1
            stopped = _endless(page.has_more, page.cursor, cursor, pages, self.max_pages)
            cursor = page.cursor
            if not page.has_more or stopped:
                break
        report.tickets_changed = len(changed)
        if changed:
            self.on_event(TicketsChanged(frozenset(changed)))
            stale = await asyncio.to_thread(
                self.store.read, lambda c: cache.synced_thread_ids(c, changed)
            )
            for ticket_id in stale:
                report.messages_changed += await self.fetch_thread(ticket_id)
        if stopped:
            raise BackendError(stopped)

    def _write_page(self, page: ChangeSet) -> None:
        with self.store.transaction() as conn:
            cache.upsert_people(conn, page.people)
            cache.upsert_tickets(conn, page.tickets)
            if page.cursor is not None:
                state.put_state(conn, CURSOR_KEY, page.cursor)

    async def fetch_thread(self, ticket_id: str) -> int:
        """Bring one ticket's thread up to date (incrementally once cached); returns new messages."""
        after = await asyncio.to_thread(
            self.store.read,
            lambda c: cache.last_message_id(c, ticket_id) if cache.thread_synced(c, ticket_id) else None,
        )
        messages = await self.backend.get_thread(ticket_id, after=after)

        def save() -> None:
            with self.store.transaction() as conn:
                cache.upsert_messages(conn, messages)
                cache.mark_thread_synced(conn, ticket_id)

        await asyncio.to_thread(save)
        if messages or after is None:
            self.on_event(ThreadChanged(ticket_id))
        return len(messages)

    async def fetch_attachment(self, attachment: Attachment, *, folder: Path | None = None) -> Path:
        """Download one attachment (here, in the caller's worker) and save it whole in the downloads
        folder (`paths.downloads_dir()` unless `folder` is given); returns the path it was saved as.

        Raises OfflineError, TooLargeError, NotFound or BackendError with nothing written, and
        OSError when the folder cannot be written (no partial file is left either way).
        """
        if not self.backend.CAPABILITIES & Capability.ATTACHMENTS:
            raise BackendError("supportterm cannot download attachments from this helpdesk; "
                               "open the ticket in its web interface.")
        content = await self.backend.fetch_attachment(attachment)
        target = folder or await asyncio.to_thread(downloads_dir)
        return await asyncio.to_thread(save_download, target, attachment, content)

    async def push(self) -> SyncReport:
        """Deliver the outbox now (after the agent sends), without pulling."""
        async with self._lock:
            report = SyncReport()
            try:
                await self._push(report)
            except (OfflineError, RateLimited, AuthError, BackendError, *UNREADABLE) as exc:
                known = isinstance(exc, BackendError | AuthError)
                self._record_failure(report, exc if known else _unreadable(exc))
                self.on_event(SyncStatus(online=report.online, message=report.error or "",
                                         meter=self.meter.snapshot()))
            return report

    async def _push(self, report: SyncReport) -> None:
        items = await asyncio.to_thread(self.store.read, outbox.deliverable)
        held: set[str] = set()
        delivered: set[str] = set()
        for item in items:
            if item.ticket_id in held:
                continue
            if item.ticket_id in delivered:
                # An earlier item of this ticket carried its new version forward in the store;
                # the copy read before the loop still has the old one and would meet a 412.
                item = replace(item, expect_version=await asyncio.to_thread(
                    self.store.read, lambda c, i=item.id: c.execute(
                        "SELECT expect_version FROM outbox WHERE id = ?", (i,)).fetchone()[0]))
            result = await self._deliver(item)
            if result == outbox.SENT:
                report.outbox_delivered += 1
                delivered.add(item.ticket_id)
            else:
                held.add(item.ticket_id)
                report.outbox_conflicts += result == outbox.CONFLICT
                report.outbox_failed += result == outbox.FAILED

    async def _deliver(self, item: outbox.OutboxItem) -> str:
        """Deliver one item; offline and rate-limit errors propagate so the cycle stops."""
        if item.attempts > 0 and await self._already_landed(item):
            return outbox.SENT
        await self._set_state(item, outbox.SENDING)
        try:
            if item.kind == "message":
                message, ticket = await self.backend.post_message(
                    item.ticket_id, item.draft(), marker=item.marker, expect_version=item.expect_version
                )
                await self._record_success(item, ticket, message)
            else:
                ticket = await self.backend.update_ticket(
                    item.ticket_id, item.patch(), expect_version=item.expect_version
                )
                await self._record_success(item, ticket, None)
        except ConflictError as exc:
            return await self._set_state(item, outbox.CONFLICT, redact(str(exc)))
        except OfflineError as exc:
            if not exc.maybe_delivered:
                pending = await asyncio.to_thread(self._requeue, item)
                self._announce_local_change(item.ticket_id, pending)
            raise
        except (RateLimited, AuthError):
            raise
        except BackendError as exc:
            return await self._set_state(item, outbox.FAILED, redact(str(exc)))
        return outbox.SENT

    def _requeue(self, item: outbox.OutboxItem) -> int:
        with self.store.transaction() as conn:
            outbox.requeue_unsent(conn, item.id, now=self.clock())
            return outbox.pending_count(conn)

    async def _already_landed(self, item: outbox.OutboxItem) -> bool:
        """After an attempt whose outcome is unknown, check the helpdesk before sending again."""
        if item.kind == "message":
            found = await self.backend.find_message(item.ticket_id, item.marker)
            if found is None:
                return False
            ticket = await self._ticket_or_none(item.ticket_id)
            # The new version may be carried to our later actions only if nothing happened after our
            # message; otherwise someone else changed the ticket and those actions must meet the conflict.
            quiet = ticket is not None and ticket.updated_at <= found.created_at
            await self._record_success(item, ticket, found, carry_version=quiet)
            return True
        ticket = await self._ticket_or_none(item.ticket_id)
        if ticket is None:
            return False
        wanted = item.patch().as_dict()
        current = {"status": ticket.status.value, "priority": ticket.priority.value,
                   "assignee_id": ticket.assignee_id or ""}
        if all(current.get(k) == v for k, v in wanted.items()):
            await self._record_success(item, ticket, None)
            return True
        return False

    async def _ticket_or_none(self, ticket_id: str) -> Ticket | None:
        try:
            return await self.backend.get_ticket(ticket_id)
        except (NotImplementedError, NotFound):
            return None

    async def _record_success(
        self, item: outbox.OutboxItem, ticket: Ticket | None, message: Message | None,
        *, carry_version: bool = True,
    ) -> None:
        def save() -> int:
            with self.store.transaction() as conn:
                outbox.drop_local_echo(conn, item.id)
                if message is not None:
                    cache.upsert_messages(conn, [replace(message, marker=item.marker)])
                if ticket is not None:
                    cache.upsert_tickets(conn, [ticket])
                if ticket is not None and carry_version:
                    # Later actions of this agent on the same ticket were based on the version before
                    # this one (or, after "send anyway", on whatever the agent accepted): move them on.
                    conn.execute(
                        "UPDATE outbox SET expect_version = ? WHERE ticket_id = ? AND state = ? "
                        "AND expect_version IS NOT NULL AND (expect_version = ? OR ? IS NULL)",
                        (ticket.version, item.ticket_id, outbox.QUEUED, item.expect_version,
                         item.expect_version),
                    )
                outbox.set_state(conn, item.id, outbox.SENT, now=self.clock())
                return outbox.pending_count(conn)

        pending = await asyncio.to_thread(save)
        self.on_event(OutboxChanged(pending, item.ticket_id))
        self.on_event(ThreadChanged(item.ticket_id))
        self.on_event(TicketsChanged(frozenset({item.ticket_id})))

    async def _set_state(self, item: outbox.OutboxItem, new: str, error: str | None = None) -> str:
        def save() -> int:
            with self.store.transaction() as conn:
                outbox.set_state(conn, item.id, new, now=self.clock(), error=error)
                return outbox.pending_count(conn)

        pending = await asyncio.to_thread(save)
        self.on_event(OutboxChanged(pending, item.ticket_id, problem=error))
        return new

    # Intents from the agent. Each is an outbox row (plus its optimistic local change) before any I/O.

    async def queue_message(
        self, ticket_id: str, draft: ReplyDraft, *, expect_version: str | None
    ) -> outbox.OutboxItem:
        """Queue a reply or note; the caller then asks for `push()` in a worker."""

        def save() -> tuple[outbox.OutboxItem, int]:
            with self.store.transaction() as conn:
                me_id = state.get_state(conn, "me_id") or "me"
                me_name = state.get_state(conn, "me_name") or "Me"
                item = outbox.queue_message(
                    conn, ticket_id, draft, author_id=me_id, author_name=me_name,
                    expect_version=expect_version, now=self.clock(),
                )
                return item, outbox.pending_count(conn)

        item, pending = await asyncio.to_thread(save)
        self._announce_local_change(ticket_id, pending)
        return item

    async def queue_update(
        self, ticket_id: str, patch: TicketPatch, *, expect_version: str | None
    ) -> outbox.OutboxItem:
        """Queue a status/priority/assignee change, applied to the cache at once."""

        def save() -> tuple[outbox.OutboxItem, int]:
            with self.store.transaction() as conn:
                item = outbox.queue_update(
                    conn, ticket_id, patch, expect_version=expect_version, now=self.clock()
                )
                return item, outbox.pending_count(conn)

        item, pending = await asyncio.to_thread(save)
        self._announce_local_change(ticket_id, pending)
        return item

    async def retry(self, item_id: int) -> None:
        """Send a failed or conflicting item again, this time without the version check."""

        def save() -> None:
            with self.store.transaction() as conn:
                outbox.retry(conn, item_id, now=self.clock())

        await asyncio.to_thread(save)

    async def cancel(self, item_id: int) -> outbox.OutboxItem | None:
        """Withdraw a queued, failed or held item (None if it is already on its way)."""

        def save() -> tuple[outbox.OutboxItem | None, int]:
            with self.store.transaction() as conn:
                return outbox.cancel(conn, item_id), outbox.pending_count(conn)

        item, pending = await asyncio.to_thread(save)
        if item is not None:
            self._announce_local_change(item.ticket_id, pending)
        return item

    async def prefetch_threads(self, ticket_ids: list[str]) -> int:
        """Fetch the threads of these tickets that are not cached yet (the top of the agent's view),
        so opening them is instant and works offline. Returns how many were fetched."""
        missing = await asyncio.to_thread(
            self.store.read, lambda c: [t for t in ticket_ids if not cache.thread_synced(c, t)]
        )
        for ticket_id in missing:
            await self.fetch_thread(ticket_id)
        return len(missing)

    @property
    def can_set_availability(self) -> bool:
        """Whether the helpdesk keeps the agent's availability (then a shift start or stop may set it)."""
        return bool(self.backend.CAPABILITIES & Capability.AVAILABILITY)

    async def set_available(self, available: bool) -> bool:
        """Tell the helpdesk whether the agent takes tickets now; returns what it reports back.

        Not an outbox action: it is a state of the agent, not of a ticket, and a stale "available"
        delivered hours later would be wrong. Raises OfflineError, AuthError or BackendError.
        """
        if not self.can_set_availability:
            raise BackendError("This helpdesk does not keep agent availability; the shift stays local.")
        return await self.backend.set_available(available)

    async def save_draft(self, ticket_id: str, visibility: Visibility, body: str) -> None:
        """Autosave the composer so a crash or a closed terminal loses nothing."""

        def save() -> None:
            with self.store.transaction() as conn:
                outbox.save_draft(conn, ticket_id, visibility, body, now=self.clock())

        await asyncio.to_thread(save)

    def _announce_local_change(self, ticket_id: str, pending: int) -> None:
        self.on_event(OutboxChanged(pending, ticket_id))
        self.on_event(ThreadChanged(ticket_id))
        self.on_event(TicketsChanged(frozenset({ticket_id})))
