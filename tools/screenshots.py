"""Provides the README screenshots, drawn by supportterm itself: `python tools/screenshots.py [FOLDER]`.

The cache comes from the embedded demo helpdesk (fixed seed, its clock pinned, no simulated traffic)
through real syncs over 127.0.0.1, during which the agent works a short shift (a reply in each language,
an internal note) so the pictures show real activity. The app then runs headless with Pilot over a copy
of that cache, with the engine never started and a frozen clock, and each scene is saved as an SVG.
Same code, same files: nothing drawn depends on the wall clock, the machine's time zone or the user's
configuration (tests/unit/test_screenshots.py draws twice and compares bytes).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from supportterm.domain.models import ReplyDraft, Role, Status, Visibility

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT / "docs" / "screenshots"
SIZE = (120, 36)
TICKETS = 80
"""Demo tickets seeded: enough for a full inbox page in all three languages, quick to sync."""
SEED = 1
TIME_ZONE = "Asia/Baku"
"""Times on screen are shown in this zone, not the machine's, so every machine draws the same."""
AGENT = "aysel"
DEMO_TOKEN = f"demo-{AGENT}"
"""The demo helpdesk's published token for the agent: no real secret can reach a screenshot."""

RUDE_REPLY = (
    "Hello,\n\nAs I already told you twice, you obviously did not read the manual. "
    "Just reset the password again.\n\nRegards,\nSupport Team\n"
)
"""A reply the politeness checker flags (argumentative, blame, impersonal signature)."""


@contextmanager
def _pinned_environment(home: Path) -> Iterator[None]:
    """Keep the user's config, replies and themes folder and the local time zone out of the pictures;
    the environment is put back afterwards (the tests call `render` in their own process)."""
    pinned = {"SUPPORTTERM_HOME": str(home), "SUPPORTTERM_CONFIG": str(home / "no-config.toml"),
              "TZ": "UTC", "NO_COLOR": None}
    saved = {name: os.environ.get(name) for name in pinned}
    _apply(pinned)
    try:
        yield
    finally:
        _apply(saved)


def _apply(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    time.tzset()


@dataclass(frozen=True, slots=True)
class DemoCache:
    """A synced cache and what the scenes need from it."""

    store_path: Path
    now: datetime
    showcase_id: str
    """A ticket whose thread has a customer message, a public reply and an internal note."""
    meter: dict[str, int]
    """What the sync moved (requests, bytes), for the status bar."""


LEAD = timedelta(minutes=10, seconds=30)
"""The pictures' "now" is this long after the seed's. The demo's clock runs on from the time it is
started with, so each reply sent while the cache is built goes to a demo restarted at its own whole
minute after the seed's "now": it lands well within the half minute and reads the same age every run."""

SHIFT_STEPS = ((timedelta(hours=5), "start"), (timedelta(hours=2, minutes=30), "take_break"),
               (timedelta(hours=2, minutes=15), "resume"))
"""A shift that began five hours before the pictures' "now", with a quarter-hour break."""

WORK = {
    "en": ("Hello {name}, thank you for the details. I have passed this to our billing team and will write "
           "again by 15:00 today.\n\nBest regards,\nAysel", Status.PENDING),
    "ru": ("Здравствуйте, {name}! Спасибо, что написали. Проверяю ваш вопрос и вернусь с ответом сегодня "
           "до 15:00.\n\nС уважением,\nАйсель", None),
    "az": ("Salam, {name}! Müraciətiniz üçün təşəkkür edirik. Məsələni yoxlayıram və bu gün saat 15:00-a "
           "qədər cavab yazacağam.\n\nHörmətlə,\nAysel", None),
}
"""One reply per customer language, sent during the shift so that the summary has something to count."""
NOTE = "Customer asked twice; billing owns the refund, I promised an update by 15:00."
SENT_HOURS_AGO = (4, 3, 1)
"""When, before the pictures' "now", the agent wrote the replies of `WORK` (in the inbox's order)."""


class _Clock:
    """A settable clock for the engine and the shift log while the cache is built."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def _pick_tickets(store: Any) -> tuple[str, dict[str, str]]:
    """The showcase ticket (newest open English one with a public reply and an internal note), and
    per language the newest other ticket whose customer waits for an answer."""
    from supportterm.domain.views import DEFAULT_VIEWS
    from supportterm.store import tickets as cache

    def pick(conn: Any) -> tuple[str, dict[str, str]]:
        showcase, waiting = None, {}
        for ticket in cache.window(conn, DEFAULT_VIEWS[0], offset=0, limit=TICKETS):
            kinds = {(m.author_role, m.visibility) for m in cache.get_thread(conn, ticket.id)}
            answered = {(Role.AGENT, Visibility.PUBLIC), (Role.AGENT, Visibility.INTERNAL)} <= kinds
            if showcase is None and ticket.language == "en" and ticket.status is Status.OPEN and answered:
                showcase = ticket.id
            elif ticket.language in WORK and ticket.status in (Status.NEW, Status.OPEN):
                waiting.setdefault(ticket.language, ticket.id)
        if showcase is None or waiting.keys() != WORK.keys():
            raise RuntimeError("the demo seed lacks the tickets the screenshots need")
        return showcase, waiting

    return store.read(pick)


class _Demo:
    """The demo helpdesk on one file, started for one step of building the cache at a pinned time."""

    def __init__(self, folder: Path, store: Any, clock: _Clock) -> None:
        self.db_path = folder / "demo.sqlite3"
        self.store = store
        self.clock = clock
        self.meter: dict[str, int] = {}

    async def step(self, started_at: datetime, work: Callable[[Any], Awaitable[None]]) -> None:
        """Start the demo at `started_at`, let `work` use an engine on it, then stop both."""
        from supportterm.config import Profile
        from supportterm.demo.server import create_demo_server
        from supportterm.sync.session import build_engine, close_engine

        server = create_demo_server(self.db_path, tickets=TICKETS, seed=SEED, simulate=False, now=started_at)
        server.start()
        try:
            profile = Profile(name="demo", backend="demo", url=server.url, user=AGENT,
                              options={"company": "Nimbus"})
            engine = build_engine(profile, self.store, token=DEMO_TOKEN, clock=self.clock)
            try:
                await work(engine)
                for key, value in engine.meter.snapshot().items():
                    self.meter[key] = self.meter.get(key, 0) + value
            finally:
                await close_engine(engine)
        finally:
            server.stop()


async def _work_a_shift(folder: Path, store: Any, now: datetime) -> tuple[str, dict[str, int]]:
    """Sync, work a shift (a reply per language, one internal note) delivered to the demo, fetch
    every thread. Returns the showcase ticket and what the link moved."""
    from supportterm.store import tickets as cache
    from supportterm.store.shift import ShiftLog

    seed_now = now - LEAD
    clock = _Clock(seed_now)
    demo = _Demo(folder, store, clock)
    picked: list[tuple[str, dict[str, str]]] = []

    async def first_sync(engine: Any) -> None:
        await _synced(engine)
        ids = await asyncio.to_thread(
            store.read, lambda c: [r[0] for r in c.execute("SELECT id FROM tickets ORDER BY id")])
        await engine.prefetch_threads(ids)
        if not all(await asyncio.to_thread(store.read, lambda c: [cache.thread_synced(c, t) for t in ids])):
            raise RuntimeError("some threads of the demo helpdesk were not fetched")
        picked.append(await asyncio.to_thread(_pick_tickets, store))

    await demo.step(seed_now, first_sync)
    showcase, waiting = picked[0]
    log = ShiftLog(store, clock=clock)
    for before, step in SHIFT_STEPS:
        clock.at = now - before
        await asyncio.to_thread(getattr(log, step))

    def send(ticket_id: str, draft: ReplyDraft, written_at: datetime) -> Callable[[Any], Awaitable[None]]:
        async def work(engine: Any) -> None:
            ticket = await asyncio.to_thread(store.read, lambda c: cache.get_ticket(c, ticket_id))
            clock.at = written_at
            await engine.queue_message(ticket_id, draft, expect_version=ticket.version if ticket else None)
            clock.at = seed_now
            await _synced(engine)  # delivers, then pulls and refreshes the changed threads
        return work

    for minute, (hours, (language, ticket_id)) in enumerate(zip(SENT_HOURS_AGO, waiting.items(),
                                                                strict=True), start=1):
        person = await asyncio.to_thread(
            store.read, lambda c, t=ticket_id: cache.get_person(c, cache.get_ticket(c, t).requester_id))
        body, status = WORK[language]
        first_name = person.name.split()[0] if person and person.name else ""
        draft = ReplyDraft(body.format(name=first_name), new_status=status)
        written_at = now - timedelta(hours=hours)
        await demo.step(seed_now + timedelta(minutes=minute), send(ticket_id, draft, written_at))
    note = ReplyDraft(NOTE, Visibility.INTERNAL)
    await demo.step(seed_now + timedelta(minutes=len(WORK) + 1),
                    send(waiting["en"], note, now - timedelta(minutes=30)))
    return showcase, demo.meter


async def _synced(engine: Any) -> None:
    """One sync cycle that must deliver everything and fail nowhere."""
    from supportterm.store import outbox

    report = await engine.sync_once()
    if report.error is not None:
        raise RuntimeError(f"sync with the demo helpdesk failed: {report.error}")
    if await asyncio.to_thread(engine.store.read, outbox.items):
        raise RuntimeError("the outbox was not delivered to the demo helpdesk")


def build_cache(folder: Path) -> DemoCache:
    """Seed the demo helpdesk, sync it into a fresh cache, work a shift on it and fetch every thread."""
    from supportterm.demo.seed import DEFAULT_NOW
    from supportterm.store.db import Store

    now = DEFAULT_NOW + LEAD
    store_path = folder / "cache.sqlite3"
    store = Store(store_path)
    try:
        showcase, meter = asyncio.run(_work_a_shift(folder, store, now))
    finally:
        store.close()
    return DemoCache(store_path=store_path, now=now, showcase_id=showcase, meter=meter)


def _fresh_copy(store_path: Path, name: str) -> Path:
    """A copy of the closed cache beside it, for one picture (with its WAL, should one be left)."""
    copy = store_path.with_name(f"{name}.sqlite3")
    for suffix in ("", "-wal"):
        source = Path(f"{store_path}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{copy}{suffix}")
    return copy


Scene = Callable[[Any, DemoCache], Awaitable[None]]


async def _settle(pilot: Any) -> None:
    """Wait until no worker runs and every queued message has been handled."""
    from textual.worker import WorkerCancelled, WorkerState

    app = pilot.app
    active = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(50):
        running = [worker for worker in app.workers if worker.state in active]
        if running:
            try:
                await app.workers.wait_for_complete(running)
            except WorkerCancelled:
                pass  # an exclusive worker replaced by a newer run: that one is waited for next round
        await pilot.pause()
        if not any(worker.state in active for worker in app.workers):
            return
    raise RuntimeError("the app did not settle")


def _quiet_cursor(app: Any) -> None:
    """A blinking cursor is drawn or not depending on timing: stop the blink."""
    from textual.widgets import Input, TextArea

    for widget in app.screen.query(TextArea):
        widget.cursor_blink = False
    for widget in app.screen.query(Input):
        widget.cursor_blink = False


def _redraw_shift_bar(app: Any) -> None:
    """The shift line ticks once a second and reads the last key press: redraw it now, so whether a
    tick fell between the scene's keys and the picture does not change the picture."""
    from supportterm.ui.widgets.shift_bar import ShiftBar

    for screen in app.screen_stack:
        for bar in screen.query(ShiftBar):
            bar.tick()


async def _open_showcase(pilot: Any, demo: DemoCache) -> None:
    from supportterm.ui.screens.ticket import TicketScreen

    await pilot.app.push_screen(TicketScreen(demo.showcase_id))
    await _settle(pilot)


async def inbox(pilot: Any, demo: DemoCache) -> None:
    """The first view, newest first: SLA clocks, three languages, one ticket marked for a bulk action."""
    await pilot.press("j", "j", "x", "j")
    await _settle(pilot)


async def ticket(pilot: Any, demo: DemoCache) -> None:
    """A thread with a public reply and an internal note, and the customer panel beside it."""
    await _open_showcase(pilot, demo)
    from supportterm.ui.widgets.customer_panel import CustomerPanel

    if not pilot.app.screen.query_one(CustomerPanel).display:
        await pilot.press("c")
        await _settle(pilot)


async def composer(pilot: Any, demo: DemoCache) -> None:
    """The reply composer with the politeness checker's findings listed under the text (line:column,
    message, the rewrite ctrl+f applies). The composer does not mark the spans inside the text itself."""
    await _open_showcase(pilot, demo)
    await pilot.press("r")
    await _settle(pilot)
    from supportterm.ui.widgets.composer import Composer

    widget = pilot.app.screen.query_one(Composer)
    widget.text_area.load_text(RUDE_REPLY)
    widget.run_lint()  # at once, rather than after the debounce timer
    await _settle(pilot)
    _quiet_cursor(pilot.app)
    pilot.app.set_focus(None)
    await pilot.pause()


async def canned(pilot: Any, demo: DemoCache) -> None:
    """The canned-reply picker opened from the composer, filtered by a word."""
    await _open_showcase(pilot, demo)
    await pilot.press("r")
    await _settle(pilot)
    await pilot.press("ctrl+t")
    for _ in range(20):  # the picker is pushed by a worker that then waits on it
        await pilot.pause()
        if type(pilot.app.screen).__name__ == "CannedPicker":
            break
    await pilot.press(*"delay")  # the filter: the delay notices of every language
    await pilot.pause()  # not _settle: the composer's worker waits for the picker to close
    _quiet_cursor(pilot.app)
    await pilot.pause()


async def shift(pilot: Any, demo: DemoCache) -> None:
    """The shift summary of a shift that has run five hours."""
    await pilot.press("W")
    await _settle(pilot)


async def help_screen(pilot: Any, demo: DemoCache) -> None:
    """Every key of the ticket screen, as remapped."""
    await _open_showcase(pilot, demo)
    await pilot.press("question_mark")
    await _settle(pilot)


@dataclass(frozen=True, slots=True)
class Shot:
    name: str
    scene: Scene
    theme: str | None = None


SHOTS = (
    Shot("inbox", inbox),
    Shot("ticket", ticket),
    Shot("composer-politeness", composer),
    Shot("canned-replies", canned),
    Shot("shift-summary", shift),
    Shot("help", help_screen),
    Shot("inbox-light", inbox, theme="supportterm-light"),
)


async def _take(shot: Shot, demo: DemoCache, folder: Path) -> Path:
    from supportterm.config import Profile, Settings
    from supportterm.sla_settings import SlaSettings
    from supportterm.store.db import Store
    from supportterm.sync.events import SyncStatus
    from supportterm.ui.app import SupportTermApp
    from supportterm.ui.messages import SyncEventReceived

    settings = Settings(sla=SlaSettings(time_zone=TIME_ZONE), **({"theme": shot.theme} if shot.theme else {}))
    profile = Profile(name="demo", backend="demo", url="http://127.0.0.1:9", user=AGENT)
    # Each picture starts from the synced cache: a draft one scene leaves must not show up in the next.
    store_path = _fresh_copy(demo.store_path, shot.name)
    store = Store(store_path)
    try:
        app = SupportTermApp(profile=profile, store=store, token=DEMO_TOKEN, auto_sync=False,
                             clock=lambda: demo.now, settings=settings)
        app.start_engine = lambda: None  # type: ignore[method-assign]  # the cache only: no network
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            app.post_message(SyncEventReceived(SyncStatus(online=True, message="Synced", meter=demo.meter)))
            await _settle(pilot)
            await shot.scene(pilot, demo)
            _redraw_shift_bar(app)
            await pilot.pause()
            app.title = "supportterm"
            path = Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(folder)))
        return path
    finally:
        store.close()


def render(folder: Path, names: Iterable[str] | None = None) -> list[Path]:
    """Draw the screenshots named (all by default) into `folder`; returns the files written."""
    wanted = set(names) if names is not None else {shot.name for shot in SHOTS}
    unknown = wanted - {shot.name for shot in SHOTS}
    if unknown:
        raise ValueError(f"unknown screenshots: {', '.join(sorted(unknown))}")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="supportterm-shots-") as scratch:
        work = Path(scratch)
        with _pinned_environment(work / "home"):
            demo = build_cache(work)
            return [asyncio.run(_take(shot, demo, folder)) for shot in SHOTS if shot.name in wanted]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--only", nargs="+", metavar="NAME", help=", ".join(s.name for s in SHOTS))
    args = parser.parse_args(argv)
    for path in render(args.folder, args.only):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
