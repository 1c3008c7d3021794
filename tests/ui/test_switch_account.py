"""Switching account in the TUI: two profiles on two demo helpdesks on loopback, switched through the palette.

The inbox must show the other helpdesk's tickets after a switch, a draft typed before it must be there after
switching back (drafts are per profile: the same ticket number on the other helpdesk has none), and the
way back must paint from the cache even when the first helpdesk has gone away meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers import inbox_rows, settle
from textual.command import CommandList
from textual.pilot import Pilot

from supportterm import paths
from supportterm.cli import build_parser, resolve_profile
from supportterm.config import Profile, Settings
from supportterm.demo.server import DemoServer, create_demo_server
from supportterm.store import outbox
from supportterm.store.db import Store
from supportterm.ui.account_switch import AccountProvider
from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.screens.ticket import TicketScreen

DRAFT = "Draft typed before the switch"


@pytest.fixture
def helpdesks(tmp_path: Path) -> Iterator[dict[str, DemoServer]]:
    """Two demo helpdesks with different tickets (different seeds) under the same ticket numbers."""
    (tmp_path / "helpdesks").mkdir()
    servers = {name: create_demo_server(tmp_path / "helpdesks" / f"{name}.sqlite3", tickets=15, seed=seed,
                                        simulate=False) for name, seed in (("north", 1), ("south", 2))}
    for server in servers.values():
        server.start()
    yield servers
    for server in servers.values():
        server.stop()


def tickets_of(server: DemoServer) -> set[tuple[str, str]]:
    """(id, subject) of every ticket, read from the helpdesk's own API."""
    response = httpx.get(f"{server.url}/api/v1/tickets", params={"limit": 100},
                         headers={"Authorization": "Bearer demo-aysel"})
    return {(t["id"], t["subject"]) for t in response.json()["tickets"]}


def make_app(servers: dict[str, DemoServer]) -> tuple[SupportTermApp, Store]:
    profiles = {name: Profile(name, "demo", server.url, user="aysel") for name, server in servers.items()}
    store = Store(paths.store_path("north"))
    app = SupportTermApp(profile=profiles["north"], store=store, token_lookup=lambda profile: "demo-aysel",
                         auto_sync=False, settings=Settings(profiles=profiles, default_profile="north"))
    return app, store


async def palette(pilot: Pilot[int], query: str) -> None:
    """Type into the command palette and run the best hit once the search has answered."""
    await pilot.press("ctrl+p", *query)
    for _ in range(200):
        await pilot.pause()
        results = pilot.app.screen.query(CommandList)
        if results and results.first().option_count:
            break
    else:
        raise AssertionError(f"the palette found nothing for {query!r}")
    await pilot.press("enter")
    await settle(pilot)


async def test_switch_shows_the_other_inbox_and_keeps_the_draft(helpdesks: dict[str, DemoServer]) -> None:
    north, south = tickets_of(helpdesks["north"]), tickets_of(helpdesks["south"])
    assert north - south and south - north
    app, first_store = make_app(helpdesks)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        north_rows = set(inbox_rows(app.screen))
        assert north_rows and north_rows <= north

        await pilot.press("enter")
        await settle(pilot)
        ticket = app.screen
        assert isinstance(ticket, TicketScreen)
        await pilot.press("r", *["space" if c == " " else c for c in DRAFT])
        assert ticket.composer.text_area.text == DRAFT  # switching before the autosave's debounce fires

        old_client = app.engine.backend.client
        await palette(pilot, "Switch account: south")
        assert app.profile.name == "south" and app.sub_title == "south"
        assert old_client.is_closed and app.engine is not None  # north's engine stopped, south's syncs
        assert str(app.engine.backend.client.base_url).startswith(helpdesks["south"].url)
        assert isinstance(app.screen, InboxScreen) and len(app.screen_stack) == 2
        rows = set(inbox_rows(app.screen))
        assert rows and rows <= south and not rows & (north - south)

        await pilot.press("enter")  # the same ticket number on the other helpdesk: no draft there
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen) and app.screen.ticket_id == ticket.ticket_id
        assert not app.screen.composer.is_open
        await pilot.press("escape")

        helpdesks["north"].stop()  # the way back paints from the cache, with nobody to sync with
        await palette(pilot, "Switch account: north")
        assert app.profile.name == "north"
        assert set(inbox_rows(app.screen)) == north_rows
        await pilot.press("enter")
        await settle(pilot)
        back = app.screen
        assert isinstance(back, TicketScreen) and back.ticket_id == ticket.ticket_id
        assert back.composer.is_open and back.composer.text_area.text == DRAFT
        assert outbox.load_draft(app.store.reader(), ticket.ticket_id)[1] == DRAFT
    first_store.close()


async def test_a_profile_in_use_elsewhere_is_refused_and_nothing_changes(
    helpdesks: dict[str, DemoServer],
) -> None:
    app, first_store = make_app(helpdesks)
    elsewhere = Store(paths.store_path("south"))  # another supportterm holds the south profile
    notes: list[str] = []
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        rows = inbox_rows(app.screen)
        app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
        await palette(pilot, "Switch account: south")
        assert app.profile.name == "north" and app.store is first_store and app.engine is not None
        assert inbox_rows(app.screen) == rows
        assert any("Another supportterm is already using south.sqlite3" in note for note in notes)
    elsewhere.close()
    first_store.close()


async def test_the_palette_offers_every_other_profile(helpdesks: dict[str, DemoServer]) -> None:
    app, first_store = make_app(helpdesks)
    app.settings.profiles["west"] = Profile("west", "zendesk", "https://west.zendesk.com")
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        provider = AccountProvider(app.screen)
        provider._post_init()
        found = {str(hit.text): hit.help async for hit in provider.search("switch account")}
        assert found == {"Switch account: south": f"demo · {helpdesks['south'].url}",
                         "Switch account: west": "zendesk · https://west.zendesk.com"}
    first_store.close()


def test_profile_flag_opens_the_named_profile(isolated_home: Path) -> None:
    config = isolated_home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('default_profile = "north"\n'
                      '[profiles.north]\nbackend = "demo"\nurl = "http://127.0.0.1:1"\n'
                      '[profiles.south]\nbackend = "demo"\nurl = "http://127.0.0.1:2"\n', encoding="utf-8")
    assert resolve_profile(build_parser().parse_args([])).name == "north"
    assert resolve_profile(build_parser().parse_args(["--profile", "south"])).url == "http://127.0.0.1:2"
