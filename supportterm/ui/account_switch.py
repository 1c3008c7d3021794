"""Provides switching account inside the TUI: "Switch account: NAME" palette commands and the switch itself.

A switch keeps every draft: the text of any open composer is written to the current profile's store
before anything stops. Then the sync engine stops, the other profile's store is opened (its drafts and
outbox are its own), the screens restart on its inbox, which paints from its cache first, and the engine
starts on it as after a normal start. The store is opened before the old one is let go, so a profile held
by another supportterm is refused with nothing changed.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from supportterm.domain.models import Visibility
from supportterm.domain.text import one_line
from supportterm.errors import StoreLockedError
from supportterm.i18n import _
from supportterm.ui.commands import Command, ListedCommands

if TYPE_CHECKING:
    from supportterm.store.db import Store
    from supportterm.ui.app import SupportTermApp


def _title() -> str:
    """The palette entries' and the notices' title, in the agent's language."""
    return _("Switch account")


_opened: WeakKeyDictionary[object, Store] = WeakKeyDictionary()
"""Stores a switch opened, per app, closed when the app ends (the one it started with is its caller's)."""


class AccountProvider(ListedCommands):
    """"Switch account: NAME" for every configured profile but the current one."""

    def _commands(self) -> list[Command]:
        app = self.app
        settings, current = getattr(app, "settings", None), getattr(app, "profile", None)
        if settings is None or current is None:
            return []
        return [(f"{_title()}: {name}", partial(request_switch, app, name),
                 one_line(f"{profile.backend} · {profile.url}", limit=120))
                for name, profile in sorted(settings.profiles.items()) if name != current.name]


def request_switch(app: object, name: str) -> None:
    """Run the switch in a worker (it waits for the engine to stop and for files to open)."""
    app.run_worker(switch_account(app, name), group="switch-account", exclusive=True,  # type: ignore[attr-defined]
                   exit_on_error=False, description=f"Switching to {name}")


async def switch_account(app: SupportTermApp, name: str) -> bool:
    """Leave the current profile for `name`; False (and a message) when that cannot be done."""
    from supportterm import paths
    from supportterm.store.db import Store

    profile = app.settings.profiles.get(name)
    if profile is None or profile.name == app.profile.name:
        app.notify(_("There is no other profile named {name}.").format(name=name), title=_title(),
                   severity="warning")
        return False
    try:
        store = await asyncio.to_thread(Store, paths.store_path(profile.name))
    except StoreLockedError as exc:
        app.notify(str(exc), title=_title(), severity="error", timeout=8)
        return False
    await _keep_drafts(app)
    await app.stop_engine()
    old = app.store
    await asyncio.to_thread(old.close)
    _opened.pop(app, None)
    _opened[app] = store
    app.use_profile(profile, store)
    await _restart_screens(app)
    said = _("Now working in {profile} ({backend}).").format(profile=profile.name, backend=profile.backend)
    app.notify(said, title=_title(), timeout=4)
    return True


def open_drafts(app: SupportTermApp) -> list[tuple[str, Visibility, str]]:
    """(ticket id, visibility, text) of every ticket screen whose composer holds text."""
    from supportterm.ui.screens.ticket import TicketScreen

    found = []
    for screen in app.screen_stack:
        if isinstance(screen, TicketScreen) and screen.is_mounted:
            composer = screen.composer
            text = composer.text_area.text
            if text.strip():
                found.append((screen.ticket_id, composer.visibility, text))
    return found


async def _keep_drafts(app: SupportTermApp) -> None:
    """Write open composers to the current store now, not after the autosave's debounce."""
    from supportterm.store import outbox
    from supportterm.ui.screens.ticket import TicketScreen

    drafts = open_drafts(app)
    for screen in app.screen_stack:
        if isinstance(screen, TicketScreen):
            app.workers.cancel_node(screen)  # a late autosave must not write to a closed store
    store, now = app.store, app.clock()

    def save() -> None:
        with store.transaction() as conn:
            for ticket_id, visibility, text in drafts:
                outbox.save_draft(conn, ticket_id, visibility, text, now=now)

    if drafts:
        await asyncio.to_thread(save)


async def _restart_screens(app: SupportTermApp) -> None:
    """Drop the old profile's screens and show the new one's inbox (its first paint starts the engine)."""
    from supportterm.ui.screens.inbox import InboxScreen

    while len(app.screen_stack) > 1:
        await app.pop_screen()
    await app.push_screen(InboxScreen(app.settings.views))


def close_switched_store(app: object) -> None:
    """Close the store the last switch opened (the app is ending)."""
    store = _opened.pop(app, None)
    if store is not None:
        store.close()
