"""Provides the Azerbaijani Pilot probe run by test_i18n_pilot.py in a fresh interpreter.

A fresh interpreter because the language must be chosen before the UI modules are imported (binding
descriptions are translated at class definition), exactly as `supportterm` does in cli.run_tui; the test
process has imported the UI in English long before.

Usage: python i18n_probe.py STORE_DIR  (config.toml is found through SUPPORTTERM_CONFIG). Prints JSON of
what the agent sees: the footer and views line of the inbox, the help screen, the thread's titles, the
composer's mode line, and the politeness findings of a Russian reply to an English customer (blame, a
password, the language mismatch) in the lint panel and the confirmation before sending it.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from supportterm import i18n
from supportterm.config import load_settings

CUSTOMER = "Hello, I cannot log in to my account since this morning, please help."
REPLY = "Здравствуйте! Вы сами виноваты. Ваш пароль: Qw3rty!2024x"
"""A Russian reply to an English customer: a blame, a password and the language mismatch."""


async def probe(store_dir: Path) -> dict[str, object]:
    settings = load_settings()
    language = i18n.activate(i18n.resolve(settings.ui_language))
    from fakes import FakeHelpdesk
    from textual.widgets import Static
    from ui.helpers import agent_writes, make_app, rendered, settle, titles

    def footer_text(bar: KeyBar) -> str:
        return " | ".join(f"{item.label} {item.description}" for item in bar.items()[0])

    from supportterm.store.db import Store
    from supportterm.ui.screens.help import HelpScreen
    from supportterm.ui.screens.inbox import InboxScreen
    from supportterm.ui.screens.pickers import Confirm
    from supportterm.ui.screens.ticket import TicketScreen
    from supportterm.ui.widgets.composer import Composer
    from supportterm.ui.widgets.key_bar import KeyBar

    fake = FakeHelpdesk()
    fake.add_ticket("Cannot log in", assignee_id="a1", body=CUSTOMER)
    agent_writes(fake, "1", "We reset your password; please try again.")
    agent_writes(fake, "1", "Auth logs show a lockout.", visibility="internal")
    store = Store(store_dir / "probe.sqlite3")
    seen: dict[str, object] = {"language": language}
    try:
        app = make_app(store, transport=fake.transport())
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, InboxScreen)
            seen["inbox_footer"] = footer_text(app.screen.query_one(KeyBar))
            seen["views"] = rendered(app.screen.query_one("#views", Static))
            seen["columns"] = rendered(app.screen.query_one("#columns", Static))
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, TicketScreen)
            seen["thread_titles"] = titles(app.screen)
            seen["ticket_head"] = rendered(app.screen.query_one("#ticket-head", Static))
            seen["ticket_footer"] = footer_text(app.screen.query_one(KeyBar))
            await pilot.press("question_mark")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            seen["help"] = "\n".join(rendered(s) for s in app.screen.query(Static))
            await pilot.press("escape", "r")
            await settle(pilot)
            seen["composer_mode"] = rendered(app.screen.query_one("#composer-mode", Static))
            composer = app.screen.query_one(Composer)
            composer.text_area.insert(REPLY)
            await pilot.pause(0.4)  # the composer checks after a 0.25 s pause in typing
            await app.workers.wait_for_complete()
            await pilot.pause()
            seen["findings"] = [(f.category, f.message) for f in composer.lint.findings]
            seen["lint"] = str(composer.lint.content)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, Confirm)
            seen["confirm"] = str(app.screen.query_one(Static).content)
    finally:
        store.close()
    return seen


if __name__ == "__main__":
    print(json.dumps(asyncio.run(probe(Path(sys.argv[1]))), ensure_ascii=False))
